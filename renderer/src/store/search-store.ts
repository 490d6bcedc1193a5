/**
 * Search view state: the query and its options, the last result, which hits are selected
 * for coding, and the code/expansion chosen. Results survive switching tabs.
 */
import { create } from 'zustand';
import type { SearchHit, SearchResult } from '../../../shared/contract/search';
import { api } from '../api/client';
import type { CodeChoice } from '../components/CodeField';
import { useApp } from './app-store';

export type Expansion = 'word' | 'sentence' | 'paragraph' | 'turn';

export const hitKey = (h: Pick<SearchHit, 'documentId' | 'start' | 'end'>): string => `${h.documentId}:${h.start}:${h.end}`;

interface SearchState {
  query: string;
  lang: 'auto' | 'sv' | 'en';
  sort: 'document' | 'relevance';
  /** Leave out the turns of speakers marked as interviewer (from the hits, and so from "code all"). */
  excludeInterviewer: boolean;
  /** Swedish: words also find compounds ("samverkansmöte" for "samverkan"). */
  compounds: boolean;
  /** Word forms the user unticked: searched without them. */
  excludeForms: string[];
  result: SearchResult | null;
  busy: boolean;
  selected: Set<string>;
  code: CodeChoice;
  expand: Expansion;
  message: string | null;
  setQuery(q: string): void;
  setLang(l: 'auto' | 'sv' | 'en'): void;
  setSort(s: 'document' | 'relevance'): void;
  setExcludeInterviewer(on: boolean): void;
  setCompounds(on: boolean): void;
  toggleForm(form: string): void;
  setCode(c: CodeChoice): void;
  setExpand(e: Expansion): void;
  run(): Promise<void>;
  toggle(h: SearchHit): void;
  selectAll(on: boolean): void;
  codeSelected(): Promise<{ codeId: number; created: number; linked: number } | undefined>;
  /** Brings the index up to date in the background (a worker job) if the content changed. */
  warm(): Promise<void>;
}

const LIMIT = 2000;
/** Hits shown before the rest of the list and its counts arrive. */
const FIRST_PAGE = 200;
let warming = false;
let warmTimer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/** Once search is used: after imports and edits, rebuild the index a little later so the next search is instant. */
function listenForChanges(): void {
  if (listening) return;
  listening = true;
  api.on((event) => {
    if (event.type !== 'changed' && event.type !== 'project') return;
    clearTimeout(warmTimer);
    warmTimer = setTimeout(() => void useSearch.getState().warm(), 1500);
  });
}

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  lang: 'auto',
  sort: 'document',
  excludeInterviewer: false,
  compounds: true,
  excludeForms: [],
  result: null,
  busy: false,
  selected: new Set(),
  code: { text: '', codeId: null, create: false },
  expand: 'sentence',
  message: null,
  // a new query starts with every form ticked
  setQuery: (query) => set({ query, excludeForms: [] }),
  setLang: (lang) => {
    set({ lang });
    if (get().result) void get().run();
  },
  setSort: (sort) => {
    set({ sort });
    if (get().result) void get().run();
  },
  setCode: (code) => set({ code }),
  setExcludeInterviewer: (excludeInterviewer) => {
    set({ excludeInterviewer });
    if (get().result) void get().run();
  },
  setCompounds: (compounds) => {
    set({ compounds });
    if (get().result) void get().run();
  },
  toggleForm: (form) => {
    const ex = get().excludeForms;
    set({ excludeForms: ex.includes(form) ? ex.filter((f) => f !== form) : [...ex, form] });
    if (get().result) void get().run();
  },
  setExpand: (expand) => set({ expand }),
  async run() {
    const { query, lang, sort, excludeInterviewer, compounds, excludeForms } = get();
    if (!query.trim()) return;
    set({ busy: true, message: null });
    try {
      const params = { query, sort, excludeInterviewer, compounds, excludeForms, ...(lang === 'auto' ? {} : { lang }) };
      // the first page of hits at once, then the full list with its counts
      const first = await api.call('search.query', { ...params, limit: FIRST_PAGE, countTotal: false });
      set({ result: first, selected: new Set() });
      if (first.total === null) {
        const result = await api.call('search.query', { ...params, limit: LIMIT });
        if (get().query === query) set({ result });
      }
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
    } finally {
      set({ busy: false });
    }
  },
  toggle(h) {
    const next = new Set(get().selected);
    const k = hitKey(h);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    set({ selected: next });
  },
  selectAll(on) {
    set({ selected: on ? new Set(get().result?.hits.map(hitKey) ?? []) : new Set() });
  },
  async warm() {
    listenForChanges();
    if (warming) return;
    warming = true;
    try {
      const st = await api.call('search.status', {});
      if (st.state === 'stale' || st.state === 'missing') await api.call('search.buildIndex', {});
    } catch {
      // a failed warm-up is retried by the next search, which reports its own error
    } finally {
      warming = false;
    }
  },
  async codeSelected() {
    const { result, selected, code, expand } = get();
    const hits = (result?.hits ?? []).filter((h) => selected.has(hitKey(h))).map((h) => ({ documentId: h.documentId, start: h.start, end: h.end }));
    if (!hits.length || !code.text.trim()) return undefined;
    try {
      // A code picked (or found) by id; otherwise the text, which the core resolves or refuses
      // with the nearest codes; a new code only when the user chose "new code".
      const r = await api.call('search.codeHits', { hits, code: code.codeId ?? code.text.trim(), createCode: code.create, expand });
      set({ selected: new Set() });
      return r;
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  },
}));

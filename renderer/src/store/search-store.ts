/**
 * Search view state: the query and its options, the last result, which hits are selected
 * for coding, and the code/expansion chosen. Results survive switching tabs.
 */
import { create } from 'zustand';
import type { SearchHit, SearchResult } from '../../../shared/contract/search';
import { api } from '../api/client';
import { useApp } from './app-store';

export type Expansion = 'word' | 'sentence' | 'paragraph' | 'turn';

export const hitKey = (h: Pick<SearchHit, 'documentId' | 'start' | 'end'>): string => `${h.documentId}:${h.start}:${h.end}`;

interface SearchState {
  query: string;
  lang: 'auto' | 'sv' | 'en';
  sort: 'document' | 'relevance';
  result: SearchResult | null;
  busy: boolean;
  selected: Set<string>;
  codePath: string;
  expand: Expansion;
  message: string | null;
  setQuery(q: string): void;
  setLang(l: 'auto' | 'sv' | 'en'): void;
  setSort(s: 'document' | 'relevance'): void;
  setCodePath(p: string): void;
  setExpand(e: Expansion): void;
  run(): Promise<void>;
  toggle(h: SearchHit): void;
  selectAll(on: boolean): void;
  codeSelected(): Promise<{ created: number; linked: number } | undefined>;
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
  result: null,
  busy: false,
  selected: new Set(),
  codePath: '',
  expand: 'sentence',
  message: null,
  setQuery: (query) => set({ query }),
  setLang: (lang) => {
    set({ lang });
    if (get().result) void get().run();
  },
  setSort: (sort) => {
    set({ sort });
    if (get().result) void get().run();
  },
  setCodePath: (codePath) => set({ codePath }),
  setExpand: (expand) => set({ expand }),
  async run() {
    const { query, lang, sort } = get();
    if (!query.trim()) return;
    set({ busy: true, message: null });
    try {
      const params = { query, sort, ...(lang === 'auto' ? {} : { lang }) };
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
    const { result, selected, codePath, expand } = get();
    const hits = (result?.hits ?? []).filter((h) => selected.has(hitKey(h))).map((h) => ({ documentId: h.documentId, start: h.start, end: h.end }));
    if (!hits.length || !codePath.trim()) return undefined;
    try {
      const r = await api.call('search.codeHits', { hits, code: codePath.trim(), expand });
      set({ selected: new Set() });
      return r;
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  },
}));

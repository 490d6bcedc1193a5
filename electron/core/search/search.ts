/**
 * Running a query: the index finds candidate passages (stemmed terms, wildcards, fuzzy, field
 * filters), then each candidate is read again to verify phrases by word positions and to
 * find every hit's exact offsets for keyword-in-context lines.
 */
import type { Project } from '../project/project';
import { ensureIndex, type EnsureOptions, type LoadedIndex, type PlannedTerm } from './index-store';
import { attrToken } from './index-build';
import { isStopWord, stem, type SearchLanguage } from './language';
import { parseQuery, type Clause, type ParsedQuery } from './query';
import type { SpeakerInfo } from './passages';
import { normalizeWord, withinDistance } from './text';
import type { DocTokens } from './token-cache';
import { inFamily, lexiconRejects, wordFamily, type WordFamily } from './word-forms';

export interface SearchOptions {
  query: string;
  /** Stem the query in this language for all documents; default: each document's own. */
  lang?: SearchLanguage;
  sort?: 'document' | 'relevance';
  limit?: number;
  offset?: number;
  /** Characters of context on each side of a hit. */
  context?: number;
  /** Leave out the turns of speakers marked as interviewer. */
  excludeInterviewer?: boolean;
  /** Swedish: a word also finds compounds with it as first or last part (default on). */
  compounds?: boolean;
  /** Swedish: a word finds the forms of its lemmas in the lexicon (default on). */
  lexicon?: boolean;
  /** Written forms the user unticked: never hits. */
  excludeForms?: string[];
  /** false: stop once the page (in document order) is found, without counting the rest. */
  countTotal?: boolean;
}

export interface SearchHit {
  documentId: number;
  documentName: string;
  start: number;
  end: number;
  passageStart: number;
  passageEnd: number;
  before: string;
  match: string;
  after: string;
  speaker: string | null;
  attributes: Record<string, string>;
  score: number;
}

export interface SearchResult {
  query: string;
  total: number | null;
  more: boolean;
  passages: number;
  hits: SearchHit[];
  perDocument: { documentId: number; documentName: string; hits: number }[];
  perAttribute: { attribute: string; value: string; hits: number; documents: number }[];
  /** Words of the query dropped as stop words (shown to the user so 0 hits make sense). */
  ignored: string[];
  /** The written forms the query's words matched, with their hits, most hits first. */
  forms: { form: string; hits: number }[];
  ms: number;
}

interface Occurrence {
  passage: number;
  start: number;
  end: number;
  score: number;
}

export async function search(p: Project, opts: SearchOptions, ensure: EnsureOptions = {}): Promise<SearchResult> {
  const index = await ensureIndex(p, ensure);
  return searchIndex(index, opts);
}

export function searchIndex(index: LoadedIndex, opts: SearchOptions): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(opts.query);
  const ignored = new Set<string>();
  const occurrences: Occurrence[] = [];
  const matchedPassages = new Set<number>();
  const languages = opts.lang ? [opts.lang] : [...new Set(index.languages.values())];
  if (languages.length === 0) languages.push('sv');
  const hasText = parsed.clauses.some((c) => c.type !== 'field');
  const passes = hasText ? languages : languages.slice(0, 1);
  // In document order with one pass, candidates arrive in the list's order: a page that does
  // not need the total stops at its last hit (one beyond it says more follow), reading only
  // the documents it shows instead of verifying every hit of a common word.
  const stopAt = opts.countTotal === false && opts.sort !== 'relevance' && passes.length === 1 ? (opts.offset ?? 0) + (opts.limit ?? 1000) + 1 : Infinity;
  let stopped = false;
  for (const lang of passes) {
    const plan = planFor(parsed, lang, ignored, { compounds: opts.compounds ?? true, lexicon: opts.lexicon ?? true });
    if (!plan) continue;
    const results = index.candidates(plan.terms, opts.sort === 'relevance');
    const excluded = new Set((opts.excludeForms ?? []).map(normalizeWord));
    const matchers = plan.words.map((w) => matcherFor(index, w, lang, excluded));
    for (const r of results) {
      const pi = r.passage;
      const docId = index.passages.doc(pi);
      // With per-document stemming, a passage is answered by the query in its own language.
      if (!opts.lang && hasText && languages.length > 1 && index.languages.get(docId) !== lang) continue;
      if (matchedPassages.has(pi)) continue;
      if (opts.excludeInterviewer && isInterviewerPassage(index, pi)) continue;
      const found = verify(index, pi, plan, matchers);
      if (!found) continue;
      matchedPassages.add(pi);
      for (const [s, e] of found) occurrences.push({ passage: pi, start: s, end: e, score: r.score });
      if (occurrences.length >= stopAt) {
        stopped = true;
        break;
      }
    }
  }
  return present(index, opts, occurrences, matchedPassages.size, [...ignored], started, stopped);
}


interface Plan {
  terms: PlannedTerm[];
  /** For each word clause: the stem (or prefix) it asks for, to find its hits in a passage. */
  words: { clause: Clause & { type: 'word' }; key: string; family: WordFamily | null }[];
  phrases: { clause: Clause & { type: 'phrase' }; norms: string[] }[];
  /** Some word or phrase (not only exclusions) must be found in the text. */
  anyText: boolean;
}

function planFor(parsed: ParsedQuery, lang: SearchLanguage, ignored: Set<string>, forms: { compounds: boolean; lexicon: boolean }): Plan | undefined {
  const terms: PlannedTerm[] = [];
  const words: Plan['words'] = [];
  const phrases: Plan['phrases'] = [];
  for (const c of parsed.clauses) {
    if (c.type === 'field') {
      const value = normalizeWord(c.value);
      const term = c.field === 'attr' ? attrToken(c.name, c.value) : value;
      terms.push({ term, field: c.field, presence: c.presence, wildcard: c.wildcard, fuzzy: 0 });
    } else if (c.type === 'word') {
      const norm = normalizeWord(c.word);
      if (!c.wildcard && isStopWord(norm, lang)) {
        ignored.add(c.word);
        continue;
      }
      // A prefix may be longer than the stem of its words ("samverkan*" vs the stem "samverk"):
      // the index looks up the stemmed prefix, and the written forms are checked in verify().
      // A fuzzy word is compared as written (its misspelling would stem unpredictably).
      const key = c.wildcard || c.fuzzy ? norm : stem(norm, lang);
      // A plain Swedish word: its lexicon forms and compounds too (an excluded word stays itself).
      const family = !c.wildcard && !c.fuzzy && c.presence !== 'prohibited' && lang === 'sv' && (forms.compounds || forms.lexicon) ? wordFamily(norm, lang, forms) : null;
      words.push({ clause: c, key, family });
      terms.push({
        term: c.fuzzy ? norm : stem(norm, lang),
        field: 'text',
        presence: c.presence,
        wildcard: c.wildcard,
        fuzzy: c.fuzzy,
        ...(family ? { alternatives: family.stems, compoundStems: family.compounds ? family.stems : undefined } : {}),
      });
    } else {
      const norms = c.words.map(normalizeWord);
      phrases.push({ clause: c, norms });
      // Prohibited phrases are checked by position only: excluding each of their words would exclude too much.
      if (c.presence === 'prohibited') continue;
      for (const n of norms) if (!isStopWord(n, lang)) terms.push({ term: stem(n, lang), field: 'text', presence: c.presence, wildcard: false, fuzzy: 0 });
    }
  }
  if (!terms.some((t) => t.presence !== 'prohibited')) {
    // A phrase of stop words only ("och så"): every passage is a candidate, checked by position.
    if (phrases.some((x) => x.clause.presence !== 'prohibited')) terms.push({ term: '', field: 'text', presence: 'optional', wildcard: true, fuzzy: 0 });
    // Only stop words: nothing to look up (a query of exclusions alone is fine).
    else if (terms.length === 0) return undefined;
  }
  const anyText = words.some((w) => w.clause.presence !== 'prohibited') || phrases.some((x) => x.clause.presence !== 'prohibited');
  return { terms, words, phrases, anyText };
}

/** Per query and language: whether a word form satisfies each word clause (memoised by form id). */
type FormMatcher = (formId: number) => boolean;

function matcherFor(index: LoadedIndex, w: Plan['words'][number], lang: SearchLanguage, excluded: Set<string>): FormMatcher {
  // 0 = not yet known, 1 = matches, 2 = does not; indexed by form id (grows with the table).
  let memo = new Uint8Array(1024);
  const { clause, key, family } = w;
  return (id) => {
    if (id >= memo.length) {
      const bigger = new Uint8Array(Math.max(id + 1, memo.length * 2));
      bigger.set(memo);
      memo = bigger;
    }
    let m = memo[id]!;
    if (m === 0) {
      const norm = index.tokens.form(id);
      let ok: boolean;
      if (excluded.has(norm)) ok = false;
      else if (clause.wildcard) ok = norm.startsWith(key);
      else if (isStopWord(norm, lang)) ok = false;
      else if (family && inFamily(norm, family)) ok = true;
      else if (clause.fuzzy) ok = withinDistance(stem(norm, lang), key, clause.fuzzy) || withinDistance(norm, key, clause.fuzzy);
      // the lexicon is asked only about forms Snowball would take: every other form of a
      // document read would make it parse most of the dictionary on the first search
      else ok = stem(norm, lang) === key && !(family && lexiconRejects(norm, family));
      memo[id] = m = ok ? 1 : 2;
    }
    return m === 1;
  };
}

/** Hit spans in a candidate passage, or undefined if it does not really match (phrases). */
function verify(index: LoadedIndex, pi: number, plan: Plan, matchers: FormMatcher[]): [number, number][] | undefined {
  const docId = index.passages.doc(pi);
  const ps = index.passages.start(pi);
  const pe = index.passages.end(pi);
  const anyText = plan.anyText;
  if (!anyText && plan.phrases.length === 0) {
    // Field filters only: the whole passage is the hit.
    return [[ps, pe]];
  }
  const d = index.tokens.doc(docId);
  const [first, last] = index.tokens.range(d, ps, pe);
  const spans: [number, number][] = [];
  let optionalSeen = false;
  let requiredText = false;
  for (let k = 0; k < plan.words.length; k++) {
    const w = plan.words[k]!;
    if (w.clause.presence === 'prohibited') continue;
    if (w.clause.presence === 'required') requiredText = true;
    const match = matchers[k]!;
    let any = false;
    for (let i = first; i < last; i++) {
      if (match(d.norms[i]!)) {
        spans.push([d.starts[i]!, d.ends[i]!]);
        any = true;
      }
    }
    if (w.clause.presence === 'required' && !any) return undefined;
    if (any) optionalSeen = true;
  }
  for (const ph of plan.phrases) {
    const found = phraseSpans(index, d, first, last, ph.norms);
    if (ph.clause.presence === 'prohibited') {
      if (found.length) return undefined;
      continue;
    }
    if (ph.clause.presence === 'required') {
      requiredText = true;
      if (!found.length) return undefined;
    }
    if (found.length) optionalSeen = true;
    spans.push(...found);
  }
  if (!anyText) return [[ps, pe]];
  if (!requiredText && !optionalSeen) return undefined;
  // One word clause finds its hits in text order already; several may overlap or interleave.
  return plan.words.length + plan.phrases.length > 1 ? mergeSpans(spans) : spans;
}

function phraseSpans(index: LoadedIndex, d: DocTokens, first: number, last: number, norms: string[]): [number, number][] {
  const ids: number[] = [];
  for (const n of norms) {
    const id = index.tokens.formId(n);
    if (id === undefined) return []; // a word no document read so far contains, so not this one
    ids.push(id);
  }
  const out: [number, number][] = [];
  for (let i = first; i + ids.length <= last; i++) {
    let ok = true;
    for (let j = 0; j < ids.length; j++) {
      if (d.norms[i + j] !== ids[j]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push([d.starts[i]!, d.ends[i + ids.length - 1]!]);
  }
  return out;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

function present(index: LoadedIndex, opts: SearchOptions, occ: Occurrence[], passages: number, ignored: string[], started: number, stopped = false): SearchResult {
  // Documents keep the order they were added in (documents/store.ts): the id is the position.
  const pos = (pi: number): number => index.passages.doc(pi);
  if (opts.sort === 'relevance') occ.sort((a, b) => b.score - a.score || pos(a.passage) - pos(b.passage) || a.start - b.start);
  else if (!inPassageOrder(occ)) occ.sort((a, b) => pos(a.passage) - pos(b.passage) || a.start - b.start);

  // Hits per (document, speaker) first: attribute counts follow from those, not from each hit.
  const perDoc = new Map<number, number>();
  const perWho = new Map<string, { passage: number; hits: number }>();
  for (const o of occ) {
    const docId = index.passages.doc(o.passage);
    perDoc.set(docId, (perDoc.get(docId) ?? 0) + 1);
    const who = `${docId}:${index.passages.speaker(o.passage)}`;
    const w = perWho.get(who);
    if (w) w.hits++;
    else perWho.set(who, { passage: o.passage, hits: 1 });
  }
  const perAttr = new Map<string, { attribute: string; value: string; hits: number; docs: Set<number> }>();
  for (const { passage, hits } of perWho.values()) {
    const docId = index.passages.doc(passage);
    for (const [k, v] of Object.entries(attributesOf(index, passage))) {
      const key = `${k}\u0000${v}`;
      let a = perAttr.get(key);
      if (!a) perAttr.set(key, (a = { attribute: k, value: v, hits: 0, docs: new Set() }));
      a.hits += hits;
      a.docs.add(docId);
    }
  }
  // The written forms hit, so the user sees what the query found and can untick a form.
  const forms = new Map<string, number>();
  for (const o of occ) {
    const written = index.text(index.passages.doc(o.passage)).slice(o.start, o.end);
    if (/\s/u.test(written)) continue; // a phrase is not a word form
    const norm = normalizeWord(written);
    forms.set(norm, (forms.get(norm) ?? 0) + 1);
  }
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 1000;
  const context = opts.context ?? 60;
  const hits = occ.slice(offset, offset + limit).map((o) => toHit(index, o, context));
  return {
    query: opts.query,
    total: stopped ? null : occ.length,
    more: occ.length > offset + limit,
    passages,
    hits,
    perDocument: stopped ? [] : [...perDoc].map(([documentId, n]) => ({ documentId, documentName: index.document(documentId)?.name ?? '', hits: n })),
    perAttribute: stopped ? [] : [...perAttr.values()].map((a) => ({ attribute: a.attribute, value: a.value, hits: a.hits, documents: a.docs.size })),
    ignored,
    forms: [...forms].map(([form, n]) => ({ form, hits: n })).sort((a, b) => b.hits - a.hits || a.form.localeCompare(b.form, 'sv')),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** A turn of a speaker marked as interviewer: left out when the user asks (their questions echo the topic). */
function isInterviewerPassage(index: LoadedIndex, pi: number): boolean {
  return speakerOf(index, pi)?.isInterviewer === true;
}

/** Passages are numbered in document order, so hits found in passage order need no sort. */
function inPassageOrder(occ: Occurrence[]): boolean {
  for (let i = 1; i < occ.length; i++) {
    const a = occ[i - 1]!;
    const b = occ[i]!;
    if (b.passage < a.passage || (b.passage === a.passage && b.start < a.start)) return false;
  }
  return true;
}

function speakerOf(index: LoadedIndex, pi: number): SpeakerInfo | undefined {
  const sid = index.passages.speaker(pi);
  return sid >= 0 ? index.document(index.passages.doc(pi))?.speakers.get(sid) : undefined;
}

function attributesOf(index: LoadedIndex, pi: number): Record<string, string> {
  const doc = index.document(index.passages.doc(pi));
  return { ...(doc?.attributes ?? {}), ...(speakerOf(index, pi)?.attributes ?? {}) };
}

function toHit(index: LoadedIndex, o: Occurrence, context: number): SearchHit {
  const docId = index.passages.doc(o.passage);
  const text = index.text(docId);
  const ps = index.passages.start(o.passage);
  const pe = index.passages.end(o.passage);
  const sp = speakerOf(index, o.passage);
  return {
    documentId: docId,
    documentName: index.document(docId)?.name ?? '',
    start: o.start,
    end: o.end,
    passageStart: ps,
    passageEnd: pe,
    before: contextBefore(text, ps, o.start, context),
    match: text.slice(o.start, o.end),
    after: contextAfter(text, o.end, pe, context),
    speaker: sp ? (sp.name ?? sp.label) : null,
    attributes: attributesOf(index, o.passage),
    score: Math.round(o.score * 1000) / 1000,
  };
}

/** Up to n characters before the hit, starting at a word boundary, on one line. */
function contextBefore(text: string, from: number, at: number, n: number): string {
  let s = Math.max(from, at - n);
  if (s > from) while (s < at && !/\s/.test(text[s - 1]!)) s++;
  return (s > from ? '… ' : '') + text.slice(s, at).replace(/\s+/g, ' ').trimStart();
}

function contextAfter(text: string, at: number, to: number, n: number): string {
  let e = Math.min(to, at + n);
  if (e < to) while (e > at && !/\s/.test(text[e]!)) e--;
  return text.slice(at, e).replace(/\s+/g, ' ').trimEnd() + (e < to ? ' …' : '');
}

/**
 * One read of the code tree and every code–quotation link, narrowed to a set of documents:
 * the raw material for theme tables, matrices and co-occurrence. Plain arrays and maps so the
 * analyses stay well under 200 ms on 20,000 quotations.
 */
import { joinCodePath } from '../coding/codes';
import type { Project } from '../project/project';

export interface IndexedCode {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  depth: number;
  children: number[];
}

export interface IndexedQuotation {
  id: number;
  documentId: number;
  start: number;
  end: number;
  /** Codes linked directly. */
  codes: number[];
}

export interface CodingIndex {
  /** Depth-first, siblings in position order. */
  codes: IndexedCode[];
  byId: Map<number, IndexedCode>;
  byPath: Map<string, IndexedCode>;
  /** Quotations in kept documents, in document order then by start. */
  quotations: IndexedQuotation[];
  /** Direct links: code id → quotations (in the order above). */
  direct: Map<number, IndexedQuotation[]>;
  /** Document texts read so far for example quotations; lives as long as the index. */
  texts: Map<number, string>;
  /**
   * What analyses derive from the index and keep as long as it lives (a live preview asks for
   * the same table again while nothing changed): deep quotation lists by code, and the number
   * of documents among them.
   */
  deep: Map<number, IndexedQuotation[]>;
  deepDocuments: Map<number, number>;
  /** Example candidates of a code in runs of one document each (theme-table.ts `documentRuns`), by code, list and quote length. */
  runs: Map<string, DocumentRun[]>;
}

/** Consecutive quotations of one document in a code's list, and the most readable of them for a quote length. */
export interface DocumentRun {
  quotations: IndexedQuotation[];
  best: IndexedQuotation;
}

/**
 * The whole-project index, kept per connection until the database changes. SQLite's
 * total_changes() counts rows written by this connection and PRAGMA data_version changes
 * when another connection (a job's worker) commits, so together they say "nothing changed"
 * for the price of one tiny query: the live preview then re-renders without re-reading.
 */
const cache = new WeakMap<object, { stamp: string; index: CodingIndex }>();

function changeStamp(p: Project): string {
  const changes = p.db.prepare('SELECT total_changes()').pluck().get() as number;
  const version = p.db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

/** Forgets the cached index (benchmarks measure the cold path with it). */
export function clearCodingIndexCache(p: Project): void {
  cache.delete(p.db);
}

export function loadCodingIndex(p: Project, keep: Set<number> | null): CodingIndex {
  const stamp = changeStamp(p);
  let hit = cache.get(p.db);
  if (!hit || hit.stamp !== stamp) {
    hit = { stamp, index: readCodingIndex(p) };
    cache.set(p.db, hit);
  }
  return keep ? narrow(hit.index, keep) : hit.index;
}

/** The index restricted to some documents (quotations and links only; codes are shared). */
function narrow(all: CodingIndex, keep: Set<number>): CodingIndex {
  const quotations = all.quotations.filter((q) => keep.has(q.documentId));
  const direct = new Map<number, IndexedQuotation[]>();
  for (const [code, list] of all.direct) {
    const kept = list.filter((q) => keep.has(q.documentId));
    if (kept.length) direct.set(code, kept);
  }
  return { ...all, quotations, direct, deep: new Map(), deepDocuments: new Map(), runs: new Map() };
}

function readCodingIndex(p: Project): CodingIndex {
  const rows = p.db.prepare('SELECT id, parent_id, name FROM codes ORDER BY position, id').all() as { id: number; parent_id: number | null; name: string }[];
  const kids = new Map<number | null, typeof rows>();
  for (const r of rows) {
    const l = kids.get(r.parent_id);
    if (l) l.push(r);
    else kids.set(r.parent_id, [r]);
  }
  const codes: IndexedCode[] = [];
  const byId = new Map<number, IndexedCode>();
  const byPath = new Map<string, IndexedCode>();
  const visit = (r: (typeof rows)[number], depth: number, names: string[]): void => {
    const own = [...names, r.name];
    const c: IndexedCode = { id: r.id, parentId: r.parent_id, name: r.name, path: joinCodePath(own), depth, children: (kids.get(r.id) ?? []).map((k) => k.id) };
    codes.push(c);
    byId.set(c.id, c);
    byPath.set(c.path, c);
    for (const k of kids.get(r.id) ?? []) visit(k, depth + 1, own);
  };
  for (const r of kids.get(null) ?? []) visit(r, 0, []);

  // Flat reads, no JOIN: a plain table scan (faster than walking the (document, start) index and
  // fetching each row), quotations bucketed per document and each bucket put in start order,
  // then the buckets in project order.
  // Project order is id order (documents keep the order they were added in); ORDER BY position would
  // walk every document's text, which lies before position in each row.
  const docOrder = p.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  // Iterated, not read into one array first: 200,000 short-lived row arrays held at once made
  // the garbage collector the largest cost of a cold table on the 10x corpus.
  const qrows = p.db.prepare('SELECT id, document_id, start, "end" FROM quotations').raw().iterate() as Iterable<[number, number, number, number]>;
  const buckets = new Map<number, IndexedQuotation[]>();
  // Quotation ids are dense row ids: an array indexed by id beats a Map on 20,000 rows.
  const byQid: (IndexedQuotation | undefined)[] = [];
  for (const [id, doc, start, end] of qrows) {
    const q: IndexedQuotation = { id, documentId: doc, start, end, codes: [] };
    const bucket = buckets.get(doc);
    if (bucket) bucket.push(q);
    else buckets.set(doc, [q]);
    byQid[id] = q;
  }
  const quotations: IndexedQuotation[] = [];
  for (const doc of docOrder) {
    const bucket = buckets.get(doc);
    if (!bucket) continue;
    let sorted = true;
    for (let i = 1; i < bucket.length && sorted; i++) sorted = bucket[i - 1]!.start < bucket[i]!.start || (bucket[i - 1]!.start === bucket[i]!.start && bucket[i - 1]!.id < bucket[i]!.id);
    if (!sorted) bucket.sort((x, y) => x.start - y.start || x.id - y.id);
    for (const q of bucket) quotations.push(q);
  }
  for (const [qid, code] of p.db.prepare('SELECT quotation_id, code_id FROM quotation_codes').raw().iterate() as Iterable<[number, number]>) {
    byQid[qid]?.codes.push(code);
  }
  const direct = new Map<number, IndexedQuotation[]>();
  for (const q of quotations) {
    if (q.codes.length === 0) continue;
    for (const code of q.codes) {
      const l = direct.get(code);
      if (l) l.push(q);
      else direct.set(code, [q]);
    }
  }
  // Only coded quotations take part in the analyses.
  const coded = quotations.filter((q) => q.codes.length > 0);
  return { codes, byId, byPath, quotations: coded, direct, texts: new Map(), deep: new Map(), deepDocuments: new Map(), runs: new Map() };
}

/** Ids of a code and everything below it, from the index (no SQL). */
export function subtree(index: CodingIndex, codeId: number): number[] {
  const out: number[] = [];
  const walk = (id: number): void => {
    out.push(id);
    for (const k of index.byId.get(id)?.children ?? []) walk(k);
  };
  walk(codeId);
  return out;
}

/** Distinct quotations of a code with its sub-codes, memoised per index. */
export function deepQuotations(index: CodingIndex, memo: Map<number, IndexedQuotation[]>, codeId: number): IndexedQuotation[] {
  const hit = memo.get(codeId);
  if (hit) return hit;
  const code = index.byId.get(codeId);
  let out: IndexedQuotation[];
  if (!code || code.children.length === 0) out = index.direct.get(codeId) ?? [];
  else {
    const seen = new Set<IndexedQuotation>(index.direct.get(codeId) ?? []);
    for (const k of code.children) for (const q of deepQuotations(index, memo, k)) seen.add(q);
    out = [...seen];
  }
  memo.set(codeId, out);
  return out;
}

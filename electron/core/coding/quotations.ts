/** Quotations: a span of a document (UTF-16 offsets into its stored text) linked to codes. */
import { IN_LIST, listParam } from '../db/sql-list';
import type { Quotation } from '../../../shared/contract';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { codeClause, codeFilterIsRare } from './code-filter';
import { subtreeIds } from './codes';

export interface NewQuotation {
  documentId: number;
  start: number;
  end: number;
  codeIds?: number[];
  comment?: string | null;
  coderId?: number;
}

/** Prepared statements per open database, so hot paths (bench, code-all-hits) do not re-prepare. */
const statements = new WeakMap<object, ReturnType<typeof prepare>>();
function prepare(p: Project) {
  return {
    docLength: p.db.prepare('SELECT chars FROM documents WHERE id = ?').pluck(),
    insert: p.db.prepare('INSERT INTO quotations(guid, document_id, start, "end", comment, coder_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    link: p.db.prepare('INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)'),
  };
}
function stmts(p: Project) {
  let s = statements.get(p.db);
  if (!s) statements.set(p.db, (s = prepare(p)));
  return s;
}

export function createQuotation(p: Project, q: NewQuotation): number {
  const s = stmts(p);
  const chars = s.docLength.get(q.documentId) as number | undefined;
  if (chars === undefined) throw new UserError('not-found', `no document with id ${q.documentId}`);
  if (!Number.isInteger(q.start) || !Number.isInteger(q.end) || q.start < 0 || q.end <= q.start || q.end > chars) {
    throw new UserError('bad-input', `quotation ${q.start}-${q.end} does not lie within the document (0-${chars})`);
  }
  return p.transaction(() => insertCheckedQuotation(p, q));
}

/**
 * The rows of a quotation whose span the caller has checked against its document already
 * (code-all-hits writes tens of thousands at once); inside the caller's transaction.
 */
export function insertCheckedQuotation(p: Project, q: NewQuotation): number {
  const s = stmts(p);
  const coder = q.coderId ?? p.currentCoderId();
  const now = p.now();
  const id = Number(s.insert.run(p.guid(), q.documentId, q.start, q.end, q.comment ?? null, coder, now, now).lastInsertRowid);
  for (const c of q.codeIds ?? []) s.link.run(id, c, coder, now);
  return id;
}

export interface QuotationFilter {
  /** Only these quotations. */
  ids?: number[];
  documentId?: number;
  codeId?: number;
  includeSubcodes?: boolean;
  limit?: number;
}

type QuoteTuple = [id: number, guid: string, documentId: number, start: number, end: number, comment: string | null, coderId: number | null, createdAt: string, needsReview: number];

/**
 * All quotations and links of a connection, kept while the database is unchanged:
 * total_changes() moves with every write on this connection, PRAGMA data_version with every
 * commit by another one (a worker). Listing a large subtree then needs no SQL at all.
 */
interface Snapshot {
  key: string;
  rows: Map<number, QuoteTuple>;
  byCode: Map<number, number[]>;
  links: Map<number, number[]>;
  docs: Map<number, string>;
  coders: Map<number, string>;
  memos: Map<number, number>;
}
const snapshots = new WeakMap<object, Snapshot>();

const lastKeys = new WeakMap<object, string>();

/**
 * The snapshot, or undefined right after a change: reading everything again costs more than
 * one listing by SQL, so it is rebuilt only when a second listing finds the data unchanged
 * (browsing the code tree), not after every coding action.
 */
function snapshot(p: Project): Snapshot | undefined {
  const key = `${p.db.prepare('SELECT total_changes()').pluck().get() as number}:${p.db.pragma('data_version', { simple: true }) as number}`;
  const known = snapshots.get(p.db);
  if (known && known.key === key) return known;
  if (lastKeys.get(p.db) !== key) {
    lastKeys.set(p.db, key);
    return undefined;
  }
  const rows = new Map<number, QuoteTuple>();
  for (const r of p.db.prepare('SELECT id, guid, document_id, start, "end", comment, coder_id, created_at, needs_review FROM quotations').raw().all() as QuoteTuple[]) rows.set(r[0], r);
  const byCode = new Map<number, number[]>();
  const links = new Map<number, number[]>();
  for (const [q, c] of p.db.prepare('SELECT quotation_id, code_id FROM quotation_codes ORDER BY quotation_id, code_id').raw().all() as [number, number][]) {
    const a = byCode.get(c);
    if (a) a.push(q);
    else byCode.set(c, [q]);
    const b = links.get(q);
    if (b) b.push(c);
    else links.set(q, [c]);
  }
  const docs = documentNames(p);
  const coders = new Map(p.db.prepare('SELECT id, name FROM coders').raw().all() as [number, string][]);
  const snap = { key, rows, byCode, links, docs, coders, memos: memoCounts(p) };
  snapshots.set(p.db, snap);
  return snap;
}

/** A code's quotations (with its sub-codes unless told otherwise) from the snapshot. */
function listFromSnapshot(p: Project, s: Snapshot, f: QuotationFilter & { codeId: number }): Quotation[] {
  const codes = f.includeSubcodes === false ? [f.codeId] : subtreeIds(p, f.codeId);
  const ids = new Set<number>();
  for (const c of codes) for (const q of s.byCode.get(c) ?? []) ids.add(q);
  const only = f.ids ? new Set(f.ids) : null;
  const rows: QuoteTuple[] = [];
  for (const id of ids) {
    const r = s.rows.get(id)!;
    if (only && !only.has(id)) continue;
    if (f.documentId !== undefined && r[2] !== f.documentId) continue;
    rows.push(r);
  }
  rows.sort(listOrder);
  const kept = f.limit ? rows.slice(0, Math.floor(f.limit)) : rows;
  const textOf = textCache(p);
  return kept.map(([id, guid, documentId, start, end, comment, coderId, createdAt, needsReview]) => ({
    id,
    guid,
    documentId,
    documentName: s.docs.get(documentId)!,
    start,
    end,
    text: textOf(documentId).slice(start, end),
    comment,
    coder: coderId === null ? null : (s.coders.get(coderId) ?? null),
    createdAt,
    codeIds: [...(s.links.get(id) ?? [])],
    needsReview: needsReview === 1,
    memos: s.memos.get(id) ?? 0,
  }));
}

/**
 * The quotation list's SQL, in the list's order: by document, then position in it. Documents
 * keep the order they were added in (documents/store.ts), so that is the order of the
 * quotations_document index (document_id, start, then the row id): SQLite reads the first
 * page straight off the index, with no sort of the whole selection.
 */
export function quotationListSql(where: string, walkIndex = true): string {
  // INDEXED BY: with a code filter the planner would rather start from the code's links and
  // sort them all, which costs the whole selection before the first row (right only for a
  // rare code: codeFilterIsRare in query.ts)
  return `SELECT q.id, q.guid, q.document_id, q.start, q."end", q.comment, q.coder_id, q.created_at, q.needs_review FROM quotations q ${walkIndex ? 'INDEXED BY quotations_document ' : ''}${where}
          ORDER BY q.document_id, q.start, q.id`;
}

/**
 * Quotations in list order: by document (documents keep the order they were added in, so
 * by id, documents/store.ts), then by position in it.
 */
function listOrder(a: QuoteTuple, b: QuoteTuple): number {
  return a[2] - b[2] || a[3] - b[3] || a[0] - b[0];
}

/**
 * Document names by id, of the given documents or all. Only columns that come before the
 * text in a row are read: reading one behind it (position, source_name) walks the whole
 * text of every document, 106 MB on 1,440 interviews.
 */
function documentNames(p: Project, ids?: number[]): Map<number, string> {
  const rows = (ids ? p.db.prepare(`SELECT id, name FROM documents WHERE id ${IN_LIST}`).raw().all(listParam(ids)) : p.db.prepare('SELECT id, name FROM documents').raw().all()) as [number, string][];
  return new Map(rows);
}

export function listQuotations(p: Project, f: QuotationFilter = {}): Quotation[] {
  // A page is read off the index in list order (below); the snapshot serves whole lists.
  if (f.codeId !== undefined && f.limit === undefined) {
    const snap = snapshot(p);
    if (snap) return listFromSnapshot(p, snap, { ...f, codeId: f.codeId });
  }
  const where: string[] = [];
  const args: unknown[] = [];
  // The selected ids come first as a CTE, so the code links can be read for them in one pass
  // (a correlated group_concat per row was the slowest part of listing a large subtree).
  let selected = 'SELECT id FROM quotations';
  const selectedArgs: string[] = [];
  let codeIds: number[] | undefined;
  if (f.codeId !== undefined) {
    const ids = (codeIds = f.includeSubcodes === false ? [f.codeId] : subtreeIds(p, f.codeId));
    selected = `SELECT DISTINCT quotation_id AS id FROM quotation_codes WHERE code_id ${IN_LIST}`;
    selectedArgs.push(listParam(ids));
    args.push(listParam(ids));
  }
  if (f.ids !== undefined) {
    where.push(`q.id ${IN_LIST}`);
    args.push(listParam(f.ids));
  }
  if (f.documentId !== undefined) {
    where.push('q.document_id = ?');
    args.push(f.documentId);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // A page, or a list without a code, is read in list order off the quotations_document index
  // and stops at the limit; a code's whole list is gathered from its links and sorted here.
  const paged = f.codeId === undefined || f.limit !== undefined;
  // a code's page walks the list order index unless the code is rare (code-filter.ts)
  const rare = paged && codeIds !== undefined && codeFilterIsRare(p, [codeIds], 'or');
  const rows = (
    paged
      ? p.db
          .prepare(`${quotationListSql(f.codeId === undefined ? filter : `WHERE ${codeClause(rare ? 'in' : 'exists')}${where.length ? ` AND ${where.join(' AND ')}` : ''}`, !rare)} LIMIT ?`)
          .raw()
          .all(...args, f.limit ? Math.floor(f.limit) : -1)
      : p.db
          .prepare(
            `WITH sel(id) AS (${selected})
             SELECT q.id, q.guid, q.document_id, q.start, q."end", q.comment, q.coder_id, q.created_at, q.needs_review
             FROM sel JOIN quotations q ON q.id = sel.id ${filter}`,
          )
          .raw()
          .all(...args)
  ) as QuoteTuple[];
  if (!paged) rows.sort(listOrder);
  const kept = f.limit ? rows.slice(0, Math.floor(f.limit)) : rows;
  const docs = documentNames(p, [...new Set(kept.map((r) => r[2]))]);
  const coders = new Map(p.db.prepare('SELECT id, name FROM coders').raw().all() as [number, string][]);
  const links = new Map<number, number[]>();
  // the kept rows' links, a chunk at a time (not every link of a large selection)
  for (let i = 0; i < kept.length; i += 500) {
    const ids = kept.slice(i, i + 500).map((r) => r[0]);
    for (const [q, c] of p.db.prepare(`SELECT quotation_id, code_id FROM quotation_codes WHERE quotation_id ${IN_LIST}`).raw().all(listParam(ids)) as [number, number][]) {
      const list = links.get(q);
      if (list) list.push(c);
      else links.set(q, [c]);
    }
  }
  const textOf = textCache(p);
  const memos = memoCounts(p, kept.map((r) => r[0]));
  return kept.map(([id, guid, documentId, start, end, comment, coderId, createdAt, needsReview]) => ({
    id,
    guid,
    documentId,
    documentName: docs.get(documentId)!,
    start,
    end,
    text: textOf(documentId).slice(start, end),
    comment,
    coder: coderId === null ? null : (coders.get(coderId) ?? null),
    createdAt,
    codeIds: links.get(id)?.sort((a, b) => a - b) ?? [],
    needsReview: needsReview === 1,
    memos: memos.get(id) ?? 0,
  }));
}

/**
 * Memos per quotation (only quotations that have one): of the given quotations (a page, off
 * the memos_quotation index), or of all.
 */
export function memoCounts(p: Project, ids?: number[]): Map<number, number> {
  const rows = ids
    ? p.db.prepare(`SELECT quotation_id, count(*) FROM memos WHERE quotation_id ${IN_LIST} GROUP BY quotation_id`).raw().all(listParam(ids))
    : p.db.prepare('SELECT quotation_id, count(*) FROM memos WHERE quotation_id IS NOT NULL GROUP BY quotation_id').raw().all();
  return new Map(rows as [number, number][]);
}

/**
 * Document texts, cached per connection until content_version changes (document text only
 * changes with it). SQLite's substr counts code points, our offsets are UTF-16 units, so
 * quotation text is sliced here. The cache keeps the texts used last, up to TEXT_CACHE_CHARS
 * (a page of quotations spans a few dozen interviews; paging through 1,440 must not keep
 * all 106 MB of their text).
 */
const TEXT_CACHE_CHARS = 16 * 1024 * 1024;
const texts = new WeakMap<object, { version: number; byId: Map<number, string>; chars: number }>();
export function textCache(p: Project): (documentId: number) => string {
  const version = p.contentVersion();
  let cache = texts.get(p.db);
  if (!cache || cache.version !== version) texts.set(p.db, (cache = { version, byId: new Map(), chars: 0 }));
  const c = cache;
  const get = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  return (id) => {
    let t = c.byId.get(id);
    if (t !== undefined) {
      // most recently used last
      c.byId.delete(id);
      c.byId.set(id, t);
      return t;
    }
    t = (get.get(id) as string | undefined) ?? '';
    c.byId.set(id, t);
    c.chars += t.length;
    for (const [old, text] of c.byId) {
      if (c.chars <= TEXT_CACHE_CHARS || old === id) break;
      c.byId.delete(old);
      c.chars -= text.length;
    }
    return t;
  };
}

export function getQuotation(p: Project, id: number): Quotation {
  const [q] = listQuotations(p, { ids: [id] });
  if (!q) throw new UserError('not-found', `no quotation with id ${id}`);
  return q;
}

/** Quotations: a span of a document (UTF-16 offsets into its stored text) linked to codes. */
import type { Quotation } from '../../../shared/contract';
import { UserError } from '../errors';
import type { Project } from '../project/project';
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
  const coder = q.coderId ?? p.currentCoderId();
  const now = p.now();
  return p.transaction(() => {
    const id = Number(s.insert.run(p.guid(), q.documentId, q.start, q.end, q.comment ?? null, coder, now, now).lastInsertRowid);
    for (const c of q.codeIds ?? []) s.link.run(id, c, coder, now);
    return id;
  });
}

interface QuoteRow {
  id: number;
  guid: string;
  document_id: number;
  document_name: string;
  start: number;
  end: number;
  comment: string | null;
  coder: string | null;
  created_at: string;
  code_ids: string | null;
}

export interface QuotationFilter {
  /** Only these quotations. */
  ids?: number[];
  documentId?: number;
  codeId?: number;
  includeSubcodes?: boolean;
  limit?: number;
}

export function listQuotations(p: Project, f: QuotationFilter = {}): Quotation[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.ids !== undefined) {
    where.push(`q.id IN (${f.ids.map(() => '?').join(',') || 'NULL'})`);
    args.push(...f.ids);
  }
  if (f.documentId !== undefined) {
    where.push('q.document_id = ?');
    args.push(f.documentId);
  }
  if (f.codeId !== undefined) {
    const ids = f.includeSubcodes === false ? [f.codeId] : subtreeIds(p, f.codeId);
    where.push(`q.id IN (SELECT quotation_id FROM quotation_codes WHERE code_id IN (${ids.map(() => '?').join(',')}))`);
    args.push(...ids);
  }
  const sql = `
    SELECT q.id, q.guid, q.document_id, d.name AS document_name, q.start, q."end",
           q.comment, c.name AS coder, q.created_at,
           (SELECT group_concat(code_id) FROM quotation_codes WHERE quotation_id = q.id) AS code_ids
    FROM quotations q JOIN documents d ON d.id = q.document_id LEFT JOIN coders c ON c.id = q.coder_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY d.position, q.document_id, q.start, q.id
    ${f.limit ? `LIMIT ${Math.floor(f.limit)}` : ''}`;
  const rows = p.db.prepare(sql).all(...args) as QuoteRow[];
  const textOf = textCache(p);
  return rows.map((r) => ({
    id: r.id,
    guid: r.guid,
    documentId: r.document_id,
    documentName: r.document_name,
    start: r.start,
    end: r.end,
    text: textOf(r.document_id).slice(r.start, r.end),
    comment: r.comment,
    coder: r.coder,
    createdAt: r.created_at,
    codeIds: r.code_ids ? r.code_ids.split(',').map(Number) : [],
  }));
}

/**
 * Document texts, cached per connection until content_version changes (document text only
 * changes with it). SQLite's substr counts code points, our offsets are UTF-16 units, so
 * quotation text is sliced here.
 */
const texts = new WeakMap<object, { version: number; byId: Map<number, string> }>();
export function textCache(p: Project): (documentId: number) => string {
  const version = p.contentVersion();
  let cache = texts.get(p.db);
  if (!cache || cache.version !== version) texts.set(p.db, (cache = { version, byId: new Map() }));
  const byId = cache.byId;
  const get = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  return (id) => {
    let t = byId.get(id);
    if (t === undefined) byId.set(id, (t = (get.get(id) as string | undefined) ?? ''));
    return t;
  };
}

export function getQuotation(p: Project, id: number): Quotation {
  const [q] = listQuotations(p, { ids: [id] });
  if (!q) throw new UserError('not-found', `no quotation with id ${id}`);
  return q;
}

/**
 * Quotations and code links of one input into the merged project. A quotation is matched by
 * GUID, else by the same range in the same document by the same coder (so an identical range
 * coded by the same coder in two copies is one quotation), else added with its coder. A link
 * is added unless the quotation already has that code; when it has it from another coder,
 * the link goes onto a quotation of this coder's own with the same range, so every coder's
 * coding survives the union exactly (the schema keeps one coder per quotation and code).
 */
import { createHash } from 'node:crypto';
import type { Project } from '../project/project';
import { RULES, type MergeConflict } from './report';

/** A GUID made from its parts, so merging the same inputs again makes the same one. */
export function derivedGuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Shaped as a version-5-style UUID (name-based), which REFI-QDA accepts as a GUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function mergeQuotations(p: Project, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): { byGuid: number; byRange: number } {
  const db = p.db;
  db.exec(`
    DROP TABLE IF EXISTS temp.mq; DROP TABLE IF EXISTS temp.ml;
    CREATE TEMP TABLE mq(src_id INTEGER PRIMARY KEY, guid TEXT NOT NULL, doc INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
      coder INTEGER, comment TEXT, created_at TEXT NOT NULL, modified_at TEXT NOT NULL, out_id INTEGER, how TEXT);
    INSERT INTO temp.mq(src_id, guid, doc, start, "end", coder, comment, created_at, modified_at)
      SELECT q.id, q.guid, md.out_id, q.start, q."end", mc.out_id, q.comment, q.created_at, q.modified_at
      FROM src.quotations q JOIN temp.map_doc md ON md.src_id = q.document_id AND md.same_text = 1
      LEFT JOIN temp.map_coder mc ON mc.src_id = q.coder_id;
    UPDATE temp.mq SET out_id = (SELECT o.id FROM main.quotations o WHERE o.guid = mq.guid), how = 'guid';
    UPDATE temp.mq SET how = NULL WHERE out_id IS NULL;
  `);
  const changed = db
    .prepare(
      `SELECT mq.guid, d.name, o.start AS ks, o."end" AS ke, mq.start AS hs, mq."end" AS he, o.comment AS kc, mq.comment AS hc
       FROM temp.mq JOIN main.quotations o ON o.id = mq.out_id JOIN main.documents d ON d.id = o.document_id
       WHERE o.start <> mq.start OR o."end" <> mq."end" OR o.comment IS NOT mq.comment`,
    )
    .all() as { guid: string; name: string; ks: number; ke: number; hs: number; he: number; kc: string | null; hc: string | null }[];
  for (const c of changed) {
    const what = c.ks !== c.hs || c.ke !== c.he ? `range ${c.hs}-${c.he} in ${source}` : `comment "${c.hc ?? ''}" in ${source}`;
    conflicts.push({ entity: 'quotation', what: `${c.name} ${c.ks}-${c.ke}`, guid: c.guid, sources: [origin.get(c.guid) ?? source, source], detail: `changed differently: ${what}`, rule: RULES.firstKept });
  }
  db.exec(`
    UPDATE temp.mq SET how = 'range', out_id = (
      SELECT o.id FROM main.quotations o WHERE o.document_id = mq.doc AND o.start = mq.start AND o."end" = mq."end" AND o.coder_id IS mq.coder ORDER BY o.id LIMIT 1)
      WHERE out_id IS NULL;
    UPDATE temp.mq SET how = NULL WHERE out_id IS NULL;
  `);
  // New quotations; one range a coder has twice in this input becomes one quotation too.
  db.exec(`
    CREATE INDEX temp.mq_range ON mq(doc, start, "end");
    INSERT INTO main.quotations(guid, document_id, start, "end", comment, coder_id, created_at, modified_at)
      SELECT guid, doc, start, "end", comment, coder, created_at, modified_at FROM temp.mq
      WHERE out_id IS NULL AND src_id = (
        SELECT min(m2.src_id) FROM temp.mq m2 WHERE m2.out_id IS NULL AND m2.doc = mq.doc AND m2.start = mq.start AND m2."end" = mq."end" AND m2.coder IS mq.coder)
      ORDER BY src_id;
    UPDATE temp.mq SET out_id = (SELECT o.id FROM main.quotations o WHERE o.guid = mq.guid) WHERE out_id IS NULL;
    UPDATE temp.mq SET how = 'range', out_id = (
      SELECT o.id FROM main.quotations o WHERE o.document_id = mq.doc AND o.start = mq.start AND o."end" = mq."end" AND o.coder_id IS mq.coder ORDER BY o.id LIMIT 1)
      WHERE out_id IS NULL;
    CREATE TEMP TABLE ml AS
      SELECT mq.out_id AS q, mk.out_id AS code, mc.out_id AS coder, l.created_at AS created_at
      FROM src.quotation_codes l JOIN temp.mq mq ON mq.src_id = l.quotation_id JOIN temp.map_code mk ON mk.src_id = l.code_id
      LEFT JOIN temp.map_coder mc ON mc.src_id = l.coder_id;
    INSERT OR IGNORE INTO main.quotation_codes(quotation_id, code_id, coder_id, created_at) SELECT q, code, coder, created_at FROM temp.ml ORDER BY q, code;
  `);
  for (const g of db.prepare("SELECT guid FROM temp.mq WHERE how IS NULL").pluck().all() as string[]) origin.set(g, source);
  splitLinksByCoder(p);
  const skipped = db.prepare('SELECT count(*) FROM src.quotations q JOIN temp.map_doc md ON md.src_id = q.document_id WHERE md.same_text = 0').pluck().get() as number;
  if (skipped > 0) conflicts.push({ entity: 'quotation', what: `${skipped} quotation(s)`, guid: null, sources: [source], detail: 'on documents whose text differs from the kept version', rule: RULES.skipped });
  const how = db.prepare("SELECT sum(how = 'guid'), sum(how = 'range') FROM temp.mq").raw().get() as [number | null, number | null];
  return { byGuid: how[0] ?? 0, byRange: how[1] ?? 0 };
}

/** Links whose quotation already has the code from another coder: onto that coder's own quotation of the same range. */
function splitLinksByCoder(p: Project): void {
  const db = p.db;
  const rows = db
    .prepare(
      `SELECT ml.code, ml.coder, ml.created_at, q.guid, q.document_id AS doc, q.start, q."end", q.comment, q.created_at AS q_created, q.modified_at AS q_modified, c.guid AS coder_guid
       FROM temp.ml ml JOIN main.quotation_codes x ON x.quotation_id = ml.q AND x.code_id = ml.code AND x.coder_id IS NOT ml.coder
       JOIN main.quotations q ON q.id = ml.q LEFT JOIN main.coders c ON c.id = ml.coder ORDER BY ml.q, ml.code`,
    )
    .all() as { code: number; coder: number | null; created_at: string; guid: string; doc: number; start: number; end: number; comment: string | null; q_created: string; q_modified: string; coder_guid: string | null }[];
  if (rows.length === 0) return;
  const own = db.prepare('SELECT id FROM main.quotations WHERE document_id = ? AND start = ? AND "end" = ? AND coder_id IS ? ORDER BY id LIMIT 1').pluck();
  const byGuid = db.prepare('SELECT id FROM main.quotations WHERE guid = ?').pluck();
  const insert = db.prepare('INSERT INTO main.quotations(guid, document_id, start, "end", comment, coder_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO main.quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)');
  for (const r of rows) {
    let id = own.get(r.doc, r.start, r.end, r.coder) as number | undefined;
    if (id === undefined) {
      const guid = derivedGuid(r.guid, r.coder_guid ?? 'no coder');
      id = (byGuid.get(guid) as number | undefined) ?? Number(insert.run(guid, r.doc, r.start, r.end, r.comment, r.coder, r.created_at, r.created_at).lastInsertRowid);
    }
    link.run(id, r.code, r.coder, r.created_at);
  }
}

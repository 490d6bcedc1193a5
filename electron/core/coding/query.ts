/**
 * The quotation manager's query: codes (AND/OR, with or without sub-codes), documents,
 * document groups and attribute values are filtered in SQL; the speaker of each quotation
 * (the turn its start lies in) and the speaker filters are resolved here.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { QuotationRow } from '../../../shared/contract/coding';
import type { Project } from '../project/project';
import { joinCodePath, subtreeIds } from './codes';
import { lastStartingAtOrBefore } from '../text/spans';
import { memoCounts, quotationListSql, textCache } from './quotations';
import { codeClause, codeFilterIsRare, type CodeCheck } from './code-filter';
import { cooccurringQuotationIds } from './cooccur-filter';
import { allTypical } from './typical';

export interface QuotationQueryInput {
  codeIds?: number[];
  codeMode?: 'and' | 'or';
  includeSubcodes?: boolean;
  documentIds?: number[];
  groupIds?: number[];
  speakers?: string[];
  where?: Record<string, string[]>;
  speakerWhere?: Record<string, string[]>;
  text?: string;
  cooccur?: { codeIds: [number, number]; by: 'overlap' | 'turn' | 'document' };
  typical?: boolean;
}

const marks = (n: number): string => (n === 0 ? 'NULL' : Array.from({ length: n }, () => '?').join(','));

/** Code id → its path segments (root first). */
export function codePaths(p: Project): Map<number, string[]> {
  const rows = p.db.prepare('SELECT id, parent_id, name FROM codes').all() as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, string[]>();
  const resolve = (id: number): string[] => {
    const known = out.get(id);
    if (known) return known;
    const r = byId.get(id)!;
    const path = r.parent_id === null ? [r.name] : [...resolve(r.parent_id), r.name];
    out.set(id, path);
    return path;
  };
  for (const r of rows) resolve(r.id);
  return out;
}

/** For each requested code, the set of code ids that stands for it. */
export function codeSets(p: Project, q: QuotationQueryInput): number[][] {
  return (q.codeIds ?? []).map((id) => (q.includeSubcodes === false ? [id] : subtreeIds(p, id)));
}

export interface SpeakerInfo {
  id: number;
  label: string;
  name: string | null;
}

/**
 * Finds the speaker of a position: the turn of that document that starts at or before it
 * (one index seek on turns_document; loading every turn of a large corpus took longer).
 */
function speakerFinder(p: Project): (doc: number, pos: number) => SpeakerInfo | null {
  const seek = p.db.prepare(
    `SELECT t.start, t."end", s.id, s.label, s.name FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id
     WHERE t.document_id = ? AND t.start <= ? ORDER BY t.start DESC LIMIT 1`,
  ).raw();
  return (doc, pos) => {
    const r = seek.get(doc, pos) as [number, number, number | null, string | null, string | null] | undefined;
    if (!r || r[2] === null) return null;
    const [start, end, id, label, name] = r;
    return pos < end || (pos === end && start === end) ? { id, label: label!, name } : null;
  };
}

/**
 * The same lookup for rows that come in document order (a streamed query): the turns of the
 * document at hand are loaded once, and dropped when the next document begins, so memory
 * holds one document's turns, not the corpus's.
 */
function streamingSpeakerFinder(p: Project): (doc: number, pos: number) => SpeakerInfo | null {
  const speakersOf = p.db.prepare('SELECT id, label, name FROM speakers WHERE document_id = ?');
  const turnsOf = p.db.prepare('SELECT start, "end", speaker_id FROM turns WHERE document_id = ? ORDER BY start').raw();
  let current = -1;
  let list: { start: number; end: number; speaker: SpeakerInfo | null }[] = [];
  return (doc, pos) => {
    if (doc !== current) {
      current = doc;
      const speakers = new Map((speakersOf.all(doc) as SpeakerInfo[]).map((s) => [s.id, s]));
      list = (turnsOf.all(doc) as [number, number, number | null][]).map(([start, end, sid]) => ({ start, end, speaker: sid === null ? null : (speakers.get(sid) ?? null) }));
    }
    const found = lastStartingAtOrBefore(list, pos);
    if (found < 0) return null;
    const t = list[found]!;
    return pos < t.end || (pos === t.end && t.start === t.end) ? t.speaker : null;
  };
}

/** Document texts for rows in document order: the text at hand, read once per document. */
function streamingText(p: Project): (doc: number) => string {
  const get = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  let current = -1;
  let text = '';
  return (doc) => {
    if (doc !== current) {
      current = doc;
      text = (get.get(doc) as string | undefined) ?? '';
    }
    return text;
  };
}

function documentAttributes(p: Project, documentIds: number[]): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  if (documentIds.length === 0) return out;
  const rows = p.db
    .prepare(
      `SELECT v.document_id AS d, a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
       WHERE v.document_id ${IN_LIST} ORDER BY a.position, a.id`,
    )
    .all(listParam(documentIds)) as { d: number; name: string; value: string }[];
  for (const r of rows) {
    let rec = out.get(r.d);
    if (!rec) out.set(r.d, (rec = {}));
    rec[r.name] = r.value;
  }
  return out;
}

function speakerAttributes(p: Project, speakerIds: number[]): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  if (speakerIds.length === 0) return out;
  const rows = p.db
    .prepare(
      `SELECT v.speaker_id AS s, a.name, v.value FROM speaker_attribute_values v JOIN attributes a ON a.id = v.attribute_id
       WHERE v.speaker_id ${IN_LIST}`,
    )
    .all(listParam(speakerIds)) as { s: number; name: string; value: string }[];
  for (const r of rows) {
    let rec = out.get(r.s);
    if (!rec) out.set(r.s, (rec = {}));
    rec[r.name] = r.value;
  }
  return out;
}

/**
 * The SQL conditions (on quotations aliased q) of the parts of a query SQL can decide: codes,
 * co-occurrence, typical quotes, documents, groups and document attributes. Speakers and the
 * text needle are decided row by row.
 */
export function quotationWhere(p: Project, q: QuotationQueryInput, codeCheck: CodeCheck = 'in'): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const sets = codeSets(p, q);
  if (sets.length) {
    const clause = (ids: number[]): string => {
      args.push(listParam(ids));
      return codeClause(codeCheck);
    };
    if (q.codeMode === 'and') for (const s of sets) where.push(clause(s));
    else where.push(clause([...new Set(sets.flat())]));
  }
  if (q.cooccur) {
    where.push(`q.id ${IN_LIST}`);
    args.push(listParam(cooccurringQuotationIds(p, q.cooccur.codeIds[0], q.cooccur.codeIds[1], q.cooccur.by)));
  }
  if (q.typical) {
    const pins = allTypical(p);
    const codes = q.codeIds?.length ? q.codeIds : [...pins.keys()];
    where.push(`q.id ${IN_LIST}`);
    args.push(listParam(codes.flatMap((c) => pins.get(c) ?? [])));
  }
  if (q.documentIds) {
    where.push(`q.document_id ${IN_LIST}`);
    args.push(listParam(q.documentIds));
  }
  if (q.groupIds) {
    where.push(`q.document_id IN (SELECT document_id FROM document_group_members WHERE group_id ${IN_LIST})`);
    args.push(listParam(q.groupIds));
  }
  for (const [name, values] of Object.entries(q.where ?? {})) {
    where.push(
      `q.document_id IN (SELECT v.document_id FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
                         WHERE a.scope = 'document' AND a.name = ? AND v.value ${IN_LIST})`,
    );
    args.push(name, listParam(values));
  }
  return { where, args };
}

/** The WHERE clause of a quotation query. */
function sqlFilter(p: Project, q: QuotationQueryInput, codeCheck: CodeCheck = 'in'): { sql: string; args: unknown[] } {
  const { where, args } = quotationWhere(p, q, codeCheck);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

type QuoteTuple = [id: number, guid: string, documentId: number, start: number, end: number, comment: string | null, coderId: number | null, createdAt: string, needsReview: number];

/**
 * The quotation manager's page. Without a speaker or text filter, SQL selects the page
 * (LIMIT/OFFSET off the index) and counts the total on the index; with one, the selection is
 * streamed in list order and filtered row by row, one document's text and turns in memory at
 * a time, keeping only the page. Nothing loads every quotation or every text to show 200.
 */
export function queryQuotations(
  p: Project,
  q: QuotationQueryInput,
  page: { limit?: number; offset?: number; countTotal?: boolean } = {},
): { total: number | null; more: boolean; rows: QuotationRow[] } {
  const countTotal = page.countTotal !== false;
  // the page walks the list order index unless a code is rare; the total counts the code's set
  const rare = codeFilterIsRare(p, codeSets(p, q), q.codeMode ?? 'or');
  const filter = sqlFilter(p, q, rare ? 'in' : 'exists');
  const countFilter = rare ? filter : sqlFilter(p, q, 'in');
  const offset = page.offset ?? 0;
  const limit = page.limit ?? -1;
  const wantSpeakers = q.speakers?.length ? new Set(q.speakers.map((s) => s.normalize('NFC').toLowerCase())) : null;
  const speakerWhere = Object.entries(q.speakerWhere ?? {});
  const needle = q.text?.trim().toLowerCase() || null;
  const speakerOf = wantSpeakers || speakerWhere.length ? streamingSpeakerFinder(p) : speakerFinder(p);

  type Picked = { r: QuoteTuple; speaker: SpeakerInfo | null | undefined; text: string | undefined };
  let picked: Picked[];
  let total: number | null = null;
  let more: boolean;
  if (!wantSpeakers && !speakerWhere.length && !needle) {
    // one row beyond the page says whether more follow
    const rows = p.db.prepare(`${quotationListSql(filter.sql, !rare)} LIMIT ? OFFSET ?`).raw().all(...filter.args, limit < 0 ? -1 : limit + 1, offset) as QuoteTuple[];
    more = limit >= 0 && rows.length > limit;
    picked = (more ? rows.slice(0, limit) : rows).map((r) => ({ r, speaker: undefined, text: undefined }));
    if (countTotal) total = p.db.prepare(`SELECT count(*) FROM quotations q ${countFilter.sql}`).pluck().get(...countFilter.args) as number;
  } else {
    picked = [];
    let seen = 0;
    more = false;
    const textOf = streamingText(p);
    const speakerAttrs = speakerAttributeLookup(p);
    for (const r of p.db.prepare(quotationListSql(filter.sql, !rare)).raw().iterate(...filter.args) as IterableIterator<QuoteTuple>) {
      const [, , doc, start, end, comment] = r;
      let speaker: SpeakerInfo | null | undefined;
      if (wantSpeakers || speakerWhere.length) {
        const s = (speaker = speakerOf(doc, start));
        if (!s) continue;
        if (wantSpeakers && !(wantSpeakers.has(s.label.toLowerCase()) || (s.name !== null && wantSpeakers.has(s.name.toLowerCase())))) continue;
        if (speakerWhere.length) {
          const rec = speakerAttrs(s.id);
          if (!speakerWhere.every(([name, values]) => rec[name] !== undefined && values.includes(rec[name]!))) continue;
        }
      }
      let text: string | undefined;
      if (needle) {
        text = textOf(doc).slice(start, end);
        if (!text.toLowerCase().includes(needle) && !(comment ?? '').toLowerCase().includes(needle)) continue;
      }
      if (seen >= offset && (limit < 0 || picked.length < limit)) picked.push({ r, speaker, text });
      else if (seen >= offset) {
        more = true;
        if (!countTotal) break;
      }
      seen++;
    }
    if (countTotal) total = seen;
  }

  const pageDocs = [...new Set(picked.map((x) => x.r[2]))];
  const docs = new Map(
    (p.db.prepare(`SELECT id, name, kind FROM documents WHERE id ${IN_LIST}`).raw().all(listParam(pageDocs)) as [number, string, string][]).map(([id, name, kind]) => [id, { name, kind }]),
  );
  const coders = new Map(p.db.prepare('SELECT id, name FROM coders').raw().all() as [number, string][]);
  const attrs = documentAttributes(p, pageDocs);
  const links = new Map<number, number[]>();
  for (let i = 0; i < picked.length; i += 500) {
    const ids = picked.slice(i, i + 500).map((x) => x.r[0]);
    for (const [qid, cid] of p.db.prepare(`SELECT quotation_id, code_id FROM quotation_codes WHERE quotation_id IN (${marks(ids.length)})`).raw().all(...ids) as [number, number][]) {
      const list = links.get(qid);
      if (list) list.push(cid);
      else links.set(qid, [cid]);
    }
  }
  const paths = codePaths(p);
  const textOf = textCache(p);
  const memos = memoCounts(p, picked.map((x) => x.r[0]));
  return {
    total,
    more,
    rows: picked.map(({ r: [id, guid, documentId, start, end, comment, coderId, createdAt, needsReview], speaker: known, text }) => {
      const speaker = known === undefined ? speakerOf(documentId, start) : known;
      const codeIds = links.get(id)?.sort((x, y) => x - y) ?? [];
      return {
        id,
        guid,
        documentId,
        documentName: docs.get(documentId)!.name,
        documentKind: docs.get(documentId)!.kind,
        start,
        end,
        text: text ?? textOf(documentId).slice(start, end),
        comment,
        coder: coderId === null ? null : (coders.get(coderId) ?? null),
        createdAt,
        codeIds,
        needsReview: needsReview === 1,
        memos: memos.get(id) ?? 0,
        speaker: speaker ? (speaker.name ?? speaker.label) : null,
        speakerId: speaker?.id ?? null,
        attributes: attrs.get(documentId) ?? {},
        codePaths: codeIds.map((c) => joinCodePath(paths.get(c) ?? [])),
      };
    }),
  };
}

/** A speaker's attribute values, read once per speaker. */
function speakerAttributeLookup(p: Project): (speakerId: number) => Record<string, string> {
  const cache = new Map<number, Record<string, string>>();
  return (id) => {
    let rec = cache.get(id);
    if (!rec) cache.set(id, (rec = speakerAttributes(p, [id]).get(id) ?? {}));
    return rec;
  };
}

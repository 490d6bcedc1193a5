/**
 * The quotation manager's query: codes (AND/OR, with or without sub-codes), documents,
 * document groups and attribute values are filtered in SQL; the speaker of each quotation
 * (the turn its start lies in) and the speaker filters are resolved here.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { QuotationRow } from '../../../shared/contract/coding';
import type { Project } from '../project/project';
import { joinCodePath, subtreeIds } from './codes';
import { memoCounts, textCache } from './quotations';
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

interface Row {
  id: number;
  guid: string;
  document_id: number;
  document_name: string;
  kind: string;
  start: number;
  end: number;
  comment: string | null;
  coder: string | null;
  created_at: string;
  needs_review: number;
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

/** The same lookup from all turns of the documents loaded at once, for filtering many rows. */
function bulkSpeakerFinder(p: Project, documentIds: number[]): (doc: number, pos: number) => SpeakerInfo | null {
  const speakers = new Map<number, SpeakerInfo>();
  const turns = new Map<number, { start: number; end: number; speaker: SpeakerInfo | null }[]>();
  for (let i = 0; i < documentIds.length; i += 500) {
    const ids = documentIds.slice(i, i + 500);
    for (const sp of p.db.prepare(`SELECT id, label, name FROM speakers WHERE document_id IN (${marks(ids.length)})`).all(...ids) as SpeakerInfo[]) speakers.set(sp.id, sp);
    const rows = p.db
      .prepare(`SELECT document_id, start, "end", speaker_id FROM turns WHERE document_id IN (${marks(ids.length)}) ORDER BY document_id, start`)
      .raw()
      .all(...ids) as [number, number, number, number | null][];
    for (const [d, start, end, sid] of rows) {
      let list = turns.get(d);
      if (!list) turns.set(d, (list = []));
      list.push({ start, end, speaker: sid === null ? null : (speakers.get(sid) ?? null) });
    }
  }
  return (doc, pos) => {
    const list = turns.get(doc);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const t = list[found]!;
    return pos < t.end || (pos === t.end && t.start === t.end) ? t.speaker : null;
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
 * co-occurrence, documents, groups and document attributes. Speakers and text are filtered after.
 */
export function quotationWhere(p: Project, q: QuotationQueryInput): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const sets = codeSets(p, q);
  if (sets.length) {
    const clause = (ids: number[]): string => {
      args.push(listParam(ids));
      return `q.id IN (SELECT quotation_id FROM quotation_codes WHERE code_id ${IN_LIST})`;
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

export function queryQuotations(p: Project, q: QuotationQueryInput, page: { limit?: number; offset?: number } = {}): { total: number; rows: QuotationRow[] } {
  const { where, args } = quotationWhere(p, q);
  // Codes are read for the rows of the page only, and the order is made here: a correlated
  // group_concat and ORDER BY over a joined table were most of the time on large selections.
  const docs = new Map(
    (p.db.prepare('SELECT id, name, kind, position FROM documents').raw().all() as [number, string, string, number][]).map(([id, name, kind, position]) => [
      id,
      { name, kind, position },
    ]),
  );
  const coders = new Map(p.db.prepare('SELECT id, name FROM coders').raw().all() as [number, string][]);
  const rows: Row[] = (
    p.db
      .prepare(`SELECT q.id, q.guid, q.document_id, q.start, q."end", q.comment, q.coder_id, q.created_at, q.needs_review FROM quotations q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
      .raw()
      .all(...args) as [number, string, number, number, number, string | null, number | null, string, number][]
  ).map(([id, guid, documentId, start, end, comment, coderId, createdAt, needsReview]) => ({
    id,
    guid,
    document_id: documentId,
    document_name: docs.get(documentId)!.name,
    kind: docs.get(documentId)!.kind,
    start,
    end,
    comment,
    coder: coderId === null ? null : (coders.get(coderId) ?? null),
    created_at: createdAt,
    needs_review: needsReview,
  }));
  rows.sort((a, b) => docs.get(a.document_id)!.position - docs.get(b.document_id)!.position || a.document_id - b.document_id || a.start - b.start || a.id - b.id);

  const needSpeakers = (q.speakers?.length ?? 0) > 0 || Object.keys(q.speakerWhere ?? {}).length > 0;
  const speakerOf = needSpeakers && rows.length > 1000 ? bulkSpeakerFinder(p, [...new Set(rows.map((r) => r.document_id))]) : speakerFinder(p);
  const textOf = textCache(p);
  const wantSpeakers = q.speakers?.length ? new Set(q.speakers.map((s) => s.normalize('NFC').toLowerCase())) : null;
  const speakerWhere = Object.entries(q.speakerWhere ?? {});
  const needle = q.text?.trim().toLowerCase() || null;

  // Speakers are looked up for every row only when a speaker filter needs them; else for the page.
  // Texts are read only when the text filter needs them, else for the page: a cell of a large
  // corpus selects thousands of quotations in dozens of long transcripts.
  type Picked = { r: Row; speaker: SpeakerInfo | null | undefined; text: string | undefined };
  let picked: Picked[] = rows.map((r) => ({
    r,
    speaker: needSpeakers ? speakerOf(r.document_id, r.start) : undefined,
    text: needle ? textOf(r.document_id).slice(r.start, r.end) : undefined,
  }));
  if (wantSpeakers) {
    picked = picked.filter(
      ({ speaker: s }) => !!s && (wantSpeakers.has(s.label.toLowerCase()) || (s.name !== null && wantSpeakers.has(s.name.toLowerCase()))),
    );
  }
  if (speakerWhere.length) {
    const attrs = speakerAttributes(p, [...new Set(picked.flatMap((x) => (x.speaker ? [x.speaker.id] : [])))]);
    picked = picked.filter(({ speaker: s }) => {
      if (!s) return false;
      const rec = attrs.get(s.id) ?? {};
      return speakerWhere.every(([name, values]) => rec[name] !== undefined && values.includes(rec[name]!));
    });
  }
  if (needle) picked = picked.filter((x) => x.text!.toLowerCase().includes(needle) || (x.r.comment ?? '').toLowerCase().includes(needle));

  const total = picked.length;
  const offset = page.offset ?? 0;
  const pageRows = page.limit !== undefined ? picked.slice(offset, offset + page.limit) : picked.slice(offset);
  const attrs = documentAttributes(p, [...new Set(pageRows.map((x) => x.r.document_id))]);
  const links = new Map<number, number[]>();
  for (let i = 0; i < pageRows.length; i += 500) {
    const ids = pageRows.slice(i, i + 500).map((x) => x.r.id);
    for (const [qid, cid] of p.db.prepare(`SELECT quotation_id, code_id FROM quotation_codes WHERE quotation_id IN (${marks(ids.length)})`).raw().all(...ids) as [number, number][]) {
      const list = links.get(qid);
      if (list) list.push(cid);
      else links.set(qid, [cid]);
    }
  }
  const paths = codePaths(p);
  const memos = memoCounts(p);
  return {
    total,
    rows: pageRows.map(({ r, speaker: known, text }) => {
      const speaker = known === undefined ? speakerOf(r.document_id, r.start) : known;
      const codeIds = links.get(r.id)?.sort((x, y) => x - y) ?? [];
      return {
        id: r.id,
        guid: r.guid,
        documentId: r.document_id,
        documentName: r.document_name,
        documentKind: r.kind,
        start: r.start,
        end: r.end,
        text: text ?? textOf(r.document_id).slice(r.start, r.end),
        comment: r.comment,
        coder: r.coder,
        createdAt: r.created_at,
        codeIds,
        needsReview: r.needs_review === 1,
        memos: memos.get(r.id) ?? 0,
        speaker: speaker ? (speaker.name ?? speaker.label) : null,
        speakerId: speaker?.id ?? null,
        attributes: attrs.get(r.document_id) ?? {},
        codePaths: codeIds.map((c) => joinCodePath(paths.get(c) ?? [])),
      };
    }),
  };
}

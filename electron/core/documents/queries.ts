/** Reading documents, their speakers and turns, in the shapes of the contract. */
import type { DocumentFull, DocumentKind, DocumentSummary, Speaker, Turn } from '../../../shared/contract';
import { UserError } from '../errors';
import type { Project } from '../project/project';

interface DocRow {
  id: number;
  guid: string;
  name: string;
  kind: DocumentKind;
  chars: number;
  source_name: string | null;
  turns: number;
  quotations: number;
}

const SUMMARY_SQL = `
  SELECT d.id, d.guid, d.name, d.kind, d.chars, d.source_name,
         (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
         (SELECT count(*) FROM quotations q WHERE q.document_id = d.id) AS quotations
  FROM documents d`;

export function listDocuments(p: Project): DocumentSummary[] {
  const rows = p.db.prepare(`${SUMMARY_SQL} ORDER BY d.position, d.id`).all() as DocRow[];
  const speakers = groupBy(
    p.db.prepare('SELECT document_id AS doc, label FROM speakers ORDER BY id').all() as { doc: number; label: string }[],
    (r) => r.doc,
  );
  const attrs = documentAttributes(p);
  return rows.map((r) => toSummary(r, speakers.get(r.id)?.map((s) => s.label) ?? [], attrs.get(r.id) ?? {}));
}

export function getDocument(p: Project, id: number): DocumentFull {
  const row = p.db.prepare(`${SUMMARY_SQL} WHERE d.id = ?`).get(id) as DocRow | undefined;
  if (!row) throw new UserError('not-found', `no document with id ${id}`);
  const extra = p.db.prepare('SELECT text, language FROM documents WHERE id = ?').get(id) as { text: string; language: string | null };
  const speakerList = listSpeakers(p, id);
  const turnList = (
    p.db.prepare('SELECT id, start, "end", speaker_id AS speakerId, timestamp FROM turns WHERE document_id = ? ORDER BY start').all(id) as Turn[]
  );
  return {
    ...toSummary(row, speakerList.map((s) => s.label), documentAttributes(p, id).get(id) ?? {}),
    text: extra.text,
    language: extra.language,
    turnList,
    speakerList,
  };
}

export function listSpeakers(p: Project, documentId: number): Speaker[] {
  const rows = p.db
    .prepare('SELECT id, label, name, is_interviewer FROM speakers WHERE document_id = ? ORDER BY id')
    .all(documentId) as { id: number; label: string; name: string | null; is_interviewer: number }[];
  const values = groupBy(
    p.db
      .prepare(
        `SELECT v.speaker_id AS sid, a.name, v.value FROM speaker_attribute_values v
         JOIN attributes a ON a.id = v.attribute_id JOIN speakers s ON s.id = v.speaker_id
         WHERE s.document_id = ? ORDER BY a.position, a.id`,
      )
      .all(documentId) as { sid: number; name: string; value: string }[],
    (r) => r.sid,
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    name: r.name,
    isInterviewer: r.is_interviewer === 1,
    attributes: Object.fromEntries((values.get(r.id) ?? []).map((v) => [v.name, v.value])),
  }));
}

/** Attribute values per document, in attribute order. */
export function documentAttributes(p: Project, documentId?: number): Map<number, Record<string, string>> {
  const rows = p.db
    .prepare(
      `SELECT v.document_id AS doc, a.name, v.value FROM document_attribute_values v
       JOIN attributes a ON a.id = v.attribute_id
       ${documentId === undefined ? '' : 'WHERE v.document_id = ?'}
       ORDER BY a.position, a.id`,
    )
    .all(...(documentId === undefined ? [] : [documentId])) as { doc: number; name: string; value: string }[];
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    let rec = out.get(r.doc);
    if (!rec) out.set(r.doc, (rec = {}));
    rec[r.name] = r.value;
  }
  return out;
}

function toSummary(r: DocRow, speakers: string[], attributes: Record<string, string>): DocumentSummary {
  return {
    id: r.id,
    guid: r.guid,
    name: r.name,
    kind: r.kind,
    chars: r.chars,
    sourceName: r.source_name,
    turns: r.turns,
    speakers,
    quotations: r.quotations,
    attributes,
  };
}

export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

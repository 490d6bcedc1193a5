/**
 * Writing a document with its speakers, turns and attribute values: one call, one
 * transaction (the caller's, if it already holds one), nothing half-written.
 */
import type { DocumentKind } from '../../../shared/contract';
import { normalizeText } from '../../../shared/text/normalize';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { setDocumentAttribute } from '../attributes/store';
import { cachedStatement } from '../db/driver';

export interface NewTurn {
  start: number;
  end: number;
  /** Speaker label as written in the source ("CS", "Intervjuare"); null for text outside any turn. */
  speaker: string | null;
  timestamp: number | null;
}

export interface NewSpeaker {
  label: string;
  isInterviewer?: boolean;
  name?: string | null;
}

export interface NewDocument {
  name: string;
  kind: DocumentKind;
  /** Already NFC with '\n' line ends; checked, not silently changed. */
  text: string;
  sourceName?: string | null;
  sourceType?: string | null;
  encoding?: string | null;
  sha256?: string | null;
  language?: string | null;
  turns?: NewTurn[];
  speakers?: NewSpeaker[];
  attributes?: Record<string, string>;
}

export function insertDocument(p: Project, doc: NewDocument): number {
  if (normalizeText(doc.text) !== doc.text) throw new Error('insertDocument: text must be NFC with \\n line ends (normalise at the importer)');
  if (!doc.name.trim()) throw new UserError('bad-input', 'a document needs a name');
  return p.transaction(() => {
    const now = p.now();
    const position = (cachedStatement(p.db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM documents').get() as { n: number }).n;
    const id = Number(
      cachedStatement(
        p.db,
        `INSERT INTO documents(guid, name, kind, text, chars, source_name, source_type, encoding, sha256, language, position, imported_at, modified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
          p.guid(), doc.name, doc.kind, doc.text, doc.text.length, doc.sourceName ?? null, doc.sourceType ?? null,
          doc.encoding ?? null, doc.sha256 ?? null, doc.language ?? null, position, now, now,
        ).lastInsertRowid,
    );
    const speakerIds = new Map<string, number>();
    const addSpeaker = cachedStatement(p.db, 'INSERT INTO speakers(guid, document_id, label, name, is_interviewer) VALUES (?, ?, ?, ?, ?)');
    const ensureSpeaker = (s: NewSpeaker): number => {
      const known = speakerIds.get(s.label);
      if (known !== undefined) return known;
      const sid = Number(addSpeaker.run(p.guid(), id, s.label, s.name ?? null, s.isInterviewer ? 1 : 0).lastInsertRowid);
      speakerIds.set(s.label, sid);
      return sid;
    };
    for (const s of doc.speakers ?? []) ensureSpeaker(s);
    const addTurn = cachedStatement(p.db, 'INSERT INTO turns(document_id, speaker_id, start, "end", timestamp) VALUES (?, ?, ?, ?, ?)');
    for (const t of doc.turns ?? []) {
      if (t.start < 0 || t.end < t.start || t.end > doc.text.length) {
        throw new Error(`insertDocument: turn ${t.start}-${t.end} lies outside the text (${doc.text.length})`);
      }
      const sid = t.speaker === null ? null : ensureSpeaker({ label: t.speaker });
      addTurn.run(id, sid, t.start, t.end, t.timestamp);
    }
    for (const [name, value] of Object.entries(doc.attributes ?? {})) setDocumentAttribute(p, id, name, value);
    return id;
  });
}

export function findDocumentByName(p: Project, name: string): number | undefined {
  const stripExt = (s: string): string => s.replace(/\.[^./\\]{1,8}$/, '');
  const rows = p.db.prepare('SELECT id, name, source_name FROM documents').all() as { id: number; name: string; source_name: string | null }[];
  const wanted = name.normalize('NFC');
  const exact = rows.find((r) => r.name === wanted || r.source_name === wanted);
  if (exact) return exact.id;
  const loose = rows.filter(
    (r) => stripExt(r.name) === stripExt(wanted) || (r.source_name !== null && stripExt(r.source_name) === stripExt(wanted)),
  );
  return loose.length === 1 ? loose[0]!.id : undefined;
}

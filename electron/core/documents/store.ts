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
import { packTurns, type NewSpeaker, type NewTurn, type TurnColumns } from './packed';

export type { NewSpeaker, NewTurn, TurnColumns } from './packed';
export { packTurns } from './packed';

export interface NewDocument {
  /** Given when the document comes with an identity of its own (REFI-QDA); else a new one. */
  guid?: string;
  /** Given times (REFI-QDA keeps the source's); else now. */
  importedAt?: string;
  modifiedAt?: string;
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

/**
 * A document in the form it is stored in, made by the importer's reader (possibly in
 * another thread): the text as its UTF-8 bytes and the turns as columns, which move between
 * threads without copying and are written without encoding megabytes of text again.
 */
export interface PackedDocument extends Omit<NewDocument, 'text' | 'turns'> {
  /** The UTF-8 bytes of a text that is NFC with '\n' line ends (the importer's normalizeText). */
  utf8: Uint8Array;
  /** Its length in UTF-16 code units (what every offset counts). */
  chars: number;
  turns: TurnColumns;
  speakers: NewSpeaker[];
}

export function insertDocument(p: Project, doc: NewDocument): number {
  if (normalizeText(doc.text) !== doc.text) throw new Error('insertDocument: text must be NFC with \\n line ends (normalise at the importer)');
  const speakers = [...(doc.speakers ?? [])];
  return writeDocument(p, doc, doc.text, doc.text.length, packTurns(doc.turns ?? [], speakers), speakers);
}

export function insertPackedDocument(p: Project, doc: PackedDocument): number {
  return writeDocument(p, doc, Buffer.from(doc.utf8.buffer, doc.utf8.byteOffset, doc.utf8.byteLength), doc.chars, doc.turns, doc.speakers);
}

const TURN_BATCH = 64;

/**
 * The next document's position: the newest document's plus one. Documents keep the order
 * they were added in (nothing reorders them), so that is the largest position. Not
 * `max(position)`: position has no index and lies behind the text in each row, so finding
 * the maximum walked every document's text — per inserted document, which made an import
 * quadratic (1,440 interviews: 106 MB read for each file). This is one rowid seek.
 * Should documents ever be reordered, give position an index and use max() again.
 */
const NEXT_POSITION_SQL = 'SELECT coalesce((SELECT position FROM documents ORDER BY id DESC LIMIT 1), 0) + 1 AS n';

type DocumentFields = Omit<NewDocument, 'text' | 'turns' | 'speakers'>;

/** One transaction (the caller's, if it holds one): the document, its speakers, turns and attribute values. */
function writeDocument(p: Project, doc: DocumentFields, text: string | Buffer, chars: number, turns: TurnColumns, speakers: NewSpeaker[]): number {
  if (!doc.name.trim()) throw new UserError('bad-input', 'a document needs a name', undefined, 'ett dokument behöver ett namn');
  return p.transaction(() => {
    const now = p.now();
    const position = (cachedStatement(p.db, NEXT_POSITION_SQL).get() as { n: number }).n;
    const id = Number(
      cachedStatement(
        p.db,
        `INSERT INTO documents(guid, name, kind, text, chars, source_name, source_type, encoding, sha256, language, position, imported_at, modified_at)
         VALUES (?, ?, ?, ${typeof text === 'string' ? '?' : 'CAST(? AS TEXT)'}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
          doc.guid ?? p.guid(), doc.name, doc.kind, text, chars, doc.sourceName ?? null, doc.sourceType ?? null,
          doc.encoding ?? null, doc.sha256 ?? null, doc.language ?? null, position, doc.importedAt ?? now, doc.modifiedAt ?? now,
        ).lastInsertRowid,
    );
    const addSpeaker = cachedStatement(p.db, 'INSERT INTO speakers(guid, document_id, label, name, is_interviewer) VALUES (?, ?, ?, ?, ?)');
    const speakerIds = new Map<string, number>();
    // the same label twice is one speaker
    const ids = speakers.map((s) => {
      let sid = speakerIds.get(s.label);
      if (sid === undefined) {
        sid = Number(addSpeaker.run(p.guid(), id, s.label, s.name ?? null, s.isInterviewer ? 1 : 0).lastInsertRowid);
        speakerIds.set(s.label, sid);
      }
      return sid;
    });
    // many turns to a statement: a 400-turn interview is a handful of statement runs, not 400
    const row = '(?, ?, ?, ?, ?)';
    const batch = cachedStatement(p.db, `INSERT INTO turns(document_id, speaker_id, start, "end", timestamp) VALUES ${Array(TURN_BATCH).fill(row).join(', ')}`);
    const single = cachedStatement(p.db, `INSERT INTO turns(document_id, speaker_id, start, "end", timestamp) VALUES ${row}`);
    const d = turns.data;
    const values: (number | null)[] = [];
    for (let t = 0; t < turns.count; t++) {
      const i = t * 4;
      const start = d[i]!;
      const end = d[i + 1]!;
      const sp = d[i + 2]!;
      const ts = d[i + 3]!;
      if (start < 0 || end < start || end > chars || (sp >= 0 && !ids[sp])) {
        throw new Error(`insertDocument: turn ${start}-${end} lies outside the text (${chars}) or has no speaker`);
      }
      values.push(id, sp < 0 ? null : ids[sp]!, start, end, Number.isNaN(ts) ? null : ts);
      if (values.length === TURN_BATCH * 5) {
        batch.run(values);
        values.length = 0;
      }
    }
    for (let i = 0; i < values.length; i += 5) single.run(values.slice(i, i + 5));
    for (const [name, value] of Object.entries(doc.attributes ?? {})) setDocumentAttribute(p, id, name, value);
    return id;
  });
}

/** `name`, or "name (2)", "name (3)" … when a document of that name exists. */
export function uniqueDocumentName(p: Project, name: string): string {
  const taken = cachedStatement(p.db, 'SELECT 1 FROM documents WHERE name = ?');
  if (!taken.get(name)) return name;
  for (let n = 2; ; n++) if (!taken.get(`${name} (${n})`)) return `${name} (${n})`;
}

export function findDocumentByName(p: Project, name: string): number | undefined {
  return documentFinder(p)(name);
}

/**
 * A lookup of documents by name or source file name (with or without extension), reading
 * the documents once: an attribute sheet has a row per document, and a scan per row made
 * applying one to 1,440 interviews quadratic (each scan walks every document's text, which
 * lies before source_name in the row).
 */
export function documentFinder(p: Project): (name: string) => number | undefined {
  const stripExt = (s: string): string => s.replace(/\.[^./\\]{1,8}$/, '');
  const rows = p.db.prepare('SELECT id, name, source_name FROM documents ORDER BY id').all() as { id: number; name: string; source_name: string | null }[];
  const exact = new Map<string, number>();
  const loose = new Map<string, number[]>();
  const addLoose = (key: string, id: number): void => {
    const ids = loose.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    loose.set(key, ids);
  };
  for (const r of rows) {
    for (const n of r.source_name === null ? [r.name] : [r.name, r.source_name]) {
      if (!exact.has(n)) exact.set(n, r.id);
      addLoose(stripExt(n), r.id);
    }
  }
  return (name) => {
    const wanted = name.normalize('NFC');
    const found = exact.get(wanted);
    if (found !== undefined) return found;
    const ids = loose.get(stripExt(wanted));
    return ids?.length === 1 ? ids[0] : undefined;
  };
}

/**
 * The unit of search: a passage, i.e. one speaker turn (without its "[00:01:02] AL:" label)
 * or, outside turns, one paragraph. Hits, KWIC lines and phrase checks stay inside a passage.
 */
import type { DocumentKind } from '../../../shared/contract';
import type { Project } from '../project/project';
import { documentLanguage, type SearchLanguage } from './language';
import { trimSpan } from './text';

export interface Passage {
  documentId: number;
  /** The searchable content: after the speaker label, without surrounding blanks. */
  start: number;
  end: number;
  speakerId: number | null;
}

export interface SpeakerInfo {
  documentId: number;
  label: string;
  name: string | null;
  isInterviewer: boolean;
  attributes: Record<string, string>;
}

export interface DocumentInfo {
  id: number;
  name: string;
  kind: DocumentKind;
  position: number;
  lang: SearchLanguage;
  attributes: Record<string, string>;
}

interface TurnRow {
  document_id: number;
  speaker_id: number | null;
  start: number;
  end: number;
}

/** Every passage of every document, in document order, with what a filter or a KWIC line needs. */
export function readCorpus(
  p: Project,
  onDocument?: (done: number, total: number) => void,
): { documents: DocumentInfo[]; speakers: Map<number, SpeakerInfo>; passages: Passage[]; texts: Map<number, string> } {
  const docs = p.db.prepare('SELECT id, name, kind, language, position FROM documents ORDER BY position, id').all() as {
    id: number; name: string; kind: DocumentKind; language: string | null; position: number;
  }[];
  const speakers = readSpeakers(p);
  const docAttrs = readDocumentAttributes(p);
  const textOf = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const turnsOf = p.db.prepare('SELECT document_id, speaker_id, start, "end" FROM turns WHERE document_id = ? ORDER BY start, id');
  const passages: Passage[] = [];
  const documents: DocumentInfo[] = [];
  const texts = new Map<number, string>();
  docs.forEach((d, i) => {
    const text = textOf.get(d.id) as string;
    texts.set(d.id, text);
    documents.push({ id: d.id, name: d.name, kind: d.kind, position: d.position, lang: documentLanguage(d.language, text), attributes: docAttrs.get(d.id) ?? {} });
    passages.push(...passagesOf(d.id, text, turnsOf.all(d.id) as TurnRow[], speakers));
    onDocument?.(i + 1, docs.length);
  });
  return { documents, speakers, passages, texts };
}

export function passagesOf(documentId: number, text: string, turns: TurnRow[], speakers: Map<number, SpeakerInfo>): Passage[] {
  const out: Passage[] = [];
  const paragraphs = (from: number, to: number): void => {
    const re = /\n{2,}/g;
    re.lastIndex = from;
    let s = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && m.index < to) {
      push(s, m.index, null);
      s = m.index + m[0].length;
    }
    push(s, to, null);
  };
  const push = (s: number, e: number, speakerId: number | null): void => {
    const [a, b] = trimSpan(text, s, e);
    if (b > a) out.push({ documentId, start: a, end: b, speakerId });
  };
  let pos = 0;
  for (const t of turns) {
    if (t.start > pos) paragraphs(pos, t.start);
    const sp = t.speaker_id !== null ? speakers.get(t.speaker_id) : undefined;
    push(t.start + labelLength(text.slice(t.start, Math.min(t.end, t.start + 200)), sp?.label), t.end, t.speaker_id);
    pos = Math.max(pos, t.end);
  }
  if (pos < text.length) paragraphs(pos, text.length);
  return out;
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

/**
 * Length of a turn's leading label with its timestamps, in every form the transcript parser
 * accepts: "[00:01:02] AL:", "(00:00:10)" on a line of its own before "Ali:", "Ali (00:01:02):",
 * "**Ali:**", "Ali: [00:01:02]". Labels and times are never words of the turn.
 */
export function labelLength(turnText: string, label: string | undefined): number {
  if (!label) return 0;
  const m = labelPattern(label).exec(turnText);
  return m ? m[0].length : 0;
}

/** A label's pattern, compiled once per label (a corpus has few; compiling one per turn cost more than the matching). */
const labelPatterns = new Map<string, RegExp>();
function labelPattern(label: string): RegExp {
  let re = labelPatterns.get(label);
  if (!re) {
    re = new RegExp(
      String.raw`^\s*(?:[\[(]?${TIME}[\])]?\s*)?(?:\*\*)?${escapeRe(label)}(?:\*\*)?[ \t]*(?:[\[(]${TIME}[\])])?[^:\n]{0,40}?:(?:\*\*)?[ \t]*(?:[\[(]${TIME}[\])])?\s*`,
      'u',
    );
    if (labelPatterns.size > 10_000) labelPatterns.clear();
    labelPatterns.set(label, re);
  }
  return re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readSpeakers(p: Project): Map<number, SpeakerInfo> {
  const rows = p.db.prepare('SELECT id, document_id, label, name, is_interviewer FROM speakers').all() as {
    id: number; document_id: number; label: string; name: string | null; is_interviewer: number;
  }[];
  const attrs = p.db
    .prepare('SELECT v.speaker_id AS sid, a.name, v.value FROM speaker_attribute_values v JOIN attributes a ON a.id = v.attribute_id ORDER BY a.position, a.id')
    .all() as { sid: number; name: string; value: string }[];
  const out = new Map<number, SpeakerInfo>();
  for (const r of rows) out.set(r.id, { documentId: r.document_id, label: r.label, name: r.name, isInterviewer: r.is_interviewer === 1, attributes: {} });
  for (const a of attrs) {
    const s = out.get(a.sid);
    if (s) s.attributes[a.name] = a.value;
  }
  return out;
}

export function readDocumentAttributes(p: Project): Map<number, Record<string, string>> {
  const rows = p.db
    .prepare('SELECT v.document_id AS doc, a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id ORDER BY a.position, a.id')
    .all() as { doc: number; name: string; value: string }[];
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    let rec = out.get(r.doc);
    if (!rec) out.set(r.doc, (rec = {}));
    rec[r.name] = r.value;
  }
  return out;
}

/**
 * What the index depends on beyond content_version: attribute names (a renamed attribute
 * changes the `attr` field's terms; attributes have no trigger). Turn edits and deletes,
 * speakers and speaker attribute values bump the version themselves (migration 003), so this
 * reads the attributes only, not every turn and speaker: opening an index costs the same
 * whatever the size of the corpus.
 */
export function corpusFingerprint(p: Project): string {
  const a = p.db.prepare("SELECT group_concat(id || '=' || scope || ':' || name, ',') AS h FROM attributes").get() as { h: string | null };
  return simpleHash(a.h ?? '');
}

function simpleHash(s: string): string {
  // FNV-1a, 32 bit: a change detector, not a security measure.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

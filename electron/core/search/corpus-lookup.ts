/**
 * What a search result shows about a document (name, kind, attributes) and its speakers,
 * read per document when a result first needs it: opening the index no longer reads every
 * document, speaker and attribute value of the project (a cost that grew with the corpus).
 */
import type { Db } from '../db/driver';
import type { SpeakerInfo } from './passages';

export interface IndexedDocument {
  id: number;
  name: string;
  kind: string;
  attributes: Record<string, string>;
  speakers: Map<number, SpeakerInfo>;
}

/** Documents by id, each read once (with its attributes and speakers) on first use. */
export function documentLookup(db: Db): (id: number) => IndexedDocument | undefined {
  const known = new Map<number, IndexedDocument | undefined>();
  const doc = db.prepare('SELECT id, name, kind FROM documents WHERE id = ?');
  const docAttributes = db.prepare(
    `SELECT a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
     WHERE v.document_id = ? ORDER BY a.position, a.id`,
  ).raw();
  const speakers = db.prepare('SELECT id, label, name, is_interviewer FROM speakers WHERE document_id = ?').raw();
  const speakerAttributes = db.prepare(
    `SELECT v.speaker_id, a.name, v.value FROM speakers s JOIN speaker_attribute_values v ON v.speaker_id = s.id JOIN attributes a ON a.id = v.attribute_id
     WHERE s.document_id = ? ORDER BY a.position, a.id`,
  ).raw();
  const read = (id: number): IndexedDocument | undefined => {
    const row = doc.get(id) as { id: number; name: string; kind: string } | undefined;
    if (!row) return undefined;
    const attributes: Record<string, string> = {};
    for (const [name, value] of docAttributes.all(id) as [string, string][]) attributes[name] = value;
    const bySpeaker = new Map<number, SpeakerInfo>();
    for (const [sid, label, name, interviewer] of speakers.all(id) as [number, string, string | null, number][]) {
      bySpeaker.set(sid, { documentId: id, label, name, isInterviewer: interviewer === 1, attributes: {} });
    }
    for (const [sid, name, value] of speakerAttributes.all(id) as [number, string, string][]) {
      const s = bySpeaker.get(sid);
      if (s) s.attributes[name] = value;
    }
    return { ...row, attributes, speakers: bySpeaker };
  };
  return (id) => {
    if (!known.has(id)) known.set(id, read(id));
    return known.get(id);
  };
}

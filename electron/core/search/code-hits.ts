/**
 * "Code all hits": a quotation for each selected search hit, widened to the word, sentence,
 * paragraph or speaker turn around it, linked to one code (by id, path, unique name or path
 * suffix; created from its path only when the caller chose to create it).
 * Hits that widen to the same span become one quotation; a span the current coder already
 * quoted gets the code added instead of a duplicate quotation. All of it is one transaction and one undo step.
 */
import { resolveCode } from '../coding/code-resolve';
import { codeSpansInBulk } from '../coding/bulk-quotations';
import { UserError } from '../errors';
import { withUndo } from '../undo/journal';
import type { Project } from '../project/project';
import { passagesOf, readSpeakers } from './passages';
import { paragraphAround, sentenceAround, trimSpan } from './text';
import { lastStartingAtOrBefore } from '../text/spans';

export type Expansion = 'word' | 'sentence' | 'paragraph' | 'turn';

export interface HitRef {
  documentId: number;
  start: number;
  end: number;
}

export interface CodeHitsResult {
  codeId: number;
  created: number;
  linked: number;
  quotationIds: number[];
  spans: { documentId: number; start: number; end: number }[];
}

export function codeHits(p: Project, hits: HitRef[], code: { path?: string; codeId?: number; create?: boolean }, expand: Expansion): CodeHitsResult {
  if (hits.length === 0) throw new UserError('bad-input', 'no hits were selected to code', undefined, 'inga träffar är markerade att koda');
  const run = (): CodeHitsResult => {
    const codeId = code.codeId ?? (code.path ? resolveCode(p, code.path, { create: code.create }) : undefined);
    if (codeId === undefined) throw new UserError('bad-input', 'choose a code (a path such as "Samverkan/Extern") to code the hits with', undefined, 'välj en kod (en sökväg som ”Samverkan/Extern”) att koda träffarna med');
    if (!p.db.prepare('SELECT 1 FROM codes WHERE id = ?').get(codeId)) throw new UserError('not-found', `no code with id ${codeId}`);
    const spans = expandAll(p, hits, expand);
    const { quotationIds: ids, created, linked } = codeSpansInBulk(p, spans, codeId, p.currentCoderId());
    return { codeId, created, linked, quotationIds: ids, spans };
  };
  const label = code.path ?? `#${code.codeId}`;
  // Labelled as coding so the undo button shows a translated label ("Ångra: kodning").
  return withUndo(p, { action: 'search.codeHits', text: `Code ${hits.length} search hits with "${label}"` }, run);
}

/** The distinct spans the hits widen to, in document order. */
export function expandAll(p: Project, hits: HitRef[], expand: Expansion): HitRef[] {
  const textOf = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const turnsOf = p.db.prepare('SELECT document_id, speaker_id, start, "end" FROM turns WHERE document_id = ? ORDER BY start, id');
  // Speakers are needed even for words: passages start after the speaker label.
  const speakers = readSpeakers(p);
  const docs = new Map<number, { text: string; passages: { start: number; end: number }[] }>();
  const seen = new Set<string>();
  const out: HitRef[] = [];
  for (const h of hits) {
    let d = docs.get(h.documentId);
    if (!d) {
      const text = textOf.get(h.documentId) as string | undefined;
      if (text === undefined) throw new UserError('not-found', `no document with id ${h.documentId}`);
      d = { text, passages: passagesOf(h.documentId, text, turnsOf.all(h.documentId) as never[], speakers) };
      docs.set(h.documentId, d);
    }
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end) || h.start < 0 || h.end <= h.start || h.end > d.text.length) {
      throw new UserError('bad-input', `hit ${h.start}-${h.end} does not lie within document ${h.documentId}`);
    }
    const passage = passageAround(d.passages, h.start, h.end) ?? { start: 0, end: d.text.length };
    const [start, end] = expandOne(d.text, h.start, h.end, passage, expand);
    const key = `${h.documentId}:${start}:${end}`;
    if (end > start && !seen.has(key)) {
      seen.add(key);
      out.push({ documentId: h.documentId, start, end });
    }
  }
  return out.sort((a, b) => a.documentId - b.documentId || a.start - b.start);
}

/**
 * The passage holding [start, end): passages come in text order and do not overlap, so a
 * binary search finds it (a linear search per hit cost 40,000 hits × hundreds of passages).
 */
function passageAround(passages: { start: number; end: number }[], start: number, end: number): { start: number; end: number } | undefined {
  const found = passages[lastStartingAtOrBefore(passages, start)];
  return found && end <= found.end ? found : passages.find((x) => x.start <= start && end <= x.end);
}

function expandOne(text: string, start: number, end: number, passage: { start: number; end: number }, expand: Expansion): [number, number] {
  switch (expand) {
    case 'word': {
      let s = start;
      let e = end;
      while (s > passage.start && /[\p{L}\p{N}'’]/u.test(text[s - 1]!)) s--;
      while (e < passage.end && /[\p{L}\p{N}'’]/u.test(text[e]!)) e++;
      return trimSpan(text, s, e);
    }
    case 'sentence':
      return sentenceAround(text, start, end, passage.start, passage.end);
    case 'paragraph':
      return paragraphAround(text, start, end, passage.start, passage.end);
    case 'turn':
      return trimSpan(text, passage.start, passage.end);
  }
}

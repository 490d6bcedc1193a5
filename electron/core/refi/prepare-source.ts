/**
 * One REFI-QDA text source made ready to store, apart from the project and the model: its
 * text decoded and normalised, its selections placed on that text (positions.ts), its
 * speaker turns, hash and language. It needs nothing but its input, so the job's thread and
 * the import's second thread (helper-thread.ts) both run it, and what it gives back moves
 * between threads without the text: the job's thread writes bytes, never the string.
 */
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../../shared/contract';
import { packTurns, type NewSpeaker, type TurnColumns } from '../documents/packed';
import { parseTranscript } from '../import/transcript';
import { detectLanguage } from '../text/language';
import { chooseUnit, mapText, placeIn, type PositionUnit } from './positions';
import { decodeSourceBytes } from './source-text';

export interface SourceInput {
  /** The source file's bytes in the archive; absent when the text is stored inline. */
  bytes?: Uint8Array;
  /** Where they lie in the archive. */
  entry?: string;
  /** The inline text (`<PlainTextContent>`); absent when the text is in a file. */
  text?: string;
  /** Each selection's start and end as the file gives them, in pairs (not Int32: a hostile 2^32 + 5 must not become 5). */
  ranges: Float64Array;
  /** Field notes are not searched for speaker turns. */
  fieldnote: boolean;
}

export interface PreparedSource {
  /** The stored text's length in UTF-16 code units. */
  chars: number;
  /** The stored text's UTF-8; null when the input bytes are exactly that (UTF-8 without BOM, LF, NFC). */
  utf8: Uint8Array | null;
  /** How the file was encoded, "(BOM)" added when it had one; null for an inline text. */
  encoding: string | null;
  kind: DocumentKind;
  turns: TurnColumns;
  speakers: NewSpeaker[];
  /** Of the input as it came. */
  sha256: string;
  language: string | null;
  /** How the writer counted positions in this source, and the text's length so counted. */
  unit: PositionUnit;
  length: number;
  /** Each selection's start and end on the stored text, in pairs: -1 inside a character, -2 outside the text. */
  placed: Float64Array;
}

export function prepareSource(input: SourceInput, origin: string | null): PreparedSource {
  const raw = input.bytes ? decodeSourceBytes(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)) : null;
  const rawText = raw ? raw.text : (input.text ?? '');
  const mapped = mapText(rawText);
  const text = mapped.stored;
  const ranges: { start: number; end: number }[] = [];
  for (let i = 0; i < input.ranges.length; i += 2) ranges.push({ start: input.ranges[i]!, end: input.ranges[i + 1]! });
  const choice = chooseUnit(mapped, ranges, origin);
  const placed = new Float64Array(input.ranges.length);
  for (let i = 0; i < placed.length; i++) placed[i] = placeIn(choice, input.ranges[i]!);
  const parsed = input.fieldnote ? { turns: [], speakers: [] } : parseTranscript(text);
  const speakers: NewSpeaker[] = [...parsed.speakers];
  const asItCame = raw !== null && raw.encoding === 'utf-8' && !raw.bom && text === rawText;
  const bytesIn = input.bytes ?? Buffer.from(rawText, 'utf8');
  return {
    chars: text.length,
    utf8: asItCame ? null : Buffer.from(text, 'utf8'),
    encoding: raw ? raw.encoding + (raw.bom ? ' (BOM)' : '') : null,
    kind: input.fieldnote ? 'fieldnote' : parsed.turns.length > 0 ? 'interview' : 'other',
    turns: packTurns(parsed.turns, speakers),
    speakers,
    sha256: createHash('sha256').update(bytesIn).digest('hex'),
    language: detectLanguage(text),
    unit: choice.unit,
    length: choice.length,
    placed,
  };
}

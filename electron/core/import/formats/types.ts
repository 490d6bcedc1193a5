/** What every format reader gets and gives. */
import type { NewSpeaker, NewTurn } from '../../documents/store';
import { UserError } from '../../errors';

export interface ImportLimits {
  /** Larger files are refused before they are read. */
  maxFileBytes: number;
  /** A "line" longer than this is taken as a sign the file is not text. */
  maxLineChars: number;
  /** Caps for zip-based formats (zip bombs). */
  maxInflatedBytes: number;
  maxZipEntries: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxLineChars: 1_000_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxZipEntries: 10_000,
};

export interface ReadContext {
  /** The file's name as the user gave it (for messages). */
  file: string;
  encoding?: string | null;
  limits: ImportLimits;
  readonly cancelled: boolean;
}

/** One text document read from a file, before it is written. */
export interface TextExtract {
  text: string;
  sourceType: string;
  encoding: string | null;
  /** The file's bytes when they are exactly the UTF-8 of `text` (see NewDocument.utf8). */
  utf8?: Uint8Array;
  /** Speaker labels the format itself marks (bold names, vtt voices). */
  knownLabels?: string[];
  /** Formats whose turns come from their structure (subtitles) give them directly. */
  turns?: NewTurn[];
  speakers?: NewSpeaker[];
}

/** A file that cannot be imported, said in English (CLI) and Swedish (the Swedish UI). */
export function badFile(file: string, message: string, sv: string): UserError {
  return new UserError('bad-file', message, file, sv);
}

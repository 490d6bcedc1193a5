/**
 * What passes between the import's reader (prepare.ts, maybe in another thread) and the
 * writing job (pipeline.ts): plain, cloneable data. Kept apart from prepare.ts so the
 * writing thread does not load the format readers and the language detector.
 */
import type { DocumentKind } from '../../../shared/contract';
import type { PackedDocument } from '../documents/store';
import { isUserError, UserError } from '../errors';
import type { Table } from './formats/table';
import type { ImportLimits } from './formats/types';
import type { SurveyDocuments, SurveyOptions } from './survey';

/** One file of a batch, as listed before anything is read. */
export interface ImportItem {
  display: string;
  path?: string;
  /** The bytes, when the file came as contents (a browser drop) rather than a path. */
  data?: Uint8Array;
  size: number;
  /** Found by walking a folder (unsupported files there are skipped, not failed). */
  fromFolder: boolean;
  /** A problem found while listing (missing file), in English and Swedish. */
  problem?: { en: string; sv: string };
  /** Left out while listing a folder, with the reason (a symbolic link): reported as skipped. */
  skip?: { en: string; sv: string };
  encoding?: string;
}

/** What the batch decides for every file, the same wherever the file was prepared. */
export interface PrepareOptions {
  kind?: DocumentKind;
  /** The batch's encoding (canonical), used where the file has none of its own. */
  encoding: string | null;
  limits: ImportLimits;
  survey?: SurveyOptions;
  /** Tables whose first header names documents are attribute sheets (not in a survey batch). */
  detectSheets: boolean;
}

/** A document ready to be written except for its name, which must be unique in the project. */
export type DocumentDraft = Omit<PackedDocument, 'name'> & { baseName: string };

export type PreparedFile =
  | { type: 'text'; sha256: string; encoding: string | null; draft: DocumentDraft }
  | { type: 'survey'; sha256: string; encoding: string | null; survey: SurveyDocuments }
  | { type: 'sheet'; sha256: string; table: Table }
  /** Not an import format, found in a folder: skipped, not failed. */
  | { type: 'skip'; message: string; sv: string }
  /** sha256 is there when the bytes were read, so a failing duplicate is still a duplicate. */
  | { type: 'error'; sha256: string | null; error: PreparedError };

/** An error as it crosses from the reader thread: enough to rebuild it on the other side. */
export interface PreparedError {
  name: string;
  message: string;
  code?: string;
  file?: string;
  sv?: string;
}

/** A table whose first column header names documents is an attribute sheet, not a survey. */
export const SHEET_FIRST_HEADER = /^(dokument|dokumentnamn|document|documents|document name|fil|filnamn|file|filename|file name|intervju|interview)$/i;

export function errorToPlain(e: unknown): PreparedError {
  if (isUserError(e)) return { name: e.name, message: e.message, code: e.code, file: e.file, sv: e.sv };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, message: err.message };
}

/** The error as the batch loop expects it: a UserError again, or a CancelledError by name. */
export function plainToError(p: PreparedError): Error {
  if (p.name === 'UserError' && p.code) {
    const message = p.file && p.message.startsWith(`${p.file}: `) ? p.message.slice(p.file.length + 2) : p.message;
    return new UserError(p.code, message, p.file, p.sv);
  }
  const e = new Error(p.message);
  e.name = p.name;
  return e;
}

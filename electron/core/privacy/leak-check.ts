/**
 * The leak check: an export read back and searched for what must not be in it: every real
 * name of the pseudonym list (any case, inflected), personnummer, and the names of the
 * source files the documents came from.
 */
import path from 'node:path';
import type { PseudonymRow } from '../../../shared/contract/privacy';
import { UserError } from '../errors';
import type { TextPiece } from './export-text';
import { findPersonnummer, nameRegex } from './pseudonymise';

export interface LeakHit {
  /** Where in the file: "line 3", "Sheet1!B4", "word/document.xml, paragraph 12". */
  place: string;
  kind: 'name' | 'personnummer' | 'source-file';
  /** What was found, as written in the export. */
  found: string;
}

export function findLeaks(pieces: readonly TextPiece[], names: readonly PseudonymRow[], sourceFiles: readonly string[]): LeakHit[] {
  const hits: LeakHit[] = [];
  const nameRes = names.map((n) => nameRegex(n.real));
  // a source file's full name ("Intervju Anna Andersson.docx"); its stem is often the document's name, which an export may show
  const fileRes = [...new Set(sourceFiles.filter((f) => f && path.extname(f)))].map(
    (f) => new RegExp(`(?<![\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu'),
  );
  for (const piece of pieces) {
    for (const re of nameRes) for (const m of piece.text.matchAll(re)) hits.push({ place: piece.place, kind: 'name', found: m[0] });
    for (const m of findPersonnummer(piece.text)) hits.push({ place: piece.place, kind: 'personnummer', found: m.match });
    for (const re of fileRes) for (const m of piece.text.matchAll(re)) hits.push({ place: piece.place, kind: 'source-file', found: m[0] });
  }
  return hits;
}

export function leakError(file: string, hits: readonly LeakHit[], written: boolean): UserError {
  const shown = hits.slice(0, 20);
  const more = hits.length > shown.length ? ` … and ${hits.length - shown.length} more` : '';
  const moreSv = hits.length > shown.length ? ` … och ${hits.length - shown.length} till` : '';
  const what = { name: 'real name', personnummer: 'personnummer', 'source-file': 'source file name' } as const;
  const whatSv = { name: 'verkligt namn', personnummer: 'personnummer', 'source-file': 'källfilens namn' } as const;
  const list = shown.map((h) => `${what[h.kind]} "${h.found}" at ${h.place}`).join('; ');
  const listSv = shown.map((h) => `${whatSv[h.kind]} "${h.found}" vid ${h.place}`).join('; ');
  const removed = written ? ' The file was removed.' : '';
  const removedSv = written ? ' Filen togs bort.' : '';
  const e = new UserError(
    'export-leak',
    `the export was not made: it still contains what the pseudonym list or the check forbids (${hits.length}): ${list}${more}.${removed} Add the missing names to the pseudonym list and export again`,
    file,
    `exporten gjordes inte: den innehåller fortfarande sådant som pseudonymlistan eller kontrollen förbjuder (${hits.length}): ${listSv}${moreSv}.${removedSv} Lägg till de saknade namnen i pseudonymlistan och exportera igen`,
  );
  return Object.assign(e, { hits: [...hits] });
}

/**
 * The one door every export goes out through (export/deliver.ts and the quotation and word
 * exports call it): pseudonyms applied to the export's text (never to the stored text),
 * then the file written, read back from the disk and checked for leaks; on a hit the file
 * is removed and the export fails with every hit and its place. On by default whenever the
 * project has a pseudonym list; `pseudonymise: false` turns both off for that export.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { ExportPrivacy, PseudonymRow } from '../../../shared/contract/privacy';
import { writeAtomically } from '../files/write-atomically';
import type { Project } from '../project/project';
import { mapExportText, readExportText } from './export-text';
import { findLeaks, leakError } from './leak-check';
import { readPseudonyms } from './pseudonym-list';
import { makeReplacer } from './pseudonymise';

export interface GuardedExport {
  /** The bytes as exported (pseudonymised). */
  bytes: Buffer;
  /** The file written, or null when the bytes go back to the caller (a browser download). */
  path: string | null;
  privacy: ExportPrivacy;
}

function sourceFileNames(p: Project): string[] {
  return p.db.prepare("SELECT DISTINCT source_name FROM documents WHERE source_name IS NOT NULL AND source_name <> ''").pluck().all() as string[];
}

/** The project's pseudonym list for an export, and whether the export is pseudonymised and checked (default: when there is a list). */
export function exportPseudonyms(p: Project, pseudonymise: boolean | undefined): { on: boolean; entries: PseudonymRow[] } {
  const { entries } = readPseudonyms(p);
  return { on: pseudonymise ?? entries.length > 0, entries };
}

/**
 * Whether an export is pseudonymised and checked, decided once for the guard and for the
 * export's provenance page (which says so): the option, else on when the project has a list.
 */
export function exportPrivacyPlan(p: Project, pseudonymise: boolean | undefined): { checked: boolean; names: number } {
  const { on, entries } = exportPseudonyms(p, pseudonymise);
  return { checked: on, names: on ? entries.length : 0 };
}

export async function guardedExport(p: Project, raw: Buffer, format: string, target: string | undefined, pseudonymise: boolean | undefined): Promise<GuardedExport> {
  const { on, entries } = exportPseudonyms(p, pseudonymise);
  let bytes = raw;
  let replacements = 0;
  if (on && entries.length > 0) {
    const replace = makeReplacer(entries);
    bytes = await mapExportText(raw, format, (text) => {
      const r = replace(text);
      replacements += r.count;
      return r.text;
    });
  }
  return checkedWrite(p, bytes, format, target, { on, entries, replacements });
}

/**
 * The second half of the door, for exports that apply the pseudonyms themselves while they
 * are built (REFI-QDA, whose positions must follow the changed text): the bytes written (or
 * kept for a download), read back and checked when the guard is on; on a hit the file is
 * removed and the export fails naming every hit.
 */
export async function checkedWrite(
  p: Project,
  bytes: Buffer,
  format: string,
  target: string | undefined,
  guard: { on: boolean; entries: readonly PseudonymRow[]; replacements: number },
): Promise<GuardedExport> {
  const { on, entries } = guard;
  // the source files' names are read only for an export that is checked
  const sources = on ? sourceFileNames(p) : [];
  const privacy: ExportPrivacy = { pseudonymised: on && entries.length > 0, replacements: guard.replacements, leakChecked: on, names: on ? entries.length : 0, sourceFiles: sources.length };
  const check = async (written: Buffer, file: string, removeOnHit: boolean): Promise<void> => {
    const hits = findLeaks(await readExportText(written, format), entries, sources);
    if (hits.length === 0) return;
    if (removeOnHit) rmSync(file, { force: true });
    throw leakError(file, hits, removeOnHit);
  };
  if (!target) {
    if (on) await check(bytes, `export.${format}`, false);
    return { bytes, path: null, privacy };
  }
  const abs = writeAtomically(target, bytes);
  // read back what is on the disk, not what we meant to write
  if (on) await check(readFileSync(abs), abs, true);
  return { bytes, path: abs, privacy };
}

/** A theme table on its way to the clipboard, pseudonymised like an export when the project has a list. */
export function pseudonymiseClipboard(p: Project, clip: { html: string; text: string }): { html: string; text: string } {
  const { entries } = readPseudonyms(p);
  if (entries.length === 0) return clip;
  const replace = makeReplacer(entries);
  return { html: replace(clip.html).text, text: replace(clip.text).text };
}

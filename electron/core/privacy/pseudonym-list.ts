/**
 * The project's code key: real names → pseudonyms. Kept inside the project (encrypted with
 * it when it is encrypted), or, when the user links one, in a separate CSV file of their
 * choice that is read at every export and never copied into the project or an export.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type PapaNs from 'papaparse';
import type { PseudonymKind, PseudonymRow } from '../../../shared/contract/privacy';
import { UserError } from '../errors';
import { lazyRequire } from '../lazy-require';
import type { Project } from '../project/project';
import { withUndo, type StepLabel } from '../undo/journal';
import { guessKind, nextPseudonym } from '../../../shared/privacy/entity-kind';

const papa = lazyRequire<typeof PapaNs>('papaparse');

const FILE_KEY = 'pseudonyms_file';
/** The kinds as a CSV may write them, in English or Swedish. */
const KIND_NAMES: Record<string, PseudonymKind> = {
  person: 'person', place: 'place', plats: 'place', district: 'place', stadsdel: 'place', ort: 'place',
  unit: 'unit', enhet: 'unit', organisation: 'unit', organization: 'unit', org: 'unit',
  other: 'other', övrigt: 'other', annat: 'other',
};

export interface PseudonymList {
  entries: PseudonymRow[];
  /** Where the list lives: in the project, or in the linked file. */
  source: 'project' | 'file';
  file: string | null;
}

export function readPseudonyms(p: Project): PseudonymList {
  const linked = p.getMeta(FILE_KEY);
  if (linked) {
    if (!existsSync(linked)) {
      throw new UserError('not-found', 'the pseudonym list linked to the project is missing; link it again or load the list into the project', linked, 'pseudonymlistan som är kopplad till projektet saknas; koppla den igen eller läs in listan i projektet');
    }
    return { entries: parseListCsv(readFileSync(linked, 'utf8'), linked), source: 'file', file: linked };
  }
  const rows = p.db.prepare('SELECT real, pseudonym, kind FROM pseudonyms ORDER BY position, id').all() as PseudonymRow[];
  return { entries: rows, source: 'project', file: null };
}

/** What a change to the list did, for the undo step's label. */
function stepLabel(before: readonly PseudonymRow[], after: readonly PseudonymRow[], imported: boolean): StepLabel {
  const key = (e: PseudonymRow): string => e.real.toLocaleLowerCase('sv');
  const was = new Map(before.map((e) => [key(e), e]));
  const now = new Map(after.map((e) => [key(e), e]));
  const added = after.filter((e) => !was.has(key(e)));
  const removed = before.filter((e) => !now.has(key(e)));
  const changed = after.filter((e) => {
    const old = was.get(key(e));
    return old !== undefined && (old.pseudonym !== e.pseudonym || old.kind !== e.kind || old.real !== e.real);
  });
  if (imported) return { action: 'pseudonyms.load', text: `Import ${added.length} names into the pseudonym list` };
  if (added.length + removed.length + changed.length === 1) {
    if (added[0]) return { action: 'pseudonyms.add', text: `Add "${added[0].real}" to the pseudonym list` };
    if (removed[0]) return { action: 'pseudonyms.delete', text: `Delete "${removed[0].real}" from the pseudonym list` };
    return { action: 'pseudonyms.edit', text: `Change the pseudonym of "${changed[0]!.real}"` };
  }
  // an edit of a real name is one removed and one added row
  if (added.length === 1 && removed.length === 1 && changed.length === 0) return { action: 'pseudonyms.edit', text: `Change "${removed[0]!.real}" to "${added[0]!.real}" in the pseudonym list` };
  if (removed.length === 0 && changed.length === 0) return { action: 'pseudonyms.add', text: `Add ${added.length} names to the pseudonym list` };
  return { action: 'pseudonyms.set', text: 'Change the pseudonym list' };
}

/**
 * Stores the list in the project (and unlinks any file) as one undo step: only the rows that
 * differ are written, so the step holds what changed and not the whole list twice.
 */
export function savePseudonyms(p: Project, entries: readonly PseudonymRow[], options: { imported?: boolean } = {}): PseudonymList {
  const clean = dedupe(entries.map(normalise));
  const before = p.getMeta(FILE_KEY) ? [] : readPseudonyms(p).entries;
  withUndo(p, stepLabel(before, clean, options.imported === true), () => {
    const existing = p.db.prepare('SELECT id, real, pseudonym, kind, position FROM pseudonyms').all() as (PseudonymRow & { id: number; position: number })[];
    const byKey = new Map(existing.map((r) => [r.real.toLocaleLowerCase('sv'), r]));
    const keep = new Set<number>();
    const update = p.db.prepare('UPDATE pseudonyms SET real = ?, pseudonym = ?, kind = ?, position = ? WHERE id = ?');
    const insert = p.db.prepare('INSERT INTO pseudonyms(real, pseudonym, kind, position) VALUES (?, ?, ?, ?)');
    clean.forEach((e, position) => {
      const had = byKey.get(e.real.toLocaleLowerCase('sv'));
      if (!had) return void insert.run(e.real, e.pseudonym, e.kind, position);
      keep.add(had.id);
      if (had.real !== e.real || had.pseudonym !== e.pseudonym || had.kind !== e.kind || had.position !== position) update.run(e.real, e.pseudonym, e.kind, position, had.id);
    });
    const remove = p.db.prepare('DELETE FROM pseudonyms WHERE id = ?');
    for (const r of existing) if (!keep.has(r.id)) remove.run(r.id);
    p.db.prepare('DELETE FROM project_meta WHERE key = ?').run(FILE_KEY);
  });
  return readPseudonyms(p);
}

/** Links a CSV file as the list: the project keeps only its path, nothing of its content. */
export function linkPseudonymFile(p: Project, file: string): PseudonymList {
  const abs = path.resolve(file);
  parseListCsv(readFileSync(abs, 'utf8'), abs); // refuse a file that is no list before linking it
  withUndo(p, { action: 'pseudonyms.link', text: 'Link a pseudonym list file' }, () => {
    p.setMeta(FILE_KEY, abs);
    p.db.prepare('DELETE FROM pseudonyms').run();
  });
  return readPseudonyms(p);
}

function normalise(e: PseudonymRow): PseudonymRow {
  return { real: e.real.trim().replace(/\s+/gu, ' '), pseudonym: e.pseudonym.trim().replace(/\s+/gu, ' '), kind: e.kind };
}

function dedupe(entries: PseudonymRow[]): PseudonymRow[] {
  const seen = new Map<string, PseudonymRow>();
  for (const e of entries) if (e.real) seen.set(e.real.toLocaleLowerCase('sv'), e);
  return [...seen.values()];
}

export { nextPseudonym };

/**
 * A list as CSV: real name, pseudonym, kind (person/place/unit/other), with or without a
 * header row, separated by commas or semicolons. A row without a pseudonym gets the next
 * free one ("Person C"), so a plain list of names is a list too.
 */
export function parseListCsv(content: string, file: string | undefined): PseudonymRow[] {
  const parsed = papa().parse<string[]>(content.replace(/^\uFEFF/u, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((r) => r.some((c) => c.trim()));
  if (rows.length && /^(real|namn|name|verkligt namn)$/iu.test(rows[0]![0]!.trim())) rows.shift();
  const out: PseudonymRow[] = [];
  rows.forEach((r, i) => {
    const real = (r[0] ?? '').trim();
    if (!real) return;
    const kindText = (r[2] ?? '').trim().toLowerCase();
    const named = KIND_NAMES[kindText];
    if (kindText && !named) {
      throw new UserError('bad-input', `row ${i + 1}: the kind "${kindText}" is none of person, place, organisation (unit), other`, file, `rad ${i + 1}: typen "${kindText}" är ingen av person, plats, organisation (enhet), övrigt`);
    }
    const kind = named ?? guessKind(real);
    const pseudonym = (r[1] ?? '').trim() || nextPseudonym(kind, out);
    out.push({ real, pseudonym, kind });
  });
  return dedupe(out);
}

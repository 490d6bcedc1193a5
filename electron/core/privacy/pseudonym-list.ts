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

const papa = lazyRequire<typeof PapaNs>('papaparse');

const LIST_KEY = 'pseudonyms';
const FILE_KEY = 'pseudonyms_file';
const KINDS: readonly PseudonymKind[] = ['person', 'place', 'unit', 'other'];

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
  const raw = p.getMeta(LIST_KEY);
  return { entries: raw ? (JSON.parse(raw) as PseudonymRow[]) : [], source: 'project', file: null };
}

/** Stores the list in the project (and unlinks any file). */
export function savePseudonyms(p: Project, entries: readonly PseudonymRow[]): PseudonymList {
  const clean = dedupe(entries.map(normalise));
  p.transaction(() => {
    p.setMeta(LIST_KEY, JSON.stringify(clean));
    p.db.prepare('DELETE FROM project_meta WHERE key = ?').run(FILE_KEY);
  });
  return readPseudonyms(p);
}

/** Links a CSV file as the list: the project keeps only its path, nothing of its content. */
export function linkPseudonymFile(p: Project, file: string): PseudonymList {
  const abs = path.resolve(file);
  parseListCsv(readFileSync(abs, 'utf8'), abs); // refuse a file that is no list before linking it
  p.transaction(() => {
    p.setMeta(FILE_KEY, abs);
    p.db.prepare('DELETE FROM project_meta WHERE key = ?').run(LIST_KEY);
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

const PREFIX: Record<PseudonymKind, string> = { person: 'Person', place: 'Plats', unit: 'Enhet', other: 'Namn' };

/** "A" … "Z", "AA" …: the next letter not yet used after the prefix of this kind. */
export function nextPseudonym(kind: PseudonymKind, taken: readonly PseudonymRow[]): string {
  const used = new Set(taken.map((t) => t.pseudonym.toLocaleLowerCase('sv')));
  for (let i = 0; ; i++) {
    let label = '';
    for (let n = i; ; n = Math.floor(n / 26) - 1) {
      label = String.fromCharCode(65 + (n % 26)) + label;
      if (n < 26) break;
    }
    const candidate = `${PREFIX[kind]} ${label}`;
    if (!used.has(candidate.toLocaleLowerCase('sv'))) return candidate;
  }
}

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
    const kind = (KINDS as readonly string[]).includes(kindText) ? (kindText as PseudonymKind) : 'person';
    if (kindText && !(KINDS as readonly string[]).includes(kindText)) {
      throw new UserError('bad-input', `row ${i + 1}: the kind "${kindText}" is none of person, place, unit, other`, file, `rad ${i + 1}: typen "${kindText}" är ingen av person, place, unit, other`);
    }
    const pseudonym = (r[1] ?? '').trim() || nextPseudonym(kind, out);
    out.push({ real, pseudonym, kind });
  });
  return dedupe(out);
}

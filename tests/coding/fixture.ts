/** A small real project for the coding tests, driven through the same dispatch as the UI and CLI. */
import path from 'node:path';
import type { MethodName, Params, Result } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { parseTranscript } from '../../electron/core/import/transcript';
import { normalizeText } from '../../shared/text/normalize';
import { JOURNALLED_TABLES } from '../../electron/core/undo/journal';
import type { Project } from '../../electron/core/project/project';

export const INTERVIEW = [
  'Intervjuare: Hur började samarbetet med skolan?',
  'AA: Vi ringde varandra, helt informellt. Man bollar med kollegan i korridoren.',
  'BB: Ja, och ibland tänjer man på uppdraget för klientens skull – barn-och-unga-enheten vet.',
  'Intervjuare: Vad hände sen?',
  'AA: Vi bokade ett möte direkt, utan att gå via chefen.',
  'BB: Det gick fort.',
].join('\r\n');

/** Emoji (surrogate pairs, ZWJ sequences), combining marks (decomposed å, é) and CRLF line ends. */
export const TRICKY = 'Första raden 😀 med emoji.\r\nAndra: fam👨‍👩‍👧ilj och cafe\u0301 samt a\u030Angest.\r\nTredje rad: slut.';

export interface Env {
  session: Session;
  p: Project;
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  interviewId: number;
  trickyId: number;
}

export function makeEnv(dir: string, name = 'coding'): Env {
  const session = new Session('test');
  const p = session.createProject(path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.rodtrad`));
  const text = normalizeText(INTERVIEW);
  const parsed = parseTranscript(text);
  const interviewId = insertDocument(p, {
    name: 'Gruppintervju 1',
    kind: 'interview',
    text,
    sourceName: 'gruppintervju-1.txt',
    turns: parsed.turns,
    speakers: parsed.speakers,
    attributes: { termin: 'HT16', grupp: 'medarbetare' },
  });
  const trickyId = insertDocument(p, {
    name: 'Fältanteckning',
    kind: 'fieldnote',
    text: normalizeText(TRICKY),
    sourceName: 'falt.txt',
    attributes: { termin: 'VT17', grupp: 'chefer' },
  });
  return { session, p, call: (m, params) => dispatch(session, m, params), interviewId, trickyId };
}

/** Every row of every journalled table, in primary-key order, with SQLite types made visible. */
export function dump(p: Project): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of JOURNALLED_TABLES) {
    const cols = (p.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).map((c) => `"${c}"`);
    const typed = cols.map((c) => `${c}, typeof(${c})`).join(', ');
    out[t] = p.db.prepare(`SELECT ${typed} FROM "${t}" ORDER BY ${cols.join(', ')}`).raw().all();
  }
  return out;
}

/** Foreign keys hold and every quotation lies inside its document (what project.check checks, without its worker). */
export function consistency(p: Project): string[] {
  const problems: string[] = [];
  for (const r of p.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) problems.push(`${r.table} ${r.rowid} → ${r.parent}`);
  const bad = p.db.prepare('SELECT q.id FROM quotations q JOIN documents d ON d.id = q.document_id WHERE q.start < 0 OR q."end" > d.chars OR q."end" <= q.start').pluck().all() as number[];
  for (const id of bad) problems.push(`quotation ${id} outside its document`);
  return problems;
}

/**
 * The SIGKILL crash check. A child process (dist/crash-child.mjs) works on a project and
 * prints a line after each acknowledged write; the parent kills it with SIGKILL once it has
 * read a seeded-random number of those lines (the moment comes from the child's own count,
 * not from the clock), then opens the file and checks: integrity_check ok, foreign keys ok,
 * and every write acknowledged before the kill present. For imports: no document half
 * imported. For migrations: the old file or the migrated one, never a mix. Every other run
 * uses an encrypted project.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { forgetPassphrase, openDb, rememberPassphrase, userVersion, type Db } from '../../electron/core/db/driver';
import { latestVersion, migrate } from '../../electron/core/db/migrate';
import { Project } from '../../electron/core/project/project';
import { appRoot } from '../../electron/core/paths';
import { CRASH_CHUNKS, CRASH_ROWS_PER_CHUNK, CRASH_WRITES } from './shared';
import { mulberry32 } from '../../shared/random/mulberry32';

export type CrashKind = 'coding' | 'import' | 'migrate';

export interface CrashReport {
  kind: CrashKind;
  runs: number;
  passed: number;
  /** Runs in which the child finished before the kill point (still checked). */
  finished: number;
  acknowledged: number;
  failures: string[];
}

export const PASSPHRASE = 'krasch-test lösenfras';
const IMPORT_FILES = 80;
const TURNS_PER_FILE = 12;

export function childScript(): string {
  const file = path.join(appRoot(), 'dist', 'crash-child.mjs');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  return file;
}

/** Runs the child until it has printed `killAfter` lines (then SIGKILL) or ends; returns every line it printed. */
export function runChild(args: string[], encrypted: boolean, killAfter: number): Promise<{ lines: string[]; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (encrypted) env.RODTRAD_PASSPHRASE = PASSPHRASE;
    else delete env.RODTRAD_PASSPHRASE;
    const child = spawn(process.execPath, [childScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      partial += d.toString();
      const parts = partial.split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (!killed && lines.length >= killAfter) {
          killed = child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    // lines written before the kill may still sit in the pipe: 'close' comes after they are read
    child.on('close', () => resolve({ lines, killed, stderr }));
  });
}

function withKey<T>(file: string, encrypted: boolean, fn: () => T): T {
  if (encrypted) rememberPassphrase(file, PASSPHRASE);
  try {
    return fn();
  } finally {
    forgetPassphrase(file);
  }
}

function integrity(db: Db): string[] {
  const problems: string[] = [];
  const ic = db.pragma('integrity_check', { simple: true });
  if (ic !== 'ok') problems.push(`integrity_check: ${String(ic)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`${fk.length} foreign key problems`);
  return problems;
}

const TEXT = Array.from({ length: 60 }, (_, i) => `Replik ${i}: samverkan med skolan och socialtjänsten i stadsdelen, ärende ${i}.`).join('\n');

export async function codingFixture(dir: string, encrypted: boolean): Promise<string> {
  const file = path.join(dir, 'kodning.rodtrad');
  const s = new Session('test');
  s.createProject(file, undefined, encrypted ? PASSPHRASE : undefined);
  await dispatch(s, 'import.files', { sources: [{ name: 'grupp.txt', data: Buffer.from(TEXT).toString('base64') }] });
  await dispatch(s, 'codes.create', { name: 'Samverkan' });
  await dispatch(s, 'memos.create', { title: 'Logg', body: 'start' });
  s.dispose();
  forgetPassphrase(file);
  return file;
}

export function checkCoding(file: string, encrypted: boolean, lines: string[]): string[] {
  return withKey(file, encrypted, () => {
    const p = Project.open(file);
    try {
      const problems = integrity(p.db);
      let lastMemo = -1;
      let memoId = 0;
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'q' && !p.db.prepare('SELECT 1 FROM quotations WHERE id = ?').get(Number(a))) problems.push(`acknowledged quotation ${a} is missing`);
        if (kind === 'c' && !p.db.prepare('SELECT 1 FROM quotation_codes WHERE quotation_id = ? AND code_id = ?').get(Number(a), Number(b))) problems.push(`acknowledged code ${b} on quotation ${a} is missing`);
        if (kind === 'm') [memoId, lastMemo] = [Number(a), Number(b)];
      }
      if (memoId) {
        const body = p.db.prepare('SELECT body FROM memos WHERE id = ?').pluck().get(memoId) as string;
        const n = Number(/^edit (\d+)$/.exec(body)?.[1] ?? -1);
        // the memo holds the last acknowledged edit, or one made after it that committed before the kill
        if (n < lastMemo) problems.push(`memo holds "${body}", older than the acknowledged edit ${lastMemo}`);
      }
      return problems;
    } finally {
      p.close();
    }
  });
}

function importFixture(dir: string, encrypted: boolean): { file: string; sources: string } {
  const sources = path.join(dir, 'kallor');
  mkdirSync(sources);
  for (let f = 0; f < IMPORT_FILES; f++) {
    const turns = Array.from({ length: TURNS_PER_FILE }, (_, t) => `${t % 2 ? 'AB' : 'CD'}: Fil ${f} replik ${t}. ${'Vi pratade om samverkan och om arbetsbelastningen. '.repeat(40)}`);
    writeFileSync(path.join(sources, `intervju-${String(f).padStart(2, '0')}.txt`), turns.join('\n\n'));
  }
  const file = path.join(dir, 'import.rodtrad');
  Project.create(file, { passphrase: encrypted ? PASSPHRASE : undefined }).close();
  forgetPassphrase(file);
  return { file, sources };
}

function checkImport(file: string, encrypted: boolean): string[] {
  return withKey(file, encrypted, () => {
    const p = Project.open(file);
    try {
      const problems = integrity(p.db);
      const docs = p.db.prepare('SELECT d.name, d.chars, (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns FROM documents d').all() as { name: string; chars: number; turns: number }[];
      for (const d of docs) {
        if (d.turns !== TURNS_PER_FILE) problems.push(`document ${d.name} is half imported: ${d.turns} of ${TURNS_PER_FILE} turns`);
      }
      if (docs.length > IMPORT_FILES) problems.push(`${docs.length} documents from ${IMPORT_FILES} files`);
      return problems;
    } finally {
      p.close();
    }
  });
}

function migrationFixture(dir: string, encrypted: boolean): string {
  const file = path.join(dir, 'gammal.rodtrad');
  withKey(file, encrypted, () => {
    const db = openDb(file, { create: true });
    migrate(db, file, 1);
    db.prepare("INSERT INTO project_meta(key, value) VALUES ('app', 'rodtrad')").run();
    db.close();
  });
  return file;
}

function checkMigration(file: string, encrypted: boolean): string[] {
  return withKey(file, encrypted, () => {
    const db = openDb(file, { readonly: true });
    try {
      const problems = integrity(db);
      const v = userVersion(db);
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'crash_migration'").get();
      if (v === 1) {
        if (table) problems.push('version 1 but the migration table exists: a mix');
      } else if (v === latestVersion() + 1) {
        const n = table ? (db.prepare('SELECT count(*) FROM crash_migration').pluck().get() as number) : -1;
        if (n !== CRASH_CHUNKS * CRASH_ROWS_PER_CHUNK) problems.push(`migrated but the migration table has ${n} rows: a mix`);
      } else problems.push(`unexpected version ${v}`);
      return problems;
    } finally {
      db.close();
    }
  });
}

/** Runs `runs` kills of one kind; the seed fixes every kill point. */
export async function crashRuns(kind: CrashKind, runs: number, seed: number, log: (line: string) => void = () => undefined): Promise<CrashReport> {
  const random = mulberry32(seed);
  const base = mkdtempSync(path.join(os.tmpdir(), `rodtrad-crash-${kind}-`));
  const report: CrashReport = { kind, runs, passed: 0, finished: 0, acknowledged: 0, failures: [] };
  try {
    const fixtures = new Map<boolean, string>();
    for (let run = 0; run < runs; run++) {
      const encrypted = run % 2 === 1;
      const dir = path.join(base, `run-${run}`);
      mkdirSync(dir);
      let args: string[];
      let file: string;
      let killAfter: number;
      if (kind === 'coding') {
        // one fixture per mode, copied for every run (a fresh project each time)
        if (!fixtures.has(encrypted)) {
          const fdir = path.join(base, `fixture-${encrypted ? 'enc' : 'plain'}`);
          mkdirSync(fdir);
          fixtures.set(encrypted, await codingFixture(fdir, encrypted));
        }
        file = path.join(dir, 'kodning.rodtrad');
        copyFileSync(fixtures.get(encrypted)!, file);
        args = ['coding', file];
        killAfter = 1 + Math.floor(random() * CRASH_WRITES);
      } else if (kind === 'import') {
        const f = importFixture(dir, encrypted);
        file = f.file;
        args = ['import', file, f.sources];
        // the job reports progress at most ~20 times a second, so an import prints few lines, and
        // fewer on an idle machine: kill on the first or second of them
        killAfter = 1 + Math.floor(random() * 2);
      } else {
        file = migrationFixture(dir, encrypted);
        args = ['migrate', file];
        killAfter = 1 + Math.floor(random() * (CRASH_CHUNKS + 2));
      }
      const child = await runChild(args, encrypted, killAfter);
      if (!child.killed && !child.lines.includes('done')) {
        // the error's own line (a stack trace ends with Node's version, which says nothing)
        const why = child.stderr.split('\n').find((l) => /\b\w*Error\b|\bE[A-Z]{3,}\b/u.test(l)) ?? child.stderr.trim().split('\n').slice(-3).join(' / ');
        report.failures.push(`run ${run} (${kind}): the child failed: ${why.trim()}`);
        continue;
      }
      if (!child.killed) report.finished++;
      const acked = child.lines.filter((l) => l !== 'done');
      report.acknowledged += acked.length;
      const problems = kind === 'coding' ? checkCoding(file, encrypted, acked) : kind === 'import' ? checkImport(file, encrypted) : checkMigration(file, encrypted);
      if (problems.length) report.failures.push(`run ${run} (${kind}, ${encrypted ? 'encrypted' : 'plain'}, killed after ${acked.length} lines): ${problems.join('; ')}`);
      else report.passed++;
      log(`${kind} run ${run + 1}/${runs}: ${encrypted ? 'encrypted' : 'plain'}, ${child.killed ? `killed after ${acked.length} acknowledged` : 'finished'}: ${problems.length ? 'FAILED' : 'ok'}`);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return report;
}


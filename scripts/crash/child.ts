/**
 * The process the crash check kills (built to dist/crash-child.mjs). It does real work
 * through the core and writes one line to stdout, synchronously, after each write SQLite
 * acknowledged (committed), so the parent knows exactly what must survive a SIGKILL:
 *
 *   coding FILE     1,000 coding writes: create a quotation, apply a code, edit a memo (in turn)
 *   import FILE DIR import every file in DIR; a line per progress step
 *   import-files FILE PATH…  import the files named (a named pipe among them keeps the import waiting)
 *   migrate FILE    upgrade the file: the real migrations plus a long test migration that
 *                   writes a line between its statements
 *
 * An encrypted project's passphrase comes in RODTRAD_PASSPHRASE.
 */
import { writeSync } from 'node:fs';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { openDb, rememberPassphrase } from '../../electron/core/db/driver';
import { loadMigrations, migrate } from '../../electron/core/db/migrate';
import { CRASH_MIGRATION, CRASH_WRITES } from './shared';

const ack = (line: string): void => void writeSync(1, `${line}\n`);

async function coding(file: string): Promise<void> {
  const session = new Session('cli');
  session.openProject(file, process.env.RODTRAD_PASSPHRASE || undefined);
  const doc = (await dispatch(session, 'documents.list', {}))[0]!;
  const code = (await dispatch(session, 'codes.tree', {}))[0]!;
  const memo = (await dispatch(session, 'memos.list', {}))[0]!;
  let quotation = 0;
  for (let i = 0; i < CRASH_WRITES; i++) {
    if (i % 3 === 0) {
      const start = (i * 7) % (doc.chars - 20);
      quotation = (await dispatch(session, 'quotations.create', { documentId: doc.id, start, end: start + 10 + (i % 9), snap: 'none' })).id;
      ack(`q ${quotation}`);
    } else if (i % 3 === 1) {
      await dispatch(session, 'quotations.addCodes', { quotationId: quotation, codeIds: [code.id] });
      ack(`c ${quotation} ${code.id}`);
    } else {
      await dispatch(session, 'memos.update', { id: memo.id, body: `edit ${i}` });
      ack(`m ${memo.id} ${i}`);
    }
  }
  session.dispose();
  ack('done');
}

async function importFolder(file: string, dir: string, files?: string[]): Promise<void> {
  const session = new Session('cli');
  session.openProject(file, process.env.RODTRAD_PASSPHRASE || undefined);
  session.on((e) => {
    if (e.type === 'progress') ack(`p ${e.progress.done}`);
  });
  await dispatch(session, 'import.files', { sources: files ? files.map((f) => ({ path: f })) : [{ path: dir }] });
  session.dispose();
  ack('done');
}

function migration(file: string): void {
  if (process.env.RODTRAD_PASSPHRASE) rememberPassphrase(file, process.env.RODTRAD_PASSPHRASE);
  const db = openDb(file);
  let n = 0;
  db.function('crash_ack', () => (ack(`s ${++n}`), 0));
  ack('s 0');
  const all = loadMigrations();
  migrate(db, file, all.length + 1, [...all, { version: all.length + 1, name: 'crash', sql: CRASH_MIGRATION }]);
  db.close();
  ack('done');
}

const [mode, file, extra, ...more] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-child coding|import|migrate FILE [DIR]');
if (mode === 'coding') await coding(file);
else if (mode === 'import') await importFolder(file, extra!);
else if (mode === 'import-files') await importFolder(file, '', [extra!, ...more]);
else if (mode === 'migrate') migration(file);
else throw new Error(`unknown mode ${mode}`);

/**
 * An import cut off (issue 13, point 11): the process importing is killed mid-batch, and the
 * next time the project opens it says which files went in and which did not.
 *
 * The kill lands mid-import without a clock: a named pipe among the files keeps the import
 * waiting for it (its reader blocks until someone writes), so the child can never finish.
 * The file before the pipe is large enough (over the 4 MB of a commit group) that the files
 * up to it are committed before the import reaches the pipe; the test opens the pipe's other
 * end to learn that the import has reached it, sees the files committed, and kills the
 * process with SIGKILL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { startBatchRecord } from '../../electron/core/import/batch-record';
import { Project } from '../../electron/core/project/project';
import { childScript } from '../../scripts/crash/runs';
import { rodtrad } from '../helpers/cli';
import { needTool, skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';

const noFifo = skipUnless('a named pipe (mkfifo)', needTool('mkfifo'));

function transcript(n: number): string {
  return `Intervjuare: Berätta om samverkan i ärende ${n}.\n\nAnna: Vi ringer varandra när det behövs, ärende ${n}.\n\nBo: Och vi ses i korridoren.\n`;
}

function committedFiles(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM import_batch_files WHERE status = 'imported'").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe.skipIf(noFifo)('an import cut off by the process dying', () => {
  it('leaves a note the next open reads: which files went in and which did not', async () => {
    const dir = tempDir('rodtrad-import-cut');
    const project = path.join(dir, 'studie.rodtrad');
    Project.create(project).close();
    const files = path.join(dir, 'filer');
    mkdirSync(files);
    const names = ['intervju-1.txt', 'intervju-2.txt', 'intervju-3.txt', 'lang-intervju.txt', 'ror.txt', 'intervju-6.txt', 'intervju-7.txt'];
    const paths = names.map((n) => path.join(files, n));
    names.forEach((n, i) => n !== 'ror.txt' && writeFileSync(paths[i]!, n === 'lang-intervju.txt' ? transcript(4).repeat(50_000) : transcript(i + 1)));
    const PIPE = 4;
    expect(spawnSync('mkfifo', [paths[PIPE]!]).status).toBe(0);

    const child = spawn(process.execPath, [childScript(), 'import-files', project, ...paths], { stdio: ['ignore', 'ignore', 'pipe'] });
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // resolves once the import has opened the pipe to read it: every file before it is read
    const pipe = await open(paths[PIPE]!, 'w');
    // the four files before the pipe went in in one commit group, closed by the large one
    await expect.poll(() => committedFiles(project), { timeout: 60_000 }).toBe(PIPE);
    child.kill('SIGKILL');
    await closed;
    await pipe.close();

    const s = new Session('cli');
    try {
      const info = await dispatch(s, 'project.open', { path: project });
      expect(info.interruptedImports).toHaveLength(1);
      const note = info.interruptedImports[0]!;
      expect(note.imported).toEqual(paths.slice(0, PIPE));
      expect(note.skipped).toEqual([]);
      expect(note.notImported).toEqual(paths.slice(PIPE));
      expect(info.counts.documents).toBe(PIPE);
      const docs = await dispatch(s, 'documents.list', {});
      expect(docs.map((d) => d.sourceName).sort()).toEqual(names.slice(0, PIPE).sort());
    } finally {
      s.dispose();
    }

    const cli = rodtrad(['info', project]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Import cut off \(started [^)]+\): 4 of 7 files went in; not imported: .*ror\.txt, .*intervju-6\.txt, .*intervju-7\.txt/);

    // read and dismissed, it is gone
    const again = new Session('cli');
    try {
      again.openProject(project);
      const { interruptedImports } = await dispatch(again, 'project.info', {});
      expect(await dispatch(again, 'import.dismissInterrupted', { ids: interruptedImports.map((b) => b.id) })).toEqual({ dismissed: 1 });
      expect((await dispatch(again, 'project.info', {})).interruptedImports).toEqual([]);
      // an import that ends, however it ends, leaves no note
      await dispatch(again, 'import.files', { sources: [{ path: paths[5]! }, { path: path.join(files, 'finns-inte.txt') }] });
      expect((await dispatch(again, 'project.info', {})).interruptedImports).toEqual([]);
    } finally {
      again.dispose();
    }
  }, 120_000);

  it('a batch whose process still runs is at work, not cut off', async () => {
    const dir = tempDir('rodtrad-import-running');
    const p = Project.create(path.join(dir, 'p.rodtrad'));
    try {
      startBatchRecord(p, ['a.txt', 'b.txt']);
      const s = new Session('test', p);
      expect((await dispatch(s, 'project.info', {})).interruptedImports).toEqual([]);
    } finally {
      p.close();
    }
  });
});

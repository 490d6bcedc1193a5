/**
 * A project the user cannot write (a read-only file, or a file in a read-only folder) opens
 * read-only: it can be read, nothing is created next to it (no -wal, no -shm), the file's
 * bytes stay the same, info says so, and writes get a clear "read-only" UserError.
 *
 * These tests run as root, and root ignores file modes, so the writability check (fs.access
 * W_OK on the file and its folder) is told which files to treat as unwritable through its
 * test hook, the RODTRAD_TEST_UNWRITABLE environment variable. The file is chmod 444 as well,
 * as a user would have it.
 */
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, toWireError } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-read-only');

async function projectWithACode(name: string): Promise<string> {
  const session = new Session('test');
  const file = path.join(dir, name);
  session.createProject(file);
  await dispatch(session, 'codes.create', { name: 'Finns' });
  session.closeProject();
  expect(existsSync(`${file}-wal`)).toBe(false);
  return file;
}

afterEach(() => {
  delete process.env.RODTRAD_TEST_UNWRITABLE;
});

describe('a read-only project', () => {
  it('opens read-only, says so, refuses writes clearly, and leaves no -wal or -shm behind', async () => {
    const file = await projectWithACode('ro.rodtrad');
    chmodSync(file, 0o444);
    process.env.RODTRAD_TEST_UNWRITABLE = file;
    const before = readFileSync(file);
    const session = new Session('test');
    session.openProject(file);
    const info = await dispatch(session, 'project.info', {});
    expect(info.readOnly).toBe(true);
    expect(info.counts.codes).toBe(1);
    expect((await dispatch(session, 'codes.tree', {})).map((c) => c.name)).toEqual(['Finns']);
    let caught: unknown;
    try {
      await dispatch(session, 'codes.create', { name: 'Ny' });
    } catch (e) {
      caught = e;
    }
    const wire = toWireError(caught);
    expect(wire.code).toBe('read-only');
    expect(wire.message).toBe(`${file}: the project is read-only (the file or its folder cannot be written); nothing was changed`);
    expect(wire.messageSv).toMatch(/skrivskyddat/);
    session.closeProject();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Writable again: it opens for writing and takes the write at once.
    chmodSync(file, 0o644);
    delete process.env.RODTRAD_TEST_UNWRITABLE;
    const p = Project.open(file);
    expect(p.readOnly).toBe(false);
    p.transaction(() => p.setMeta('name', 'skrivbar'));
    expect(p.getMeta('name')).toBe('skrivbar');
    p.close();
  });

  it('rodtrad info prints that the project is read-only; a write command exits 1 with one line', async () => {
    const file = await projectWithACode('ro-cli.rodtrad');
    chmodSync(file, 0o444);
    const env = { RODTRAD_TEST_UNWRITABLE: file };
    const info = rodtrad(['info', file], { env });
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^Access\s+read-only/m);
    expect(JSON.parse(rodtrad(['info', file, '--json'], { env }).stdout).readOnly).toBe(true);
    const write = rodtrad(['codebook', file, '--load', 'handlingsplan'], { env });
    expect(write.code).toBe(1);
    expect(write.stderr.trim().split('\n')).toHaveLength(1);
    expect(write.stderr).toMatch(/the project is read-only/);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    chmodSync(file, 0o644);
    expect(rodtrad(['info', file]).stdout).toMatch(/^Access\s+read-write/m);
  });
});

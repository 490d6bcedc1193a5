/**
 * A write that cannot get the lock: another connection holds the project's write lock past
 * the busy timeout. The user gets a UserError (code 'busy', English and Swedish) naming the
 * project, nothing is half-written, and the same write goes in once the lock is free.
 * The busy timeout is set small on the session's connection for the test (PRAGMA
 * busy_timeout), so the wait is short without any sleeping.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, toWireError } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-busy');

describe('a locked project', () => {
  it('refuses a write with a busy UserError in English and Swedish, keeps the data, and takes the write once the lock is free', async () => {
    const session = new Session('test');
    const file = path.join(dir, 'locked.rodtrad');
    const p = session.createProject(file);
    await dispatch(session, 'codes.create', { name: 'Finns' });
    p.db.pragma('busy_timeout = 5');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let caught: unknown;
    try {
      await dispatch(session, 'codes.create', { name: 'Ny' });
    } catch (e) {
      caught = e;
    }
    const wire = toWireError(caught);
    expect(wire.code).toBe('busy');
    expect(wire.message).toContain(file);
    expect(wire.message).toMatch(/another program or window is writing to it/);
    expect(wire.messageSv).toMatch(/upptagen/);
    other.exec('ROLLBACK');
    other.close();
    expect(p.db.prepare('SELECT name FROM codes ORDER BY id').pluck().all()).toEqual(['Finns']);
    expect((await dispatch(session, 'history.state', {})).undoLabel).toMatch(/Finns/);
    await dispatch(session, 'codes.create', { name: 'Ny' });
    expect(p.db.prepare('SELECT name FROM codes ORDER BY id').pluck().all()).toEqual(['Finns', 'Ny']);
    session.closeProject();
  });
});

/**
 * Changes to the pseudonym list are undo steps like every other change: adding, editing,
 * deleting and importing names each make one step that undo takes back and redo makes again.
 * A list kept by an older version (one JSON value in project_meta) is moved into rows.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { migrate } from '../../electron/core/db/migrate';
import { openDb } from '../../electron/core/db/driver';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-pseudonym-undo');
let n = 0;
function session(): Session {
  const file = path.join(dir, `p${++n}.rodtrad`);
  Project.create(file).close();
  const s = new Session('test');
  s.openProject(file);
  return s;
}

const list = async (s: Session) => (await dispatch(s, 'pseudonyms.list', {})).entries.map((e) => `${e.real}=${e.pseudonym}/${e.kind}`);

describe('the pseudonym list and undo', () => {
  it('adding, editing and deleting a name are one step each, undone and redone in order', async () => {
    const s = session();
    await dispatch(s, 'pseudonyms.set', { entries: [{ real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' }] });
    expect((await dispatch(s, 'history.state', {})).undoAction).toBe('pseudonyms.add');
    await dispatch(s, 'pseudonyms.set', {
      entries: [
        { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' },
        { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
      ],
    });
    await dispatch(s, 'pseudonyms.set', {
      entries: [
        { real: 'Anna Andersson', pseudonym: 'Person B', kind: 'person' },
        { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
      ],
    });
    expect((await dispatch(s, 'history.state', {})).undoAction).toBe('pseudonyms.edit');
    await dispatch(s, 'pseudonyms.set', { entries: [{ real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' }] });
    expect((await dispatch(s, 'history.state', {})).undoAction).toBe('pseudonyms.delete');
    expect(await list(s)).toEqual(['Norrdal=Stadsdel N/place']);

    await dispatch(s, 'history.undo', {});
    expect(await list(s)).toEqual(['Anna Andersson=Person B/person', 'Norrdal=Stadsdel N/place']);
    await dispatch(s, 'history.undo', {});
    expect(await list(s)).toEqual(['Anna Andersson=Person A/person', 'Norrdal=Stadsdel N/place']);
    await dispatch(s, 'history.undo', {});
    expect(await list(s)).toEqual(['Anna Andersson=Person A/person']);
    await dispatch(s, 'history.undo', {});
    expect(await list(s)).toEqual([]);
    await dispatch(s, 'history.redo', {});
    await dispatch(s, 'history.redo', {});
    expect(await list(s)).toEqual(['Anna Andersson=Person A/person', 'Norrdal=Stadsdel N/place']);
    s.dispose();
  });

  it('an import from CSV is one step; undo takes every imported name away and leaves the earlier ones', async () => {
    const s = session();
    await dispatch(s, 'pseudonyms.set', { entries: [{ real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' }] });
    const csv = path.join(dir, 'namn.csv');
    writeFileSync(csv, 'real;pseudonym;kind\nAnna Andersson;Person A;person\nBertil Berg;;person\nSocialkontoret Väst;Enhet A;unit\n');
    await dispatch(s, 'pseudonyms.load', { path: csv });
    expect(await list(s)).toHaveLength(4);
    const state = await dispatch(s, 'history.state', {});
    expect(state).toMatchObject({ undoAction: 'pseudonyms.load', undoLabel: 'Import 3 names into the pseudonym list' });
    await dispatch(s, 'history.undo', {});
    expect(await list(s)).toEqual(['Norrdal=Stadsdel N/place']);
    await dispatch(s, 'history.redo', {});
    expect(await list(s)).toHaveLength(4);
    s.dispose();
  });

  it('a list an older version kept in project_meta is moved into rows when the project is upgraded', () => {
    const file = path.join(dir, 'gammal.rodtrad');
    const db = openDb(file, { create: true });
    migrate(db, file, 5);
    db.prepare("INSERT INTO project_meta(key, value) VALUES ('app', 'rodtrad'), ('pseudonyms', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify([
        { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' },
        { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
      ]),
    );
    db.close();
    const p = Project.open(file);
    expect(p.db.prepare('SELECT real, pseudonym, kind FROM pseudonyms ORDER BY position').all()).toEqual([
      { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' },
      { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
    ]);
    expect(p.getMeta('pseudonyms')).toBeFalsy();
    p.close();
    // the upgrade copy keeps the old form (and so the list) as it was
    const old = new Database(`${file}.v5-backup`, { readonly: true });
    expect(old.prepare("SELECT count(*) FROM project_meta WHERE key = 'pseudonyms'").pluck().get()).toBe(1);
    old.close();
  });
});

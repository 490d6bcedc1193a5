/**
 * Projects are opened and made as on a desktop (issue 13, point 2): a recent list and a
 * default folder kept per user (never in a project), "Save as", the extension always added,
 * and browser mode's page seeing only paths under the browse root.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { forgetPassphrase } from '../../electron/core/db/driver';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

let dir: string;
let home: string;
let data: string;
const saved = { home: process.env.RODTRAD_HOME };

beforeEach(() => {
  dir = tempDir('rodtrad-places');
  home = path.join(dir, 'hem');
  data = path.join(dir, 'data');
  mkdirSync(path.join(home, 'studier'), { recursive: true });
  process.env.RODTRAD_HOME = data;
});
afterEach(() => {
  if (saved.home === undefined) delete process.env.RODTRAD_HOME;
  else process.env.RODTRAD_HOME = saved.home;
});

function made(file: string, name?: string): string {
  Project.create(file, { name }).close();
  return file;
}

describe('recent projects and the default folder', () => {
  it('browser mode records each project it opens, newest first, and shows the page paths under its root only', async () => {
    const outside = made(path.join(dir, 'utanfor.rodtrad'));
    const a = made(path.join(home, 'studier', 'a.rodtrad'));
    const b = made(path.join(home, 'b.rodtrad'));
    const s = new Session('browser', null, { browseRoot: home });
    try {
      await dispatch(s, 'project.open', { path: 'studier/a.rodtrad' });
      await dispatch(s, 'project.open', { path: 'b.rodtrad' });
      // a project opened by another host (the CLI's serve of a file outside home) is not shown to the page
      const other = new Session('desktop');
      other.openProject(outside);
      other.dispose();
      const places = await dispatch(s, 'app.places', {});
      expect(places.recent.map((r) => r.path)).toEqual(['b.rodtrad', 'studier/a.rodtrad']);
      expect(places.recent[1]).toMatchObject({ name: 'a', folder: 'studier' });
      expect(places.defaultFolder).toBe(''); // ~/Rödtråd does not exist yet
      const ensured = await dispatch(s, 'app.places', { ensureDefaultFolder: true });
      expect(ensured.defaultFolder).toBe('Rödtråd');
      expect(existsSync(path.join(home, 'Rödtråd'))).toBe(true);
      // kept per user, outside every project
      const settings = JSON.parse(readFileSync(path.join(data, 'settings.json'), 'utf8')) as { recent: { file: string }[] };
      expect(settings.recent.map((r) => r.file)).toEqual([outside, b, a]);
      expect(a).toBeTruthy();
    } finally {
      s.dispose();
    }
  });

  it('the CLI does not record what it opens, and "rodtrad recent" lists what the app opened', async () => {
    const a = made(path.join(home, 'studier', 'a.rodtrad'));
    const env = { RODTRAD_HOME: data, RODTRAD_BROWSE_ROOT: home, HOME: home };
    expect(rodtrad(['info', a], { env }).code).toBe(0);
    const none = rodtrad(['recent', '--json'], { env });
    expect(none.code).toBe(0);
    expect((JSON.parse(none.stdout) as { recent: unknown[] }).recent).toEqual([]);
    const s = new Session('browser', null, { browseRoot: home });
    await dispatch(s, 'project.open', { path: 'studier/a.rodtrad' });
    s.dispose();
    const listed = rodtrad(['recent'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(a);
    expect(listed.stdout).toContain(`Default folder for new projects: ${path.join(home, 'Rödtråd')}`);
    const set = rodtrad(['recent', '--default-folder', path.join(home, 'studier'), '--json'], { env });
    expect(set.code).toBe(0);
    expect((JSON.parse(set.stdout) as { defaultFolder: string }).defaultFolder).toBe(path.join(home, 'studier'));
    const refused = rodtrad(['recent', '--default-folder', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/outside the folders/);
  });

  it('a default folder is chosen inside the browse root only', async () => {
    const s = new Session('browser', null, { browseRoot: home });
    try {
      expect(await dispatch(s, 'app.setDefaultFolder', { dir: 'studier' })).toEqual({ defaultFolder: 'studier' });
      expect((await dispatch(s, 'app.places', {})).defaultFolder).toBe('studier');
      await expect(dispatch(s, 'app.setDefaultFolder', { dir: '..' })).rejects.toThrow(/outside/);
      await expect(dispatch(s, 'app.setDefaultFolder', { dir: dir })).rejects.toThrow(/outside/);
    } finally {
      s.dispose();
    }
  });
});

describe('new projects and "Save as"', () => {
  it('a name without the extension gets ".rodtrad" on every host; no bare file is made', async () => {
    const s = new Session('browser', null, { browseRoot: home });
    await dispatch(s, 'project.create', { path: 'studier/Ny studie' });
    expect(s.project?.file).toBe(path.join(home, 'studier', 'Ny studie.rodtrad'));
    s.dispose();
    // the desktop page names a file its own dialog returned; the extension is added to it too
    const picked = path.join(home, 'från dialogen');
    const d = new Session('desktop');
    d.dialogs = { pickFile: () => Promise.resolve([picked]) };
    await dispatch(d, 'host.pickFile', { purpose: 'newProject' });
    await dispatch(d, 'project.create', { path: picked });
    expect(d.project?.file).toBe(`${picked}.rodtrad`);
    d.dispose();
    // (the app's automatic backups folder beside it aside)
    expect(readdirSync(home).filter((f) => !f.endsWith('.backups')).sort()).toEqual(['från dialogen.rodtrad', 'studier']);
  });

  it("the desktop's new-project dialog starts in the default folder, and a recent project opens without a dialog", async () => {
    const a = made(path.join(home, 'studier', 'a.rodtrad'));
    const asked: (string | undefined)[] = [];
    const d = new Session('desktop', null, { browseRoot: home });
    d.dialogs = {
      pickFile: (r) => {
        asked.push(r.defaultName);
        return Promise.resolve([]);
      },
    };
    await dispatch(d, 'host.pickFile', { purpose: 'newProject', defaultName: 'projekt.rodtrad' });
    expect(asked).toEqual([path.join(home, 'Rödtråd', 'projekt.rodtrad')]);
    // not picked in this session: refused, as every path the page makes up
    await expect(dispatch(d, 'project.open', { path: a })).rejects.toThrow(/file dialog/);
    const b = new Session('browser', null, { browseRoot: home });
    await dispatch(b, 'project.open', { path: 'studier/a.rodtrad' });
    b.dispose();
    const places = await dispatch(d, 'app.places', {});
    expect(places.recent.map((r) => r.path)).toEqual([a]);
    await dispatch(d, 'project.open', { path: a });
    expect(d.project?.file).toBe(a);
    d.dispose();
  });

  it('"Save as" copies the open project to a new file, opens it and leaves the old one as it was', async () => {
    const a = made(path.join(home, 'a.rodtrad'), 'Studien');
    const s = new Session('browser', null, { browseRoot: home });
    try {
      await dispatch(s, 'project.open', { path: 'a.rodtrad' });
      await dispatch(s, 'codes.create', { name: 'Före' });
      const info = await dispatch(s, 'project.saveAs', { path: 'studier/kopia' });
      expect(info.file).toBe(path.join(home, 'studier', 'kopia.rodtrad'));
      expect(info.name).toBe('Studien');
      await dispatch(s, 'codes.create', { name: 'Efter' });
      expect((await dispatch(s, 'codes.tree', {})).map((c) => c.name).sort()).toEqual(['Efter', 'Före']);
      const old = Project.open(a);
      expect((old.db.prepare('SELECT name FROM codes').all() as { name: string }[]).map((c) => c.name)).toEqual(['Före']);
      old.close();
      await expect(dispatch(s, 'project.saveAs', { path: 'a' })).rejects.toThrow(/already exists/);
      await expect(dispatch(s, 'project.saveAs', { path: '../ut' })).rejects.toThrow(/outside/);
      expect((await dispatch(s, 'app.places', {})).recent.map((r) => r.path)).toEqual(['studier/kopia.rodtrad', 'a.rodtrad']);
    } finally {
      s.dispose();
    }
  });

  it('an encrypted project saved as a new file stays encrypted and opens with the same passphrase', async () => {
    const file = path.join(home, 'hemlig.rodtrad');
    Project.create(file, { passphrase: 'lösen ord' }).close();
    forgetPassphrase(file);
    const s = new Session('cli');
    try {
      await dispatch(s, 'project.open', { path: file, passphrase: 'lösen ord' });
      const info = await dispatch(s, 'project.saveAs', { path: path.join(home, 'hemlig-kopia') });
      expect(info.encrypted).toBe(true);
    } finally {
      s.dispose();
    }
    const copy = path.join(home, 'hemlig-kopia.rodtrad');
    forgetPassphrase(copy);
    expect(() => Project.open(copy)).toThrow(/passphrase/);
    Project.open(copy, { passphrase: 'lösen ord' }).close();
  });
});

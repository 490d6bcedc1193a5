/**
 * Rotating automatic backups (encrypted like the project), restore from one (core and CLI),
 * and the warning for projects in cloud-synced folders or on network drives.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { forgetPassphrase } from '../../electron/core/db/driver';
import { AutoBackups, backupFolder, listBackups, makeAutoBackup } from '../../electron/core/project/auto-backup';
import { Project } from '../../electron/core/project/project';
import { storageWarning } from '../../electron/core/project/sync-folder';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-backups');
const T0 = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);

describe('automatic backups', () => {
  it('keep the last K, newest first, each a whole encrypted copy of an encrypted project', () => {
    const file = path.join(dir, 'roterar.rodtrad');
    const p = Project.create(file, { passphrase: 'bakåt' });
    p.transaction(() => p.setMeta('note', 'HEMLIGT-INNEHÅLL'));
    for (let i = 0; i < 7; i++) makeAutoBackup(p, minutes(i * 10), 5);
    p.close();
    const list = listBackups(file);
    expect(list.map((b) => b.created)).toEqual([60, 50, 40, 30, 20].map((m) => minutes(m).toISOString().replace('.000', '')));
    for (const b of list) {
      expect(readFileSync(b.path).includes('HEMLIGT')).toBe(false);
      expect(() => Project.open(b.path)).toThrow(/encrypted/);
    }
    const copy = Project.open(list[0]!.path, { passphrase: 'bakåt' });
    expect(copy.getMeta('note')).toBe('HEMLIGT-INNEHÅLL');
    copy.close();
    forgetPassphrase(file);
  });

  it('after N minutes only when something changed (the clock is given, not read)', () => {
    const file = path.join(dir, 'timer.rodtrad');
    const p = Project.create(file);
    const auto = new AutoBackups(p, T0, 10, 5);
    expect(auto.tick(minutes(30))).toBeNull(); // nothing changed
    auto.changed();
    expect(auto.tick(minutes(5))).toBeNull(); // too soon
    expect(auto.tick(minutes(31))?.created).toBe(minutes(31).toISOString().replace('.000', ''));
    expect(auto.tick(minutes(60))).toBeNull(); // nothing changed since
    p.close();
    expect(listBackups(file)).toHaveLength(1);
  });

  it('the app (browser mode) makes one on opening; the CLI does not', async () => {
    const file = path.join(dir, 'app.rodtrad');
    Project.create(file).close();
    expect(rodtrad(['info', file]).code).toBe(0);
    expect(existsSync(backupFolder(file))).toBe(false);
    const s = new Session('browser', null, { browseRoot: dir });
    await dispatch(s, 'project.open', { path: 'app.rodtrad' });
    expect(await dispatch(s, 'project.backups', {})).toHaveLength(1);
    s.dispose();
  });
});

describe('restore from a backup', () => {
  it('by name: the project is as it was, the file before is kept, the project is open again', async () => {
    const file = path.join(dir, 'atergang.rodtrad');
    const s = new Session('test');
    s.createProject(file, undefined, 'lösen');
    await dispatch(s, 'codes.create', { name: 'Före' });
    const b = makeAutoBackup(s.requireProject(), T0);
    await dispatch(s, 'codes.create', { name: 'Efter' });
    const r = await dispatch(s, 'project.restore', { name: b.name });
    expect(r.info.encrypted).toBe(true);
    expect((await dispatch(s, 'codes.tree', {})).map((c) => c.name)).toEqual(['Före']);
    s.dispose();
    forgetPassphrase(file);
    const kept = Project.open(r.kept, { passphrase: 'lösen' });
    expect((kept.db.prepare('SELECT name FROM codes ORDER BY name').pluck().all() as string[])).toEqual(['Efter', 'Före']);
    kept.close();
  });

  it('refuses a name outside the backup folder and a file that is no project, changing nothing', async () => {
    const file = path.join(dir, 'vagrar.rodtrad');
    const s = new Session('test');
    s.createProject(file);
    await expect(dispatch(s, 'project.restore', { name: '../vagrar.rodtrad' })).rejects.toThrow();
    const junk = path.join(dir, 'skrap.rodtrad');
    await import('node:fs').then((fs) => fs.writeFileSync(junk, 'inte en databas'));
    await expect(dispatch(s, 'project.restore', { path: junk })).rejects.toMatchObject({ code: 'not-a-project' });
    expect(s.project?.file).toBe(file);
    s.dispose();
  });

  it('rodtrad backups and rodtrad restore', () => {
    const file = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    const p = Project.open(file);
    const b = makeAutoBackup(p, T0);
    p.close();
    expect(rodtrad(['codebook', file, '--load', 'handlingsplan']).code).toBe(0);
    const list = JSON.parse(rodtrad(['backups', file, '--json']).stdout) as { name: string }[];
    expect(list.map((x) => x.name)).toEqual([b.name]);
    const r = rodtrad(['restore', file, b.name]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kept as .*before-restore/);
    expect(JSON.parse(rodtrad(['info', file, '--json']).stdout).counts.codes).toBe(0);
  });
});

describe('a project in a synced folder or on a network drive', () => {
  it('gets a warning (English and Swedish); a local one none', () => {
    expect(storageWarning('/home/a/Dropbox/studie/p.rodtrad', '')).toMatchObject({ kind: 'cloud', where: 'Dropbox' });
    expect(storageWarning('C:\\Users\\a\\OneDrive - Göteborgs universitet\\p.rodtrad', '')).toMatchObject({ kind: 'cloud' });
    expect(storageWarning('/Users/a/Library/Mobile Documents/com~apple~CloudDocs/p.rodtrad', '')?.messageSv).toMatch(/molnsynkad/);
    expect(storageWarning('/home/a/Nextcloud/p.rodtrad', '')?.kind).toBe('cloud');
    const mounts = ['/dev/sda1 / ext4 rw 0 0', '//server/forskning /mnt/forskning cifs rw 0 0', 'nas:/export /mnt/nas nfs4 rw 0 0'].join('\n');
    expect(storageWarning('/mnt/forskning/p.rodtrad', mounts)).toMatchObject({ kind: 'network', where: '/mnt/forskning (cifs)' });
    expect(storageWarning('/mnt/nas/a/p.rodtrad', mounts)?.kind).toBe('network');
    expect(storageWarning('/home/a/studier/p.rodtrad', mounts)).toBeNull();
  });

  it('the CLI prints it on stderr and the project info carries it', () => {
    const synced = path.join(dir, 'Dropbox');
    mkdirSync(synced);
    const file = path.join(synced, 'p.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    const r = rodtrad(['info', file, '--json']);
    expect(r.stderr).toMatch(/warning: The project is in a cloud-synced folder \(Dropbox\)/);
    expect(JSON.parse(r.stdout).storageWarning.kind).toBe('cloud');
  });
});

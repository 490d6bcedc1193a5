import { latestVersion } from '../db/migrate';
import type { Handlers } from '../api/types';
import { appVersion } from '../version';
import nodePath from 'node:path';
import { passphraseFor } from '../db/driver';
import { UserError } from '../errors';
import { backupProject } from './backup';
import { assertRestorable, backupFolder, listBackups, restoreBackupFile } from './auto-backup';
import { projectInfo } from './info';
import { runJob } from '../jobs/run';
import type { CheckResult } from './check';

export const projectHandlers: Handlers<
  'app.info' | 'project.info' | 'project.create' | 'project.saveAs' | 'project.open' | 'project.unlock' | 'project.setPassphrase' | 'project.close' | 'project.coder' | 'project.setCoder' | 'project.check' | 'project.backup' | 'project.backups' | 'project.restore'
> = {
  'app.info': ({ session }) => ({
    version: appVersion(),
    host: session.host,
    project: session.project?.file ?? null,
    locked: session.locked,
    schemaVersion: latestVersion(),
  }),
  'project.info': ({ session }) => projectInfo(session.requireProject()),
  'project.create': ({ session }, { path, name, passphrase }) => projectInfo(session.createProject(path, name, passphrase)),
  'project.saveAs': ({ session }, { path }) => projectInfo(session.saveProjectAs(path)),
  'project.open': ({ session }, { path, passphrase }) => projectInfo(session.openProject(path, passphrase)),
  'project.unlock': ({ session }, { passphrase }) => projectInfo(session.unlock(passphrase)),
  'project.setPassphrase': ({ session }, { passphrase }) => {
    const p = session.requireProject();
    p.setPassphrase(passphrase);
    return { encrypted: p.encrypted };
  },
  'project.close': ({ session }) => ({ closed: session.closeProject() }),
  'project.coder': ({ session }) => session.requireProject().currentCoder(),
  'project.setCoder': ({ session }, { name }) => {
    const p = session.requireProject();
    const id = p.setCurrentCoder(name);
    return { id, name, guid: p.currentCoder().guid ?? '' };
  },
  'project.check': ({ session, signal, progress }) =>
    runJob<CheckResult>('project.check', session.requireProject().file, {}, { signal, onProgress: progress }),
  'project.backup': ({ session }, { path }) => backupProject(session.requireProject(), path),
  'project.backups': ({ session }) => listBackups(session.requireProject().file),
  'project.restore': ({ session }, { name, path: given }) => {
    const file = session.requireProject().file;
    if ((name === undefined) === (given === undefined)) throw new UserError('bad-input', 'give the backup by name or by path', undefined, 'ange säkerhetskopian med namn eller sökväg');
    const backup = name !== undefined ? nodePath.join(backupFolder(file), name) : nodePath.resolve(given!);
    assertRestorable(file, backup);
    const passphrase = passphraseFor(file);
    session.closeProject();
    const { kept } = restoreBackupFile(file, backup, new Date());
    return { restored: backup, kept, info: projectInfo(session.openProject(file, passphrase)) };
  },
};

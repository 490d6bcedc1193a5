import { latestVersion } from '../db/migrate';
import type { Handlers } from '../api/types';
import { appVersion } from '../version';
import { backupProject } from './backup';
import { projectInfo } from './info';
import { runJob } from '../jobs/run';
import type { CheckResult } from './check';

export const projectHandlers: Handlers<
  'app.info' | 'project.info' | 'project.create' | 'project.open' | 'project.setPassphrase' | 'project.close' | 'project.setCoder' | 'project.check' | 'project.backup'
> = {
  'app.info': ({ session }) => ({
    version: appVersion(),
    host: session.host,
    project: session.project?.file ?? null,
    schemaVersion: latestVersion(),
  }),
  'project.info': ({ session }) => projectInfo(session.requireProject()),
  'project.create': ({ session }, { path, name, passphrase }) => projectInfo(session.createProject(path, name, passphrase)),
  'project.open': ({ session }, { path, passphrase }) => projectInfo(session.openProject(path, passphrase)),
  'project.setPassphrase': ({ session }, { passphrase }) => {
    const p = session.requireProject();
    p.setPassphrase(passphrase);
    return { encrypted: p.encrypted };
  },
  'project.close': ({ session }) => ({ closed: session.closeProject() }),
  'project.setCoder': ({ session }, { name }) => ({ id: session.requireProject().setCurrentCoder(name), name }),
  'project.check': ({ session, signal, progress }) =>
    runJob<CheckResult>('project.check', session.requireProject().file, {}, { signal, onProgress: progress }),
  'project.backup': ({ session }, { path }) => backupProject(session.requireProject(), path),
};

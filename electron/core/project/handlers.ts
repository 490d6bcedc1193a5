import { latestVersion } from '../db/migrate';
import type { Handlers } from '../api/types';
import { appVersion } from '../version';
import { backupProject } from './backup';
import { projectInfo } from './info';
import { runJob } from '../jobs/run';
import type { CheckResult } from './check';

export const projectHandlers: Handlers<
  'app.info' | 'project.info' | 'project.create' | 'project.open' | 'project.close' | 'project.coder' | 'project.setCoder' | 'project.check' | 'project.backup'
> = {
  'app.info': ({ session }) => ({
    version: appVersion(),
    host: session.host,
    project: session.project?.file ?? null,
    schemaVersion: latestVersion(),
  }),
  'project.info': ({ session }) => projectInfo(session.requireProject()),
  'project.create': ({ session }, { path, name }) => projectInfo(session.createProject(path, name)),
  'project.open': ({ session }, { path }) => projectInfo(session.openProject(path)),
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
};

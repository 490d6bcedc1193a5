import { latestVersion } from '../db/migrate';
import type { Handlers } from '../api/types';
import { appVersion } from '../version';
import { listFolder } from '../api/browse-root';
import { backupProject } from './backup';
import { projectInfo } from './info';
import { runJob } from '../jobs/run';
import type { CheckResult } from './check';

export const projectHandlers: Handlers<
  'app.info' | 'project.info' | 'project.create' | 'project.open' | 'project.close' | 'project.setCoder' | 'project.check' | 'project.backup' | 'host.pickFile' | 'host.browse' | 'job.cancel'
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
  'project.setCoder': ({ session }, { name }) => ({ id: session.requireProject().setCurrentCoder(name), name }),
  'project.check': ({ session, signal, progress }) =>
    runJob<CheckResult>('project.check', session.requireProject().file, {}, { signal, onProgress: progress }),
  'project.backup': ({ session }, { path }) => backupProject(session.requireProject(), path),
  'host.pickFile': async ({ session }, request) => {
    if (!session.dialogs) return { supported: false, paths: [] };
    const paths = await session.dialogs.pickFile(request);
    session.rememberPicked(paths);
    return { supported: true, paths };
  },
  'host.browse': ({ session }, { dir }) => listFolder(session.browseRoot, dir ?? ''),
  'job.cancel': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },
};

import type { Handlers } from '../api/types';
import { projectInfo } from '../project/info';
import { buildSampleProject } from './sample-project';

export const sampleHandlers: Handlers<'project.createSample'> = {
  'project.createSample': ({ session }, { path, coded }) => projectInfo(session.adoptProject(buildSampleProject(path, undefined, { coded }))),
};

import type { ImportResult } from '../../../shared/contract/import';
import type { Handlers } from '../api/types';
import { DEFAULT_LIMITS } from './formats/types';
import { runJob } from '../jobs/run';
import { UserError } from '../errors';
import { applyAttributeSheet, previewTable } from './pipeline';
import { autocodeSpeakers, listAllSpeakers, updateSpeaker } from '../speakers/speakers';
import { canonicalEncoding } from './encoding';

export const importHandlers: Handlers<'import.files' | 'import.attributeSheet' | 'import.surveyPreview' | 'speakers.list' | 'speakers.update' | 'speakers.autocode'> = {
  'import.files': ({ session, signal, progress }, params) => {
    const p = session.requireProject();
    // a bad encoding name is the caller's mistake: say so before a worker starts
    if (params.encoding) canonicalEncoding(params.encoding);
    return runJob<ImportResult>('import.files', p.file, params, { signal, onProgress: progress });
  },
  'import.attributeSheet': ({ session }, { source, encoding }) =>
    applyAttributeSheet(session.requireProject(), source, {
      encoding: encoding ? canonicalEncoding(encoding) : null,
      limits: DEFAULT_LIMITS,
    }),
  'import.surveyPreview': ({ session }, { source, encoding }) => {
    session.requireProject();
    return previewTable(source, encoding ? canonicalEncoding(encoding) : null);
  },
  'speakers.list': ({ session }, { documentId }) => listAllSpeakers(session.requireProject(), documentId),
  'speakers.update': ({ session }, { id, isInterviewer, name }) => {
    const p = session.requireProject();
    updateSpeaker(p, id, { isInterviewer, name });
    const row = listAllSpeakers(p).find((s) => s.id === id);
    if (!row) throw new UserError('not-found', `no speaker with id ${id}`);
    return row;
  },
  'speakers.autocode': ({ session }, o) => autocodeSpeakers(session.requireProject(), o),
};

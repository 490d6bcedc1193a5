import type { ImportResult } from '../../../shared/contract/import';
import type { Handlers } from '../api/types';
import { DEFAULT_LIMITS } from './formats/types';
import { runJob } from '../jobs/run';
import { applyAttributeSheet, previewTable } from './pipeline';
import { canonicalEncoding } from './encoding';
import { dismissInterruptedImports } from './batch-record';

export const importHandlers: Handlers<'import.files' | 'import.attributeSheet' | 'import.surveyPreview' | 'import.dismissInterrupted'> = {
  'import.dismissInterrupted': ({ session }, { ids }) => ({ dismissed: dismissInterruptedImports(session.requireProject(), ids) }),
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
};

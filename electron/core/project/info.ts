import type { ProjectInfo } from '../../../shared/contract';
import type { Project } from './project';
import { storageWarning } from './sync-folder';
import { interruptedImports } from '../import/batch-record';

export function projectInfo(p: Project): ProjectInfo {
  const count = (table: string): number => (p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const coder = p.currentCoderName();
  return {
    file: p.file,
    name: p.getMeta('name') ?? '',
    guid: p.getMeta('project_guid') ?? '',
    schemaVersion: p.schemaVersion,
    contentVersion: p.contentVersion(),
    coder,
    readOnly: p.readOnly,
    encrypted: p.encrypted,
    storageWarning: storageWarning(p.file),
    interruptedImports: interruptedImports(p),
    counts: {
      documents: count('documents'),
      codes: count('codes'),
      quotations: count('quotations'),
      memos: count('memos'),
      coders: count('coders'),
      speakers: count('speakers'),
      turns: count('turns'),
    },
  };
}

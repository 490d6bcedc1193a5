import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RefiExportResult, RefiImportReport } from '../../../shared/contract/refi';
import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import { checkedWrite, exportPseudonyms } from '../privacy/export-guard';
import { makeReplacer } from '../privacy/pseudonymise';
import { runJob } from '../jobs/run';
import { Project } from '../project/project';
import { buildQdc, parseQdc } from './codebook';
import { mergeCodebook } from './codebook-merge';

/** The new project file and its SQLite side files (the import writes with a rollback journal), removed when an import fails. */
function removeProjectFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

export const refiHandlers: Handlers<'refi.importProject' | 'refi.exportProject' | 'refi.importCodebook' | 'refi.exportCodebook'> = {
  'refi.importProject': async ({ session, signal, progress }, params) => {
    const target = path.resolve(params.target);
    if (existsSync(target)) throw new UserError('exists', 'already exists; choose another name for the new project', target, 'finns redan; välj ett annat namn för det nya projektet');
    Project.create(target).close();
    try {
      const report = await runJob<RefiImportReport>('refi.importProject', target, { source: params.source, skipMissingSources: params.skipMissingSources }, { signal, onProgress: progress });
      if (session.host === 'desktop' || session.host === 'browser') session.openProject(target);
      return report;
    } catch (e) {
      removeProjectFiles(target);
      throw e;
    }
  },
  'refi.exportProject': ({ session, signal, progress }, params) =>
    runJob<RefiExportResult>('refi.exportProject', session.requireProject().file, params, { signal, onProgress: progress }),
  'refi.importCodebook': ({ session }, { source, onConflict, dryRun }) => {
    const p = session.requireProject();
    const file = 'path' in source ? path.resolve(source.path) : source.name;
    let bytes: Buffer;
    if ('path' in source) {
      try {
        bytes = readFileSync(file);
      } catch {
        throw new UserError('not-found', 'no such file', file, 'filen finns inte');
      }
    } else bytes = Buffer.from(source.content, 'utf8');
    return mergeCodebook(p, parseQdc(bytes, file), file, onConflict, dryRun);
  },
  'refi.exportCodebook': async ({ session }, { path: target, pseudonymise }) => {
    const p = session.requireProject();
    const guard = exportPseudonyms(p, pseudonymise);
    const { xml, codes, replacements } = buildQdc(p, guard.on && guard.entries.length > 0 ? makeReplacer(guard.entries) : undefined);
    const out = await checkedWrite(p, Buffer.from(xml, 'utf8'), 'qdc', target, { ...guard, replacements });
    return out.path
      ? { codes, path: out.path, fileName: path.basename(out.path), content: null, privacy: out.privacy }
      : { codes, path: null, fileName: 'codebook.qdc', content: xml, privacy: out.privacy };
  },
};

/**
 * Exchange with other QDA tools through REFI-QDA: projects (.qdpx) in and out, codebooks
 * (.qdc) in and out.
 */
import { z } from 'zod';
import { method } from './define';
import { ProjectCreatePath, ServerPath } from './paths';
import { ExportPrivacy } from './privacy';

export const REFI_TARGETS = ['standard', 'atlas', 'nvivo', 'maxqda', 'qualcoder'] as const;
export const RefiTarget = z.enum(REFI_TARGETS);
export type RefiTarget = z.infer<typeof RefiTarget>;

export const RefiCounts = z.object({
  users: z.number().int(),
  codes: z.number().int(),
  sources: z.number().int(),
  selections: z.number().int(),
  codings: z.number().int(),
  notes: z.number().int(),
  sets: z.number().int(),
  variables: z.number().int(),
  cases: z.number().int(),
});
export type RefiCounts = z.infer<typeof RefiCounts>;

export const RefiSkipped = z.object({
  kind: z.enum(['source', 'set', 'case', 'note', 'link', 'element']),
  name: z.string(),
  reason: z.string(),
  reasonSv: z.string(),
  /** Codings lost with it (those of a skipped source). */
  codings: z.number().int(),
});
export type RefiSkipped = z.infer<typeof RefiSkipped>;

export const RefiUnplaced = z.object({
  source: z.string(),
  selection: z.string(),
  name: z.string().nullable(),
  start: z.number(),
  end: z.number(),
  reason: z.string(),
  reasonSv: z.string(),
});
export type RefiUnplaced = z.infer<typeof RefiUnplaced>;

export const RefiImportReport = z.object({
  file: z.string(),
  origin: z.string().nullable(),
  projectName: z.string(),
  counts: RefiCounts,
  /** How each source's positions were counted by its writer (codepoints, utf16, …-lf). */
  positions: z.array(z.object({ source: z.string(), unit: z.string() })),
  /** Selections with the same range on the same source, merged into one quotation (NVivo repeats them per code). */
  merged: z.number().int(),
  skipped: z.array(RefiSkipped),
  unplaced: z.array(RefiUnplaced),
  warnings: z.array(z.string()),
});
export type RefiImportReport = z.infer<typeof RefiImportReport>;

export const RefiExportResult = z.object({
  path: z.string().nullable(),
  fileName: z.string(),
  /** base64 of the file, when no path was given (browser download). */
  data: z.string().nullable(),
  counts: RefiCounts,
  /** Documents with characters beyond the BMP, whose positions some tools count differently. */
  astralDocuments: z.array(z.string()),
  privacy: ExportPrivacy.optional(),
});
export type RefiExportResult = z.infer<typeof RefiExportResult>;

export const QdcConflict = z.object({
  kind: z.enum(['same-path-other-guid', 'moved']),
  path: z.string(),
  theirPath: z.string(),
  guid: z.string(),
});
export type QdcConflict = z.infer<typeof QdcConflict>;

export const QdcImportResult = z.object({
  file: z.string(),
  added: z.number().int(),
  matchedByGuid: z.number().int(),
  matchedByPath: z.number().int(),
  updated: z.number().int(),
  conflicts: z.array(QdcConflict),
  resolution: z.enum(['ours', 'theirs', 'both']),
});
export type QdcImportResult = z.infer<typeof QdcImportResult>;

const RefiSource = z.union([
  z.object({ path: ServerPath }).strict(),
  z.object({ name: z.string().min(1).max(1024), data: z.string().max(1400 * 1024 * 1024) }).strict(),
]);

export const refiMethods = {
  'refi.importProject': method({
    summary:
      'Import a REFI-QDA project (.qdpx, a renamed .zip, or a bare .qde) into a new project file: users, codes, text sources with their selections and codings, notes as memos, sets as document groups, variables and cases as attributes. One transaction; positions mapped exactly or reported; on any error no project file is left.',
    params: z
      .object({
        source: RefiSource,
        target: ProjectCreatePath,
        /** Import the rest when a source file is missing from the archive (listed as skipped) instead of refusing. */
        skipMissingSources: z.boolean().default(false),
        jobId: z.string().max(100).optional(),
      })
      .strict(),
    result: RefiImportReport,
    job: true,
  }),
  'refi.exportProject': method({
    summary:
      'Export the open project as a REFI-QDA project (.qdpx): codes, documents, quotations with codes and coders, memos, attributes as variables, document groups as sets; positions in code points (or as the target tool counts them).',
    params: z
      .object({
        path: ServerPath.optional(),
        target: RefiTarget.default('standard'),
        /** Speaker turns as codes "Talare/NAME", for tools that have no speakers. */
        speakerCodes: z.boolean().default(false),
        /** Apply the pseudonym list and check the archive for leaks (default: when the project has a list). */
        pseudonymise: z.boolean().optional(),
        jobId: z.string().max(100).optional(),
      })
      .strict(),
    result: RefiExportResult,
    job: true,
  }),
  'refi.importCodebook': method({
    summary:
      'Add a REFI-QDA codebook (.qdc) to the open project: codes matched by GUID, then by path; conflicts (same path with another GUID, a moved code) resolved by keeping ours, taking theirs or keeping both. One undoable step.',
    params: z
      .object({
        source: z.union([z.object({ path: ServerPath }).strict(), z.object({ name: z.string().min(1).max(1024), content: z.string().max(64 * 1024 * 1024) }).strict()]),
        onConflict: z.enum(['ours', 'theirs', 'both']).default('ours'),
        /** Only list what would happen; change nothing. */
        dryRun: z.boolean().default(false),
      })
      .strict(),
    result: QdcImportResult,
    mutates: true,
  }),
  'refi.exportCodebook': method({
    summary: 'Export the code tree as a REFI-QDA codebook (.qdc).',
    params: z.object({ path: ServerPath.optional(), pseudonymise: z.boolean().optional() }).strict(),
    result: z.object({ codes: z.number().int(), path: z.string().nullable(), fileName: z.string(), content: z.string().nullable(), privacy: ExportPrivacy.optional() }),
  }),
};

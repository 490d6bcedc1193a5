/** Data shapes that cross the contract (what the UI, the CLI's --json and tests see). */
import { z } from 'zod';

export const Id = z.number().int().positive();
export const DocumentKind = z.enum(['interview', 'fieldnote', 'survey', 'memo', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const AttributeValues = z.record(z.string(), z.string());

export const ProjectInfo = z.object({
  file: z.string(),
  name: z.string(),
  guid: z.string(),
  schemaVersion: z.number().int(),
  contentVersion: z.number().int(),
  coder: z.string(),
  /** Opened read-only: this process cannot write the file or its folder; writes are refused. */
  readOnly: z.boolean(),
  /** The file is encrypted (SQLCipher); it was opened with its passphrase. */
  encrypted: z.boolean(),
  /** The file is in a cloud-synced folder or on a network drive, where SQLite files can be corrupted. */
  storageWarning: z.object({ kind: z.enum(['cloud', 'network']), where: z.string(), message: z.string(), messageSv: z.string() }).nullable(),
  /**
   * Imports that were cut off (the window closed or the process died mid-import), found when
   * the project opened: which files went in, which were skipped, which did not go in.
   */
  interruptedImports: z.array(
    z.object({ id: z.number().int(), started: z.string(), imported: z.array(z.string()), skipped: z.array(z.string()), notImported: z.array(z.string()) }),
  ),
  counts: z.object({
    documents: z.number().int(),
    codes: z.number().int(),
    quotations: z.number().int(),
    memos: z.number().int(),
    coders: z.number().int(),
    speakers: z.number().int(),
    turns: z.number().int(),
  }),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const DocumentSummary = z.object({
  id: Id,
  guid: z.string(),
  name: z.string(),
  kind: DocumentKind,
  chars: z.number().int(),
  sourceName: z.string().nullable(),
  turns: z.number().int(),
  speakers: z.array(z.string()),
  quotations: z.number().int(),
  attributes: AttributeValues,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const Speaker = z.object({
  id: Id,
  label: z.string(),
  name: z.string().nullable(),
  isInterviewer: z.boolean(),
  attributes: AttributeValues,
});
export type Speaker = z.infer<typeof Speaker>;

export const Turn = z.object({
  id: Id,
  start: z.number().int(),
  end: z.number().int(),
  speakerId: Id.nullable(),
  timestamp: z.number().nullable(),
});
export type Turn = z.infer<typeof Turn>;

export const DocumentFull = DocumentSummary.extend({
  text: z.string(),
  language: z.string().nullable(),
  turnList: z.array(Turn),
  speakerList: z.array(Speaker),
});
export type DocumentFull = z.infer<typeof DocumentFull>;

export const Code = z.object({
  id: Id,
  guid: z.string(),
  parentId: Id.nullable(),
  name: z.string(),
  path: z.string(),
  depth: z.number().int(),
  definition: z.string().nullable(),
  color: z.string(),
  position: z.number().int(),
  /** Quotations linked to this code alone, and with all its sub-codes. */
  quotations: z.number().int(),
  quotationsDeep: z.number().int(),
  documents: z.number().int(),
  documentsDeep: z.number().int(),
});
export type Code = z.infer<typeof Code>;

export const Quotation = z.object({
  id: Id,
  guid: z.string(),
  documentId: Id,
  documentName: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  comment: z.string().nullable(),
  coder: z.string().nullable(),
  createdAt: z.string(),
  codeIds: z.array(Id),
  /** Its own words changed when the document's text was corrected: to be looked at again. */
  needsReview: z.boolean(),
  /** Memos attached to it: the margin and the quotation list mark a quotation with a memo or comment. */
  memos: z.number().int(),
});
export type Quotation = z.infer<typeof Quotation>;

/** What a job is doing: an id, which the window shows in its language (renderer i18n `progress`) and the CLI as it is. */
export const JOB_PHASES = ['read', 'import', 'index', 'write', 'export', 'integrity', 'foreign keys', 'quotations', 'turns', 'done', 'counting', 'charts', 'writing'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export const Progress = z.object({
  jobId: z.string(),
  phase: z.enum(JOB_PHASES),
  done: z.number(),
  total: z.number(),
  unit: z.enum(['files', 'bytes', 'items', 'steps']),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

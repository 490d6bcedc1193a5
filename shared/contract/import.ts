/**
 * Import: files and folders (paths) or file contents (base64, from a drop in the browser)
 * → documents with speakers and turns; attribute sheets; speakers and auto-coding by speaker.
 */
import { z } from 'zod';
import { method } from './define';
import { ServerPath } from './paths';
import { DocumentKind, Id } from './entities';

/** Every file extension the importer reads. */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'docx', 'odt', 'rtf', 'pdf', 'vtt', 'srt', 'csv', 'xlsx'] as const;

/** A file by path, or by name and base64 contents; `encoding` overrides detection for this file only. */
export const ImportSource = z.union([
  z.object({ path: ServerPath, encoding: z.string().max(50).optional() }).strict(),
  z.object({ name: z.string().min(1).max(1024), data: z.string().max(700 * 1024 * 1024), encoding: z.string().max(50).optional() }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const SurveyOptions = z
  .object({
    idColumn: z.string().max(500).optional(),
    attributeColumns: z.array(z.string().max(500)).max(10_000).optional(),
    textColumns: z.array(z.string().max(500)).max(10_000).optional(),
    /**
     * The row under the header holds the questions' texts (variable names over question texts,
     * as SPSS and survey tools export): it is no respondent, and survey tables take its texts as titles.
     */
    questionRow: z.boolean().optional(),
  })
  .strict();

export const ImportFileResult = z.object({
  file: z.string(),
  ok: z.boolean(),
  status: z.enum(['imported', 'skipped', 'failed', 'cancelled']),
  documentId: Id.nullable(),
  documentIds: z.array(Id),
  turns: z.number().int(),
  chars: z.number().int(),
  speakers: z.number().int(),
  encoding: z.string().nullable(),
  error: z.string().nullable(),
  /** The reason in Swedish, without the file name (for the Swedish UI). */
  errorSv: z.string().nullable(),
  /** What else happened, e.g. that the file was applied as an attribute sheet. */
  note: z.string().nullable(),
  noteSv: z.string().nullable(),
});
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const AttributeSheetResult = z.object({
  sheet: z.string(),
  documents: z.number().int(),
  attributes: z.array(z.object({ name: z.string(), type: z.enum(['text', 'number', 'date', 'boolean']), levels: z.array(z.string()) })),
  unknown: z.array(z.string()),
});
export type AttributeSheetResult = z.infer<typeof AttributeSheetResult>;

export const ImportResult = z.object({
  results: z.array(ImportFileResult),
  imported: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  cancelled: z.boolean(),
  attributes: AttributeSheetResult.nullable(),
  /** Why nothing was imported (no files found, every entry skipped; hidden files left out), or null. */
  notice: z.string().nullable(),
  noticeSv: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const SpeakerRow = z.object({
  id: Id,
  documentId: Id,
  documentName: z.string(),
  label: z.string(),
  name: z.string().nullable(),
  isInterviewer: z.boolean(),
  turns: z.number().int(),
  attributes: z.record(z.string(), z.string()),
});
export type SpeakerRow = z.infer<typeof SpeakerRow>;

export const importMethods = {
  'import.files': method({
    summary:
      'Import files and folders (paths) or file contents (base64): txt, md, docx, odt, rtf, pdf, vtt, srt as documents with speaker turns; csv/xlsx as surveys (a document per respondent). One transaction per file; failed files are reported, the rest still imported.',
    params: z
      .object({
        sources: z.array(ImportSource).min(1).max(100_000),
        kind: DocumentKind.optional(),
        encoding: z.string().max(50).optional(),
        duplicates: z.enum(['skip', 'import']).default('skip'),
        attributesSheet: ImportSource.optional(),
        survey: SurveyOptions.optional(),
        maxFileMB: z.number().positive().max(4096).optional(),
        jobId: z.string().max(100).optional(),
      })
      .strict(),
    result: ImportResult,
    job: true,
    mutates: true,
  }),
  'import.dismissInterrupted': method({
    summary: 'Forget the note of imports that were cut off (project.info\'s interruptedImports), once the user has read it.',
    params: z.object({ ids: z.array(z.number().int()).max(1000) }).strict(),
    result: z.object({ dismissed: z.number().int() }),
  }),
  'import.attributeSheet': method({
    summary:
      'Apply an attribute sheet (csv/xlsx): first column names documents (file name with or without extension), other columns are attributes; values typed, levels in order of first appearance; unknown names listed.',
    params: z.object({ source: ImportSource, encoding: z.string().max(50).optional() }).strict(),
    result: AttributeSheetResult,
    mutates: true,
  }),
  'import.surveyPreview': method({
    summary:
      'Read a survey (csv/xlsx) without importing it: its columns, which one names respondents and which are closed (attributes) or open (text) answers as the importer would guess, and a few rows.',
    params: z.object({ source: ImportSource, encoding: z.string().max(50).optional() }).strict(),
    result: z.object({
      file: z.string(),
      header: z.array(z.string()),
      rows: z.number().int(),
      sample: z.array(z.array(z.string())),
      /** The first column names documents: an attribute sheet, not a survey. */
      attributeSheet: z.boolean(),
      idColumn: z.string().nullable(),
      attributeColumns: z.array(z.string()),
      textColumns: z.array(z.string()),
    }),
  }),
  'speakers.list': method({
    summary: 'Speakers of one document or of all, with turn counts, interviewer mark and speaker attributes.',
    params: z.object({ documentId: Id.optional() }).strict(),
    result: z.array(SpeakerRow),
  }),
  'speakers.update': method({
    summary: "Mark a speaker as interviewer (or not) and set a display name or pseudonym.",
    params: z.object({ id: Id, isInterviewer: z.boolean().optional(), name: z.string().max(200).nullable().optional() }).strict(),
    result: SpeakerRow,
    mutates: true,
  }),
  'speakers.autocode': method({
    summary:
      'Auto-code by speaker: one code per speaker (or per value of a speaker attribute such as roll) under a parent code, a quotation per turn. One undoable step; running it again adds nothing twice.',
    params: z
      .object({
        by: z.enum(['speaker', 'attribute']).default('speaker'),
        attribute: z.string().trim().min(1).max(200).optional(),
        parent: z.string().trim().min(1).max(500).optional(),
        documentIds: z.array(Id).max(100_000).optional(),
        includeInterviewer: z.boolean().default(true),
      })
      .strict(),
    result: z.object({
      parentId: Id,
      codes: z.array(z.object({ id: Id, name: z.string(), quotations: z.number().int() })),
      quotations: z.number().int(),
      skippedTurns: z.number().int(),
    }),
    mutates: true,
  }),
};

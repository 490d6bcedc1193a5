/**
 * Intercoder agreement: percent agreement, Holsti and Cohen's κ (two coders), Krippendorff's α
 * (any number of coders, missing data) on units, and unitizing α_u on characters; per code and
 * over all chosen codes, with their tables, unit counts and a seeded bootstrap interval for α.
 */
import { z } from 'zod';
import { method } from './define';
import { Id } from './entities';
import { CodePath, ServerPath } from './paths';
import { ExportResult } from './tables';

export const AgreementUnit = z.enum(['turn', 'paragraph', 'sentence', 'char']);
export type AgreementUnit = z.infer<typeof AgreementUnit>;

export const AgreementRequest = z
  .object({
    /** Coder names; default every coder who has coded. At least two. */
    coders: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
    /** Code paths; default every code the coders used. A code's own codings only (not its sub-codes'). */
    codes: z.array(CodePath).max(5000).optional(),
    documentIds: z.array(Id).max(100_000).optional(),
    unit: AgreementUnit.default('turn'),
    /** Bootstrap samples for α's interval (0: none). */
    bootstrap: z.number().int().min(0).max(20_000).default(1000),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .strict();

const Table2 = z.object({ values: z.array(z.number()), matrix: z.array(z.array(z.number())) });

export const AgreementFigures = z.object({
  units: z.number(),
  alpha: z.number().nullable(),
  observed: z.number(),
  expected: z.number(),
  interval: z.object({ low: z.number(), high: z.number(), level: z.number(), samples: z.number().int(), seed: z.number().int() }).nullable(),
  coincidence: Table2.nullable(),
  percent: z.number().nullable(),
  kappa: z.number().nullable(),
  holsti: z.number().nullable(),
  confusion: Table2.nullable(),
  disagreements: z.number(),
  unitizing: z.object({ observed: z.number(), expected: z.number(), alpha: z.number().nullable(), segments: z.number().int() }).nullable(),
});

export const AgreementResult = z.object({
  unit: AgreementUnit,
  coders: z.array(z.object({ name: z.string(), guid: z.string() })),
  documents: z.object({ considered: z.number().int(), codedByAll: z.number().int(), characters: z.number().int(), units: z.number().int() }),
  codes: z.array(AgreementFigures.extend({ id: Id, path: z.string(), quotations: z.number().int() })),
  overall: AgreementFigures,
  method: z.object({ sv: z.string(), en: z.string() }),
});
export type AgreementResult = z.infer<typeof AgreementResult>;

const Pair = z.array(z.string().trim().min(1).max(100)).length(2);

export const Disagreement = z.object({
  documentId: Id,
  documentName: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  coders: z.array(
    z.object({
      name: z.string(),
      coded: z.boolean(),
      quotations: z.array(z.object({ id: Id, start: z.number().int(), end: z.number().int(), text: z.string() })),
    }),
  ),
});
export type Disagreement = z.infer<typeof Disagreement>;

const Range = { start: z.number().int(), end: z.number().int() };

/** One document as the disagreement view shows it: the units, who coded each, and each coder's quotations with the code. */
export const DisagreementDocument = z.object({
  documentId: Id,
  documentName: z.string(),
  text: z.string(),
  /** The two coders in the order asked; present: coded anything in the document (a missing coder's units are not disagreements). */
  coders: z.array(z.object({ name: z.string(), color: z.string().nullable(), present: z.boolean() })),
  units: z.array(z.object({ ...Range, coded: z.array(z.boolean()), disagreement: z.boolean() })),
  /** coder: 0 or 1, the index into coders. */
  quotations: z.array(z.object({ id: Id, coder: z.number().int().min(0).max(1), ...Range })),
});
export type DisagreementDocument = z.infer<typeof DisagreementDocument>;

export const agreementMethods = {
  'agreement.disagreements': method({
    summary: 'The units (turn, paragraph, sentence) where two coders disagree on one code, in document order, with each coder\'s quotations with the code overlapping the unit.',
    params: z.object({ coders: Pair, code: CodePath, unit: z.enum(['turn', 'paragraph', 'sentence']).default('turn') }).strict(),
    result: z.array(Disagreement),
  }),
  'agreement.document': method({
    summary:
      "One document for the disagreement view: every unit (turn, paragraph, sentence) in order with which of two coders coded it with the code and whether that is a disagreement, and each coder's quotations with the code (for one margin column per coder).",
    params: z.object({ coders: Pair, code: CodePath, unit: z.enum(['turn', 'paragraph', 'sentence']).default('turn'), documentId: Id }).strict(),
    result: DisagreementDocument,
  }),
  'agreement.settle': method({
    summary:
      "Settle one disagreement: both coders' coding of the unit with the code becomes the first coder's version, the second's, both, or neither (their quotations overlapping the unit). One undoable step; the coder copies keep the originals.",
    params: z
      .object({ coders: Pair, code: CodePath, documentId: Id, start: z.number().int().min(0), end: z.number().int().min(1), accept: z.enum(['first', 'second', 'both', 'neither']) })
      .strict(),
    result: z.object({ removed: z.number().int(), added: z.number().int() }),
    mutates: true,
  }),
  'agreement.compute': method({
    summary:
      "Intercoder agreement per code and over all chosen codes: on units (turn, paragraph, sentence) percent agreement, Holsti and Cohen's κ (two coders) and Krippendorff's α (nominal, missing data where a coder did not code a document) with its coincidence table and a seeded bootstrap interval; on characters (char) Krippendorff's unitizing α_u. With a method text in Swedish and English.",
    params: AgreementRequest,
    result: AgreementResult,
  }),
  'agreement.export': method({
    summary:
      'The agreement report as DOCX (figures, tables, units, coders, codes and a method text to paste into a method section) or XLSX (one sheet of figures per code, the tables, the method text). Writes path when given, else returns the file as base64.',
    params: AgreementRequest.extend({ format: z.enum(['docx', 'xlsx']), language: z.enum(['sv', 'en']).default('sv'), path: ServerPath.optional() }).strict(),
    result: ExportResult,
  }),
};

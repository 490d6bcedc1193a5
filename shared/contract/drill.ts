/**
 * From a number to its quotations: the quotations behind a matrix cell, a co-occurrence
 * cell, a term report's "k av n" (with the n − k interviews that did not raise the code) and a
 * theme table's count. Each answer also gives the same selection as a `quotations.query`
 * filter and as `rodtrad quotes` arguments, so every host gets the same set.
 */
import { z } from 'zod';
import { method } from './define';
import { Id } from './entities';
import { QuotationQuery, QuotationRow } from './coding';
import { CooccurrenceRequest, MatrixRequest, ThemeTableRequest } from './tables';
import { TermReportRequest } from './reports';

/**
 * Rows returned (the first ones in document order); `total` and `documents` always count them
 * all. A page, not the whole cell: the panel asks for more when the reader wants them.
 */
export const DRILL_PAGE = 200;
const Limit = z.number().int().positive().max(1_000_000).default(DRILL_PAGE);

export const DrillRequest = z.discriminatedUnion('from', [
  z.object({ from: z.literal('matrix'), request: MatrixRequest, codeId: Id, /** The column's key (document id, or attribute value; '' = no value). */ column: z.string(), limit: Limit }).strict(),
  z.object({ from: z.literal('cooccurrence'), request: CooccurrenceRequest, codeIds: z.tuple([Id, Id]), limit: Limit }).strict(),
  z
    .object({
      from: z.literal('term'),
      limit: Limit,
      request: TermReportRequest,
      codeId: Id,
      term: z.string(),
      group: z.string().optional(),
      district: z.string().optional(),
    })
    .strict(),
  z.object({ from: z.literal('theme'), request: ThemeTableRequest, codeId: Id, limit: Limit }).strict(),
]);
export type DrillRequest = z.input<typeof DrillRequest>;

export const DrillDocument = z.object({
  documentId: Id,
  name: z.string(),
  attributes: z.record(z.string(), z.string()),
  /** Quotations of the selection in this document (0 for the documents without). */
  quotations: z.number().int(),
});
export type DrillDocument = z.infer<typeof DrillDocument>;

export const DrillResult = z.object({
  /** "Bollande – HT16, chef: 3 av 5", in the request's language. */
  title: z.string(),
  total: z.number().int(),
  rows: z.array(QuotationRow),
  /** The documents the quotations come from (the k of "k av n"). */
  documents: z.array(DrillDocument),
  /** For k of n: the n − k documents of the cell that did not raise the code; else []. */
  without: z.array(DrillDocument),
  /** The same selection as a quotations.query filter. */
  query: QuotationQuery,
  /** The same selection as `rodtrad quotes <project>` arguments. */
  cli: z.array(z.string()),
});
export type DrillResult = z.infer<typeof DrillResult>;

export const drillMethods = {
  'tables.drill': method({
    summary: 'The quotations behind a number: a matrix or co-occurrence cell, a term report "k av n" (and the n − k without), a theme-table count.',
    params: DrillRequest,
    result: DrillResult,
  }),
};

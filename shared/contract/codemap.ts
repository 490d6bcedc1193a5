/**
 * Code maps: codes as nodes (sized by their quotations, in the code's colour) and their
 * co-occurrence as weighted edges, laid out by a seeded force layout (d3-force) so the same
 * project gives the same map; node positions the user dragged are kept per project.
 */
import { z } from 'zod';
import { method } from './define';
import { Id } from './entities';
import { DocumentFilter } from './filter';
import { ServerPath } from './paths';
import { CooccurrenceBy, ExportResult, TableLanguage } from './tables';

export const CodeMapRequest = z
  .object({
    by: CooccurrenceBy.default('overlap'),
    filter: DocumentFilter.default({}),
    /** These codes (default: every code with a quotation in the filter). */
    codeIds: z.array(Id).max(10_000).optional(),
    /** Edges below this weight are not drawn (the layout is the same for every minimum). */
    minWeight: z.number().int().min(1).max(1_000_000).default(1),
    language: TableLanguage.default('sv'),
  })
  .strict();
export type CodeMapRequest = z.input<typeof CodeMapRequest>;

export const CodeMapNode = z.object({
  codeId: Id,
  name: z.string(),
  path: z.string(),
  color: z.string(),
  /** Quotations carrying the code itself, within the filter. */
  quotations: z.number().int(),
  x: z.number(),
  y: z.number(),
  /** Radius, from the quotations. */
  r: z.number(),
  /** Placed by the user (dragged), not by the layout. */
  placed: z.boolean(),
});
export type CodeMapNode = z.infer<typeof CodeMapNode>;

export const CodeMapEdge = z.object({ a: Id, b: Id, weight: z.number().int() });
export type CodeMapEdge = z.infer<typeof CodeMapEdge>;

export const CodeMap = z.object({
  by: CooccurrenceBy,
  minWeight: z.number().int(),
  language: TableLanguage,
  nodes: z.array(CodeMapNode),
  /** Every co-occurring pair (weight ≥ 1), heaviest first; the minimum weight filters what is drawn. */
  edges: z.array(CodeMapEdge),
  maxWeight: z.number().int(),
});
export type CodeMap = z.infer<typeof CodeMap>;

export const codeMapMethods = {
  'tables.codeMap': method({
    summary: 'A code map: codes as nodes sized by quotations, co-occurrence as weighted edges, laid out (seeded, so stable) around the positions the user placed.',
    params: CodeMapRequest,
    result: CodeMap,
  }),
  'tables.placeCodeMapNodes': method({
    summary: 'Remembers where the user put code-map nodes (per project); later layouts keep them there.',
    params: z.object({ positions: z.array(z.object({ codeId: Id, x: z.number().finite(), y: z.number().finite() }).strict()).min(1).max(10_000) }).strict(),
    result: z.object({ placed: z.number().int() }),
    mutates: true,
  }),
  'tables.resetCodeMap': method({
    summary: 'Forgets the placed code-map nodes: the next map is laid out anew.',
    params: z.object({}).strict(),
    result: z.object({ forgotten: z.number().int() }),
    mutates: true,
  }),
  'tables.exportCodeMap': method({
    summary: 'Exports the code map as SVG (for a publication; the UI also makes PNG from it).',
    params: CodeMapRequest.extend({ format: z.enum(['svg']).default('svg'), path: ServerPath.optional(), pseudonymise: z.boolean().optional() }).strict(),
    result: ExportResult,
  }),
};

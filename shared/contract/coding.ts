import { z } from 'zod';
import { method } from './define';
import { Code, Id, Quotation } from './entities';

export const codingMethods = {
  'codes.tree': method({
    summary: 'The code tree, depth-first in sibling order, with counts.',
    params: z.object({}).strict(),
    result: z.array(Code),
  }),
  'quotations.list': method({
    summary: 'Quotations, optionally of one document or one code (with its sub-codes).',
    params: z
      .object({
        documentId: Id.optional(),
        codeId: Id.optional(),
        includeSubcodes: z.boolean().default(true),
        limit: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
    result: z.array(Quotation),
  }),
};

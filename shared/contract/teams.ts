/**
 * Teams of coders: coder copies of a master project and the exact merge of copies into a new
 * project file, with a report of where everything came from and every conflict.
 */
import { z } from 'zod';
import { method } from './define';
import { ServerPath } from './paths';

export const MergeConflict = z.object({
  entity: z.enum(['coder', 'document', 'code', 'quotation', 'link', 'memo', 'attribute', 'attribute value', 'group', 'speaker']),
  what: z.string(),
  guid: z.string().nullable(),
  sources: z.array(z.string()),
  detail: z.string(),
  rule: z.string(),
});

const Added = z.object({
  coders: z.number().int(),
  documents: z.number().int(),
  codes: z.number().int(),
  quotations: z.number().int(),
  links: z.number().int(),
  memos: z.number().int(),
  attributes: z.number().int(),
  groups: z.number().int(),
});

export const MergeReport = z.object({
  output: z.string(),
  sources: z.array(
    z.object({
      file: z.string(),
      projectGuid: z.string(),
      coders: z.array(z.string()),
      added: Added,
      matched: z.object({
        documentsByGuid: z.number().int(),
        documentsBySha256: z.number().int(),
        codesByGuid: z.number().int(),
        codesByPath: z.number().int(),
        quotationsByGuid: z.number().int(),
        quotationsByRange: z.number().int(),
      }),
    }),
  ),
  conflicts: z.array(MergeConflict),
  totals: z.object({ coders: z.number().int(), documents: z.number().int(), codes: z.number().int(), quotations: z.number().int(), links: z.number().int(), memos: z.number().int() }),
});
export type MergeReport = z.infer<typeof MergeReport>;

export const teamMethods = {
  'teams.copies': method({
    summary:
      'Make one copy of the open (master) project per coder in a folder, "<project>-<coder>.rodtrad", each with the same GUIDs and its coder set, ready to be coded apart and merged. Refuses if any copy exists; writes all or none.',
    params: z.object({ outDir: ServerPath, coders: z.array(z.string().trim().min(1).max(100)).min(1).max(50) }).strict(),
    result: z.array(z.object({ coder: z.string(), coderGuid: z.string(), path: z.string() })),
  }),
  'teams.merge': method({
    summary:
      'Merge coder copies into a new project file (needs no open project): documents by GUID then sha256, codes by GUID then path, the union of quotations and code links (an identical range by the same coder is never duplicated; every quotation keeps its coder), memos, attributes, groups. The inputs are only read; the result is built aside and renamed into place. Returns the merge report.',
    params: z.object({ out: ServerPath, inputs: z.array(ServerPath).min(1).max(100) }).strict(),
    result: MergeReport,
  }),
};

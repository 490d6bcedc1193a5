/**
 * The document filter shared by every analysis (theme tables, matrices, co-occurrence,
 * term reports, frequency tables): which documents count.
 */
import { z } from 'zod';
import { DocumentKind, Id } from './entities';

export const DocumentFilter = z
  .object({
    /** Only documents of these kinds (none = every kind). */
    kinds: z.array(DocumentKind).optional(),
    /** Only members of at least one of these document groups (by name). */
    groups: z.array(z.string().min(1)).optional(),
    /**
     * Document attribute values: several values of one attribute are OR'ed,
     * different attributes are AND'ed. { termin: ['HT16', 'VT17'], grupp: ['chef'] }.
     */
    where: z.record(z.string().min(1), z.array(z.string())).optional(),
    /** Only these documents (by id), on top of the rest. */
    documentIds: z.array(Id).optional(),
  })
  .strict();
export type DocumentFilter = z.infer<typeof DocumentFilter>;

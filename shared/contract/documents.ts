import { z } from 'zod';
import { method } from './define';
import { DocumentFull, DocumentKind, DocumentSummary, Id } from './entities';

const DocumentIds = z.array(Id).min(1).max(100_000);
const DeleteCounts = z.object({ deleted: z.number().int(), quotations: z.number().int(), memos: z.number().int() });
/** A pasted document or an inserted correction: 20 million UTF-16 units, the size of a long book. */
const PastedText = z.string().max(20_000_000);

export const documentMethods = {
  'documents.list': method({
    summary: 'All documents with kind, size, turns, speakers and attribute values.',
    params: z.object({}).strict(),
    result: z.array(DocumentSummary),
  }),
  'documents.get': method({
    summary: 'One document with its text, speaker turns and speakers.',
    params: z.object({ id: Id }).strict(),
    result: DocumentFull,
  }),
  'documents.deleteCounts': method({
    summary: 'What deleting these documents would take with it (quotations, memos), for the confirmation.',
    params: z.object({ ids: DocumentIds }).strict(),
    result: DeleteCounts,
  }),
  'documents.delete': method({
    summary:
      'Delete documents with their speakers, turns, quotations, code links, memos and attribute values; one undoable step. `undoImport` labels the step as undoing an import.',
    params: z.object({ ids: DocumentIds, undoImport: z.boolean().default(false) }).strict(),
    result: DeleteCounts,
    mutates: true,
  }),
  'documents.rename': method({
    summary: 'Rename a document (names are unique). Undoable.',
    params: z.object({ id: Id, name: z.string().min(1).max(500) }).strict(),
    result: z.object({ id: Id, name: z.string() }),
    mutates: true,
  }),
  'documents.create': method({
    summary: 'A new document from pasted text; speaker turns are found as on import, and the kind follows unless given. Undoable.',
    params: z.object({ name: z.string().min(1).max(500), text: PastedText, kind: DocumentKind.optional() }).strict(),
    result: z.object({ id: Id, name: z.string(), kind: DocumentKind, turns: z.number().int() }),
    mutates: true,
  }),
  'documents.editText': method({
    summary:
      "Correct a document's text: delete `deleteCount` UTF-16 units at `at` and insert `insert`. Quotations around the edit keep their words, a quotation whose own words changed is flagged for review (removed if all its words went), turns follow. Undoable.",
    params: z
      .object({
        id: Id,
        at: z.number().int().min(0),
        deleteCount: z.number().int().min(0).default(0),
        insert: PastedText.default(''),
      })
      .strict(),
    result: z.object({ chars: z.number().int(), shifted: z.number().int(), flagged: z.array(Id), removed: z.array(Id) }),
    mutates: true,
  }),
};

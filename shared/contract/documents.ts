import { z } from 'zod';
import { method } from './define';
import { DocumentFull, DocumentSummary, Id } from './entities';

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
};

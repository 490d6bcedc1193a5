/**
 * Memos: project memos, or memos attached to one document, code or quotation. The body is
 * light markup: blank-line separated paragraphs, *emphasis* and **strong**. Writes are undoable.
 */
import { z } from 'zod';
import { MEMO_BODY_LIMIT } from '../limits';
import { method } from './define';
import { Id } from './entities';

export const Memo = z.object({
  id: Id,
  guid: z.string(),
  title: z.string(),
  body: z.string(),
  author: z.string().nullable(),
  /** What the memo is attached to; 'project' when it stands alone. */
  target: z.enum(['project', 'document', 'code', 'quotation']),
  documentId: Id.nullable(),
  codeId: Id.nullable(),
  quotationId: Id.nullable(),
  createdAt: z.string(),
  modifiedAt: z.string(),
});
export type Memo = z.infer<typeof Memo>;

const Title = z.string().trim().min(1).max(500);
const Body = z.string().max(MEMO_BODY_LIMIT, `a memo holds at most ${MEMO_BODY_LIMIT.toLocaleString('en')} characters; shorten the text or split it into several memos`);

export const memoMethods = {
  'memos.list': method({
    summary:
      "Memos, newest change first: of one document, code or quotation; scope 'project' for stand-alone memos only; nothing given = all memos.",
    params: z
      .object({
        documentId: Id.optional(),
        codeId: Id.optional(),
        quotationId: Id.optional(),
        scope: z.enum(['all', 'project']).default('all'),
      })
      .strict(),
    result: z.array(Memo),
  }),
  'memos.get': method({
    summary: 'One memo.',
    params: z.object({ id: Id }).strict(),
    result: Memo,
  }),
  'memos.create': method({
    summary: 'Write a memo (attached to at most one of a document, code or quotation); the author is the current coder. Undoable.',
    params: z
      .object({
        title: Title,
        body: Body.default(''),
        documentId: Id.optional(),
        codeId: Id.optional(),
        quotationId: Id.optional(),
      })
      .strict(),
    result: Memo,
    mutates: true,
  }),
  'memos.update': method({
    summary: 'Change a memo\'s title or body. Undoable.',
    params: z.object({ id: Id, title: Title.optional(), body: Body.optional() }).strict(),
    result: Memo,
    mutates: true,
  }),
  'memos.delete': method({
    summary: 'Delete a memo. Undoable.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
    mutates: true,
  }),
};

import type { Handlers } from '../api/types';
import { UserError } from '../errors';

const todo = (): never => {
  throw new UserError('not-implemented', 'not implemented yet');
};

export const memoHandlers: Handlers<'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete'> = {
  'memos.list': todo,
  'memos.get': todo,
  'memos.create': todo,
  'memos.update': todo,
  'memos.delete': todo,
};

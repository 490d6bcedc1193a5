import type { Handlers } from '../api/types';
import { createMemo, deleteMemo, getMemo, listMemos, updateMemo } from './store';

export const memoHandlers: Handlers<'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete'> = {
  'memos.list': ({ session }, f) => listMemos(session.requireProject(), f),
  'memos.get': ({ session }, { id }) => getMemo(session.requireProject(), id),
  'memos.create': ({ session }, m) => createMemo(session.requireProject(), m),
  'memos.update': ({ session }, { id, ...f }) => updateMemo(session.requireProject(), id, f),
  'memos.delete': ({ session }, { id }) => ({ deleted: deleteMemo(session.requireProject(), id) }),
};

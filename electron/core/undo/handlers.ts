import type { Handlers } from '../api/types';
import { UserError } from '../errors';

const todo = (): never => {
  throw new UserError('not-implemented', 'not implemented yet');
};

export const historyHandlers: Handlers<'history.state' | 'history.undo' | 'history.redo' | 'history.list'> = {
  'history.state': todo,
  'history.undo': todo,
  'history.redo': todo,
  'history.list': todo,
};

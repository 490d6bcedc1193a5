import type { Handlers } from '../api/types';
import { historyList, historyState, redo, undo } from './journal';

export const historyHandlers: Handlers<'history.state' | 'history.undo' | 'history.redo' | 'history.list'> = {
  'history.state': ({ session }) => historyState(session.requireProject()),
  'history.undo': ({ session }) => {
    const p = session.requireProject();
    const done = undo(p);
    return { ...historyState(p), done };
  },
  'history.redo': ({ session }) => {
    const p = session.requireProject();
    const done = redo(p);
    return { ...historyState(p), done };
  },
  'history.list': ({ session }, { limit }) => historyList(session.requireProject(), limit),
};

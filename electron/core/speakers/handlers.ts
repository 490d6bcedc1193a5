import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import { autocodeSpeakers, listAllSpeakers, updateSpeaker } from './speakers';

export const speakerHandlers: Handlers<'speakers.list' | 'speakers.update' | 'speakers.autocode'> = {
  'speakers.list': ({ session }, { documentId }) => listAllSpeakers(session.requireProject(), documentId),
  'speakers.update': ({ session }, { id, isInterviewer, name }) => {
    const p = session.requireProject();
    updateSpeaker(p, id, { isInterviewer, name });
    const row = listAllSpeakers(p).find((s) => s.id === id);
    if (!row) throw new UserError('not-found', `no speaker with id ${id}`);
    return row;
  },
  'speakers.autocode': ({ session }, o) => autocodeSpeakers(session.requireProject(), o),
};

import type { Handlers } from '../api/types';
import { createGroup, deleteGroup, listGroups, renameGroup, setGroupMembers } from './store';

export const groupHandlers: Handlers<'groups.list' | 'groups.create' | 'groups.rename' | 'groups.delete' | 'groups.setMembers'> = {
  'groups.list': ({ session }) => listGroups(session.requireProject()),
  'groups.create': ({ session }, g) => ({ id: createGroup(session.requireProject(), g.name, g.documentIds) }),
  'groups.rename': ({ session }, g) => {
    renameGroup(session.requireProject(), g.id, g.name);
    return { id: g.id };
  },
  'groups.delete': ({ session }, g) => ({ deleted: deleteGroup(session.requireProject(), g.id) }),
  'groups.setMembers': ({ session }, g) => ({ id: g.groupId, members: setGroupMembers(session.requireProject(), g.groupId, g.documentIds) }),
};

import type { Handlers } from '../api/types';
import { createGroup, deleteGroup, listGroups, renameGroup, setGroupMembers } from '../groups/store';
import { createAttribute, deleteAttribute, listAttributes, renameAttribute, setDocumentValue, setLevelOrder, setSpeakerValue } from './edit';

export const attributeHandlers: Handlers<
  | 'attributes.list' | 'attributes.create' | 'attributes.rename' | 'attributes.delete' | 'attributes.setValue'
  | 'attributes.setSpeakerValue' | 'attributes.setLevelOrder'
  | 'groups.list' | 'groups.create' | 'groups.rename' | 'groups.delete' | 'groups.setMembers'
> = {
  'attributes.list': ({ session }, { scope }) => listAttributes(session.requireProject(), scope),
  'attributes.create': ({ session }, a) => ({ id: createAttribute(session.requireProject(), a.name, a.scope, a.type) }),
  'attributes.rename': ({ session }, a) => ({ id: renameAttribute(session.requireProject(), a.name, a.newName, a.scope) }),
  'attributes.delete': ({ session }, a) => ({ deleted: deleteAttribute(session.requireProject(), a.name, a.scope) }),
  'attributes.setValue': ({ session }, a) => {
    setDocumentValue(session.requireProject(), a.documentId, a.name, a.value);
    return { ok: true };
  },
  'attributes.setSpeakerValue': ({ session }, a) => {
    setSpeakerValue(session.requireProject(), a.speakerId, a.name, a.value);
    return { ok: true };
  },
  'attributes.setLevelOrder': ({ session }, a) => ({ levels: setLevelOrder(session.requireProject(), a.name, a.levels, a.scope) }),
  'groups.list': ({ session }) => listGroups(session.requireProject()),
  'groups.create': ({ session }, g) => ({ id: createGroup(session.requireProject(), g.name, g.documentIds) }),
  'groups.rename': ({ session }, g) => {
    renameGroup(session.requireProject(), g.id, g.name);
    return { id: g.id };
  },
  'groups.delete': ({ session }, g) => ({ deleted: deleteGroup(session.requireProject(), g.id) }),
  'groups.setMembers': ({ session }, g) => ({ id: g.groupId, members: setGroupMembers(session.requireProject(), g.groupId, g.documentIds) }),
};

import type { Handlers } from '../api/types';
import { createAttribute, deleteAttribute, listAttributes, renameAttribute, setDocumentValue, setLevelOrder, setSpeakerValue } from './edit';

export const attributeHandlers: Handlers<
  | 'attributes.list' | 'attributes.create' | 'attributes.rename' | 'attributes.delete' | 'attributes.setValue'
  | 'attributes.setSpeakerValue' | 'attributes.setLevelOrder'
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
};

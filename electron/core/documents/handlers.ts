import type { Handlers } from '../api/types';
import { getDocument, listDocuments } from './queries';

export const documentHandlers: Handlers<'documents.list' | 'documents.get'> = {
  'documents.list': ({ session }) => listDocuments(session.requireProject()),
  'documents.get': ({ session }, { id }) => getDocument(session.requireProject(), id),
};

import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/types';
import { createDocumentFromText, deleteDocuments, deletionCounts, renameDocument } from './manage';
import { getDocument, listDocuments } from './queries';
import { editDocumentText } from './text-edit';

export const documentHandlers: Handlers<Extract<MethodName, `documents.${string}`>> = {
  'documents.list': ({ session }) => listDocuments(session.requireProject()),
  'documents.get': ({ session }, { id }) => getDocument(session.requireProject(), id),
  'documents.deleteCounts': ({ session }, { ids }) => deletionCounts(session.requireProject(), ids),
  'documents.delete': ({ session }, { ids, undoImport }) =>
    deleteDocuments(session.requireProject(), ids, undoImport ? `Undo the import of ${ids.length} ${ids.length === 1 ? 'file' : 'files'}` : undefined),
  'documents.rename': ({ session }, { id, name }) => renameDocument(session.requireProject(), id, name),
  'documents.create': ({ session }, d) => createDocumentFromText(session.requireProject(), d),
  'documents.editText': ({ session }, { id, ...edit }) => editDocumentText(session.requireProject(), id, edit),
};

import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/types';
import { exportQuotations } from '../export/quotations';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { resolveCode } from './code-resolve';
import { codeTree } from './codes';
import { addCodes, codeTurn, createQuotationUndoable, deleteQuotation, removeCode, updateQuotation } from './quotation-edit';
import { getQuotation, listQuotations } from './quotations';
import { queryQuotations } from './query';
import { createCodeUndoable, deleteCode, mergeCodes, moveCode, splitCode, updateCode } from './tree-edit';

import { setTypical, typicalQuotes } from './typical';

type CodingMethod = Extract<MethodName, `codes.${string}` | `quotations.${string}` | 'coders.list'>;

/** codes.tree with the inclusion/exclusion notes the shared Code shape leaves out. */
export function codeTreeWithNotes(p: Project) {
  const notes = new Map(
    (p.db.prepare('SELECT id, inclusion, exclusion FROM codes').all() as { id: number; inclusion: string | null; exclusion: string | null }[]).map((r) => [r.id, r]),
  );
  return codeTree(p).map((c) => ({ ...c, inclusion: notes.get(c.id)?.inclusion ?? null, exclusion: notes.get(c.id)?.exclusion ?? null }));
}

export const codingHandlers: Handlers<CodingMethod> = {
  'codes.tree': ({ session }) => codeTreeWithNotes(session.requireProject()),
  'codes.byPath': ({ session }, { path }) => ({ id: resolveCode(session.requireProject(), path) }),
  'codes.create': ({ session }, c) => ({ id: createCodeUndoable(session.requireProject(), c) }),
  'codes.update': ({ session }, { id, ...f }) => {
    updateCode(session.requireProject(), id, f);
    return { id };
  },
  'codes.move': ({ session }, m) => {
    moveCode(session.requireProject(), m.id, m.parentId, m.position);
    return { id: m.id };
  },
  'codes.merge': ({ session }, m) => mergeCodes(session.requireProject(), m.sourceIds, m.targetId),
  'codes.split': ({ session }, s) => ({ ids: splitCode(session.requireProject(), s.id, s.parts, s.placement) }),
  'codes.delete': ({ session }, { id }) => deleteCode(session.requireProject(), id),

  'quotations.list': ({ session }, f) => listQuotations(session.requireProject(), f),
  'quotations.get': ({ session }, { id }) => getQuotation(session.requireProject(), id),
  'quotations.create': ({ session }, { codePaths, createCodes, ...q }) => {
    const p = session.requireProject();
    if (!codePaths?.length) return createQuotationUndoable(p, q);
    // One undoable step: codes made by createCodes and the quotation go (and come back) together.
    return withUndo(p, { action: 'quotations.create', text: `Code a passage with ${codePaths.map((x) => `"${x}"`).join(', ')}` }, () =>
      createQuotationUndoable(p, { ...q, codeIds: [...(q.codeIds ?? []), ...codePaths.map((path) => resolveCode(p, path, { create: createCodes }))] }),
    );
  },
  'quotations.update': ({ session }, { id, ...f }) => updateQuotation(session.requireProject(), id, f),
  'quotations.delete': ({ session }, { id }) => ({ deleted: deleteQuotation(session.requireProject(), id) }),
  'quotations.addCodes': ({ session }, a) => {
    const p = session.requireProject();
    addCodes(p, a.quotationId, a.codeIds);
    return getQuotation(p, a.quotationId);
  },
  'quotations.removeCode': ({ session }, a) => {
    const p = session.requireProject();
    removeCode(p, a.quotationId, a.codeId);
    return getQuotation(p, a.quotationId);
  },
  'quotations.codeTurn': ({ session }, a) => codeTurn(session.requireProject(), a.turnId, a.codeIds),
  'quotations.typical': ({ session }, { codeId }) => typicalQuotes(session.requireProject(), codeId),
  'quotations.setTypical': ({ session }, { codeId, quotationIds }) => setTypical(session.requireProject(), codeId, quotationIds),
  'quotations.query': ({ session }, { limit, offset, countTotal, ...q }) => queryQuotations(session.requireProject(), q, { limit, offset, countTotal }),
  'quotations.export': ({ session }, e) => exportQuotations(session.requireProject(), e),

  'coders.list': ({ session }) => {
    const p = session.requireProject();
    const current = p.currentCoderName();
    const rows = p.db.prepare('SELECT id, name, color FROM coders ORDER BY name COLLATE NOCASE').all() as { id: number; name: string; color: string | null }[];
    return rows.map((r) => ({ ...r, current: r.name === current }));
  },
};

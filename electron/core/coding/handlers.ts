import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/types';
import { BUNDLED_CODEBOOKS, type CodebookNode, countNodes, loadCodebookTree, readBundledCodebook } from '../codebooks/bundled';
import { codebookCsv, codebookText, parseCodebook, readCodebookFile } from '../codebooks/io';
import { exportQuotations } from '../export/quotations';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { codeTree } from './codes';
import { addCodes, codeTurn, createQuotationUndoable, deleteQuotation, removeCode, updateQuotation } from './quotation-edit';
import { getQuotation, listQuotations } from './quotations';
import { queryQuotations } from './query';
import { createCodeUndoable, deleteCode, mergeCodes, moveCode, splitCode, updateCode } from './tree-edit';
import { writeCodebookExport } from '../export/codebook-export';

type CodingMethod = Extract<MethodName, `codes.${string}` | `quotations.${string}` | `codebooks.${string}` | 'coders.list'>;

/** codes.tree with the inclusion/exclusion notes the shared Code shape leaves out. */
export function codeTreeWithNotes(p: Project) {
  const notes = new Map(
    (p.db.prepare('SELECT id, inclusion, exclusion FROM codes').all() as { id: number; inclusion: string | null; exclusion: string | null }[]).map((r) => [r.id, r]),
  );
  return codeTree(p).map((c) => ({ ...c, inclusion: notes.get(c.id)?.inclusion ?? null, exclusion: notes.get(c.id)?.exclusion ?? null }));
}

export function loadCodebook(p: Project, name: string, nodes: CodebookNode[]): { created: number; codes: number } {
  const created = withUndo(p, { action: 'codebooks.load', text: `Load codebook "${name}"` }, () => loadCodebookTree(p, nodes));
  return { created, codes: countNodes(nodes) };
}

export const codingHandlers: Handlers<CodingMethod> = {
  'codes.tree': ({ session }) => codeTreeWithNotes(session.requireProject()),
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
  'quotations.create': ({ session }, q) => createQuotationUndoable(session.requireProject(), q),
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
  'quotations.query': ({ session }, { limit, offset, ...q }) => queryQuotations(session.requireProject(), q, { limit, offset }),
  'quotations.export': ({ session }, e) => exportQuotations(session.requireProject(), e),

  'codebooks.list': () =>
    BUNDLED_CODEBOOKS.map((id) => {
      const book = readBundledCodebook(id);
      return { id, name: book.name, description: book.description ?? null, codes: countNodes(book.codes) };
    }),
  'codebooks.load': ({ session }, src) => {
    const p = session.requireProject();
    if ('id' in src) {
      const book = readBundledCodebook(src.id);
      return loadCodebook(p, book.name, book.codes);
    }
    if ('path' in src) return loadCodebook(p, src.path, readCodebookFile(src.path));
    return loadCodebook(p, src.name, parseCodebook(src.content, src.format, src.name));
  },
  'codebooks.export': ({ session }, e) => {
    const p = session.requireProject();
    const { content, codes } = e.format === 'csv' ? codebookCsv(p) : codebookText(p);
    return writeCodebookExport(content, codes, e.format, e.path);
  },
  'coders.list': ({ session }) => {
    const p = session.requireProject();
    const current = p.currentCoderName();
    const rows = p.db.prepare('SELECT id, name, color FROM coders ORDER BY name COLLATE NOCASE').all() as { id: number; name: string; color: string | null }[];
    return rows.map((r) => ({ ...r, current: r.name === current }));
  },
};

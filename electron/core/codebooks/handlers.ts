import type { Handlers } from '../api/types';
import { writeCodebookExport } from '../export/codebook-export';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { BUNDLED_CODEBOOKS, type CodebookNode, countNodes, inLanguage, loadCodebookTree, readBundledCodebook } from './bundled';
import { codebookCsv, codebookText, parseCodebook, readCodebookFile } from './io';

function loadCodebook(p: Project, name: string, nodes: CodebookNode[]): { created: number; codes: number } {
  const created = withUndo(p, { action: 'codebooks.load', text: `Load codebook "${name}"` }, () => loadCodebookTree(p, nodes));
  return { created, codes: countNodes(nodes) };
}

export const codebookHandlers: Handlers<'codebooks.list' | 'codebooks.load' | 'codebooks.export'> = {
  'codebooks.list': (_ctx, { language }) =>
    BUNDLED_CODEBOOKS.map((id) => {
      const book = readBundledCodebook(id);
      const description = language === 'en' ? (book.descriptionEn ?? book.description) : book.description;
      return { id, name: book.name, description: description ?? null, codes: countNodes(book.codes) };
    }),
  'codebooks.load': ({ session }, src) => {
    const p = session.requireProject();
    if ('id' in src) {
      const book = readBundledCodebook(src.id);
      return loadCodebook(p, book.name, inLanguage(book.codes, src.language ?? 'sv'));
    }
    if ('path' in src) return loadCodebook(p, src.path, readCodebookFile(src.path));
    return loadCodebook(p, src.name, parseCodebook(src.content, src.format, src.name));
  },
  'codebooks.export': ({ session }, e) => {
    const p = session.requireProject();
    const { content, codes } = e.format === 'csv' ? codebookCsv(p) : codebookText(p);
    return writeCodebookExport(content, codes, e.format, e.path);
  },
};

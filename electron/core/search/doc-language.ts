/** Which language each document is stemmed in, and the researcher's override of it. */
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { documentLanguage, type SearchLanguage } from './language';

export function documentLanguages(p: Project): { documentId: number; name: string; stored: SearchLanguage | null; used: SearchLanguage }[] {
  const rows = p.db.prepare('SELECT id, name, language, text FROM documents ORDER BY position, id').all() as { id: number; name: string; language: string | null; text: string }[];
  return rows.map((r) => {
    const stored = r.language === 'sv' || r.language === 'en' ? r.language : null;
    return { documentId: r.id, name: r.name, stored, used: documentLanguage(r.language, r.text) };
  });
}

/** Sets (or clears, for detection) a document's language; the content version moves, so the index is rebuilt. */
export function setDocumentLanguage(p: Project, documentId: number, language: SearchLanguage | null): { documentId: number; language: SearchLanguage | null } {
  return p.transaction(() => {
    const changed = p.db.prepare('UPDATE documents SET language = ? WHERE id = ?').run(language, documentId).changes;
    if (changed === 0) throw new UserError('not-found', `no document with id ${documentId}`);
    return { documentId, language };
  });
}

/**
 * Pseudonymous source labels for example quotations, from a user template over document
 * attributes, the document and the speaker: "(Gruppintervju {nr}, {roll})" → "(Gruppintervju 7, socialsekreterare)".
 */
import type { Lang } from '../../../shared/format/numbers';
import { wording } from '../../../shared/wording';
import type { DocumentKindName } from '../../../shared/wording/types';
import { IN_LIST, listParam } from '../db/sql-list';
import type { Project } from '../project/project';

/**
 * The built-in placeholders under their English and Swedish names, so a Swedish template
 * reads Swedish: "({dokument}, {talare})". A document attribute of the same name wins.
 */
export const BUILT_IN_PLACEHOLDERS = { document: 'dokument', kind: 'typ', index: 'nummer', speaker: 'talare' } as const;
const DOCUMENT_PLACEHOLDERS = new Set(['document', 'kind', 'index', 'dokument', 'typ', 'nummer']);

export interface QuoteRef {
  id: number;
  documentId: number;
  start: number;
  /** Where it ends (the speaker is of the first turn it touches); default start + 1. */
  end?: number;
}

/** Fills `template` for each quotation; unknown or empty placeholders vanish with their stray commas. */
export function sourceLabels(p: Project, template: string, quotes: QuoteRef[], lang: Lang = 'sv'): Map<number, string> {
  const out = new Map<number, string>();
  if (quotes.length === 0) return out;
  const docIds = [...new Set(quotes.map((q) => q.documentId))];
  const docs = new Map(
    (p.db.prepare(`SELECT id, name, kind FROM documents WHERE id ${IN_LIST}`).all(listParam(docIds)) as { id: number; name: string; kind: string }[]).map((d) => [d.id, d]),
  );
  // Project order is id order (documents keep the order they were added in); ORDER BY position would
  // walk every document's text, which lies before position in each row.
  const order = new Map((p.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).map((id, i) => [id, i + 1]));
  const attrs = new Map<number, Record<string, string>>();
  for (const r of p.db
    .prepare(
      `SELECT v.document_id AS doc, a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
       WHERE v.document_id ${IN_LIST}`,
    )
    .all(listParam(docIds)) as { doc: number; name: string; value: string }[]) {
    (attrs.get(r.doc) ?? attrs.set(r.doc, {}).get(r.doc)!)[r.name] = r.value;
  }
  const needsSpeaker = [...template.matchAll(/\{([^{}]+)\}/g)].some((m) => !DOCUMENT_PLACEHOLDERS.has(m[1]!.trim()));
  const kindName = wording(lang).kind;
  const turnAt = p.db.prepare(
    `SELECT s.id, s.label, s.name FROM turns t JOIN speakers s ON s.id = t.speaker_id
     WHERE t.document_id = ? AND t."end" > ? AND t.start < ? ORDER BY t.start LIMIT 1`,
  );
  const speakerAttrs = p.db.prepare(
    'SELECT a.name, v.value FROM speaker_attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE v.speaker_id = ?',
  );
  for (const q of quotes) {
    const d = docs.get(q.documentId);
    const own = attrs.get(q.documentId) ?? {};
    const builtIn: Record<string, string> = {
      document: d?.name ?? '',
      // the kind as the table's reader calls it ("intervju"), not the stored enum value
      kind: d ? kindName(d.kind as DocumentKindName).toLowerCase() : '',
      index: String(order.get(q.documentId) ?? ''),
    };
    const values: Record<string, string> = { ...own, ...builtIn };
    for (const [en, sv] of Object.entries(BUILT_IN_PLACEHOLDERS)) if (!(sv in own) && en in builtIn) values[sv] = builtIn[en]!;
    if (needsSpeaker) {
      // The first turn the quotation touches: one starting on the line break before a turn is that turn's.
      const s = turnAt.get(q.documentId, q.start, Math.max(q.end ?? 0, q.start + 1)) as { id: number; label: string; name: string | null } | undefined;
      if (s) {
        values.speaker = s.name ?? s.label;
        if (!('talare' in own)) values.talare = values.speaker;
        for (const r of speakerAttrs.all(s.id) as { name: string; value: string }[]) values[r.name] = r.value;
      }
    }
    out.set(q.id, fillTemplate(template, values));
  }
  return out;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{([^{}]+)\}/g, (_, key: string) => values[key.trim()] ?? '');
  return filled
    .replace(/\s+,/g, ',')
    .replace(/(,\s*)+(?=[,)\]])/g, '')
    .replace(/([([])\s*,\s*/g, '$1')
    .replace(/,\s*$/g, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

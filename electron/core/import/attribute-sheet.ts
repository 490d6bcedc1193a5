/**
 * Attribute sheets: the first column names documents (file name with or without its
 * extension), every other column is an attribute (termin, stadsdel, grupp …). Applied in
 * one transaction; names that match no document are reported, never silently dropped.
 */
import { ensureAttribute, setDocumentAttribute } from '../attributes/store';
import { documentFinder } from '../documents/store';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import type { Table } from './formats/table';
import { cellText } from './formats/table';
import type { AttributeSheetResult } from '../../../shared/contract/import';
import { canonicalValue, columnType } from './typed-values';

export type { AttributeSheetResult };

export function applyAttributeTable(p: Project, table: Table, sheet: string): AttributeSheetResult {
  const columns = table.header.slice(1).map((name, i) => ({ name: name.trim(), index: i + 1 })).filter((c) => c.name.length > 0);
  if (columns.length === 0) {
    throw new UserError('bad-file', 'the attribute sheet has only one column; attributes go in the columns after the document names', sheet, 'attributarket har bara en kolumn; attributen ska stå i kolumnerna efter dokumentnamnen');
  }
  const dupes = columns.map((c) => c.name).filter((n, i, all) => all.indexOf(n) !== i);
  if (dupes.length) throw new UserError('bad-file', `the attribute sheet has the column "${dupes[0]}" twice`, sheet, `attributarket har kolumnen ”${dupes[0]}” två gånger`);
  const types = columns.map((c) => columnType(table.rows.map((r) => r[c.index] ?? null)));
  return p.transaction(() => {
    const unknown: string[] = [];
    const matched = new Set<number>();
    // the type is fixed when the attribute is first made; levels follow the sheet's row order
    columns.forEach((c, i) => ensureAttribute(p, c.name, 'document', types[i]));
    const findDocument = documentFinder(p);
    for (const row of table.rows) {
      const name = cellText(row[0] ?? null).trim();
      if (!name) continue;
      const doc = findDocument(name);
      if (doc === undefined) {
        unknown.push(name);
        continue;
      }
      matched.add(doc);
      columns.forEach((c, i) => {
        const v = canonicalValue(row[c.index] ?? null, types[i]!);
        if (v !== null) setDocumentAttribute(p, doc, c.name, v);
      });
    }
    const levels = p.db.prepare(
      `SELECT l.value FROM attribute_levels l JOIN attributes a ON a.id = l.attribute_id WHERE a.scope = 'document' AND a.name = ? ORDER BY l.position`,
    );
    return {
      sheet,
      documents: matched.size,
      attributes: columns.map((c, i) => ({ name: c.name, type: types[i]!, levels: (levels.all(c.name) as { value: string }[]).map((r) => r.value) })),
      unknown,
    };
  });
}

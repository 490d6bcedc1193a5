/**
 * Code × document and code × attribute-value matrices. Rows are codes (parents include their
 * sub-codes' quotations, counted once); columns are the filtered documents or the values of a
 * document attribute in their kept order (HT16, VT17 …), plus "(no value)" when some lack one.
 */
import { formatDecimal, formatInteger, formatKofN, percentOf } from '../../../shared/format/numbers';
import { MatrixRequest } from '../../../shared/contract/tables';
import type { Matrix, MatrixRequest as MatrixRequestInput } from '../../../shared/contract/tables';
import { attributeLevels } from '../attributes/store';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { deepQuotations, loadCodingIndex } from './coding-index';
import type { IndexedQuotation } from './coding-index';
import { resolveFilter } from './filter';

export function buildMatrix(p: Project, input: MatrixRequestInput): Matrix {
  const req = MatrixRequest.parse(input);
  const lang = req.language;
  const filter = resolveFilter(p, req.filter);
  const index = loadCodingIndex(p, filter.all ? null : filter.set);

  // Columns and the column of each kept document.
  const colOf = new Map<number, number>();
  const columns: Matrix['columns'] = [];
  if (req.cols === 'docs') {
    const names = new Map((p.db.prepare('SELECT id, name FROM documents').raw().all() as [number, string][]));
    for (const id of filter.ids) {
      colOf.set(id, columns.length);
      columns.push({ key: String(id), label: names.get(id) ?? String(id), documents: 1 });
    }
  } else {
    const attr = p.db.prepare("SELECT id FROM attributes WHERE scope = 'document' AND name = ?").get(req.cols) as { id: number } | undefined;
    if (!attr) throw new UserError('not-found', `no document attribute "${req.cols}" (use --cols docs or an attribute name)`, undefined, `det finns inget dokumentattribut ”${req.cols}”`);
    const levels = attributeLevels(p, req.cols);
    const levelIndex = new Map(levels.map((v, i) => [v, i]));
    levels.forEach((v) => columns.push({ key: v, label: v, documents: 0 }));
    const values = new Map(p.db.prepare('SELECT document_id, value FROM document_attribute_values WHERE attribute_id = ?').raw().all(attr.id) as [number, string][]);
    let noValue = -1;
    for (const id of filter.ids) {
      const v = values.get(id);
      let c = v === undefined ? undefined : levelIndex.get(v);
      if (c === undefined) {
        if (noValue < 0) {
          noValue = columns.length;
          columns.push({ key: '', label: lang === 'sv' ? '(inget värde)' : '(no value)', documents: 0 });
        }
        c = noValue;
      }
      colOf.set(id, c);
      columns[c]!.documents++;
    }
  }

  const wanted = req.codeIds ? new Set(req.codeIds) : null;
  const rowCodes = index.codes.filter((c) => (!wanted || wanted.has(c.id)) && (req.maxDepth === undefined || c.depth <= req.maxDepth));
  if (wanted) for (const id of wanted) if (!index.byId.has(id)) throw new UserError('not-found', `no code with id ${id}`);
  const memo = new Map<number, IndexedQuotation[]>();
  const nCols = columns.length;

  // Quotations per column carrying any shown code: the base of column percents.
  const colBase = new Array<number>(nCols).fill(0);
  if (req.cells === 'col-percent') {
    const seen = new Set<number>();
    for (const c of rowCodes)
      for (const q of deepQuotations(index, memo, c.id)) {
        if (seen.has(q.id)) continue;
        seen.add(q.id);
        colBase[colOf.get(q.documentId)!]!++;
      }
  }

  const values: number[][] = [];
  const display: string[][] = [];
  const totals: number[] = [];
  for (const code of rowCodes) {
    const counts = new Array<number>(nCols).fill(0);
    const docs: Set<number>[] = Array.from({ length: nCols }, () => new Set<number>());
    const qs = deepQuotations(index, memo, code.id);
    const allDocs = new Set<number>();
    for (const q of qs) {
      const c = colOf.get(q.documentId)!;
      counts[c]!++;
      docs[c]!.add(q.documentId);
      allDocs.add(q.documentId);
    }
    let row: number[];
    let shown: string[];
    switch (req.cells) {
      case 'count':
        row = counts;
        shown = row.map((v) => formatInteger(v, lang));
        totals.push(qs.length);
        break;
      case 'presence':
        row = docs.map((s) => (s.size > 0 ? 1 : 0));
        shown = row.map(String);
        totals.push(allDocs.size);
        break;
      case 'k-of-n':
        row = docs.map((s) => s.size);
        shown = row.map((k, i) => formatKofN(k, columns[i]!.documents, lang));
        totals.push(allDocs.size);
        break;
      case 'row-percent':
        row = counts.map((v) => percentOf(v, qs.length) ?? 0);
        shown = row.map((v) => formatDecimal(v, 1, lang));
        totals.push(qs.length);
        break;
      case 'col-percent':
        row = counts.map((v, i) => percentOf(v, colBase[i]!) ?? 0);
        shown = row.map((v) => formatDecimal(v, 1, lang));
        totals.push(qs.length);
        break;
    }
    values.push(row);
    display.push(shown);
  }
  return {
    cells: req.cells,
    cols: req.cols,
    rows: rowCodes.map((c) => ({ codeId: c.id, name: c.name, path: c.path, depth: c.depth })),
    columns,
    values,
    totals,
    display,
  };
}

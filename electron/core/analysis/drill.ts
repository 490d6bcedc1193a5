/**
 * From a number to its quotations. Each kind of cell is turned into one quotation query
 * (codes, sub-codes or not, the cell's documents), so the panel, `quotations.query` and
 * `rodtrad quotes` with the returned arguments select exactly the same quotations.
 */
import type { z } from 'zod';
import { DRILL_PAGE, type DrillDocument, type DrillRequest, type DrillResult } from '../../../shared/contract/drill';
import type { DocumentFilter } from '../../../shared/contract/filter';
import { CooccurrenceRequest, MatrixRequest, ThemeTableOptions } from '../../../shared/contract/tables';
import { TermReportRequest } from '../../../shared/contract/reports';
import { formatKofN } from '../../../shared/format/numbers';
import { UserError } from '../errors';
import { codePaths, queryQuotations, quotationWhere, type QuotationQueryInput } from '../coding/query';
import { joinCodePath } from '../coding/codes';
import { IN_LIST, listParam } from '../db/sql-list';
import type { Project } from '../project/project';
import { resolveFilter } from './filter';
import { attributeValues } from './report-common';
import { resolveLayout } from './theme-table';

type Req = z.output<typeof import('../../../shared/contract/drill').DrillRequest>;

/** The selection a cell stands for, before its quotations are read. */
interface Selection {
  /** The panel's title, given the number of documents with quotations (k). */
  title: (k: number) => string;
  query: QuotationQueryInput;
  /** The cell's documents (n of "k av n"), when the cell has a base of documents. */
  base: number[] | null;
  cli: string[];
}

export function drill(p: Project, req: DrillRequest | Req): DrillResult {
  const sel = selection(p, req as Req);
  // The page and the counts apart: the total is the sum of the per-document counts (one
  // grouped read off the indexes), not a second count of the whole selection.
  const page = queryQuotations(p, sel.query, { limit: (req as Req).limit ?? DRILL_PAGE, countTotal: false });
  let rows = page.rows;
  // A theme-table count's panel pins the code's typical quotes: those past the page come too,
  // so every pin can be seen, moved and taken off.
  if ((req as Req).from === 'theme' && page.more) {
    const shown = new Set(rows.map((r) => r.id));
    const pinned = queryQuotations(p, { ...sel.query, typical: true }, { countTotal: false }).rows.filter((r) => !shown.has(r.id));
    if (pinned.length) rows = [...rows, ...pinned];
  }
  const perDoc = countByDocument(p, sel.query);
  let total = 0;
  for (const n of perDoc.values()) total += n;
  const docIds = [...perDoc.keys()];
  const withoutIds = sel.base ? sel.base.filter((d) => !perDoc.has(d)) : [];
  const info = documentInfo(p, [...docIds, ...withoutIds]);
  const doc = (id: number): DrillDocument => ({ documentId: id, name: info.get(id)?.name ?? String(id), attributes: info.get(id)?.attributes ?? {}, quotations: perDoc.get(id) ?? 0 });
  return {
    title: sel.title(docIds.length),
    total,
    rows,
    documents: docIds.map(doc),
    without: withoutIds.map(doc),
    query: { codeMode: 'or', includeSubcodes: true, ...sel.query },
    cli: sel.cli,
  };
}

function selection(p: Project, req: Req): Selection {
  const paths = codePaths(p);
  const pathOf = (id: number): string => {
    const segs = paths.get(id);
    if (!segs) throw new UserError('not-found', `no code with id ${id}`, undefined, `det finns ingen kod med id ${id}`);
    return joinCodePath(segs);
  };
  const nameOf = (id: number): string => (paths.get(id) ?? []).at(-1) ?? String(id);

  if (req.from === 'theme') {
    const { layout } = resolveLayout(p, req.request);
    const options = ThemeTableOptions.parse({ ...(layout.options ?? {}), ...(req.request.options ?? {}) });
    const kept = resolveFilter(p, options.filter);
    return {
      title: () => nameOf(req.codeId),
      query: { codeIds: [req.codeId], includeSubcodes: true, ...(kept.all ? {} : { documentIds: kept.ids }) },
      base: null,
      cli: ['--code', pathOf(req.codeId), ...filterArgs(options.filter)],
    };
  }

  if (req.from === 'matrix') {
    const m = MatrixRequest.parse(req.request);
    const kept = resolveFilter(p, m.filter);
    let docs: number[];
    let extra: string[];
    let label: string;
    if (m.cols === 'docs') {
      const id = Number(req.column);
      docs = kept.set.has(id) ? [id] : [];
      extra = ['--doc', String(id)];
      label = (p.db.prepare('SELECT name FROM documents WHERE id = ?').pluck().get(id) as string | undefined) ?? req.column;
    } else {
      const values = attributeValues(p, m.cols);
      docs = kept.ids.filter((d) => (req.column === '' ? !values.has(d) : values.get(d) === req.column));
      extra = req.column === '' ? docs.flatMap((d) => ['--doc', String(d)]) : [];
      label = req.column === '' ? (m.language === 'sv' ? '(inget värde)' : '(no value)') : `${m.cols} = ${req.column}`;
    }
    const filter: DocumentFilter = m.cols !== 'docs' && req.column !== '' ? narrow(m.filter, m.cols, req.column) : m.filter;
    return {
      title: () => `${nameOf(req.codeId)} – ${label}`,
      query: { codeIds: [req.codeId], includeSubcodes: true, documentIds: docs },
      base: docs,
      cli: ['--code', pathOf(req.codeId), ...extra, ...filterArgs(filter)],
    };
  }

  if (req.from === 'cooccurrence') {
    const c = CooccurrenceRequest.parse(req.request);
    const kept = resolveFilter(p, c.filter);
    const [a, b] = req.codeIds;
    return {
      title: () => (a === b ? nameOf(a) : `${nameOf(a)} × ${nameOf(b)}`),
      query: { cooccur: { codeIds: [a, b], by: c.by }, ...(kept.all ? {} : { documentIds: kept.ids }) },
      base: null,
      cli: ['--cooccur', pathOf(a), '--cooccur', pathOf(b), '--by', c.by, ...filterArgs(c.filter)],
    };
  }

  // A term report's "k av n": the interviews of the term (and group, district) in the filter.
  const t = TermReportRequest.parse(req.request);
  let filter: DocumentFilter = { ...t.filter, kinds: t.filter.kinds?.length ? t.filter.kinds : ['interview'] };
  filter = narrow(filter, t.term, req.term);
  if (req.group !== undefined && t.group) filter = narrow(filter, t.group, req.group);
  if (req.district !== undefined && t.district) filter = narrow(filter, t.district, req.district);
  const docs = resolveFilter(p, filter).ids;
  const where = [req.term, req.group, req.district].filter((x): x is string => !!x).join(', ');
  return {
    title: (k) => `${nameOf(req.codeId)} – ${where}: ${formatKofN(k, docs.length, t.language)}`,
    query: { codeIds: [req.codeId], includeSubcodes: t.includeSubcodes, documentIds: docs },
    base: docs,
    cli: ['--code', pathOf(req.codeId), ...(t.includeSubcodes ? [] : ['--only']), ...filterArgs(filter)],
  };
}

/**
 * Quotations of the selection per document, in document order (documents keep the order they
 * were added in, so id order): one grouped query on the quotations_document index, which
 * holds the document and the quotation id, so no quotation row is read. Reading
 * `documents.position` (stored behind the text) walked every document's text on each click.
 */
export function countByDocumentSql(where: string[]): string {
  return `SELECT q.document_id, count(*) FROM quotations q INDEXED BY quotations_document ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY q.document_id ORDER BY q.document_id`;
}

function countByDocument(p: Project, q: QuotationQueryInput): Map<number, number> {
  const { where, args } = quotationWhere(p, q);
  return new Map(p.db.prepare(countByDocumentSql(where)).raw().all(...args) as [number, number][]);
}

/** The filter with one attribute narrowed to one value (kept values of the filter AND'ed). */
function narrow(f: DocumentFilter, attribute: string, value: string): DocumentFilter {
  const had = f.where?.[attribute];
  const values = had && had.length ? had.filter((v) => v === value) : [value];
  // A value the filter excludes selects nothing: keep it impossible rather than widening.
  return { ...f, where: { ...(f.where ?? {}), [attribute]: values.length ? values : ['\u0000'] } };
}

/** A DocumentFilter as `rodtrad quotes` options. */
export function filterArgs(f: DocumentFilter | undefined): string[] {
  if (!f) return [];
  const out: string[] = [];
  for (const k of f.kinds ?? []) out.push('--where', `kind=${k}`);
  for (const g of f.groups ?? []) out.push('--where', `group=${g}`);
  for (const [k, values] of Object.entries(f.where ?? {})) if (values.length) out.push('--where', `${k}=${values.join(',')}`);
  for (const d of f.documentIds ?? []) out.push('--doc', String(d));
  return out;
}

function documentInfo(p: Project, ids: number[]): Map<number, { name: string; attributes: Record<string, string> }> {
  const out = new Map<number, { name: string; attributes: Record<string, string> }>();
  if (ids.length === 0) return out;
  for (const [id, name] of p.db.prepare(`SELECT id, name FROM documents WHERE id ${IN_LIST}`).raw().all(listParam(ids)) as [number, string][]) out.set(id, { name, attributes: {} });
  const rows = p.db
    .prepare(`SELECT v.document_id, a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE v.document_id ${IN_LIST} ORDER BY a.position, a.id`)
    .raw()
    .all(listParam(ids)) as [number, string, string][];
  for (const [d, name, value] of rows) out.get(d)!.attributes[name] = value;
  return out;
}

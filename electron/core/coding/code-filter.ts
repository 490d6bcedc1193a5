/**
 * How a list filtered by codes finds its first page without reading the whole selection.
 *
 * `exists`: per quotation, one seek on its links — for a list walked in order off the
 * quotations_document index, which stops when the page is full. Materialising the code's set
 * first (`in`) cost every quotation of the code before the first row: 12 times as long on ten
 * times the corpus. `in` stays right for counting, and for a code too rare to walk for: a
 * code on fewer than 1 in RARE_SHARE quotations is listed from its links and sorted (at most
 * that share of the quotations), a commoner one is walked, which fills a page within about
 * RARE_SHARE pages' worth of quotations. Either way a page costs a bounded share of the corpus.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { Project } from '../project/project';

export type CodeCheck = 'exists' | 'in';

const RARE_SHARE = 20;

/** The condition (on quotations aliased q, one JSON list parameter of code ids) that a quotation has one of the codes. */
export function codeClause(check: CodeCheck): string {
  return check === 'exists'
    ? `EXISTS (SELECT 1 FROM quotation_codes c WHERE c.quotation_id = q.id AND c.code_id ${IN_LIST})`
    : `q.id IN (SELECT quotation_id FROM quotation_codes WHERE code_id ${IN_LIST})`;
}

/**
 * Whether a code set of the filter is rare (see RARE_SHARE): with `and` any set, with `or`
 * their union. Links are counted only up to the bound, so the check costs a bounded share too.
 */
export function codeFilterIsRare(p: Project, sets: number[][], mode: 'and' | 'or'): boolean {
  if (sets.length === 0) return false;
  // the highest id stands for the number of quotations: one seek, not a count
  const quotations = (p.db.prepare('SELECT max(id) FROM quotations').pluck().get() as number | null) ?? 0;
  const bound = Math.ceil(quotations / RARE_SHARE);
  const links = p.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM quotation_codes WHERE code_id ${IN_LIST} LIMIT ?)`).pluck();
  const checked = mode === 'and' ? sets : [[...new Set(sets.flat())]];
  return checked.some((ids) => (links.get(listParam(ids), bound) as number) < bound);
}

/**
 * The följeforskning term report: for chosen codes, per term (and group, district), in how many
 * interviews the code was raised out of how many were held that term ("22 av 30"), the trend
 * over the terms and the codes ranked per term. A code counts as raised in an interview when at
 * least one quotation there carries the code or (by default) one of its sub-codes.
 */
import { z } from 'zod';
import type { KofN, TermReport, TermReportRow } from '../../../shared/contract/reports';
import { TermReportRequest } from '../../../shared/contract/reports';
import { formatKofN, percentOf, type Lang } from '../../../shared/format/numbers';
import { wording, type RankPlace } from '../../../shared/wording';
import { attributeLevels } from '../attributes/store';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { describeFilter, resolveFilter } from './filter';
import { attributeValues, codeDocumentPairs, competitionRanks, loadCodes, orderedValues, resolveCodeRefs, subtreeMap, topLevelCodes } from './report-common';

export type TermReportParams = z.output<typeof TermReportRequest>;

export function kofn(k: number, n: number): KofN {
  return { k, n, percent: percentOf(k, n) };
}

export function termReport(p: Project, req: TermReportParams): TermReport {
  const lang: Lang = req.language;
  const filter = { ...req.filter, kinds: req.filter.kinds?.length ? req.filter.kinds : (['interview'] as const).slice() };
  const kept = resolveFilter(p, filter);

  const termOf = attributeValues(p, req.term);
  const groupOf = req.group ? attributeValues(p, req.group) : undefined;
  const districtOf = req.district ? attributeValues(p, req.district) : undefined;

  const docs = kept.ids.filter((d) => termOf.has(d));
  const withoutTerm = kept.ids.length - docs.length;
  const terms = req.terms?.length
    ? [...new Set(req.terms)]
    : orderedValues(attributeLevels(p, req.term), docs.map((d) => termOf.get(d)!));
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const reportDocs = docs.filter((d) => termIndex.has(termOf.get(d)!));
  const groups = groupOf ? orderedValues(attributeLevels(p, req.group!), reportDocs.flatMap((d) => (groupOf.has(d) ? [groupOf.get(d)!] : []))) : [];
  const districts = districtOf ? orderedValues(attributeLevels(p, req.district!), reportDocs.flatMap((d) => (districtOf.has(d) ? [districtOf.get(d)!] : []))) : [];

  const codes = loadCodes(p);
  const chosen = resolveCodeRefs(codes, req.codes, () => topLevelCodes(codes));
  if (chosen.length === 0) throw new UserError('bad-input', 'the project has no codes to report on', undefined, 'projektet har inga koder att rapportera');
  const countsFor = subtreeMap(codes, chosen, req.includeSubcodes);

  // Which chosen codes were raised in which documents: one pass over distinct (code, document) pairs.
  const docSet = new Set(reportDocs);
  const raised = new Map<number, Set<number>>(chosen.map((c) => [c, new Set<number>()]));
  for (const [code, doc] of codeDocumentPairs(p)) {
    if (!docSet.has(doc)) continue;
    const roots = countsFor.get(code);
    if (roots) for (const r of roots) raised.get(r)!.add(doc);
  }

  // n per term, group and district
  const held = terms.map((term) => ({ term, n: 0, groups: zeroes(groups), districts: zeroes(districts) }));
  for (const d of reportDocs) {
    const h = held[termIndex.get(termOf.get(d)!)!]!;
    h.n += 1;
    const g = groupOf?.get(d);
    if (g !== undefined) h.groups[g] = (h.groups[g] ?? 0) + 1;
    const s = districtOf?.get(d);
    if (s !== undefined) h.districts[s] = (h.districts[s] ?? 0) + 1;
  }

  const rows: TermReportRow[] = chosen.map((codeId) => {
    const info = codes.get(codeId)!;
    const inDocs = raised.get(codeId)!;
    const perTerm = terms.map(() => ({ k: 0, groups: zeroes(groups), districts: zeroes(districts) }));
    for (const d of inDocs) {
      const t = perTerm[termIndex.get(termOf.get(d)!)!]!;
      t.k += 1;
      const g = groupOf?.get(d);
      if (g !== undefined) t.groups[g]! += 1;
      const s = districtOf?.get(d);
      if (s !== undefined) t.districts[s]! += 1;
    }
    return {
      codeId,
      name: info.name,
      path: info.path,
      color: info.color,
      total: kofn(inDocs.size, reportDocs.length),
      groupTotals: Object.fromEntries(
        groups.map((g) => [g, kofn(perTerm.reduce((a, t) => a + t.groups[g]!, 0), held.reduce((a, h) => a + (h.groups[g] ?? 0), 0))]),
      ),
      terms: terms.map((term, i) => {
        const t = perTerm[i]!;
        const h = held[i]!;
        return {
          term,
          ...kofn(t.k, h.n),
          groups: Object.fromEntries(groups.map((g) => [g, kofn(t.groups[g]!, h.groups[g]!)])),
          districts: Object.fromEntries(districts.map((s) => [s, kofn(t.districts[s]!, h.districts[s]!)])),
        };
      }),
    };
  });

  const ranking = terms.map((term, i) => rankTerm(term, i, rows, codes, held[i]!.n, lang));

  const trends = rows.flatMap((r) => {
    const held = r.terms.filter((c) => c.n > 0);
    if (held.length < 2) return [];
    const first = held[0]!;
    const last = held[held.length - 1]!;
    // From the shown (rounded) percentages, so the text agrees with the table.
    const change = Math.round((last.percent! - first.percent!) * 10) / 10;
    return [{ codeId: r.codeId, from: first.term, to: last.term, change, text: trendSentence(r.name, first, last, change, lang) }];
  });

  const sentences = terms.flatMap((term, i) => rows.map((r) => ({ term, codeId: r.codeId, text: termSentence(r.name, r.terms[i]!, groups, lang) })));

  return {
    language: lang,
    title: lang === 'sv' ? `Terminsrapport: i hur många intervjuer koderna togs upp, per ${req.term}` : `Term report: interviews in which each code was raised, by ${req.term}`,
    attributes: { term: req.term, group: req.group ?? null, district: req.district ?? null },
    terms,
    groups,
    districts,
    held,
    withoutTerm,
    rows,
    ranking,
    sentences,
    trends,
    notes: wording(lang).termNotes({ term: req.term, includeSubcodes: req.includeSubcodes, withoutTerm, filter: describeFilter(req.filter, lang) }),
  };
}

function zeroes(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/**
 * The ranking of one term: codes raised that term, most often first, equal k sharing a rank and
 * marked tied; codes not raised are left out of the ranking and named in notRaised.
 */
function rankTerm(term: string, i: number, rows: TermReportRow[], codes: Map<number, { order: number; name: string }>, n: number, lang: Lang): TermReport['ranking'][number] {
  const raisedRows = rows.filter((r) => r.terms[i]!.k > 0);
  const order = [...raisedRows].sort((a, b) => b.terms[i]!.k - a.terms[i]!.k || codes.get(a.codeId)!.order - codes.get(b.codeId)!.order);
  const ks = order.map((r) => r.terms[i]!.k);
  const ranks = competitionRanks(ks);
  const entries = order.map((r, j) => ({ codeId: r.codeId, rank: ranks[j]!, tied: ks.filter((k) => k === ks[j]).length > 1, k: ks[j]!, percent: r.terms[i]!.percent }));
  // The top three places in words; a place shared by several codes is one place.
  const places: RankPlace[] = [];
  for (const [j, e] of entries.entries()) {
    const last = places[places.length - 1];
    if (last && last.rank === e.rank) last.names.push(order[j]!.name);
    else if (places.length < 3) places.push({ rank: e.rank, names: [order[j]!.name], k: e.k, n });
    else break;
  }
  const w = wording(lang);
  return {
    term,
    entries,
    notRaised: rows.filter((r) => r.terms[i]!.k === 0).map((r) => r.codeId),
    text: n === 0 ? '' : w.ranking(term, places),
  };
}

/** "Administrativt stöd togs upp i 22 av de 30 intervjuerna (73,3 %)." plus the split by group; the forms live in shared/wording. */
export function termSentence(name: string, cell: KofN & { groups: Record<string, KofN> }, groups: readonly string[], lang: Lang): string {
  const split = groups.filter((g) => (cell.groups[g]?.n ?? 0) > 0).map((g) => `${g}: ${formatKofN(cell.groups[g]!.k, cell.groups[g]!.n, lang)}`);
  return wording(lang).raised({ name, k: cell.k, n: cell.n, percent: cell.percent, split: split.length > 1 ? split.join(', ') : '' });
}

/** "Administrativt stöd: från 72,7 % (HT16) till 22,2 % (HT18), en minskning med 50,5 procentenheter." */
export function trendSentence(name: string, first: KofN & { term: string }, last: KofN & { term: string }, change: number, lang: Lang): string {
  return wording(lang).trend(name, { term: first.term, percent: first.percent! }, { term: last.term, percent: last.percent! }, change);
}

/**
 * Survey frequency tables. A respondent is a document of kind 'survey'; its closed answers are
 * document attributes (one per question, levels in order of first appearance) and its open
 * answers are turns of its text whose speaker label is the question. Tables give Antal and
 * Procent per category, "Ej svar" for respondents without a value and "Totalt"; ranked
 * choices (1st, 2nd, 3rd choice variables) add the total over the choices; open answers
 * coded into categories give "nämns N gånger", split by group.
 */
import type { z } from 'zod';
import type { FrequencyReport, FrequencyTable, OpenAnswers } from '../../../shared/contract/reports';
import type { FrequencyRequest, OpenAnswersRequest } from '../../../shared/contract/reports';
import { describeRounding, formatInteger, percentColumn, type Lang } from '../../../shared/format/numbers';
import { attributeLevels, attributeQuestion } from '../attributes/store';
import type { Project } from '../project/project';
import { describeFilter, resolveFilter } from './filter';
import { wording } from '../../../shared/wording';
import { attributeValues, competitionRanks, loadCodes, orderedValues, resolveCodeRefs, subtreeMap } from './report-common';

export type FrequencyParams = z.output<typeof FrequencyRequest>;
export type OpenAnswersParams = z.output<typeof OpenAnswersRequest>;

export const FREQ_TEXT = {
  sv: { noAnswer: 'Ej svar', total: 'Totalt', count: 'Antal', percent: 'Procent', category: 'Svar', mentions: 'Antal gånger', allChoices: 'Totalt över alternativen', choice: (i: number) => `Alternativ ${i}` },
  en: { noAnswer: 'No answer', total: 'Total', count: 'Count', percent: 'Percent', category: 'Answer', mentions: 'Times', allChoices: 'Total over the choices', choice: (i: number) => `Choice ${i}` },
};

function surveyFilter<F extends { kinds?: ('interview' | 'fieldnote' | 'survey' | 'memo' | 'other')[] }>(f: F): F {
  return { ...f, kinds: f.kinds?.length ? f.kinds : ['survey'] };
}

export function frequencies(p: Project, req: FrequencyParams): FrequencyReport {
  const lang: Lang = req.language;
  const t = FREQ_TEXT[lang];
  const filter = surveyFilter(req.filter);
  const respondents = resolveFilter(p, filter).ids;
  const n = respondents.length;
  const values = req.variables.map((v) => attributeValues(p, v));

  // Ranked choices share one category list, so their tables line up and can be summed.
  const sharedLevels = req.ranked ? mergeLevels(req.variables.map((v) => attributeLevels(p, v))) : undefined;

  const tables: FrequencyTable[] = req.variables.map((variable, vi) => {
    const counts = new Map<string, number>();
    let missing = 0;
    for (const d of respondents) {
      const v = values[vi]!.get(d);
      if (v === undefined) missing += 1;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const levels = sharedLevels ?? attributeLevels(p, variable);
    // Categories: the user's order (all of it, empty ones as 0), then the level order of the values answered;
    // ranked choices show every category of the question so their tables line up.
    const seen = [...counts.keys()];
    // A per-variable order is taken as it is; the shared `order` only moves this variable's own values.
    const wanted = req.orders?.[variable] ?? req.order?.filter((v) => counts.has(v) || levels.includes(v));
    const categories = orderedValues(levels, req.ranked ? [...levels, ...seen] : seen, wanted);
    const showMissing = req.noAnswer === 'always' || (req.noAnswer === 'auto' && missing > 0);
    const column = [...categories.map((c) => counts.get(c) ?? 0), ...(showMissing ? [missing] : [])];
    // Base: every respondent; when "Ej svar" is hidden the percentages are of those who answered.
    const base = showMissing ? n : n - missing;
    const pct = percentColumn(column, base, req.rounding);
    return {
      variable,
      // the question the survey asked, not the column's variable name
      title: req.titles?.[variable] ?? attributeQuestion(p, variable) ?? variable,
      rows: categories.map((label, i) => ({ label, count: column[i]!, percent: pct[i]! })),
      noAnswer: showMissing ? { count: missing, percent: pct[categories.length]! } : null,
      total: { count: base, percent: base > 0 ? 100 : 0 },
    };
  });

  let ranked: FrequencyReport['ranked'] = null;
  if (req.ranked && tables.length > 0) {
    const labels = tables[0]!.rows.map((r) => r.label);
    for (const tb of tables.slice(1)) for (const r of tb.rows) if (!labels.includes(r.label)) labels.push(r.label);
    const rows = labels.map((label) => {
      const counts = tables.map((tb) => tb.rows.find((r) => r.label === label)?.count ?? 0);
      return { label, counts, total: counts.reduce((a, b) => a + b, 0) };
    });
    rows.sort((a, b) => b.total - a.total || labels.indexOf(a.label) - labels.indexOf(b.label));
    const ranks = competitionRanks(rows.map((r) => r.total));
    ranked = {
      variables: req.variables,
      rows: rows.map((r, i) => ({ ...r, rank: ranks[i]! })),
      sentence: wording(lang).mostMentioned(rows),
    };
  }

  const notes = [describeRounding(req.rounding, lang)];
  const f = describeFilter(req.filter, lang); // the user's selection; "surveys only" is the default, not worth a note
  if (f) notes.push(`${lang === 'sv' ? 'Urval' : 'Selection'}: ${f}.`);
  notes.push(
    lang === 'sv'
      ? `${formatInteger(n, lang)} svarande. "${t.noAnswer}" är svarande utan värde för frågan.`
      : `${formatInteger(n, lang)} respondents. "${t.noAnswer}" counts respondents without a value for the question.`,
  );
  return { language: lang, respondents: n, rounding: req.rounding, tables, ranked, notes };
}

/** Levels of several attributes merged, each list's order kept (1st choice's order first). */
function mergeLevels(lists: string[][]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const v of l) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * Open answers coded into categories. A mention is one answer (a respondent's turn for one
 * question, or the whole text when it has no turns) that carries the category code.
 */
export function openAnswers(p: Project, req: OpenAnswersParams): OpenAnswers {
  const lang: Lang = req.language;
  const filter = surveyFilter(req.filter);
  const docs = resolveFilter(p, filter);
  const groupOf = req.group ? attributeValues(p, req.group) : undefined;
  const codes = loadCodes(p);

  // Answers: turns (question = speaker label) of the kept documents.
  const turns = p.db
    .prepare(
      `SELECT t.id, t.document_id AS doc, t.start, t."end" AS end, s.label FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id
       WHERE t.document_id IN (SELECT value FROM json_each(?)) ORDER BY t.document_id, t.start`,
    )
    .all(JSON.stringify(docs.ids)) as { id: number; doc: number; start: number; end: number; label: string | null }[];
  const turnsByDoc = new Map<number, typeof turns>();
  for (const tr of turns) {
    if (!docs.set.has(tr.doc)) continue;
    const list = turnsByDoc.get(tr.doc);
    if (list) list.push(tr);
    else turnsByDoc.set(tr.doc, [tr]);
  }
  const answerKey = (doc: number, start: number): string | null => {
    const list = turnsByDoc.get(doc);
    if (!list) return req.question ? null : `${doc}`;
    const tr = list.find((x) => start >= x.start && start < Math.max(x.end, x.start + 1));
    if (!tr) return req.question ? null : `${doc}`;
    if (req.question && tr.label !== req.question) return null;
    return `${doc}:${tr.id}`;
  };
  let answers = 0;
  for (const d of docs.ids) {
    const list = turnsByDoc.get(d);
    answers += list ? list.filter((x) => !req.question || x.label === req.question).length : req.question ? 0 : 1;
  }

  const links = p.db
    .prepare(
      `SELECT qc.code_id AS code, q.document_id AS doc, q.start FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id
       WHERE q.document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(docs.ids)) as { code: number; doc: number; start: number }[];
  const used = links.filter((l) => docs.set.has(l.doc));
  const chosen = resolveCodeRefs(codes, req.codes, () => {
    // Default: top-level codes used on these documents (the categories of the answers).
    const roots = new Set<number>();
    for (const l of used) {
      let c = codes.get(l.code);
      while (c && c.parentId !== null) c = codes.get(c.parentId);
      if (c) roots.add(c.id);
    }
    return [...roots].sort((a, b) => codes.get(a)!.order - codes.get(b)!.order);
  });
  const countsFor = subtreeMap(codes, chosen, req.includeSubcodes);
  const mentions = new Map<number, Map<string, number>>(chosen.map((c) => [c, new Map()]));
  for (const l of used) {
    const roots = countsFor.get(l.code);
    if (!roots) continue;
    const key = answerKey(l.doc, l.start);
    if (key === null) continue;
    for (const r of roots) mentions.get(r)!.set(key, l.doc);
  }
  const groups = groupOf ? orderedValues(attributeLevels(p, req.group!), docs.ids.flatMap((d) => (groupOf.has(d) ? [groupOf.get(d)!] : []))) : [];
  const rows = chosen.map((codeId) => {
    const m = mentions.get(codeId)!;
    const byGroup: Record<string, number> = Object.fromEntries(groups.map((g) => [g, 0]));
    for (const doc of m.values()) {
      const g = groupOf?.get(doc);
      if (g !== undefined) byGroup[g] = (byGroup[g] ?? 0) + 1;
    }
    const c = codes.get(codeId)!;
    return { codeId, name: c.name, path: c.path, total: m.size, groups: byGroup };
  });
  rows.sort((a, b) => b.total - a.total || codes.get(a.codeId)!.order - codes.get(b.codeId)!.order);
  const times = (n: number): string => (lang === 'sv' ? `nämns ${formatInteger(n, lang)} ${n === 1 ? 'gång' : 'gånger'}` : `mentioned ${formatInteger(n, lang)} ${n === 1 ? 'time' : 'times'}`);
  const lines = rows.map((r) => {
    const split = groups.filter((g) => r.groups[g]! > 0).map((g) => `${g}: ${formatInteger(r.groups[g]!, lang)}`);
    return `${r.name} (${times(r.total)}${split.length ? `; ${split.join(', ')}` : ''})`;
  });
  return { language: lang, question: req.question ?? null, groups, answers, rows, lines };
}

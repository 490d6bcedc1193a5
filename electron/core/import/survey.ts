/**
 * Surveys (CSV/XLSX): each respondent row becomes one document of kind 'survey', named by
 * the respondent id column (or "Svar N"). Closed-answer columns become typed document
 * attributes (levels in order of first appearance); open-answer columns become the text,
 * one turn per answered question whose speaker label is the question (column header).
 */
import type { z } from 'zod';
import type { SurveyOptions as SurveyOptionsSchema } from '../../../shared/contract/import';
import type { NewDocument, NewTurn } from '../documents/store';
import { normalizeText } from '../../../shared/text/normalize';
import { UserError } from '../errors';
import type { Table } from './formats/table';
import { cellText } from './formats/table';
import { canonicalValue, columnType, type AttributeType } from './typed-values';

export type SurveyOptions = z.infer<typeof SurveyOptionsSchema>;

export interface SurveyPlan {
  idColumn: string | null;
  attributeColumns: string[];
  textColumns: string[];
}

const ID_HEADER = /^(id|nr|löpnr|lopnr|respondent(id| ?nr| ?id)?|resp(id| ?nr)?|svars?(id| ?nr| ?id)|deltagare|case|caseid|response ?id)$/i;

/** Which column is which, from the user's choice or from the answers themselves. */
export function planSurvey(table: Table, options: SurveyOptions, file: string): SurveyPlan {
  const headers = table.header.map((h) => h.trim());
  const known = new Set(headers.filter((h) => h));
  for (const h of [options.idColumn, ...(options.attributeColumns ?? []), ...(options.textColumns ?? [])]) {
    if (h !== undefined && !known.has(h)) {
      const columns = headers.filter((x) => x).join(', ');
      throw new UserError('bad-input', `the survey has no column "${h}" (columns: ${columns})`, file, `enkäten har ingen kolumn ”${h}” (kolumner: ${columns})`);
    }
  }
  const idColumn = options.idColumn ?? headers.find((h) => ID_HEADER.test(h)) ?? null;
  const rest = headers.filter((h) => h && h !== idColumn);
  if (options.attributeColumns || options.textColumns) {
    const attrs = options.attributeColumns ?? rest.filter((h) => !options.textColumns!.includes(h));
    const texts = options.textColumns ?? rest.filter((h) => !attrs.includes(h));
    return { idColumn, attributeColumns: attrs, textColumns: texts };
  }
  const attributeColumns: string[] = [];
  const textColumns: string[] = [];
  for (const h of rest) {
    const i = headers.indexOf(h);
    (isOpenAnswer(table.rows.map((r) => r[i] ?? null)) ? textColumns : attributeColumns).push(h);
  }
  return { idColumn, attributeColumns, textColumns };
}

/**
 * Free-text answers are long or have many words; closed answers repeat a few values. A column
 * whose answers are a few values each given by many respondents is closed however long the
 * values are (a ranked choice among "2. Introduktionsprogram och mentorskap för nyanställda" …).
 */
export function isOpenAnswer(values: (string | number | boolean | Date | null)[]): boolean {
  const texts = values.filter((v): v is string => typeof v === 'string');
  if (texts.length === 0) return false;
  if (fewRepeatedValues(texts)) return false;
  const words = texts.map((t) => t.split(/\s+/).length);
  const avgWords = words.reduce((a, b) => a + b, 0) / words.length;
  const distinct = new Set(texts).size / texts.length;
  return avgWords >= 4 || texts.some((t) => t.length > 60) || (distinct > 0.9 && texts.length >= 10 && avgWords >= 2.5);
}

/** At most 30 distinct answers, given three times each on average, nearly every answer a repeat. */
function fewRepeatedValues(texts: string[]): boolean {
  if (texts.length < 12) return false;
  const counts = new Map<string, number>();
  for (const t of texts) {
    const k = t.trim();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (counts.size > 30 || texts.length / counts.size < 3) return false;
  let repeated = 0;
  for (const n of counts.values()) if (n >= 2) repeated += n;
  return repeated / texts.length >= 0.9;
}

export interface SurveyDocuments {
  plan: SurveyPlan;
  /** Attribute column → the question it asked (the question row's text, else the header). */
  questions: Record<string, string>;
  types: Record<string, AttributeType>;
  documents: NewDocument[];
}

export function surveyDocuments(whole: Table, options: SurveyOptions, file: string): SurveyDocuments {
  // A question row is no respondent: it names the questions and is left out of the answers.
  const questionRow = options.questionRow ? (whole.rows[0] ?? []) : null;
  const table: Table = questionRow ? { ...whole, rows: whole.rows.slice(1) } : whole;
  const plan = planSurvey(table, options, file);
  const col = (h: string): number => table.header.findIndex((x) => x.trim() === h);
  const types: Record<string, AttributeType> = {};
  for (const h of plan.attributeColumns) types[h] = columnType(table.rows.map((r) => r[col(h)] ?? null));
  const used = new Map<string, number>();
  const documents: NewDocument[] = table.rows.map((row, n) => {
    const idCell = plan.idColumn === null ? null : row[col(plan.idColumn)] ?? null;
    let name = idCell === null ? `Svar ${n + 1}` : cellText(idCell).trim() || `Svar ${n + 1}`;
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = `${name} (${seen + 1})`;
    let text = '';
    const turns: NewTurn[] = [];
    for (const q of plan.textColumns) {
      const answer = normalizeText(cellText(row[col(q)] ?? null)).trim();
      if (!answer) continue;
      if (text) text += '\n\n';
      const question = normalizeText(q);
      text += `${question}\n`;
      const start = text.length;
      text += answer;
      turns.push({ start, end: text.length, speaker: question, timestamp: null });
    }
    const attributes: Record<string, string> = {};
    for (const h of plan.attributeColumns) {
      const v = canonicalValue(row[col(h)] ?? null, types[h]!);
      if (v !== null) attributes[h] = v;
    }
    return {
      name,
      kind: 'survey',
      text,
      turns,
      speakers: [...new Set(turns.map((t) => t.speaker!))].map((label) => ({ label })),
      attributes,
    };
  });
  const questions: Record<string, string> = {};
  for (const h of plan.attributeColumns) {
    const asked = questionRow ? normalizeText(cellText(questionRow[col(h)] ?? null)).trim() : '';
    questions[h] = asked || normalizeText(h);
  }
  return { plan, types, questions, documents };
}

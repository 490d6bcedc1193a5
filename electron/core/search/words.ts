/**
 * Word frequencies by stem, with stop words removed, over the project, a code's quotations
 * or a group of documents (an attribute value, a document group, a kind), and the comparison
 * of two such groups (chef vs medarbetare) with the log-likelihood statistic (G²) that corpus
 * linguistics uses for "which words are typical of this group".
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { z } from 'zod';
import type { WordComparison as WordComparisonSchema, WordFrequencies as WordFrequenciesSchema, WordScope } from '../../../shared/contract/search';
import { resolveFilter } from '../analysis/filter';
import { resolveCode } from '../coding/code-resolve';
import { subtreeIds } from '../coding/codes';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { documentLanguage, isStopWord, stem, type SearchLanguage } from './language';
import { passagesOf, readSpeakers } from './passages';
import { tokenize } from './text';

export type { WordScope };

export type WordRow = WordFrequencies['rows'][number];

export type WordFrequencies = z.infer<typeof WordFrequenciesSchema>;

interface Counts {
  words: number;
  counted: number;
  documents: Set<number>;
  byStem: Map<string, { count: number; docs: Set<number>; forms: Map<string, number> }>;
}

interface WordOptions {
  limit?: number;
  minCount?: number;
  lang?: SearchLanguage;
  includeSpeakerNames?: boolean;
}

export function wordFrequencies(p: Project, scope: WordScope, options: WordOptions = {}): WordFrequencies {
  const counts = countWords(p, scope, options);
  const rows = toRows(counts).filter((r) => r.count >= (options.minCount ?? 1));
  return { words: counts.words, counted: counts.counted, documents: counts.documents.size, rows: rows.slice(0, options.limit ?? rows.length) };
}

export type CompareRow = WordComparison['rows'][number];

export type WordComparison = z.infer<typeof WordComparisonSchema>;

export function compareWords(p: Project, a: WordScope, b: WordScope, options: WordOptions = {}): WordComparison {
  const ca = countWords(p, a, options);
  const cb = countWords(p, b, options);
  const stems = new Set([...ca.byStem.keys(), ...cb.byStem.keys()]);
  const rows: CompareRow[] = [];
  for (const s of stems) {
    const x = ca.byStem.get(s);
    const y = cb.byStem.get(s);
    const countA = x?.count ?? 0;
    const countB = y?.count ?? 0;
    if (countA + countB < (options.minCount ?? 1)) continue;
    const pa = ca.counted ? (countA / ca.counted) * 1000 : 0;
    const pb = cb.counted ? (countB / cb.counted) * 1000 : 0;
    rows.push({
      stem: s,
      word: topForm(mergeForms(x?.forms, y?.forms)),
      countA,
      countB,
      perThousandA: round(pa, 3),
      perThousandB: round(pb, 3),
      g2: round(logLikelihood(countA, countB, ca.counted, cb.counted), 3),
      more: pa > pb ? 'A' : pb > pa ? 'B' : '=',
    });
  }
  rows.sort((r, s) => s.g2 - r.g2 || s.countA + s.countB - (r.countA + r.countB) || r.word.localeCompare(s.word, 'sv'));
  const summary = (c: Counts) => ({ words: c.words, counted: c.counted, documents: c.documents.size });
  return { a: summary(ca), b: summary(cb), rows: rows.slice(0, options.limit ?? rows.length) };
}

/** Dunning's log-likelihood for a word seen a times in corpus A (size n) and b times in B (size m). */
export function logLikelihood(a: number, b: number, n: number, m: number): number {
  if (n === 0 || m === 0) return 0;
  const e1 = (n * (a + b)) / (n + m);
  const e2 = (m * (a + b)) / (n + m);
  const term = (o: number, e: number): number => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

/**
 * The words of speakers' labels and names ("Ali", "Berg", "Fatima Nilsson"): left out of the
 * counts by default, or the most distinctive words of a group are its participants' names
 * (and "Anna" is stemmed together with "annan"). Initials of one letter are stop words anyway.
 */
export function speakerNameWords(speakers: Map<number, { label: string; name: string | null }>): Set<string> {
  const out = new Set<string>();
  for (const s of speakers.values()) {
    for (const part of [s.label, s.name ?? '']) {
      for (const t of tokenize(part.normalize('NFC'))) if (t.norm.length >= 2 && !/^\d+$/.test(t.norm)) out.add(t.norm);
    }
  }
  return out;
}

function countWords(p: Project, scope: WordScope, options: WordOptions): Counts {
  const forceLang = options.lang;
  const filter = resolveFilter(p, scope.filter);
  const speakers = readSpeakers(p);
  const names = options.includeSpeakerNames ? new Set<string>() : speakerNameWords(speakers);
  const docs = p.db.prepare('SELECT id, text, language FROM documents ORDER BY position, id').all() as { id: number; text: string; language: string | null }[];
  const turnsOf = p.db.prepare('SELECT document_id, speaker_id, start, "end" FROM turns WHERE document_id = ? ORDER BY start, id');
  let quoteSpans: Map<number, [number, number][]> | undefined;
  if (scope.code !== undefined) {
    const codeId = typeof scope.code === 'number' ? scope.code : resolveCode(p, scope.code);
    if (!p.db.prepare('SELECT 1 FROM codes WHERE id = ?').get(codeId)) throw new UserError('not-found', `no code with id ${codeId}`);
    const ids = subtreeIds(p, codeId);
    const rows = p.db
      .prepare(`SELECT DISTINCT q.document_id AS doc, q.start, q."end" FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id WHERE qc.code_id ${IN_LIST} ORDER BY q.document_id, q.start`)
      .all(listParam(ids)) as { doc: number; start: number; end: number }[];
    quoteSpans = new Map();
    for (const r of rows) {
      const list = quoteSpans.get(r.doc) ?? [];
      // Overlapping quotations of the code are counted once.
      const last = list[list.length - 1];
      if (last && r.start < last[1]) last[1] = Math.max(last[1], r.end);
      else list.push([r.start, r.end]);
      quoteSpans.set(r.doc, list);
    }
  }
  const counts: Counts = { words: 0, counted: 0, documents: new Set(), byStem: new Map() };
  for (const d of docs) {
    if (!filter.set.has(d.id)) continue;
    if (quoteSpans && !quoteSpans.has(d.id)) continue;
    const lang = forceLang ?? documentLanguage(d.language, d.text);
    const passages = passagesOf(d.id, d.text, turnsOf.all(d.id) as never[], speakers).filter(
      (x) => !(scope.excludeInterviewer && x.speakerId !== null && speakers.get(x.speakerId)?.isInterviewer),
    );
    const spans: [number, number][] = [];
    if (quoteSpans) {
      // Quotation text, without speaker labels and without interviewer turns if asked.
      for (const [qs, qe] of quoteSpans.get(d.id)!) {
        for (const ps of passages) {
          const s = Math.max(qs, ps.start);
          const e = Math.min(qe, ps.end);
          if (e > s) spans.push([s, e]);
        }
      }
    } else for (const ps of passages) spans.push([ps.start, ps.end]);
    let any = false;
    for (const [s, e] of spans) {
      for (const t of tokenize(d.text, s, e)) {
        counts.words++;
        if (isStopWord(t.norm, lang) || /^\d+$/.test(t.norm) || names.has(t.norm)) continue;
        counts.counted++;
        any = true;
        const st = stem(t.norm, lang);
        let entry = counts.byStem.get(st);
        if (!entry) counts.byStem.set(st, (entry = { count: 0, docs: new Set(), forms: new Map() }));
        entry.count++;
        entry.docs.add(d.id);
        entry.forms.set(t.norm, (entry.forms.get(t.norm) ?? 0) + 1);
      }
    }
    if (any) counts.documents.add(d.id);
  }
  return counts;
}

function toRows(c: Counts): WordRow[] {
  const collator = new Intl.Collator('sv');
  const rows: WordRow[] = [];
  for (const [s, e] of c.byStem) {
    rows.push({ stem: s, word: topForm(e.forms), count: e.count, documents: e.docs.size, perThousand: round(c.counted ? (e.count / c.counted) * 1000 : 0, 3) });
  }
  return rows.sort((a, b) => b.count - a.count || collator.compare(a.word, b.word));
}

function topForm(forms: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [f, c] of forms) if (c > n || (c === n && f < best)) [best, n] = [f, c];
  return best;
}

function mergeForms(a?: Map<string, number>, b?: Map<string, number>): Map<string, number> {
  const out = new Map(a ?? []);
  for (const [f, c] of b ?? []) out.set(f, (out.get(f) ?? 0) + c);
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

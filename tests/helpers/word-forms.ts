/**
 * The Swedish word-form list (tests/fixtures/sv-word-forms.json, issue 13 §6) measured through
 * `search.query`: every listed form once in one Swedish document, each query's matched forms
 * compared with what the list says it should and should not find. Used by the test that
 * prints recall and precision and by `npm run bench` (search section).
 */
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import list from '../fixtures/sv-word-forms.json';

export interface WordFormEntry {
  query: string;
  should: string[];
  shouldNot: string[];
}

export const WORD_FORM_LIST: { words: WordFormEntry[] } = list;

export interface WordFormScore {
  recall: number;
  precision: number;
  tp: number;
  fn: number;
  fp: number;
  misses: string[];
  wrong: string[];
}

export async function measureWordForms(dir: string, options: { compounds: boolean; lexicon: boolean }): Promise<WordFormScore> {
  const all = [...new Set(WORD_FORM_LIST.words.flatMap((w) => [...w.should, ...w.shouldNot]))];
  const s = new Session('test');
  const p = s.createProject(path.join(dir, `forms-${options.compounds ? 'c' : ''}${options.lexicon ? 'l' : ''}-${process.pid}-${Math.random().toString(36).slice(2)}.rodtrad`));
  // every form once, in sentences of ten words
  const sentences: string[] = [];
  for (let i = 0; i < all.length; i += 10) sentences.push(`${all.slice(i, i + 10).join(' ')}.`);
  insertDocument(p, { name: 'Ordformer', kind: 'other', text: sentences.join('\n\n'), language: 'sv' });
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  try {
    for (const w of WORD_FORM_LIST.words) {
      const r = await dispatch(s, 'search.query', { query: w.query, limit: 1, ...options });
      const found = new Set(r.forms.map((f) => f.form));
      for (const f of w.should) {
        if (found.has(f)) tp++;
        else {
          fn++;
          misses.push(`${w.query}→${f}`);
        }
      }
      for (const f of found) {
        if (w.should.includes(f)) continue;
        fp++;
        wrong.push(`${w.query}→${f}`);
      }
    }
  } finally {
    s.closeProject();
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp), tp, fn, fp, misses, wrong };
}

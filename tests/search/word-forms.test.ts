/**
 * Every Swedish form a reader expects (issue 13 §6): the list in tests/fixtures/sv-word-forms.json
 * (written for this test: nouns, verbs, adjectives, compounds, with the forms each word
 * should and should not find) is searched in a document holding every listed form; recall and
 * precision are printed for Snowball alone, with compounds, and with the Swedish lexicon.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { swedishLexicon } from '../../electron/core/search/sv-lexicon';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';

interface Entry {
  query: string;
  should: string[];
  shouldNot: string[];
}
const LIST = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/sv-word-forms.json'), 'utf8')) as { words: Entry[] };
const ALL = [...new Set(LIST.words.flatMap((w) => [...w.should, ...w.shouldNot]))];

async function measure(dir: string, options: { compounds: boolean; lexicon: boolean }) {
  const s = new Session('test');
  const p = s.createProject(path.join(dir, `forms-${Math.random().toString(36).slice(2)}.rodtrad`));
  // every form once, in sentences of ten words
  const sentences: string[] = [];
  for (let i = 0; i < ALL.length; i += 10) sentences.push(`${ALL.slice(i, i + 10).join(' ')}.`);
  insertDocument(p, { name: 'Ordformer', kind: 'other', text: sentences.join('\n\n'), language: 'sv' });
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const w of LIST.words) {
    const r = await dispatch(s, 'search.query', { query: w.query, limit: 1, ...options });
    const found = new Set(r.forms.map((f) => f.form));
    for (const f of w.should) {
      if (found.has(f)) {
        tp++;
      } else {
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
  s.closeProject();
  return { recall: tp / (tp + fn), precision: tp / (tp + fp), tp, fn, fp, misses, wrong };
}

const show = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
  console.log(
    `[sv word forms] ${name}: recall ${m.recall.toFixed(3)}, precision ${m.precision.toFixed(3)} (${m.tp} found, ${m.fn} missed, ${m.fp} wrong)` +
      `${m.misses.length ? `\n  missed: ${m.misses.join(', ')}` : ''}${m.wrong.length ? `\n  wrong: ${m.wrong.join(', ')}` : ''}`,
  );

describe('Swedish word forms', () => {
  const dir = tempDir('rodtrad-forms');

  it('the list has at least 200 forms of nouns, verbs, adjectives and compounds', () => {
    expect(LIST.words.reduce((n, w) => n + w.should.length + w.shouldNot.length, 0)).toBeGreaterThanOrEqual(200);
  });

  it('Snowball alone, and with compounds: measured and printed', async () => {
    const snowball = await measure(dir, { compounds: false, lexicon: false });
    show('Snowball alone', snowball);
    const compounds = await measure(dir, { compounds: true, lexicon: false });
    show('Snowball + compounds (no lexicon)', compounds);
    expect(compounds.recall).toBeGreaterThan(snowball.recall);
  });

  const noLexicon = skipUnless('Swedish lexicon word forms', swedishLexicon() ? { path: 'dictionary-sv', missing: null } : { path: null, missing: 'needs the dictionary-sv package (npm) or RODTRAD_SV_DICTIONARY' });
  it.skipIf(noLexicon)('with the Swedish lexicon and compounds: recall ≥ 0.95 at precision ≥ 0.95', async () => {
    const m = await measure(dir, { compounds: true, lexicon: true });
    show('lexicon + compounds', m);
    expect(m.recall).toBeGreaterThanOrEqual(0.95);
    expect(m.precision).toBeGreaterThanOrEqual(0.95);
  });
});

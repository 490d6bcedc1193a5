/**
 * Every Swedish form a reader expects (issue 13 §6): the list in tests/fixtures/sv-word-forms.json
 * (written for this test: nouns, verbs, adjectives, compounds, with the forms each word
 * should and should not find) is searched in a document holding every listed form; recall and
 * precision are printed for Snowball alone, with compounds, and with the Swedish lexicon.
 */
import { describe, expect, it } from 'vitest';
import { swedishLexicon } from '../../electron/core/search/sv-lexicon';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { measureWordForms as measure, WORD_FORM_LIST as LIST } from '../helpers/word-forms';

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

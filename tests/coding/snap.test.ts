import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../electron/core/coding/snap';
import { normalizeText } from '../../shared/text/normalize';
import { tempDir } from '../helpers/tmp';
import { TRICKY, makeEnv } from './fixture';

/** The span of a substring, found independently of the snapping code. */
function spanOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length };
}

describe('snapToWords', () => {
  const text = 'Vi bollar ärendet med kollegan – barn-och-unga-enheten, can’t stop. Åsa sa: "ja!"';

  it('widens a selection inside words to whole words, Swedish letters included', () => {
    const s = spanOf(text, 'ollar ärend');
    expect(text.slice(...Object.values(snapToWords(text, s.start, s.end)) as [number, number])).toBe('bollar ärendet');
    const r = snapToWords(text, text.indexOf('Åsa') + 1, text.indexOf('Åsa') + 2);
    expect(text.slice(r.start, r.end)).toBe('Åsa');
  });

  it('keeps hyphens and apostrophes inside words, not at their edges', () => {
    const i = text.indexOf('och-unga');
    const r = snapToWords(text, i + 1, i + 2);
    expect(text.slice(r.start, r.end)).toBe('barn-och-unga-enheten');
    const j = text.indexOf('can’t');
    const r2 = snapToWords(text, j, j + 2);
    expect(text.slice(r2.start, r2.end)).toBe('can’t');
    const k = text.indexOf('"ja!"');
    const r3 = snapToWords(text, k + 1, k + 2);
    expect(text.slice(r3.start, r3.end)).toBe('ja');
  });

  it('trims surrounding whitespace and leaves punctuation where the user put it', () => {
    const i = text.indexOf(' ärendet ');
    const r = snapToWords(text, i, i + ' ärendet '.length);
    expect(text.slice(r.start, r.end)).toBe('ärendet');
    const j = text.indexOf('stop.');
    const r2 = snapToWords(text, j, j + 5);
    expect(text.slice(r2.start, r2.end)).toBe('stop.');
  });

  it('never splits a surrogate pair, a ZWJ emoji sequence or a base letter from its combining mark', () => {
    const t = normalizeText(TRICKY);
    // Start in the middle of 😀's surrogate pair.
    const e = t.indexOf('😀');
    const r = snapToWords(t, e + 1, e + 2);
    expect(t.slice(r.start, r.end)).toBe('😀');
    expect(r.start).toBe(e);
    // Selecting one surrogate of a ZWJ family gives the whole family, never half of it.
    const f = t.indexOf('👨');
    const r2 = snapToWords(t, f + 3, f + 4);
    expect(t.slice(r2.start, r2.end)).toBe('👨‍👩‍👧');
    // A selection ending inside the word after the emoji takes the whole word.
    const r2b = snapToWords(t, t.indexOf('fam') + 1, t.indexOf('ilj') + 1);
    expect(t.slice(r2b.start, r2b.end)).toBe('fam👨‍👩‍👧ilj');
    // "cafe\u0301" has no precomposed form in some fonts but NFC makes é; "a\u030A" becomes å.
    expect(t).toContain('café');
    expect(t).toContain('ångest');
    const c = t.indexOf('café');
    const r3 = snapToWords(t, c, c + 3);
    expect(t.slice(r3.start, r3.end)).toBe('café');
  });

  it('keeps combining marks with their base even in text that is not NFC', () => {
    const t = 'x cafe\u0301 y e\u0301\u0302z';
    const r = snapToWords(t, 2, 6); // "cafe" without its accent
    expect(t.slice(r.start, r.end)).toBe('cafe\u0301');
    const r2 = snapToWords(t, t.length - 4, t.length - 3);
    expect(t.slice(r2.start, r2.end)).toBe('e\u0301\u0302z');
  });
});

describe('offsets through the core', () => {
  const dir = tempDir('rodtrad-snap');

  it('stores UTF-16 offsets into the NFC, \\n text that came from \\r\\n, emoji and combining characters', async () => {
    const env = makeEnv(dir);
    const doc = await env.call('documents.get', { id: env.trickyId });
    expect(doc.text).not.toContain('\r');
    for (const word of ['😀', 'fam👨‍👩‍👧ilj', 'café', 'ångest', 'slut']) {
      const s = spanOf(doc.text, word);
      const q = await env.call('quotations.create', { documentId: env.trickyId, start: s.start, end: s.end, snap: 'none' });
      expect(q.text).toBe(word);
      expect([q.start, q.end]).toEqual([s.start, s.end]);
      // Offsets count UTF-16 units: the same slice of the text the UI holds.
      expect(doc.text.slice(q.start, q.end)).toBe(word);
    }
    // Snapping from inside the second line's label to the word after the emoji on line 1.
    const line2 = doc.text.indexOf('Andra');
    const q = await env.call('quotations.create', { documentId: env.trickyId, start: line2 + 2, end: doc.text.indexOf('ilj') + 1 });
    expect(q.text).toBe('Andra: fam👨‍👩‍👧ilj');
    // A quotation over the line break (which was \r\n) counts it as one unit.
    const a = doc.text.indexOf('emoji.');
    const b = doc.text.indexOf('Andra') + 5;
    const q2 = await env.call('quotations.create', { documentId: env.trickyId, start: a, end: b });
    expect(q2.text).toBe('emoji.\nAndra');
    expect(q2.end - q2.start).toBe('emoji.\nAndra'.length);
    env.session.closeProject();
  });

  it('refuses offsets outside the document and empty spans', async () => {
    const env = makeEnv(dir);
    const len = (await env.call('documents.get', { id: env.trickyId })).chars;
    await expect(env.call('quotations.create', { documentId: env.trickyId, start: 0, end: len + 1 })).rejects.toThrow(/does not lie within/);
    await expect(env.call('quotations.create', { documentId: env.trickyId, start: 5, end: 5, snap: 'none' })).rejects.toThrow(/empty/);
    const doc = await env.call('documents.get', { id: env.trickyId });
    const nl = doc.text.indexOf('\n');
    await expect(env.call('quotations.create', { documentId: env.trickyId, start: nl, end: nl + 1 })).rejects.toThrow(/only white space/);
    expect((await env.call('project.info', {})).counts.quotations).toBe(0);
    env.session.closeProject();
  });
});

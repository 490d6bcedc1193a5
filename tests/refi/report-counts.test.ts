/** The import report's counts read as a writer would write them: "1 kod", "2 koder", "1 coding", "20 000 citat". */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import refi from '../../renderer/src/i18n/resources/refi';
import { refiCountsLine } from '../../renderer/src/components/refi/counts-line';

async function translator(lng: 'sv' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { sv: { translation: refi.sv }, en: { translation: refi.en } }, interpolation: { escapeValue: false } });
  return i.t;
}

const ones = { users: 1, codes: 1, sources: 1, selections: 1, codings: 1, notes: 1, sets: 1, variables: 1, cases: 0 };
const many = { users: 3, codes: 152, sources: 144, selections: 20000, codings: 27714, notes: 0, sets: 2, variables: 4, cases: 0 };

describe('the REFI import report counts', () => {
  it('in Swedish, each noun in the number it takes', async () => {
    const t = await translator('sv');
    expect(refiCountsLine(ones, t)).toBe('1 kodare, 1 kod, 1 dokument, 1 citat med 1 kodning, 1 memo, 1 dokumentgrupp, 1 attribut');
    // thousands grouped with a (non-breaking) space, as in the rest of the Swedish window
    expect(refiCountsLine(many, t)).toBe('3 kodare, 152 koder, 144 dokument, 20\u00a0000 citat med 27\u00a0714 kodningar, 0 memon, 2 dokumentgrupper, 4 attribut');
  });

  it('in English likewise', async () => {
    const t = await translator('en');
    expect(refiCountsLine(ones, t)).toBe('1 coder, 1 code, 1 document, 1 quotation with 1 coding, 1 memo, 1 document group, 1 attribute');
    expect(refiCountsLine(many, t)).toBe('3 coders, 152 codes, 144 documents, 20,000 quotations with 27,714 codings, 0 memos, 2 document groups, 4 attributes');
  });
});

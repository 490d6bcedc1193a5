import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { undo } from '../../electron/core/undo/journal';
import { tempDir } from '../helpers/tmp';
import { INTERVIEW_A, writeFixture } from './fixture';

const dir = tempDir('code-hits');

/** The sentence of INTERVIEW_A around a word, found here independently of the core. */
function sentenceWith(text: string, word: string): string {
  const sentences = text.split('\n').flatMap((line) => line.replace(/^[A-Z]{1,3}: /, '').match(/[^.!?]+[.!?]?/g) ?? []);
  const s = sentences.find((x) => x.includes(word));
  if (!s) throw new Error(`no sentence with ${word}`);
  return s.trim();
}

describe('code all hits', () => {
  it('creates one quotation per hit, widened to the sentence, with a code created from its path; one undo step', async () => {
    const s = new Session('test');
    const p = s.openProject(writeFixture(dir, 'a.rodtrad'));
    const before = p.db.prepare('SELECT count(*) FROM quotations').pluck().get() as number;
    const r = await dispatch(s, 'search.query', { query: 'samverkan', compounds: false });
    expect(r.total).toBe(2);
    const coded = await dispatch(s, 'search.codeHits', { hits: r.hits, code: 'Samverkan/Skola', createCode: true, expand: 'sentence' });
    expect(coded.created).toBe(2);
    const quotes = await dispatch(s, 'quotations.list', { codeId: coded.codeId });
    expect(quotes.map((q) => q.text)).toEqual([sentenceWith(INTERVIEW_A, 'Samverkan med'), sentenceWith(INTERVIEW_A, 'idé om samverkan')]);
    const tree = await dispatch(s, 'codes.tree', {});
    expect(tree.find((c) => c.id === coded.codeId)?.path).toBe('Samverkan/Skola');

    // coding the same hits again links nothing new and creates no duplicates
    const again = await dispatch(s, 'search.codeHits', { hits: r.hits, code: 'Samverkan/Skola', createCode: true, expand: 'sentence' });
    expect(again).toMatchObject({ created: 0, linked: 0 });
    expect(p.db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(before + 2);

    // one undo removes both quotations (and the code made for them)
    undo(p);
    expect(p.db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(before);
    expect(p.db.prepare("SELECT count(*) FROM codes WHERE name = 'Skola'").pluck().get()).toBe(0);
    s.dispose();
  });

  it('widens to the word, the paragraph or the whole speaker turn (without the label)', async () => {
    const s = new Session('test');
    const p = s.openProject(writeFixture(dir, 'b.rodtrad'));
    const r = await dispatch(s, 'search.query', { query: '"fasta tjänster"' });
    const hit = r.hits[0]!;
    const word = await dispatch(s, 'search.codeHits', { hits: [{ documentId: hit.documentId, start: hit.start + 2, end: hit.start + 3 }], code: 'Ord', createCode: true, expand: 'word' });
    const turn = await dispatch(s, 'search.codeHits', { hits: [hit], code: 'Replik', createCode: true, expand: 'turn' });
    const para = await dispatch(s, 'search.codeHits', { hits: [hit], code: 'Stycke', createCode: true, expand: 'paragraph' });
    const text = (id: number) => p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
    const slice = (x: { documentId: number; start: number; end: number }) => text(x.documentId).slice(x.start, x.end);
    expect(slice(word.spans[0]!)).toBe('fasta');
    const turnLine = INTERVIEW_A.split('\n').find((l) => l.includes('fasta tjänster'))!;
    expect(slice(turn.spans[0]!)).toBe(turnLine.replace(/^CS: /, ''));
    expect(slice(para.spans[0]!)).toBe(turnLine.replace(/^CS: /, ''));
    s.dispose();
  });

  it('refuses hits outside the document and leaves nothing half-written', async () => {
    const s = new Session('test');
    const p = s.openProject(writeFixture(dir, 'c.rodtrad'));
    const r = await dispatch(s, 'search.query', { query: 'samverkan' });
    const bad = [...r.hits, { documentId: r.hits[0]!.documentId, start: 999_999, end: 1_000_000 }];
    await expect(dispatch(s, 'search.codeHits', { hits: bad, code: 'Fel/Kod', createCode: true, expand: 'word' })).rejects.toThrow(/does not lie within/);
    expect(p.db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(0);
    expect(p.db.prepare("SELECT count(*) FROM codes WHERE name = 'Fel'").pluck().get()).toBe(0);
    s.dispose();
  });
});

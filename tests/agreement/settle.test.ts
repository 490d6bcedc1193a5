/** Seeing and settling two coders' disagreements on a code, one undoable step each; the figures follow. */
import { describe, expect, it } from 'vitest';
import { makeEnv } from '../coding/fixture';
import { tempDir } from '../helpers/tmp';

describe('disagreements', () => {
  const dir = tempDir('rodtrad-settle');

  it('lists the units where two coders differ and settles them: first, neither, undo, both', async () => {
    const e = makeEnv(dir, 'settle');
    const turns = e.p.db.prepare('SELECT id FROM turns WHERE document_id = ? ORDER BY start').pluck().all(e.interviewId) as number[];
    const x = (await e.call('codes.create', { name: 'X' })).id;
    await e.call('project.setCoder', { name: 'Anna' });
    for (const i of [0, 1, 2]) await e.call('quotations.codeTurn', { turnId: turns[i]!, codeIds: [x] });
    await e.call('project.setCoder', { name: 'Bo' });
    for (const i of [1, 2, 3]) await e.call('quotations.codeTurn', { turnId: turns[i]!, codeIds: [x] });
    await e.call('project.setCoder', { name: 'Konsensus' });
    const pair = { coders: ['Anna', 'Bo'], code: 'X', unit: 'turn' as const };
    const alpha = async () => (await e.call('agreement.compute', { coders: pair.coders, codes: ['X'], unit: 'turn', bootstrap: 0 })).codes[0]!.alpha;

    const list = await e.call('agreement.disagreements', pair);
    expect(list).toHaveLength(2);
    expect(list.map((d) => d.coders.map((c) => c.coded))).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(list[0]!.text).toContain(list[0]!.coders[0]!.quotations[0]!.text);
    expect(list[0]!.coders[1]!.quotations).toEqual([]);
    expect(await alpha()).toBeCloseTo(7 / 18, 12);

    // Accept Anna's version of the first: Bo now has it too.
    const first = list[0]!;
    expect(await e.call('agreement.settle', { coders: pair.coders, code: 'X', documentId: first.documentId, start: first.start, end: first.end, accept: 'first' })).toEqual({ removed: 0, added: 1 });
    expect(await e.call('agreement.disagreements', pair)).toHaveLength(1);
    // Neither for the second: Bo's coding of that turn goes.
    const second = list[1]!;
    expect(await e.call('agreement.settle', { coders: pair.coders, code: 'X', documentId: second.documentId, start: second.start, end: second.end, accept: 'neither' })).toEqual({ removed: 1, added: 0 });
    expect(await e.call('agreement.disagreements', pair)).toHaveLength(0);
    expect(await alpha()).toBeCloseTo(1, 12);

    // Each settlement is one undo step.
    const state = await e.call('history.state', {});
    expect(state.undoLabel).toBe('Settle "X" (–)');
    await e.call('history.undo', {});
    expect(await e.call('agreement.disagreements', pair)).toHaveLength(1);
    // Both: Anna gets Bo's coding of that turn as well.
    expect(await e.call('agreement.settle', { coders: pair.coders, code: 'X', documentId: second.documentId, start: second.start, end: second.end, accept: 'both' })).toEqual({ removed: 0, added: 1 });
    expect(await e.call('agreement.disagreements', pair)).toHaveLength(0);
    const annas = e.p.db.prepare("SELECT count(*) FROM quotation_codes l JOIN coders k ON k.id = l.coder_id WHERE k.name = 'Anna'").pluck().get();
    expect(annas).toBe(4);
    await expect(e.call('agreement.disagreements', { ...pair, coders: ['Anna', 'Nobody'] })).rejects.toThrow(/no coder "Nobody"/);
    e.session.dispose();
  });

  it('shows one document unit by unit with each coder\'s quotations, marking only the units where one present coder coded', async () => {
    const e = makeEnv(dir, 'document');
    const turns = e.p.db.prepare('SELECT id, start, "end" FROM turns WHERE document_id = ? ORDER BY start').all(e.interviewId) as { id: number; start: number; end: number }[];
    const x = (await e.call('codes.create', { name: 'X' })).id;
    await e.call('project.setCoder', { name: 'Anna' });
    for (const i of [0, 1, 2]) await e.call('quotations.codeTurn', { turnId: turns[i]!.id, codeIds: [x] });
    // Anna alone coded the field note: Bo is missing there, so nothing in it is a disagreement.
    await e.call('quotations.create', { documentId: e.trickyId, start: 0, end: 5, codeIds: [x] });
    await e.call('project.setCoder', { name: 'Bo' });
    for (const i of [1, 2, 3]) await e.call('quotations.codeTurn', { turnId: turns[i]!.id, codeIds: [x] });
    const ask = { coders: ['Anna', 'Bo'], code: 'X', unit: 'turn' as const };

    const doc = await e.call('agreement.document', { ...ask, documentId: e.interviewId });
    expect(doc.documentName).toBe('Gruppintervju 1');
    expect(doc.coders.map((c) => [c.name, c.present])).toEqual([
      ['Anna', true],
      ['Bo', true],
    ]);
    // Every turn is a unit, in order, each trimmed of white space.
    expect(doc.units).toHaveLength(turns.length);
    expect(doc.units.map((u) => doc.text.slice(u.start, u.end))).toEqual(turns.map((t) => doc.text.slice(t.start, t.end).trim()));
    expect(doc.units.map((u) => u.coded)).toEqual([
      [true, false],
      [true, true],
      [true, true],
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(doc.units.map((u) => u.disagreement)).toEqual([true, false, false, true, false, false]);
    // The flagged units are exactly the listed disagreements of this document.
    const listed = (await e.call('agreement.disagreements', ask)).filter((d) => d.documentId === e.interviewId);
    expect(doc.units.filter((u) => u.disagreement).map((u) => [u.start, u.end])).toEqual(listed.map((d) => [d.start, d.end]));
    // Each coder's quotations (a turn's text after the speaker's label), by the unit they lie in.
    const unitOf = (q: { start: number; end: number }): number => doc.units.findIndex((u) => u.start <= q.start && q.end <= u.end);
    expect(doc.quotations.filter((q) => q.coder === 0).map(unitOf)).toEqual([0, 1, 2]);
    expect(doc.quotations.filter((q) => q.coder === 1).map(unitOf)).toEqual([1, 2, 3]);

    const note = await e.call('agreement.document', { ...ask, documentId: e.trickyId });
    expect(note.coders.map((c) => c.present)).toEqual([true, false]);
    expect(note.units.some((u) => u.coded[0])).toBe(true);
    expect(note.units.every((u) => !u.disagreement)).toBe(true);
    await expect(e.call('agreement.document', { ...ask, documentId: 9999 })).rejects.toThrow(/no document with id 9999/);
    e.session.dispose();
  });
});

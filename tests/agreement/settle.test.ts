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
});

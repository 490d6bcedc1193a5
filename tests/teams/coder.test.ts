/**
 * Coders: every project copy has a current coder (name + GUID); every quotation and code link
 * records its coder and time, through undo and redo, and a coder's turn coding stays theirs.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from '../coding/fixture';

describe('current coder and recorded coder/time', () => {
  const dir = tempDir('rodtrad-coder');

  it('sets the coder by name with a GUID, and records coder and injected time on quotations and links, undo and redo included', async () => {
    const e = makeEnv(dir);
    let clock = '2026-03-01T10:00:00.000Z';
    e.p.now = () => clock;
    const before = await e.call('project.coder', {});
    expect(before.chosen).toBe(false);
    const anna = await e.call('project.setCoder', { name: 'Anna' });
    expect(anna.guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await e.call('project.coder', {})).toEqual({ id: anna.id, name: 'Anna', guid: anna.guid, chosen: true });

    const code = await e.call('codes.create', { name: 'Bollande' });
    const q = await e.call('quotations.create', { documentId: e.interviewId, start: 60, end: 80, codeIds: [code.id] });
    expect(q.coder).toBe('Anna');
    expect(q.createdAt).toBe(clock);
    clock = '2026-03-02T09:00:00.000Z';
    const bo = await e.call('project.setCoder', { name: 'Bo' });
    expect(bo.guid).not.toBe(anna.guid);
    const other = await e.call('codes.create', { name: 'Tänja' });
    await e.call('quotations.addCodes', { quotationId: q.id, codeIds: [other.id] });
    const links = () =>
      e.p.db.prepare('SELECT c.name AS code, k.name AS coder, l.created_at AS at FROM quotation_codes l JOIN codes c ON c.id = l.code_id JOIN coders k ON k.id = l.coder_id ORDER BY c.name').all();
    const expected = [
      { code: 'Bollande', coder: 'Anna', at: '2026-03-01T10:00:00.000Z' },
      { code: 'Tänja', coder: 'Bo', at: '2026-03-02T09:00:00.000Z' },
    ];
    expect(links()).toEqual(expected);
    // The quotation stays Anna's when Bo adds a code to it.
    expect((await e.call('quotations.get', { id: q.id })).coder).toBe('Anna');

    // Undo and redo restore the exact rows, coder and time included.
    await e.call('history.undo', {});
    expect(links()).toEqual([expected[0]]);
    await e.call('history.undo', {}); // the code Tänja
    await e.call('history.undo', {}); // the quotation
    expect(e.p.db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(0);
    for (let i = 0; i < 3; i++) await e.call('history.redo', {});
    expect(links()).toEqual(expected);
    const row = e.p.db.prepare('SELECT k.name, q.created_at FROM quotations q JOIN coders k ON k.id = q.coder_id').get();
    expect(row).toEqual({ name: 'Anna', created_at: '2026-03-01T10:00:00.000Z' });
    e.session.dispose();
  });

  it("coding a speaker turn another coder already coded gives the second coder a quotation of their own", async () => {
    const e = makeEnv(dir);
    const turn = e.p.db.prepare('SELECT id FROM turns WHERE document_id = ? ORDER BY start LIMIT 1 OFFSET 1').pluck().get(e.interviewId) as number;
    const code = await e.call('codes.create', { name: 'Bollande' });
    await e.call('project.setCoder', { name: 'Anna' });
    const a = await e.call('quotations.codeTurn', { turnId: turn, codeIds: [code.id] });
    await e.call('project.setCoder', { name: 'Bo' });
    const b = await e.call('quotations.codeTurn', { turnId: turn, codeIds: [code.id] });
    expect(b.id).not.toBe(a.id);
    expect([a.coder, b.coder]).toEqual(['Anna', 'Bo']);
    expect([b.start, b.end]).toEqual([a.start, a.end]);
    // The same coder coding the turn again reuses their quotation.
    const again = await e.call('quotations.codeTurn', { turnId: turn, codeIds: [code.id] });
    expect(again.id).toBe(b.id);
    e.session.dispose();
  });

  it("coding search hits on a span another coder quoted gives the current coder a quotation of their own", async () => {
    const e = makeEnv(dir);
    const text = e.p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(e.interviewId) as string;
    const at = text.indexOf('bollar');
    const hit = { documentId: e.interviewId, start: at, end: at + 'bollar'.length };
    await e.call('project.setCoder', { name: 'Anna' });
    const a = await e.call('search.codeHits', { hits: [hit], code: 'Bollande', createCode: true, expand: 'word' });
    await e.call('project.setCoder', { name: 'Bo' });
    const b = await e.call('search.codeHits', { hits: [hit], code: 'Bollande', createCode: true, expand: 'word' });
    expect(b.created).toBe(1);
    expect(b.quotationIds[0]).not.toBe(a.quotationIds[0]);
    const coders = e.p.db.prepare('SELECT k.name FROM quotations q JOIN coders k ON k.id = q.coder_id ORDER BY q.id').pluck().all();
    expect(coders).toEqual(['Anna', 'Bo']);
    e.session.dispose();
  });

  it('rodtrad coder shows and sets the coder (a real process)', () => {
    const file = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    const shown = rodtrad(['coder', file, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).chosen).toBe(false);
    const set = rodtrad(['coder', file, '--set', 'Anna', '--json']);
    expect(set.code).toBe(0);
    const c = JSON.parse(set.stdout);
    expect(c).toMatchObject({ name: 'Anna', chosen: true });
    expect(c.guid).toMatch(/^[0-9a-f-]{36}$/);
    const human = rodtrad(['coder', file]);
    expect(human.stdout).toContain('Anna');
    expect(human.stdout).toContain(c.guid);
    expect(rodtrad(['coder', file, '--set']).code).toBe(2);
    expect(rodtrad(['coder', path.join(dir, 'missing.rodtrad')]).code).toBe(1);
  });
});

/**
 * Input that cannot be stored as given is refused with a clear message, not silently changed:
 * a quotation that ends before it starts, an exact offset inside a surrogate pair. Code
 * names and paths are NFC like document names, so a decomposed "å" finds the same code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { dump, makeEnv, TRICKY } from './fixture';
import { normalizeText } from '../../shared/text/normalize';

describe('refused quotation input', () => {
  const dir = tempDir('rodtrad-refused');

  it('a quotation whose end lies before its start is refused, in both snap modes, and nothing is written', async () => {
    const env = makeEnv(dir);
    const before = dump(env.p);
    for (const snap of ['word', 'none'] as const) {
      await expect(env.call('quotations.create', { documentId: env.interviewId, start: 40, end: 20, snap })).rejects.toThrow(/quotation 40-20 ends before it starts/);
    }
    const q = await env.call('quotations.create', { documentId: env.interviewId, start: 20, end: 40, snap: 'none' });
    await expect(env.call('quotations.update', { id: q.id, start: 50, end: 45 })).rejects.toThrow(/ends before it starts/);
    expect((await env.call('quotations.update', { id: q.id, comment: 'x' })).start).toBe(20);
    await env.call('history.undo', {});
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    env.session.closeProject();
  });

  it('an exact offset inside a surrogate pair is refused (it would export as U+FFFD); snapped offsets still move off it', async () => {
    const env = makeEnv(dir);
    const text = normalizeText(TRICKY);
    const emoji = text.indexOf('😀');
    const before = dump(env.p);
    await expect(env.call('quotations.create', { documentId: env.trickyId, start: emoji + 1, end: emoji + 8, snap: 'none' })).rejects.toThrow(
      new RegExp(`offset ${emoji + 1} splits a character`),
    );
    await expect(env.call('quotations.create', { documentId: env.trickyId, start: 0, end: emoji + 1, snap: 'none' })).rejects.toThrow(/splits a character/);
    expect(dump(env.p)).toEqual(before);
    const snapped = await env.call('quotations.create', { documentId: env.trickyId, start: emoji + 1, end: emoji + 8 });
    expect(snapped.start).toBeLessThanOrEqual(emoji);
    expect(snapped.text.includes('\uFFFD')).toBe(false);
    env.session.closeProject();
  });

  it('code names and paths are NFC: a decomposed name is stored composed and finds the same code', async () => {
    const env = makeEnv(dir);
    const { codeByPath } = await import('../../electron/core/coding/codes');
    const decomposed = 'Sa\u030Amverkan';
    const c = await env.call('codes.create', { name: decomposed });
    expect((await env.call('codes.tree', {})).find((x) => x.id === c.id)!.name).toBe('Såmverkan');
    expect(codeByPath(env.p, 'Såmverkan')).toBe(c.id);
    expect(codeByPath(env.p, `${decomposed}/Ny`, { create: true })).toBe(codeByPath(env.p, 'Såmverkan/Ny'));
    await expect(env.call('codes.create', { name: 'Såmverkan' })).rejects.toThrow(/already exists/);
    env.session.closeProject();
  });

  it('rodtrad code refuses --end before --start (exit 1, one line, nothing stored)', () => {
    const sample = path.join(dir, 's.rodtrad');
    expect(rodtrad(['sample', sample]).code).toBe(0);
    const docs = JSON.parse(rodtrad(['docs', sample, '--json']).stdout) as { name: string }[];
    const doc = docs[0]!.name;
    const back = rodtrad(['code', sample, '--doc', doc, '--start', '30', '--end', '10', '--code', 'X', '--create-codes']);
    expect(back.code).toBe(1);
    expect(back.stderr.trim()).toMatch(/quotation 30-10 ends before it starts/);
    expect(back.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(rodtrad(['quotes', sample, '--json']).stdout).total).toBe(0);
  });
});

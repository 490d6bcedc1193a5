/**
 * Codes from what a user types (issue 13 §4): a full path, a unique name or path suffix; the
 * nearest codes suggested when none matches; a code made only when creation is asked for.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from './fixture';

describe('finding a code by what is typed', () => {
  const dir = tempDir('rodtrad-code-resolve');

  async function tree() {
    const env = makeEnv(dir);
    const id = async (name: string, parentId: number | null) => (await env.call('codes.create', { name, parentId })).id;
    const pf = await id('Påverkansfaktorer', null);
    const arb = await id('Arbetsbelastning och personalomsättning', pf);
    const yrk = await id('Yrkeserfarenhet', pf);
    const org = await id('Organisation', null);
    const org1 = await id('Ledning', org);
    const other = await id('Ledning', pf);
    return { env, pf, arb, yrk, org1, other };
  }

  it('takes a unique name or path suffix, refuses an ambiguous one, suggests the nearest when none matches', async () => {
    const { env, arb, yrk, org1 } = await tree();
    expect((await env.call('codes.byPath', { path: 'Yrkeserfarenhet' })).id).toBe(yrk);
    expect((await env.call('codes.byPath', { path: 'yrkeserfarenhet' })).id).toBe(yrk);
    expect((await env.call('codes.byPath', { path: 'Påverkansfaktorer/Yrkeserfarenhet' })).id).toBe(yrk);
    expect((await env.call('codes.byPath', { path: 'Organisation/Ledning' })).id).toBe(org1);
    await expect(env.call('codes.byPath', { path: 'Ledning' })).rejects.toThrow(/matches 2 codes \("Påverkansfaktorer\/Ledning", "Organisation\/Ledning"\)|matches 2 codes/);
    await expect(env.call('codes.byPath', { path: 'Yrkeserfarenhter' })).rejects.toThrow(/no code "Yrkeserfarenhter"; nearest: "Påverkansfaktorer\/Yrkeserfarenhet"/);
    // the search's "code selected hits" with the existing sub-code's name: no new code
    const before = (await env.call('codes.tree', {})).length;
    const hits = (await env.call('documents.get', { id: env.interviewId })).turnList.slice(1, 3).map((t) => ({ documentId: env.interviewId, start: t.start + 4, end: t.start + 8 }));
    const coded = await env.call('search.codeHits', { hits, code: 'Arbetsbelastning och personalomsättning', expand: 'word' });
    expect(coded.codeId).toBe(arb);
    expect((await env.call('codes.tree', {})).length).toBe(before);
    // a code that does not exist is made only when asked for
    await expect(env.call('search.codeHits', { hits, code: 'Helt ny', expand: 'word' })).rejects.toThrow(/no code "Helt ny"/);
    expect((await env.call('codes.tree', {})).length).toBe(before);
    const made = await env.call('search.codeHits', { hits, code: 'Sökträffar/Helt ny', createCode: true, expand: 'word' });
    expect((await env.call('codes.tree', {})).find((c) => c.id === made.codeId)?.path).toBe('Sökträffar/Helt ny');
    env.session.closeProject();
  });

  it('the CLI accepts a name for --code and --code-all and suggests codes when none matches', () => {
    const file = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['sample', file]).code).toBe(0);
    expect(rodtrad(['codebook', file, '--load', 'ifo-table1']).code).toBe(0);
    const docs = JSON.parse(rodtrad(['docs', file, '--json']).stdout) as { name: string }[];
    const ok = rodtrad(['code', file, '--doc', docs[2]!.name, '--start', '10', '--end', '40', '--code', 'Bollande', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const codes = JSON.parse(rodtrad(['codes', file, '--json']).stdout) as { path: string; quotations: number }[];
    expect(codes.find((c) => c.path.endsWith('/Bollande'))?.quotations).toBe(1);
    const bad = rodtrad(['code', file, '--doc', docs[2]!.name, '--start', '10', '--end', '40', '--code', 'Bolande']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no code "Bolande"; nearest: ".*\/Bollande"/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const all = rodtrad(['search', file, 'samverkan', '--code-all', 'bollande', '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(rodtrad(['codes', file, '--json']).stdout).length).toBe(codes.length);
    expect(rodtrad(['search', file, 'samverkan', '--code-all', 'Inget sådant']).code).toBe(1);
  });
});

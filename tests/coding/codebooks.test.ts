/** Bundled codebooks load as the reference says; CSV and indented-text codebooks round-trip. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvCodebook, parseTextCodebook } from '../../electron/core/codebooks/io';
import type { CodebookNode } from '../../electron/core/codebooks/bundled';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from './fixture';

interface RefNode {
  name: string;
  children?: RefNode[];
}
/** Paths of a nested tree, depth-first. */
function paths(nodes: { name: string; children?: unknown[] }[], prefix: string[] = []): string[] {
  return nodes.flatMap((n) => {
    const p = [...prefix, n.name.replace(/\//g, '\\/')];
    return [p.join('/'), ...paths((n.children ?? []) as RefNode[], p)];
  });
}

describe('codebooks', () => {
  const dir = tempDir('rodtrad-codebooks');

  it('lists the bundled codebooks and loads Table 1 exactly as the reference tree, twice without duplicates', async () => {
    const env = makeEnv(dir);
    const list = await env.call('codebooks.list', {});
    expect(list.map((b) => b.id)).toEqual(['ifo-table1', 'handlingsplan']);
    const ref = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/table1-tree.json'), 'utf8')) as { sections: { title: string }[] };
    const r = await env.call('codebooks.load', { id: 'ifo-table1' });
    expect(r.created).toBe(r.codes);
    const tree = await env.call('codes.tree', {});
    expect(tree.length).toBe(list[0]!.codes);
    const top = tree.filter((c) => c.depth === 0).map((c) => c.name);
    expect(top.length).toBe(3);
    // The article's three themes, in its order, are the top-level codes.
    expect(top).toEqual(ref.sections.map((s) => s.title));
    expect(tree.filter((c) => c.depth === 1 && c.parentId === tree[0]!.id).map((c) => c.name)).toEqual(['I professionella kontakter', 'I situationer där klienten medverkar']);
    expect(tree.every((c) => c.definition)).toBe(true);
    expect((await env.call('codebooks.load', { id: 'ifo-table1' })).created).toBe(0);
    env.session.closeProject();
  });

  it('loads the action plan: thirteen numbered areas from the seed plus Övrigt, with English definitions when asked in English', async () => {
    const env = makeEnv(dir);
    await env.call('codebooks.load', { id: 'handlingsplan', language: 'en' });
    const tree = await env.call('codes.tree', {});
    expect(tree.length).toBe(14);
    const { areas } = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/action-plan-areas.json'), 'utf8')) as { areas: string[] };
    expect(areas).toHaveLength(13);
    for (let i = 1; i <= 13; i++) {
      const code = tree[i - 1]!;
      expect(code.name.startsWith(`${i}. `)).toBe(true);
      expect(code.name).toBe(areas[i - 1]); // the exact wording of the plan
      expect(code.definition).toMatch(/^[A-Z][A-Za-z ,'()-]+$/); // English, no Swedish letters
    }
    expect(tree[13]!.name).toBe('Övrigt');
    env.session.closeProject();
  });

  it('the bundled codebooks carry Swedish definitions, which a Swedish load uses', async () => {
    const env = makeEnv(dir);
    await env.call('codebooks.load', { id: 'ifo-table1' });
    await env.call('codebooks.load', { id: 'handlingsplan', language: 'sv' });
    const tree = await env.call('codes.tree', {});
    expect(tree).toHaveLength(28 + 14);
    // Swedish: no English function words, and the Swedish letters and words show up
    for (const c of tree) expect(c.definition, c.path).not.toMatch(/\b(the|and|of|for|with|between)\b/);
    expect(tree.filter((c) => /[åäö]/.test(c.definition ?? '')).length).toBeGreaterThan(20);
    expect(tree.find((c) => c.name === 'Bollande')!.definition).toBe('Att vända sig till kollegor för att pröva tankar och få stöd i ett ärende');
    const list = await env.call('codebooks.list', {});
    expect(list[0]!.description).toMatch(/^Teman, koder och underkoder/);
    expect((await env.call('codebooks.list', { language: 'en' }))[0]!.description).toMatch(/^Themes, codes and sub-codes/);
    env.session.closeProject();
  });

  it('round-trips the code tree through CSV and indented text (file and content)', async () => {
    const env = makeEnv(dir);
    await env.call('codebooks.load', { id: 'ifo-table1' });
    await env.call('codes.create', { name: 'Med / snedstreck', definition: 'Slash in name', inclusion: 'Ta med', exclusion: 'Inte' });
    const original = await env.call('codes.tree', {});
    const strip = (t: typeof original) => t.map((c) => ({ path: c.path, definition: c.definition, color: c.color, inclusion: c.inclusion, exclusion: c.exclusion }));
    const csvFile = path.join(dir, 'bok.csv');
    const txtFile = path.join(dir, 'bok.txt');
    expect((await env.call('codebooks.export', { format: 'csv', path: csvFile })).codes).toBe(original.length);
    await env.call('codebooks.export', { format: 'txt', path: txtFile });
    const txt = readFileSync(txtFile, 'utf8');
    expect(txt.split('\n')[1]).toMatch(/^ {2}I professionella kontakter \| Informell organisering mellan yrkesverksamma, utan att klienten är med$/);

    const viaCsv = makeEnv(dir, 'csv');
    await viaCsv.call('codebooks.load', { path: csvFile });
    expect(strip(await viaCsv.call('codes.tree', {}))).toEqual(strip(original));
    const viaTxt = makeEnv(dir, 'txt');
    await viaTxt.call('codebooks.load', { content: txt, format: 'txt', name: 'bok' });
    const fromTxt = await viaTxt.call('codes.tree', {});
    expect(fromTxt.map((c) => [c.path, c.definition])).toEqual(original.map((c) => [c.path, c.definition]));
    for (const e of [env, viaCsv, viaTxt]) e.session.closeProject();
  });

  it('reads tabs or two spaces per level, " — " separators, and hand-made CSV with level columns', () => {
    const tabs = 'Tema\t\n\tKod — A code\n\t\tUnderkod | A sub-code\n\tKod 2\nTema 2';
    const spaces = 'Tema\n  Kod — A code\n    Underkod | A sub-code\n  Kod 2\nTema 2\n';
    const expected: CodebookNode[] = [
      { name: 'Tema', children: [{ name: 'Kod', definition: 'A code', children: [{ name: 'Underkod', definition: 'A sub-code' }] }, { name: 'Kod 2' }] },
      { name: 'Tema 2' },
    ];
    expect(parseTextCodebook(tabs)).toEqual(expected);
    expect(parseTextCodebook(spaces)).toEqual(expected);
    expect(() => parseTextCodebook('A\n  B\n      C', 'x.txt')).toThrow(/line 3: indented more than one level/);
    expect(() => parseTextCodebook('A\n  B\n   C', 'x.txt')).toThrow(/line 3: the indentation/);
    const csv = 'Nivå 1;Nivå 2;Nivå 3;Beskrivning\nTema;;;\nTema;Kod;;A code\nTema;Kod;Underkod;A sub-code\nTema;Kod 2;;\nTema 2;;;\n';
    expect(parseCsvCodebook(csv)).toEqual(expected);
    expect(paths(parseCsvCodebook('Kod,Definition\nA/B,x\nA/C\\/D,y\n'))).toEqual(['A', 'A/B', 'A/C\\/D']);
  });

  it('rejects a bad codebook file with a message naming the file and leaves the tree untouched', async () => {
    const env = makeEnv(dir);
    const bad = path.join(dir, 'trasig.txt');
    writeFileSync(bad, 'A\n  B\n      C\n');
    await expect(env.call('codebooks.load', { path: bad })).rejects.toThrow(/trasig\.txt.*line 3|line 3/);
    await expect(env.call('codebooks.load', { path: path.join(dir, 'saknas.csv') })).rejects.toThrow(/cannot read/);
    expect((await env.call('codes.tree', {})).length).toBe(0);
    env.session.closeProject();
  });
});

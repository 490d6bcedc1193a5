/** Merge, move, split and delete keep every quotation and link where it belongs. */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { consistency, makeEnv, type Env } from './fixture';

type Links = Map<number, Set<number>>; // quotation → code ids
function links(env: Env): Links {
  const out: Links = new Map();
  for (const q of env.p.db.prepare('SELECT id FROM quotations').pluck().all() as number[]) out.set(q, new Set());
  for (const r of env.p.db.prepare('SELECT quotation_id AS q, code_id AS c FROM quotation_codes').all() as { q: number; c: number }[]) out.get(r.q)!.add(r.c);
  return out;
}

/** Builds a tree A(A1, A2(A2x)), B(B1, A1), C and quotations coded in overlapping ways. */
async function build(env: Env) {
  const mk = async (name: string, parentId?: number) => (await env.call('codes.create', { name, parentId })).id;
  const A = await mk('A');
  const A1 = await mk('A1', A);
  const A2 = await mk('A2', A);
  const A2x = await mk('A2x', A2);
  const B = await mk('B');
  const B1 = await mk('B1', B);
  const BA1 = await mk('A1', B); // same name as A's child: merging B into A must merge these
  const C = await mk('C');
  const text = (await env.call('documents.get', { id: env.interviewId })).text;
  const words = [...text.matchAll(/\p{L}+/gu)].slice(0, 12);
  const q = async (i: number, codeIds: number[]) =>
    (await env.call('quotations.create', { documentId: env.interviewId, start: words[i]!.index!, end: words[i]!.index! + words[i]![0].length, codeIds })).id;
  const quotes = [await q(0, [A, B]), await q(1, [B]), await q(2, [A1, BA1]), await q(3, [BA1]), await q(4, [B1, C]), await q(5, [A2x]), await q(6, [])];
  return { A, A1, A2, A2x, B, B1, BA1, C, quotes };
}

describe('code tree changes keep quotations and links right', () => {
  const dir = tempDir('rodtrad-tree');

  it('merge moves every link to the target without duplicates and merges same-named sub-codes', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    await env.call('memos.create', { title: 'Om B', codeId: t.B });
    const before = links(env);
    const r = await env.call('codes.merge', { sourceIds: [t.B], targetId: t.A });
    // Expected links computed from the links before: B → A, B's A1 → A's A1, B1 moves under A unchanged.
    const expected: Links = new Map();
    for (const [q, codes] of before) {
      expected.set(q, new Set([...codes].map((c) => (c === t.B ? t.A : c === t.BA1 ? t.A1 : c))));
    }
    expect(links(env)).toEqual(expected);
    expect(r.deleted).toBe(2); // B and its A1
    const tree = await env.call('codes.tree', {});
    expect(tree.map((c) => c.path)).toEqual(['A', 'A/A1', 'A/A2', 'A/A2/A2x', 'A/B1', 'C']);
    expect(tree.map((c) => c.position)).toEqual([0, 0, 1, 0, 2, 1]);
    const a = tree.find((c) => c.id === t.A)!;
    expect(a.quotations).toBe(new Set([...expected].filter(([, c]) => c.has(t.A)).map(([q]) => q)).size);
    expect((await env.call('memos.list', { codeId: t.A })).map((m) => m.title)).toEqual(['Om B']);
    expect((await env.call('project.info', {})).counts.quotations).toBe(t.quotes.length);
    expect(consistency(env.p)).toEqual([]);
    env.session.closeProject();
  });

  it('refuses to merge a code into its own sub-code, changing nothing', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    const before = links(env);
    await expect(env.call('codes.merge', { sourceIds: [t.A], targetId: t.A2x })).rejects.toThrow(/lies below it/);
    expect(links(env)).toEqual(before);
    env.session.closeProject();
  });

  it('move keeps links, renumbers both sibling lists and refuses cycles and name clashes', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    const before = links(env);
    await env.call('codes.move', { id: t.A2, parentId: t.C, position: 0 });
    await env.call('codes.move', { id: t.C, parentId: null, position: 0 });
    let tree = await env.call('codes.tree', {});
    expect(tree.map((c) => `${c.path}@${c.position}`)).toEqual(['C@0', 'C/A2@0', 'C/A2/A2x@0', 'A@1', 'A/A1@0', 'B@2', 'B/B1@0', 'B/A1@1']);
    expect(links(env)).toEqual(before);
    // Subtree counts follow the move: C now includes A2x's quotation.
    expect(tree.find((c) => c.id === t.C)!.quotationsDeep).toBe(2);
    await expect(env.call('codes.move', { id: t.C, parentId: t.A2x, position: 0 })).rejects.toThrow(/into itself/);
    await expect(env.call('codes.move', { id: t.BA1, parentId: t.A, position: 0 })).rejects.toThrow(/already exists/);
    // Reorder within the same parent.
    await env.call('codes.move', { id: t.BA1, parentId: t.B, position: 0 });
    tree = await env.call('codes.tree', {});
    expect(tree.filter((c) => c.parentId === t.B).map((c) => c.id)).toEqual([t.BA1, t.B1]);
    expect(consistency(env.p)).toEqual([]);
    env.session.closeProject();
  });

  it('delete removes the subtree and only its links; every quotation stays', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    const before = links(env);
    const r = await env.call('codes.delete', { id: t.A });
    const gone = new Set([t.A, t.A1, t.A2, t.A2x]);
    const expected: Links = new Map([...before].map(([q, c]) => [q, new Set([...c].filter((x) => !gone.has(x)))]));
    expect(links(env)).toEqual(expected);
    expect(r.codes).toBe(4);
    expect(r.links).toBe([...before.values()].reduce((n, c) => n + [...c].filter((x) => gone.has(x)).length, 0));
    expect((await env.call('codes.tree', {})).map((c) => `${c.path}@${c.position}`)).toEqual(['B@0', 'B/B1@0', 'B/A1@1', 'C@1']);
    env.session.closeProject();
  });

  it('split moves the listed quotations to new sub-codes and leaves the rest', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    const onB = [...links(env)].filter(([, c]) => c.has(t.B)).map(([q]) => q);
    expect(onB.length).toBe(2);
    const { ids } = await env.call('codes.split', { id: t.B, parts: [{ name: 'B-del', quotationIds: [onB[0]!] }] });
    const after = links(env);
    expect(after.get(onB[0]!)!.has(t.B)).toBe(false);
    expect(after.get(onB[0]!)!.has(ids[0]!)).toBe(true);
    expect(after.get(onB[1]!)!.has(t.B)).toBe(true);
    const tree = await env.call('codes.tree', {});
    const sub = new Set([t.B, t.B1, t.BA1, ids[0]!]);
    expect(tree.find((c) => c.id === t.B)!.quotationsDeep).toBe([...after].filter(([, c]) => [...c].some((x) => sub.has(x))).length);
    expect(tree.find((c) => c.id === ids[0])!.parentId).toBe(t.B);
    await expect(env.call('codes.split', { id: t.B, parts: [{ name: 'X', quotationIds: [t.quotes[6]!] }] })).rejects.toThrow(/not coded with/);
    env.session.closeProject();
  });

  it('update renames with a clash check and edits notes', async () => {
    const env = makeEnv(dir);
    const t = await build(env);
    await expect(env.call('codes.update', { id: t.A2, name: 'A1' })).rejects.toThrow(/already exists/);
    await env.call('codes.update', { id: t.A2, name: 'A två', definition: 'Def', inclusion: 'Ta med', exclusion: 'Inte', color: '#aabbcc' });
    const c = (await env.call('codes.tree', {})).find((x) => x.id === t.A2)!;
    expect([c.name, c.path, c.definition, c.inclusion, c.exclusion, c.color]).toEqual(['A två', 'A/A två', 'Def', 'Ta med', 'Inte', '#aabbcc']);
    env.session.closeProject();
  });
});

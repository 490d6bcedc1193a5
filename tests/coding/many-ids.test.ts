/**
 * No list the contract accepts may reach SQLite's limit on bound variables (32,766): lists
 * of ids go in as one JSON parameter. 40,000 ids in every filter, and a code with 40,000
 * sub-codes (whose subtree becomes an id list inside the core).
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { makeEnv, type Env } from './fixture';

const MANY = 40_000;
const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** A code "Bred" with MANY sub-codes, one of them applied to a quotation in the interview. */
async function wideCode(env: Env): Promise<{ parent: number; quotation: number }> {
  const parent = (await env.call('codes.create', { name: 'Bred' })).id;
  const insert = env.p.db.prepare("INSERT INTO codes(guid, parent_id, name, color, position, created_at) VALUES (?, ?, ?, '#000000', ?, 'now')");
  env.p.transaction(() => {
    for (let i = 0; i < MANY; i++) insert.run(`g-${i}`, parent, `Under ${i}`, i);
  });
  const child = env.p.db.prepare("SELECT id FROM codes WHERE name = 'Under 7'").pluck().get() as number;
  const q = await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 120, codeIds: [child] });
  return { parent, quotation: q.id };
}

describe(`${MANY} ids in one filter`, () => {
  const dir = tempDir('rodtrad-many-ids');

  it('quotations.query and speakers.autocode take 40,000 document ids', async () => {
    const env = makeEnv(dir);
    await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 10 });
    expect((await env.call('quotations.query', { documentIds: ids(MANY) })).total).toBe(1);
    expect((await env.call('quotations.query', { documentIds: ids(MANY), where: { termin: Array.from({ length: MANY }, (_, i) => (i === 5 ? 'HT16' : `v${i}`)) } })).total).toBe(1);
    const auto = await env.call('speakers.autocode', { documentIds: ids(MANY) });
    expect(auto.quotations).toBeGreaterThan(0);
    env.session.closeProject();
  });

  it('theme tables, matrices, co-occurrence and word counts take 40,000 ids in their filters', async () => {
    const env = makeEnv(dir);
    await env.call('codebooks.load', { id: 'ifo-table1' });
    const code = (await env.call('codes.tree', {}))[1]!;
    await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 10, codeIds: [code.id] });
    const filter = { documentIds: ids(MANY), where: { termin: Array.from({ length: MANY }, (_, i) => (i === 5 ? 'HT16' : `v${i}`)) } };
    const codeIds = (await env.call('codes.tree', {})).map((c) => c.id);
    const matrix = await env.call('tables.matrix', { filter, codeIds });
    expect(matrix.totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const co = await env.call('tables.cooccurrence', { filter, codeIds });
    expect(co.by).toBe('overlap');
    const words = await env.call('words.frequencies', { scope: { filter } });
    expect(words.words).toBeGreaterThan(0);
    env.session.closeProject();
  });

  it('a code with 40,000 sub-codes lists, queries, exports and deletes (and the delete undoes)', async () => {
    const env = makeEnv(dir);
    const { parent, quotation } = await wideCode(env);
    expect((await env.call('quotations.query', { codeIds: [parent] })).rows.map((r) => r.id)).toEqual([quotation]);
    expect((await env.call('quotations.query', { codeIds: [parent, parent], codeMode: 'and' })).total).toBe(1);
    const words = await env.call('words.frequencies', { scope: { code: parent } });
    expect(words.words).toBeGreaterThan(0);
    const tree = await env.call('codes.tree', {});
    expect(tree.find((c) => c.id === parent)!.quotationsDeep).toBe(1);
    const removed = await env.call('codes.delete', { id: parent });
    expect(removed).toBeTruthy();
    await env.call('history.undo', {});
    expect((await env.call('quotations.query', { codeIds: [parent] })).total).toBe(1);
    env.session.closeProject();
  });
});

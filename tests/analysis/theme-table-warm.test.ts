/**
 * A warm theme table (unchanged project: the live preview) reuses what the first one derived
 * from the cached coding index — each code's quotations with its sub-codes and its document
 * count — instead of walking every quotation again; a write starts afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { loadCodingIndex, memoOf, subtree } from '../../electron/core/analysis/coding-index';
import { createQuotation } from '../../electron/core/coding/quotations';
import { tempDir } from '../helpers/tmp';
import { buildFixture } from './fixture';
import type { Fixture } from './fixture';

const dir = tempDir('theme-warm');
let fx: Fixture;
let session: Session;

beforeAll(() => {
  fx = buildFixture(dir, { documents: 8, quotations: 150 });
  session = new Session('test', fx.p);
});
afterAll(() => session.closeProject());

const request = { layout: 'ifo-table1', options: { counts: 'k-of-n' as const, quotes: 2 } };

describe('theme table kept warm', () => {
  it('keeps the counts with the cached index and reuses them on an unchanged project', async () => {
    const first = await dispatch(session, 'tables.themeTable', request);
    const memo = memoOf(loadCodingIndex(fx.p, null));
    const shown = first.sections.flatMap((s) => [s.codeId, ...s.columns.flatMap((c) => c.items.flatMap(function ids(b): number[] { return [b.codeId, ...b.children.flatMap(ids)]; }))]);
    for (const id of shown) expect(memo.documents.has(id)).toBe(true);
    const lists = new Map(memo.deep);

    const second = await dispatch(session, 'tables.themeTable', request);
    expect(second).toEqual(first);
    // the very same lists: nothing was walked or rebuilt
    expect(memoOf(loadCodingIndex(fx.p, null))).toBe(memo);
    for (const [id, list] of lists) expect(memo.deep.get(id)).toBe(list);
  });

  it('derives afresh after a write', async () => {
    const before = await dispatch(session, 'tables.themeTable', request);
    const bullet = before.sections[1]!.columns[0]!.items[0]!;
    const memo = memoOf(loadCodingIndex(fx.p, null));
    // a document the code has no quotation in yet, so the k of n count moves too
    const below = new Set(subtree(loadCodingIndex(fx.p, null), bullet.codeId));
    const doc = fx.docs.find((d) => !fx.quotes.some((q) => q.documentId === d.id && q.codes.some((c) => below.has(c))));
    const id = createQuotation(fx.p, { documentId: (doc ?? fx.docs[0]!).id, start: 0, end: 5, codeIds: [bullet.codeId] });
    const after = await dispatch(session, 'tables.themeTable', request);
    expect(memoOf(loadCodingIndex(fx.p, null))).not.toBe(memo);
    const moved = after.sections[1]!.columns[0]!.items[0]!;
    expect(moved.count.quotations).toBe(bullet.count.quotations + 1);
    expect(moved.count.documents).toBe(bullet.count.documents + (doc ? 1 : 0));
    fx.p.db.prepare('DELETE FROM quotations WHERE id = ?').run(id);
  });
});

/**
 * A theme table asked for again while nothing changed (the live preview) derives nothing
 * again: the deep quotation lists and document counts live with the cached coding index. On
 * 1,440 interviews with 200,000 quotations every warm table rebuilt them (376 ms). So do the
 * example candidates in runs of one document with their most readable quotation: every warm
 * table walked each code's quotations for its examples (50 ms of the 60 at that size).
 */
import { describe, expect, it } from 'vitest';
import { clearCodingIndexCache, loadCodingIndex } from '../../electron/core/analysis/coding-index';
import { buildThemeTable } from '../../electron/core/analysis/theme-table';
import { createQuotation } from '../../electron/core/coding/quotations';
import { tempDir } from '../helpers/tmp';
import { buildFixture } from './fixture';

const dir = tempDir('theme-table-warm');

describe('theme table, warm', () => {
  it('reuses what it derived from an unchanged index, gives the same table as a cold build, and derives again after a change', () => {
    const fx = buildFixture(dir, { documents: 6, quotations: 80 });
    const request = { layout: 'ifo-table1', options: { counts: 'k-of-n' as const, quotes: 2 } };
    try {
      const first = buildThemeTable(fx.p, request);
      const index = loadCodingIndex(fx.p, null);
      const derived = new Map(index.deep);
      expect(derived.size).toBeGreaterThan(0);
      const runs = new Map(index.runs);
      expect(runs.size).toBeGreaterThan(0);
      const warm = buildThemeTable(fx.p, request);
      expect(warm).toEqual(first);
      // the same lists, not new ones
      expect(loadCodingIndex(fx.p, null)).toBe(index);
      for (const [code, list] of derived) expect(index.deep.get(code)).toBe(list);
      expect(index.runs.size).toBe(runs.size);
      for (const [key, list] of runs) expect(index.runs.get(key)).toBe(list);

      clearCodingIndexCache(fx.p);
      expect(buildThemeTable(fx.p, request)).toEqual(first);

      const doc = fx.p.db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1').pluck().get() as number;
      const code = fx.p.db.prepare('SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
      fx.p.transaction(() => createQuotation(fx.p, { documentId: doc, start: 0, end: 5, codeIds: [code] }));
      buildThemeTable(fx.p, request);
      expect(loadCodingIndex(fx.p, null)).not.toBe(index);
    } finally {
      fx.p.close();
    }
  });
});

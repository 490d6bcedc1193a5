/**
 * A common word's first page of hits comes without verifying every hit first: with
 * countTotal false the search stops at the page, reading only the documents it shows; the
 * full search (asked for after) has the same hits in the same order with their counts. On
 * 1,440 interviews "samverkan" has 51,000 hits, and verifying all of them read and
 * tokenised every document before the first line was shown.
 */
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { ensureIndex, dropCachedIndex } from '../../electron/core/search/index-store';
import { searchIndex } from '../../electron/core/search/search';
import { recordStatements } from '../helpers/query-plan';
import { tempDir } from '../helpers/tmp';
import { addInterview } from './fixture';

const dir = tempDir('rodtrad-search-first-page');

/** Twelve interviews, each saying "samverkan" three times. */
function project(): Project {
  const p = Project.create(`${dir}/first-page.rodtrad`, { name: 'Första sidan' });
  p.transaction(() => {
    for (let i = 1; i <= 12; i++) {
      const text = [`I: Hur går samverkan i grupp ${i}?`, '', `CS: Samverkan med skolan går bra, säger grupp ${i}.`, '', 'AL: Ja, samverkan fungerar.'].join('\n');
      addInterview(p, `intervju-${i}`, text, { grupp: i % 2 ? 'chef' : 'medarbetare' });
    }
  });
  return p;
}

const textReads = (runs: Map<string, number>): number => runs.get('SELECT text FROM documents WHERE id = ?') ?? 0;

describe('search: the first page without the total', () => {
  it('stops at the page, reading only the documents it shows, and agrees with the full search', async () => {
    const p = project();
    try {
      await ensureIndex(p, { inline: true });
      dropCachedIndex(p);
      const index = await ensureIndex(p, { inline: true });
      const full = searchIndex(index, { query: 'samverkan', limit: 1000 });
      expect(full.total).toBe(36);
      expect(full.more).toBe(false);
      expect(full.perDocument).toHaveLength(12);

      dropCachedIndex(p);
      const fresh = await ensureIndex(p, { inline: true });
      let page!: ReturnType<typeof searchIndex>;
      const { runs } = await recordStatements(() => (page = searchIndex(fresh, { query: 'samverkan', limit: 4, countTotal: false })));
      expect(page.total).toBeNull();
      expect(page.more).toBe(true);
      expect(page.hits.map((h) => [h.documentId, h.start])).toEqual(full.hits.slice(0, 4).map((h) => [h.documentId, h.start]));
      // 4 hits (and the one beyond) lie in the first two interviews: their texts, no others
      expect(textReads(runs)).toBeLessThanOrEqual(2);

      const later = searchIndex(fresh, { query: 'samverkan', limit: 4, offset: 32, countTotal: false });
      expect(later.hits.map((h) => h.start)).toEqual(full.hits.slice(32, 36).map((h) => h.start));
      expect(later.more).toBe(false);
    } finally {
      p.close();
    }
  });
});

/**
 * Opening the search index costs the same whatever the corpus: the index lives in the
 * project's own tables and a query reads the pages, passage blocks and documents it needs.
 * On 1,440 interviews the index was 63 MB deserialised whole (3 s, 78 times the 1x load),
 * and the fingerprint read every turn and speaker on each load.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { dropCachedIndex, ensureIndex } from '../../electron/core/search/index-store';
import { PASSAGE_BLOCK } from '../../electron/core/search/passage-table';
import { searchIndex } from '../../electron/core/search/search';
import { fullScans, recordStatements } from '../helpers/query-plan';
import { tempDir } from '../helpers/tmp';
import { addInterview } from './fixture';

const dir = tempDir('rodtrad-search-index-load');

/** `interviews` interviews of `turns` turns each, every turn saying "samverkan". */
function project(name: string, interviews: number, turns = 3): Project {
  const p = Project.create(path.join(dir, name), { name: 'Indexladdning' });
  p.transaction(() => {
    for (let i = 1; i <= interviews; i++) {
      const lines = Array.from({ length: turns }, (_, t) => `${t % 2 ? 'CS' : 'AL'}: Samverkan ${t} i grupp ${i} fungerar.`);
      addInterview(p, `intervju-${i}`, lines.join('\n\n'), { grupp: i % 2 ? 'chef' : 'medarbetare' });
    }
  });
  return p;
}

/** The statements run while the stored index is opened (not built), with how often each ran. */
async function loadStatements(p: Project): Promise<Map<string, number>> {
  await ensureIndex(p, { inline: true });
  dropCachedIndex(p);
  let origin = '';
  const { runs } = await recordStatements(async () => (origin = (await ensureIndex(p, { inline: true })).origin));
  expect(origin).toBe('loaded');
  return runs;
}

const CORPUS_TABLES = ['documents', 'turns', 'speakers', 'speaker_attribute_values', 'document_attribute_values', 'search_fts_data', 'search_passages', 'search_terms'];

describe('search index: opened in place', () => {
  it('opening reads the header and the attribute names only: the same statements for 2N documents as for N, none walking the corpus', async () => {
    const small = project('n.rodtrad', 4);
    const large = project('2n.rodtrad', 8);
    try {
      const a = await loadStatements(small);
      const b = await loadStatements(large);
      expect([...b]).toEqual([...a]);
      for (const sql of a.keys()) {
        expect(fullScans(small.db, sql).filter((t) => CORPUS_TABLES.includes(t)), sql).toEqual([]);
        expect(sql, 'the index is read in place, not loaded').not.toMatch(/search_passages|search_fts|FROM documents|FROM speakers/);
      }
      // the derived row is the index's header only; the index is in the project's tables
      const row = large.db.prepare("SELECT length(data) AS n FROM derived WHERE key = 'search-index'").get() as { n: number };
      expect(row.n).toBeLessThan(4096);
      // and it does not grow with the documents (languages are listed only where they differ)
      const headerOf = (p: Project): number => p.db.prepare("SELECT length(data) FROM derived WHERE key = 'search-index'").pluck().get() as number;
      expect(headerOf(large)).toBeLessThan(headerOf(small) + 16);
      expect(large.db.prepare('SELECT count(*) FROM search_fts_data').pluck().get()).toBeGreaterThan(0);
    } finally {
      small.close();
      large.close();
    }
  });

  it('a first page reads the passage blocks and documents it shows; the full search reads them all', async () => {
    // three blocks of passages, "samverkan" in each
    const perInterview = 100;
    const p = project('blocks.rodtrad', Math.ceil((2.5 * PASSAGE_BLOCK) / perInterview), perInterview);
    try {
      await ensureIndex(p, { inline: true });
      dropCachedIndex(p);
      const index = await ensureIndex(p, { inline: true });
      expect(index.passages.count).toBeGreaterThan(2 * PASSAGE_BLOCK);
      const { runs } = await recordStatements(() => searchIndex(index, { query: 'samverkan', limit: 20, countTotal: false }));
      expect(runs.get('SELECT data FROM search_passages WHERE block = ?')).toBe(1);
      expect(runs.get('SELECT id, name, kind FROM documents WHERE id = ?')).toBe(1);
      const full = await recordStatements(() => searchIndex(index, { query: 'samverkan', limit: 20 }));
      expect(full.runs.get('SELECT data FROM search_passages WHERE block = ?')).toBe(2); // the first block is known already
      expect(searchIndex(index, { query: 'samverkan', limit: 20 }).total).toBe(index.passages.count);
    } finally {
      p.close();
    }
  });
});

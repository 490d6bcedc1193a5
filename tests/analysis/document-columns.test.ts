/**
 * Lists, tables and the search index never walk every document's text to read a small
 * column: `position` and `source_name` lie behind the text in each row, so a query over all
 * documents that reads them reads all the text (106 MB on 1,440 interviews, per call).
 * Checked on SQLite's compiled program of every statement each call runs.
 */
import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../electron/core/analysis/matrix';
import { buildThemeTable } from '../../electron/core/analysis/theme-table';
import { clearCodingIndexCache } from '../../electron/core/analysis/coding-index';
import { dropCachedIndex, ensureIndex } from '../../electron/core/search/index-store';
import { recordStatements, walksColumn } from '../helpers/query-plan';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from '../coding/fixture';

const dir = tempDir('rodtrad-document-columns');

describe('no call walks every document text for a small column', () => {
  it('theme table, matrix, quotation manager, quotation lists and the search index load', async () => {
    const env = makeEnv(dir);
    const code = (await env.call('codes.create', { name: 'Samverkan' })).id;
    await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 20, codeIds: [code] });
    await env.call('quotations.create', { documentId: env.trickyId, start: 0, end: 10, codeIds: [code] });
    await ensureIndex(env.p, { inline: true });
    const calls: [string, () => unknown][] = [
      ['theme table', () => (clearCodingIndexCache(env.p), buildThemeTable(env.p, { options: { counts: 'k-of-n', quotes: 2 } }))],
      ['matrix', () => (clearCodingIndexCache(env.p), buildMatrix(env.p, { cols: 'docs', cells: 'count' }))],
      ['quotations.query', () => env.call('quotations.query', { codeIds: [code], limit: 200 })],
      ['quotations.list by code', () => env.call('quotations.list', { codeId: code })],
      ['quotations.list by document', () => env.call('quotations.list', { documentId: env.interviewId })],
      ['search index load', () => (dropCachedIndex(env.p), ensureIndex(env.p, { inline: true }))],
    ];
    for (const [name, call] of calls) {
      const { runs } = await recordStatements(async () => {
        await call();
      });
      const walking = [...runs.keys()].filter((sql) => walksColumn(env.p.db, sql, 'documents', 'text'));
      expect(walking, name).toEqual([]);
    }
  });
});

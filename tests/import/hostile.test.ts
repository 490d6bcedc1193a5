/**
 * The hostile corpus: every file gets its expected outcome, one at a time and as one batch;
 * the project stays intact and grows by exactly the documents that should have gone in.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { CORPUS_MAX_MB, makeHostileCorpus, type HostileCase } from './hostile-corpus';
import { docRow, newProject, runImport } from './helpers';

const dir = tempDir('rodtrad-hostile');
const corpus = path.join(dir, 'korpus');
let cases: HostileCase[] = [];

beforeAll(async () => {
  cases = await makeHostileCorpus(corpus);
}, 120_000);

const count = (p: ReturnType<typeof newProject>): number => p.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

describe('hostile corpus', () => {
  it('has at least 40 files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('file by file: the expected outcome, a message naming the file, nothing left of failed files', async () => {
    const p = newProject(dir, 'one-by-one.rodtrad');
    try {
      let expected = 0;
      for (const c of cases) {
        const before = count(p);
        const r = await runImport(p, { sources: [{ path: path.join(corpus, c.name) }], maxFileMB: CORPUS_MAX_MB });
        const res = r.results[0]!;
        expect.soft(res.status, `${c.name} (${c.why}): ${res.error}`).toBe(c.expect);
        if (c.error) {
          expect.soft(res.error ?? '', c.name).toMatch(c.error);
          expect.soft(res.error ?? '', `${c.name}: the message names the file`).toContain(c.name);
        }
        if (res.status !== 'imported') {
          // the Swedish UI gets the reason in Swedish (the dialog shows the file name beside it)
          expect.soft(res.errorSv, `${c.name}: a Swedish reason`).toBeTruthy();
          expect.soft(res.errorSv ?? '', `${c.name}: Swedish, not the English text`).not.toBe(res.error?.slice(res.file.length + 2));
          expect.soft(res.errorSv ?? '', `${c.name}: without the file name`).not.toContain(c.name);
          expect.soft(res.errorSv ?? '', `${c.name}: in Swedish`).toMatch(/[åäö]|\b(filen|ingen|inte|inga|vägras|finns|arkivet|tabellen|enkäten|kolumn)\b/i);
        }
        const grew = count(p) - before;
        expect.soft(grew, `${c.name}: documents added`).toBe(c.expect === 'imported' ? (c.documents ?? 1) : 0);
        if (c.text && res.documentId) expect.soft(docRow(p, res.documentId).text, c.name).toBe(c.text);
        if (c.expect === 'imported') expected += c.documents ?? 1;
      }
      expect(count(p)).toBe(expected);
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(p.db.pragma('foreign_key_check')).toEqual([]);
      // no orphans from failed files
      expect(p.db.prepare('SELECT count(*) FROM turns WHERE document_id NOT IN (SELECT id FROM documents)').pluck().get()).toBe(0);
      expect(p.db.prepare('SELECT count(*) FROM speakers WHERE document_id NOT IN (SELECT id FROM documents)').pluck().get()).toBe(0);
    } finally {
      p.close();
    }
  }, 120_000);

  it('as one batch (the folder): the rest goes in although files fail', async () => {
    const p = newProject(dir, 'batch.rodtrad');
    try {
      const r = await runImport(p, { sources: [{ path: corpus }, { path: path.join(corpus, 'finns-inte.txt') }], maxFileMB: CORPUS_MAX_MB });
      const byName = new Map(r.results.map((x) => [path.basename(x.file), x]));
      for (const c of cases) {
        const res = byName.get(c.name);
        expect.soft(res?.status, `${c.name}: ${res?.error}`).toBe(c.name === 'okand.xyz' ? 'skipped' : c.expect);
      }
      const shouldAdd = cases.filter((c) => c.expect === 'imported').reduce((n, c) => n + (c.documents ?? 1), 0);
      expect(count(p)).toBe(shouldAdd);
      expect(r.failed).toBe(cases.filter((c) => c.expect === 'failed').length - 1);
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      p.close();
    }
  }, 120_000);

  it('memory stays bounded on the zip bomb', async () => {
    const p = newProject(dir, 'bomb.rodtrad');
    try {
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const r = await runImport(p, { sources: [{ path: path.join(corpus, 'zipbomb-ljuger.xlsx') }, { path: path.join(corpus, 'zipbomb.docx') }] });
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(r.results.map((x) => x.status)).toEqual(['failed', 'failed']);
      expect((peak - before) / 1024 / 1024).toBeLessThan(120);
    } finally {
      p.close();
    }
  }, 60_000);
});

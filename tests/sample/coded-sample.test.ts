/**
 * The sample the app opens on first start is already coded (issue 13, point 12): by two
 * fictional coders, from our own sample corpus, so the theme table, the term report and the
 * matrix show content at once.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { SAMPLE_CODERS } from '../../electron/core/sample/sample-coding';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('the coded sample project', () => {
  const dir = tempDir('rodtrad-coded-sample');

  it('is coded by two fictional coders, one district each, in the participants\' sentences only', async () => {
    const s = new Session('test');
    try {
      const info = await dispatch(s, 'project.createSample', { path: path.join(dir, 'kodat.rodtrad'), coded: true });
      expect(info.counts.quotations).toBeGreaterThan(80);
      const db = s.requireProject().db;
      const byCoder = db
        .prepare(`SELECT c.name AS coder, v.value AS district, count(*) AS n FROM quotations q JOIN coders c ON c.id = q.coder_id
                  JOIN document_attribute_values v ON v.document_id = q.document_id JOIN attributes a ON a.id = v.attribute_id AND a.name = 'stadsdel'
                  GROUP BY 1, 2 ORDER BY 1`)
        .all() as { coder: string; district: string; n: number }[];
      expect(byCoder.map((r) => [r.coder, r.district])).toEqual([
        [SAMPLE_CODERS.soderby, 'Söderby'],
        [SAMPLE_CODERS.norrdal, 'Norrdal'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)));
      // every quotation has a code, every link its quotation's coder, no quotation in an interviewer's turn
      expect(db.prepare('SELECT count(*) FROM quotations q WHERE NOT EXISTS (SELECT 1 FROM quotation_codes l WHERE l.quotation_id = q.id)').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id WHERE l.coder_id IS NOT q.coder_id').pluck().get()).toBe(0);
      const inInterviewer = db
        .prepare(`SELECT count(*) FROM quotations q JOIN turns t ON t.document_id = q.document_id AND q.start >= t.start AND q."end" <= t."end"
                  JOIN speakers sp ON sp.id = t.speaker_id WHERE sp.is_interviewer = 1`)
        .pluck()
        .get();
      expect(inInterviewer).toBe(0);
      // every code of the leaf level has an example, so no section of the theme table is empty
      const tree = await dispatch(s, 'codes.tree', {});
      const leaves = tree.filter((c) => !tree.some((d) => d.parentId === c.id));
      expect(leaves.filter((c) => c.quotations === 0).map((c) => c.path)).toEqual([]);
      // the user's own coding goes under their own name: the sample's coders are not chosen for them
      expect((await dispatch(s, 'project.coder', {})).chosen).toBe(false);

      const table = await dispatch(s, 'tables.themeTable', { options: { counts: 'k-of-n', quotes: 1 } });
      expect(table.sections.map((x) => x.countText)).toEqual([expect.stringMatching(/^\([5-8] av 8\)$/), expect.stringMatching(/^\([5-8] av 8\)$/), expect.stringMatching(/^\([5-8] av 8\)$/)]);
      expect(JSON.stringify(table.sections).match(/"quotes":\[\{/g)?.length).toBeGreaterThan(20);
      const matrix = await dispatch(s, 'tables.matrix', { cols: 'termin' });
      expect(matrix.columns.map((c) => c.label)).toEqual(['HT16', 'VT17', 'HT17']);
      expect(matrix.values.flat().filter((v) => v > 0).length).toBeGreaterThan(20);
      const report = await dispatch(s, 'reports.term', { term: 'termin', group: 'grupp' });
      expect(report.rows.length).toBe(3);
      expect(report.rows.every((r) => r.total.k > 0)).toBe(true);
    } finally {
      s.dispose();
    }
  });

  it('"rodtrad sample" stays uncoded unless --coded is given', () => {
    const plain = rodtrad(['sample', path.join(dir, 'tom.rodtrad'), '--json']);
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as { counts: { quotations: number } }).counts.quotations).toBe(0);
    const coded = rodtrad(['sample', path.join(dir, 'kodad.rodtrad'), '--coded']);
    expect(coded.code).toBe(0);
    expect(coded.stdout).toMatch(/8 documents, 28 codes, \d{2,} quotations/);
  });
});

/**
 * Every REFI-QDA sample in shared/refi/samples imports: counts per sample, the coded text of
 * selections checked against the source text sliced the way its writer counts (NVivo: UTF-16
 * units with the CRs of CRLF counted; qc: code points), and the Windows and Mac NVivo
 * exports of one project giving the same quotations.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../electron/core/project/project';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { codePaths, count, importInto, quotationRows, sample, SAMPLES, type SampleKey } from './fixture';

const missing = skipUnless('REFI-QDA samples', ...Object.keys(SAMPLES).map((k) => sample(k as SampleKey)));

interface Expected {
  users: number;
  codes: number;
  sources: number;
  /** PlainTextSelection elements in the file, and the quotations they become (NVivo repeats a range per code). */
  selections: number;
  quotations: number;
  codings: number;
  notes: number;
  sets: number;
  skippedSources?: number;
  turns?: boolean;
}

// Counted in the files themselves (elements in project.qde), not taken from our output.
const EXPECTED: Partial<Record<SampleKey, Expected>> = {
  atlasBlank: { users: 2, codes: 0, sources: 0, selections: 0, quotations: 0, codings: 0, notes: 0, sets: 0 },
  atlasTarget: { users: 2, codes: 3, sources: 0, selections: 0, quotations: 0, codings: 0, notes: 0, sets: 0 },
  nvivoMac15: { users: 2, codes: 262, sources: 2, selections: 0, quotations: 0, codings: 0, notes: 0, sets: 0 },
  oltas: { users: 2, codes: 60, sources: 1, selections: 97, quotations: 20, codings: 97, notes: 0, sets: 0 },
  oltas0517: { users: 2, codes: 152, sources: 2, selections: 303, quotations: 188, codings: 303, notes: 0, sets: 0 },
  oltasMac: { users: 2, codes: 152, sources: 2, selections: 297, quotations: 187, codings: 297, notes: 0, sets: 0 },
  maxqda: { users: 1, codes: 307, sources: 10, selections: 0, quotations: 0, codings: 0, notes: 0, sets: 2 },
  qc: { users: 1, codes: 262, sources: 2, selections: 158, quotations: 158, codings: 205, notes: 0, sets: 0 },
  oltasTeszt: { users: 3, codes: 152, sources: 2, selections: 330, quotations: 195, codings: 330, notes: 0, sets: 0 },
  // every source file is missing (6 text) or external media (6): imported with the skip option
  // 16 sets: 11 of sources, 1 empty ("<3", an empty group), 4 of codes only (skipped)
  testProject: { users: 3, codes: 14, sources: 0, selections: 0, quotations: 0, codings: 0, notes: 2, sets: 12, skippedSources: 12 },
  // a bare .qde: its 10 sources cannot be in it and are listed as skipped
  generatedQde: { users: 1, codes: 343, sources: 0, selections: 0, quotations: 0, codings: 0, notes: 0, sets: 2, skippedSources: 10 },
};

/** The plain text of a source file inside an archive, read without our reader: BOM stripped only. */
async function rawSource(file: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const s = (await zip.file(entry)!.async('nodebuffer')).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** The selections of a project.qde, read with a regex (independent of the importer). */
async function selections(file: string): Promise<{ source: string; start: number; end: number }[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const qde = await zip.file(/\.qde$/i)[0]!.async('string');
  const out: { source: string; start: number; end: number }[] = [];
  for (const src of qde.split('<TextSource').slice(1)) {
    const guid = /guid="([^"]+)"/.exec(src.slice(0, src.indexOf('>')))![1]!;
    for (const m of src.matchAll(/<PlainTextSelection\b[^>]*>/g)) {
      out.push({ source: guid, start: Number(/startPosition="(\d+)"/.exec(m[0])![1]), end: Number(/endPosition="(\d+)"/.exec(m[0])![1]) });
    }
  }
  return out;
}

const stored = (s: string): string => s.replace(/\r\n/g, '\n').normalize('NFC');

describe.skipIf(missing)('REFI-QDA samples import', () => {
  const dir = tempDir('refi-samples');

  for (const [key, e] of Object.entries(EXPECTED) as [SampleKey, Expected][]) {
    it(`${key}: users, codes, sources, selections, notes and sets as in the file`, async () => {
      const { report, project } = await importInto(dir, sample(key).path!, { skipMissingSources: key === 'testProject' });
      try {
        expect(report.counts).toMatchObject({ users: e.users, codes: e.codes, sources: e.sources, selections: e.quotations, codings: e.codings, notes: e.notes, sets: e.sets });
        expect(report.counts.selections + report.merged + report.unplaced.length).toBe(e.selections);
        expect(report.unplaced).toEqual([]);
        expect([count(project, 'coders'), count(project, 'codes'), count(project, 'documents'), count(project, 'quotations'), count(project, 'quotation_codes'), count(project, 'memos'), count(project, 'document_groups')]).toEqual([
          e.users, e.codes, e.sources, e.quotations, e.codings, e.notes, e.sets,
        ]);
        expect(report.skipped.filter((s) => s.kind === 'source')).toHaveLength(e.skippedSources ?? 0);
      } finally {
        project.close();
      }
    });
  }

  it('TestProject: media sources and missing files are listed by name with their codings; code-only sets too', async () => {
    const { report, project } = await importInto(dir, sample('testProject').path!, { skipMissingSources: true });
    project.close();
    const media = report.skipped.filter((s) => s.kind === 'source' && /sources are not imported/.test(s.reason));
    expect(media.map((s) => s.name).sort()).toHaveLength(6);
    expect(media.reduce((n, s) => n + s.codings, 0)).toBeGreaterThan(0);
    const missingFiles = report.skipped.filter((s) => s.kind === 'source' && /missing from the archive/.test(s.reason));
    expect(missingFiles.map((s) => s.name.normalize('NFC'))).toContain('Mabêl 2ième.txt');
    // all 16 <Coding> elements of the file are in those sources: lost with them, and counted
    expect(missingFiles.reduce((n, s) => n + s.codings, 0) + media.reduce((n, s) => n + s.codings, 0)).toBe(16);
    expect(report.skipped.filter((s) => s.kind === 'set').map((s) => s.name).sort()).toEqual(['Breakfast food', 'Feelings', 'negative feelings', 'positive feelings']);
  });

  it('TestProject without the skip option is refused, naming the missing file, and leaves no project', async () => {
    await expect(importInto(dir, sample('testProject').path!)).rejects.toThrow(/TestProject\.qdpx: the source file internal:\/\/.*\.txt of ".*" is missing from the archive/);
  });

  it('NVivo for Windows (BOM, CRLF, emoji): coded text equals the source sliced in UTF-16 units with CRs counted', async () => {
    const file = sample('oltas0517').path!;
    const { project } = await importInto(dir, file);
    const raw = await rawSource(file, 'Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt');
    expect(raw).toMatch(/\r\n/);
    const texts = new Set(quotationRows(project).map((q) => q.text));
    const sels = (await selections(file)).filter((s) => s.source === '68bbdc14-c361-4432-b4dd-ae1dbfc12890');
    expect(sels.length).toBeGreaterThan(250);
    let afterEmoji = 0;
    for (const s of sels) {
      expect(texts.has(stored(raw.slice(s.start, s.end)))).toBe(true);
      if (/[\uD800-\uDBFF]/.test(raw.slice(0, s.start))) afterEmoji++;
    }
    // most of them lie after emoji, where counting code points would have shifted them
    expect(afterEmoji).toBeGreaterThan(200);
    // and they are whole comments: they start at a line start and end at a line end
    const rows = quotationRows(project).filter((q) => q.document === 'videos_10_selected');
    const doc = project.db.prepare("SELECT text FROM documents WHERE name = 'videos_10_selected'").pluck().get() as string;
    const whole = rows.filter((q) => (q.start === 0 || doc[q.start - 1] === '\n') && (q.end === doc.length || doc[q.end] === '\n'));
    expect(whole.length).toBeGreaterThan(160);
    project.close();
  });

  it('NVivo for Mac (LF, emoji) gives the same quotations as NVivo for Windows; Windows only adds the codings made after the Mac export', async () => {
    const win = await importInto(dir, sample('oltas0517').path!);
    const mac = await importInto(dir, sample('oltasMac').path!);
    const macRaw = await rawSource(sample('oltasMac').path!, 'sources/70a540a6-08d4-4ce3-8a60-9f29ffd2b259.txt');
    const macTexts = new Set(quotationRows(mac.project).map((q) => q.text));
    for (const s of (await selections(sample('oltasMac').path!)).filter((x) => x.source === '70a540a6-08d4-4ce3-8a60-9f29ffd2b259')) {
      expect(macTexts.has(stored(macRaw.slice(s.start, s.end)))).toBe(true);
    }
    // the stored documents are the same text (the Mac file ends with one more line end)
    const docs = (p: Project): string[] => p.db.prepare('SELECT text FROM documents ORDER BY name').pluck().all() as string[];
    expect(docs(win.project).map((t) => `${t}\n`)).toEqual(docs(mac.project));
    // the same comment: 220–396 on Mac, 233–409 in the Windows file (13 CRs before it), one place here
    const first = quotationRows(mac.project)[0]!;
    expect([first.start, first.end]).toEqual([220, 396]);
    // Windows was exported a day later, with one more coded comment and one more code on another:
    // every Mac quotation is there with its codes, and the 6 extra codings are all that differ
    const rows = (p: Project): Map<string, string[]> => {
      const names = codePaths(p);
      const out = new Map<string, string[]>();
      for (const r of p.db.prepare('SELECT q.document_id, q.start, q."end" AS "end", qc.code_id FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id').all() as { start: number; end: number; code_id: number }[]) {
        const k = `${r.start}-${r.end}`;
        out.set(k, [...(out.get(k) ?? []), names.get(r.code_id)!]);
      }
      return out;
    };
    const macRows = rows(mac.project);
    const winRows = rows(win.project);
    expect(macRows.size).toBe(187);
    expect(winRows.size).toBe(188);
    let extra = 0;
    for (const [range, codes] of winRows) {
      const m = macRows.get(range) ?? [];
      expect(codes).toEqual(expect.arrayContaining(m));
      extra += codes.length - m.length;
    }
    expect(extra).toBe(6);
    const winTexts = new Set(quotationRows(win.project).map((q) => `${q.document} ${q.start} ${q.text}`));
    expect(quotationRows(mac.project).every((q) => winTexts.has(`${q.document} ${q.start} ${q.text}`))).toBe(true);
    win.project.close();
    mac.project.close();
  });

  it('qc (code points, LF, file names without internal://): coded text equals the source sliced by code points', async () => {
    const file = sample('qc').path!;
    const { project } = await importInto(dir, file);
    const raw = await rawSource(file, 'sources/board_2017.txt');
    const cps = Array.from(raw);
    const texts = new Set(quotationRows(project).map((q) => q.text));
    const guid = '33663939-3636-3632-3038-613431643463';
    const sels = (await selections(file)).filter((s) => s.source === guid);
    expect(sels.length).toBeGreaterThan(12);
    for (const s of sels) expect(texts.has(stored(cps.slice(s.start, s.end).join('')))).toBe(true);
    // nameless sources are named by their file
    expect(project.db.prepare('SELECT name FROM documents ORDER BY name').pluck().all()).toEqual(['admin-1', 'board_2017']);
    project.close();
  });

  it('MAXQDA (.qdpx renamed .zip): document groups from its sets, with their members', async () => {
    const { project } = await importInto(dir, sample('maxqda').path!);
    const groups = project.db.prepare('SELECT g.name, count(m.document_id) AS n FROM document_groups g LEFT JOIN document_group_members m ON m.group_id = g.id GROUP BY g.id ORDER BY g.position').all() as { name: string; n: number }[];
    expect(groups.length).toBe(2);
    expect(groups.every((g) => g.n > 0)).toBe(true);
    // colours and descriptions come along
    expect(project.db.prepare("SELECT count(*) FROM codes WHERE definition IS NOT NULL AND color GLOB '#[0-9a-f]*'").pluck().get()).toBe(307);
    project.close();
  });
});

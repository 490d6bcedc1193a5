/**
 * Export → import gives the same project, row by row (documents byte-identical, codes,
 * quotations with codes and coders, memos with their links, attributes, groups); importing
 * our own export and exporting again gives the same project.qde apart from its timestamps;
 * every export validates against the REFI-QDA schemas with xmllint.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { needReference, needTool, skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { caller, importInto, sample, SAMPLES, type SampleKey } from './fixture';

const xmllint = needTool('xmllint');
const projectXsd = needReference('refi/Project-mrt2019.xsd');
const codebookXsd = needReference('refi/Codebook-mrt2019.xsd');
const noTools = skipUnless('REFI-QDA round trips', xmllint, projectXsd, codebookXsd);

/** Emoji (surrogate pairs, a ZWJ family), decomposed å and é, CRLF line ends. */
const TRICKY = 'Intervjuare: Första raden 😀 med emoji.\r\nAA: fam👨‍👩‍👧ilj och cafe\u0301 samt a\u030Angest.\r\nIntervjuare: Tredje 🙂 rad.\r\nAA: slut på 😀 allt.\r\n';

export function validate(xml: string, xsd: string, dir: string): void {
  const file = path.join(dir, `v-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  // throws with xmllint's message when the file is invalid
  execFileSync(xmllint.path!, ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
}

export async function qdeOf(file: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file('project.qde')!.async('string');
}

/** Everything the round trip must keep, by GUID, with names instead of row ids. */
export function snapshot(p: Project) {
  const q = <T>(sql: string): T[] => p.db.prepare(sql).all() as T[];
  const codePath = new Map<number, string>();
  const codes = q<{ id: number; parent_id: number | null; guid: string; name: string; color: string; definition: string | null }>('SELECT id, parent_id, guid, name, color, definition FROM codes ORDER BY id');
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string => (byId.get(id)!.parent_id === null ? byId.get(id)!.name : `${pathOf(byId.get(id)!.parent_id!)}/${byId.get(id)!.name}`);
  for (const c of codes) codePath.set(c.id, pathOf(c.id));
  const sortBy = <T>(rows: T[], key: (r: T) => string): T[] => rows.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return {
    coders: sortBy(q<{ guid: string; name: string }>('SELECT guid, name FROM coders'), (r) => r.guid),
    documents: sortBy(q<{ guid: string; name: string; text: string }>('SELECT guid, name, text FROM documents'), (r) => r.guid),
    codes: sortBy(codes.map((c) => ({ guid: c.guid, path: codePath.get(c.id), color: c.color, definition: c.definition })), (r) => r.guid),
    quotations: sortBy(
      q<{ id: number; guid: string; doc: string; start: number; end: number; comment: string | null; coder: string | null; created_at: string }>(
        'SELECT q.id, q.guid, d.guid AS doc, q.start, q."end" AS "end", q.comment, c.name AS coder, q.created_at FROM quotations q JOIN documents d ON d.id = q.document_id LEFT JOIN coders c ON c.id = q.coder_id',
      ).map(({ id, comment, ...r }) => ({
        ...r,
        comment: comment || null,
        codes: (p.db.prepare('SELECT k.guid, c.name AS coder FROM quotation_codes qc JOIN codes k ON k.id = qc.code_id LEFT JOIN coders c ON c.id = qc.coder_id WHERE qc.quotation_id = ? ORDER BY k.guid').all(id) as unknown[]),
      })),
      (r) => r.guid,
    ),
    memos: sortBy(
      q<{ guid: string }>(
        `SELECT m.guid, m.title, m.body, c.name AS author, d.guid AS document, k.guid AS code, qq.guid AS quotation FROM memos m LEFT JOIN coders c ON c.id = m.author_id
         LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes k ON k.id = m.code_id LEFT JOIN quotations qq ON qq.id = m.quotation_id`,
      ),
      (r) => r.guid,
    ),
    attributes: sortBy(
      q<{ guid: string }>(
        `SELECT a.guid, a.name, a.type, (SELECT json_group_array(json_array(d.guid, v.value)) FROM (SELECT * FROM document_attribute_values v JOIN documents d ON d.id = v.document_id WHERE v.attribute_id = a.id ORDER BY d.guid) v JOIN documents d ON d.id = v.document_id) AS vals
         FROM attributes a WHERE a.scope = 'document'`,
      ),
      (r) => r.guid,
    ),
    groups: sortBy(
      q<{ guid: string }>(
        `SELECT g.guid, g.name, (SELECT json_group_array(guid) FROM (SELECT d.guid FROM document_group_members m JOIN documents d ON d.id = m.document_id WHERE m.group_id = g.id ORDER BY d.guid)) AS members FROM document_groups g`,
      ),
      (r) => r.guid,
    ),
  };
}

/** project.qde without the one thing that changes between two exports: the time of the export. */
export const withoutTimestamps = (xml: string): string => xml.replace(/(<Project\b[^>]*?) modifiedDateTime="[^"]*"/, '$1');

/** Where two long strings first differ, with some context (null when equal): readable failures. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 120), i + 120)}… versus …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

let rich = 0;
async function richProject(dir: string): Promise<string> {
  const file = path.join(dir, `rik-${++rich}.rodtrad`);
  const c = caller();
  await c.call('project.createSample', { path: file });
  await c.call('import.files', { sources: [{ name: 'knepig.txt', data: Buffer.from(TRICKY, 'utf8').toString('base64') }] });
  const docs = await c.call('documents.list', {});
  const tricky = docs.find((d) => d.name === 'knepig')!;
  const text = (await c.call('documents.get', { id: tricky.id })).text;
  const codes = (await c.call('codes.tree', {})).filter((k) => k.depth > 0);
  await c.call('project.setCoder', { name: 'Anna' });
  // quotations after emoji and combining marks, with codes and comments, by two coders
  const q1 = await c.call('quotations.create', { documentId: tricky.id, start: text.indexOf('fam'), end: text.indexOf(' samt'), codeIds: [codes[0]!.id, codes[1]!.id], comment: 'familj med emoji mitt i', snap: 'none' });
  await c.call('project.setCoder', { name: 'Bertil' });
  const q2 = await c.call('quotations.create', { documentId: tricky.id, start: text.indexOf('slut'), end: text.indexOf(' allt'), codeIds: [codes[2]!.id], snap: 'none' });
  await c.call('quotations.addCodes', { quotationId: q1.id, codeIds: [codes[3]!.id] });
  // a second quotation on the same range (another coder's): ours, so it must not be merged into the first
  await c.call('project.setCoder', { name: 'Anna' });
  await c.call('quotations.create', { documentId: tricky.id, start: text.indexOf('slut'), end: text.indexOf(' allt'), codeIds: [codes[4]!.id], snap: 'none' });
  let n = 0;
  for (const d of docs.filter((x) => x.id !== tricky.id).slice(0, 6)) {
    const t = (await c.call('documents.get', { id: d.id })).text;
    for (let i = 0; i < 4; i++) {
      const start = Math.floor((t.length / 5) * i) + 3;
      await c.call('quotations.create', { documentId: d.id, start, end: start + 40, codeIds: [codes[(n++ * 7) % codes.length]!.id], snap: 'word' });
    }
  }
  await c.call('memos.create', { title: 'Om dokumentet', body: 'Rad ett\nRad två med 😀', documentId: tricky.id });
  await c.call('memos.create', { title: 'Om koden', body: 'Definitionens gränser', codeId: codes[0]!.id });
  await c.call('memos.create', { title: 'Om citatet', body: 'Varför detta citat', quotationId: q2.id });
  await c.call('memos.create', { title: 'Fritt memo', body: '<taggar> & "citat"' });
  await c.call('groups.create', { name: 'Första tre', documentIds: docs.slice(0, 3).map((d) => d.id) });
  await c.call('groups.create', { name: 'Tom grupp', documentIds: [] });
  c.session.closeProject();
  return file;
}

describe.skipIf(noTools)('REFI-QDA export and round trip', () => {
  const dir = tempDir('refi-roundtrip');

  it('the sample project (emoji, combining marks, CRLF, memos, attributes, groups) exports valid, imports back row by row, and exports again the same', async () => {
    const file = await richProject(dir);
    const c = caller();
    await c.call('project.open', { path: file });
    const out = path.join(dir, 'rik.qdpx');
    const r = await c.call('refi.exportProject', { path: out });
    expect(r.astralDocuments).toContain('knepig');
    const before = snapshot(c.session.requireProject());
    c.session.closeProject();
    const qde = await qdeOf(out);
    validate(qde, projectXsd.path!, dir);
    // sources as the standard wants them: sources/<guid>.txt, UTF-8, LF, no BOM
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('project.qde');
    expect(names.filter((n) => n !== 'project.qde').every((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n))).toBe(true);

    const back = await importInto(dir, out);
    expect(back.report.unplaced).toEqual([]);
    const after = snapshot(back.project);
    expect(after.documents).toEqual(before.documents);
    expect(after.codes).toEqual(before.codes);
    expect(after.quotations).toEqual(before.quotations);
    expect(after.memos).toEqual(before.memos);
    expect(after.attributes).toEqual(before.attributes);
    expect(after.groups).toEqual(before.groups);
    expect(after.coders).toEqual(before.coders);
    // the speakers come back from the text
    expect(back.project.db.prepare("SELECT count(*) FROM speakers s JOIN documents d ON d.id = s.document_id WHERE d.name = 'knepig'").pluck().get()).toBe(2);
    back.project.close();

    const again = caller();
    await again.call('project.open', { path: back.target });
    const out2 = path.join(dir, 'rik-2.qdpx');
    await again.call('refi.exportProject', { path: out2 });
    again.session.closeProject();
    expect(firstDifference(withoutTimestamps(await qdeOf(out2)), withoutTimestamps(qde))).toBe(null);
  });

  it('the codebook exports as a valid .qdc', async () => {
    const file = await richProject(dir);
    const c = caller();
    await c.call('project.open', { path: file });
    const r = await c.call('refi.exportCodebook', {});
    c.session.closeProject();
    validate(r.content!, codebookXsd.path!, dir);
    expect(r.content).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
  });

  for (const target of ['nvivo', 'maxqda', 'qualcoder', 'atlas'] as const) {
    it(`--for ${target}: valid, with its quirks, and imports back to the same quotations`, async () => {
      const file = await richProject(dir);
      const c = caller();
      await c.call('project.open', { path: file });
      const out = path.join(dir, `for-${target}.qdpx`);
      await c.call('refi.exportProject', { path: out, target });
      const before = snapshot(c.session.requireProject());
      c.session.closeProject();
      const qde = await qdeOf(out);
      validate(qde, projectXsd.path!, dir);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const tricky = before.documents.find((d) => d.name === 'knepig')!;
      const bytes = await zip.file(`sources/${tricky.guid}.txt`)!.async('nodebuffer');
      if (target === 'maxqda') expect(bytes.toString('utf8')).toContain('\r\n');
      else expect(bytes.toString('utf8')).not.toContain('\r');
      expect(bytes[0] === 0xef).toBe(target === 'qualcoder');
      const q = before.quotations.find((x) => x.doc === tricky.guid && x.comment)!;
      const sel = new RegExp(`guid="${q.guid}"[^>]*startPosition="(\\d+)"`).exec(qde)!;
      // NVivo counts UTF-16 units (our own offsets); the others code points, one fewer per emoji before
      expect(Number(sel[1])).toBe(target === 'nvivo' ? q.start : q.start - 1);
      const back = await importInto(dir, out);
      expect(back.report.unplaced).toEqual([]);
      expect(snapshot(back.project).quotations).toEqual(before.quotations);
      expect(snapshot(back.project).documents).toEqual(before.documents);
      back.project.close();
    });
  }

  for (const key of Object.keys(SAMPLES).filter((k) => k !== 'taguette') as SampleKey[]) {
    it(`${key}: re-exported valid; export → import → export is exact`, async () => {
      const first = await importInto(dir, sample(key).path!, { skipMissingSources: key === 'testProject' });
      const one = snapshot(first.project);
      first.project.close();
      const c = caller();
      await c.call('project.open', { path: first.target });
      const out = path.join(dir, `${key}.qdpx`);
      await c.call('refi.exportProject', { path: out });
      c.session.closeProject();
      const qde = await qdeOf(out);
      validate(qde, projectXsd.path!, dir);
      const second = await importInto(dir, out);
      expect(second.report.unplaced).toEqual([]);
      expect(snapshot(second.project)).toEqual(one);
      second.project.close();
      const c2 = caller();
      await c2.call('project.open', { path: second.target });
      const out2 = path.join(dir, `${key}-2.qdpx`);
      await c2.call('refi.exportProject', { path: out2 });
      c2.session.closeProject();
      expect(firstDifference(withoutTimestamps(await qdeOf(out2)), withoutTimestamps(qde))).toBe(null);
    });
  }
});

/**
 * The pseudonymised REFI-QDA export: the project's pseudonym list applied to everything that
 * goes into the archive (source texts, document, code, coder and group names, definitions,
 * comments, memos, attribute values), positions following the changed texts, and the leak
 * check run over every file inside the archive before it is handed out. Real archives are
 * written and opened again.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeMappedReplacer } from '../../electron/core/privacy/pseudonymise';
import { tempDir } from '../helpers/tmp';
import { caller, importInto, quotationRows } from './fixture';

const TEXT = [
  'AL: Jag heter Anna Andersson och jobbar i Norrdal 😀 sedan länge.',
  'BK: Bertil här. Annas chef i Norrdalen sa att Bertils team ska växa.',
  'AL: Det tror jag också, sa Anna.',
  'BK: Vi får se hur det blir med resurserna.',
  'AL: Ja, vi får se.',
  'BK: Nästa fråga då.',
  '',
].join('\n');

const LIST = [
  { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' as const },
  { real: 'Anna', pseudonym: 'Person A', kind: 'person' as const },
  { real: 'Bertil', pseudonym: 'Person B', kind: 'person' as const },
  { real: 'Norrdal', pseudonym: 'Ort X', kind: 'place' as const },
];
const REAL = /Anna|Andersson|Bertil|Norrdal/;

/** A project with the names everywhere an export can carry them. */
async function namedProject(dir: string, name: string, extra?: { memo?: string }): Promise<string> {
  const file = path.join(dir, `${name}.rodtrad`);
  const c = caller();
  await c.call('project.create', { path: file });
  await c.call('project.setCoder', { name: 'Anna Andersson' });
  await c.call('import.files', { sources: [{ name: 'Intervju Bertil.txt', data: Buffer.from(TEXT, 'utf8').toString('base64') }] });
  const [doc] = await c.call('documents.list', {});
  const text = (await c.call('documents.get', { id: doc!.id })).text;
  const code = await c.call('codes.create', { name: 'Bertils ärenden', definition: 'När Anna talar om Norrdal' });
  const at = (s: string): number => text.indexOf(s);
  // one quotation cutting into a name at each end, one after the emoji, one around a genitive
  await c.call('quotations.create', { documentId: doc!.id, start: at('Andersson') + 3, end: at('Norrdal') + 4, codeIds: [code.id], comment: 'Bertil nämns inte här', snap: 'none' });
  await c.call('quotations.create', { documentId: doc!.id, start: at('sedan'), end: at(' länge'), codeIds: [code.id], snap: 'none' });
  await c.call('quotations.create', { documentId: doc!.id, start: at('Annas'), end: at(' i Norrdalen'), codeIds: [code.id], snap: 'none' });
  await c.call('quotations.create', { documentId: doc!.id, start: at('Det tror'), end: at('\nBK: Vi får'), codeIds: [code.id], snap: 'none' });
  await c.call('memos.create', { title: 'Om Bertil', body: extra?.memo ?? 'Anna Andersson ringde från Norrdal.', documentId: doc!.id });
  await c.call('groups.create', { name: 'Norrdal', documentIds: [doc!.id] });
  await c.call('pseudonyms.set', { entries: LIST });
  c.session.closeProject();
  return file;
}

async function filesOf(archive: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(archive));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name]!.async('string'));
  return out;
}

describe('the pseudonymised REFI-QDA export', () => {
  const dir = tempDir('refi-pseudonyms');

  it('a position map follows the replacements; one inside a name goes to the pseudonym\'s edge', () => {
    const replace = makeMappedReplacer(LIST);
    const text = 'Hej Anna Andersson och Bertil!';
    const r = replace(text);
    expect(r.text).toBe('Hej Person A och Person B!');
    expect(r.map(text.indexOf('och'), 'start')).toBe(r.text.indexOf('och'));
    expect(r.map(text.indexOf('Andersson'), 'start')).toBe(r.text.indexOf('Person A'));
    expect(r.map(text.indexOf('Andersson'), 'end')).toBe(r.text.indexOf(' och'));
    expect(r.map(text.length, 'end')).toBe(r.text.length);
  });

  it('names are replaced in every file of the archive, positions follow, and the archive imports back to the pseudonymised quotations', async () => {
    const file = await namedProject(dir, 'namn');
    const c = caller();
    c.session.openProject(file);
    const originals = quotationRows(c.session.requireProject());
    const turnCount = c.session.requireProject().db.prepare('SELECT count(*) FROM turns WHERE speaker_id IS NOT NULL').pluck().get() as number;
    expect(turnCount).toBe(6);
    const out = path.join(dir, 'namn.qdpx');
    const r = await c.call('refi.exportProject', { path: out, target: 'standard', speakerCodes: true });
    c.session.closeProject();
    expect(r.privacy).toMatchObject({ pseudonymised: true, leakChecked: true });
    expect(r.privacy!.replacements).toBeGreaterThanOrEqual(10);

    // nothing real anywhere in the archive: source texts, project.qde text and attributes
    const files = await filesOf(out);
    for (const [name, content] of files) expect(REAL.exec(content)?.[0] ?? null, name).toBeNull();
    const qde = files.get('project.qde')!;
    expect(qde).toContain('name="Person A"'); // the coder
    expect(qde).toContain('name="Person B:s ärenden"'); // the code, with its genitive
    expect(qde).toContain('name="Ort X"'); // the document group
    expect(qde).toContain('När Person A talar om Ort X'); // the definition

    // opened again: each quotation is the pseudonymised text of the original one, at its new place
    const back = await importInto(dir, out);
    expect(back.report.unplaced).toEqual([]);
    const replace = makeMappedReplacer(LIST);
    const rows = quotationRows(back.project).filter((q) => q.codes.some((k) => k.startsWith('Person B:s')));
    expect(rows).toHaveLength(originals.length);
    expect(rows.map((q) => q.text)).toEqual([
      'Person A och jobbar i Ort X',
      'sedan',
      'Person A:s chef',
      'Det tror jag också, sa Person A.',
    ]);
    const doc = back.project.db.prepare('SELECT name, text FROM documents').get() as { name: string; text: string };
    expect(doc.name).toBe('Intervju Person B');
    expect(doc.text).toBe(replace(TEXT).text);
    const memo = back.project.db.prepare("SELECT title, body FROM memos WHERE title LIKE 'Om%'").get() as { title: string; body: string };
    expect(memo).toEqual({ title: 'Om Person B', body: 'Person A ringde från Ort X.' });
    // the speaker codes' selections follow the changed text too
    const turns = quotationRows(back.project).filter((q) => q.codes.some((k) => k.startsWith('Talare/')));
    expect(turns).toHaveLength(6);
    expect(turns[1]!.text).toContain('Person B här. Person A:s chef i Ort X sa att Person B:s team ska växa.');
    back.project.close();
  });

  it('the leak check reads the files inside the archive: a personnummer in a memo fails the export and leaves no file', async () => {
    const file = await namedProject(dir, 'lacka', { memo: 'Personnummer 19121212-1212 får inte följa med.' });
    const c = caller();
    c.session.openProject(file);
    const out = path.join(dir, 'lacka.qdpx');
    await expect(c.call('refi.exportProject', { path: out, target: 'standard', speakerCodes: false })).rejects.toThrow(/personnummer "19121212-1212" at project\.qde.*The file was removed/);
    expect(existsSync(out)).toBe(false);
    // as a download (no path) it is refused the same way, before any bytes go back
    await expect(c.call('refi.exportProject', { target: 'standard', speakerCodes: false })).rejects.toThrow(/personnummer/);
    c.session.closeProject();
  });

  it('--no-pseudonymise keeps the real names; the codebook (.qdc) is pseudonymised the same way', async () => {
    const file = await namedProject(dir, 'av');
    const c = caller();
    c.session.openProject(file);
    const plain = path.join(dir, 'av.qdpx');
    const r = await c.call('refi.exportProject', { path: plain, target: 'standard', speakerCodes: false, pseudonymise: false });
    expect(r.privacy).toMatchObject({ pseudonymised: false, leakChecked: false });
    expect((await filesOf(plain)).get('project.qde')).toContain('Anna Andersson');
    const qdc = path.join(dir, 'av.qdc');
    const book = await c.call('refi.exportCodebook', { path: qdc });
    expect(book.privacy).toMatchObject({ pseudonymised: true, leakChecked: true });
    const xml = readFileSync(qdc, 'utf8');
    expect(xml).toContain('name="Person B:s ärenden"');
    expect(xml).toContain('När Person A talar om Ort X');
    expect(REAL.test(xml)).toBe(false);
    c.session.closeProject();
  });
});

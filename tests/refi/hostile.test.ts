/**
 * Hostile and broken REFI-QDA files, generated here: each is refused with a message naming the
 * file and the problem, and no project file is left behind. Bad selections are the exception
 * the importer is built for: they are reported with their source and position, never placed.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refiHandlers } from '../../electron/core/refi/handlers';
import { readArchive } from '../../electron/core/refi/archive';
import { loadRefi } from '../../electron/core/refi/load';
import { Session } from '../../electron/core/api/session';
import { tempDir } from '../helpers/tmp';
import { rawZip as handZip } from '../import/fixtures';
import { formatImportReport } from '../../electron/cli/commands/qdpx';
import { caller, quotationRows } from './fixture';
import { Project } from '../../electron/core/project/project';

interface Entry {
  name: string;
  data?: Buffer | string;
  /** Unix mode (a symbolic link: 0o120777). */
  mode?: number;
}

/** A zip written byte by byte, so names and attributes are exactly what a hostile tool would write. */
const rawZip = (entries: Entry[]): Buffer => handZip(entries.map((e) => ({ name: e.name, data: Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8'), mode: e.mode })));

const G = {
  user: '11111111-1111-4111-8111-111111111111',
  code: '22222222-2222-4222-8222-222222222222',
  source: '33333333-3333-4333-8333-333333333333',
  sel: '44444444-4444-4444-8444-444444444444',
  coding: '55555555-5555-4555-8555-555555555555',
};

function qde(o: { sources?: string; codes?: string; root?: string; prolog?: string; notes?: string } = {}): string {
  return `${o.prolog ?? '<?xml version="1.0" encoding="utf-8"?>'}
<Project ${o.root ?? 'xmlns="urn:QDA-XML:project:1.0"'} name="Fientlig">
<Users><User guid="${G.user}" name="Eva"/></Users>
<CodeBook><Codes>${o.codes ?? `<Code guid="${G.code}" name="Kod" isCodable="true"/>`}</Codes></CodeBook>
<Sources>${o.sources ?? `<TextSource guid="${G.source}" name="Text" plainTextPath="internal://${G.source}.txt"/>`}</Sources>
${o.notes ?? ''}</Project>`;
}

const TEXT = 'Intervjuare: Hej och välkommen.\nAA: Tack så mycket.\nIntervjuare: Hur började det?\nAA: Med ett samtal.\n';

describe('hostile REFI-QDA files', () => {
  const dir = tempDir('refi-hostile');
  let n = 0;

  /** Imports bytes written to a file named `name`; returns the message it was refused with. */
  async function refused(name: string, bytes: Buffer | string): Promise<string> {
    const file = path.join(dir, `${++n}-${name}`);
    writeFileSync(file, bytes);
    const target = path.join(dir, `${n}-out.rodtrad`);
    const err = await caller()
      .call('refi.importProject', { source: { path: file }, target })
      .then(() => null, (e: Error) => e);
    expect(err, `${name} should be refused`).not.toBeNull();
    expect(err!.name).toBe('UserError');
    expect(err!.message).toContain(file);
    // nothing left behind: no project, no -wal, no -shm
    expect(readdirSync(dir).filter((f) => f.startsWith(`${n}-out`))).toEqual([]);
    return err!.message;
  }

  const good = (extra: Entry[] = [], q = qde()): Buffer => rawZip([{ name: 'project.qde', data: q }, { name: `sources/${G.source}.txt`, data: TEXT }, ...extra]);

  it('a well-formed file generated the same way imports (the tests below differ from it in one thing each)', async () => {
    const file = path.join(dir, 'good.qdpx');
    writeFileSync(file, good());
    const target = path.join(dir, 'good.rodtrad');
    const r = await caller().call('refi.importProject', { source: { path: file }, target });
    expect(r.counts).toMatchObject({ users: 1, codes: 1, sources: 1 });
    const p = Project.open(target);
    // the speakers of the transcript are recognised
    expect(p.db.prepare('SELECT label FROM speakers ORDER BY label').pluck().all()).toEqual(['AA', 'Intervjuare']);
    // written with a rollback journal (pages once, not twice), and in WAL mode again afterwards
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    p.close();
  });

  it('zip slip: an entry with .. is refused', async () => {
    expect(await refused('slip.qdpx', good([{ name: '../../evil.txt', data: 'x' }]))).toMatch(/archive entry "\.\.\/\.\.\/evil\.txt" points outside the archive/);
  });

  it('absolute paths (Unix and Windows) are refused', async () => {
    expect(await refused('abs.qdpx', good([{ name: '/etc/evil.txt', data: 'x' }]))).toMatch(/"\/etc\/evil\.txt" has an absolute path/);
    expect(await refused('drive.qdpx', good([{ name: 'C:\\evil.txt', data: 'x' }]))).toMatch(/has an absolute path/);
  });

  it('a symbolic link entry is refused', async () => {
    expect(await refused('link.qdpx', rawZip([{ name: 'project.qde', data: qde() }, { name: `sources/${G.source}.txt`, data: '/etc/passwd', mode: 0o120777 }]))).toMatch(
      /sources\/3{8}-.*\.txt" is a symbolic link/,
    );
  });

  it('a zip bomb is refused by entry count and by inflated size, counted while inflating', async () => {
    const many = Array.from({ length: 20_001 }, (_, i) => ({ name: `sources/f${i}.txt`, data: '' }));
    expect(await refused('many.qdpx', rawZip([{ name: 'project.qde', data: qde() }, ...many]))).toMatch(/20002 entries \(the limit is 20000\); refused as a possible zip bomb/);
    // 64 MB of zeros in 64 KB: with a 16 MB cap it stops early instead of filling memory
    const bomb = rawZip([{ name: 'project.qde', data: qde() }, { name: `sources/${G.source}.txt`, data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(readArchive(bomb, 'bomb.qdpx', { maxInflatedBytes: 16 * 1024 * 1024, maxEntries: 100 })).rejects.toThrow(/bomb\.qdpx: the archive would unpack to more than 16 MB/);
    await expect(loadRefi(bomb, 'bomb.qdpx', { maxInflatedBytes: 16 * 1024 * 1024, maxEntries: 100 })).rejects.toThrow(/zip bomb/);
  });

  it('XML external entities and entity expansion are refused before parsing', async () => {
    const xxe = qde({ prolog: '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>' }).replace('name="Kod"', 'name="&x;"');
    expect(await refused('xxe.qdpx', good([], xxe))).toMatch(/\(project\.qde\): declares a DOCTYPE \(external entities and entity expansion are refused/);
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
    expect(await refused('laughs.qde', qde({ prolog: lol }).replace('name="Kod"', 'name="&lol3;"'))).toMatch(/laughs\.qde: declares a DOCTYPE/);
    expect(await refused('entity.qdpx', good([], qde().replace('name="Kod"', 'name="&nbsp;"')))).toMatch(/uses the undefined entity &nbsp;/);
  });

  it('a .qde that is not well-formed names the line', async () => {
    expect(await refused('broken.qdpx', good([], qde().replace('</Codes>', '')))).toMatch(/\(project\.qde\): is not well-formed XML \(line \d+, column \d+/);
    expect(await refused('notxml.qde', Buffer.from([0x00, 0x01, 0x02, 0xff]))).toMatch(/not well-formed XML|holds no XML element/);
    expect(await refused('empty.qdpx', Buffer.alloc(0))).toMatch(/is empty/);
    expect(await refused('cut.qdpx', good().subarray(0, 60))).toMatch(/not a readable zip archive|damaged/);
  });

  it('a .qde that is not well-formed is refused as such even where the model is built beside the check', async () => {
    // the model is built while another thread checks the file: tags it cannot read end the
    // build, and the checker's verdict is the one given, not what the build tripped on
    const unquoted = qde({ codes: `<Code guid=${G.code} name="Kod" isCodable="true"/>` });
    const noValue = qde({ codes: `<Code guid name="Kod" isCodable="true"/>` });
    const badGuid = qde({ codes: `<Code guid="not-a-guid" name="Kod" isCodable="true">` });
    const cutInTag = qde().replace('</Project>', '<Broken attr');
    for (const [name, q] of [['unquoted.qdpx', unquoted], ['novalue.qdpx', noValue], ['badguid.qdpx', badGuid], ['cut-in-tag.qdpx', cutInTag]] as const) {
      expect(await refused(name, good([], q))).toMatch(/\(project\.qde\): is not well-formed XML \(line \d+, column \d+/);
    }
  });

  it('a .qde that is not well-formed is refused as such even where the documents were planned beside the check and failed', async () => {
    // the plan (here: a source file the archive lacks) runs while the other thread checks the
    // file; the file's own fault is the one named
    const cutInTag = qde().replace('</Project>', '<Broken attr');
    expect(await refused('cut-nosource.qdpx', rawZip([{ name: 'project.qde', data: cutInTag }]))).toMatch(/\(project\.qde\): is not well-formed XML \(line \d+, column \d+/);
  });

  it('a missing source file, a dangling reference and a missing .qde are refused', async () => {
    expect(await refused('nosource.qdpx', rawZip([{ name: 'project.qde', data: qde() }]))).toMatch(/the source file internal:\/\/3{8}.*\.txt of "Text" is missing from the archive/);
    const dangling = qde({ sources: `<TextSource guid="${G.source}" name="Text" plainTextPath="internal://${G.source}.txt"><PlainTextSelection guid="${G.sel}" startPosition="0" endPosition="3"><Coding guid="${G.coding}"><CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/></Coding></PlainTextSelection></TextSource>` });
    expect(await refused('dangling.qdpx', good([], dangling))).toMatch(/refers to "99999999-9999-4999-8999-999999999999", which is no Code in the file \(a dangling reference\)/);
    expect(await refused('noqde.qdpx', rawZip([{ name: 'sources/a.txt', data: 'x' }]))).toMatch(/holds no project\.qde/);
  });

  it('invalid and duplicate GUIDs are refused', async () => {
    expect(await refused('badguid.qdpx', good([], qde({ codes: '<Code guid="not-a-guid" name="Kod" isCodable="true"/>' })))).toMatch(/the <Code> "Kod" has the invalid GUID "not-a-guid"/);
    expect(await refused('dupguid.qdpx', good([], qde({ codes: `<Code guid="${G.user.toUpperCase()}" name="Kod" isCodable="true"/>` })))).toMatch(/the GUID 1{8}-.* is used twice \(<User> and <Code>\)/);
  });

  it('an unknown namespace or root element is refused; a codebook is not a project', async () => {
    expect(await refused('ns.qdpx', good([], qde({ root: 'xmlns="urn:example:evil"' })))).toMatch(/uses the namespace "urn:example:evil", which is not REFI-QDA/);
    expect(await refused('root.qde', '<?xml version="1.0"?><Workbook/>')).toMatch(/has the root element <Workbook>/);
    expect(await refused('book.qdc', `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G.code}" name="A" isCodable="true"/></Codes></CodeBook>`)).toMatch(/is a codebook \(\.qdc\), not a project/);
  });

  it('selections out of range, reversed or empty are reported with source and position, never placed', async () => {
    const text = 'Ett 😀 två tre.\n';
    const sel = (g: string, s: number, e: number): string => `<PlainTextSelection guid="${g}" startPosition="${s}" endPosition="${e}"><Coding guid="${g.replace(/^4/, '6')}"><CodeRef targetGUID="${G.code}"/></Coding></PlainTextSelection>`;
    const q = qde({
      sources: `<TextSource guid="${G.source}" name="Text" plainTextPath="internal://${G.source}.txt">${[
        sel('44444444-0000-4000-8000-000000000001', 0, 3),
        sel('44444444-0000-4000-8000-000000000002', 10, 500),
        sel('44444444-0000-4000-8000-000000000003', 9, 4),
        sel('44444444-0000-4000-8000-000000000004', 7, 7),
      ].join('')}</TextSource>`,
    });
    const file = path.join(dir, 'ranges.qdpx');
    writeFileSync(file, rawZip([{ name: 'project.qde', data: q }, { name: `sources/${G.source}.txt`, data: text }]));
    const target = path.join(dir, 'ranges.rodtrad');
    const r = await caller().call('refi.importProject', { source: { path: file }, target });
    expect(r.unplaced.map((u) => [u.source, u.start, u.end, u.reason])).toEqual([
      ['Text', 10, 500, 'the selection 10–500 lies outside the text (15 characters counted as code points)'],
      ['Text', 9, 4, 'the selection is reversed (start 9 after end 4)'],
      ['Text', 7, 7, 'the selection 7–7 is empty'],
    ]);
    // in words in both languages, each with its selection's GUID
    expect(r.unplaced.map((u) => [u.selection, u.reasonSv])).toEqual([
      ['44444444-0000-4000-8000-000000000002', 'markeringen 10–500 ligger utanför texten (15 tecken räknade som kodpunkter)'],
      ['44444444-0000-4000-8000-000000000003', 'markeringen är omvänd (start 9 efter slut 4)'],
      ['44444444-0000-4000-8000-000000000004', 'markeringen 7–7 är tom'],
    ]);
    // the CLI's text report: each by source, selection and positions, and how positions were counted in words
    const printed = formatImportReport(r, target);
    expect(printed).toContain('"Text" selection 44444444-0000-4000-8000-000000000002: the selection 10–500 lies outside the text (15 characters counted as code points)');
    expect(printed).toContain('"Text" selection 44444444-0000-4000-8000-000000000003: the selection is reversed (start 9 after end 4)');
    expect(printed).toContain('Positions counted as characters (code points, as the standard says): Text.');
    const p = Project.open(target);
    expect(quotationRows(p).map((x) => x.text)).toEqual(['Ett']);
    p.close();
  });

  it('codings on a note\'s own text are listed as skipped with their count, not dropped unreported', async () => {
    const note = '77777777-0000-4000-8000-000000000001';
    const q = qde({
      notes: `<Notes><Note guid="${note}" name="Reflektion"><PlainTextContent>Ett memo om samtalet.</PlainTextContent><PlainTextSelection guid="77777777-0000-4000-8000-000000000002" startPosition="0" endPosition="3"><Coding guid="77777777-0000-4000-8000-000000000003"><CodeRef targetGUID="${G.code}"/></Coding><Coding guid="77777777-0000-4000-8000-000000000004"><CodeRef targetGUID="${G.code}"/></Coding></PlainTextSelection></Note></Notes>`,
    });
    const file = path.join(dir, 'note-codings.qdpx');
    writeFileSync(file, rawZip([{ name: 'project.qde', data: q }, { name: `sources/${G.source}.txt`, data: TEXT }]));
    const r = await caller().call('refi.importProject', { source: { path: file }, target: path.join(dir, 'note-codings.rodtrad') });
    expect(r.counts.notes).toBe(1);
    expect(r.skipped.filter((s) => s.kind === 'note').map((s) => [s.name, s.codings])).toEqual([['Reflektion', 2]]);
  });

  it('a cancelled import leaves no project file', async () => {
    const file = path.join(dir, 'cancel.qdpx');
    writeFileSync(file, good());
    const target = path.join(dir, 'cancel.rodtrad');
    const ac = new AbortController();
    ac.abort();
    await expect(
      Promise.resolve(refiHandlers['refi.importProject']({ session: new Session('test'), signal: ac.signal, jobId: undefined, progress: () => undefined }, { source: { path: file }, target, skipMissingSources: false })),
    ).rejects.toThrow(/cancelled/);
    expect(existsSync(target)).toBe(false);
  });
});

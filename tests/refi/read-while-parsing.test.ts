/**
 * A project read while its `.qde` is parsed (read-project.ts, ProjectReader): each source is
 * read as its element closes and dropped from the tree, so the tree of a large project never
 * holds all its selections at once. The project is the same as read from the whole tree, for
 * a hand-made file and every sample; what the file does wrong is reported as before.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildAndRead, kindOf, readProject } from '../../electron/core/refi/read-project';
import { buildRoot, child, xmlByteString } from '../../electron/core/refi/xml';
import { skipUnless } from '../helpers/reference';
import { sample, SAMPLES, type SampleKey } from './fixture';

const g = (kind: number, n: number): string => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function qde(o: { root?: string; selectionGuid?: string; secondSources?: string } = {}): string {
  const selections = Array.from({ length: 3 }, (_, k) => `<PlainTextSelection guid="${k === 2 && o.selectionGuid ? o.selectionGuid : g(4, k)}" startPosition="${k}" endPosition="${k + 2}"><Coding guid="${g(5, k)}"><CodeRef targetGUID="${g(1, 1)}"/></Coding></PlainTextSelection>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project ${o.root ?? 'xmlns="urn:QDA-XML:project:1.0"'} name="Läsning">
  <Users><User guid="${g(2, 1)}" name="Åsa"/></Users>
  <CodeBook><Codes><Code guid="${g(1, 1)}" name="Kod" isCodable="true"><NoteRef targetGUID="${g(6, 1)}"/></Code></Codes></CodeBook>
  <Sources>
    <TextSource guid="${g(3, 1)}" name="Ett" plainTextPath="internal://a.txt">${selections}</TextSource>
    <PDFSource guid="${g(3, 2)}" name="Två" path="b.pdf"><PDFSelection guid="${g(7, 1)}" page="1" firstX="0" firstY="0" secondX="1" secondY="1"><Coding guid="${g(7, 2)}"><CodeRef targetGUID="${g(1, 1)}"/></Coding></PDFSelection></PDFSource>
    <TextSource guid="${g(3, 3)}" name="Tre"><PlainTextContent>Hej då</PlainTextContent></TextSource>
  </Sources>
  ${o.secondSources ?? ''}
  <Notes><Note guid="${g(6, 1)}" name="Memo"><PlainTextContent>Text</PlainTextContent></Note></Notes>
  <Sets><Set guid="${g(8, 1)}" name="Grupp"><MemberSource targetGUID="${g(3, 1)}"/></Set></Sets>
</Project>`;
}

function both(xml: string) {
  const whole = readProject(buildRoot(xml, 'f'), 'f');
  const { root, project } = buildAndRead(xml, 'f', false);
  kindOf(root, 'f');
  return { whole, streamed: project(), root };
}

describe('a project read while it is parsed', () => {
  it('equals the project read from the whole tree, and the tree keeps no source', () => {
    const { whole, streamed, root } = both(qde());
    expect(streamed).toEqual(whole);
    expect(streamed.textSources.map((s) => [s.name, s.selections.length])).toEqual([['Ett', 3], ['Tre', 0]]);
    expect(streamed.otherSources.map((s) => [s.name, s.codings])).toEqual([['Två', 1]]);
    // the sources were read as they closed and dropped; the rest of the tree is there
    expect(child(root, 'Sources')).toBeUndefined();
    expect(child(root, 'Users')?.children).toHaveLength(1);
  });

  it('reads only the first <Sources>, as a tree read from the top does', () => {
    const second = `<Sources><TextSource guid="${g(9, 1)}" name="Fyra"><PlainTextContent>x</PlainTextContent></TextSource></Sources>`;
    const { whole, streamed } = both(qde({ secondSources: second }));
    expect(streamed).toEqual(whole);
    expect(streamed.textSources.map((s) => s.name)).toEqual(['Ett', 'Tre']);
  });

  it('refuses a foreign namespace before what it found wrong inside the sources', () => {
    const xml = qde({ root: 'xmlns="urn:example:other"', selectionGuid: 'inte-ett-guid' });
    const { root, project } = buildAndRead(xml, 'f', false);
    expect(() => kindOf(root, 'f')).toThrow(/not REFI-QDA/);
    expect(project).toThrow(/invalid GUID "inte-ett-guid"/);
    // a duplicate GUID names the elements in the file's order, as before
    const dup = qde({ selectionGuid: g(2, 1) });
    expect(() => both(dup)).toThrow(/the GUID 00000002-.* is used twice \(<User> and <PlainTextSelection>\)/);
  });

  const missing = skipUnless('read while parsing: the REFI-QDA samples', ...Object.keys(SAMPLES).map((k) => sample(k as SampleKey)));
  it.skipIf(missing)('equals the project read from the whole tree for every sample project', async () => {
    let projects = 0;
    for (const key of Object.keys(SAMPLES) as SampleKey[]) {
      const file = sample(key).path!;
      const bytes = readFileSync(file);
      const qdes = /\.qde$/i.test(file) ? [bytes] : /\.qdc$/i.test(file) ? [] : await Promise.all((await JSZip.loadAsync(bytes)).file(/\.qde$/i).map((e) => e.async('nodebuffer')));
      for (const b of qdes) {
        const { xml, bytewise } = xmlByteString(b);
        const whole = readProject(buildRoot(xml, file, bytewise), file);
        const { root, project } = buildAndRead(xml, file, bytewise);
        expect(kindOf(root, file)).toBe('project');
        expect(project()).toEqual(whole);
        projects++;
      }
    }
    expect(projects).toBe(11);
  });
});

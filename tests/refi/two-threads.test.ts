/**
 * The REFI import in two threads (refi/helper-thread.ts): the second thread checks the file
 * and prepares text sources while the job's thread writes. Whatever thread prepares which
 * source, the project is the same as with one thread; a helper that dies or an import
 * cancelled midway loses nothing and leaves nothing. And the element tree read byte-wise
 * (xml.ts) equals the tree of the decoded file, for a hand-made file and every sample.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { helperStats } from '../../electron/core/refi/helper-thread';
import { importRefiProject } from '../../electron/core/refi/import-project';
import type { HelperOptions } from '../../electron/core/refi/helper-thread';
import { buildRoot, decodeXmlBytes, xmlByteString } from '../../electron/core/refi/xml';
import { Project } from '../../electron/core/project/project';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { jobContext } from '../import/helpers';
import { rawZip } from '../import/fixtures';
import { quotationRows, sample, SAMPLES, type SampleKey } from './fixture';

const dir = tempDir('rodtrad-refi-threads');

const guid = (kind: number, n: number): string => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const CODES = [guid(1, 1), guid(1, 2), guid(1, 3)];
const USER = guid(2, 1);

/** Source texts with every path through the preparation: as stored, BOM, CRLF, emoji, decomposed å, Windows-1252, a field note, an inline text. */
function sourceText(i: number): { bytes: Buffer; text: string } {
  const lines = Array.from({ length: 12 }, (_, n) => `${['Intervjuare', 'AA', 'BB'][n % 3]}: Replik ${n} i samtal ${i}, om hur det gick 😀.`);
  const text = lines.join('\n\n');
  switch (i % 5) {
    case 1:
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), text };
    case 2:
      return { bytes: Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), text };
    case 3:
      return { bytes: Buffer.from(text.replace(/å/g, 'a\u030a'), 'utf8'), text };
    case 4:
      return { bytes: iconv.encode(text.replace(/😀/g, '€'), 'windows-1252'), text: text.replace(/😀/g, '€') };
    default:
      return { bytes: Buffer.from(text, 'utf8'), text };
  }
}

/** A project of `n` sources, each with selections at word edges, one out of any range, one beyond 2^32 and one reversed. */
function project(n: number): Buffer {
  const sources: string[] = [];
  const files: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < n; i++) {
    const g = guid(3, i + 1);
    const { bytes, text } = sourceText(i);
    const cps = [...text];
    const at = (word: string): [number, number] => {
      const u = text.indexOf(word);
      return [[...text.slice(0, u)].length, [...text.slice(0, u)].length + [...word].length];
    };
    const ranges = [at(`samtal ${i}`), at('hur det gick'), at('Replik 7'), [0, cps.length], [cps.length + 1000, cps.length + 1009], [4294967296 + 5, 4294967296 + 9], [9, 3]];
    const selections = ranges
      .map(([s, e], k) => `<PlainTextSelection guid="${guid(4, i * 100 + k)}" startPosition="${s}" endPosition="${e}" creatingUser="${USER}"><Coding guid="${guid(5, i * 100 + k)}" creatingUser="${USER}"><CodeRef targetGUID="${CODES[k % 3]}"/></Coding></PlainTextSelection>`)
      .join('');
    const name = i === 6 ? `Fältanteckning ${i}` : `Samtal ${i}`;
    if (i === 5) sources.push(`<TextSource guid="${g}" name="${name}"><PlainTextContent>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</PlainTextContent>${selections}</TextSource>`);
    else {
      sources.push(`<TextSource guid="${g}" name="${name}" plainTextPath="internal://${g}.txt">${selections}</TextSource>`);
      files.push({ name: `sources/${g}.txt`, data: bytes });
    }
  }
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Två trådar" origin="Testverktyget 1.0">
<Users><User guid="${USER}" name="Åsa"/></Users>
<CodeBook><Codes>${CODES.map((c, k) => `<Code guid="${c}" name="Kod ${k} – ${['åäö', 'emoji 😀', 'enkel'][k]}" isCodable="true"/>`).join('')}</Codes></CodeBook>
<Sources>${sources.join('\n')}</Sources>
</Project>`;
  return rawZip([{ name: 'project.qde', data: Buffer.from(qde, 'utf8') }, ...files]);
}

function snapshot(p: Project) {
  return {
    documents: p.db.prepare('SELECT guid, name, kind, typeof(text) AS type, text, chars, source_name, encoding, sha256, language, position FROM documents ORDER BY position').all(),
    turns: p.db.prepare('SELECT d.name, t.start, t."end", t.timestamp, s.label, s.is_interviewer FROM turns t JOIN documents d ON d.id = t.document_id LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY d.position, t.start').all(),
    quotations: quotationRows(p),
    integrity: p.db.pragma('integrity_check', { simple: true }),
  };
}

let made = 0;
async function importWith(file: string, helper: HelperOptions, ctx = jobContext()) {
  const target = path.join(dir, `two-threads-${++made}.rodtrad`);
  Project.create(target).close();
  const p = Project.open(target);
  try {
    const report = await importRefiProject(p, { source: { path: file } }, ctx, helper);
    return { report, snapshot: snapshot(p), target };
  } finally {
    p.close();
  }
}

describe('the REFI import in two threads', () => {
  const file = path.join(dir, 'twelve.qdpx');
  writeFileSync(file, project(12));

  it('gives the same project whichever thread prepares which source', async () => {
    const one = await importWith(file, { script: null });
    expect(one.report.counts.sources).toBe(12);
    // 12 sources × 7 selections: 4 placed, one out of range, one beyond 2^32, one reversed
    expect(one.report.counts.selections).toBe(48);
    // a position beyond 2^32 is out of range, never read modulo 2^32
    expect(one.report.unplaced.filter((u) => u.start === 4294967301 && /outside the text/.test(u.reason))).toHaveLength(12);
    expect(one.report.unplaced).toHaveLength(36);
    expect(one.snapshot.integrity).toBe('ok');
    // every placed selection holds the words it was made on
    const coded = new Map<string, string[]>();
    for (const q of one.snapshot.quotations) coded.set(q.document, [...(coded.get(q.document) ?? []), q.text]);
    for (const [i, texts] of [...coded.values()].entries()) expect(texts.slice(1).sort()).toEqual(['Replik 7', 'hur det gick', `samtal ${[...coded.keys()][i]!.split(' ')[1]}`].sort());

    const before = helperStats().prepared;
    const helperOnly = await importWith(file, { steal: false });
    // the job's thread waited for every source: the helper prepared all twelve
    expect(helperStats().prepared - before).toBe(12);
    const both = await importWith(file, {});
    expect(helperOnly.snapshot).toEqual(one.snapshot);
    expect(both.snapshot).toEqual(one.snapshot);
    expect(helperOnly.report).toEqual(one.report);
    expect(both.report).toEqual(one.report);

    // what each kind of source became
    const docs = one.snapshot.documents as { name: string; kind: string; type: string; text: string; chars: number; encoding: string | null }[];
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(['text']));
    expect(docs.map((d) => d.encoding).slice(0, 5)).toEqual(['utf-8', 'utf-8 (BOM)', 'utf-8', 'utf-8', 'windows-1252']);
    for (const [i, d] of docs.entries()) expect([d.text, d.chars]).toEqual([sourceText(i).text.normalize('NFC'), sourceText(i).text.length]);
    expect(docs.find((d) => d.name.startsWith('Fältanteckning'))!.kind).toBe('fieldnote');
    expect(docs.filter((d) => d.kind === 'interview')).toHaveLength(11);
    expect(one.snapshot.turns).toHaveLength(11 * 12);
  });

  it('goes on without a helper that dies holding sources, preparing them itself', async () => {
    const dying = path.join(dir, 'dying-helper.mjs');
    // never answers the check; takes three sources and dies without preparing them
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => {\n  if (m.type === 'prepare') {\n    Atomics.add(new Int32Array(m.control), 0, 3);\n    process.exit(7);\n  }\n});\n");
    const one = await importWith(file, { script: null });
    const survived = await importWith(file, { script: dying, steal: false });
    expect(survived.snapshot).toEqual(one.snapshot);
    expect(survived.report).toEqual(one.report);
  });

  it('still refuses a file that is not well-formed when the helper dies before its verdict', async () => {
    const dying = path.join(dir, 'dying-at-once.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const broken = path.join(dir, 'broken.qdpx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const qde = (await zip.file('project.qde')!.async('string')).replace('</CodeBook>', '</CodeBook></Oops>');
    zip.file('project.qde', qde);
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(importWith(broken, { script: dying })).rejects.toThrow(/not well-formed XML \(line \d+/);
  });

  it('cancelled while writing: nothing is kept, and the next import uses the helper started for it', async () => {
    await importWith(file, {});
    expect(helperStats().waiting).toBe(true);
    // cancelled after the codes and three documents are written
    const cancelled = jobContext({ cancelAfter: 4 });
    const target = path.join(dir, 'cancelled.rodtrad');
    Project.create(target).close();
    const open = Project.open(target);
    await expect(importRefiProject(open, { source: { path: file } }, cancelled).finally(() => open.close())).rejects.toThrow(/cancelled/);
    expect(cancelled.events.filter((e) => e.phase === 'write')).toHaveLength(4);
    // the one transaction was rolled back: the project is as created
    const p = Project.open(target);
    try {
      expect(p.db.prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM quotations) + (SELECT count(*) FROM codes)').pluck().get()).toBe(0);
      expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      p.close();
    }
    expect(existsSync(`${target}-journal`)).toBe(false);
    const before = helperStats();
    expect(before.waiting).toBe(true);
    const again = await importWith(file, {});
    expect(again.report.counts.sources).toBe(12);
    // the waiting helper served it; the one started now waits for the next import
    expect(helperStats()).toMatchObject({ started: before.started + 1, waiting: true });
  });
});

describe('the element tree read byte-wise', () => {
  const same = (bytes: Buffer): void => {
    const { xml, bytewise } = xmlByteString(bytes);
    expect(buildRoot(xml, 'byte-wise', bytewise)).toEqual(buildRoot(decodeXmlBytes(bytes), 'decoded'));
  };

  it('equals the tree of the decoded file: names, values, text, CDATA, references, BOM, UTF-16', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Åsa &amp; Öjvind 😀">
  <Ämne nyckel-å="värde ™" text='en\tflik'>Text med å, ä, ö och 漢字\r\nrad två &#228; &#x1F600;<![CDATA[ <rå> å ]]></Ämne>
  <Tom/>
  <Description>   </Description>
</Project>`;
    same(Buffer.from(xml, 'utf8'));
    same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
    same(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    // a cut UTF-8 sequence inside a value reads as the same replacement character either way
    same(Buffer.concat([Buffer.from('<a b="x', 'utf8'), Buffer.from([0xc3]), Buffer.from('"><c>å</c></a>', 'utf8')]));
    const tree = buildRoot(xmlByteString(Buffer.from(xml, 'utf8')).xml, 'byte-wise', true);
    expect(tree.attrs.name).toBe('Åsa & Öjvind 😀');
    expect(tree.children[0]!.name).toBe('Ämne');
    expect(tree.children[0]!.text).toBe('Text med å, ä, ö och 漢字\nrad två ä 😀 <rå> å ');
  });

  const missing = skipUnless('byte-wise trees of the REFI-QDA samples', ...Object.keys(SAMPLES).map((k) => sample(k as SampleKey)));
  it.skipIf(missing)('equals the tree of the decoded file for every sample', async () => {
    for (const key of Object.keys(SAMPLES) as SampleKey[]) {
      const file = sample(key).path!;
      const bytes = readFileSync(file);
      if (/\.(qde|qdc)$/i.test(file)) same(bytes);
      else {
        const zip = await JSZip.loadAsync(bytes);
        for (const entry of zip.file(/\.qde$/i)) same(await entry.async('nodebuffer'));
      }
    }
  });
});

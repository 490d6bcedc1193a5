/**
 * Generates the hostile import corpus into a folder at test time: at least 40 files, each
 * with the outcome the importer must give it. Nothing here is a committed blob.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { deflatedZeros, docxWithXml, makeDocx, makeOdt, makePdf, makeRtf, makeXlsx, rawZip } from './fixtures';

export interface HostileCase {
  /** File name inside the corpus folder (or a path that does not exist, for "missing"). */
  name: string;
  expect: 'imported' | 'failed' | 'skipped';
  /** What the message must say (failed/skipped). */
  error?: RegExp;
  /** Documents it must add when imported (surveys add several). */
  documents?: number;
  /** Exact stored text, where the case is about bytes. */
  text?: string;
  why: string;
}

/** Size cap the corpus is imported with (MB), so "too large" needs only a small file. */
export const CORPUS_MAX_MB = 2;

const TRANSCRIPT = 'I: Hur har terminen varit?\n\nAL: Intensiv – många ärenden.\n\nI: Och ”bollandet”?\n\nAL: Det kostar, €-mässigt också.';
const XXE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;

export async function makeHostileCorpus(dir: string): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = (name: string, bytes: Buffer | string, c: Omit<HostileCase, 'name'>): void => {
    writeFileSync(path.join(dir, name), bytes);
    cases.push({ name, ...c });
  };
  const goodDocx = await makeDocx([{ bold: 'I:', text: ' Hur började det?' }, { bold: 'Sara:', text: ' Med ett möte.' }]);
  const goodOdt = await makeOdt('<text:p>I: Fråga?</text:p><text:p>BN: Svar.</text:p><text:p>I: Tack.</text:p>');
  const goodXlsx = await makeXlsx([['id', 'Kön', 'Vad vill du säga om arbetsmiljön i stort?'], ['A', 'k', 'Den har blivit bättre det senaste året tycker jag'], ['B', 'm', 'Sämre, vi är för få på enheten just nu']]);
  const goodPdf = makePdf(['Fältanteckning från mottagningen', 'Kl 9 öppnar receptionen']);

  // — files that must go in —
  add('transkript.txt', TRANSCRIPT, { expect: 'imported', documents: 1, text: TRANSCRIPT, why: 'plain UTF-8 transcript' });
  add('intervju åäö med mellanslag 😀.txt', 'I: Hej.\nÖS: Hej hej.', { expect: 'imported', documents: 1, why: 'åäö, spaces and emoji in the file name' });
  add('Ärende – ÖVERSIKT.md', '# Översikt\n\nAnteckningar om ärendegången.', { expect: 'imported', documents: 1, why: 'non-ASCII Markdown file name' });
  add('cp1252.txt', iconv.encode(TRANSCRIPT.replace(/\n/g, '\r\n'), 'windows-1252'), { expect: 'imported', documents: 1, text: TRANSCRIPT, why: 'Windows-1252 with – ” €' });
  add('utf16le-utan-bom.txt', iconv.encode(`${TRANSCRIPT} LE`, 'utf-16le'), { expect: 'imported', documents: 1, text: `${TRANSCRIPT} LE`, why: 'UTF-16LE without BOM' });
  add('utf16be-med-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(`${TRANSCRIPT} BE`, 'utf-16be')]), { expect: 'imported', documents: 1, text: `${TRANSCRIPT} BE`, why: 'UTF-16BE with BOM' });
  add('utf8-med-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${TRANSCRIPT} BOM`)]), { expect: 'imported', documents: 1, text: `${TRANSCRIPT} BOM`, why: 'UTF-8 with BOM' });
  add('lang-men-rimlig-rad.txt', `${'ord '.repeat(50_000)}slut`, { expect: 'imported', documents: 1, why: 'a 200,000-character line is long but acceptable' });
  add('intervju.docx', goodDocx, { expect: 'imported', documents: 1, why: 'a good DOCX' });
  add('anteckning.odt', goodOdt, { expect: 'imported', documents: 1, why: 'a good ODT' });
  add('intervju.rtf', makeRtf(['I: Hur mår ni?', 'KE: Bra, tack – trötta.']), { expect: 'imported', documents: 1, why: 'a good RTF' });
  add('faltanteckning.pdf', goodPdf, { expect: 'imported', documents: 1, why: 'a PDF with a text layer' });
  add('inspelning.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v I>Hej.\n\n00:00:02.500 --> 00:00:04.000\n<v Anna>Hej!\n', { expect: 'imported', documents: 1, why: 'a good VTT' });
  add('inspelning.srt', '1\n00:00:01,000 --> 00:00:02,000\nI: Hej.\n\n2\n00:00:03,000 --> 00:00:04,000\nCS: Hej!\n', { expect: 'imported', documents: 1, why: 'a good SRT' });
  add('enkat.xlsx', goodXlsx, { expect: 'imported', documents: 2, why: 'an XLSX survey (two respondents)' });
  add('enkat.csv', 'id,grupp,Hur upplever du samverkan med andra enheter?\n1,chef,Den fungerar ibland men ofta saknas tid\n2,medarbetare,\n3,medarbetare,Vi pratar för lite med varandra över gränserna\n', { expect: 'imported', documents: 3, why: 'a CSV survey (three respondents, one without an open answer)' });

  // — the same content again —
  add('upprepad-transkript.txt', TRANSCRIPT, { expect: 'skipped', error: /already in the project as "transkript"/, why: 'same bytes as transkript.txt (sha256)' });
  add('upprepad-intervju.docx', goodDocx, { expect: 'skipped', error: /already in the project/, why: 'same DOCX twice' });

  // — empty and binary —
  add('tom.txt', '', { expect: 'failed', error: /empty/, why: 'empty file' });
  add('bara-mellanslag.txt', ' \n\t\n  ', { expect: 'failed', error: /empty/, why: 'only white space' });
  add('tom.pdf', '', { expect: 'failed', error: /empty/, why: 'empty PDF' });
  add('tom.docx', '', { expect: 'failed', error: /empty/, why: 'empty DOCX' });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))]);
  add('bild.txt', png, { expect: 'failed', error: /binary/, why: 'a PNG renamed .txt' });
  add('program.md', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 17) % 256)), { expect: 'failed', error: /binary/, why: 'random bytes named .md' });
  add('binar.csv', png, { expect: 'failed', error: /not text|binary/, why: 'binary data named .csv' });
  add('binar.vtt', png, { expect: 'failed', error: /not text|WEBVTT/, why: 'binary data named .vtt' });

  // — truncated or corrupt containers —
  add('avklippt.docx', goodDocx.subarray(0, Math.floor(goodDocx.length / 2)), { expect: 'failed', error: /damaged|truncated/, why: 'DOCX cut in half' });
  add('skrap.docx', Buffer.from('det här är inte ett Word-dokument'), { expect: 'failed', error: /damaged|truncated|zip/, why: 'text renamed .docx' });
  add('zip-utan-dokument.docx', rawZip([{ name: 'hej.txt', data: Buffer.from('hej') }]), { expect: 'failed', error: /no word\/document\.xml/, why: 'a zip that is not a Word document' });
  add('avklippt.odt', goodOdt.subarray(0, Math.floor(goodOdt.length / 2)), { expect: 'failed', error: /damaged|truncated/, why: 'ODT cut in half' });
  add('skrap.odt', png, { expect: 'failed', error: /damaged|truncated|zip/, why: 'PNG renamed .odt' });
  add('avklippt.xlsx', goodXlsx.subarray(0, Math.floor(goodXlsx.length / 2)), { expect: 'failed', error: /damaged|truncated/, why: 'XLSX cut in half' });
  add('skrap.xlsx', Buffer.from('a,b\n1,2\n'), { expect: 'failed', error: /damaged|truncated|zip/, why: 'CSV renamed .xlsx' });
  add('avklippt.pdf', goodPdf.subarray(0, 200), { expect: 'failed', error: /damaged|truncated|no text layer|cannot be read/, why: 'PDF cut short' });
  add('skrap.pdf', Buffer.from('%PDF-1.4\nskräp skräp skräp'), { expect: 'failed', error: /damaged|truncated|invalid|cannot be read/, why: 'garbage with a PDF header' });
  add('inte-rtf.rtf', 'Bara vanlig text.', { expect: 'failed', error: /not an RTF file/, why: 'plain text named .rtf' });
  add('avklippt.rtf', makeRtf(['I: Hej', 'AL: Hej']).subarray(0, 60), { expect: 'failed', error: /truncated/, why: 'RTF cut short' });
  add('utan-huvud.vtt', '00:00:01.000 --> 00:00:02.000\nHej\n', { expect: 'failed', error: /WEBVTT/, why: 'VTT without its header' });
  add('utan-cues.srt', 'Det här är ingen undertext.\n', { expect: 'failed', error: /no subtitle cues/, why: 'SRT without cues' });
  add('bara-rubriker.csv', 'id,fråga\n', { expect: 'failed', error: /no answers/, why: 'survey with a header only' });

  // — PDFs that cannot give text —
  add('losenord.pdf', makePdf(['hemligt'], { encrypt: true }), { expect: 'failed', error: /password/, why: 'password-protected PDF' });
  add('skannad.pdf', makePdf([], { imageOnly: true }), { expect: 'failed', error: /needs OCR/, why: 'PDF without a text layer' });

  // — attacks on zip-based formats —
  const bomb = await deflatedZeros(300 * 1024 * 1024);
  add('zipbomb.docx', rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', deflated: bomb.deflated, size: 300 * 1024 * 1024, crc: bomb.crc }]), {
    expect: 'failed',
    error: /zip bomb/,
    why: 'DOCX whose document.xml unpacks to 300 MB',
  });
  add('zipbomb-ljuger.xlsx', rawZip([{ name: 'xl/workbook.xml', deflated: bomb.deflated, size: 1000, crc: bomb.crc }]), {
    expect: 'failed',
    error: /damaged|zip bomb/,
    why: 'XLSX whose entry claims 1 KB but unpacks to 300 MB',
  });
  add('zipbomb-poster.odt', rawZip(Array.from({ length: 10_050 }, (_, i) => ({ name: `d/${i}.xml`, data: Buffer.from('<a/>') }))), {
    expect: 'failed',
    error: /entries/,
    why: 'ODT with more than 10,000 entries',
  });
  add('xxe.docx', await docxWithXml(XXE), { expect: 'failed', error: /DOCTYPE or ENTITY/, why: 'external entity in document.xml' });
  add('billion-laughs.docx', await docxWithXml(LAUGHS), { expect: 'failed', error: /DOCTYPE or ENTITY/, why: 'entity expansion in document.xml' });
  add('xxe.odt', await makeOdt('<text:p>&xxe;</text:p>', '<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), { expect: 'failed', error: /DOCTYPE or ENTITY/, why: 'external entity in content.xml' });
  add('billion-laughs.odt', await makeOdt('<text:p>&lol3;</text:p>', '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>'), { expect: 'failed', error: /DOCTYPE or ENTITY/, why: 'entity expansion in content.xml' });
  const utf16Doctype = await JSZip.loadAsync(goodOdt).then((z) => {
    z.file('content.xml', iconv.encode(`<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>`, 'utf-16le'));
    return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  });
  add('xxe-utf16.odt', utf16Doctype, { expect: 'failed', error: /DOCTYPE or ENTITY/, why: 'entity declaration hidden in UTF-16 XML' });

  // — size and shape limits —
  add('en-enda-rad.txt', 'x'.repeat(1_200_000), { expect: 'failed', error: /line is 1,200,000 characters/, why: 'an absurdly long line' });
  add('for-stor.txt', `I: ${'bla '.repeat(Math.ceil((CORPUS_MAX_MB * 1024 * 1024 + 10_000) / 4))}`, { expect: 'failed', error: /over the import limit/, why: 'a file over the size cap' });
  add('okand.xyz', 'vad är detta', { expect: 'failed', error: /not a format Rödtråd imports/, why: 'unsupported extension' });
  cases.push({ name: 'finns-inte.txt', expect: 'failed', error: /no such file/, why: 'a path that does not exist' });
  return cases;
}

/**
 * RTF through @iarna/rtf-to-html (HTML keeps bold runs for speaker names). rtf-parser does
 * not skip the fallback character after a \uN escape, so that is done first.
 */
import { createRequire } from 'node:module';
import { decodeText } from '../encoding';
import { htmlToParagraphs, paragraphsToText } from '../paragraphs';
import { badFile, type ReadContext, type TextExtract } from './types';

type RtfToHtml = { fromString(rtf: string, cb: (err: Error | null, html: string) => void): void };

const require = createRequire(import.meta.url);

export async function readRtf(bytes: Buffer, ctx: ReadContext): Promise<TextExtract> {
  // RTF is 7-bit: its own escapes carry the code page; decoding as text only finds junk
  const raw = decodeText(bytes, ctx.encoding ?? null).text;
  if (!/^\s*\{\\rtf/.test(raw)) throw badFile(ctx.file, 'not an RTF file (it does not start with {\\rtf)', 'ingen RTF-fil (den börjar inte med {\\rtf)');
  if (!/\}\s*$/.test(raw)) throw badFile(ctx.file, 'the RTF file is truncated (its last group is not closed)', 'RTF-filen är avkortad (dess sista grupp är inte stängd)');
  const fixed = raw.replace(/(\\u-?\d+) ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\s])/g, '$1 ');
  const rtfToHtml = require('@iarna/rtf-to-html') as RtfToHtml;
  let html: string;
  try {
    html = await new Promise<string>((resolve, reject) => {
      try {
        rtfToHtml.fromString(fixed, (err, out) => (err ? reject(err) : resolve(out)));
      } catch (e) {
        reject(e as Error);
      }
    });
  } catch (e) {
    throw badFile(ctx.file, `the RTF file cannot be read (${(e as Error).message})`, `RTF-filen går inte att läsa (${(e as Error).message})`);
  }
  const { text, knownLabels } = paragraphsToText(htmlToParagraphs(html));
  return { text, sourceType: 'rtf', encoding: null, knownLabels };
}

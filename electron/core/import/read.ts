/**
 * Bytes of one file → text (or rows), whatever the format, with the checks every text
 * must pass: not empty, not binary, no absurd lines.
 */
import { decodeText, looksBinary } from './encoding';
import { readDocx } from './formats/docx';
import type { ImportFormat } from './formats/index';
import { readOdt } from './formats/odt';
import { readPdf } from './formats/pdf';
import { readRtf } from './formats/rtf';
import { readSubtitles } from './formats/subtitles';
import { badFile, type ReadContext, type TextExtract } from './formats/types';

export async function readTextFormat(bytes: Buffer, format: Exclude<ImportFormat, 'csv' | 'xlsx'>, ctx: ReadContext): Promise<TextExtract> {
  if (bytes.length === 0) throw badFile(ctx.file, 'the file is empty', 'filen är tom');
  let out: TextExtract;
  switch (format) {
    case 'txt':
    case 'md':
      return readPlainText(bytes, format, ctx);
    case 'docx':
      out = await readDocx(bytes, ctx);
      break;
    case 'odt':
      out = await readOdt(bytes, ctx);
      break;
    case 'rtf':
      out = await readRtf(bytes, ctx);
      break;
    case 'pdf':
      out = await readPdf(bytes, ctx);
      break;
    case 'vtt':
    case 'srt':
      out = readSubtitles(bytes, ctx, format);
      break;
  }
  return checkText(out, format, ctx);
}

/** Plain text (.txt, .md): synchronous, so the sample project can be built without a job. */
export function readPlainText(bytes: Buffer, format: 'txt' | 'md', ctx: ReadContext): TextExtract {
  if (bytes.length === 0) throw badFile(ctx.file, 'the file is empty', 'filen är tom');
  const { text, encoding, utf8 } = decodeText(bytes, ctx.encoding);
  if (looksBinary(text)) throw badFile(
      ctx.file,
      `this is not a text file: the bytes look binary (an image, program or damaged file with a .${format} name?)`,
      `det här är ingen textfil: innehållet ser binärt ut (en bild, ett program eller en skadad fil med namnet .${format}?)`,
    );
  return checkText({ text, sourceType: format, encoding, utf8 }, format, ctx);
}

function checkText(out: TextExtract, format: ImportFormat, ctx: ReadContext): TextExtract {
  if (out.text.trim().length === 0) {
    if (format === 'txt' || format === 'md') throw badFile(ctx.file, 'the file is empty (only white space)', 'filen är tom (bara blanksteg)');
    throw badFile(ctx.file, 'the file contains no text', 'filen innehåller ingen text');
  }
  const longest = longestLine(out.text);
  if (longest > ctx.limits.maxLineChars) {
    throw badFile(
      ctx.file,
      `a line is ${longest.toLocaleString('en')} characters long (limit ${ctx.limits.maxLineChars.toLocaleString('en')}); this does not look like a transcript or notes`,
      `en rad är ${longest.toLocaleString('sv')} tecken lång (gränsen är ${ctx.limits.maxLineChars.toLocaleString('sv')}); det ser inte ut som en utskrift eller anteckningar`,
    );
  }
  return out;
}

function longestLine(text: string): number {
  let max = 0;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    if (end - from > max) max = end - from;
    if (nl < 0) return max;
    from = nl + 1;
  }
}

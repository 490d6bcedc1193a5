/**
 * PDF through pdfjs-dist's legacy build (the modern build needs DOMMatrix, absent in Node).
 * Lines break where pdf.js marks an end of line; pages are separated by a blank line.
 */
import { normalizeText } from '../../../../shared/text/normalize';
import { badFile, type ReadContext, type TextExtract } from './types';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function readPdf(bytes: Buffer, ctx: ReadContext): Promise<TextExtract> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the array it gets: give it a copy
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw badFile(ctx.file, 'the PDF is protected by a password; remove the password (or print it to a new PDF) and import it again', 'PDF-filen är lösenordsskyddad; ta bort lösenordet (eller skriv ut den till en ny PDF) och importera den igen');
    if (name === 'InvalidPDFException') throw badFile(ctx.file, 'the PDF is damaged or truncated (invalid PDF structure)', 'PDF-filen är skadad eller avkortad (ogiltig PDF-struktur)');
    throw badFile(ctx.file, `the PDF cannot be read (${(e as Error).message})`, `PDF-filen går inte att läsa (${(e as Error).message})`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (ctx.cancelled) break;
      let content;
      try {
        content = await (await pdf.getPage(n)).getTextContent();
      } catch (e) {
        throw badFile(ctx.file, `page ${n} of the PDF cannot be read (${(e as Error).message})`, `sidan ${n} i PDF-filen går inte att läsa (${(e as Error).message})`);
      }
      let page = '';
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str !== 'string') continue;
        page += item.str;
        if (item.hasEOL) page += '\n';
      }
      pages.push(page.replace(/[ \t]+\n/g, '\n').trim());
    }
    const text = normalizeText(pages.filter((p) => p.length > 0).join('\n\n'));
    if (text.replace(/\s/g, '').length < Math.max(1, pdf.numPages) * 3) {
      throw badFile(ctx.file, `the PDF has no text layer (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images): it needs OCR before it can be imported`,
        `PDF-filen har inget textlager (${pdf.numPages} ${pdf.numPages === 1 ? 'sida' : 'sidor'} med bilder): den behöver OCR innan den kan importeras`,
      );
    }
    return { text, sourceType: 'pdf', encoding: null };
  } finally {
    await pdf.destroy();
  }
}

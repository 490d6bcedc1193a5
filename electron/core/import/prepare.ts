/**
 * Everything the import does to one file before it touches the project: read the bytes,
 * hash them, decode or parse the format, find speaker turns, guess the language. No
 * database here, so it can run in the import's reader thread while the job's own thread
 * writes the previous file (prefetch.ts), or in the same thread when there is no reader.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKind } from '../../../shared/contract';
import { packTurns } from '../documents/packed';
import { UserError } from '../errors';
import { canonicalEncoding } from './encoding';
import { formatOf, IMPORT_FORMATS, isTableFormat } from './formats/index';
import { readTable } from './formats/table';
import type { ReadContext, TextExtract } from './formats/types';
import { detectLanguage } from '../text/language';
import { readTextFormat } from './read';
import { errorToPlain, SHEET_FIRST_HEADER, type DocumentDraft, type ImportItem, type PreparedFile, type PrepareOptions } from './prepared';
import { surveyDocuments } from './survey';
import { parseTranscript } from './transcript';

const FIELDNOTE_NAME = /f[aä]ltanteckning|faltant|fieldnote|field[-_ ]note|observation/i;

export async function prepareFile(item: ImportItem, o: PrepareOptions, signal: { readonly cancelled: boolean }): Promise<PreparedFile> {
  let sha256: string | null = null;
  try {
    const display = item.display;
    if (item.skip) return { type: 'skip', message: `${display}: ${item.skip.en}`, sv: item.skip.sv };
    if (item.problem) throw new UserError('bad-file', item.problem.en, display, item.problem.sv);
    const base = path.basename(display);
    const format = formatOf(base);
    if (!format) {
      const formats = IMPORT_FORMATS.map((f) => `.${f}`).join(' ');
      const msg = `not a format Rödtråd imports (supported: ${formats})`;
      const sv = `inte ett format som Rödtråd importerar (stöds: ${formats})`;
      if (item.fromFolder) return { type: 'skip', message: `${display}: ${msg}`, sv };
      throw new UserError('unsupported', msg, display, sv);
    }
    if (item.size > o.limits.maxFileBytes) {
      throw new UserError(
        'too-large',
        `the file is ${mb(item.size)}, over the import limit of ${mb(o.limits.maxFileBytes)} (raise it with --max-size)`,
        display,
        `filen är ${mb(item.size, 'sv')}, över importgränsen på ${mb(o.limits.maxFileBytes, 'sv')} (höj den med --max-size)`,
      );
    }
    const bytes = item.data ? Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength) : readFileSync(item.path!);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    const ctx: ReadContext = {
      file: display,
      encoding: item.encoding ? canonicalEncoding(item.encoding) : o.encoding,
      limits: o.limits,
      get cancelled() {
        return signal.cancelled;
      },
    };
    if (isTableFormat(format)) {
      const table = await readTable(bytes, format, ctx);
      if (o.detectSheets && SHEET_FIRST_HEADER.test(table.header[0] ?? '')) return { type: 'sheet', sha256, table };
      const survey = surveyDocuments(table, o.survey ?? {}, display);
      if (survey.documents.length === 0) throw new UserError('bad-file', 'the survey has a header row but no answers', display, 'enkäten har en rubrikrad men inga svar');
      for (const d of survey.documents) Object.assign(d, { sourceName: base, sourceType: format, encoding: table.encoding, sha256, language: detectLanguage(d.text) });
      return { type: 'survey', sha256, encoding: table.encoding, survey };
    }
    const extract = await readTextFormat(bytes, format, ctx);
    return { type: 'text', sha256, encoding: extract.encoding, draft: documentDraft(extract, base, { kind: o.kind, sha256 }) };
  } catch (e) {
    return { type: 'error', sha256, error: errorToPlain(e) };
  }
}

/**
 * The document a text becomes: named by its file name without extension, speaker turns
 * found unless it is a field note, kind from the user or from what was found.
 */
export function documentDraft(extract: TextExtract, fileName: string, o: { kind?: DocumentKind; sha256: string }): DocumentDraft {
  const baseName = fileName.replace(/\.[^.]+$/, '').normalize('NFC').trim() || fileName;
  const kind: DocumentKind = o.kind ?? (FIELDNOTE_NAME.test(fileName) ? 'fieldnote' : 'interview');
  let turns = extract.turns;
  let speakers = extract.speakers;
  if (!turns && kind !== 'fieldnote') {
    const parsed = parseTranscript(extract.text, { knownLabels: extract.knownLabels });
    turns = parsed.turns;
    speakers = parsed.speakers;
  }
  // without speaker turns and without a field-note name it is some other document (a report, a policy)
  const speakerList = [...(speakers ?? [])];
  const finalKind: DocumentKind = o.kind ?? (kind === 'interview' && (turns?.length ?? 0) === 0 ? 'other' : kind);
  return {
    baseName,
    kind: finalKind,
    utf8: extract.utf8 ?? Buffer.from(extract.text, 'utf8'),
    chars: extract.text.length,
    sourceName: fileName,
    sourceType: extract.sourceType,
    encoding: extract.encoding,
    sha256: o.sha256,
    language: detectLanguage(extract.text),
    turns: packTurns(turns ?? [], speakerList),
    speakers: speakerList,
  };
}

export function mb(n: number, lang: 'en' | 'sv' = 'en'): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024).toLocaleString(lang)} KB`;
  return `${(n / 1024 / 1024).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

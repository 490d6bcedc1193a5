/**
 * The import job: files and folders (paths) or file contents (base64, from a drop in the
 * browser) → documents. Each file goes in whole or not at all; a failed file is reported and
 * the batch goes on; a cancelled batch stops between files and writes nothing for the files
 * not done.
 * Runs in a worker thread (jobs/registry.ts) with its own connection; the files are read
 * and parsed ahead in a reader thread (prefetch.ts) while this one writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Params } from '../../../shared/contract';
import type { ImportFileResult, ImportResult, ImportSource as SourceChoice } from '../../../shared/contract/import';
import { ensureAttribute, setAttributeQuestion } from '../attributes/store';
import { cachedStatement } from '../db/driver';
import { insertDocument, insertPackedDocument, uniqueDocumentName } from '../documents/store';
import { isUserError, UserError } from '../errors';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { applyAttributeTable, type AttributeSheetResult } from './attribute-sheet';
import { canonicalEncoding } from './encoding';
import { formatOf } from './formats/index';
import { cellText, readTable, type Table } from './formats/table';
import { DEFAULT_LIMITS, type ImportLimits } from './formats/types';
import { GroupCommit } from './group-commit';
import { storageError } from '../db/storage-errors';
import { startPrefetch, type Prefetcher } from './prefetch';
import { plainToError, SHEET_FIRST_HEADER, type ImportItem, type PreparedFile } from './prepared';
import { planSurvey } from './survey';
import { endBatchRecord, recordBatchFile, startBatchRecord } from './batch-record';

export type { ImportFileResult, ImportResult };
/** The contract's source (a path, or a name with its bytes) with both forms' fields optional, read without narrowing. */
export type ImportSource = Partial<Extract<SourceChoice, { path: string }> & Extract<SourceChoice, { data: string }>>;
/** The contract's params as a caller may write them (duplicates has a default), sources read as above. */
export type ImportParams = Omit<Params<'import.files'>, 'sources' | 'attributesSheet'> & { sources: ImportSource[]; attributesSheet?: ImportSource };
export type FileStatus = ImportFileResult['status'];

export interface ImportOptions {
  /** Read ahead in a reader thread (default: when the built reader exists and there are 2+ files). */
  readerThread?: boolean;
  /** Another reader script (tests: one that dies, to see the batch go on without it). */
  readerScript?: string;
  /** Test hook: runs before each group commit (to make a commit fail as on a full disk). */
  beforeCommit?: () => void;
  /**
   * Test hook: how long a commit group may stay open, and how long to wait on a slow reader
   * before committing meanwhile (default GROUP_MS and 50 ms). Tests that count written pages
   * pass Infinity, so commits follow the bytes written and not the machine's speed.
   */
  groupCommitMs?: number;
}

export async function importFiles(p: Project, params: ImportParams, ctx: JobContext, options: ImportOptions = {}): Promise<ImportResult> {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...(params.maxFileMB ? { maxFileBytes: Math.round(params.maxFileMB * 1024 * 1024) } : {}) };
  const encoding = params.encoding ? canonicalEncoding(params.encoding) : null;
  const listing: Listing = { hidden: 0, folders: [] };
  const items = expand(params.sources, listing);
  const totalBytes = Math.max(1, items.reduce((n, it) => n + it.size, 0));
  // recorded first (and committed), so a batch cut off leaves a note for the next open
  const batchId = startBatchRecord(p, items.map((it) => it.display));

  // Each file stays atomic (a savepoint, see group-commit.ts), but a commit need not wait for
  // the disk: WAL with synchronous=NORMAL is never corrupted, and the checkpoint at the end
  // of the batch syncs the WAL (a power cut mid-batch loses whole files, which a re-run
  // imports again).
  const synchronous = p.db.pragma('synchronous', { simple: true }) as number;
  p.db.pragma('synchronous = NORMAL');
  // a page cache that holds a whole commit group (4 MB of text) and the turn and speaker
  // indexes, so nothing spills to the WAL before the commit
  const cacheSize = p.db.pragma('cache_size', { simple: true }) as number;
  p.db.pragma('cache_size = -16384');
  try {
    const r = await runBatch(p, params, ctx, { items, limits, encoding, totalBytes, reader: options, batchId });
    return { ...r, ...nothingImportedNotice(r, params.sources, listing) };
  } finally {
    p.db.pragma(`synchronous = ${synchronous}`);
    p.db.pragma(`cache_size = ${cacheSize}`);
    try {
      endBatchRecord(p, batchId);
    } catch {
      // a record that cannot be removed (a full disk) is reported as cut off later, which the user dismisses
    }
    try {
      p.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The batch is committed in the WAL, where SQLite reads it; a checkpoint that fails
      // (a full disk) is done by the next one, and must not replace the files' own results.
    }
  }
}

interface Batch {
  items: ImportItem[];
  limits: ImportLimits;
  encoding: string | null;
  totalBytes: number;
  reader: ImportOptions;
  /** The batch's record (batch-record.ts), null when nothing is recorded. */
  batchId: number | null;
}

/** What a folder listing left out without a result of its own (hidden files), for the notice. */
interface Listing {
  hidden: number;
  folders: string[];
}

/**
 * A batch that imported nothing says why in one sentence: no files were found, or every
 * file was skipped (each skipped result has its reason), and how many hidden files were left out.
 */
function nothingImportedNotice(r: Omit<ImportResult, 'notice' | 'noticeSv'>, sources: ImportSource[], listing: Listing): { notice: string | null; noticeSv: string | null } {
  if (r.cancelled || r.imported > 0 || r.failed > 0) return { notice: null, noticeSv: null };
  const hidden =
    listing.hidden === 0
      ? { en: '', sv: '' }
      : {
          en: `; ${listing.hidden} hidden ${listing.hidden === 1 ? 'file was' : 'files were'} left out`,
          sv: `; ${listing.hidden} ${listing.hidden === 1 ? 'dold fil' : 'dolda filer'} lämnades utanför`,
        };
  if (r.results.length === 0) {
    const where = listing.folders.length > 0 ? listing.folders.join(', ') : sources.map((s) => s.path ?? s.name ?? '').join(', ');
    return { notice: `nothing was imported: no files found in ${where}${hidden.en}`, noticeSv: `inget importerades: inga filer hittades i ${where}${hidden.sv}` };
  }
  const n = r.results.length;
  return {
    notice: `nothing was imported: the ${n} ${n === 1 ? 'entry' : 'entries'} found ${n === 1 ? 'was' : 'were'} skipped (reasons above)${hidden.en}`,
    noticeSv: `inget importerades: ${n === 1 ? 'det som hittades hoppades' : `alla ${n} som hittades hoppades`} över (skälen ovan)${hidden.sv}`,
  };
}

async function runBatch(p: Project, params: ImportParams, ctx: JobContext, { items, limits, encoding, totalBytes, reader, batchId }: Batch): Promise<Omit<ImportResult, 'notice' | 'noticeSv'>> {
  const results: ImportFileResult[] = [];
  let doneBytes = 0;
  let cancelled = false;
  const sheets: WriteOptions['sheets'] = [];
  const report = (i: number, name: string): void =>
    ctx.progress({ phase: 'import', unit: 'bytes', done: Math.min(doneBytes, totalBytes - 1), total: totalBytes, message: `${i + 1}/${items.length} ${name}` });

  const prefetch = startPrefetch(
    items,
    { kind: params.kind, encoding, limits, survey: params.survey, detectSheets: params.kind !== 'survey' },
    ctx,
    { thread: reader.readerThread, script: reader.readerScript },
  );
  const group = new GroupCommit(p.db, reader.beforeCommit, reader.groupCommitMs);
  const lost = new Map<number, Error>();
  const markLost = (): void => {
    for (const [index, e] of lost) {
      const r = results[index];
      if (!r) continue;
      Object.assign(r, { ok: false, status: 'failed', documentId: null, documentIds: [], note: null, noteSv: null, ...failure(r.file, e, NOT_SAVED, p.file) });
      lost.delete(index);
    }
  };
  try {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (ctx.cancelled) {
        cancelled = true;
        for (const rest of items.slice(i)) results.push(cancelledResult(rest.display));
        break;
      }
      report(i, path.basename(item.display));
      try {
        const file = await nextFile(prefetch, i, group, reader.groupCommitMs === undefined ? 50 : reader.groupCommitMs);
        const index = results.length;
        // Lost files are marked by index once their result is in: the group's commit can
        // fail while this very write is still returning, before `written` has a value.
        const written = group.write(
          item.size,
          () => {
            const done = writeOne(p, item, file, params, ctx, { sheets, index });
            // in the file's own savepoint: the mark goes or stays with the document
            if (done.status === 'imported' || done.status === 'skipped') recordBatchFile(p, batchId, i, done.status);
            return done;
          },
          (e) => lost.set(index, e),
        );
        results.push(written);
        markLost();
      } catch (e) {
        if ((e as Error).name === 'CancelledError') results.push(cancelledResult(item.display));
        else results.push(result(item.display, 'failed', failure(item.display, e, NOT_IMPORTED, p.file)));
      }
      doneBytes += item.size;
    }
  } finally {
    group.commit();
    markLost();
    await prefetch.close();
  }

  let attributes: AttributeSheetResult | null = null;
  for (const sheet of cancelled ? [] : sheets) {
    try {
      attributes = applyAttributeTable(p, sheet.table, sheet.file);
      const names = attributes.attributes.map((a) => a.name).join(', ');
      const unknown = attributes.unknown.map((u) => `"${u}"`).join(', ');
      results[sheet.index]!.note = `attribute sheet: ${names} set on ${attributes.documents} documents${unknown ? `; no document named ${unknown}` : ''}`;
      results[sheet.index]!.noteSv = `attributark: ${names} satt på ${attributes.documents} dokument${unknown ? `; inget dokument heter ${unknown.replaceAll('"', '”')}` : ''}`;
    } catch (e) {
      Object.assign(results[sheet.index]!, { ok: false, status: 'failed', ...failure(sheet.file, e, SHEET_NOT_APPLIED, p.file), note: null, noteSv: null });
    }
  }
  if (params.attributesSheet && !cancelled) {
    // a bad sheet must not hide what happened to the files, which are in already
    try {
      attributes = await applyAttributeSheet(p, params.attributesSheet, { encoding: null, limits });
    } catch (e) {
      const file = params.attributesSheet.path ?? params.attributesSheet.name ?? 'attribute sheet';
      results.push(result(file, 'failed', failure(file, e, SHEET_NOT_APPLIED, p.file)));
    }
  }
  ctx.progress({ phase: 'import', unit: 'bytes', done: totalBytes, total: totalBytes, message: `${items.length}/${items.length}` });
  return {
    results,
    imported: results.filter((r) => r.status === 'imported').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    failed: results.filter((r) => r.status === 'failed').length,
    cancelled,
    attributes,
  };
}

/**
 * The next prepared file. Should the reader keep us waiting, the files written so far are
 * committed meanwhile, so the write lock is not held while nothing is written.
 */
async function nextFile(prefetch: Prefetcher, index: number, group: GroupCommit, waitMs: number): Promise<PreparedFile> {
  if (prefetch.ready(index) || waitMs === Infinity) return prefetch.next(index);
  const timer = setTimeout(() => group.commit(), waitMs);
  try {
    return await prefetch.next(index);
  } finally {
    clearTimeout(timer);
  }
}

interface WriteOptions {
  /** Attribute sheets found among the files, applied after the documents are in. */
  sheets: { index: number; table: Table; file: string }[];
  index: number;
}

/** One prepared file into the project: one transaction, or nothing when it fails. */
function writeOne(p: Project, item: ImportItem, file: PreparedFile, params: ImportParams, ctx: JobContext, o: WriteOptions): ImportFileResult {
  const display = item.display;
  if (file.type === 'skip') return result(display, 'skipped', { error: file.message, errorSv: file.sv });
  const sha256 = file.sha256;
  if (sha256 !== null && params.duplicates !== 'import') {
    const same = cachedStatement(p.db, 'SELECT name FROM documents WHERE sha256 = ? LIMIT 1').get(sha256) as { name: string } | undefined;
    if (same) {
      return result(display, 'skipped', {
        error: `${display}: already in the project as "${same.name}" (same content); skipped`,
        errorSv: `finns redan i projektet som ”${same.name}” (samma innehåll); hoppades över`,
      });
    }
  }
  if (file.type === 'error') throw plainToError(file.error);
  if (file.type === 'sheet') {
    o.sheets.push({ index: o.index, table: file.table, file: display });
    return result(display, 'imported', { encoding: file.table.encoding, note: 'attribute sheet', noteSv: 'attributark' });
  }
  // a cancel that arrived while the file was being read: nothing of it is written
  ctx.throwIfCancelled();
  if (file.type === 'survey') {
    const { survey } = file;
    const ids = p.transaction(() => {
      for (const [name, type] of Object.entries(survey.types)) setAttributeQuestion(p, ensureAttribute(p, name, 'document', type), survey.questions[name] ?? name);
      return survey.documents.map((d) => insertDocument(p, d));
    });
    return result(display, 'imported', {
      documentId: ids[0] ?? null,
      documentIds: ids,
      turns: survey.documents.reduce((n, d) => n + (d.turns?.length ?? 0), 0),
      chars: survey.documents.reduce((n, d) => n + d.text.length, 0),
      speakers: survey.plan.textColumns.length,
      encoding: file.encoding,
    });
  }
  const { draft } = file;
  const id = insertPackedDocument(p, { ...draft, name: uniqueDocumentName(p, draft.baseName) });
  return result(display, 'imported', {
    documentId: id,
    documentIds: [id],
    turns: draft.turns.count,
    chars: draft.chars,
    speakers: draft.speakers.length,
    encoding: file.encoding,
  });
}

/** A survey's columns and the importer's guess at their roles, without writing anything. */
export async function previewTable(source: ImportSource, encoding: string | null) {
  const { table, display } = await readSourceTable(source, encoding, DEFAULT_LIMITS, {
    none: { en: 'no file given', sv: 'ingen fil angiven' },
    format: { en: 'only .csv and .xlsx files are surveys', sv: 'bara .csv- och .xlsx-filer kan vara enkäter' },
  });
  const plan = planSurvey(table, {}, display);
  return {
    file: display,
    header: table.header,
    rows: table.rows.length,
    sample: table.rows.slice(0, 3).map((r) => table.header.map((_, i) => cellText(r[i] ?? null))),
    attributeSheet: SHEET_FIRST_HEADER.test(table.header[0] ?? ''),
    ...plan,
  };
}

export async function applyAttributeSheet(p: Project, source: ImportSource, o: { encoding: string | null; limits: ImportLimits }): Promise<AttributeSheetResult> {
  const { table, display } = await readSourceTable(source, o.encoding, o.limits, {
    none: { en: 'no attribute sheet given', sv: 'inget attributark angivet' },
    format: { en: 'an attribute sheet must be a .csv or .xlsx file', sv: 'ett attributark måste vara en .csv- eller .xlsx-fil' },
  });
  return applyAttributeTable(p, table, display);
}

type Said = { en: string; sv: string };

/** The table of one CSV/XLSX source given on its own (a survey to preview, an attribute sheet). */
async function readSourceTable(source: ImportSource, encoding: string | null, limits: ImportLimits, say: { none: Said; format: Said }): Promise<{ table: Table; display: string }> {
  const [item] = expand([source]);
  if (!item || item.problem) throw new UserError('bad-file', item?.problem?.en ?? say.none.en, item?.display, item?.problem?.sv ?? say.none.sv);
  const format = formatOf(item.display);
  if (format !== 'csv' && format !== 'xlsx') throw new UserError('unsupported', say.format.en, item.display, say.format.sv);
  const bytes = item.data ? Buffer.from(item.data) : readFileSync(item.path!);
  if (bytes.length === 0) throw new UserError('bad-file', 'the file is empty', item.display, 'filen är tom');
  const table = await readTable(bytes, format, { file: item.display, encoding: item.encoding ? canonicalEncoding(item.encoding) : encoding, limits, cancelled: false });
  return { table, display: item.display };
}

/**
 * Paths → files (folders walked, hidden files and Office lock files left out and counted),
 * contents → buffers. Symbolic links and other entries that are neither file nor folder
 * become skipped items with their reason: links are not followed (a link may lead out of
 * the folder, or round in a loop).
 */
function expand(sources: ImportSource[], listing: Listing = { hidden: 0, folders: [] }): ImportItem[] {
  const out: ImportItem[] = [];
  const collator = new Intl.Collator('sv', { numeric: true });
  const walk = (dir: string, encoding: string | undefined): void => {
    listing.folders.push(dir);
    const all = readdirSync(dir, { withFileTypes: true });
    const entries = all.filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$')).sort((a, b) => collator.compare(a.name, b.name));
    listing.hidden += all.length - entries.length;
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, encoding);
      else if (e.isFile()) out.push({ display: full, path: full, size: statSync(full).size, fromFolder: true, encoding });
      else if (e.isSymbolicLink()) out.push({ display: full, size: 0, fromFolder: true, skip: LINK_SKIPPED });
      else out.push({ display: full, size: 0, fromFolder: true, skip: NOT_A_FILE });
    }
  };
  for (const s of sources) {
    if (s.data !== undefined) {
      const data = Buffer.from(s.data, 'base64');
      out.push({ display: (s.name ?? 'unnamed').normalize('NFC'), data, size: data.length, fromFolder: false, encoding: s.encoding });
    } else if (s.path !== undefined) {
      let st;
      try {
        st = statSync(s.path);
      } catch {
        out.push({ display: s.path, size: 0, fromFolder: false, problem: { en: 'no such file or folder', sv: 'filen eller mappen finns inte' } });
        continue;
      }
      if (st.isDirectory()) walk(s.path, s.encoding);
      else out.push({ display: s.path, path: s.path, size: st.size, fromFolder: false, encoding: s.encoding });
    }
  }
  return out;
}

const LINK_SKIPPED = {
  en: 'is a symbolic link; links are not followed (import the file or folder it points to instead)',
  sv: 'är en symbolisk länk; länkar följs inte (importera filen eller mappen den pekar på i stället)',
};
const NOT_A_FILE = { en: 'is neither a file nor a folder (a device or pipe, say)', sv: 'är varken en fil eller en mapp (till exempel en enhet eller en rörledning)' };
const NOT_IMPORTED = { en: 'could not be imported', sv: 'kunde inte importeras' };
const NOT_SAVED = { en: 'not saved', sv: 'sparades inte' };
const SHEET_NOT_APPLIED = { en: 'the attribute sheet could not be applied', sv: 'attributarket kunde inte tillämpas' };

/**
 * What went wrong with a file: a UserError's own words (English and Swedish), a storage
 * failure (full disk, locked, read-only project) in words naming the project file, else
 * `what` with the error's message.
 */
function failure(file: string, e: unknown, what: { en: string; sv: string }, projectFile?: string): { error: string; errorSv: string | null } {
  const storage = projectFile !== undefined && !isUserError(e) ? storageError(e, projectFile) : undefined;
  if (storage) return { error: `${file}: ${what.en}: ${storage.message}`, errorSv: `${what.sv}: ${storage.file}: ${storage.sv}` };
  if (isUserError(e)) return { error: e.file ? e.message : `${file}: ${e.message}`, errorSv: e.sv ?? null };
  const reason = (e as Error).message;
  return { error: `${file}: ${what.en} (${reason})`, errorSv: `${what.sv} (${reason})` };
}

function cancelledResult(file: string): ImportFileResult {
  return result(file, 'cancelled', { error: `${file}: cancelled before it was imported`, errorSv: 'avbröts innan den importerades' });
}

function result(file: string, status: FileStatus, r: Partial<ImportFileResult> = {}): ImportFileResult {
  return {
    file,
    ok: status === 'imported' || status === 'skipped',
    status,
    documentId: null,
    documentIds: [],
    turns: 0,
    chars: 0,
    speakers: 0,
    encoding: null,
    error: null,
    errorSv: null,
    note: null,
    noteSv: null,
    ...r,
  };
}


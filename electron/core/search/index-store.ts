/**
 * The search index of an open project: stored in the project file (its own tables, with its
 * header in the `derived` table, so it travels, and is encrypted, with the file), opened
 * instead of rebuilt when the content version and fingerprint match, and rebuilt in a worker
 * thread when they do not. Opening reads the header only; a query reads the index pages,
 * passage blocks, documents and speakers it touches (index-tables.ts, corpus-lookup.ts).
 */
import { gunzipSync } from 'node:zlib';
import type { Progress } from '../../../shared/contract';
import { CancelledError } from '../errors';
import { runJob } from '../jobs/run';
import type { Project } from '../project/project';
import { documentLookup, type IndexedDocument } from './corpus-lookup';
import { buildAndStoreIndex } from './index-build';
import { INDEX_FORMAT, INDEX_KEY, type IndexHeader, type SearchEngine } from './index-header';
import { openIndexTables } from './index-tables';
import { lunr, type SearchLanguage } from './language';
import { passageArrays, unpackPassageColumns, type PassageTable } from './passage-table';
import { corpusFingerprint } from './passages';
import { TokenCache } from './token-cache';

/** One term of a query as the index looks it up (already normalised and stemmed). */
export interface PlannedTerm {
  term: string;
  field: 'text' | 'speaker' | 'kind' | 'attr';
  presence: 'required' | 'optional' | 'prohibited';
  wildcard: boolean;
  fuzzy: number;
  /** Other stems that answer the same word (its forms in the Swedish lexicon). */
  alternatives?: string[];
  /** Stems whose compounds answer the word too: index terms beginning or ending with one of them. */
  compoundStems?: string[];
}

export interface Candidate {
  passage: number;
  score: number;
}

export interface LoadedIndex {
  engine: SearchEngine;
  version: number;
  fingerprint: string;
  builtAt: string;
  buildMs: number;
  bytes: number;
  loadMs: number;
  /**
   * Passages whose index terms satisfy the query's terms (before phrase checks), in passage
   * order, read as they are taken; scored only when ranked.
   */
  candidates(terms: PlannedTerm[], ranked?: boolean): Iterable<Candidate>;
  /** Word positions per document, read on first use. */
  tokens: TokenCache;
  passages: PassageTable;
  languages: Map<number, SearchLanguage>;
  /** A document's name, kind, attributes and speakers, read on first use. */
  document(id: number): IndexedDocument | undefined;
  /** Document texts, read on first use. */
  text(documentId: number): string;
  /** How this index came to be in memory: loaded from the project, or built just now. */
  origin: 'loaded' | 'built';
}

interface Cached {
  index: LoadedIndex;
  checkedAt: number;
}

const cache = new WeakMap<Project, Cached>();
const building = new WeakMap<Project, Promise<LoadedIndex>>();
/** How often (ms) the fingerprint is re-checked when the content version did not move. */
export const FINGERPRINT_INTERVAL = 1000;

export type IndexState = 'ready' | 'stale' | 'missing' | 'building';

export function indexStatus(p: Project): { state: IndexState; version: number | null; contentVersion: number; bytes: number | null } {
  const contentVersion = p.contentVersion();
  const row = storedRow(p);
  const mem = cache.get(p);
  const fresh = mem !== undefined && mem.index.version === contentVersion;
  const state: IndexState = building.has(p) ? 'building' : fresh || row?.version === contentVersion ? 'ready' : row ? 'stale' : 'missing';
  return { state, version: mem?.index.version ?? row?.version ?? null, contentVersion, bytes: row ? storedBytes(row.data) : null };
}

export interface EnsureOptions {
  signal?: AbortSignal;
  onProgress?: (p: Omit<Progress, 'jobId'>) => void;
  /** Build on this thread (tests, bench); default: a worker thread. */
  inline?: boolean;
  /** Rebuild even if the stored index is current. */
  force?: boolean;
  /** The benchmark compares engines; the product always uses fts5. */
  engine?: SearchEngine;
}

/** The current index: from memory, else from the project file, else built (in a worker). */
export async function ensureIndex(p: Project, options: EnsureOptions = {}): Promise<LoadedIndex> {
  const inFlight = building.get(p);
  if (inFlight) return inFlight;
  const engine = options.engine ?? 'fts5';
  if (!options.force) {
    const current = currentInMemory(p);
    if (current && current.engine === engine) return current;
    const stored = loadStored(p);
    if (stored && stored.engine === engine) {
      cache.set(p, { index: stored, checkedAt: p.clock() });
      return stored;
    }
  }
  const job = (async () => {
    await buildStored(p, options, engine);
    const loaded = loadStored(p, true);
    if (!loaded) throw new Error('the search index was built but cannot be read back');
    loaded.origin = 'built';
    cache.set(p, { index: loaded, checkedAt: p.clock() });
    return loaded;
  })();
  building.set(p, job);
  try {
    return await job;
  } finally {
    building.delete(p);
  }
}

function currentInMemory(p: Project): LoadedIndex | undefined {
  const c = cache.get(p);
  if (!c || c.index.version !== p.contentVersion()) return undefined;
  // the project's clock, so a test moves past the interval without waiting for it
  if (p.clock() - c.checkedAt > FINGERPRINT_INTERVAL) {
    if (corpusFingerprint(p) !== c.index.fingerprint) return undefined;
    c.checkedAt = p.clock();
  }
  return c.index;
}

async function buildStored(p: Project, options: EnsureOptions, engine: SearchEngine): Promise<void> {
  const here = (): void => {
    const signal = options.signal;
    buildAndStoreIndex(p, { engine }, {
      progress: (x) => options.onProgress?.(x),
      throwIfCancelled: () => {
        if (signal?.aborted) throw new CancelledError();
      },
      get cancelled() {
        return signal?.aborted ?? false;
      },
    });
  };
  if (options.inline) {
    here();
    return;
  }
  try {
    await runJob('search.buildIndex', p.file, { engine }, { signal: options.signal, onProgress: options.onProgress });
  } catch (e) {
    // A worker bundle built before this job existed: build here rather than fail.
    if (e instanceof Error && e.message.includes('no job "search.buildIndex"')) here();
    else throw e;
  }
}

function storedRow(p: Project): { version: number; data: Buffer } | undefined {
  return p.db.prepare('SELECT version, data FROM derived WHERE key = ?').get(INDEX_KEY) as { version: number; data: Buffer } | undefined;
}

/** The FTS5 index's row is its JSON header; the lunr index (bench only) is gzipped JSON. */
const isHeader = (data: Buffer): boolean => data[0] === 0x7b; // "{"

function storedBytes(data: Buffer): number {
  if (!isHeader(data)) return data.length;
  try {
    return (JSON.parse(data.toString('utf8')) as IndexHeader).bytes;
  } catch {
    return data.length;
  }
}

interface Opened {
  header: IndexHeader;
  passages: PassageTable;
  candidates: LoadedIndex['candidates'];
  bytes: number;
}

/** The stored index if it matches the project's content (or unconditionally with `any`). */
function loadStored(p: Project, any = false): LoadedIndex | undefined {
  const version = p.contentVersion();
  const row = storedRow(p);
  if (!row || (!any && row.version !== version)) return undefined;
  const started = performance.now();
  let opened: Opened;
  try {
    opened = isHeader(row.data) ? openFts(p, row.data) : openLunr(row.data);
  } catch {
    return undefined; // unreadable derived data is simply rebuilt
  }
  if (opened.header.format !== INDEX_FORMAT) return undefined;
  if (!any && opened.header.fingerprint !== corpusFingerprint(p)) return undefined;
  return makeLoaded(p, opened, performance.now() - started);
}

function openFts(p: Project, data: Buffer): Opened {
  const header = JSON.parse(data.toString('utf8')) as IndexHeader;
  return { header, ...openIndexTables(p.db, header), bytes: header.bytes };
}

function openLunr(data: Buffer): Opened {
  const stored = JSON.parse(gunzipSync(data).toString('utf8')) as { header: IndexHeader; passages: string; index: object };
  const l = lunr();
  const idx = l.Index.load(stored.index);
  const candidates = (terms: PlannedTerm[]): Candidate[] =>
    idx
      .query((q) => {
        for (const t of terms) {
          q.term(t.term, {
            fields: [t.field],
            presence: t.presence === 'required' ? l.Query.presence.REQUIRED : t.presence === 'prohibited' ? l.Query.presence.PROHIBITED : l.Query.presence.OPTIONAL,
            wildcard: t.wildcard ? l.Query.wildcard.TRAILING : l.Query.wildcard.NONE,
            // lunr treats the mere presence of editDistance as "fuzzy", which turns off wildcards.
            ...(t.fuzzy ? { editDistance: t.fuzzy } : {}),
            usePipeline: false,
          });
        }
      })
      .map((r) => ({ passage: Number(r.ref), score: r.score }));
  return { header: stored.header, passages: passageArrays(unpackPassageColumns(Buffer.from(stored.passages, 'base64'))), candidates, bytes: data.length };
}

function makeLoaded(p: Project, opened: Opened, loadMs: number): LoadedIndex {
  const { header } = opened;
  const documents = documentLookup(p.db);
  const texts = new Map<number, string>();
  const getText = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const text = (documentId: number): string => {
    let t = texts.get(documentId);
    if (t === undefined) texts.set(documentId, (t = (getText.get(documentId) as string | undefined) ?? ''));
    return t;
  };
  return {
    engine: header.engine,
    version: header.version,
    fingerprint: header.fingerprint,
    builtAt: header.builtAt,
    buildMs: header.buildMs,
    bytes: opened.bytes,
    loadMs: Math.round(loadMs),
    candidates: opened.candidates,
    passages: opened.passages,
    languages: new Map(Object.entries(header.languages).map(([k, v]) => [Number(k), v])),
    document: documents,
    text,
    tokens: new TokenCache(text),
    origin: 'loaded',
  };
}

/** Forget the in-memory index (tests and benchmarks measure loading from the file). */
export function dropCachedIndex(p: Project): void {
  cache.delete(p);
}

/**
 * The search index of an open project: kept in memory, stored in the project's `derived`
 * table (so it travels, and is encrypted, with the file), loaded instead of rebuilt when the
 * content version and fingerprint match, and rebuilt in a worker thread when they do not.
 */
import { openMemoryDb, type Statement } from '../db/driver';
import { gunzipSync } from 'node:zlib';
import type { Progress } from '../../../shared/contract';
import { CancelledError } from '../errors';
import { runJob } from '../jobs/run';
import type { Project } from '../project/project';
import { buildAndStoreIndex, ftsToken, INDEX_FORMAT, INDEX_KEY, type IndexHeader, type PassageColumns, type SearchEngine, unpackPassageColumns } from './index-build';
import { lunr, type SearchLanguage } from './language';
import { corpusFingerprint, readDocumentAttributes, readSpeakers, type SpeakerInfo } from './passages';
import { withinDistance } from './text';
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

/** At most this many index terms stand for one word of a query (a very short word in many compounds). */
const MAX_ALTERNATIVES = 800;

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
  /** Passages whose index terms satisfy the query's terms (before phrase checks); scored only when ranked. */
  candidates(terms: PlannedTerm[], ranked?: boolean): Candidate[];
  /** Word positions per document, read on first use. */
  tokens: TokenCache;
  passages: PassageColumns;
  languages: Map<number, SearchLanguage>;
  documents: Map<number, { id: number; name: string; position: number; kind: string; attributes: Record<string, string> }>;
  speakers: Map<number, SpeakerInfo>;
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
  const row = p.db.prepare('SELECT version, length(data) AS bytes FROM derived WHERE key = ?').get(INDEX_KEY) as { version: number; bytes: number } | undefined;
  const mem = cache.get(p);
  const fresh = mem !== undefined && mem.index.version === contentVersion;
  const state: IndexState = building.has(p) ? 'building' : fresh || row?.version === contentVersion ? 'ready' : row ? 'stale' : 'missing';
  return { state, version: mem?.index.version ?? row?.version ?? null, contentVersion, bytes: row?.bytes ?? null };
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

/** The stored index if it matches the project's content (or unconditionally with `any`). */
function loadStored(p: Project, any = false): LoadedIndex | undefined {
  const version = p.contentVersion();
  const row = p.db.prepare('SELECT version, data FROM derived WHERE key = ?').get(INDEX_KEY) as { version: number; data: Buffer } | undefined;
  if (!row || (!any && row.version !== version)) return undefined;
  const started = performance.now();
  let loaded: { header: IndexHeader; passages: PassageColumns; candidates: LoadedIndex['candidates'] } | undefined;
  try {
    loaded = row.data.subarray(0, 15).toString('latin1') === 'SQLite format 3' ? openFts(row.data) : openLunr(row.data);
  } catch {
    return undefined; // unreadable derived data is simply rebuilt
  }
  if (loaded.header.format !== INDEX_FORMAT) return undefined;
  if (!any && loaded.header.fingerprint !== corpusFingerprint(p)) return undefined;
  return makeLoaded(p, loaded.header, loaded.passages, loaded.candidates, row.data.length, performance.now() - started);
}

function openFts(data: Buffer): { header: IndexHeader; passages: PassageColumns; candidates: LoadedIndex['candidates'] } {
  // An in-memory database deserialised from the stored bytes: nothing touches the disk.
  const db = openMemoryDb(data);
  const header = JSON.parse(db.prepare('SELECT json FROM header').pluck().get() as string) as IndexHeader;
  // the passage columns in one read, not a row at a time
  const passages = unpackPassageColumns(db.prepare('SELECT data FROM passage_columns').pluck().get() as Buffer);
  let vocabulary: string[] | undefined;
  const vocab = (): string[] => {
    if (!vocabulary) {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, 'row')");
      vocabulary = db.prepare('SELECT term FROM temp.vocab').pluck().all() as string[];
    }
    return vocabulary;
  };
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const candidates = (terms: PlannedTerm[], ranked = false): Candidate[] => {
    const expr = (t: PlannedTerm): string | null => {
      const tok = ftsToken(t.term);
      if (t.fuzzy) {
        const near = vocab().filter((v) => withinDistance(v, tok, t.fuzzy)).slice(0, 200);
        return near.length ? `(${near.map((v) => `${t.field}:"${v}"`).join(' OR ')})` : null;
      }
      if (t.wildcard) return tok ? `${t.field}:"${tok}"*` : '*';
      if (t.alternatives?.length || t.compoundStems?.length) {
        const set = new Set([tok, ...(t.alternatives ?? []).map(ftsToken)]);
        const parts = (t.compoundStems ?? []).map(ftsToken).filter((x) => x.length >= 4);
        if (parts.length) for (const v of vocab()) if (parts.some((x) => v !== x && (v.startsWith(x) || v.endsWith(x)))) set.add(v);
        return `(${[...set].slice(0, MAX_ALTERNATIVES).map((v) => `${t.field}:"${v}"`).join(' OR ')})`;
      }
      return `${t.field}:"${tok}"`;
    };
    const required: string[] = [];
    const optional: string[] = [];
    const prohibited: string[] = [];
    let all = false;
    for (const t of terms) {
      const e = expr(t);
      if (e === '*') {
        all = true;
        continue;
      }
      if (e === null) {
        if (t.presence === 'required') return []; // a fuzzy word with no near spelling
        continue;
      }
      (t.presence === 'required' ? required : t.presence === 'optional' ? optional : prohibited).push(e);
    }
    const positive = required.length ? required.join(' AND ') : optional.length && !all ? optional.join(' OR ') : null;
    const negative = prohibited.length ? prohibited.join(' OR ') : null;
    if (positive) {
      const match = negative ? `(${positive}) NOT (${negative})` : positive;
      // bm25() costs time on common words; document order needs no score.
      const sql = ranked ? 'SELECT rowid - 1 AS passage, -bm25(fts) AS score FROM fts WHERE fts MATCH ?' : 'SELECT rowid - 1 AS passage, 0 AS score FROM fts WHERE fts MATCH ?';
      return prepared(sql).all(match) as Candidate[];
    }
    // Only exclusions (or a phrase of stop words): every passage but the excluded ones.
    const rows = negative
      ? (prepared('SELECT id - 1 FROM passages WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)').pluck().all(negative) as number[])
      : (prepared('SELECT id - 1 FROM passages').pluck().all() as number[]);
    return rows.map((passage) => ({ passage, score: 0 }));
  };
  return { header, passages, candidates };
}

function openLunr(data: Buffer): { header: IndexHeader; passages: PassageColumns; candidates: LoadedIndex['candidates'] } {
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
  return { header: stored.header, passages: unpackPassageColumns(Buffer.from(stored.passages, 'base64')), candidates };
}

function makeLoaded(p: Project, header: IndexHeader, passages: PassageColumns, candidates: LoadedIndex['candidates'], bytes: number, loadMs: number): LoadedIndex {
  // Documents keep the order they were added in (documents/store.ts), so the id is the
  // position; reading position itself would walk every document's text (it lies behind it).
  const docRows = (p.db.prepare('SELECT id, name, kind FROM documents').all() as { id: number; name: string; kind: string }[]).map((d) => ({ ...d, position: d.id }));
  const attrs = readDocumentAttributes(p);
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
    bytes,
    loadMs: Math.round(loadMs),
    candidates,
    passages,
    languages: new Map(Object.entries(header.languages).map(([k, v]) => [Number(k), v])),
    documents: new Map(docRows.map((d) => [d.id, { ...d, attributes: attrs.get(d.id) ?? {} }])),
    speakers: readSpeakers(p),
    text,
    tokens: new TokenCache(text),
    origin: 'loaded',
  };
}

/** Forget the in-memory index (tests and benchmarks measure loading from the file). */
export function dropCachedIndex(p: Project): void {
  cache.delete(p);
}

/**
 * The search index of an open project: kept in memory, stored in the project's `derived`
 * table (so it travels, and is encrypted, with the file), loaded instead of rebuilt when the
 * content version and fingerprint match, and rebuilt in a worker thread when they do not.
 */
import { gunzipSync } from 'node:zlib';
import type { Progress } from '../../../shared/contract';
import { CancelledError } from '../errors';
import { runJob } from '../jobs/run';
import type { Project } from '../project/project';
import { buildAndStoreIndex, INDEX_FORMAT, INDEX_KEY, type StoredIndex } from './index-build';
import { lunr, type SearchLanguage } from './language';
import { corpusFingerprint, readDocumentAttributes, readSpeakers, type SpeakerInfo } from './passages';

export interface LoadedIndex {
  version: number;
  fingerprint: string;
  builtAt: string;
  buildMs: number;
  bytes: number;
  loadMs: number;
  idx: lunr.Index;
  passages: StoredIndex['passages'];
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
const FINGERPRINT_INTERVAL = 1000;

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
}

/** The current index: from memory, else from the project file, else built (in a worker). */
export async function ensureIndex(p: Project, options: EnsureOptions = {}): Promise<LoadedIndex> {
  const inFlight = building.get(p);
  if (inFlight) return inFlight;
  if (!options.force) {
    const current = currentInMemory(p);
    if (current) return current;
    const stored = loadStored(p);
    if (stored) {
      cache.set(p, { index: stored, checkedAt: Date.now() });
      return stored;
    }
  }
  const job = (async () => {
    await buildStored(p, options);
    const loaded = loadStored(p, true);
    if (!loaded) throw new Error('the search index was built but cannot be read back');
    loaded.origin = 'built';
    cache.set(p, { index: loaded, checkedAt: Date.now() });
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
  if (Date.now() - c.checkedAt > FINGERPRINT_INTERVAL) {
    if (corpusFingerprint(p) !== c.index.fingerprint) return undefined;
    c.checkedAt = Date.now();
  }
  return c.index;
}

async function buildStored(p: Project, options: EnsureOptions): Promise<void> {
  const here = (): void => {
    const signal = options.signal;
    buildAndStoreIndex(p, {}, {
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
    await runJob('search.buildIndex', p.file, {}, { signal: options.signal, onProgress: options.onProgress });
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
  let stored: StoredIndex;
  try {
    stored = JSON.parse(gunzipSync(row.data).toString('utf8')) as StoredIndex;
  } catch {
    return undefined; // unreadable derived data is simply rebuilt
  }
  if (stored.format !== INDEX_FORMAT) return undefined;
  if (!any && stored.fingerprint !== corpusFingerprint(p)) return undefined;
  const idx = lunr.Index.load(stored.index as object);
  return makeLoaded(p, stored, idx, row.data.length, performance.now() - started);
}

function makeLoaded(p: Project, stored: StoredIndex, idx: lunr.Index, bytes: number, loadMs: number): LoadedIndex {
  const docRows = p.db.prepare('SELECT id, name, position, kind FROM documents').all() as { id: number; name: string; position: number; kind: string }[];
  const attrs = readDocumentAttributes(p);
  const texts = new Map<number, string>();
  const getText = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  return {
    version: stored.version,
    fingerprint: stored.fingerprint,
    builtAt: stored.builtAt,
    buildMs: stored.buildMs,
    bytes,
    loadMs: Math.round(loadMs),
    idx,
    passages: stored.passages,
    languages: new Map(Object.entries(stored.languages).map(([k, v]) => [Number(k), v])),
    documents: new Map(docRows.map((d) => [d.id, { ...d, attributes: attrs.get(d.id) ?? {} }])),
    speakers: readSpeakers(p),
    text(documentId) {
      let t = texts.get(documentId);
      if (t === undefined) texts.set(documentId, (t = (getText.get(documentId) as string | undefined) ?? ''));
      return t;
    },
    origin: 'loaded',
  };
}

/** Forget the in-memory index (tests and benchmarks measure loading from the file). */
export function dropCachedIndex(p: Project): void {
  cache.delete(p);
}

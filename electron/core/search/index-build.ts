/**
 * Building the search index. Every passage's words are stemmed in its document's language
 * (lunr-languages' Swedish Snowball stemmer, lunr's English one) with stop words removed, and
 * go with the fields speaker, kind and attr into an index stored as derived data.
 *
 * Two engines share this preparation. The product uses "fts5": an in-memory SQLite FTS5
 * table of the stemmed tokens (contentless, no positions: phrases are verified on the text),
 * serialised into the project's derived table. "lunr" is the pure-JS index the issue started
 * from, kept so the benchmark can measure both on the same corpus: on 1.6 M words it loads
 * in seconds and answers common terms in hundreds of ms, where FTS5 needs milliseconds.
 */
import { openMemoryDb } from '../db/driver';
import { gzipSync } from 'node:zlib';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { isStopWord, lunr, stem, type SearchLanguage } from './language';
import { corpusFingerprint, readCorpus, type DocumentInfo, type Passage, type SpeakerInfo } from './passages';
import { normalizeWord, tokenize } from './text';

export const INDEX_KEY = 'search-index';
export const INDEX_FORMAT = 3;
export type SearchEngine = 'fts5' | 'lunr';

export interface IndexHeader {
  format: number;
  engine: SearchEngine;
  version: number;
  fingerprint: string;
  builtAt: string;
  buildMs: number;
  /** Language per document id, as used for stemming. */
  languages: Record<string, SearchLanguage>;
}

/** Passage columns as typed arrays (speaker -1: none), stored packed so an index loads them in one read. */
export interface PassageColumns {
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  speaker: Int32Array;
}

/** The four columns as one buffer (doc, start, end, speaker; each n Int32s), as stored. */
export function packPassageColumns(c: PassageColumns): Buffer {
  const n = c.doc.length;
  const all = new Int32Array(4 * n);
  all.set(c.doc, 0);
  all.set(c.start, n);
  all.set(c.end, 2 * n);
  all.set(c.speaker, 3 * n);
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength);
}

/** The columns back from packPassageColumns's bytes (copied once, so they are aligned and owned). */
export function unpackPassageColumns(bytes: Uint8Array): PassageColumns {
  const all = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(all.buffer).set(bytes);
  const n = all.length / 4;
  return { doc: all.subarray(0, n), start: all.subarray(n, 2 * n), end: all.subarray(2 * n, 3 * n), speaker: all.subarray(3 * n) };
}

export function fieldValues(passage: Passage, text: string, doc: DocumentInfo, speakers: Map<number, SpeakerInfo>): Record<'text' | 'speaker' | 'kind' | 'attr', string[]> {
  const words: string[] = [];
  for (const t of tokenize(text, passage.start, passage.end)) {
    if (!isStopWord(t.norm, doc.lang)) words.push(stem(t.norm, doc.lang));
  }
  const sp = passage.speakerId !== null ? speakers.get(passage.speakerId) : undefined;
  const speaker = sp ? [normalizeWord(sp.label), ...(sp.name ? [normalizeWord(sp.name)] : [])] : [];
  const attr = [...Object.entries(doc.attributes), ...Object.entries(sp?.attributes ?? {})].map(([k, v]) => attrToken(k, v));
  return { text: words, speaker, kind: [doc.kind], attr };
}

/** One token per attribute value: "grupp=chef" (value kept whole, so "Barn och unga" is one term). */
export function attrToken(name: string, value: string): string {
  return `${normalizeWord(name.trim())}=${normalizeWord(value.trim())}`;
}

/** A term as FTS5 stores it: anything but letters and digits becomes "_" (a token character there). */
export function ftsToken(term: string): string {
  return term.replace(/[^\p{L}\p{N}]+/gu, '_');
}

export const FTS_SCHEMA = `
  CREATE VIRTUAL TABLE fts USING fts5(text, speaker, kind, attr, content='', detail='column',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
  CREATE TABLE passages(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker INTEGER);
  CREATE TABLE header(json TEXT NOT NULL);
  CREATE TABLE passage_columns(data BLOB NOT NULL);`;

const noopContext: JobContext = { progress: () => undefined, throwIfCancelled: () => undefined, cancelled: false };

export interface BuiltIndex {
  header: IndexHeader;
  blob: Buffer;
  passages: number;
}

export function buildIndex(p: Project, ctx: JobContext = noopContext, engine: SearchEngine = 'fts5'): BuiltIndex {
  const started = performance.now();
  // The version is read before the content: if content changes meanwhile, the stored
  // index is marked with the older version and is rebuilt on the next check.
  const version = p.contentVersion();
  const fingerprint = corpusFingerprint(p);
  const corpus = readCorpus(p, (done, total) => {
    ctx.throwIfCancelled();
    ctx.progress({ phase: 'read', done, total, unit: 'files' });
  });
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  const total = corpus.passages.length;
  const each = (fn: (fields: ReturnType<typeof fieldValues>, i: number) => void): void => {
    corpus.passages.forEach((passage, i) => {
      if (i % 500 === 0) {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'index', done: i, total, unit: 'items' });
      }
      fn(fieldValues(passage, corpus.texts.get(passage.documentId)!, docById.get(passage.documentId)!, corpus.speakers), i);
    });
    ctx.progress({ phase: 'index', done: total, total, unit: 'items' });
  };
  const header: Omit<IndexHeader, 'buildMs'> = {
    format: INDEX_FORMAT,
    engine,
    version,
    fingerprint,
    builtAt: p.now(),
    languages: Object.fromEntries(corpus.documents.map((d) => [String(d.id), d.lang])),
  };
  const columns: PassageColumns = {
    doc: Int32Array.from(corpus.passages, (x) => x.documentId),
    start: Int32Array.from(corpus.passages, (x) => x.start),
    end: Int32Array.from(corpus.passages, (x) => x.end),
    speaker: Int32Array.from(corpus.passages, (x) => x.speakerId ?? -1),
  };

  if (engine === 'lunr') {
    const index = lunr()(function () {
      // Tokens arrive already normalised and stemmed: lunr must not change them again.
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      for (const f of ['text', 'speaker', 'kind', 'attr']) this.field(f);
      each((fields, i) => this.add({ id: String(i), ...fields }));
    });
    const full = { ...header, buildMs: Math.round(performance.now() - started) };
    const blob = gzipSync(Buffer.from(JSON.stringify({ header: full, passages: packPassageColumns(columns).toString('base64'), index: index.toJSON() })), { level: 6 });
    return { header: full, blob, passages: total };
  }

  const db = openMemoryDb();
  try {
    db.exec(FTS_SCHEMA);
    const ins = db.prepare('INSERT INTO fts(rowid, text, speaker, kind, attr) VALUES (?, ?, ?, ?, ?)');
    const insP = db.prepare('INSERT INTO passages(id, doc, start, "end", speaker) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      each((f, i) => {
        const join = (xs: string[]): string => xs.map(ftsToken).join(' ');
        ins.run(i + 1, join(f.text), join(f.speaker), join(f.kind), join(f.attr));
        insP.run(i + 1, columns.doc[i], columns.start[i], columns.end[i], columns.speaker[i]! < 0 ? null : columns.speaker[i]);
      });
    })();
    ctx.throwIfCancelled();
    db.exec("INSERT INTO fts(fts) VALUES ('optimize')");
    const full = { ...header, buildMs: Math.round(performance.now() - started) };
    db.prepare('INSERT INTO header(json) VALUES (?)').run(JSON.stringify(full));
    db.prepare('INSERT INTO passage_columns(data) VALUES (?)').run(packPassageColumns(columns));
    return { header: full, blob: db.serialize(), passages: total };
  } finally {
    db.close();
  }
}

/** Builds and stores the index in the project's derived table; the job run in a worker thread. */
export function buildAndStoreIndex(
  p: Project,
  params: { engine?: SearchEngine } | undefined,
  ctx: JobContext = noopContext,
): { version: number; passages: number; bytes: number; buildMs: number } {
  const built = buildIndex(p, ctx, params?.engine ?? 'fts5');
  ctx.throwIfCancelled();
  p.transaction(() => {
    p.db
      .prepare('INSERT INTO derived(key, version, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version, data = excluded.data')
      .run(INDEX_KEY, built.header.version, built.blob);
  });
  return { version: built.header.version, passages: built.passages, bytes: built.blob.length, buildMs: built.header.buildMs };
}

/**
 * Building the search index: every passage's words, stemmed in its document's language with
 * stop words removed, go into a lunr index with the fields text, speaker, kind and attr.
 * Field filters (speaker:CS, grupp:chef, kind:fieldnote) are terms of their own fields.
 * Stemming happens here rather than in lunr's pipeline so that each document can have its
 * own language within one index.
 */
import { gzipSync } from 'node:zlib';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { isStopWord, lunr, stem, type SearchLanguage } from './language';
import { corpusFingerprint, readCorpus, type DocumentInfo, type Passage, type SpeakerInfo } from './passages';
import { normalizeWord, tokenize } from './text';

export const INDEX_KEY = 'search-index';
export const INDEX_FORMAT = 1;

/** What is stored (gzipped JSON) in the derived table. */
export interface StoredIndex {
  format: number;
  version: number;
  fingerprint: string;
  builtAt: string;
  buildMs: number;
  /** Passage columns, index i is the lunr ref String(i). */
  passages: { doc: number[]; start: number[]; end: number[]; speaker: (number | null)[] };
  /** Language per document id, as used for stemming. */
  languages: Record<string, SearchLanguage>;
  index: object;
}

export function fieldValues(passage: Passage, text: string, doc: DocumentInfo, speakers: Map<number, SpeakerInfo>): Record<string, string[]> {
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

const noopContext: JobContext = { progress: () => undefined, throwIfCancelled: () => undefined, cancelled: false };

export function buildIndex(p: Project, ctx: JobContext = noopContext): StoredIndex {
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
  const index = lunr(function () {
    // Tokens arrive already normalised and stemmed: lunr must not change them again.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('text');
    this.field('speaker');
    this.field('kind');
    this.field('attr');
    corpus.passages.forEach((passage, i) => {
      if (i % 500 === 0) {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'index', done: i, total, unit: 'items' });
      }
      const doc = docById.get(passage.documentId)!;
      this.add({ id: String(i), ...fieldValues(passage, corpus.texts.get(passage.documentId)!, doc, corpus.speakers) });
    });
  });
  ctx.progress({ phase: 'index', done: total, total, unit: 'items' });
  return {
    format: INDEX_FORMAT,
    version,
    fingerprint,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
    passages: {
      doc: corpus.passages.map((x) => x.documentId),
      start: corpus.passages.map((x) => x.start),
      end: corpus.passages.map((x) => x.end),
      speaker: corpus.passages.map((x) => x.speakerId),
    },
    languages: Object.fromEntries(corpus.documents.map((d) => [String(d.id), d.lang])),
    index: index.toJSON(),
  };
}

export function serializeIndex(stored: StoredIndex): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(stored)), { level: 6 });
}

/** Builds and stores the index in the project's derived table; the job run in a worker thread. */
export function buildAndStoreIndex(p: Project, _params: unknown, ctx: JobContext = noopContext): { version: number; passages: number; bytes: number; buildMs: number } {
  const stored = buildIndex(p, ctx);
  ctx.throwIfCancelled();
  const blob = serializeIndex(stored);
  p.transaction(() => {
    p.db
      .prepare('INSERT INTO derived(key, version, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version, data = excluded.data')
      .run(INDEX_KEY, stored.version, blob);
  });
  return { version: stored.version, passages: stored.passages.doc.length, bytes: blob.length, buildMs: stored.buildMs };
}

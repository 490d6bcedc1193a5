/**
 * Building the search index. Every passage's words are stemmed in its document's language
 * (lunr-languages' Swedish Snowball stemmer, lunr's English one) with stop words removed, and
 * go with the fields speaker, kind and attr into an index stored as derived data.
 *
 * Two engines share this preparation. The product uses "fts5": an SQLite FTS5 table of the
 * stemmed tokens (contentless, no positions: phrases are verified on the text), built in an
 * in-memory database and copied into the project's own index tables (index-tables.ts), where
 * a search reads only the pages it needs. "lunr" is the pure-JS index the issue started
 * from, kept so the benchmark can measure both on the same corpus: on 1.6 M words it loads
 * in seconds and answers common terms in hundreds of ms, where FTS5 needs milliseconds.
 */
import { openMemoryDb } from '../db/driver';
import { gzipSync } from 'node:zlib';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { INDEX_FORMAT, storeDerived, type IndexHeader, type SearchEngine } from './index-header';
import { ftsTableSql, storeIndexTables } from './index-tables';
import { isStopWord, lunr, stem } from './language';
import { packPassageColumns, type PassageColumns } from './passage-table';
import { corpusFingerprint, readCorpus, type DocumentInfo, type Passage, type SpeakerInfo } from './passages';
import { ftsToken, normalizeWord, tokenize } from './text';

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

const noopContext: JobContext = { progress: () => undefined, throwIfCancelled: () => undefined, cancelled: false };

export function buildIndex(p: Project, ctx: JobContext = noopContext, engine: SearchEngine = 'fts5'): { version: number; passages: number; bytes: number; buildMs: number } {
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
  const header: Omit<IndexHeader, 'buildMs' | 'bytes'> = {
    format: INDEX_FORMAT,
    engine,
    version,
    fingerprint,
    builtAt: p.now(),
    languages: Object.fromEntries(corpus.documents.map((d) => [String(d.id), d.lang])),
    passages: total,
  };
  const columns: PassageColumns = {
    doc: Int32Array.from(corpus.passages, (x) => x.documentId),
    start: Int32Array.from(corpus.passages, (x) => x.start),
    end: Int32Array.from(corpus.passages, (x) => x.end),
    speaker: Int32Array.from(corpus.passages, (x) => x.speakerId ?? -1),
  };
  const done = (bytes: number): IndexHeader => ({ ...header, bytes, buildMs: Math.round(performance.now() - started) });

  if (engine === 'lunr') {
    const index = lunr()(function () {
      // Tokens arrive already normalised and stemmed: lunr must not change them again.
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      for (const f of ['text', 'speaker', 'kind', 'attr']) this.field(f);
      each((fields, i) => this.add({ id: String(i), ...fields }));
    });
    ctx.throwIfCancelled();
    const json = JSON.stringify({ header: done(0), passages: packPassageColumns(columns).toString('base64'), index: index.toJSON() });
    const blob = gzipSync(Buffer.from(json), { level: 6 });
    const full = done(blob.length);
    p.transaction(() => storeDerived(p.db, full.version, blob));
    return { version, passages: total, bytes: blob.length, buildMs: full.buildMs };
  }

  // Built in memory (nothing readable reaches the disk, and the project is not locked while
  // it is built), then copied into the project's index tables in one transaction.
  const db = openMemoryDb();
  try {
    db.exec(ftsTableSql(p));
    const ins = db.prepare('INSERT INTO search_fts(rowid, text, speaker, kind, attr) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      each((f, i) => {
        const join = (xs: string[]): string => xs.map(ftsToken).join(' ');
        ins.run(i + 1, join(f.text), join(f.speaker), join(f.kind), join(f.attr));
      });
    })();
    ctx.throwIfCancelled();
    db.exec("INSERT INTO search_fts(search_fts) VALUES ('optimize')");
    ctx.throwIfCancelled();
    const bytes = storeIndexTables(p, db, columns, done);
    return { version, passages: total, bytes, buildMs: done(bytes).buildMs };
  } finally {
    db.close();
  }
}

/** Builds and stores the index in the project; the job run in a worker thread. */
export function buildAndStoreIndex(
  p: Project,
  params: { engine?: SearchEngine } | undefined,
  ctx: JobContext = noopContext,
): { version: number; passages: number; bytes: number; buildMs: number } {
  return buildIndex(p, ctx, params?.engine ?? 'fts5');
}

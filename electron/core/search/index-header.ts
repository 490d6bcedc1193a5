/**
 * What says whether a stored search index is current: its header, kept in the project's
 * `derived` table under INDEX_KEY with the content version it was built from.
 */
import type { Db } from '../db/driver';
import type { SearchLanguage } from './language';

export const INDEX_KEY = 'search-index';
/** 4: the FTS5 index lives in the project's own tables (migration 003), the derived row holds only this header. */
export const INDEX_FORMAT = 4;
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
  /** How many passages the index holds (numbered 0 … passages - 1 in document order). */
  passages: number;
  /** The index's size in bytes as stored. */
  bytes: number;
}

/** The header (fts5), or the whole gzipped index with its header (lunr), as the derived row. */
export function storeDerived(db: Db, version: number, data: Buffer): void {
  db.prepare('INSERT INTO derived(key, version, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version, data = excluded.data').run(INDEX_KEY, version, data);
}

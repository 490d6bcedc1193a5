/**
 * The FTS5 search index as tables of the project file (migration 003): `search_fts` (the
 * stemmed tokens of each passage), `search_terms` (its distinct terms) and `search_passages`
 * (where each passage lies). A search reads the pages it needs through the project's own
 * connection, so opening the index costs the same on 144 interviews as on 1,440; the tables
 * are inside the project file, so they are encrypted, copied and backed up with it.
 *
 * The index is built in an in-memory database (index-build.ts) and its pages copied here in
 * one transaction. FTS5 keeps its index in shadow tables (`search_fts_data`, `_idx`,
 * `_docsize`, `_config`) whose rows do not depend on the table's database, so an identically
 * declared table (the memory copy is made from this table's own CREATE statement) can be
 * copied row by row.
 */
import { closeDb, inTransaction, openDb, type Db, type Statement } from '../db/driver';
import { readOnlyError, storageError } from '../db/storage-errors';
import type { Project } from '../project/project';
import { storeDerived, type IndexHeader } from './index-header';
import type { Candidate, PlannedTerm } from './index-store';
import { passageBlocks, storePassageBlocks, type PassageColumns, type PassageTable } from './passage-table';
import { ftsToken, withinDistance } from './text';

/** At most this many index terms stand for one word of a query (a very short word in many compounds). */
const MAX_ALTERNATIVES = 800;

/** The CREATE statement of the project's index table: the memory build must declare it exactly so. */
export function ftsTableSql(p: Project): string {
  const sql = p.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'").pluck().get() as string | undefined;
  if (!sql) throw new Error('the project has no search index table (migration 003 is missing)');
  return sql;
}

/**
 * Replaces the project's index with the one built in `mem`, and its header, in one
 * transaction; returns the index's size in bytes. Written through a connection of its own:
 * FTS5 keeps an index's structure cached per connection and notices only other connections'
 * writes, so the caller's connection (which may have searched the old index) reads the new one.
 */
export function storeIndexTables(p: Project, mem: Db, columns: PassageColumns, header: (bytes: number) => IndexHeader): number {
  if (p.readOnly) throw readOnlyError(p.file);
  const shadows = mem.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_fts!_%' ESCAPE '!' ORDER BY name").pluck().all() as string[];
  const bytes = mem.prepare('SELECT total(length(block)) FROM search_fts_data').pluck().get() as number;
  mem.exec("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, search_fts, 'row')");
  const db = openDb(p.file);
  // SQLite's defensive mode (on by default in the driver) refuses writes to shadow tables
  db.unsafeMode(true);
  try {
    inTransaction(db, () => {
      for (const name of shadows) {
        db.prepare(`DELETE FROM ${name}`).run();
        const read = mem.prepare(`SELECT * FROM ${name}`).raw();
        const columnNames = read.columns().map((c) => c.name);
        const write = db.prepare(`INSERT INTO ${name}(${columnNames.join(', ')}) VALUES (${columnNames.map(() => '?').join(', ')})`);
        for (const row of read.iterate() as IterableIterator<unknown[]>) write.run(...row);
      }
      db.prepare('DELETE FROM search_terms').run();
      const term = db.prepare('INSERT INTO search_terms(term) VALUES (?)');
      for (const t of mem.prepare('SELECT term FROM temp.search_vocab').pluck().iterate() as IterableIterator<string>) term.run(t);
      storePassageBlocks(db, columns);
      const h = header(bytes);
      storeDerived(db, h.version, Buffer.from(JSON.stringify(h), 'utf8'));
    });
    return bytes;
  } catch (e) {
    throw storageError(e, p.file) ?? e;
  } finally {
    closeDb(db);
  }
}

/** The stored index opened for searching: nothing is read until a query needs it. */
export function openIndexTables(db: Db, header: IndexHeader): { passages: PassageTable; candidates: (terms: PlannedTerm[], ranked?: boolean) => Iterable<Candidate> } {
  let vocabulary: string[] | undefined;
  // every distinct term, read on the first compound or fuzzy word (a few hundred kB, not the index)
  const vocab = (): string[] => (vocabulary ??= db.prepare('SELECT term FROM search_terms').pluck().all() as string[]);
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const passages = passageBlocks(db, header.passages);
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
  function* allBut(excluded: Set<number>): Iterable<Candidate> {
    for (let passage = 0; passage < header.passages; passage++) if (!excluded.has(passage)) yield { passage, score: 0 };
  }
  const candidates = (terms: PlannedTerm[], ranked = false): Iterable<Candidate> => {
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
      // bm25() costs time on common words; document order needs no score. Rows come in
      // passage order and are read as the search asks for them: a first page stops early.
      const sql = ranked
        ? 'SELECT rowid - 1 AS passage, -bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH ?'
        : 'SELECT rowid - 1 AS passage, 0 AS score FROM search_fts WHERE search_fts MATCH ?';
      return prepared(sql).iterate(match) as IterableIterator<Candidate>;
    }
    // Only exclusions (or a phrase of stop words): every passage but the excluded ones.
    const excluded = new Set(negative ? (prepared('SELECT rowid - 1 FROM search_fts WHERE search_fts MATCH ?').pluck().all(negative) as number[]) : []);
    return allBut(excluded);
  };
  return { passages, candidates };
}

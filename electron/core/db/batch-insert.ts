/**
 * Many rows to one INSERT statement: a 20,000-row import is a few hundred statement runs,
 * not 20,000 (each run has a fixed cost in the binding and in SQLite's statement machinery).
 * Rows are buffered and written when a statement's worth is ready, and on `flush()`.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

type Value = string | number | bigint | Buffer | null;

export interface BatchInsert {
  add(...row: Value[]): void;
  /** Writes what is buffered. */
  flush(): void;
  /** Rows written so far (OR IGNORE may skip some), counted at each flush. */
  readonly changes: number;
}

/**
 * `head` is the statement up to VALUES (`INSERT INTO t(a, b)`), `columns` the number of
 * values a row has. `beforeFlush` runs before any rows are written: rows referring to
 * another batch's rows flush that one first, so foreign keys find them.
 */
export function batchInsert(db: Database.Database, head: string, columns: number, o: { rows?: number; beforeFlush?: () => void } = {}): BatchInsert {
  const rows = o.rows ?? 64;
  const row = `(${Array(columns).fill('?').join(', ')})`;
  const full = db.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`);
  const one = db.prepare(`${head} VALUES ${row}`);
  const values: Value[] = [];
  let changes = 0;
  const flush = (): void => {
    if (values.length === 0) return;
    o.beforeFlush?.();
    if (values.length === rows * columns) changes += full.run(values).changes;
    else for (let i = 0; i < values.length; i += columns) changes += one.run(values.slice(i, i + columns)).changes;
    values.length = 0;
  };
  return {
    add(...r: Value[]) {
      for (const v of r) values.push(v);
      if (values.length === rows * columns) flush();
    },
    flush,
    get changes() {
      return changes;
    },
  };
}

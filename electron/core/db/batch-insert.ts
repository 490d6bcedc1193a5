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
  /** Statement runs so far: one per flush, whatever the number of rows. */
  readonly runs: number;
}

/**
 * `head` is the statement up to VALUES (`INSERT INTO t(a, b)`), `columns` the number of
 * values a row has. `beforeFlush` runs before any rows are written: rows referring to
 * another batch's rows flush that one first, so foreign keys find them.
 */
export function batchInsert(db: Database.Database, head: string, columns: number, o: { rows?: number; beforeFlush?: () => void } = {}): BatchInsert {
  const rows = o.rows ?? 64;
  const row = `(${Array(columns).fill('?').join(', ')})`;
  // one statement per number of rows, prepared when first needed: a batch flushed before it
  // is full (another batch's rows refer to its rows) still goes in as one statement run, not
  // one per row — which is what nearly every quotation of a REFI import did before
  const statements = new Map<number, Database.Statement>();
  const statement = (n: number): Database.Statement => {
    let s = statements.get(n);
    if (!s) statements.set(n, (s = db.prepare(`${head} VALUES ${Array(n).fill(row).join(', ')}`)));
    return s;
  };
  const values: Value[] = [];
  let changes = 0;
  let runs = 0;
  const flush = (): void => {
    if (values.length === 0) return;
    o.beforeFlush?.();
    changes += statement(values.length / columns).run(values).changes;
    runs++;
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
    get runs() {
      return runs;
    },
  };
}

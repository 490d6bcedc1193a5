/**
 * What a statement does to the tables it reads, from SQLite's own compiled program and
 * plan: counts that do not depend on the machine's speed.
 */
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';

interface Op {
  opcode: string;
  p1: number;
  p2: number;
}

/**
 * SQLite's compiled program for `sql`, its parameters bound to NULL (EXPLAIN runs nothing, and
 * the program does not depend on the values): a statement with parameters cannot be
 * explained without values for them, and was once taken for one that cannot be explained.
 */
function explain(db: Database, sql: string): Op[] | undefined {
  let statement;
  try {
    statement = db.prepare(`EXPLAIN ${sql}`);
  } catch {
    return undefined;
  }
  for (let n = 0; n <= 100; n++) {
    try {
      return statement.all(...Array<null>(n).fill(null)) as Op[];
    } catch (e) {
      if (!(e instanceof RangeError && /too few parameter/i.test(e.message))) return undefined;
    }
  }
  return undefined;
}

/**
 * The tables (by name; an index counts as its table) that `sql` walks from the first row
 * to the last: a cursor opened on them and started with Rewind (a scan) or Count (which
 * also visits every page), as opposed to a seek by key or to the last row.
 */
export function fullScans(db: Database, sql: string): string[] {
  const program = explain(db, sql);
  if (!program) return []; // not a statement SQLite can explain on its own (BEGIN, a PRAGMA with side effects)
  const tableOfRoot = new Map(
    (db.prepare("SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0").all() as { rootpage: number; tbl_name: string }[]).map((r) => [r.rootpage, r.tbl_name]),
  );
  const cursorTable = new Map<number, string>();
  const scanned = new Set<string>();
  for (const op of program) {
    if (op.opcode === 'OpenRead' || op.opcode === 'OpenWrite') {
      const table = tableOfRoot.get(op.p2);
      if (table) cursorTable.set(op.p1, table);
    } else if (op.opcode === 'Rewind' || op.opcode === 'Count') {
      const table = cursorTable.get(op.p1);
      if (table) scanned.add(table);
    }
  }
  return [...scanned].sort();
}

/** The lines of `EXPLAIN QUERY PLAN` for `sql` with `params`. */
export function queryPlan(db: Database, sql: string, params: unknown[] = []): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * Every statement run on any connection while `fn` runs, with how often (by its SQL), and
 * how many statements were prepared: each holds native memory the garbage collector does
 * not see, so preparing per row makes memory grow with the batch.
 */
export async function recordStatements(fn: () => unknown): Promise<{ runs: Map<string, number>; args: Map<string, unknown[]>; prepared: number }> {
  const probe = new Sqlite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  const dbProto = Object.getPrototypeOf(probe) as { prepare: (this: unknown, ...args: unknown[]) => unknown };
  probe.close();
  const counts = new Map<string, number>();
  const bound = new Map<string, unknown[]>();
  const originals = new Map<string, unknown>();
  const prepare = dbProto.prepare;
  let prepared = 0;
  dbProto.prepare = function (this: unknown, ...args: unknown[]) {
    prepared++;
    return prepare.apply(this, args);
  };
  for (const name of ['run', 'get', 'all', 'iterate']) {
    const original = proto[name] as (this: { source: string }, ...args: unknown[]) => unknown;
    originals.set(name, original);
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      counts.set(this.source, (counts.get(this.source) ?? 0) + 1);
      if (!bound.has(this.source)) bound.set(this.source, args);
      return original.apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
    dbProto.prepare = prepare;
  }
  return { runs: counts, args: bound, prepared };
}

/**
 * Whether `sql` walks all rows of `table` reading a column stored at or behind `column` (by
 * its place in the row): for documents and its text, reading every document's text — also
 * when the column wanted is a small one behind it (position, source_name), since SQLite reads
 * a row's columns in order.
 */
export function walksColumn(db: Database, sql: string, table: string, column: string): boolean {
  const program = explain(db, sql);
  if (!program) return false;
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as number | undefined;
  const place = (db.prepare('SELECT cid FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, column) as number | undefined) ?? Infinity;
  const cursors = new Set<number>();
  const scanned = new Set<number>();
  const behind = new Set<number>();
  for (const op of program) {
    if ((op.opcode === 'OpenRead' || op.opcode === 'OpenWrite') && op.p2 === root) cursors.add(op.p1);
    else if (op.opcode === 'Rewind' && cursors.has(op.p1)) scanned.add(op.p1);
    else if (op.opcode === 'Column' && cursors.has(op.p1) && op.p2 >= place) behind.add(op.p1);
  }
  return [...scanned].some((c) => behind.has(c));
}

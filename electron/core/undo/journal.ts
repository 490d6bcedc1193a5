/**
 * The undo journal. `withUndo(project, label, fn)` runs fn in one transaction and records
 * every row it changed in the journalled tables (before and after, as JSON made by SQLite
 * itself, so types survive exactly) as one `history` entry. Undo replays the changes
 * backwards with the old rows, redo forwards with the new rows, each in one transaction.
 *
 * Rows are captured by TEMP triggers, created once per connection, that append to a temp
 * change table only while an action is being recorded (a one-row temp flag), so writes
 * outside withUndo (imports, bulk coding) pay one tiny lookup and nothing else. Foreign-key
 * cascades fire the triggers too, so a deleted code's links and sub-codes come back with it.
 *
 * Before a replayed step touches a row it checks that the row is still exactly as the step
 * left it; if something else changed it meanwhile (an import, another coder's merge), the
 * step is refused with a clear message instead of overwriting newer work.
 */
import type { HistoryState } from '../../../shared/contract/history';
import type { Db, Statement } from '../db/driver';
import { UserError } from '../errors';
import type { Project } from '../project/project';

/**
 * Tables whose changes are undoable. Documents, speakers and turns are written by imports
 * outside any step (a batch is not journalled); deleting, renaming or correcting a document
 * is a step, with its cascade.
 */
export const JOURNALLED_TABLES = [
  'documents',
  'speakers',
  'turns',
  'quotations',
  'quotation_codes',
  'codes',
  'memos',
  'document_attribute_values',
  'speaker_attribute_values',
  'attributes',
  'attribute_levels',
  'document_groups',
  'document_group_members',
  // Pinned typical quotes live here (kind 'typical-quotes'); saved theme-table layouts are written outside any step.
  'layouts',
  // a transcript's recording: linking and unlinking are steps, and a deleted document's link comes back with it
  'document_media',
  // the pseudonym list (migration 009): adding, editing, deleting and importing names are steps
  'pseudonyms',
] as const;
export type JournalledTable = (typeof JOURNALLED_TABLES)[number];

/** Entries kept; older ones are dropped when a new step is recorded. */
const MAX_STEPS = 500;

/** One recorded row change: table, op, and the row before/after as JSON text. */
type Change = [table: string, op: 'i' | 'u' | 'd', before: string | null, after: string | null];

export interface StepLabel {
  /** The contract method (or other key) that made the step, for translated labels. */
  action: string;
  /** English description, e.g. `Apply code "Bollande"`. */
  text: string;
}

interface StoredStep {
  action: string;
  changes: Change[];
  /**
   * Rows inserted in bulk (insertInBulk), after the changes: in the redo column the rows
   * themselves, per table, as SQLite's own JSON arrays; in the undo column only the tables,
   * since undoing an insert needs the keys, which it reads from the redo column in SQL.
   */
  bulk?: BulkPart[] | string[];
}

/** One table's bulk-inserted rows as recorded: the columns and the rows as JSON arrays in that order. */
interface BulkPart {
  table: string;
  columns: string[];
}

interface TableSql {
  columns: string[];
  pk: string[];
  rowJson: (alias: string) => string;
  insert: Statement;
  remove: Statement;
  update: Statement;
  current: Statement;
}

interface Journal {
  tables: Map<string, TableSql>;
  setFlag: Statement;
  /** The recorded changes as the step's JSON array, in order (redo) and inverted in reverse order (undo). */
  redoJson: Statement;
  undoJson: Statement;
  clearLog: Statement;
}

const journals = new WeakMap<Db, Journal>();

/**
 * Connections with a step being recorded. Kept per connection, not on the Journal: a journal
 * first set up inside a transaction is rebuilt on every call (see journalOf), so a flag on it
 * would not be seen by a nested withUndo, which would then clear the outer step's changes.
 */
const recording = new WeakSet<Db>();

/** Per connection, the bulk inserts of the step being recorded: the part's head and its rows as JSON text. */
const bulkParts = new WeakMap<Db, { part: BulkPart; rows: string }[]>();

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Creates the temp flag, change table and triggers on this connection (once). */
function journalOf(db: Db): Journal {
  const known = journals.get(db);
  if (known) return known;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS undo_flag(on_ INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS undo_log(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT);
  `);
  if (!db.prepare('SELECT 1 FROM temp.undo_flag').get()) db.prepare('INSERT INTO temp.undo_flag(on_) VALUES (0)').run();
  const tables = new Map<string, TableSql>();
  for (const table of JOURNALLED_TABLES) {
    const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string; pk: number }[];
    if (info.length === 0) continue;
    const columns = info.map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const rowJson = (alias: string): string => `json_object(${columns.map((c) => `'${c}', ${alias}.${q(c)}`).join(', ')})`;
    const when = 'WHEN (SELECT on_ FROM temp.undo_flag)';
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_ai AFTER INSERT ON main.${q(table)} ${when}
        BEGIN INSERT INTO temp.undo_log(tbl, op, new) VALUES ('${table}', 'i', ${rowJson('NEW')}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_au AFTER UPDATE ON main.${q(table)} ${when}
        BEGIN INSERT INTO temp.undo_log(tbl, op, old, new) VALUES ('${table}', 'u', ${rowJson('OLD')}, ${rowJson('NEW')}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_ad AFTER DELETE ON main.${q(table)} ${when}
        BEGIN INSERT INTO temp.undo_log(tbl, op, old) VALUES ('${table}', 'd', ${rowJson('OLD')}); END;
    `);
    const fromJson = (c: string, param: string): string => `json_extract(${param}, '$.${c}')`;
    const pkWhere = (param: string): string => pk.map((c) => `${q(c)} IS ${fromJson(c, param)}`).join(' AND ');
    tables.set(table, {
      columns,
      pk,
      rowJson,
      insert: db.prepare(`INSERT INTO main.${q(table)}(${columns.map(q).join(', ')}) SELECT ${columns.map((c) => fromJson(c, '@a')).join(', ')}`),
      remove: db.prepare(`DELETE FROM main.${q(table)} WHERE ${pkWhere('@a')}`),
      update: db.prepare(`UPDATE main.${q(table)} SET ${columns.map((c) => `${q(c)} = ${fromJson(c, '@b')}`).join(', ')} WHERE ${pkWhere('@a')}`),
      current: db.prepare(`SELECT ${rowJson('t')} AS row FROM main.${q(table)} t WHERE ${pk.map((c) => `t.${q(c)} IS json_extract(@a, '$.${c}')`).join(' AND ')}`).pluck(),
    });
  }
  const journal: Journal = {
    tables,
    setFlag: db.prepare('UPDATE temp.undo_flag SET on_ = ?'),
    // Built by SQLite: reading 80,000 changes into JavaScript to write them out again as JSON
    // (twice) took longer than coding 40,000 search hits. An inverted change swaps its rows:
    // an insert's new row is the delete's old one, an update's new and old change places.
    redoJson: db.prepare('SELECT json_group_array(json_array(tbl, op, old, new) ORDER BY seq) FROM temp.undo_log').pluck(),
    undoJson: db.prepare(
      "SELECT json_group_array(json_array(tbl, CASE op WHEN 'i' THEN 'd' WHEN 'd' THEN 'i' ELSE 'u' END, new, old) ORDER BY seq DESC) FROM temp.undo_log",
    ).pluck(),
    clearLog: db.prepare('DELETE FROM temp.undo_log'),
  };
  // Temp tables and triggers made inside a transaction vanish if it rolls back, so only a
  // journal set up outside one is remembered (inside one, IF NOT EXISTS makes redoing it cheap).
  if (!db.inTransaction) journals.set(db, journal);
  return journal;
}

const historyStatements = new WeakMap<Db, ReturnType<typeof prepareHistory>>();
function prepareHistory(db: Db) {
  return {
    dropRedo: db.prepare('DELETE FROM history WHERE undone = 1'),
    insert: db.prepare('INSERT INTO history(label, undo, redo, undone, created_at) VALUES (?, ?, ?, 0, ?)'),
    prune: db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?'),
    lastDone: db.prepare('SELECT id, label, undo FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    firstUndone: db.prepare('SELECT id, label, redo FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
    mark: db.prepare('UPDATE history SET undone = ? WHERE id = ?'),
    // The state needs labels and action keys only: not megabytes of a bulk step's rows.
    lastDoneHead: db.prepare('SELECT label, substr(undo, 1, 200) AS undo FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    firstUndoneHead: db.prepare('SELECT label, substr(redo, 1, 200) AS redo FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
  };
}
function hist(db: Db) {
  let s = historyStatements.get(db);
  if (!s) historyStatements.set(db, (s = prepareHistory(db)));
  return s;
}

function normaliseLabel(label: string | StepLabel): StepLabel {
  return typeof label === 'string' ? { action: 'other', text: label } : label;
}

/**
 * Runs fn as one undoable step in one transaction. Nested calls join the outer step. A step
 * that changed nothing is not recorded. A new step drops everything that was undone.
 */
export function withUndo<T>(p: Project, label: string | StepLabel, fn: () => T): T {
  if (recording.has(p.db)) return fn();
  const j = journalOf(p.db);
  return p.transaction(() => {
    j.clearLog.run();
    j.setFlag.run(1);
    recording.add(p.db);
    const bulk: { part: BulkPart; rows: string }[] = [];
    bulkParts.set(p.db, bulk);
    let result: T;
    try {
      result = fn();
    } finally {
      recording.delete(p.db);
      bulkParts.delete(p.db);
      j.setFlag.run(0);
    }
    const redo = j.redoJson.get() as string;
    if (redo !== '[]' || bulk.length > 0) {
      // The undo column holds the same changes inverted and reversed, ready to replay; of the
      // bulk parts only the tables (undo reads their rows from the redo column).
      const undo = j.undoJson.get() as string;
      const l = normaliseLabel(label);
      const h = hist(p.db);
      h.dropRedo.run();
      const undoBulk = bulk.length > 0 ? `"bulk":${JSON.stringify(bulk.map((b) => b.part.table))}` : '';
      h.insert.run(l.text, storedStep(l.action, undo, undoBulk), storedStep(l.action, redo, bulkRows(bulk)), p.now());
      h.prune.run(MAX_STEPS);
    }
    j.clearLog.run();
    return result;
  });
}

/** A step as stored: `{"action": …, "changes": […]}` around the changes' JSON made by SQLite, and any bulk part. */
function storedStep(action: string, changesJson: string, extra: string): string {
  return `{"action":${JSON.stringify(action)},"changes":${changesJson}${extra ? `,${extra}` : ''}}`;
}

/** The bulk parts of the redo column, their rows as SQLite wrote them (no parse and re-stringify of 40,000 rows). */
function bulkRows(bulk: { part: BulkPart; rows: string }[]): string {
  if (bulk.length === 0) return '';
  return `"bulk":[${bulk.map((b) => `${JSON.stringify(b.part).slice(0, -1)},"rows":${b.rows}}`).join(',')}]`;
}

/**
 * Inside a recorded step: runs `insert`, which only inserts rows into `table` and returns
 * their primary keys (one value, or an array for a composite key, per row), with the per-row
 * capture paused, and records those rows as one part of the step. Coding 40,000 search hits
 * then writes one JSON array per table instead of a trigger-made object per row, and undo
 * deletes them with one statement per table. Outside a recorded step it just runs `insert`.
 */
export function insertInBulk(p: Project, table: JournalledTable, insert: () => unknown[]): void {
  const bulk = bulkParts.get(p.db);
  if (!recording.has(p.db) || !bulk) {
    insert();
    return;
  }
  const j = journalOf(p.db);
  const sql = j.tables.get(table);
  if (!sql) throw new Error(`no journalled table ${table}`);
  j.setFlag.run(0);
  let keys: unknown[];
  try {
    keys = insert();
  } finally {
    j.setFlag.run(1);
  }
  if (keys.length === 0) return;
  const rows = p.db
    .prepare(`SELECT json_group_array(json_array(${sql.columns.map((c) => `t.${q(c)}`).join(', ')})) FROM json_each(?) k JOIN main.${q(table)} t ON ${keyJoin(sql.pk, 'k.value', sql.pk)}`)
    .pluck()
    .get(JSON.stringify(keys)) as string;
  bulk.push({ part: { table, columns: sql.columns }, rows });
}

/** SQL matching a table's key columns `pk` (alias t) against a JSON value holding `cols` (a key array, or a whole row). */
function keyJoin(pk: string[], json: string, cols: string[]): string {
  if (pk.length === 1 && cols.length === 1) return `t.${q(pk[0]!)} = ${json}`;
  return pk.map((c) => `t.${q(c)} = ${json} ->> ${cols.indexOf(c)}`).join(' AND ');
}

/**
 * Undoes (removes) or redoes (puts back) a step's bulk-inserted rows, each table with a few
 * statements reading the rows from the step's redo column in SQL. Refused when a row was
 * changed since (undo) or its key is taken (redo), like a replayed row.
 */
function replayBulk(p: Project, j: Journal, stepId: number, label: string, direction: 'undo' | 'redo'): void {
  const n = p.db.prepare("SELECT json_array_length(redo, '$.bulk') FROM history WHERE id = ?").pluck().get(stepId) as number;
  const order = Array.from({ length: n }, (_, i) => i);
  if (direction === 'undo') order.reverse();
  for (const i of order) {
    // The part read once (megabytes of overflow pages) and handed to each statement as text.
    const part = p.db.prepare(`SELECT redo ->> '$.bulk[${i}].table' AS tbl, redo ->> '$.bulk[${i}].columns' AS columns, redo ->> '$.bulk[${i}].rows' AS rows, json_array_length(redo, '$.bulk[${i}].rows') AS n FROM history WHERE id = ?`).get(stepId) as { tbl: string; columns: string; rows: string; n: number };
    const columns = JSON.parse(part.columns) as string[];
    const t = j.tables.get(part.tbl);
    if (!t) refuseReplay(label, `the table ${part.tbl}`);
    const table = `main.${q(part.tbl)}`;
    const rows = 'json_each(@rows) r';
    const on = keyJoin(t!.pk, 'r.value', columns);
    if (direction === 'undo') {
      const same = p.db.prepare(`SELECT count(*) FROM ${rows} JOIN ${table} t ON ${on} WHERE json_array(${columns.map((c) => `t.${q(c)}`).join(', ')}) = r.value`).pluck().get({ rows: part.rows }) as number;
      if (same !== part.n) refuseReplay(label, `a row in ${part.tbl}`);
      const keys = t!.pk.map((c) => `r.value ->> ${columns.indexOf(c)}`).join(', ');
      p.db.prepare(`DELETE FROM ${table} WHERE (${t!.pk.map(q).join(', ')}) IN (SELECT ${keys} FROM ${rows})`).run({ rows: part.rows });
    } else {
      const taken = p.db.prepare(`SELECT count(*) FROM ${rows} JOIN ${table} t ON ${on}`).pluck().get({ rows: part.rows }) as number;
      if (taken > 0) refuseReplay(label, `a row in ${part.tbl}`);
      p.db.prepare(`INSERT INTO ${table}(${columns.map(q).join(', ')}) SELECT ${columns.map((_, k) => `r.value ->> ${k}`).join(', ')} FROM ${rows}`).run({ rows: part.rows });
    }
  }
}

function refuseReplay(label: string, why: string): never {
  throw new UserError('history-conflict', `cannot undo or redo "${label}": ${why} changed since, by other means`, undefined, `”${label}” kan inte ångras eller göras om: något har ändrats sedan dess på annat sätt (${why})`);
}

/** Applies changes in order, checking each row is as the step expects before touching it. */
function replay(p: Project, j: Journal, label: string, changes: Change[]): void {
  // A step may put a child back before its parent (cascades are logged parent first).
  p.db.pragma('defer_foreign_keys = ON');
  const refuse = (why: string): never => refuseReplay(label, why);
  for (const [table, op, before, after] of changes) {
    const t = j.tables.get(table);
    if (!t) refuse(`the table ${table}`);
    const sql = t!;
    if (op === 'i') {
      const existing = sql.current.get({ a: after }) as string | undefined;
      if (existing !== undefined) {
        if (existing === after) continue; // already there (restored by a cascade's inverse)
        refuse(`a row in ${table}`);
      }
      sql.insert.run({ a: after });
    } else if (op === 'd') {
      const existing = sql.current.get({ a: before }) as string | undefined;
      if (existing === undefined) continue; // already gone through a foreign-key cascade
      if (existing !== before) refuse(`a row in ${table}`);
      sql.remove.run({ a: before });
    } else {
      const existing = sql.current.get({ a: before }) as string | undefined;
      if (existing !== before) refuse(`a row in ${table}`);
      sql.update.run({ a: before, b: after });
    }
  }
}

export type { HistoryState };

function actionOf(json: string): string {
  // The action key sits at the start of the stored JSON; avoid parsing a large step for it.
  const m = /^\{"action":"((?:[^"\\]|\\.)*)"/.exec(json);
  return m ? (JSON.parse(`"${m[1]}"`) as string) : 'other';
}

export function historyState(p: Project): HistoryState {
  const h = hist(p.db);
  const last = h.lastDoneHead.get() as { label: string; undo: string } | undefined;
  const next = h.firstUndoneHead.get() as { label: string; redo: string } | undefined;
  return {
    canUndo: last !== undefined,
    canRedo: next !== undefined,
    undoLabel: last?.label ?? null,
    redoLabel: next?.label ?? null,
    undoAction: last ? actionOf(last.undo) : null,
    redoAction: next ? actionOf(next.redo) : null,
  };
}

/** Undoes the last step; returns its label, or null when there was nothing to undo. */
export function undo(p: Project): string | null {
  if (recording.has(p.db)) throw new Error('undo called inside a recorded step');
  const j = journalOf(p.db);
  return p.transaction(() => {
    const h = hist(p.db);
    const step = h.lastDone.get() as { id: number; label: string; undo: string } | undefined;
    if (!step) return null;
    const stored = JSON.parse(step.undo) as StoredStep;
    // bulk rows went in after the changes, so they come out first
    if (stored.bulk?.length) {
      p.db.pragma('defer_foreign_keys = ON');
      replayBulk(p, j, step.id, step.label, 'undo');
    }
    replay(p, j, step.label, stored.changes);
    h.mark.run(1, step.id);
    return step.label;
  });
}

/** Redoes the last undone step; returns its label, or null when there was nothing to redo. */
export function redo(p: Project): string | null {
  if (recording.has(p.db)) throw new Error('redo called inside a recorded step');
  const j = journalOf(p.db);
  return p.transaction(() => {
    const h = hist(p.db);
    const step = h.firstUndone.get() as { id: number; label: string; redo: string } | undefined;
    if (!step) return null;
    // the bulk rows are read by SQL where they lie; JavaScript parses the rest of the step only
    const bulk = p.db.prepare("SELECT json_type(redo, '$.bulk') IS NOT NULL FROM history WHERE id = ?").pluck().get(step.id) === 1;
    const stored = (bulk ? JSON.parse(p.db.prepare("SELECT json_remove(redo, '$.bulk') FROM history WHERE id = ?").pluck().get(step.id) as string) : JSON.parse(step.redo)) as StoredStep;
    replay(p, j, step.label, stored.changes);
    if (bulk) replayBulk(p, j, step.id, step.label, 'redo');
    h.mark.run(0, step.id);
    return step.label;
  });
}

export function historyList(p: Project, limit: number): { id: number; label: string; action: string; undone: boolean; createdAt: string }[] {
  const rows = p.db
    .prepare('SELECT id, label, substr(redo, 1, 200) AS head, undone, created_at FROM history ORDER BY id DESC LIMIT ?')
    .all(limit) as { id: number; label: string; head: string; undone: number; created_at: string }[];
  return rows.map((r) => ({ id: r.id, label: r.label, action: actionOf(r.head), undone: r.undone === 1, createdAt: r.created_at }));
}

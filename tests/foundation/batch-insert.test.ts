/**
 * Many rows to one INSERT (db/batch-insert.ts): every row arrives, foreign keys find their
 * rows, and a batch flushed before it is full still goes in as one statement run.
 */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { batchInsert } from '../../electron/core/db/batch-insert';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-batch-insert');

describe('batchInsert', () => {
  it('writes every row once, parents before the children that refer to them, one run per flush', () => {
    const db = new Database(path.join(dir, 'batch.db'));
    try {
      db.pragma('foreign_keys = ON');
      db.exec('CREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT NOT NULL); CREATE TABLE child(parent_id INTEGER NOT NULL REFERENCES parent(id), n INTEGER NOT NULL, PRIMARY KEY (parent_id, n)) WITHOUT ROWID;');
      const parents = batchInsert(db, 'INSERT INTO parent(id, name)', 2);
      const children = batchInsert(db, 'INSERT OR IGNORE INTO child(parent_id, n)', 2, { beforeFlush: () => parents.flush() });
      db.transaction(() => {
        for (let id = 1; id <= 100; id++) {
          parents.add(id, `förälder ${id}`);
          // three children each, one of them twice (ignored)
          for (const n of [1, 2, 3, 3]) children.add(id, n);
        }
        children.flush();
        parents.flush();
      })();
      expect(db.prepare('SELECT count(*) FROM parent').pluck().get()).toBe(100);
      expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(300);
      expect([parents.changes, children.changes]).toEqual([100, 300]);
      // 400 child rows: 7 flushes (six full, one of 16 rows); each flushes the parents buffered
      // meanwhile, so the parents go in 7 runs, however few rows each held
      expect(children.runs).toBe(7);
      expect(parents.runs).toBe(7);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

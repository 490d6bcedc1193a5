/**
 * Writes a batch of files as a few commits instead of one per file. Each file is its own
 * savepoint, so it goes in whole or not at all, exactly as with a transaction per file;
 * what is shared is the commit. A commit per file rewrote the same index pages (turns,
 * speakers, names, hashes) 144 times for the 144-interview corpus, doubling what reached
 * the disk. A group is committed after GROUP_BYTES of text or GROUP_MS, so other
 * connections (the UI coding while an import runs) wait at most that long for the lock.
 */
import type { Db } from '../db/driver';

const GROUP_BYTES = 4 * 1024 * 1024;
const GROUP_MS = 250;

export class GroupCommit {
  private bytes = 0;
  private started = 0;
  /** What to tell each file of the open group should its commit fail (disk full …). */
  private pending: ((e: Error) => void)[] = [];

  /**
   * `beforeCommit` is a test hook, run just before each COMMIT (a test throws SQLITE_FULL
   * from it); `maxMs` another (Infinity: commit by bytes only, for tests that count pages).
   */
  constructor(
    private readonly db: Db,
    private readonly beforeCommit?: () => void,
    private readonly maxMs = GROUP_MS,
  ) {}

  /**
   * `fn` as one savepoint of the open group (opening one if needed); throws what `fn`
   * throws, with nothing of it kept. `onLost` is called if the group's commit fails later.
   */
  write<T>(bytes: number, fn: () => T, onLost: (e: Error) => void): T {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.bytes = 0;
      this.started = Date.now();
      this.pending = [];
    }
    let ok = false;
    try {
      // a transaction function called inside a transaction runs as a savepoint
      const value = this.db.transaction(fn)();
      ok = true;
      return value;
    } finally {
      if (ok) this.pending.push(onLost);
      this.bytes += bytes;
      if (this.bytes >= GROUP_BYTES || Date.now() - this.started >= this.maxMs) this.commit();
    }
  }

  /** Commits what the group holds (at the end, while waiting on something slow, on cancel). */
  commit(): void {
    if (!this.db.inTransaction) return;
    try {
      this.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const lost of this.pending) lost(e as Error);
    } finally {
      this.pending = [];
    }
  }
}

/**
 * Where each passage of the index lies: its document, start, end and speaker, by passage
 * number. The FTS5 index keeps them in the project's `search_passages` table in blocks of
 * PASSAGE_BLOCK passages, read when a search first touches one, so a search reads the
 * blocks of its hits and a common word at most all of them; the lunr index (bench only)
 * keeps them in its blob.
 */
import type { Db, Statement } from '../db/driver';

/** Passage columns as typed arrays (speaker -1: none). */
export interface PassageColumns {
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  speaker: Int32Array;
}

/** The passages of a loaded index, by number (0 … count - 1, in document order). */
export interface PassageTable {
  readonly count: number;
  doc(i: number): number;
  start(i: number): number;
  end(i: number): number;
  /** The speaker's id, or -1 outside turns. */
  speaker(i: number): number;
}

/** Passages per row of search_passages: 16 KB a row, ~600 rows on 1,440 interviews. */
export const PASSAGE_BLOCK = 1024;

/** The four columns as one buffer (doc, start, end, speaker; each n Int32s), as stored. */
export function packPassageColumns(c: PassageColumns, from = 0, to = c.doc.length): Buffer {
  const n = to - from;
  const all = new Int32Array(4 * n);
  all.set(c.doc.subarray(from, to), 0);
  all.set(c.start.subarray(from, to), n);
  all.set(c.end.subarray(from, to), 2 * n);
  all.set(c.speaker.subarray(from, to), 3 * n);
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength);
}

/** The columns back from packPassageColumns's bytes (copied once, so they are aligned and owned). */
export function unpackPassageColumns(bytes: Uint8Array): PassageColumns {
  const all = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(all.buffer).set(bytes);
  const n = all.length / 4;
  return { doc: all.subarray(0, n), start: all.subarray(n, 2 * n), end: all.subarray(2 * n, 3 * n), speaker: all.subarray(3 * n) };
}

/** Passages held in memory whole. */
export function passageArrays(c: PassageColumns): PassageTable {
  return {
    count: c.doc.length,
    doc: (i) => c.doc[i]!,
    start: (i) => c.start[i]!,
    end: (i) => c.end[i]!,
    speaker: (i) => c.speaker[i]!,
  };
}

/** Writes the columns into search_passages, PASSAGE_BLOCK passages a row. */
export function storePassageBlocks(db: Db, c: PassageColumns): void {
  db.prepare('DELETE FROM search_passages').run();
  const ins = db.prepare('INSERT INTO search_passages(block, data) VALUES (?, ?)');
  for (let from = 0, block = 0; from < c.doc.length; from += PASSAGE_BLOCK, block++) {
    ins.run(block, packPassageColumns(c, from, Math.min(c.doc.length, from + PASSAGE_BLOCK)));
  }
}

/** Passages read from search_passages a block at a time, as a search first touches them. */
export function passageBlocks(db: Db, count: number): PassageTable & { blocksRead(): number } {
  const blocks = new Map<number, PassageColumns>();
  let read: Statement | undefined;
  // hits come in passage order, so most lookups are in the block of the one before
  let lastBlock = -1;
  let last: PassageColumns | undefined;
  const at = (i: number): PassageColumns => {
    const b = Math.floor(i / PASSAGE_BLOCK);
    if (b === lastBlock) return last!;
    let c = blocks.get(b);
    if (!c) {
      read ??= db.prepare('SELECT data FROM search_passages WHERE block = ?').pluck();
      const bytes = read.get(b) as Buffer | undefined;
      if (!bytes) throw new Error(`the search index has no passage block ${b}`);
      blocks.set(b, (c = unpackPassageColumns(bytes)));
    }
    lastBlock = b;
    last = c;
    return c;
  };
  const local = (i: number): number => i % PASSAGE_BLOCK;
  return {
    count,
    doc: (i) => at(i).doc[local(i)]!,
    start: (i) => at(i).start[local(i)]!,
    end: (i) => at(i).end[local(i)]!,
    speaker: (i) => at(i).speaker[local(i)]!,
    blocksRead: () => blocks.size,
  };
}

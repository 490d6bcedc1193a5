/** What the crash child and its checker agree on. */
export const CRASH_WRITES = 1000;

export const CRASH_CHUNKS = 10;
export const CRASH_ROWS_PER_CHUNK = 20_000;

/**
 * A test migration long enough to be killed in the middle: a table filled in chunks, with a
 * line to the parent (crash_ack) between the statements, all inside the migration's one
 * transaction.
 */
export const CRASH_MIGRATION = [
  'CREATE TABLE crash_migration (n INTEGER NOT NULL, filler TEXT NOT NULL);',
  ...Array.from({ length: CRASH_CHUNKS }, (_, i) =>
    [
      'SELECT crash_ack();',
      `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${CRASH_ROWS_PER_CHUNK})`,
      `INSERT INTO crash_migration SELECT n + ${i * CRASH_ROWS_PER_CHUNK}, printf('%0100d', n) FROM c;`,
    ].join('\n'),
  ),
  'SELECT crash_ack();',
].join('\n');

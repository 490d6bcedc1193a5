-- An import batch is recorded before its first file is written and removed when it ends, so a
-- batch that was cut off (the window closed, the process killed) is found the next time the
-- project opens, with which of its files went in and which did not.
CREATE TABLE import_batches (
  id         INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  host       TEXT NOT NULL,            -- the machine and process that import: a batch whose
  pid        INTEGER NOT NULL,         -- process still runs is at work, not cut off
  files      TEXT NOT NULL             -- JSON array of the files' names, in import order
);

-- One row per file of a batch that was written, in the same savepoint as the file itself:
-- a file without a row did not go in.
CREATE TABLE import_batch_files (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  status   TEXT NOT NULL CHECK (status IN ('imported','skipped')),
  PRIMARY KEY (batch_id, position)
) WITHOUT ROWID;

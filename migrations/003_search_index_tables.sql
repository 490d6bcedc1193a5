-- The search index as tables SQLite reads in place, so a search reads the pages it needs
-- instead of loading the whole index into memory first (63 MB on 1,440 interviews took
-- seconds to deserialise). The index is still derived data: built in memory by a worker,
-- copied into these tables in one transaction, and valid while the `derived` row
-- 'search-index' (which now holds only its header) has the current content_version.
-- Stemmed tokens per passage, as before: contentless, no positions (phrases are verified on the text).
CREATE VIRTUAL TABLE search_fts USING fts5(text, speaker, kind, attr, content='', detail='column',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
-- Each distinct term of the index, for compounds and fuzzy words (fts5vocab would read every doclist).
CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
-- Passage columns (document, start, end, speaker) packed as Int32s, PASSAGE_BLOCK passages per row.
CREATE TABLE search_passages (block INTEGER PRIMARY KEY, data BLOB NOT NULL);
DELETE FROM derived WHERE key = 'search-index';

-- Turn edits and deletes, and speaker attribute values, now bump content_version, so the
-- index's fingerprint no longer reads every turn and speaker on each load (turn inserts come
-- with their document's insert, which bumps it already: migration 002).
CREATE TRIGGER turns_au AFTER UPDATE ON turns BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;
CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;
CREATE TRIGGER sav_ai AFTER INSERT ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;
CREATE TRIGGER sav_au AFTER UPDATE ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;
CREATE TRIGGER sav_ad AFTER DELETE ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

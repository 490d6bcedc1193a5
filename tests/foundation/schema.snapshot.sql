-- index codes_parent
CREATE INDEX codes_parent ON codes(parent_id, position);

-- index codes_sibling_name
CREATE UNIQUE INDEX codes_sibling_name ON codes(coalesce(parent_id, 0), name);

-- index document_attribute_values_attr
CREATE INDEX document_attribute_values_attr ON document_attribute_values(attribute_id, value);

-- index documents_name
CREATE INDEX documents_name ON documents(name);

-- index documents_sha256
CREATE INDEX documents_sha256 ON documents(sha256);

-- index memos_code
CREATE INDEX memos_code ON memos(code_id);

-- index memos_document
CREATE INDEX memos_document ON memos(document_id);

-- index memos_quotation
CREATE INDEX memos_quotation ON memos(quotation_id);

-- index quotation_codes_code
CREATE INDEX quotation_codes_code ON quotation_codes(code_id, quotation_id);

-- index quotations_document
CREATE INDEX quotations_document ON quotations(document_id, start);

-- index turns_document
CREATE INDEX turns_document ON turns(document_id, start);

-- index turns_speaker
CREATE INDEX turns_speaker ON turns(speaker_id);

-- table attribute_levels
CREATE TABLE attribute_levels (
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (attribute_id, value)
) WITHOUT ROWID;

-- table attributes
CREATE TABLE attributes (
  id       INTEGER PRIMARY KEY,
  guid     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  scope    TEXT NOT NULL DEFAULT 'document' CHECK (scope IN ('document','speaker')),
  type     TEXT NOT NULL DEFAULT 'text' CHECK (type IN ('text','number','date','boolean')),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (scope, name)
);

-- table coders
CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  color      TEXT,
  created_at TEXT NOT NULL
);

-- table codes
CREATE TABLE codes (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  parent_id  INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  definition TEXT,
  inclusion  TEXT,
  exclusion  TEXT,
  color      TEXT NOT NULL DEFAULT '#888888',
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- table derived
CREATE TABLE derived (
  key     TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  data    BLOB NOT NULL
) WITHOUT ROWID;

-- table document_attribute_values
CREATE TABLE document_attribute_values (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  PRIMARY KEY (document_id, attribute_id)
) WITHOUT ROWID;

-- table document_group_members
CREATE TABLE document_group_members (
  group_id    INTEGER NOT NULL REFERENCES document_groups(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, document_id)
) WITHOUT ROWID;

-- table document_groups
CREATE TABLE document_groups (
  id       INTEGER PRIMARY KEY,
  guid     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);

-- table documents
CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('interview','fieldnote','survey','memo','other')),
  text        TEXT NOT NULL,
  chars       INTEGER NOT NULL,            -- length of text in UTF-16 code units
  source_name TEXT,                        -- file name it came from
  source_type TEXT,                        -- txt, docx, pdf, vtt …
  encoding    TEXT,                        -- detected or chosen encoding of the source
  sha256      TEXT,                        -- of the source bytes, to detect the same file twice
  language    TEXT,                        -- 'sv' | 'en' | NULL (auto)
  position    INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);

-- table history
CREATE TABLE history (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  undo       TEXT NOT NULL,                -- JSON: operations that revert the action
  redo       TEXT NOT NULL,                -- JSON: operations that re-apply it
  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0,1)),
  created_at TEXT NOT NULL
);

-- table layouts
CREATE TABLE layouts (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  spec        TEXT NOT NULL,               -- JSON
  modified_at TEXT NOT NULL,
  UNIQUE (kind, name)
);

-- table memos
CREATE TABLE memos (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL DEFAULT '',   -- light markup: paragraphs, *emphasis*, **strong**
  author_id    INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  document_id  INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id      INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  quotation_id INTEGER REFERENCES quotations(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  modified_at  TEXT NOT NULL,
  CHECK ((document_id IS NOT NULL) + (code_id IS NOT NULL) + (quotation_id IS NOT NULL) <= 1)
);

-- table project_meta
CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- table quotation_codes
CREATE TABLE quotation_codes (
  quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE,
  code_id      INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id     INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (quotation_id, code_id)
) WITHOUT ROWID;

-- table quotations
CREATE TABLE quotations (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  comment     TEXT,
  coder_id    INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL, needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0,1)),
  CHECK (start >= 0 AND "end" > start)
);

-- table search_fts
CREATE VIRTUAL TABLE search_fts USING fts5(text, speaker, kind, attr, content='', detail='column',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");

-- table search_fts_config
CREATE TABLE 'search_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table search_fts_data
CREATE TABLE 'search_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table search_fts_docsize
CREATE TABLE 'search_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table search_fts_idx
CREATE TABLE 'search_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table search_passages
CREATE TABLE search_passages (block INTEGER PRIMARY KEY, data BLOB NOT NULL);

-- table search_terms
CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

-- table speaker_attribute_values
CREATE TABLE speaker_attribute_values (
  speaker_id   INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  PRIMARY KEY (speaker_id, attribute_id)
) WITHOUT ROWID;

-- table speakers
CREATE TABLE speakers (
  id             INTEGER PRIMARY KEY,
  guid           TEXT NOT NULL UNIQUE,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  label          TEXT NOT NULL,            -- as written in the transcript: "CS", "Intervjuare"
  name           TEXT,                     -- display name or pseudonym
  is_interviewer INTEGER NOT NULL DEFAULT 0 CHECK (is_interviewer IN (0,1)),
  UNIQUE (document_id, label)
);

-- table turns
CREATE TABLE turns (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  speaker_id  INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  timestamp   REAL,                        -- seconds from the start of the recording
  CHECK (start >= 0 AND "end" >= start)
);

-- trigger dav_ad
CREATE TRIGGER dav_ad AFTER DELETE ON document_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger dav_ai
CREATE TRIGGER dav_ai AFTER INSERT ON document_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger dav_au
CREATE TRIGGER dav_au AFTER UPDATE ON document_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger documents_ad
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger documents_ai
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger documents_au
CREATE TRIGGER documents_au AFTER UPDATE OF text, name, kind, language ON documents BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger sav_ad
CREATE TRIGGER sav_ad AFTER DELETE ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger sav_ai
CREATE TRIGGER sav_ai AFTER INSERT ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger sav_au
CREATE TRIGGER sav_au AFTER UPDATE ON speaker_attribute_values BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger speakers_au
CREATE TRIGGER speakers_au AFTER UPDATE ON speakers BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger turns_ad
CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

-- trigger turns_au
CREATE TRIGGER turns_au AFTER UPDATE ON turns BEGIN
  UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'; END;

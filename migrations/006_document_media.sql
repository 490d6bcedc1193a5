-- A transcript's recording (issue 13 §10): one audio or video file per document, referenced by
-- path. The path is absolute, or relative to the project's folder when the file lies beside the
-- project (a copy in "<project>.media/"), so a project folder moved with its copies keeps them.
CREATE TABLE document_media (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  name        TEXT NOT NULL,
  copied      INTEGER NOT NULL DEFAULT 0 CHECK (copied IN (0,1)),
  linked_at   TEXT NOT NULL
);

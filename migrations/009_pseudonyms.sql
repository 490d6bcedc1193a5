-- The pseudonym list (the project's code key) as rows of its own instead of one JSON value in
-- project_meta, so that adding, editing, deleting and importing names are undo steps like
-- every other change (electron/core/undo/journal.ts journals this table).
CREATE TABLE pseudonyms (
  id INTEGER PRIMARY KEY,
  real TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'place', 'unit', 'other')),
  position INTEGER NOT NULL
);
CREATE INDEX pseudonyms_position ON pseudonyms(position);

INSERT INTO pseudonyms(real, pseudonym, kind, position)
  SELECT json_extract(e.value, '$.real'), json_extract(e.value, '$.pseudonym'),
         coalesce(json_extract(e.value, '$.kind'), 'person'), e.key
  FROM project_meta m, json_each(m.value) e
  WHERE m.key = 'pseudonyms' AND json_valid(m.value);
DELETE FROM project_meta WHERE key = 'pseudonyms';

-- The question a survey column asked, as the survey wrote it (its header, or the question row
-- under a row of variable names). Survey tables take it as their title, so it survives the
-- attribute being renamed to a short variable name. NULL for attributes from elsewhere.
ALTER TABLE attributes ADD COLUMN question TEXT;

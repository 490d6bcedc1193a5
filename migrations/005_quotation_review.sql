-- A quotation whose own words changed when its document's text was corrected is flagged
-- for review (1) until the user has looked at it; quotations before and after an edit only
-- move and keep their words, so they stay 0.
ALTER TABLE quotations ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0,1));

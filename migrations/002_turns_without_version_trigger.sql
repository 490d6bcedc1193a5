-- Speaker turns are written together with their document (whose insert already bumps
-- content_version), so a per-row trigger on turns only cost time: an import of 144
-- interviews fired it 60,000 times. Derived data that depends on turn edits (the search
-- index) checks a fingerprint of the turns as well.
DROP TRIGGER turns_ai;

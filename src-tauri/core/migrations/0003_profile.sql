-- Schema 3: the candidate's profile as one validated JSON document.
-- The profile is always read and written whole and its lists are short, so one document keeps
-- a save a single row write (all or nothing) and lets the profile grow fields without a new
-- table each time. The scalar columns of schema 1 stay, kept in step on every save, for
-- queries and for rows written before this schema (whose document is NULL).
ALTER TABLE profile ADD COLUMN document TEXT
    CHECK (document IS NULL OR json_valid(document));
-- Entry ids (education, employment, references) come from this one counter, which only grows:
-- an id, once given, is never given again, even after its entry is removed.
ALTER TABLE profile ADD COLUMN next_entry_id INTEGER NOT NULL DEFAULT 1
    CHECK (next_entry_id >= 1);

-- Schema 2: every field of a vacancy notice, and full-text search over what the candidate
-- remembers of it (title, reference, notes, the notice itself).

ALTER TABLE vacancies ADD COLUMN posts INTEGER CHECK (posts IS NULL OR posts >= 0);
ALTER TABLE vacancies ADD COLUMN security_screening TEXT
    CHECK (security_screening IS NULL OR security_screening IN ('basic', 'enhanced'));
ALTER TABLE vacancies ADD COLUMN duration_months INTEGER CHECK (duration_months IS NULL OR duration_months >= 0);
ALTER TABLE vacancies ADD COLUMN duration_text TEXT;
ALTER TABLE vacancies ADD COLUMN published_on TEXT;          -- YYYY-MM-DD
-- The deadline as the notice wrote it, in deadline_zone; deadline_utc is derived from these.
ALTER TABLE vacancies ADD COLUMN deadline_date TEXT;         -- YYYY-MM-DD
ALTER TABLE vacancies ADD COLUMN deadline_time TEXT;         -- HH:MM, NULL = end of day
ALTER TABLE vacancies ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';  -- JSON
ALTER TABLE vacancies ADD COLUMN min_education TEXT;
ALTER TABLE vacancies ADD COLUMN min_experience_years INTEGER
    CHECK (min_experience_years IS NULL OR min_experience_years >= 0);

CREATE INDEX vacancies_by_platform ON vacancies (platform, deadline_utc);
CREATE INDEX vacancies_by_status ON vacancies (status, deadline_utc);

-- External-content index: the text lives once, in vacancies; triggers keep the index in step
-- inside the same transaction as the write.
CREATE VIRTUAL TABLE vacancies_fts USING fts5 (
    title, reference, notes, notice_text,
    content = 'vacancies', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO vacancies_fts (vacancies_fts) VALUES ('rebuild');

CREATE TRIGGER vacancies_fts_insert AFTER INSERT ON vacancies BEGIN
    INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text)
    VALUES (new.id, new.title, new.reference, new.notes, coalesce(new.notice_text, ''));
END;
CREATE TRIGGER vacancies_fts_delete AFTER DELETE ON vacancies BEGIN
    INSERT INTO vacancies_fts (vacancies_fts, rowid, title, reference, notes, notice_text)
    VALUES ('delete', old.id, old.title, old.reference, old.notes, coalesce(old.notice_text, ''));
END;
CREATE TRIGGER vacancies_fts_update AFTER UPDATE OF title, reference, notes, notice_text ON vacancies BEGIN
    INSERT INTO vacancies_fts (vacancies_fts, rowid, title, reference, notes, notice_text)
    VALUES ('delete', old.id, old.title, old.reference, old.notes, coalesce(old.notice_text, ''));
    INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text)
    VALUES (new.id, new.title, new.reference, new.notes, coalesce(new.notice_text, ''));
END;

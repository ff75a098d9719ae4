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

-- The notice text is kept apart: at a few KiB per vacancy it would spread every row over its own
-- page, and each list or filter would read the whole history from disk.
CREATE TABLE vacancy_notices (
    vacancy_id   INTEGER PRIMARY KEY REFERENCES vacancies (id) ON DELETE CASCADE,
    notice_text  TEXT NOT NULL
) STRICT;
INSERT INTO vacancy_notices (vacancy_id, notice_text)
    SELECT id, notice_text FROM vacancies WHERE notice_text IS NOT NULL;
ALTER TABLE vacancies DROP COLUMN notice_text;

-- Contentless: the text lives once, in vacancies and vacancy_notices. The store rewrites a
-- vacancy's entry in the same transaction as every change to it.
CREATE VIRTUAL TABLE vacancies_fts USING fts5 (
    title, reference, notes, notice_text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text)
    SELECT v.id, v.title, v.reference, v.notes, coalesce(n.notice_text, '')
    FROM vacancies v LEFT JOIN vacancy_notices n ON n.vacancy_id = v.id;

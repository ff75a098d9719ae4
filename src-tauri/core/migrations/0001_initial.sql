-- Schema 1: the domain's starting tables. Later issues add migrations; this file never changes.
-- Instants are stored as RFC 3339 text in UTC (`*_utc`), beside the IANA zone they belong to
-- (`*_zone`), so a deadline "23:59 in Lyon" stays right whatever zone the candidate is in.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL -- JSON
) STRICT;

-- One profile per installation.
CREATE TABLE profile (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    full_name         TEXT,
    email             TEXT,
    date_of_birth     TEXT,           -- YYYY-MM-DD
    country_of_origin TEXT,           -- ISO 3166-1 alpha-2
    updated_utc       TEXT NOT NULL
) STRICT;

CREATE TABLE vacancies (
    id                INTEGER PRIMARY KEY,
    platform          TEXT NOT NULL CHECK (platform IN ('talentlink', 'recruitment_hub')),
    reference         TEXT NOT NULL,
    title             TEXT NOT NULL,
    duty_station      TEXT,
    duty_zone         TEXT,           -- IANA zone of the duty station
    contract_kind     TEXT,
    grade             TEXT,
    is_roster         INTEGER NOT NULL DEFAULT 0 CHECK (is_roster IN (0, 1)),
    deadline_utc      TEXT,
    deadline_zone     TEXT,
    notice_url        TEXT,
    notice_text       TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'archived')),
    created_utc       TEXT NOT NULL,
    updated_utc       TEXT NOT NULL,
    UNIQUE (platform, reference)
) STRICT;
CREATE INDEX vacancies_deadline ON vacancies (deadline_utc);

-- One application per vacancy, on the vacancy's platform.
CREATE TABLE applications (
    id            INTEGER PRIMARY KEY,
    vacancy_id    INTEGER NOT NULL UNIQUE REFERENCES vacancies (id) ON DELETE RESTRICT,
    stage         TEXT NOT NULL,
    created_utc   TEXT NOT NULL,
    updated_utc   TEXT NOT NULL
) STRICT;

-- The timeline: every stage change is an event.
CREATE TABLE application_events (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    stage           TEXT NOT NULL,
    occurred_utc    TEXT NOT NULL,
    occurred_zone   TEXT,
    note            TEXT NOT NULL DEFAULT '',
    created_utc     TEXT NOT NULL
) STRICT;
CREATE INDEX application_events_by_application ON application_events (application_id, occurred_utc);

-- Scans kept in the vault, stored by content hash.
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    original_name    TEXT NOT NULL,
    media_type       TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL CHECK (size_bytes >= 0),
    issued_on        TEXT,            -- YYYY-MM-DD
    expires_on       TEXT,            -- YYYY-MM-DD
    issuing_country  TEXT,            -- ISO 3166-1 alpha-2
    supersedes_id    INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_utc      TEXT NOT NULL
) STRICT;
CREATE INDEX documents_by_hash ON documents (content_hash);

-- Which document versions went with which application.
CREATE TABLE application_documents (
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
    PRIMARY KEY (application_id, document_id)
) STRICT;

-- A reminder fires once: its key is recorded so a restart never repeats it.
CREATE TABLE fired_reminders (
    reminder_key  TEXT PRIMARY KEY NOT NULL,
    fired_utc     TEXT NOT NULL
) STRICT;

-- Schema 5: applications followed through their stages, interviews, the documents sent, and the
-- Talentlink saved copy. Reminders already have their table (fired_reminders, schema 1).

-- The platform the candidate applied on. It should be the vacancy's (docs/domain.md#platforms);
-- a different one is kept as recorded, and flagged, rather than silently corrected.
ALTER TABLE applications ADD COLUMN platform TEXT
    CHECK (platform IS NULL OR platform IN ('talentlink', 'recruitment_hub'));
ALTER TABLE applications ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE INDEX applications_by_stage ON applications (stage);

-- An event as the candidate gave it: a date in occurred_zone, perhaps a time. occurred_utc is
-- derived from these (start of the day when no time is given). Rows from before this schema have
-- NULL here and are read from occurred_utc.
ALTER TABLE application_events ADD COLUMN occurred_on TEXT;    -- YYYY-MM-DD
ALTER TABLE application_events ADD COLUMN occurred_time TEXT;  -- HH:MM, NULL = date only

-- What a document was to the application: a version sent with it, or the saved copy of a
-- Talentlink application (which is not carried over to the Recruitment Hub). At most one copy.
ALTER TABLE application_documents ADD COLUMN role TEXT NOT NULL DEFAULT 'sent'
    CHECK (role IN ('sent', 'saved_copy'));
CREATE UNIQUE INDEX application_saved_copy ON application_documents (application_id)
    WHERE role = 'saved_copy';

-- Interviews (and the like): a wall-clock time in a zone, and the instant derived from it.
CREATE TABLE interviews (
    id                INTEGER PRIMARY KEY,
    application_id    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    starts_on         TEXT NOT NULL,   -- YYYY-MM-DD in zone
    starts_at         TEXT NOT NULL,   -- HH:MM in zone
    zone              TEXT NOT NULL,   -- IANA zone
    starts_utc        TEXT NOT NULL,
    mode              TEXT NOT NULL CHECK (mode IN ('video_conference', 'in_person')),
    duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    place             TEXT NOT NULL DEFAULT '',  -- a meeting link or an address
    note              TEXT NOT NULL DEFAULT '',
    created_utc       TEXT NOT NULL,
    updated_utc       TEXT NOT NULL
) STRICT;
CREATE INDEX interviews_by_application ON interviews (application_id, starts_utc);
CREATE INDEX interviews_by_start ON interviews (starts_utc);

-- Schema 10: upload-ready files. A made file is a vault document of its own (kind, versions and
-- the file itself are the vault's); this row says what it was made from and for, so it is made
-- again only when a source changes, and when the candidate said they uploaded it.
CREATE TABLE made_files (
    document_id     INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    -- NULL for a file made from a free selection in Documents.
    application_id  INTEGER REFERENCES applications (id) ON DELETE CASCADE,
    -- The checklist line it is for ('diploma:3', 'cv'); NULL for a free selection.
    requirement     TEXT CHECK (requirement IS NULL OR length(requirement) BETWEEN 1 AND 200),
    -- The source documents' ids in the candidate's order, as a JSON list.
    source_ids      TEXT NOT NULL CHECK (json_valid(source_ids) AND json_type(source_ids) = 'array'),
    -- SHA-256 of the sources' contents in order and the size limit (upload::sources_hash).
    sources_hash    TEXT NOT NULL CHECK (length(sources_hash) = 64),
    limit_bytes     INTEGER NOT NULL CHECK (limit_bytes > 0),
    -- What making it did (pages, pages recompressed, sources left out, notes), as JSON.
    report          TEXT NOT NULL CHECK (json_valid(report)),
    made_utc        TEXT NOT NULL,
    -- When the candidate said they uploaded it; NULL until then.
    sent_utc        TEXT
) STRICT;
CREATE INDEX made_files_by_application ON made_files (application_id, requirement)
    WHERE application_id IS NOT NULL;
CREATE INDEX made_files_by_hash ON made_files (sources_hash);

-- Schema 4: the document vault. Which profile entry a document proves, version chains, and the
-- indexes the lists and the delete checks need. The files live under <data dir>/vault/, named by
-- the SHA-256 of their content; a row is committed only once its file is durable.

-- The profile entry a document proves: both columns set, or neither. No foreign key, on purpose:
-- profile ids belong to the profile store, and a proof whose entry was removed is only unmatched.
ALTER TABLE documents ADD COLUMN proves_kind TEXT
    CHECK (proves_kind IS NULL OR proves_kind IN ('education', 'employment', 'reference'));
ALTER TABLE documents ADD COLUMN proves_id INTEGER
    CHECK ((proves_id IS NULL) = (proves_kind IS NULL) AND (proves_id IS NULL OR proves_id > 0));

-- A version is replaced by at most one newer version, so "current" (nobody supersedes it) is
-- well defined and the chain never forks.
CREATE UNIQUE INDEX documents_superseded ON documents (supersedes_id)
    WHERE supersedes_id IS NOT NULL;
CREATE INDEX documents_by_kind ON documents (kind);
CREATE INDEX documents_by_proof ON documents (proves_kind, proves_id)
    WHERE proves_kind IS NOT NULL;
-- The primary key starts with application_id; deleting a document asks the other way round.
CREATE INDEX application_documents_by_document ON application_documents (document_id);

-- Schema 6: a vacancy's posting kept as a file (a PDF saved before the posting disappeared),
-- stored in the vault like any document. At most one per vacancy. Deleting the document lets go
-- of the link; deleting the vacancy keeps the document, which the vault still lists.
CREATE TABLE vacancy_notice_files (
    vacancy_id  INTEGER PRIMARY KEY REFERENCES vacancies (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX vacancy_notice_files_by_document ON vacancy_notice_files (document_id);

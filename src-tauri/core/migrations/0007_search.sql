-- Schema 7: search where the candidate looks. The vacancy index learns the duty station
-- ("lyon" finds a post in Lyon), and the vault gets an index of its own.

-- An FTS5 table cannot gain a column: the vacancy index is built again with the duty station
-- last, from the rows, as the export import rebuilds it.
DROP TABLE vacancies_fts;
CREATE VIRTUAL TABLE vacancies_fts USING fts5 (
    title, reference, notes, notice_text, duty_station,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text, duty_station)
    SELECT v.id, v.title, v.reference, v.notes, coalesce(n.notice_text, ''),
           coalesce(v.duty_station, '')
    FROM vacancies v LEFT JOIN vacancy_notices n ON n.vacancy_id = v.id;

-- Documents are written from more places than vacancies (import, new version, copy, metadata,
-- delete, restore), so their index reads the rows themselves and triggers keep it in step in
-- the same transaction as every change: no write path can forget it.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, notes, original_name,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, notes, original_name)
        VALUES (new.id, new.title, new.notes, new.original_name);
END;
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, notes, original_name)
        VALUES ('delete', old.id, old.title, old.notes, old.original_name);
END;
CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, notes, original_name ON documents
BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, notes, original_name)
        VALUES ('delete', old.id, old.title, old.notes, old.original_name);
    INSERT INTO documents_fts (rowid, title, notes, original_name)
        VALUES (new.id, new.title, new.notes, new.original_name);
END;
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

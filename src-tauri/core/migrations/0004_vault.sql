-- Schema 4: the document vault (filled by the vault issue).
SELECT 1;

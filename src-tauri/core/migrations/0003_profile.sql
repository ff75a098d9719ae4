-- Schema 3: the candidate's profile as one validated document (filled by the profile issue).
SELECT 1;

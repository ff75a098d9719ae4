-- Schema 13: indexes for a history ten times as long.

-- The duplicate check compares references without case (`COLLATE NOCASE`), which the unique
-- (platform, reference) index cannot answer: every save read all the platform's references,
-- and a bulk save of 100,000 vacancies took minutes instead of seconds.
CREATE INDEX vacancies_by_reference_nocase ON vacancies (platform, reference COLLATE NOCASE);

-- The filters a list combines, with the deadline the list is ordered by: a filtered count is
-- read from this index alone, never from the rows.
CREATE INDEX vacancies_by_filters ON vacancies
    (status, platform, duty_station, contract_kind, grade, deadline_utc);

-- Schema 11: "done on this platform" per entry of the form's lists (each education line, each
-- position, each reference), as candidates type the employment block one position at a time.
-- Entry ids come from the profile's one counter (schema 3), so an id names one entry whatever
-- its list; an id whose entry was removed is never given again and its tick is just ignored.
-- A list's block counts as done when every entry it holds is ticked (form_ticks.rs).
CREATE TABLE form_entry_ticks (
    platform TEXT NOT NULL CHECK (platform IN ('talentlink', 'recruitment_hub')),
    entry_id INTEGER NOT NULL CHECK (entry_id >= 1),
    PRIMARY KEY (platform, entry_id)
) WITHOUT ROWID;

-- A list's block ticked before entries had ticks of their own stays done: every entry the
-- profile holds in that list now is ticked on that platform.
INSERT INTO form_entry_ticks (platform, entry_id)
SELECT DISTINCT t.platform, json_extract(e.value, '$.id')
FROM form_ticks AS t
JOIN profile AS p ON p.document IS NOT NULL
JOIN json_each(p.document, '$.' || t.section) AS e
WHERE t.section IN ('education', 'employment', 'references')
  AND json_extract(e.value, '$.id') >= 1;

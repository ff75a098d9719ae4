-- Schema 8: the form sections a candidate has already typed into a platform ("done on this
-- platform"). One row per ticked section; no row means not done. Kept per platform because the
-- Recruitment Hub keeps a profile after the first application while Talentlink keeps nothing
-- from one application to the next (docs/domain.md#platforms).
CREATE TABLE form_ticks (
    platform TEXT NOT NULL CHECK (platform IN ('talentlink', 'recruitment_hub')),
    section  TEXT NOT NULL CHECK (section IN
        ('personal', 'nationality', 'education', 'employment', 'languages', 'references')),
    PRIMARY KEY (platform, section)
) WITHOUT ROWID;

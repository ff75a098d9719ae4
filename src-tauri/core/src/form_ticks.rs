//! Which sections of a platform's application form the candidate has already filled in there.
//!
//! The Recruitment Hub keeps its profile after the first application, so a section typed in once
//! stays done; Talentlink keeps nothing between applications, so its ticks are the candidate's
//! own note for the application under way (docs/domain.md#platforms). This module alone reads
//! and writes the `form_ticks` (migration 0008) and `form_entry_ticks` (migration 0011) tables.
//!
//! The education, employment and references blocks are typed one entry at a time, so each entry
//! has a tick of its own and the block is done when every entry it holds is: ticking the block
//! ticks them all, unticking one unticks the block, and a position added to the profile later
//! leaves the block to do again on each platform, as it is (the platform does not have it yet).
//! A block with no entry, like the others, is ticked on its own.

use crate::profile::Profile;
use crate::profile::load_profile;
use crate::store::Store;
use crate::store::text::{enum_from, enum_text, not_found};
use crate::vacancy::Platform;
use crate::{Error, Result};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The sections a recruitment platform's form asks for, in the order the forms ask them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum FormSection {
    Personal,
    Nationality,
    Education,
    Employment,
    Languages,
    References,
}

impl FormSection {
    pub const ALL: [FormSection; 6] = [
        FormSection::Personal,
        FormSection::Nationality,
        FormSection::Education,
        FormSection::Employment,
        FormSection::Languages,
        FormSection::References,
    ];

    /// The ids of the profile's entries in this section, for the sections typed entry by entry.
    fn entries(self, profile: &Profile) -> Option<Vec<u32>> {
        match self {
            FormSection::Education => Some(profile.education.iter().map(|e| e.id).collect()),
            FormSection::Employment => Some(profile.employment.iter().map(|e| e.id).collect()),
            FormSection::References => Some(profile.references.iter().map(|r| r.id).collect()),
            FormSection::Personal | FormSection::Nationality | FormSection::Languages => None,
        }
    }
}

/// What is done on one platform: the sections, in form order, and the entries (profile entry
/// ids, ascending) of the sections typed entry by entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FormTicks {
    pub sections: Vec<FormSection>,
    pub entries: Vec<u32>,
}

/// Everything marked done on `platform`, against the profile as it is now.
pub fn ticks(store: &Store, platform: Platform) -> Result<FormTicks> {
    let profile = load_profile(store)?.unwrap_or_default();
    let platform = enum_text(&platform)?;
    let (blocks, entries) = store.read(|c| stored_ticks(c, &platform))?;
    let mut done = FormTicks::default();
    for section in FormSection::ALL {
        match section.entries(&profile) {
            Some(ids) if !ids.is_empty() => {
                if ids.iter().all(|id| entries.contains(id)) {
                    done.sections.push(section);
                }
                done.entries
                    .extend(ids.into_iter().filter(|id| entries.contains(id)));
            }
            _ => {
                if blocks.contains(&section) {
                    done.sections.push(section);
                }
            }
        }
    }
    done.entries.sort_unstable();
    Ok(done)
}

fn stored_ticks(c: &Connection, platform: &str) -> Result<(BTreeSet<FormSection>, BTreeSet<u32>)> {
    let mut statement = c.prepare("SELECT section FROM form_ticks WHERE platform = ?1")?;
    let rows = statement.query_map([platform], |r| r.get::<_, String>(0))?;
    let mut blocks = BTreeSet::new();
    for row in rows {
        // A word this build does not know (written by a newer one) is not a section it shows.
        if let Some(section) = enum_from::<FormSection>(&row?) {
            blocks.insert(section);
        }
    }
    let mut statement = c.prepare("SELECT entry_id FROM form_entry_ticks WHERE platform = ?1")?;
    let entries = statement
        .query_map([platform], |r| r.get::<_, u32>(0))?
        .collect::<rusqlite::Result<BTreeSet<u32>>>()?;
    Ok((blocks, entries))
}

fn set_block_row(c: &Connection, platform: &str, section: &str, done: bool) -> Result<()> {
    if done {
        c.execute(
            "INSERT INTO form_ticks (platform, section) VALUES (?1, ?2)
             ON CONFLICT (platform, section) DO NOTHING",
            params![platform, section],
        )?;
    } else {
        c.execute(
            "DELETE FROM form_ticks WHERE platform = ?1 AND section = ?2",
            params![platform, section],
        )?;
    }
    Ok(())
}

fn set_entry_row(c: &Connection, platform: &str, entry: u32, done: bool) -> Result<()> {
    if done {
        c.execute(
            "INSERT INTO form_entry_ticks (platform, entry_id) VALUES (?1, ?2)
             ON CONFLICT (platform, entry_id) DO NOTHING",
            params![platform, entry],
        )?;
    } else {
        c.execute(
            "DELETE FROM form_entry_ticks WHERE platform = ?1 AND entry_id = ?2",
            params![platform, entry],
        )?;
    }
    Ok(())
}

/// Marks one entry of the profile (an education line, a position, a reference) done (or not)
/// on `platform`, and answers with everything done there. The entry's block follows: done when
/// its last entry is ticked, not done when one is unticked. An id the profile does not hold is
/// refused as not found.
pub fn set_entry_done(
    store: &mut Store,
    platform: Platform,
    entry: u32,
    done: bool,
) -> Result<FormTicks> {
    let profile = load_profile(store)?.unwrap_or_default();
    let (section, ids) = FormSection::ALL
        .into_iter()
        .find_map(|section| {
            let ids = section.entries(&profile)?;
            ids.contains(&entry).then_some((section, ids))
        })
        .ok_or_else(|| not_found("Profile entry", entry))?;
    let platform_text = enum_text(&platform)?;
    let section_text = enum_text(&section)?;
    store.write(|tx| {
        set_entry_row(tx, &platform_text, entry, done)?;
        let (_, entries) = stored_ticks(tx, &platform_text)?;
        let all = ids.iter().all(|id| entries.contains(id));
        set_block_row(tx, &platform_text, &section_text, all)
    })?;
    ticks(store, platform)
}

/// The sections marked done on `platform`, in form order.
pub fn done_sections(store: &Store, platform: Platform) -> Result<Vec<FormSection>> {
    Ok(ticks(store, platform)?.sections)
}

/// Marks `section` done (or not) on `platform`, with every entry it holds, and answers with the
/// platform's sections done. Saying again what is already recorded changes nothing.
pub fn set_section_done(
    store: &mut Store,
    platform: Platform,
    section: FormSection,
    done: bool,
) -> Result<Vec<FormSection>> {
    Ok(set_block_done(store, platform, section, done)?.sections)
}

/// [`set_section_done`], answered with everything done on the platform.
pub fn set_block_done(
    store: &mut Store,
    platform: Platform,
    section: FormSection,
    done: bool,
) -> Result<FormTicks> {
    let profile = load_profile(store)?.unwrap_or_default();
    let ids = section.entries(&profile).unwrap_or_default();
    let platform_text = enum_text(&platform)?;
    let section_text = enum_text(&section)?;
    store.write(|tx| {
        set_block_row(tx, &platform_text, &section_text, done)?;
        for id in &ids {
            set_entry_row(tx, &platform_text, *id, done)?;
        }
        Ok::<_, Error>(())
    })?;
    ticks(store, platform)
}

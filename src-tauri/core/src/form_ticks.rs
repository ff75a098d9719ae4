//! Which sections of a platform's application form the candidate has already filled in there.
//!
//! The Recruitment Hub keeps its profile after the first application, so a section typed in once
//! stays done; Talentlink keeps nothing between applications, so its ticks are the candidate's
//! own note for the application under way (docs/domain.md#platforms). This module alone reads
//! and writes the `form_ticks` table (migration 0008).

use crate::Result;
use crate::store::Store;
use crate::store::text::{enum_from, enum_text};
use crate::vacancy::Platform;
use rusqlite::params;
use serde::{Deserialize, Serialize};

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
}

/// The sections marked done on `platform`, in form order.
pub fn done_sections(store: &Store, platform: Platform) -> Result<Vec<FormSection>> {
    let platform = enum_text(&platform)?;
    store.read(|c| {
        let mut statement = c.prepare("SELECT section FROM form_ticks WHERE platform = ?1")?;
        let rows = statement.query_map([platform], |r| r.get::<_, String>(0))?;
        let mut done = Vec::new();
        for row in rows {
            // A word this build does not know (written by a newer one) is not a section it shows.
            if let Some(section) = enum_from::<FormSection>(&row?) {
                done.push(section);
            }
        }
        done.sort();
        Ok(done)
    })
}

/// Marks `section` done (or not) on `platform`, and answers with the platform's sections done.
/// Saying again what is already recorded changes nothing.
pub fn set_section_done(
    store: &mut Store,
    platform: Platform,
    section: FormSection,
    done: bool,
) -> Result<Vec<FormSection>> {
    let platform_text = enum_text(&platform)?;
    let section_text = enum_text(&section)?;
    store.write(|tx| {
        if done {
            tx.execute(
                "INSERT INTO form_ticks (platform, section) VALUES (?1, ?2)
                 ON CONFLICT (platform, section) DO NOTHING",
                params![platform_text, section_text],
            )?;
        } else {
            tx.execute(
                "DELETE FROM form_ticks WHERE platform = ?1 AND section = ?2",
                params![platform_text, section_text],
            )?;
        }
        Ok(())
    })?;
    done_sections(store, platform)
}

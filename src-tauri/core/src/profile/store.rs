//! The profile in the database: one row (`profile.id = 1`) holding the whole profile as a
//! validated JSON document (see migrations/0003_profile.sql for why), with its scalar columns
//! kept in step.

use super::{FieldError, Profile};
use crate::error::FieldProblem;
use crate::store::Store;
use crate::{Error, Result};
use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;

/// The saved profile, or `None` before the first save.
pub fn load_profile(store: &Store) -> Result<Option<Profile>> {
    store.read(|c| Ok(read_row(c)?.map(|row| row.profile)))
}

/// Validates and saves the whole profile in one transaction: with any invalid field nothing is
/// saved and every problem is returned in [`Error::Invalid`]. New entries (id 0) are numbered; the others keep their
/// id, which must be one the saved profile holds in the same list. Returns the profile as
/// saved (normalized, with ids).
///
/// Dates are "in the future" only when they are after today everywhere on Earth (UTC+14), so a
/// candidate east of Greenwich is never told that today is tomorrow; the zone is not needed.
pub fn save_profile(
    store: &mut Store,
    mut profile: Profile,
    now: DateTime<Utc>,
) -> Result<Profile> {
    profile.normalize();
    let latest_today = (now + Duration::hours(14)).date_naive();
    let mut errors = profile.validate(latest_today).err().unwrap_or_default();
    let saved = store.write(|tx| {
        let stored = read_row(tx)?;
        let (previous, mut next_id) = match stored {
            Some(row) => (row.profile, row.next_entry_id),
            None => (Profile::default(), 1),
        };
        errors.extend(unknown_ids(&profile, &previous));
        if !errors.is_empty() {
            return Ok(Err(std::mem::take(&mut errors)));
        }
        let mut number = |id: &mut u32| -> Result<()> {
            if *id == 0 {
                *id = next_id;
                next_id = next_id.checked_add(1).ok_or_else(|| {
                    Error::field(
                        "profile",
                        crate::error::FieldProblem::OutOfEntryNumbers,
                        "the profile has run out of entry numbers",
                    )
                })?;
            }
            Ok(())
        };
        for e in &mut profile.education {
            number(&mut e.id)?;
        }
        for e in &mut profile.employment {
            number(&mut e.id)?;
        }
        for r in &mut profile.references {
            number(&mut r.id)?;
        }
        let document = serde_json::to_string(&profile).map_err(|e| {
            Error::field(
                "profile",
                crate::error::FieldProblem::NotStorable,
                format!("could not be written: {e}"),
            )
        })?;
        tx.execute(
            "INSERT INTO profile (id, full_name, email, date_of_birth, country_of_origin,
                                  updated_utc, document, next_entry_id)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET
                 full_name = excluded.full_name, email = excluded.email,
                 date_of_birth = excluded.date_of_birth,
                 country_of_origin = excluded.country_of_origin,
                 updated_utc = excluded.updated_utc, document = excluded.document,
                 next_entry_id = excluded.next_entry_id",
            params![
                non_empty(&profile.full_name),
                non_empty(&profile.email),
                profile.date_of_birth.map(|d| d.to_string()),
                profile.country_of_origin,
                now.to_rfc3339_opts(SecondsFormat::Secs, true),
                document,
                next_id,
            ],
        )?;
        Ok(Ok(profile))
    })?;
    saved.map_err(|fields| Error::Invalid { fields })
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// A kept id must be one the saved profile gave to an entry of the same list: otherwise a
/// stale screen could bring back the number of a removed entry, and documents filed against
/// that entry would point at a different one.
fn unknown_ids(new: &Profile, saved: &Profile) -> Vec<FieldError> {
    fn check(
        list: &str,
        new: impl Iterator<Item = u32>,
        saved: impl Iterator<Item = u32>,
    ) -> Vec<FieldError> {
        let saved: HashSet<u32> = saved.collect();
        new.enumerate()
            .filter(|(_, id)| *id != 0 && !saved.contains(id))
            .map(|(i, _)| {
                FieldError::new(
                    format!("{list}[{i}].id"),
                    FieldProblem::UnknownEntry,
                    "This entry is not in the saved profile (it may have been removed meanwhile); reload the profile and try again.",
                )
            })
            .collect()
    }
    let mut errors = check(
        "education",
        new.education.iter().map(|e| e.id),
        saved.education.iter().map(|e| e.id),
    );
    errors.extend(check(
        "employment",
        new.employment.iter().map(|e| e.id),
        saved.employment.iter().map(|e| e.id),
    ));
    errors.extend(check(
        "references",
        new.references.iter().map(|r| r.id),
        saved.references.iter().map(|r| r.id),
    ));
    errors
}

struct ProfileRow {
    profile: Profile,
    next_entry_id: u32,
}

fn read_row(c: &Connection) -> Result<Option<ProfileRow>> {
    let row = c
        .query_row(
            "SELECT document, full_name, email, date_of_birth, country_of_origin, next_entry_id
             FROM profile WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, u32>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((document, full_name, email, birth, origin, next_entry_id)) = row else {
        return Ok(None);
    };
    let profile = match document {
        Some(json) => serde_json::from_str(&json).map_err(|e| {
            Error::field(
                "profile",
                crate::error::FieldProblem::StoredDamaged {
                    detail: e.to_string(),
                },
                format!("the saved profile cannot be read ({e}); it has been left as it is"),
            )
        })?,
        // A row from before schema 3 has only the scalar columns.
        None => Profile {
            full_name: full_name.unwrap_or_default(),
            email: email.unwrap_or_default(),
            date_of_birth: birth.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            country_of_origin: origin,
            ..Profile::default()
        },
    };
    Ok(Some(ProfileRow {
        profile,
        next_entry_id,
    }))
}

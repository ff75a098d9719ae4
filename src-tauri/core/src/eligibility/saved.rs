//! Assessments of the vacancies in the store against the saved profile and the candidate's
//! wording settings: what a vacancy's detail shows, and the verdicts for the list's badges.
//!
//! Without a saved profile the rules still run, on an empty one, so the candidate is told
//! which facts to add rather than shown nothing.

use super::{Assessment, Verdict, assess_with, load_wording_map};
use crate::profile::{Profile, load_profile};
use crate::store::Store;
use crate::vacancy::get_vacancy;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// One vacancy's verdict, for a badge in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancyVerdict {
    pub id: u32,
    pub verdict: Verdict,
}

/// Assesses the saved vacancy `id`; `on` is the candidate's today.
pub fn assess_saved(store: &Store, id: u32, on: NaiveDate) -> Result<Assessment> {
    let profile = load_profile(store)?.unwrap_or_default();
    let wording = load_wording_map(store)?;
    let vacancy = get_vacancy(store, id)?;
    Ok(assess_with(&profile, &vacancy, on, &wording))
}

/// The verdicts for the vacancies `ids`, in the same order. The profile and the settings are
/// read once; an id that is no longer saved (deleted since the list was drawn) is left out
/// rather than failing the whole list.
pub fn verdicts_for(store: &Store, ids: &[u32], on: NaiveDate) -> Result<Vec<VacancyVerdict>> {
    let profile: Profile = load_profile(store)?.unwrap_or_default();
    let wording = load_wording_map(store)?;
    let mut verdicts = Vec::with_capacity(ids.len());
    for &id in ids {
        match get_vacancy(store, id) {
            Ok(vacancy) => verdicts.push(VacancyVerdict {
                id,
                verdict: assess_with(&profile, &vacancy, on, &wording).verdict,
            }),
            Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(verdicts)
}

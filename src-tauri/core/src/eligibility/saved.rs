//! Assessments of the vacancies in the store against the saved profile and the candidate's
//! wording settings: what a vacancy's detail shows, and the verdicts for the list's badges.
//!
//! Without a saved profile the rules still run, on an empty one, so the candidate is told
//! which facts to add rather than shown nothing.

use super::{Assessment, Verdict, assess_application, load_wording_map};
use crate::applications::{Stage, application_for_vacancy, timeline};
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
    let submitted = submitted_on(store, id)?;
    Ok(assess_application(
        &profile, &vacancy, on, submitted, &wording,
    ))
}

/// The date the application to vacancy `id` was submitted (its last "submitted" step), if it
/// was.
fn submitted_on(store: &Store, id: u32) -> Result<Option<NaiveDate>> {
    let Some(application) = application_for_vacancy(store, id)? else {
        return Ok(None);
    };
    Ok(timeline(store, application.id)?
        .into_iter()
        .filter(|e| e.stage == Stage::Submitted)
        .max_by_key(|e| e.id)
        .map(|e| e.occurred_on))
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
                verdict: assess_application(
                    &profile,
                    &vacancy,
                    on,
                    submitted_on(store, id)?,
                    &wording,
                )
                .verdict,
            }),
            Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(verdicts)
}

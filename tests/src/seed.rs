//! Data written straight into a data folder before the window opens, through the core's own
//! write paths, for tests that start from a history rather than type it in.

use chrono::{DateTime, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::store::Store;
use dossier_core::vacancy::{self, Platform, SaveOutcome, VacancyInput, VacancyStatus};

/// A vacancy with only what every vacancy has; tests set the rest with `..`.
pub fn vacancy_input(platform: Platform, reference: &str, title: &str) -> VacancyInput {
    VacancyInput {
        platform,
        reference: reference.into(),
        title: title.into(),
        duty_station: None,
        duty_zone: None,
        contract_kind: None,
        is_roster: false,
        grade: None,
        posts: None,
        security_screening: None,
        duration_months: None,
        duration_text: None,
        published_on: None,
        deadline: None,
        languages: vec![],
        min_education: None,
        min_experience_years: None,
        notice_url: None,
        notice_text: None,
        notes: String::new(),
        status: VacancyStatus::Open,
    }
}

/// Saves the vacancy and gives its id.
pub fn vacancy(store: &mut Store, input: VacancyInput, now: DateTime<Utc>) -> u32 {
    match vacancy::create_vacancy(store, input, now).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("vacancy not saved: {other:?}"),
    }
}

/// Starts an application at `stage`, dated `on` (in the vacancy's zone), and gives its id.
pub fn application(
    store: &mut Store,
    vacancy_id: u32,
    stage: Stage,
    on: &str,
    now: DateTime<Utc>,
) -> u32 {
    applications::create_application(
        store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: EventInput {
                stage,
                date: on.parse().unwrap(),
                time: None,
                zone: None,
                note: String::new(),
            },
        },
        now,
    )
    .unwrap()
    .application
    .id
}

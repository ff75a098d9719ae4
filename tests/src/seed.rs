//! Data written straight into a data folder before the window opens, through the core's own
//! write paths, for tests that start from a history rather than type it in.

use chrono::{DateTime, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::store::Store;
use dossier_core::vacancy::{self, Platform, SaveOutcome, VacancyInput};

/// A vacancy with only what every vacancy has; tests set the rest with `..`.
pub fn vacancy_input(platform: Platform, reference: &str, title: &str) -> VacancyInput {
    VacancyInput::new(platform, reference, title)
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

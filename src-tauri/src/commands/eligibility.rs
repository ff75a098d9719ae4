use chrono::NaiveDate;
use dossier_core::eligibility::{self, Assessment, LanguageWordingMap, VacancyVerdict};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// The candidate's today: the date on this computer, from the one clock.
fn today(state: &AppState) -> NaiveDate {
    state.clock.now().with_timezone(&chrono::Local).date_naive()
}

/// Every rule for one saved vacancy against the saved profile, with the verdict.
#[tauri::command]
#[specta::specta]
pub async fn eligibility_for_vacancy(state: State<'_, AppState>, id: u32) -> Result<Assessment> {
    let on = today(&state);
    state.with_store(|store| eligibility::assess_saved(store, id, on))
}

/// The verdicts for the vacancies a list shows, in the same order; deleted ones are left out.
#[tauri::command]
#[specta::specta]
pub async fn eligibility_verdicts(
    state: State<'_, AppState>,
    ids: Vec<u32>,
) -> Result<Vec<VacancyVerdict>> {
    let on = today(&state);
    state.with_store(|store| eligibility::verdicts_for(store, &ids, on))
}

/// How notices' words for a language level ("fluent") read as CEFR levels.
#[tauri::command]
#[specta::specta]
pub async fn eligibility_wording_get(state: State<'_, AppState>) -> Result<LanguageWordingMap> {
    state.with_store(eligibility::load_wording_map)
}

#[tauri::command]
#[specta::specta]
pub async fn eligibility_wording_set(
    state: State<'_, AppState>,
    wording: LanguageWordingMap,
) -> Result<()> {
    state.write(|store| eligibility::save_wording_map(store, &wording))
}

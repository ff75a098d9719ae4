use dossier_core::notice::{self, NoticeCapture};
use dossier_core::vacancy::{
    self, SaveOutcome, Vacancy, VacancyFacets, VacancyInput, VacancyPage, VacancyQuery,
};
use tauri::State;

use crate::dialog;
use crate::error::Result;
use crate::external;
use crate::state::AppState;

/// Reads a pasted notice into a draft; nothing is saved until the candidate confirms.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_capture_text(text: String) -> Result<NoticeCapture> {
    Ok(notice::capture_notice(&text)?)
}

/// Asks for a saved notice (`.txt` or `.html`) and reads it into a draft; nothing when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_capture_file(window: tauri::WebviewWindow) -> Result<Option<NoticeCapture>> {
    let paths =
        dialog::open_paths(&window, "Vacancy notice", &["txt", "html", "htm"], false).await?;
    let Some(path) = paths.first() else {
        return Ok(None);
    };
    Ok(Some(notice::capture_notice_file(path)?))
}

#[tauri::command]
#[specta::specta]
pub async fn vacancy_create(
    state: State<'_, AppState>,
    input: VacancyInput,
) -> Result<SaveOutcome> {
    let now = state.clock.now();
    state.write(|store| vacancy::create_vacancy(store, input, now))
}

#[tauri::command]
#[specta::specta]
pub async fn vacancy_update(
    state: State<'_, AppState>,
    id: u32,
    input: VacancyInput,
) -> Result<SaveOutcome> {
    let now = state.clock.now();
    // A moved deadline has new reminders: `write` wakes the timer.
    state.write(|store| vacancy::update_vacancy(store, id, input, now))
}

#[tauri::command]
#[specta::specta]
pub async fn vacancy_get(state: State<'_, AppState>, id: u32) -> Result<Vacancy> {
    state.with_store(|store| vacancy::get_vacancy(store, id))
}

#[tauri::command]
#[specta::specta]
pub async fn vacancy_delete(state: State<'_, AppState>, id: u32) -> Result<()> {
    state.write(|store| vacancy::delete_vacancy(store, id))
}

/// The list as filtered and searched, soonest deadline first.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_list(state: State<'_, AppState>, query: VacancyQuery) -> Result<VacancyPage> {
    let now = state.clock.now();
    state.with_store(|store| vacancy::list_vacancies(store, &query, now))
}

#[tauri::command]
#[specta::specta]
pub async fn vacancy_facets(state: State<'_, AppState>) -> Result<VacancyFacets> {
    state.with_store(vacancy::vacancy_facets)
}

/// Opens the notice's address in the system browser (http and https only).
#[tauri::command]
#[specta::specta]
pub async fn vacancy_open_notice(state: State<'_, AppState>, id: u32) -> Result<()> {
    let vacancy = state.with_store(|store| vacancy::get_vacancy(store, id))?;
    let url = vacancy.input.notice_url.ok_or_else(|| {
        dossier_core::Error::invalid("noticeUrl", "this vacancy has no notice address")
    })?;
    external::open_web_address(&url)
}

/// The zone of a known INTERPOL duty station, to fill in as the candidate types the station.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_zone_for_station(station: String) -> Result<Option<String>> {
    Ok(dossier_core::stations::zone_for(&station).map(str::to_string))
}

use std::path::PathBuf;

use dossier_core::notice::{self, NoticeCapture};
use dossier_core::notice_files::{self, FileDraft};
use dossier_core::vacancy::{
    self, SaveOutcome, Vacancy, VacancyFacets, VacancyInput, VacancyPage, VacancyQuery,
};
use dossier_core::vault::Document;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dialog::{self, Filter};
use crate::dropped_files::{self, CaptureDropNews, DropTarget};
use crate::error::{Result, on_blocking_thread};
use crate::external;
use crate::state::AppState;

/// Reads a pasted notice into a draft; nothing is saved until the candidate confirms.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_capture_text(text: String) -> Result<NoticeCapture> {
    Ok(notice::capture_notice(&text)?)
}

/// What the open dialog offers for saved notices; upper case too, as some desktops match by case.
const NOTICE_EXTENSIONS: &[&str] = &["html", "htm", "txt", "pdf", "HTML", "HTM", "TXT", "PDF"];

/// Asks for saved notices, several at once, and reads each into a draft to check; empty when
/// cancelled. Nothing is saved.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_capture_files(
    app: AppHandle,
    window: tauri::WebviewWindow,
) -> Result<Vec<FileDraft>> {
    let paths = dialog::open_paths(&window, Filter::Notices, NOTICE_EXTENSIONS, true).await?;
    dropped_files::capture_paths(&app, paths).await
}

/// Sends files dropped onto the window to the capture view, as drafts, until another view
/// registers for drops.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_watch_drops(
    target: State<'_, DropTarget>,
    on_drop: Channel<CaptureDropNews>,
) -> Result<()> {
    target.listen_for_capture(on_drop);
    Ok(())
}

/// Saves a draft read from `file`, which is kept in the vault with the vacancy as the posting's
/// own copy. The file is read before the store is taken; only the save holds it.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_save_from_file(
    app: AppHandle,
    input: VacancyInput,
    file: String,
) -> Result<SaveOutcome> {
    on_blocking_thread("saving the vacancy", move || {
        let state = app.state::<AppState>();
        let now = state.clock.now();
        let copy = notice_files::read_notice_copy(&PathBuf::from(file))?;
        state.write_vault(|vault, store| {
            notice_files::save_vacancy_with_notice_file(store, vault, input, Some(&copy), now)
        })
    })
    .await
}

/// The posting's own copy kept with a vacancy, if any.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_notice_copy(state: State<'_, AppState>, id: u32) -> Result<Option<Document>> {
    state.with_store(|store| notice_files::notice_copy_of(store, id))
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
        dossier_core::Error::field(
            "noticeUrl",
            dossier_core::FieldProblem::NoNoticeAddress,
            "this vacancy has no notice address",
        )
    })?;
    external::open_web_address(&url)
}

/// The zone of a known INTERPOL duty station, to fill in as the candidate types the station.
#[tauri::command]
#[specta::specta]
pub async fn vacancy_zone_for_station(station: String) -> Result<Option<String>> {
    Ok(dossier_core::stations::zone_for(&station).map(str::to_string))
}

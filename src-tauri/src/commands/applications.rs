use dossier_core::applications::{
    self, Application, ApplicationDetail, ApplicationInput, BoardColumn, Created, EventInput,
    InterviewInput,
};
use dossier_core::countdowns::backlog::{self, BacklogGroup, BacklogKind};
use dossier_core::countdowns::{self, UpcomingItem};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;
use crate::zone;

/// Starts following the application for a vacancy; warnings (another platform, a deadline
/// already past) come back with it.
#[tauri::command]
#[specta::specta]
pub async fn application_create(
    state: State<'_, AppState>,
    input: ApplicationInput,
) -> Result<Created> {
    let now = state.clock.now();
    state.write(|store| applications::create_application(store, &input, now))
}

/// Moves the application to a new stage; a move that makes no sense is refused with the reason.
#[tauri::command]
#[specta::specta]
pub async fn application_record_event(
    state: State<'_, AppState>,
    id: u32,
    input: EventInput,
) -> Result<ApplicationDetail> {
    let now = state.clock.now();
    state.write(|store| {
        applications::record_event(store, id, &input, now)?;
        applications::get_application(store, id)
    })
}

/// Takes back the last step (a mistaken move); the first step stays.
#[tauri::command]
#[specta::specta]
pub async fn application_undo_last_event(
    state: State<'_, AppState>,
    id: u32,
) -> Result<ApplicationDetail> {
    let now = state.clock.now();
    state.write(|store| {
        applications::undo_last_event(store, id, now)?;
        applications::get_application(store, id)
    })
}

/// The board: one column per stage, in process order.
#[tauri::command]
#[specta::specta]
pub async fn application_board(state: State<'_, AppState>) -> Result<Vec<BoardColumn>> {
    state.with_store(applications::board)
}

/// Adds an interview (its reminders come a day and an hour before).
#[tauri::command]
#[specta::specta]
pub async fn interview_add(
    state: State<'_, AppState>,
    application_id: u32,
    input: InterviewInput,
) -> Result<ApplicationDetail> {
    let now = state.clock.now();
    state.write(|store| {
        applications::add_interview(store, application_id, &input, now)?;
        applications::get_application(store, application_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn interview_delete(
    state: State<'_, AppState>,
    application_id: u32,
    id: u32,
) -> Result<ApplicationDetail> {
    state.write(|store| {
        applications::delete_interview(store, id)?;
        applications::get_application(store, application_id)
    })
}

/// Records which document versions were sent (replacing the list recorded before).
#[tauri::command]
#[specta::specta]
pub async fn application_set_sent_documents(
    state: State<'_, AppState>,
    id: u32,
    document_ids: Vec<u32>,
) -> Result<ApplicationDetail> {
    state.write(|store| {
        applications::set_sent_documents(store, id, &document_ids)?;
        applications::get_application(store, id)
    })
}

/// Records (or with `None`, forgets) the saved copy of a Talentlink application.
#[tauri::command]
#[specta::specta]
pub async fn application_set_saved_copy(
    state: State<'_, AppState>,
    id: u32,
    document_id: Option<u32>,
) -> Result<ApplicationDetail> {
    state.write(|store| {
        applications::set_saved_copy(store, id, document_id)?;
        applications::get_application(store, id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn application_get(state: State<'_, AppState>, id: u32) -> Result<ApplicationDetail> {
    state.with_store(|store| applications::get_application(store, id))
}

/// The application already following a vacancy, if any (one per vacancy).
#[tauri::command]
#[specta::specta]
pub async fn application_for_vacancy(
    state: State<'_, AppState>,
    vacancy_id: u32,
) -> Result<Option<Application>> {
    state.with_store(|store| applications::application_for_vacancy(store, vacancy_id))
}

#[tauri::command]
#[specta::specta]
pub async fn application_list(state: State<'_, AppState>) -> Result<Vec<Application>> {
    state.with_store(applications::list_applications)
}

/// What comes next, most urgent first, in the candidate's zone; only the first `limit` when
/// given (the Dashboard shows a few, however long the history).
#[tauri::command]
#[specta::specta]
pub async fn upcoming_list(
    state: State<'_, AppState>,
    limit: Option<u32>,
) -> Result<Vec<UpcomingItem>> {
    moments(&state, limit)
}

/// Shared with `session_get`, which brings the Dashboard's first moments with the window's data.
pub(crate) fn moments(state: &AppState, limit: Option<u32>) -> Result<Vec<UpcomingItem>> {
    let now = state.clock.now();
    let zone = zone::user_zone();
    let limit = limit.map(|n| n as usize);
    state.with_store(|store| countdowns::upcoming(store, now, &zone, limit))
}

/// The Dashboard's long-past moments, counted by kind (see `countdowns::backlog`).
#[tauri::command]
#[specta::specta]
pub async fn backlog_list(state: State<'_, AppState>) -> Result<Vec<BacklogGroup>> {
    let now = state.clock.now();
    let zone = zone::user_zone();
    state.with_store(|store| backlog::backlog(store, now, &zone))
}

/// Settles every long-past moment of `kind` in one transaction; `note` goes on each step it
/// records. Returns how many it settled.
#[tauri::command]
#[specta::specta]
pub async fn backlog_settle(
    state: State<'_, AppState>,
    kind: BacklogKind,
    note: String,
) -> Result<u32> {
    let now = state.clock.now();
    let zone = zone::user_zone();
    state.write(|store| backlog::settle_backlog(store, kind, &note, now, &zone))
}

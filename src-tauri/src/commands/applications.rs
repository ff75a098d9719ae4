use dossier_core::applications::{
    self, Application, ApplicationDetail, ApplicationInput, Created, EventInput,
};
use dossier_core::countdowns::{self, UpcomingItem};
use tauri::State;

use crate::error::Result;
use crate::scheduler::Scheduler;
use crate::state::AppState;
use crate::zone;

/// Starts following the application for a vacancy; warnings (another platform, a deadline
/// already past) come back with it.
#[tauri::command]
#[specta::specta]
pub async fn application_create(
    state: State<'_, AppState>,
    scheduler: State<'_, Scheduler>,
    input: ApplicationInput,
) -> Result<Created> {
    let now = state.clock.now();
    let created = state.with_store(|store| applications::create_application(store, &input, now))?;
    scheduler.rearm();
    Ok(created)
}

/// Moves the application to a new stage; a move that makes no sense is refused with the reason.
#[tauri::command]
#[specta::specta]
pub async fn application_record_event(
    state: State<'_, AppState>,
    scheduler: State<'_, Scheduler>,
    id: u32,
    input: EventInput,
) -> Result<ApplicationDetail> {
    let now = state.clock.now();
    let detail = state.with_store(|store| {
        applications::record_event(store, id, &input, now)?;
        applications::get_application(store, id)
    })?;
    scheduler.rearm();
    Ok(detail)
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
    state.with_store(|store| applications::list_applications(store))
}

/// What comes next, most urgent first, in the candidate's zone; only the first `limit` when
/// given (the Dashboard shows a few, however long the history).
#[tauri::command]
#[specta::specta]
pub async fn upcoming_list(
    state: State<'_, AppState>,
    limit: Option<u32>,
) -> Result<Vec<UpcomingItem>> {
    let now = state.clock.now();
    let zone = zone::user_zone();
    let mut items = state.with_store(|store| countdowns::upcoming(store, now, &zone))?;
    if let Some(limit) = limit {
        items.truncate(limit as usize);
    }
    Ok(items)
}

use dossier_core::models::Overview;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// Counts that let each view choose between its content and its first-steps guide.
#[tauri::command]
#[specta::specta]
pub async fn overview_get(state: State<'_, AppState>) -> Result<Overview> {
    state.with_store(|store| store.overview())
}

/// The app's "now" as RFC 3339 UTC, from the one clock (settable in the end-to-end build).
#[tauri::command]
#[specta::specta]
pub async fn clock_now(state: State<'_, AppState>) -> Result<String> {
    Ok(state
        .clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

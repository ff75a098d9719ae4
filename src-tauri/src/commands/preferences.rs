use dossier_core::preferences::{self, Preferences};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn preferences_get(state: State<'_, AppState>) -> Result<Preferences> {
    state.with_store(preferences::load_preferences)
}

#[tauri::command]
#[specta::specta]
pub async fn preferences_set(state: State<'_, AppState>, preferences: Preferences) -> Result<()> {
    state.write(|store| preferences::save_preferences(store, &preferences))
}

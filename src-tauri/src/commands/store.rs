use tauri::State;

use crate::error::Result;
use crate::state::{AppState, FreshStart};

/// Sets a damaged database aside (never deletes it) and starts an empty one.
#[tauri::command]
#[specta::specta]
pub async fn store_start_fresh(state: State<'_, AppState>) -> Result<FreshStart> {
    state.start_fresh()
}

use tauri::State;

use crate::dialog;
use crate::error::Result;
use crate::state::{AppState, FreshStart};

/// Sets a damaged database aside (never deletes it) and starts an empty one.
#[tauri::command]
#[specta::specta]
pub async fn store_start_fresh(state: State<'_, AppState>) -> Result<FreshStart> {
    state.start_fresh()
}

/// Asks where to save a copy of all the candidate's data, then writes it there atomically.
/// Returns the chosen path, or nothing when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn store_save_backup(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>> {
    let name = format!("Dossier backup {}.db", state.clock.now().format("%Y-%m-%d"));
    let Some(dest) = dialog::save_path(&window, &name, "Dossier backup", &["db"]).await? else {
        return Ok(None);
    };
    state.with_store(|store| store.backup_to(&dest))?;
    Ok(Some(dest.display().to_string()))
}

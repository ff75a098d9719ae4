use dossier_core::form_ticks::{self, FormSection};
use dossier_core::vacancy::Platform;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// The form sections the candidate has marked done on `platform`, in form order.
#[tauri::command]
#[specta::specta]
pub async fn form_ticks_get(
    state: State<'_, AppState>,
    platform: Platform,
) -> Result<Vec<FormSection>> {
    state.with_store(|store| form_ticks::done_sections(store, platform))
}

/// Marks one section done (or not) on `platform`; answers with the platform's sections done.
#[tauri::command]
#[specta::specta]
pub async fn form_tick_set(
    state: State<'_, AppState>,
    platform: Platform,
    section: FormSection,
    done: bool,
) -> Result<Vec<FormSection>> {
    state.write(|store| form_ticks::set_section_done(store, platform, section, done))
}

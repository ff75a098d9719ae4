use dossier_core::form_ticks::{self, FormSection, FormTicks};
use dossier_core::vacancy::Platform;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// What the candidate has marked done on `platform`: the sections, in form order, and the
/// entries of the lists typed one at a time.
#[tauri::command]
#[specta::specta]
pub async fn form_ticks_get(state: State<'_, AppState>, platform: Platform) -> Result<FormTicks> {
    state.with_store(|store| form_ticks::ticks(store, platform))
}

/// Marks one section done (or not) on `platform`, with every entry it holds; answers with
/// everything done there.
#[tauri::command]
#[specta::specta]
pub async fn form_tick_set(
    state: State<'_, AppState>,
    platform: Platform,
    section: FormSection,
    done: bool,
) -> Result<FormTicks> {
    state.write(|store| form_ticks::set_block_done(store, platform, section, done))
}

/// Marks one entry of the profile (an education line, a position, a reference) done (or not)
/// on `platform`; answers with everything done there.
#[tauri::command]
#[specta::specta]
pub async fn form_entry_tick_set(
    state: State<'_, AppState>,
    platform: Platform,
    entry_id: u32,
    done: bool,
) -> Result<FormTicks> {
    state.write(|store| form_ticks::set_entry_done(store, platform, entry_id, done))
}

use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{self, Preferences};
use tauri::State;

use crate::display_language::resolved_language;
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

/// The language the window should speak now: the candidate's choice, or the system's.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LanguageChoice {
    pub chosen: Option<DisplayLanguage>,
    pub resolved: DisplayLanguage,
}

#[tauri::command]
#[specta::specta]
pub async fn language_get(state: State<'_, AppState>) -> Result<LanguageChoice> {
    let preferences = state.language_preferences()?;
    Ok(LanguageChoice {
        chosen: preferences.language,
        resolved: resolved_language(&preferences),
    })
}

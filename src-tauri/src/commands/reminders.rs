use dossier_core::calendar::{self, CalendarExport};
use dossier_core::reminders::{self, ReminderSettings};
use tauri::State;

use crate::dialog::{self, Filter};
use crate::display_language::stored_wording;
use crate::error::Result;
use crate::state::AppState;
use crate::zone;

#[tauri::command]
#[specta::specta]
pub async fn reminder_settings_get(state: State<'_, AppState>) -> Result<ReminderSettings> {
    state.with_store(reminders::load_reminder_settings)
}

/// Saves which kinds of reminder are on and the quiet hours; the timer follows at once.
#[tauri::command]
#[specta::specta]
pub async fn reminder_settings_set(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Result<ReminderSettings> {
    state.write(|store| {
        reminders::save_reminder_settings(store, &settings)?;
        reminders::load_reminder_settings(store)
    })
}

/// Asks where to save the `.ics` calendar and writes it; nothing when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn calendar_export(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<CalendarExport>> {
    let Some(path) = dialog::save_path(&window, "dossier.ics", Filter::Calendar, &["ics"]).await?
    else {
        return Ok(None);
    };
    let now = state.clock.now();
    let zone = zone::user_zone();
    state
        .with_store(|store| {
            let wording = stored_wording(store)?;
            calendar::export_calendar(store, &path, now, &zone, wording)
        })
        .map(Some)
}

//! Dossier in the background: what Settings shows about the tray, and starting at login.

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager};
use tauri_plugin_autostart::ManagerExt;

use crate::background::Background;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackgroundStatus {
    /// The desktop shows Dossier's tray icon; without one, closing the window quits.
    pub tray: bool,
    /// An XDG autostart entry starts Dossier, in the tray, when the candidate logs in.
    pub start_at_login: bool,
}

fn status(app: &AppHandle) -> Result<BackgroundStatus> {
    Ok(BackgroundStatus {
        tray: app.state::<Background>().has_tray(),
        start_at_login: app
            .autolaunch()
            .is_enabled()
            .map_err(|e| Error::StartAtLogin(e.to_string()))?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn background_status(app: AppHandle) -> Result<BackgroundStatus> {
    status(&app)
}

#[tauri::command]
#[specta::specta]
pub async fn background_set_start_at_login(
    app: AppHandle,
    enabled: bool,
) -> Result<BackgroundStatus> {
    let autolaunch = app.autolaunch();
    let changed = if enabled {
        autolaunch.enable()
    } else {
        autolaunch.disable()
    };
    changed.map_err(|e| Error::StartAtLogin(e.to_string()))?;
    status(&app)
}

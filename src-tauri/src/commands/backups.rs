//! Whole backups: where they go, which there are, one made now, and a restore. The rules (what
//! a backup holds, when one is due, which are kept) live in `dossier_core::backup`.

use dossier_core::backup::{self, BackupOutcome, BackupSettings, BackupSummary};
use dossier_core::store;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, State};

use crate::dialog;
use crate::error::{Result, on_blocking_thread};
use crate::state::{AppState, BackupWhen, Restored};

/// The event sent to the page after an automatic backup was made or failed; `onBackupsChanged`
/// in the UI's IPC module listens for it by this name.
pub const BACKUPS_CHANGED: &str = "backups-changed";

/// What Settings shows about backups.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub folder: String,
    /// The folder inside the data folder: the same disk as the data, so the UI suggests another.
    pub is_default: bool,
    pub last: Option<BackupSummary>,
    /// How the last attempt went, automatic or not: a failure is shown on the Dashboard.
    pub last_outcome: Option<BackupOutcome>,
}

/// What a restore of one backup would bring back, or why it is refused, before anything is
/// changed.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum BackupPreview {
    Ready {
        summary: BackupSummary,
    },
    /// Made by a newer Dossier: both versions are named, nothing can be done here but update.
    TooNew {
        id: String,
        backup_version: u32,
        running_version: u32,
        running_app_version: String,
    },
    /// Its files do not match their checksums; `items` names each one.
    Damaged {
        id: String,
        items: Vec<String>,
    },
}

#[tauri::command]
#[specta::specta]
pub async fn backups_status(state: State<'_, AppState>) -> Result<BackupStatus> {
    status(&state)
}

/// Every backup in the folder, newest first.
#[tauri::command]
#[specta::specta]
pub async fn backups_list(app: AppHandle) -> Result<Vec<BackupSummary>> {
    on_blocking_thread("the list of backups", move || {
        let dir = app.state::<AppState>().backup_dir()?;
        Ok::<_, crate::error::Error>(backup::list(&dir)?)
    })
    .await
}

/// Makes a whole backup now, whether or not one is due.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(app: AppHandle) -> Result<Option<BackupSummary>> {
    on_blocking_thread("the backup", move || {
        app.state::<AppState>().back_up(BackupWhen::Now)
    })
    .await
}

/// Asks for the folder backups go to, keeps the choice, and answers with the new status;
/// nothing when the candidate cancelled.
#[tauri::command]
#[specta::specta]
pub async fn backup_choose_folder(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<BackupStatus>> {
    let Some(folder) = dialog::pick_folder(&window).await? else {
        return Ok(None);
    };
    let settings = BackupSettings {
        folder: Some(folder),
    };
    backup::save_settings(&state.data_dir, &settings)?;
    Ok(Some(status(&state)?))
}

/// Sends backups to the default folder inside the data folder again; answers with the status.
/// The backups already in the chosen folder stay there.
#[tauri::command]
#[specta::specta]
pub async fn backup_use_default_folder(state: State<'_, AppState>) -> Result<BackupStatus> {
    backup::save_settings(&state.data_dir, &BackupSettings::default())?;
    status(&state)
}

/// Checks backup `id` against its checksums and says what restoring it would bring back.
#[tauri::command]
#[specta::specta]
pub async fn backup_preview(app: AppHandle, id: String) -> Result<BackupPreview> {
    on_blocking_thread("the backup check", move || {
        let state = app.state::<AppState>();
        let dir = state.backup_dir()?;
        preview(state.verify_backup(&dir, &id), &id)
    })
    .await
}

/// Replaces the data with backup `id`, keeping the current data aside; answers with where.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore(app: AppHandle, id: String) -> Result<Restored> {
    on_blocking_thread("the restore", move || app.state::<AppState>().restore(&id)).await
}

fn status(state: &AppState) -> Result<BackupStatus> {
    let settings = backup::load_settings(&state.data_dir)?;
    let folder = backup::backup_folder(&state.data_dir, &settings);
    // An unreadable folder (a disconnected disk) is not a reason to hide the rest.
    let last = backup::list(&folder)
        .ok()
        .and_then(|all| all.into_iter().next());
    Ok(BackupStatus {
        folder: folder.display().to_string(),
        is_default: settings.folder.is_none(),
        last,
        last_outcome: backup::last_outcome(&state.data_dir)?,
    })
}

/// A refusal the candidate must read before choosing becomes part of the preview; any other
/// failure (an unreadable folder) stays an error.
fn preview(verified: dossier_core::Result<BackupSummary>, id: &str) -> Result<BackupPreview> {
    let running = store::latest_schema_version();
    let too_new = |backup_version| BackupPreview::TooNew {
        id: id.to_string(),
        backup_version,
        running_version: running,
        running_app_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    match verified {
        Ok(summary) if summary.schema_version > running => Ok(too_new(summary.schema_version)),
        Ok(summary) => Ok(BackupPreview::Ready { summary }),
        Err(dossier_core::Error::BackupTooNew { backup_version, .. }) => {
            Ok(too_new(backup_version))
        }
        Err(dossier_core::Error::BackupDamaged { id, items }) => Ok(BackupPreview::Damaged {
            id,
            items: items.iter().map(|item| item.to_string()).collect(),
        }),
        Err(other) => Err(other.into()),
    }
}

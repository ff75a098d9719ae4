//! Where backups go and how the last one went. These live in small JSON files in the data
//! folder, not in SQLite: they must still be readable when the database is damaged, which is
//! exactly when a backup is needed.

use crate::error::IoOp;
use crate::{Error, Result, fsio};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The backup folder inside the data folder, used until the candidate chooses another.
pub const DEFAULT_FOLDER: &str = "backups";
const SETTINGS_FILE: &str = "backup-settings.json";
const OUTCOME_FILE: &str = "backup-outcome.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    /// `None`: [`DEFAULT_FOLDER`] inside the data folder.
    pub folder: Option<PathBuf>,
}

/// How the last automatic or requested backup went, kept across restarts so the Dashboard can
/// say that backups are failing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOutcome {
    pub at: DateTime<Utc>,
    pub ok: bool,
    /// The error code of a failed backup (as the shell names it), `None` when it worked.
    pub error_code: Option<String>,
}

/// The saved settings, or the defaults when none were saved or the file no longer reads: a
/// settings problem must never stop a backup or a restore.
pub fn load_settings(data_dir: &Path) -> Result<BackupSettings> {
    Ok(read_json(&data_dir.join(SETTINGS_FILE))?.unwrap_or_default())
}

pub fn save_settings(data_dir: &Path, settings: &BackupSettings) -> Result<()> {
    write_json(&data_dir.join(SETTINGS_FILE), settings)
}

pub fn backup_folder(data_dir: &Path, settings: &BackupSettings) -> PathBuf {
    settings
        .folder
        .clone()
        .unwrap_or_else(|| data_dir.join(DEFAULT_FOLDER))
}

/// Removes the backups kept inside the data folder ([`DEFAULT_FOLDER`]) once the data is
/// encrypted: they hold the database and every scan in the clear, next to data that is not,
/// and backups of an encrypted Dossier are not written yet. A folder the candidate chose is
/// theirs and is left (Settings says so before encryption is turned on). Run again at every
/// start while encrypted, so a removal cut short by a crash is finished. True when any was
/// there.
pub fn remove_default_backups(data_dir: &Path) -> Result<bool> {
    let folder = data_dir.join(DEFAULT_FOLDER);
    match std::fs::remove_dir_all(&folder) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(crate::Error::Io {
            op: crate::error::IoOp::Remove,
            path: folder,
            source,
        }),
    }
}

pub fn record_outcome(data_dir: &Path, outcome: &BackupOutcome) -> Result<()> {
    write_json(&data_dir.join(OUTCOME_FILE), outcome)
}

/// The last recorded outcome; `None` when none was recorded or the file no longer reads.
pub fn last_outcome(data_dir: &Path) -> Result<Option<BackupOutcome>> {
    read_json(&data_dir.join(OUTCOME_FILE))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(IoOp::Read, path, e)),
    }
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Error::Internal(format!("a backup setting could not be written: {e}")))?;
    if let Some(dir) = path.parent() {
        fsio::private_dir_all(dir).map_err(|e| Error::io(IoOp::CreateFolder, dir, e))?;
    }
    fsio::write_atomic(path, &bytes)
}

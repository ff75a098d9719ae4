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

/// Removes the clear backups kept inside the data folder ([`DEFAULT_FOLDER`]) once the data is
/// encrypted: they hold the database and every scan in the clear, next to data that is not.
/// Encrypted backups there (and their sealed objects) stay. A folder the candidate chose is
/// theirs and is left (Settings says so before encryption is turned on). Run again at every
/// start while encrypted, so a removal cut short by a crash is finished. True when any clear
/// backup was there.
pub fn remove_default_backups(data_dir: &Path) -> Result<bool> {
    let folder = data_dir.join(DEFAULT_FOLDER);
    let mut removed = remove_all(&folder.join(super::manifest::OBJECTS))?;
    let backups = super::manifest::backups_dir(&folder);
    let entries = match std::fs::read_dir(&backups) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(removed),
        Err(e) => return Err(Error::io(IoOp::Read, &backups, e)),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        // A backup whose manifest no longer reads is told by its key file: an encrypted one
        // always has it, a clear one never.
        let encrypted = match super::manifest::read_manifest(&path) {
            Ok(m) => m.sealed.is_some(),
            Err(()) => path.join(super::manifest::KEY_FILE).exists(),
        };
        if !encrypted {
            removed |= remove_all(&path)?;
        }
    }
    Ok(removed)
}

fn remove_all(path: &Path) -> Result<bool> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(IoOp::Remove, path, e)),
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

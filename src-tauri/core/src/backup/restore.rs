//! Putting a backup back: built beside the current data, checked, then swapped in under a
//! journal.
//!
//! The steps, each of which a kill may interrupt:
//!
//! 1. The database snapshot and every file are copied into `<data>/.restore-staging/`, each
//!    checked against the manifest as it is copied. Nothing of the current data is touched; a
//!    damaged part stops the restore here, naming every damaged part.
//! 2. The journal `<data>/restore-journal.json` is written (atomically): from here on the
//!    restore is decided, and [`finish_interrupted_restore`] completes it. Before it exists,
//!    that function only removes the staging folder.
//! 3. The current database (with its WAL and shared-memory files) and vault folder move into
//!    `<data>/before-restore-<time>/`, one rename each.
//! 4. The staged vault folder and database move into place, one rename each.
//! 5. The staging folder and the journal are removed.
//!
//! Every step of 3 to 5 looks at what is still in the staging folder to know what is left to
//! do, so running them again after a kill at any point finishes the same swap.

use super::manifest::{self, CopyError, DATABASE, objects_dir};
use crate::error::IoOp;
use crate::store::DATABASE_FILE;
use crate::vault::VAULT_FOLDER;
use crate::{Error, Result, fsio};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The folder a restore builds the restored data in, inside the data folder (so every move
/// into place is a rename on one file system).
pub const RESTORE_STAGING: &str = ".restore-staging";
/// Present only between the moment a restore is decided and the moment it is complete.
pub const RESTORE_JOURNAL: &str = "restore-journal.json";
/// The current data is kept aside under this prefix and the restore's time, until the
/// candidate deletes it.
pub const BEFORE_RESTORE_PREFIX: &str = "before-restore-";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Journal {
    /// The folder name (in the data folder) the current data goes to.
    aside: String,
    backup_id: String,
}

/// Restores backup `id` into `data_dir`, which must hold no open store: the shell closes its
/// store first and opens it again afterwards (which migrates an older snapshot). Returns the
/// folder the current data was kept in.
///
/// Refused, before anything of the current data is touched, with `Error::BackupTooNew` for a
/// backup whose schema is newer than `running_schema`, and with `Error::BackupDamaged` naming
/// every part whose checksum fails.
pub fn restore(
    backup_dir: &Path,
    id: &str,
    data_dir: &Path,
    now: DateTime<Utc>,
    running_schema: u32,
) -> Result<PathBuf> {
    let mut steps = Steps(None);
    run(backup_dir, id, data_dir, now, running_schema, &mut steps)
        .map(|done| done.expect("an unlimited restore runs to the end"))
}

/// For crash tests: [`restore`], stopped as if the process were killed after `steps` steps
/// (each copy, the journal, each rename and each removal is a step). `Ok(None)` when it was
/// stopped, `Ok(Some(aside))` when it had fewer steps than that and completed.
#[doc(hidden)]
pub fn restore_killed_after(
    backup_dir: &Path,
    id: &str,
    data_dir: &Path,
    now: DateTime<Utc>,
    running_schema: u32,
    steps: usize,
) -> Result<Option<PathBuf>> {
    run(
        backup_dir,
        id,
        data_dir,
        now,
        running_schema,
        &mut Steps(Some(steps)),
    )
}

/// How many steps may still run; `None` for no limit.
struct Steps(Option<usize>);

impl Steps {
    /// False when the simulated kill comes before the next step.
    fn next(&mut self) -> bool {
        match &mut self.0 {
            None => true,
            Some(0) => false,
            Some(n) => {
                *n -= 1;
                true
            }
        }
    }
}

fn run(
    backup_dir: &Path,
    id: &str,
    data_dir: &Path,
    now: DateTime<Utc>,
    running_schema: u32,
    steps: &mut Steps,
) -> Result<Option<PathBuf>> {
    // A restore left half-done by a kill is finished first: starting another over it would
    // mix two journals.
    finish_interrupted_restore(data_dir)?;
    let (folder, manifest) = manifest::load(backup_dir, id)?;
    if manifest.schema_version > running_schema {
        return Err(Error::BackupTooNew {
            id: id.to_string(),
            backup_version: manifest.schema_version,
            running_version: running_schema,
        });
    }

    let staging = data_dir.join(RESTORE_STAGING);
    remove_all(&staging)?;
    let staged_vault = staging.join(VAULT_FOLDER);
    fsio::private_dir_all(&staged_vault)
        .map_err(|e| Error::io(IoOp::CreateFolder, &staged_vault, e))?;

    let mut damaged = Vec::new();
    let staged = (|| -> Result<bool> {
        if !copy_item(
            &folder.join(DATABASE),
            &staging.join(DATABASE_FILE),
            &manifest.database,
        )? {
            damaged.push(DATABASE.to_string());
        }
        if !steps.next() {
            return Ok(false);
        }
        let objects = objects_dir(backup_dir);
        let mut dirs = BTreeSet::new();
        for item in &manifest.files {
            let Some(rel) = manifest::object_rel(item) else {
                damaged.push(manifest::object_label(item));
                continue;
            };
            let dest = staged_vault.join(&rel);
            let dir = dest.parent().unwrap_or(&staged_vault).to_path_buf();
            if dirs.insert(dir.clone()) {
                fsio::private_dir_all(&dir).map_err(|e| Error::io(IoOp::CreateFolder, &dir, e))?;
            }
            if !copy_item(&objects.join(&rel), &dest, item)? {
                damaged.push(manifest::object_label(item));
            }
        }
        for dir in &dirs {
            fsio::sync_dir(dir)?;
        }
        fsio::sync_dir(&staged_vault)?;
        fsio::sync_dir(&staging)?;
        Ok(true)
    })();
    match staged {
        Ok(true) if damaged.is_empty() => {}
        Ok(false) => return Ok(None),
        Ok(true) => {
            let _ = remove_all(&staging);
            return Err(Error::BackupDamaged {
                id: id.to_string(),
                items: damaged,
            });
        }
        Err(e) => {
            let _ = remove_all(&staging);
            return Err(e);
        }
    }
    if !steps.next() {
        return Ok(None);
    }

    let aside = free_aside_name(data_dir, now);
    let journal = Journal {
        aside: aside.clone(),
        backup_id: id.to_string(),
    };
    let bytes = serde_json::to_vec_pretty(&journal)
        .map_err(|e| Error::Internal(format!("the restore journal could not be written: {e}")))?;
    fsio::write_atomic(&data_dir.join(RESTORE_JOURNAL), &bytes)?;
    if !steps.next() {
        return Ok(None);
    }
    if !roll_forward(data_dir, &journal, steps)? {
        return Ok(None);
    }
    Ok(Some(data_dir.join(aside)))
}

/// Completes a restore a kill interrupted after it was decided, or removes what one left
/// before. Run at start, before anything opens the store or the vault.
pub fn finish_interrupted_restore(data_dir: &Path) -> Result<()> {
    let path = data_dir.join(RESTORE_JOURNAL);
    match fs::read(&path) {
        Ok(bytes) => {
            let journal: Journal = serde_json::from_slice(&bytes).map_err(|_| {
                Error::field(
                    "restore", crate::error::FieldProblem::RestoreJournalUnreadable { path: path.display().to_string() },
                    format!(
                        "{} cannot be read, so an interrupted restore cannot be finished; nothing was changed",
                        path.display()
                    ),
                )
            })?;
            roll_forward(data_dir, &journal, &mut Steps(None))?;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            remove_all(&data_dir.join(RESTORE_STAGING))
        }
        Err(e) => Err(Error::io(IoOp::Read, &path, e)),
    }
}

/// Steps 3 to 5. Returns false when the simulated kill stopped it.
fn roll_forward(data_dir: &Path, journal: &Journal, steps: &mut Steps) -> Result<bool> {
    let plain = journal.aside.starts_with(BEFORE_RESTORE_PREFIX)
        && !journal.aside.contains(['/', '\\'])
        && !journal.aside.contains("..");
    if !plain {
        return Err(Error::field(
            "restore",
            crate::error::FieldProblem::RestoreJournalStrange {
                aside: journal.aside.clone(),
            },
            format!(
                "the restore journal names “{}”, which is not a folder Dossier keeps data aside in; nothing was changed",
                journal.aside
            ),
        ));
    }
    let staging = data_dir.join(RESTORE_STAGING);
    let aside = data_dir.join(&journal.aside);
    fsio::private_dir_all(&aside).map_err(|e| Error::io(IoOp::CreateFolder, &aside, e))?;

    // What is still staged has not replaced its current counterpart yet, so what sits in the
    // data folder under that name is the current data, to be kept aside. The WAL and
    // shared-memory files go first, as in `store::set_aside`.
    let mut moves: Vec<(PathBuf, PathBuf)> = Vec::new();
    if staging.join(DATABASE_FILE).exists() {
        for suffix in ["-wal", "-shm", ""] {
            let name = format!("{DATABASE_FILE}{suffix}");
            moves.push((data_dir.join(&name), aside.join(&name)));
        }
    }
    if staging.join(VAULT_FOLDER).exists() {
        moves.push((data_dir.join(VAULT_FOLDER), aside.join(VAULT_FOLDER)));
    }
    for (from, to) in &moves {
        if from.exists() || from.symlink_metadata().is_ok() {
            if !steps.next() {
                return Ok(false);
            }
            rename(from, to)?;
        }
    }
    fsio::sync_dir(&aside)?;
    fsio::sync_dir(data_dir)?;

    for name in [VAULT_FOLDER, DATABASE_FILE] {
        let from = staging.join(name);
        if from.exists() {
            if !steps.next() {
                return Ok(false);
            }
            rename(&from, &data_dir.join(name))?;
        }
    }
    fsio::sync_dir(data_dir)?;

    if !steps.next() {
        return Ok(false);
    }
    remove_all(&staging)?;
    if !steps.next() {
        return Ok(false);
    }
    let journal_path = data_dir.join(RESTORE_JOURNAL);
    match fs::remove_file(&journal_path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Error::io(IoOp::Remove, &journal_path, e));
        }
    }
    fsio::sync_dir(data_dir)?;
    Ok(true)
}

/// Copies one part of a backup, checked. False when it is missing or does not match the
/// manifest (nothing is left at `dest` then); an error only when the data folder cannot be
/// written.
fn copy_item(src: &Path, dest: &Path, item: &manifest::Item) -> Result<bool> {
    match manifest::copy_checked(src, dest, &item.sha256) {
        Ok(size) if size == item.size => Ok(true),
        Ok(_) => {
            let _ = fs::remove_file(dest);
            Ok(false)
        }
        Err(CopyError::Mismatch) => Ok(false),
        Err(CopyError::Io(_)) if !src.is_file() => Ok(false),
        Err(CopyError::Io(e)) => Err(Error::io(IoOp::Write, dest, e)),
    }
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| Error::io(IoOp::Rename, from, e))
}

fn remove_all(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(IoOp::Remove, path, e)),
    }
}

fn free_aside_name(data_dir: &Path, now: DateTime<Utc>) -> String {
    let base = format!("{BEFORE_RESTORE_PREFIX}{}", now.format("%Y%m%dT%H%M%SZ"));
    let mut name = base.clone();
    let mut n = 1;
    while data_dir.join(&name).exists() {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

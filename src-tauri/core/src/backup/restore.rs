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

use super::manifest::{self, CopyError, DATABASE, KEY_FILE};
use crate::encryption::key_file::KeyFile;
use crate::encryption::{EncryptionError, MasterKey};
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
    restore_keyed(backup_dir, id, data_dir, now, running_schema, None)
}

/// [`restore`] with the master key of an encrypted Dossier (`None` when it is clear or
/// locked). What happens to the key file:
///
/// - An encrypted backup sealed under `master` (the same installation, whatever passphrase
///   changes since: a passphrase change re-wraps the same master key) is checked by decrypting
///   each object in memory, and the installation's current key file stays: the passphrase and
///   recovery key the candidate knows today keep working.
/// - Any other encrypted backup (into a clear Dossier, or one whose key changed since, when
///   encryption was turned off and on again) brings its own key file back: Dossier is then
///   locked, and opens with the passphrase or recovery key of the time the backup was made.
/// - A clear backup into an encrypted Dossier is refused
///   ([`crate::encryption::EncryptionError::ClearBackupWhileEncrypted`]): it would put the
///   data back in the clear. Turning encryption off first, then on again after, does it.
pub fn restore_keyed(
    backup_dir: &Path,
    id: &str,
    data_dir: &Path,
    now: DateTime<Utc>,
    running_schema: u32,
    master: Option<&MasterKey>,
) -> Result<PathBuf> {
    let mut steps = Steps(None);
    run(
        backup_dir,
        id,
        data_dir,
        now,
        running_schema,
        master,
        &mut steps,
    )
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
        None,
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
    master: Option<&MasterKey>,
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
    let encrypted_here = KeyFile::path_in(data_dir).exists();
    if manifest.sealed.is_none() && encrypted_here {
        return Err(EncryptionError::ClearBackupWhileEncrypted { id: id.to_string() }.into());
    }
    let vault_key = master.map(|m| m.vault_key());
    let same_key = match (&manifest.sealed, &vault_key) {
        (Some(sealed), Some(key)) => key.pool_id() == sealed.pool,
        _ => false,
    };

    let staging = data_dir.join(RESTORE_STAGING);
    remove_all(&staging)?;
    let staged_vault = staging.join(VAULT_FOLDER);
    fsio::private_dir_all(&staged_vault)
        .map_err(|e| Error::io(IoOp::CreateFolder, &staged_vault, e))?;

    let mut damaged = Vec::new();
    let staged = (|| -> Result<bool> {
        let staged_db = staging.join(DATABASE_FILE);
        let db_ok = copy_item(&folder.join(DATABASE), &staged_db, &manifest.database)?
            && match master {
                Some(master) if same_key => manifest::database_opens(&staged_db, master),
                _ => true,
            };
        if !db_ok {
            damaged.push(DATABASE.to_string());
        }
        if let Some(sealed) = &manifest.sealed
            && !same_key
            && !copy_item(
                &folder.join(KEY_FILE),
                &KeyFile::path_in(&staging),
                &sealed.key_file,
            )?
        {
            damaged.push(KEY_FILE.to_string());
        }
        if !steps.next() {
            return Ok(false);
        }
        let objects = manifest.objects_dir(backup_dir);
        let mut dirs = BTreeSet::new();
        for item in &manifest.files {
            let Some(rel) = manifest::object_rel(item) else {
                damaged.push(manifest::object_label_in(&manifest, item));
                continue;
            };
            let dest = staged_vault.join(&rel);
            let dir = dest.parent().unwrap_or(&staged_vault).to_path_buf();
            if dirs.insert(dir.clone()) {
                fsio::private_dir_all(&dir).map_err(|e| Error::io(IoOp::CreateFolder, &dir, e))?;
            }
            let ok = copy_item(&objects.join(&rel), &dest, item)?
                && match &vault_key {
                    Some(key) if same_key => manifest::opens_as(&dest, item, key),
                    _ => true,
                };
            if !ok {
                damaged.push(manifest::object_label_in(&manifest, item));
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
    // An encrypted backup's own key file (one whose key is not the installation's): the
    // current one is kept aside with the data it opens.
    if staging.join(KEY_FILE).exists() {
        moves.push((data_dir.join(KEY_FILE), aside.join(KEY_FILE)));
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

    // The key file last: until it is in place, a kill leaves the journal to finish the rest.
    for name in [VAULT_FOLDER, DATABASE_FILE, KEY_FILE] {
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
    let (sha256, size) = item.on_disk();
    match manifest::copy_checked(src, dest, sha256) {
        Ok(copied) if copied == size => Ok(true),
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

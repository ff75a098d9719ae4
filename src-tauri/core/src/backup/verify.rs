//! Re-reading a backup end to end.

use super::manifest::{self, BackupSummary, DATABASE, KEY_FILE};
use crate::encryption::MasterKey;
use crate::{Error, Result};
use std::path::Path;

/// Re-hashes everything backup `id` holds: its manifest, its database snapshot and every file.
/// `Error::BackupDamaged` names each part that fails; `Error::NotFound` when there is no such
/// backup. An encrypted backup is checked by its bytes only: [`verify_keyed`] opens it too.
pub fn verify(backup_dir: &Path, id: &str) -> Result<BackupSummary> {
    verify_keyed(backup_dir, id, None)
}

/// [`verify`] with the master key of an encrypted Dossier (`None` when encryption is off).
/// An encrypted backup sealed under that key is opened as well, in memory only: every object
/// is decrypted and its content checked against its hash, and the database is opened with
/// the key and read whole. A backup sealed under another key (encryption was turned off and on
/// again since) is checked by its bytes, as without a key.
pub fn verify_keyed(
    backup_dir: &Path,
    id: &str,
    master: Option<&MasterKey>,
) -> Result<BackupSummary> {
    let (folder, manifest) = manifest::load(backup_dir, id)?;
    let vault_key = master.map(|m| m.vault_key());
    let opens = match (&manifest.sealed, &vault_key) {
        (Some(sealed), Some(key)) => key.pool_id() == sealed.pool,
        _ => false,
    };
    let mut damaged = Vec::new();
    let database = folder.join(DATABASE);
    let database_ok = manifest::matches(&database, &manifest.database)
        && match master {
            Some(master) if opens => manifest::database_opens(&database, master),
            _ => true,
        };
    if !database_ok {
        damaged.push(DATABASE.to_string());
    }
    if let Some(sealed) = &manifest.sealed
        && !manifest::matches(&folder.join(KEY_FILE), &sealed.key_file)
    {
        damaged.push(KEY_FILE.to_string());
    }
    let objects = manifest.objects_dir(backup_dir);
    for item in &manifest.files {
        let ok = manifest::object_rel(item).is_some_and(|rel| {
            let path = objects.join(rel);
            manifest::matches(&path, item)
                && match &vault_key {
                    Some(key) if opens => manifest::opens_as(&path, item, key),
                    _ => true,
                }
        });
        if !ok {
            damaged.push(manifest::object_label_in(&manifest, item));
        }
    }
    if damaged.is_empty() {
        Ok(manifest.summary())
    } else {
        Err(Error::BackupDamaged {
            id: id.to_string(),
            items: damaged,
        })
    }
}

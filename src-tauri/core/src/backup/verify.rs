//! Re-reading a backup end to end.

use super::manifest::{self, BackupSummary, DATABASE, objects_dir};
use crate::{Error, Result};
use std::path::Path;

/// Re-hashes everything backup `id` holds: its manifest, its database snapshot and every file.
/// `Error::BackupDamaged` names each part that fails; `Error::NotFound` when there is no such
/// backup.
pub fn verify(backup_dir: &Path, id: &str) -> Result<BackupSummary> {
    let (folder, manifest) = manifest::load(backup_dir, id)?;
    let mut damaged = Vec::new();
    if !manifest::matches(&folder.join(DATABASE), &manifest.database) {
        damaged.push(DATABASE.to_string());
    }
    let objects = objects_dir(backup_dir);
    for item in &manifest.files {
        let ok = manifest::object_rel(item)
            .is_some_and(|rel| manifest::matches(&objects.join(rel), item));
        if !ok {
            damaged.push(manifest::object_label(item));
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

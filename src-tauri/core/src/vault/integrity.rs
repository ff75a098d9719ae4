//! The vault check: every row has its file, every file has a row, every file still has the
//! content it was stored under. It reports; it never deletes or repairs anything. Files no
//! document uses are removed only by [`remove_stray_files`], once the candidate confirmed them,
//! and only those that are still stray when it runs.

use super::model::MediaType;
use super::objects;
use crate::encryption::{EncryptionError, MasterKey};
use crate::error::IoOp;
use crate::store::Store;
use crate::{Error, Result};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IntegrityReport {
    pub documents_checked: u32,
    pub files_checked: u32,
    pub files_without_document: Vec<StrayFile>,
    pub documents_without_file: Vec<MissingFile>,
    pub damaged_files: Vec<DamagedFile>,
    /// The window words its summary from these counts and lists: nothing here is English.
    pub healthy: bool,
}

/// A file in the vault folder that no document uses, or that Dossier did not put there.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StrayFile {
    pub path: String,
    pub size_bytes: f64,
    pub why: StrayKind,
    /// A stored object no document uses: [`remove_stray_files`] may remove it. Anything else in
    /// the vault folder is not Dossier's to delete.
    pub removable: bool,
}

/// What a file no document uses is, as far as the check can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StrayKind {
    /// Left by an interrupted import: removed the next time Dossier starts.
    InterruptedImport,
    /// Not a file Dossier stored in its vault.
    NotStored,
    /// A stored object no document uses (an import may have stopped before saving its row);
    /// importing the same file again reuses it.
    Unused,
}

/// What is wrong with a damaged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    /// The content changed since it was imported: importing the original again repairs it.
    Changed,
    /// The file could not be read.
    Unreadable,
}

/// Why a path given to [`remove_stray_files`] was left where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StrayRefusal {
    /// Not directly inside one of the vault's two-digit object folders.
    OutsideObjects,
    /// Not named `<sha-256>.<extension>` in the folder of its first two digits.
    NotAnObjectName,
    /// A link, a folder or anything but a plain file.
    NotARegularFile,
    /// A document uses this content (it may have been imported since the check).
    InUse,
    /// Already gone.
    Missing,
    /// The removal itself failed.
    NotRemoved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LeftAlone {
    pub path: String,
    pub why: StrayRefusal,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StrayRemoval {
    pub removed: Vec<String>,
    pub bytes_removed: f64,
    pub left_alone: Vec<LeftAlone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MissingFile {
    pub document_id: u32,
    pub title: String,
    pub expected_path: String,
}

/// A stored file whose content no longer has the hash it was stored under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DamagedFile {
    pub path: String,
    pub expected_hash: String,
    /// `None` when the file could not be read at all.
    pub actual_hash: Option<String>,
    pub document_ids: Vec<u32>,
    pub why: Damage,
}

struct Row {
    id: u32,
    title: String,
    hash: String,
    media: Option<MediaType>,
}

/// Compares the rows in `store` with the files under `vault_dir`, re-hashing every stored file.
pub fn check_integrity(store: &Store, vault_dir: &Path) -> Result<IntegrityReport> {
    check_integrity_keyed(store, vault_dir, None)
}

/// [`check_integrity`] of a vault whose objects may be sealed under `key`: each is decrypted
/// to be hashed, and one that fails authentication is reported as changed, like a clear file
/// whose bytes no longer hash to its name.
pub(crate) fn check_integrity_keyed(
    store: &Store,
    vault_dir: &Path,
    key: Option<&MasterKey>,
) -> Result<IntegrityReport> {
    let rows = store.read(|c| {
        let mut stmt =
            c.prepare("SELECT id, title, content_hash, media_type FROM documents ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                title: r.get(1)?,
                hash: r.get(2)?,
                media: MediaType::from_mime(&r.get::<_, String>(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })?;
    let mut by_object: HashMap<(&str, MediaType), Vec<u32>> = HashMap::new();
    for row in &rows {
        if let Some(media) = row.media {
            by_object
                .entry((&row.hash, media))
                .or_default()
                .push(row.id);
        }
    }

    let mut report = IntegrityReport {
        documents_checked: count(rows.len()),
        files_checked: 0,
        files_without_document: Vec::new(),
        documents_without_file: Vec::new(),
        damaged_files: Vec::new(),
        healthy: true,
    };
    let mut present: HashSet<(String, MediaType)> = HashSet::new();
    for entry in read_dir(vault_dir)? {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_shard = name.len() == 2
            && name.bytes().all(|b| b.is_ascii_hexdigit())
            && name == name.to_ascii_lowercase();
        if path.is_dir() && is_shard {
            for object in read_dir(&path)? {
                check_object(
                    &object.path(),
                    &name,
                    &by_object,
                    &mut present,
                    &mut report,
                    key,
                );
            }
        } else if objects::is_temp_name(&name) {
            stray(&mut report, &path, StrayKind::InterruptedImport);
        } else {
            stray(&mut report, &path, StrayKind::NotStored);
        }
    }

    for row in &rows {
        let found = row
            .media
            .is_some_and(|m| present.contains(&(row.hash.clone(), m)));
        if !found {
            let expected_path = row
                .media
                .and_then(|m| objects::object_path(vault_dir, &row.hash, m).ok())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            report.documents_without_file.push(MissingFile {
                document_id: row.id,
                title: row.title.clone(),
                expected_path,
            });
        }
    }
    report
        .files_without_document
        .sort_by(|a, b| a.path.cmp(&b.path));
    report.damaged_files.sort_by(|a, b| a.path.cmp(&b.path));
    report.healthy = report.files_without_document.is_empty()
        && report.documents_without_file.is_empty()
        && report.damaged_files.is_empty();
    Ok(report)
}

fn check_object(
    path: &Path,
    shard: &str,
    by_object: &HashMap<(&str, MediaType), Vec<u32>>,
    present: &mut HashSet<(String, MediaType)>,
    report: &mut IntegrityReport,
    key: Option<&MasterKey>,
) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = name.split_once('.').and_then(|(stem, ext)| {
        let media = MediaType::from_extension(ext)?;
        (objects::is_hash(stem) && stem.starts_with(shard) && path.is_file())
            .then(|| (stem.to_string(), media))
    });
    let Some((hash, media)) = parsed else {
        stray(report, path, StrayKind::NotStored);
        return;
    };
    let Some(ids) = by_object.get(&(hash.as_str(), media)) else {
        stray(report, path, StrayKind::Unused);
        if let Some(last) = report.files_without_document.last_mut() {
            last.removable = fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
        }
        return;
    };
    report.files_checked += 1;
    match objects::hash_file(path, key) {
        Ok((actual, _)) if actual == hash => {}
        Err(e)
            if matches!(
                EncryptionError::from_io(&e),
                Some(e) if !matches!(e, EncryptionError::Locked)
            ) =>
        {
            report.damaged_files.push(DamagedFile {
                path: path.display().to_string(),
                expected_hash: hash.clone(),
                actual_hash: None,
                document_ids: ids.clone(),
                why: Damage::Changed,
            })
        }
        Ok((actual, _)) => report.damaged_files.push(DamagedFile {
            path: path.display().to_string(),
            expected_hash: hash.clone(),
            actual_hash: Some(actual),
            document_ids: ids.clone(),
            why: Damage::Changed,
        }),
        Err(_) => report.damaged_files.push(DamagedFile {
            path: path.display().to_string(),
            expected_hash: hash.clone(),
            actual_hash: None,
            document_ids: ids.clone(),
            why: Damage::Unreadable,
        }),
    }
    present.insert((hash, media));
}

fn stray(report: &mut IntegrityReport, path: &Path, why: StrayKind) {
    let size = fs::symlink_metadata(path).map(|m| m.len()).unwrap_or(0);
    report.files_without_document.push(StrayFile {
        path: path.display().to_string(),
        size_bytes: size as f64,
        why,
        removable: false,
    });
}

/// Removes the files at `paths` (as the check reported them, and the candidate confirmed) that
/// are, when this runs: plain files, directly in one of the vault's object folders, named like
/// a stored object, and used by no document. Every other path is left alone and reported with
/// the reason. The store is taken mutably so this runs under the write lock: no import can
/// commit a row for one of these files between the check and the removal.
pub fn remove_stray_files(
    store: &mut Store,
    vault_dir: &Path,
    paths: &[String],
) -> Result<StrayRemoval> {
    let root = vault_dir
        .canonicalize()
        .map_err(|e| Error::io(IoOp::ReadFolder, vault_dir, e))?;
    let mut outcome = StrayRemoval {
        removed: Vec::new(),
        bytes_removed: 0.0,
        left_alone: Vec::new(),
    };
    for text in paths {
        match remove_if_stray(store, &root, Path::new(text)) {
            Ok(size) => {
                outcome.removed.push(text.clone());
                outcome.bytes_removed += size as f64;
            }
            Err(why) => outcome.left_alone.push(LeftAlone {
                path: text.clone(),
                why,
            }),
        }
    }
    Ok(outcome)
}

/// The size of the removed file, or why it stays.
fn remove_if_stray(
    store: &Store,
    root: &Path,
    path: &Path,
) -> std::result::Result<u64, StrayRefusal> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StrayRefusal::Missing),
        Err(_) => return Err(StrayRefusal::NotRemoved),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let shard_dir = path.parent().ok_or(StrayRefusal::OutsideObjects)?;
    let shard = shard_dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let is_shard = shard.len() == 2
        && shard
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    // The object folder itself, with its links resolved, must be the vault's own: a link or
    // `..` cannot lead out of it.
    let in_objects = is_shard
        && shard_dir
            .canonicalize()
            .is_ok_and(|dir| dir == root.join(shard));
    if !in_objects {
        return Err(StrayRefusal::OutsideObjects);
    }
    let hash = name
        .split_once('.')
        .filter(|(stem, ext)| {
            objects::is_hash(stem)
                && stem.starts_with(shard)
                && MediaType::from_extension(ext).is_some()
        })
        .map(|(stem, _)| stem)
        .ok_or(StrayRefusal::NotAnObjectName)?;
    if !meta.is_file() {
        return Err(StrayRefusal::NotARegularFile);
    }
    // Any document with this content keeps the file, whatever type it was recorded as.
    let used = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM documents WHERE content_hash = ?1",
                [hash],
                |r| r.get::<_, u32>(0),
            )?)
        })
        .map_err(|_| StrayRefusal::NotRemoved)?;
    if used > 0 {
        return Err(StrayRefusal::InUse);
    }
    fs::remove_file(path).map_err(|_| StrayRefusal::NotRemoved)?;
    // The file is gone either way; a lost folder sync brings back a file the check lists again.
    let _ = crate::fsio::sync_dir(shard_dir);
    Ok(meta.len())
}

fn read_dir(dir: &Path) -> Result<Vec<fs::DirEntry>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(IoOp::ReadFolder, dir, e))?;
    entries
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::io(IoOp::ReadFolder, dir, e))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

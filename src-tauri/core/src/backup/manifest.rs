//! What a backup says it holds, where its parts live, and the checksums that prove them.

use crate::error::IoOp;
use crate::vault::{COPY_BUFFER_BYTES, hex, read_some};
use crate::{Error, Result, fsio};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// Bumped when the manifest changes in a way an older Dossier could misread: the newest this
/// build reads. A clear backup is still written as [`CLEAR_FORMAT`], which every Dossier reads;
/// an encrypted one as 2, which an older Dossier lists as damaged rather than misreads.
pub(crate) const FORMAT_VERSION: u32 = 2;
pub(crate) const CLEAR_FORMAT: u32 = 1;
pub(crate) const OBJECTS: &str = "objects";
/// The key file inside an encrypted backup's folder (the data folder's, copied as it is).
pub(crate) const KEY_FILE: &str = crate::encryption::key_file::KEY_FILE;
pub(crate) const BACKUPS: &str = "backups";
pub(crate) const DATABASE: &str = "dossier.db";
pub(crate) const MANIFEST: &str = "manifest.json";
pub(crate) const MANIFEST_SUM: &str = "manifest.sha256";

/// One backup as the candidate sees it in the list.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    /// The folder name under `backups/`: the creation time, `20261201T093000Z`.
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub app_version: String,
    pub schema_version: u32,
    pub vacancies: u32,
    pub applications: u32,
    pub documents: u32,
    /// Distinct stored files (several document versions may share one).
    pub files: u32,
    /// The size of the database snapshot and every file the backup holds.
    pub bytes: f64,
    /// What [`super::list`] found unreadable (only `manifest.json`: it does not re-hash), or what
    /// [`super::verify`] found damaged. Empty for a sound backup. A backup listed with a damaged
    /// manifest has its time from its id and zero counts.
    pub damaged: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Manifest {
    pub format: u32,
    pub id: String,
    pub app_version: String,
    pub schema_version: u32,
    pub created_at: DateTime<Utc>,
    pub vacancies: u32,
    pub applications: u32,
    pub documents: u32,
    /// The store's change stamp when the snapshot was taken (see `Store::change_stamp`).
    pub change_stamp: Option<String>,
    pub database: Item,
    /// Every stored file the database's documents name, by its path under `objects/` (the same
    /// path it has under the vault folder).
    pub files: Vec<Item>,
    /// Set for a backup of an encrypted Dossier: its objects are sealed, its database is
    /// SQLCipher's file, and its key file is in the backup's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

/// What an encrypted backup adds to its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Sealed {
    /// The sealing key's public name ([`crate::encryption::MasterKey::pool_id`]): the objects
    /// are under `objects-<pool>/`, apart from clear objects and from other keys' objects.
    pub pool: String,
    /// The key file as it was when the backup was made.
    pub key_file: Item,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Item {
    pub path: String,
    /// The content's hash: for a sealed object, of its decrypted content (its name).
    pub sha256: String,
    pub size: u64,
    /// A sealed object's file as stored, so it can be checked without the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored: Option<Stored>,
}

/// The bytes of a sealed object's file: checked without the key, before anything decrypts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Stored {
    pub sha256: String,
    pub size: u64,
}

impl Item {
    /// What the file holding this item hashes to, and its length: the sealed bytes' for a
    /// sealed object, else the content's.
    pub fn on_disk(&self) -> (&str, u64) {
        match &self.stored {
            Some(s) => (&s.sha256, s.size),
            None => (&self.sha256, self.size),
        }
    }
}

impl Manifest {
    pub fn summary(&self) -> BackupSummary {
        BackupSummary {
            id: self.id.clone(),
            created_at: self.created_at,
            app_version: self.app_version.clone(),
            schema_version: self.schema_version,
            vacancies: self.vacancies,
            applications: self.applications,
            documents: self.documents,
            files: self.files.len() as u32,
            bytes: (self.database.size + self.files.iter().map(|f| f.on_disk().1).sum::<u64>())
                as f64,
            damaged: Vec::new(),
        }
    }
}

pub(crate) fn backups_dir(backup_dir: &Path) -> PathBuf {
    backup_dir.join(BACKUPS)
}

pub(crate) fn objects_dir(backup_dir: &Path) -> PathBuf {
    backup_dir.join(OBJECTS)
}

/// The objects folder of an encrypted backup sealed under the key named `pool`.
pub(crate) fn sealed_objects_dir(backup_dir: &Path, pool: &str) -> PathBuf {
    backup_dir.join(format!("{OBJECTS}-{pool}"))
}

impl Manifest {
    /// Where this backup's objects are.
    pub fn objects_dir(&self, backup_dir: &Path) -> PathBuf {
        match &self.sealed {
            Some(sealed) => sealed_objects_dir(backup_dir, &sealed.pool),
            None => objects_dir(backup_dir),
        }
    }
}

/// Whether `pool` is a name [`crate::encryption::MasterKey::pool_id`] gives (a tampered
/// manifest must not lead outside the backup folder).
pub(crate) fn is_pool(pool: &str) -> bool {
    pool.len() == 16 && pool.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The folder of backup `id`, once `id` is known to be a plain name: an id comes from the UI and
/// must never lead outside the backup folder.
pub(crate) fn backup_path(backup_dir: &Path, id: &str) -> Result<PathBuf> {
    let plain = !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !plain {
        return Err(Error::NotFound(format!("The backup “{id}”")));
    }
    let path = backups_dir(backup_dir).join(id);
    if !path.is_dir() {
        return Err(Error::NotFound(format!("The backup “{id}”")));
    }
    Ok(path)
}

/// A file path from a manifest (`ab/<sha-256>.pdf`), checked to be one, so a tampered manifest
/// cannot name a file outside the objects folder.
pub(crate) fn object_rel(item: &Item) -> Option<PathBuf> {
    let (dir, name) = item.path.split_once('/')?;
    let (stem, ext) = name.split_once('.')?;
    let is_hash = stem.len() == 64 && stem.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let ok = is_hash
        && stem == item.sha256
        && dir == &stem[..2]
        && !ext.is_empty()
        && ext.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then(|| Path::new(dir).join(name))
}

/// Reads and checks a backup's manifest against its checksum file: `Err(())` when either is
/// missing, unreadable or they disagree.
pub(crate) fn read_manifest(folder: &Path) -> std::result::Result<Manifest, ()> {
    let id = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or(())?;
    read_manifest_as(folder, &id)
}

/// [`read_manifest`] of a backup still under its temporary name, which is to become `id`.
pub(crate) fn read_manifest_as(folder: &Path, id: &str) -> std::result::Result<Manifest, ()> {
    let bytes = fs::read(folder.join(MANIFEST)).map_err(|_| ())?;
    let sum = fs::read_to_string(folder.join(MANIFEST_SUM)).map_err(|_| ())?;
    if sum.trim() != hex(&Sha256::digest(&bytes)) {
        return Err(());
    }
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|_| ())?;
    if manifest.format > FORMAT_VERSION || manifest.id != id {
        return Err(());
    }
    if let Some(sealed) = &manifest.sealed
        && (!is_pool(&sealed.pool) || sealed.key_file.path != KEY_FILE)
    {
        return Err(());
    }
    Ok(manifest)
}

/// Writes the manifest and its checksum into `folder`. With [`Flush::ByCaller`] they are plain
/// writes, made durable by the caller's sync of the file system: `folder` is a backup still
/// under its temporary name, which nothing reads and the next start removes if it stays so.
pub(crate) fn write_manifest(folder: &Path, manifest: &Manifest, flush: Flush) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(manifest)
        .map_err(|e| Error::Internal(format!("the backup manifest could not be written: {e}")))?;
    let sum = format!("{}\n", hex(&Sha256::digest(&bytes)));
    for (name, content) in [(MANIFEST, bytes.as_slice()), (MANIFEST_SUM, sum.as_bytes())] {
        let path = folder.join(name);
        match flush {
            Flush::EachFile => fsio::write_atomic(&path, content)?,
            Flush::ByCaller => fsio::private::write_private(&path, content)
                .map_err(|e| Error::io(IoOp::Write, &path, e))?,
        }
    }
    Ok(())
}

/// Every backup, newest first. A backup whose manifest cannot be read is listed too, marked
/// damaged (`manifest.json`), with its time taken from its id: the candidate must see that it
/// exists and is unusable rather than wonder where it went. Backups still being written (their
/// temporary names) are not listed.
pub fn list(backup_dir: &Path) -> Result<Vec<BackupSummary>> {
    let mut out: Vec<BackupSummary> = listed(backup_dir)?
        .into_iter()
        .map(|(id, manifest)| match manifest {
            Ok(m) => m.summary(),
            Err(()) => damaged_summary(&id),
        })
        .collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(out)
}

/// Every backup folder's id with its manifest, in no particular order.
pub(crate) fn listed(
    backup_dir: &Path,
) -> Result<Vec<(String, std::result::Result<Manifest, ()>)>> {
    let dir = backups_dir(backup_dir);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(IoOp::Read, &dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(IoOp::Read, &dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_dir() {
            continue;
        }
        let manifest = read_manifest(&entry.path());
        out.push((name, manifest));
    }
    Ok(out)
}

pub(crate) fn damaged_summary(id: &str) -> BackupSummary {
    BackupSummary {
        id: id.to_string(),
        created_at: created_at_of_id(id).unwrap_or_default(),
        app_version: String::new(),
        schema_version: 0,
        vacancies: 0,
        applications: 0,
        documents: 0,
        files: 0,
        bytes: 0.0,
        damaged: vec![MANIFEST.to_string()],
    }
}

pub(crate) const ID_FORMAT: &str = "%Y%m%dT%H%M%SZ";

pub(crate) fn created_at_of_id(id: &str) -> Option<DateTime<Utc>> {
    let stamp = id.get(..16)?;
    NaiveDateTime::parse_from_str(stamp, ID_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

/// SHA-256 and size of a file, read once.
pub(crate) fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    let mut size = 0u64;
    loop {
        let n = read_some(&mut file, &mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex(&hasher.finalize()), size))
}

/// Whether the file at `path` is exactly `item` (for a sealed object: its sealed bytes).
pub(crate) fn matches(path: &Path, item: &Item) -> bool {
    let (sha256, size) = item.on_disk();
    matches!(hash_file(path), Ok((h, s)) if h == sha256 && s == size)
}

/// Whether the sealed object at `path` decrypts, in memory, under `vault_key` to exactly
/// `item`'s content. Nothing decrypted is written anywhere.
pub(crate) fn opens_as(path: &Path, item: &Item, vault_key: &crate::encryption::MasterKey) -> bool {
    if !crate::encryption::at_rest::starts_sealed(path).unwrap_or(false) {
        return false;
    }
    let hashed = (|| -> io::Result<(String, u64)> {
        let mut reader = crate::vault::open_stored(path, Some(vault_key))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; COPY_BUFFER_BYTES];
        let mut size = 0u64;
        loop {
            let n = read_some(&mut *reader, &mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            hasher.update(&buf[..n]);
        }
        Ok((hex(&hasher.finalize()), size))
    })();
    matches!(hashed, Ok((h, s)) if h == item.sha256 && s == item.size)
}

/// Whether the SQLCipher database at `path` opens with `master`'s database key and reads back
/// whole (every page is authenticated as it is read). Opened read-only and immutable: the
/// backup's file is never written, and no `-wal` or `-shm` appears beside it.
pub(crate) fn database_opens(path: &Path, master: &crate::encryption::MasterKey) -> bool {
    use rusqlite::{Connection, OpenFlags};
    let Some(text) = path.to_str() else {
        return false;
    };
    let uri = format!(
        "file:{}?immutable=1",
        text.replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    let Ok(conn) = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    ) else {
        return false;
    };
    if crate::encryption::apply_key(&conn, master).is_err() {
        return false;
    }
    conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|r| r == "ok")
}

/// What went wrong copying one file: the source did not match its checksum, or the disk failed.
pub(crate) enum CopyError {
    Mismatch,
    Io(io::Error),
}

/// Who makes a copied file durable: the copy itself, before its rename, or the caller, with one
/// sync of the whole file system once every file is written ([`fsio::sync_file_system`]). A
/// backup writes many files: a sync each, and one per folder, would cost a journal commit each,
/// where `cp -r` and then `sync` pays for one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Flush {
    EachFile,
    ByCaller,
}

impl Flush {
    /// [`Flush::ByCaller`] where one call makes a whole file system durable, else each file.
    pub(crate) fn cheapest() -> Flush {
        if fsio::SYNCS_FILE_SYSTEM {
            Flush::ByCaller
        } else {
            Flush::EachFile
        }
    }
}

/// Copies `src` to `dest` through a temporary name beside it, checking the bytes against
/// `sha256` on the way and syncing the file before the rename; the folder is synced by the
/// caller, once for many files. `dest` appears complete and correct, or not at all.
pub(crate) fn copy_checked(
    src: &Path,
    dest: &Path,
    sha256: &str,
) -> std::result::Result<u64, CopyError> {
    let temp = fsio::temp_path_beside(dest);
    let size = copy_checked_to(src, &temp, sha256, Flush::EachFile)?;
    fs::rename(&temp, dest).map_err(|e| {
        let _ = fs::remove_file(&temp);
        CopyError::Io(e)
    })?;
    Ok(size)
}

/// Copies `src` into the new file `temp`, checking the bytes against `sha256` on the way, and
/// leaves it there for the caller to rename once it is durable; on any failure `temp` is gone.
/// A backup writes its objects inside its own recorded temporary folder this way, so that a
/// kill leaves them where the next start's clean-up removes them.
pub(crate) fn copy_checked_to(
    src: &Path,
    temp: &Path,
    sha256: &str,
    flush: Flush,
) -> std::result::Result<u64, CopyError> {
    let copied = copy_to_temp(src, temp, flush);
    match copied {
        Ok((h, size)) if h == sha256 => Ok(size),
        failed => {
            let _ = fs::remove_file(temp);
            Err(match failed {
                Err(e) => CopyError::Io(e),
                Ok(_) => CopyError::Mismatch,
            })
        }
    }
}

/// Copies `src` to `dest` through a temporary name beside it, synced unless `flush` leaves that
/// to the caller; returns the bytes copied. For a file whose checksum the caller takes itself,
/// from `src` and on another thread, while this copy runs.
pub(crate) fn copy_plain(src: &Path, dest: &Path, flush: Flush) -> io::Result<u64> {
    let temp = fsio::temp_path_beside(dest);
    let done = write_copy(src, &temp, flush).and_then(|n| {
        fs::rename(&temp, dest)?;
        Ok(n)
    });
    if done.is_err() {
        let _ = fs::remove_file(&temp);
    }
    done
}

/// Copies `src` into the new file `temp`, leaving the copy to the kernel (`copy_file_range` on
/// Linux, as `cp` does), and syncs it unless `flush` leaves that to the caller.
fn write_copy(src: &Path, temp: &Path, flush: Flush) -> io::Result<u64> {
    let mut source = File::open(src)?;
    let mut out = fsio::create_new_private(temp)?;
    let n = io::copy(&mut source, &mut out)?;
    if flush == Flush::EachFile {
        out.sync_all()?;
    }
    Ok(n)
}

/// [`write_copy`] of `src` to `temp` while another thread hashes `src`, so a copy costs about
/// what copying does rather than copying plus hashing. `src` does not change meanwhile (a
/// vault object never does), and a copy of another length than what was hashed is an error.
pub(crate) fn copy_to_temp(src: &Path, temp: &Path, flush: Flush) -> io::Result<(String, u64)> {
    std::thread::scope(|scope| {
        let hashing = scope.spawn(|| hash_file(src));
        let copied = write_copy(src, temp, flush);
        let hashed = hashing
            .join()
            .map_err(|_| io::Error::other("the hashing thread stopped"))?;
        let (hash, size) = hashed?;
        if copied? != size {
            return Err(io::Error::other(format!(
                "{} changed while it was copied",
                src.display()
            )));
        }
        Ok((hash, size))
    })
}

/// Removes what a killed backup or prune left under temporary names in `dir`.
pub(crate) fn remove_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(fsio::TEMP_PREFIX) && name.ends_with(".partial") {
            let path = entry.path();
            let _ = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
        }
    }
}

/// Backup `id`'s folder and manifest; a manifest that cannot be read makes the whole backup
/// damaged, as nothing it holds can be checked without it.
pub(crate) fn load(backup_dir: &Path, id: &str) -> Result<(PathBuf, Manifest)> {
    let folder = backup_path(backup_dir, id)?;
    let manifest = read_manifest(&folder).map_err(|()| Error::BackupDamaged {
        id: id.to_string(),
        items: vec![MANIFEST.to_string()],
    })?;
    Ok((folder, manifest))
}

/// How a damaged object is named to the candidate: its path inside the backup folder.
pub(crate) fn object_label(item: &Item) -> String {
    format!("{OBJECTS}/{}", item.path)
}

/// [`object_label`] for an object of `manifest`, in its own objects folder.
pub(crate) fn object_label_in(manifest: &Manifest, item: &Item) -> String {
    match &manifest.sealed {
        Some(sealed) => format!("{OBJECTS}-{}/{}", sealed.pool, item.path),
        None => object_label(item),
    }
}

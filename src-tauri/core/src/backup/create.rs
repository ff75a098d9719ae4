//! Writing a backup, and deciding when the next one is due.

use super::manifest::{
    self, DATABASE, FORMAT_VERSION, ID_FORMAT, Item, Manifest, backups_dir, objects_dir,
};
use crate::error::IoOp;
use crate::fsio::journal::TempKind;
use crate::store::Store;
use crate::vault::{self, MediaType, Vault};
use crate::{Error, Result, fsio};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// One stored file the database names, with a title to name it by if it cannot be read.
struct Named {
    hash: String,
    media: MediaType,
    size: u64,
    title: String,
}

/// What is read from the store in one go, before anything is written.
struct Facts {
    schema_version: u32,
    vacancies: u32,
    applications: u32,
    documents: u32,
    change_stamp: Option<String>,
    files: Vec<Named>,
}

/// Backs up the database and every file its documents name into `backup_dir`. The backup
/// appears in [`super::list`] only once it is complete, synced and checked; a failure leaves
/// nothing but objects later backups can reuse (and [`super::prune`] removes if none does).
///
/// A document whose stored file is missing or damaged fails the backup, naming it: a backup
/// that silently lacked a scan would be found out only when it is needed.
pub fn create(
    store: &Store,
    vault: &Vault,
    backup_dir: &Path,
    now: DateTime<Utc>,
    app_version: &str,
) -> Result<super::BackupSummary> {
    make(store, vault, backup_dir, now, app_version, false)
        .map(|made| made.expect("an uninterrupted backup runs to the end"))
}

/// For crash tests: [`create`], stopped as if the process were killed once the snapshot and
/// every object are written, just before the backup would get its name. Nothing is cleaned up;
/// that is left to the next start's `journal::clean_up`.
#[doc(hidden)]
pub fn create_killed_before_rename(
    store: &Store,
    vault: &Vault,
    backup_dir: &Path,
    now: DateTime<Utc>,
    app_version: &str,
) -> Result<()> {
    make(store, vault, backup_dir, now, app_version, true).map(|_| ())
}

fn make(
    store: &Store,
    vault: &Vault,
    backup_dir: &Path,
    now: DateTime<Utc>,
    app_version: &str,
    killed: bool,
) -> Result<Option<super::BackupSummary>> {
    let backups = backups_dir(backup_dir);
    // An encrypted vault's objects are copied sealed, as they are, into the folder of their
    // key: never decrypted to disk, and never mixed with clear objects or another key's.
    let pool = vault.key().map(|key| key.pool_id());
    let objects = match &pool {
        Some(pool) => manifest::sealed_objects_dir(backup_dir, pool),
        None => objects_dir(backup_dir),
    };
    for dir in [&backups, &objects] {
        fsio::private_dir_all(dir).map_err(|e| Error::io(IoOp::CreateFolder, dir, e))?;
    }
    manifest::remove_temps(&backups);
    // Backups written before files were private become so (the candidate's chosen folder
    // itself is theirs, and keeps its mode). Cheap: one `lstat` per file, and no change after
    // the first time.
    for dir in [&backups, &objects] {
        fsio::private::make_private(dir);
    }

    let facts = read_facts(store)?;
    let id = free_id(&backups, now);
    // Recorded in the data folder's write journal before it exists: a kill while the backup is
    // written leaves nothing in the candidate's backup folder once the next start has run.
    let pending = vault
        .journal()
        .begin(&backups.join(&id), TempKind::Folder)?;
    let temp = pending.temp().to_path_buf();
    fsio::private_dir(&temp).map_err(|e| Error::io(IoOp::Write, &backups, e))?;
    let written = write_into(
        store,
        vault,
        &Target {
            backup_dir,
            objects: &objects,
            pool: pool.as_deref(),
        },
        &temp,
        &id,
        now,
        app_version,
        facts,
    );
    // On an early return `pending` is dropped unfinished and removes the temporary folder.
    let manifest = written?;
    if killed {
        std::mem::forget(pending);
        return Ok(None);
    }
    let dest = backups.join(&id);
    fs::rename(&temp, &dest).map_err(|e| Error::io(IoOp::Write, &dest, e))?;
    fsio::sync_dir(&backups)?;
    pending.finish();
    Ok(Some(manifest.summary()))
}

/// Where a backup's parts go: the backup folder, the objects folder its vault's objects go
/// to, and (encrypted) the sealing key's public name.
struct Target<'a> {
    backup_dir: &'a Path,
    objects: &'a Path,
    pool: Option<&'a str>,
}

#[allow(clippy::too_many_arguments)]
fn write_into(
    store: &Store,
    vault: &Vault,
    target: &Target<'_>,
    temp: &Path,
    id: &str,
    now: DateTime<Utc>,
    app_version: &str,
    facts: Facts,
) -> Result<Manifest> {
    let flush = manifest::Flush::cheapest();
    let objects = target.objects.to_path_buf();
    // A sealed object's bytes are hashed when first copied, and the hash is found again in the
    // manifests that name it: reusing it costs no re-read.
    let known = match target.pool {
        Some(pool) => known_sealed(target.backup_dir, pool)?,
        None => Default::default(),
    };
    let mut touched: BTreeSet<PathBuf> = BTreeSet::new();
    let mut files = Vec::with_capacity(facts.files.len());
    let mut jobs = Vec::new();
    for named in &facts.files {
        let src = vault::object_path(vault.dir(), &named.hash, named.media)?;
        let dest = vault::object_path(&objects, &named.hash, named.media)?;
        let path = format!(
            "{}/{}.{}",
            &named.hash[..2],
            named.hash,
            named.media.extension()
        );
        let stored = known.get(&path).cloned();
        let on_disk = match target.pool {
            Some(_) => crate::encryption::sealed::sealed_len(named.size),
            None => named.size,
        };
        // Objects are never changed once written, so one already there from an earlier backup
        // is reused; `verify` re-hashes it, and a damaged one is named there. A sealed one is
        // reused only when a manifest gives its bytes' hash.
        let present = (target.pool.is_none() || stored.as_ref().is_some_and(|s| s.size == on_disk))
            && fs::metadata(&dest).is_ok_and(|m| m.is_file() && m.len() == on_disk);
        let item = Item {
            path,
            sha256: named.hash.clone(),
            size: named.size,
            stored: if present { stored } else { None },
        };
        if !present {
            let dir = dest.parent().unwrap_or(&objects);
            if touched.insert(dir.to_path_buf()) {
                fsio::private_dir_all(dir).map_err(|e| Error::io(IoOp::CreateFolder, dir, e))?;
            }
            // Written inside the backup's temporary folder, then renamed into `objects/`.
            let staged = temp.join(dest.file_name().unwrap_or_default());
            jobs.push(Job {
                src,
                staged,
                dest,
                named,
                index: files.len(),
                sealing: vault.key(),
                stored: std::sync::OnceLock::new(),
            });
        }
        files.push(item);
    }

    let db_path = temp.join(DATABASE);
    let database = copy_database_and_objects(store, &db_path, temp, &jobs, flush)?;
    if target.pool.is_some() {
        // `VACUUM INTO` (the slow path) copies under the connection's key; a clear file here
        // would be the database in the clear, which must never reach a backup.
        if looks_clear_sqlite(&db_path) {
            return Err(Error::Internal(
                "the database copy of an encrypted Dossier came out clear".into(),
            ));
        }
        for job in &jobs {
            files[job.index].stored = job.stored.get().cloned();
        }
    }
    let sealed = match target.pool {
        Some(pool) => Some(manifest::Sealed {
            pool: pool.to_string(),
            key_file: copy_key_file(vault.data_folder(), temp, flush)?,
        }),
        None => None,
    };
    // Only durable objects get their name under `objects/`, where later backups reuse them on
    // sight: one left there half-written by a power cut would be taken as sound.
    for job in &jobs {
        fs::rename(&job.staged, &job.dest).map_err(|e| Error::io(IoOp::Write, &job.dest, e))?;
    }
    if flush == manifest::Flush::EachFile {
        for dir in &touched {
            fsio::sync_dir(dir)?;
        }
        if !touched.is_empty() {
            fsio::sync_dir(&objects)?;
        }
    }

    let manifest = Manifest {
        format: if sealed.is_some() {
            FORMAT_VERSION
        } else {
            manifest::CLEAR_FORMAT
        },
        id: id.to_string(),
        app_version: app_version.to_string(),
        schema_version: facts.schema_version,
        created_at: now,
        vacancies: facts.vacancies,
        applications: facts.applications,
        documents: facts.documents,
        change_stamp: facts.change_stamp,
        database,
        files,
        sealed,
    };
    manifest::write_manifest(temp, &manifest, flush)?;
    if flush == manifest::Flush::ByCaller {
        // The objects' new names and the manifest, in one more (small) journal commit.
        fsio::sync_file_system(temp)?;
    } else {
        fsio::sync_dir(temp)?;
    }
    check_written(target.backup_dir, temp, &manifest)?;
    Ok(manifest)
}

/// Whether the file at `path` starts as a clear SQLite database does.
fn looks_clear_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// The data folder's key file, copied into the backup as it is (the master key wrapped under
/// the passphrase and the recovery key of the moment): the backup opens with those.
fn copy_key_file(data_dir: &Path, temp: &Path, flush: manifest::Flush) -> Result<Item> {
    let src = crate::encryption::key_file::KeyFile::path_in(data_dir);
    let dest = temp.join(manifest::KEY_FILE);
    let bytes = fs::read(&src).map_err(|e| Error::io(IoOp::Read, &src, e))?;
    // Read whole and checked before it is copied: a backup with a damaged key file would open
    // with nothing.
    crate::encryption::key_file::KeyFile::from_bytes(&bytes, &src)?;
    match flush {
        manifest::Flush::EachFile => fsio::write_atomic(&dest, &bytes)?,
        manifest::Flush::ByCaller => fsio::private::write_private(&dest, &bytes)
            .map_err(|e| Error::io(IoOp::Write, &dest, e))?,
    }
    Ok(Item {
        path: manifest::KEY_FILE.to_string(),
        sha256: crate::vault::sha256_hex(&bytes),
        size: bytes.len() as u64,
        stored: None,
    })
}

/// The bytes' hash of every sealed object the readable manifests of `pool` name.
fn known_sealed(
    backup_dir: &Path,
    pool: &str,
) -> Result<std::collections::BTreeMap<String, manifest::Stored>> {
    let mut known = std::collections::BTreeMap::new();
    for (_, m) in manifest::listed(backup_dir)? {
        let Ok(m) = m else { continue };
        if m.sealed.as_ref().is_none_or(|s| s.pool != pool) {
            continue;
        }
        for item in m.files {
            if let Some(stored) = item.stored {
                known.insert(item.path, stored);
            }
        }
    }
    Ok(known)
}

/// Copies the database into the backup as one consistent snapshot, and the objects it lacks to
/// their staged names, leaving every file durable. The fast path copies the database file
/// itself while the store holds it still, with the objects on other threads, and a last
/// thread hashes it meanwhile: the copies and then the one sync of the file system run while
/// SHA-256 reads, so the backup costs about what its slowest part does, not their sum. When the
/// file cannot be held still, SQLite's own copy is taken and everything runs in turn.
fn copy_database_and_objects(
    store: &Store,
    db_path: &Path,
    temp: &Path,
    jobs: &[Job<'_>],
    flush: manifest::Flush,
) -> Result<Item> {
    let item = |(sha256, size)| Item {
        path: DATABASE.to_string(),
        sha256,
        size,
        stored: None,
    };
    let quiet = store.with_quiet_file(|live| {
        std::thread::scope(|scope| {
            let hashing = scope.spawn(|| manifest::hash_file(live));
            let objects = scope.spawn(|| copy_objects(jobs, flush));
            let copied = manifest::copy_plain(live, db_path, flush)
                .map_err(|e| Error::io(IoOp::Write, db_path, e));
            let objects = objects
                .join()
                .unwrap_or_else(|_| Err(Error::Internal("a backup copy stopped".into())));
            let synced = match (&copied, &objects) {
                (Ok(_), Ok(())) if flush == manifest::Flush::ByCaller => {
                    fsio::sync_file_system(temp)
                }
                _ => Ok(()),
            };
            let hashed = hashing
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the hashing thread stopped")))
                .map_err(|e| Error::io(IoOp::Read, live, e));
            objects?;
            let copied = copied?;
            synced?;
            let (sha256, size) = hashed?;
            if copied != size {
                // Held still by the store, the file cannot change: a disk that reads back
                // another length is failing.
                return Err(Error::io(
                    IoOp::Copy,
                    live,
                    std::io::Error::other("the file changed while it was copied"),
                ));
            }
            Ok(item((sha256, size)))
        })
    })?;
    if let Some(database) = quiet {
        return Ok(database);
    }
    copy_objects(jobs, flush)?;
    store.backup_to(db_path)?;
    let hashed = manifest::hash_file(db_path).map_err(|e| Error::io(IoOp::Read, db_path, e))?;
    if flush == manifest::Flush::ByCaller {
        fsio::sync_file_system(temp)?;
    }
    Ok(item(hashed))
}

/// The last look before the backup gets its name: the manifest reads back as written, and the
/// snapshot and every object it names are there at their size. Their content is not read again
/// here: what this backup wrote was hashed from the very bytes written, before they were synced
/// (a re-read now would only come back from the page cache); [`super::verify`] reads it all.
fn check_written(backup_dir: &Path, temp: &Path, written: &Manifest) -> Result<()> {
    let mut damaged = Vec::new();
    match manifest::read_manifest_as(temp, &written.id) {
        Ok(m) if m.files == written.files && m.database == written.database => {}
        _ => damaged.push(manifest::MANIFEST.to_string()),
    }
    if !fs::metadata(temp.join(DATABASE)).is_ok_and(|m| m.len() == written.database.size) {
        damaged.push(DATABASE.to_string());
    }
    if let Some(sealed) = &written.sealed
        && !fs::metadata(temp.join(manifest::KEY_FILE))
            .is_ok_and(|m| m.len() == sealed.key_file.size)
    {
        damaged.push(manifest::KEY_FILE.to_string());
    }
    let objects = written.objects_dir(backup_dir);
    for item in &written.files {
        let ok = manifest::object_rel(item).is_some_and(|rel| {
            fs::metadata(objects.join(rel)).is_ok_and(|m| m.len() == item.on_disk().1)
        });
        if !ok {
            damaged.push(manifest::object_label_in(written, item));
        }
    }
    if damaged.is_empty() {
        Ok(())
    } else {
        Err(Error::BackupDamaged {
            id: written.id.clone(),
            items: damaged,
        })
    }
}

/// One object a backup lacks: copied from the vault to `staged` (inside the backup's temporary
/// folder), then renamed to `dest` under `objects/` once durable.
struct Job<'a> {
    src: PathBuf,
    staged: PathBuf,
    dest: PathBuf,
    named: &'a Named,
    /// Its place in the manifest's files.
    index: usize,
    /// The vault's key, when objects are sealed: copied as they are, then checked by
    /// decrypting the copy in memory.
    sealing: Option<&'a crate::encryption::MasterKey>,
    /// A sealed object's bytes, once copied.
    stored: std::sync::OnceLock<manifest::Stored>,
}

/// How many objects are copied at once: each copy ends with a sync, and syncs made together
/// share the file system's journal commits, where one after another each waits for its own.
const PARALLEL_COPIES: usize = 4;

/// Copies the objects a backup lacks to their staged names, each checked against its hash (and
/// synced, unless `flush` leaves that to the caller); the first failure is returned, naming the
/// document whose file it was.
fn copy_objects(jobs: &[Job<'_>], flush: manifest::Flush) -> Result<()> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let copy_one = |job: &Job<'_>| -> Result<()> {
        let Job {
            src,
            staged,
            dest,
            named,
            sealing,
            stored,
            ..
        } = job;
        if let Some(key) = sealing {
            return copy_sealed(src, staged, dest, named, key, stored, flush);
        }
        match manifest::copy_checked_to(src, staged, &named.hash, flush) {
            Ok(_) => Ok(()),
            Err(manifest::CopyError::Mismatch) => Err(vault::damaged(src, &named.title)),
            Err(manifest::CopyError::Io(e)) if !src.is_file() => {
                Err(vault::missing_or_unreadable(src, &named.title, e))
            }
            Err(manifest::CopyError::Io(e)) => Err(Error::io(IoOp::Write, dest, e)),
        }
    };
    let worker = || -> Result<()> {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                return Ok(());
            };
            if let Err(e) = copy_one(job) {
                // The others stop at their next job.
                next.store(jobs.len(), std::sync::atomic::Ordering::Relaxed);
                return Err(e);
            }
        }
    };
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..PARALLEL_COPIES.min(jobs.len()))
            .map(|_| scope.spawn(worker))
            .collect();
        let mut first = Ok(());
        for thread in threads {
            let done = thread
                .join()
                .unwrap_or_else(|_| Err(Error::Internal("a backup copy stopped".into())));
            if first.is_ok() {
                first = done;
            }
        }
        first
    })
}

/// Copies a sealed object as it is, hashing its bytes on the way, then decrypts the copy in
/// memory to check it against the content's hash: a backup never holds an object it could not
/// give back.
fn copy_sealed(
    src: &Path,
    staged: &Path,
    dest: &Path,
    named: &Named,
    key: &crate::encryption::MasterKey,
    stored: &std::sync::OnceLock<manifest::Stored>,
    flush: manifest::Flush,
) -> Result<()> {
    let (sha256, size) = match manifest::copy_to_temp(src, staged, flush) {
        Ok(copied) => copied,
        Err(e) => {
            let _ = fs::remove_file(staged);
            return Err(if src.is_file() {
                Error::io(IoOp::Write, dest, e)
            } else {
                vault::missing_or_unreadable(src, &named.title, e)
            });
        }
    };
    let item = Item {
        path: String::new(),
        sha256: named.hash.clone(),
        size: named.size,
        stored: None,
    };
    if !manifest::opens_as(staged, &item, key) {
        let _ = fs::remove_file(staged);
        return Err(vault::damaged(src, &named.title));
    }
    let _ = stored.set(manifest::Stored { sha256, size });
    Ok(())
}

fn read_facts(store: &Store) -> Result<Facts> {
    let change_stamp = store.change_stamp()?;
    let schema_version = store.schema_version()?;
    let overview = store.overview()?;
    let files =
        store.read(|c| {
            let mut stmt = c.prepare(
                "SELECT content_hash, media_type, max(size_bytes), min(title) FROM documents
             GROUP BY content_hash, media_type ORDER BY content_hash",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            let mut files = Vec::new();
            for row in rows {
                let (hash, mime, size, title) = row?;
                let media = MediaType::from_mime(&mime).ok_or_else(|| {
                Error::field(
                    "document", crate::error::FieldProblem::StoredDamaged { detail: mime.clone() },
                    format!(
                        "“{title}” has an unknown file type “{mime}”; the database may be damaged"
                    ),
                )
            })?;
                files.push(Named {
                    hash,
                    media,
                    size: size.max(0) as u64,
                    title,
                });
            }
            Ok(files)
        })?;
    Ok(Facts {
        schema_version,
        vacancies: overview.vacancies,
        applications: overview.applications,
        documents: overview.documents,
        change_stamp,
        files,
    })
}

/// The id for a backup made at `now`: its time, with a counter when one was already made in
/// the same second.
fn free_id(backups: &Path, now: DateTime<Utc>) -> String {
    let base = now.format(ID_FORMAT).to_string();
    let mut id = base.clone();
    let mut n = 1;
    while backups.join(&id).exists() {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Whether an automatic backup should run now: when there is no backup at all and the candidate
/// has something to lose (a profile, a vacancy, an application or a document; a backup of a
/// fresh, empty Dossier would only be pruned later), or when the data changed since the newest
/// backup and that one is at least a day old ("after changes, at most daily"). A change is told by the store's change stamp, which every write that changes a row
/// renews and each manifest records, so it holds across restarts and after a restore.
pub fn is_due(store: &Store, backup_dir: &Path, now: DateTime<Utc>) -> Result<bool> {
    let newest = manifest::listed(backup_dir)?
        .into_iter()
        .filter_map(|(_, m)| m.ok())
        .max_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let Some(newest) = newest else {
        let held = store.overview()?;
        return Ok(held.profile_started
            || held.vacancies > 0
            || held.applications > 0
            || held.documents > 0);
    };
    if newest.change_stamp == store.change_stamp()? {
        return Ok(false);
    }
    Ok(now - newest.created_at >= Duration::days(1))
}

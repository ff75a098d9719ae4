//! The SQLite store: one file in the app-data folder, in WAL mode with foreign keys enforced,
//! brought up to date by forward-only migrations compiled into the binary.

use crate::encryption::key_file::KeyFile;
use crate::encryption::{EncryptionError, MasterKey, at_rest};
use crate::error::IoOp;
use crate::error::is_corruption;
use crate::fsio::journal::{Journal, TempKind};
use crate::models::{Overview, StoreInfo};
use crate::{Error, Result, fsio};
use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::{M, Migrations};
use std::path::{Path, PathBuf};

pub(crate) mod text;

pub const DATABASE_FILE: &str = "dossier.db";

/// Applied in order, never edited once released: a database remembers how far it got in
/// `PRAGMA user_version`.
static MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_initial.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0002_vacancies.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0003_profile.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0004_vault.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0005_applications.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0006_notice_files.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0007_search.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0008_form_ticks.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0009_made_files.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0010_list_indexes.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0011_form_entry_ticks.sql")).foreign_key_check(),
];

/// Makes the database at `path` private before SQLite opens it: created `0600` when missing (an
/// empty file is a new database to SQLite), tightened otherwise, with the side files SQLite
/// keeps beside it, which SQLite then creates with the database's own mode. Best effort: a
/// file that cannot be created or changed is for SQLite's open to report, or is not Dossier's.
fn make_database_private(path: &Path) {
    if fsio::create_new_private(path).is_err() {
        let _ = fsio::private::tighten(path);
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_os_string();
        side.push(suffix);
        let _ = fsio::private::tighten(Path::new(&side));
    }
}

/// The schema version this build writes.
pub fn latest_schema_version() -> u32 {
    MIGRATIONS.len() as u32
}

fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Inside [`Store::write_batch`]: each write is a savepoint of the batch's transaction.
    in_batch: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    /// A damaged file or one from a newer Dossier is refused and left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_keyed(path, None)
    }

    /// [`Store::open`] for a database encrypted with SQLCipher under a key derived from `key`
    /// (with `None`, a clear database, as [`Store::open`]). A database that is encrypted (its
    /// installation has a key file) is refused as [`EncryptionError::Locked`] without a key, and
    /// one that does not open with the key as [`EncryptionError::DatabaseKeyMismatch`]: never
    /// taken for a damaged file, which the shell would set aside.
    pub fn open_keyed(path: &Path, key: Option<&MasterKey>) -> Result<Store> {
        if key.is_none() && is_encrypted_installation(path) {
            return Err(EncryptionError::Locked.into());
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fsio::private_dir_all(dir).map_err(|e| Error::io(IoOp::CreateFolder, dir, e))?;
        }
        make_database_private(path);
        let conn = Connection::open(path).map_err(|e| corrupt_or(e, path))?;
        if let Some(key) = key {
            crate::encryption::apply_key(&conn, key)?;
            if check_readable(&conn).is_err() {
                return Err(EncryptionError::DatabaseKeyMismatch {
                    path: path.to_path_buf(),
                }
                .into());
            }
        }
        Store::prepare(conn, path.to_path_buf())
    }

    /// A private in-memory store, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn prepare(mut conn: Connection, path: PathBuf) -> Result<Store> {
        // Closing the last connection checkpoints the WAL into the file and deletes the WAL. A
        // file refused below must stay exactly as it was, WAL and all (it is set aside or
        // restored over, never half-repaired), so that waits until the file is known to be ours.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        let found = check_readable(&conn).map_err(|e| corrupt_or(e, &path))?;
        let supported = latest_schema_version();
        if found > supported {
            return Err(Error::SchemaTooNew { found, supported });
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        // Pragmas are set only once the file is known to be ours to write: switching journal
        // mode on a damaged or newer file would already change it on disk.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| corrupt_or(e, &path))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // FULL syncs the WAL at every commit: with NORMAL, a power cut can drop the last
        // transactions the candidate was told were saved. `make bench` prints the cost
        // (write_p50_ms_full against write_p50_ms_normal).
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } if is_corruption(&err) => {
                corrupt_or(err, &path)
            }
            other => Error::Migration(other.to_string()),
        })?;
        Ok(Store {
            conn,
            path,
            in_batch: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn info(&self) -> Result<StoreInfo> {
        Ok(StoreInfo {
            database_path: self.path.display().to_string(),
            schema_version: self.schema_version()?,
        })
    }

    /// Runs `f` in one transaction: everything it writes lands, or nothing does. Inside
    /// [`Store::write_batch`] it is a savepoint of the batch's one transaction instead: the same
    /// all-or-nothing for this write, without a commit (and its fsync) of its own.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.in_batch {
            let result = (|| {
                let sp = self.conn.savepoint()?;
                let value = f(&sp)?;
                sp.commit()?;
                Ok(value)
            })();
            return result.map_err(|e| self.reclassify(e));
        }
        let result = (|| {
            let tx = self.conn.transaction()?;
            let before = tx.total_changes();
            let value = f(&tx)?;
            // Any row written gets a fresh stamp in the same transaction, so "changed since the
            // last backup" survives restarts and covers every table, present and future.
            if tx.total_changes() != before {
                stamp_change(&tx)?;
            }
            tx.commit()?;
            Ok(value)
        })();
        result.map_err(|e| self.reclassify(e))
    }

    /// Runs `f`, and every [`Store::write`] it makes, in one transaction with one commit: the
    /// bulk path for writing many rows (the large history, a long import) through the same
    /// functions, and so the same checks and search rows, as one write at a time. An error
    /// from `f` undoes every write it made. A batch inside a batch is part of the outer one.
    pub fn write_batch<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.in_batch {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.reclassify(e.into()))?;
        let before = self.conn.total_changes();
        self.in_batch = true;
        let value = f(self);
        self.in_batch = false;
        let done = value.and_then(|value| {
            if self.conn.total_changes() != before {
                stamp_change(&self.conn)?;
            }
            self.conn.execute_batch("COMMIT")?;
            Ok(value)
        });
        if done.is_err() && !self.conn.is_autocommit() {
            // Nothing of a failed batch stays; a rollback that fails too leaves SQLite to
            // discard the transaction when the connection closes.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        done.map_err(|e| self.reclassify(e))
    }

    /// A token that changes with every write that changed a row (never twice the same), or
    /// `None` for a database nothing was ever written to through [`Store::write`]. Backups
    /// record it to tell whether the data changed since.
    pub fn change_stamp(&self) -> Result<Option<String>> {
        self.read(|c| {
            let json: Option<String> = c
                .query_row(
                    "SELECT value FROM settings WHERE key = ?1",
                    [CHANGE_STAMP_KEY],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(json.map(|j| j.trim_matches('"').to_string()))
        })
    }

    /// Read-only access for queries; writes go through [`Store::write`].
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| self.reclassify(e))
    }

    pub fn overview(&self) -> Result<Overview> {
        self.read(|c| {
            let count = |sql: &str| -> Result<u32> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
            let profile_started = c
                .query_row("SELECT 1 FROM profile WHERE id = 1", [], |_| Ok(()))
                .optional()?
                .is_some();
            Ok(Overview {
                profile_started,
                vacancies: count("SELECT count(*) FROM vacancies")?,
                open_vacancies: count("SELECT count(*) FROM vacancies WHERE status = 'open'")?,
                applications: count("SELECT count(*) FROM applications")?,
                documents: count("SELECT count(*) FROM documents")?,
            })
        })
    }

    /// Writes a consistent copy of the whole database to `dest` (replacing it), atomically: a
    /// failed backup leaves nothing under `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if self.is_own_file(dest) {
            return Err(Error::field(
                "destination",
                crate::error::FieldProblem::OwnDatabase {
                    path: dest.display().to_string(),
                },
                format!(
                    "{} is Dossier's own database; choose another place for the backup",
                    dest.display()
                ),
            ));
        }
        let pending = self.journal().begin(dest, TempKind::Database)?;
        let temp = pending.temp().to_path_buf();
        // SQLite creates the copy with its default mode (`0644` less the umask), but fills an
        // empty file it finds there: created private first, the copy and its journal stay so.
        // If it cannot be created, `VACUUM INTO` meets the same refusal and names it below.
        let _ = fsio::create_new_private(&temp);
        let path_text = temp.to_str().ok_or_else(|| {
            Error::field(
                "destination",
                crate::error::FieldProblem::NotAFileName {
                    path: dest.display().to_string(),
                },
                "the folder name cannot be used",
            )
        })?;
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [path_text]) {
            let _ = std::fs::remove_file(&temp);
            return Err(match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                    Error::field(
                        "destination",
                        crate::error::FieldProblem::NotWritable {
                            path: dest.display().to_string(),
                        },
                        format!("{} cannot be written", dest.display()),
                    )
                }
                _ => self.reclassify(e.into()),
            });
        }
        fsio::persist(&temp, dest)?;
        pending.finish();
        Ok(())
    }

    /// Where writes outside the data folder are recorded (see [`fsio::journal`]); the data
    /// folder is the one that holds the database.
    pub fn journal(&self) -> Journal {
        match self.path.parent() {
            Some(dir) if self.path != Path::new(":memory:") => Journal::new(dir),
            _ => Journal::none(),
        }
    }

    /// Runs `copy` with the path of the database file while that file alone holds every
    /// committed transaction and cannot change: the WAL is checkpointed into it first, and a read
    /// transaction stays open meanwhile, so no checkpoint (of this or another process) writes to
    /// it until `copy` returns. A plain file copy made by `copy` is then a consistent snapshot,
    /// at the speed of copying a file (`VACUUM INTO` rebuilds every page and is several times
    /// slower). `Ok(None)` when the WAL could not be checkpointed completely (another process is
    /// reading it) or the store is in memory: the caller then takes a [`Store::backup_to`].
    pub fn with_quiet_file<T>(&self, copy: impl FnOnce(&Path) -> Result<T>) -> Result<Option<T>> {
        if self.path == Path::new(":memory:") {
            return Ok(None);
        }
        let (busy, log, done): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| self.reclassify(e.into()))?;
        if busy != 0 || log != done {
            return Ok(None);
        }
        self.conn
            .execute_batch("BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;")
            .map_err(|e| self.reclassify(e.into()))?;
        // A write committed by another process between the checkpoint and the read would sit in
        // the WAL only, and be missing from the copy: the WAL must still be empty.
        let wal_len = std::fs::metadata(self.path.with_file_name(format!(
            "{}-wal",
            self.path.file_name().unwrap_or_default().to_string_lossy()
        )))
        .map(|m| m.len())
        .unwrap_or(0);
        let copied = if wal_len == 0 {
            copy(&self.path).map(Some)
        } else {
            Ok(None)
        };
        let ended = self.conn.execute_batch("COMMIT");
        let copied = copied?;
        ended.map_err(|e| self.reclassify(e.into()))?;
        Ok(copied)
    }

    /// Whether `dest` is the live database or one of its WAL and shared-memory files. Replacing
    /// one of those under the open connection would let the old WAL be replayed into the new
    /// file on the next start, and corrupt it.
    fn is_own_file(&self, dest: &Path) -> bool {
        let (Some(dest), Some(own)) = (fsio::resolved(dest), fsio::resolved(&self.path)) else {
            return false;
        };
        let own_name = own
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        ["", "-wal", "-shm"]
            .iter()
            .any(|suffix| dest == own.with_file_name(format!("{own_name}{suffix}")))
    }

    fn reclassify(&self, e: Error) -> Error {
        match e {
            Error::Database(err) => corrupt_or(err, &self.path),
            other => other,
        }
    }
}

/// Where [`Store::write`] keeps the stamp of the last change.
pub const CHANGE_STAMP_KEY: &str = "store.change_stamp";

/// A stamp no other write of this or another run gives: a counter would repeat once an older
/// backup is restored and the same number of changes made again.
fn stamp_change(c: &Connection) -> Result<()> {
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [CHANGE_STAMP_KEY, &format!("\"{}\"", fresh_stamp())],
    )?;
    Ok(())
}

fn fresh_stamp() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    format!("{:016x}", hasher.finish())
}

/// Whether the database at `path` belongs to an installation with encryption on (its key file
/// sits beside it) or in the middle of a conversion, which `at_rest::state` finishes first.
fn is_encrypted_installation(path: &Path) -> bool {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .is_some_and(|d| {
            KeyFile::path_in(d).exists() || d.join(at_rest::CONVERSION_FOLDER).exists()
        })
}

/// Reads the schema version, which touches the file header: a file that is not a database, or is
/// damaged there, fails here before anything is written to it.
fn check_readable(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

fn corrupt_or(err: rusqlite::Error, path: &Path) -> Error {
    if is_corruption(&err) {
        Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            detail: err.to_string(),
        }
    } else {
        Error::Database(err)
    }
}

/// Moves a damaged database (and its WAL and shared-memory files) aside under a dated name, so
/// a fresh one can be started without destroying anything. Returns the new path of the file.
pub fn set_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let file_name = path
        .file_name()
        .ok_or_else(|| {
            Error::field(
                "database",
                crate::error::FieldProblem::NotAFileName {
                    path: path.display().to_string(),
                },
                "the path has no file name",
            )
        })?
        .to_string_lossy()
        .into_owned();
    let mut target = path.with_file_name(format!("{file_name}.damaged-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{file_name}.damaged-{stamp}-{n}"));
    }
    // The WAL and shared-memory files go first: were they left behind after the main file moved,
    // the fresh database opened at `path` would replay the damaged WAL into itself.
    for suffix in ["-wal", "-shm"] {
        let side = path.with_file_name(format!("{file_name}{suffix}"));
        if side.exists() {
            let side_target = target.with_file_name(format!(
                "{}{suffix}",
                target.file_name().unwrap_or_default().to_string_lossy()
            ));
            std::fs::rename(&side, &side_target)
                .map_err(|e| Error::io(IoOp::MoveAside, &side, e))?;
        }
    }
    std::fs::rename(path, &target).map_err(|e| Error::io(IoOp::MoveAside, path, e))?;
    fsio::sync_dir(path.parent().unwrap_or(Path::new(".")))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn schema_of(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    fn insert_vacancy(tx: &Connection, reference: &str) -> Result<i64> {
        tx.execute(
            "INSERT INTO vacancies (platform, reference, title, created_utc, updated_utc)
             VALUES ('recruitment_hub', ?1, 'Criminal Intelligence Officer', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
            [reference],
        )?;
        Ok(tx.last_insert_rowid())
    }

    #[test]
    fn a_database_with_a_damaged_header_is_left_untouched_with_its_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let mut store = Store::open(&path).unwrap();
        store.write(|tx| insert_vacancy(tx, "1503")).unwrap();
        drop(store);
        let mut store = Store::open(&path).unwrap();
        store.write(|tx| insert_vacancy(tx, "1504")).unwrap();
        // A killed app: the files as they are while the last write (a row, not the header page)
        // is only in the WAL. Copied elsewhere, since this process's own connection would
        // hold off any checkpoint.
        let killed = tempfile::tempdir().unwrap();
        let copy = killed.path().join(DATABASE_FILE);
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(
            dir.path().join("dossier.db-wal"),
            killed.path().join("dossier.db-wal"),
        )
        .unwrap();
        drop(store);
        let mut damaged = std::fs::read(&copy).unwrap();
        damaged[..100].fill(0x5a);
        std::fs::write(&copy, &damaged).unwrap();
        let wal = std::fs::read(killed.path().join("dossier.db-wal")).unwrap();

        let err = Store::open(&copy).unwrap_err();
        assert!(matches!(err, Error::DatabaseCorrupt { .. }), "{err}");
        assert!(
            std::fs::read(&copy).unwrap() == damaged,
            "refusing the file wrote the WAL into it"
        );
        assert_eq!(
            std::fs::read(killed.path().join("dossier.db-wal")).unwrap(),
            wal,
            "the WAL is kept with the file"
        );
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_new_database_is_in_wal_mode_with_foreign_keys_on_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join(DATABASE_FILE);
        let store = Store::open(&path).unwrap();
        assert!(path.exists());
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        assert_eq!(
            store.overview().unwrap(),
            Overview {
                profile_started: false,
                vacancies: 0,
                open_vacancies: 0,
                applications: 0,
                documents: 0
            }
        );
    }

    #[test]
    fn a_file_backed_store_syncs_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
        // 2 is FULL: a commit is on disk before the write is acknowledged.
        let level: i64 = store
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(level, 2);
    }

    #[test]
    fn data_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        Store::open(&path)
            .unwrap()
            .write(|tx| insert_vacancy(tx, "1503"))
            .unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.overview().unwrap().vacancies, 1);
        assert_eq!(store.overview().unwrap().open_vacancies, 1);
    }

    #[test]
    fn a_quiet_file_copy_holds_writes_still_in_the_wal() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
        store.write(|tx| insert_vacancy(tx, "1503")).unwrap();
        assert!(dir.path().join("dossier.db-wal").metadata().unwrap().len() > 0);
        let copy = dir.path().join("copy.db");
        let done = store
            .with_quiet_file(|live| {
                std::fs::copy(live, &copy).unwrap();
                Ok(7)
            })
            .unwrap();
        assert_eq!(done, Some(7));
        assert_eq!(Store::open(&copy).unwrap().overview().unwrap().vacancies, 1);
        // The store is usable afterwards: the read transaction was ended.
        store.write(|tx| insert_vacancy(tx, "1504")).unwrap();
        assert_eq!(store.overview().unwrap().vacancies, 2);

        let memory = Store::open_in_memory().unwrap();
        assert_eq!(memory.with_quiet_file(|_| Ok(())).unwrap(), None);
    }

    #[test]
    fn the_change_stamp_changes_only_with_a_write_that_changed_a_row() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.change_stamp().unwrap(), None);
        store.write(|tx| insert_vacancy(tx, "1503")).unwrap();
        let first = store.change_stamp().unwrap().unwrap();
        store
            .write(|tx| {
                tx.execute("UPDATE vacancies SET notes = 'x' WHERE id = 999", [])?;
                Ok(())
            })
            .unwrap();
        assert_eq!(
            store.change_stamp().unwrap().as_deref(),
            Some(first.as_str())
        );
        store.write(|tx| insert_vacancy(tx, "1504")).unwrap();
        assert_ne!(store.change_stamp().unwrap().unwrap(), first);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .write(|tx| {
                insert_vacancy(tx, "1503")?;
                // Same platform and reference: the unique constraint fails the second insert.
                insert_vacancy(tx, "1503")
            })
            .unwrap_err();
        assert!(matches!(err, Error::Database(_)), "{err:?}");
        assert_eq!(store.overview().unwrap().vacancies, 0);
    }

    #[test]
    fn foreign_keys_are_enforced() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO applications (vacancy_id, stage, created_utc, updated_utc) VALUES (42, 'interested', 'x', 'x')",
                    [],
                )?;
                Ok(())
            })
            .unwrap_err();
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        match &err {
            Error::SchemaTooNew { found, supported } => {
                assert_eq!(*found, 99);
                assert_eq!(*supported, latest_schema_version());
            }
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains("99") && message.contains(&latest_schema_version().to_string()));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("dossier.db-wal").exists());
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_corrupt_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 3) as u8).collect();
        std::fs::write(&path, &garbage).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::DatabaseCorrupt { .. }), "{err:?}");
        assert!(err.to_string().contains(&path.display().to_string()));
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }

    #[test]
    fn a_damaged_database_can_be_set_aside_and_a_fresh_one_started() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::write(&path, b"this is not sqlite, but it is the user's file").unwrap();
        std::fs::write(dir.path().join("dossier.db-wal"), b"wal").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 30, 0).unwrap();

        let moved = set_aside(&path, now).unwrap();
        assert_eq!(
            moved.file_name().unwrap(),
            "dossier.db.damaged-20261122T103000Z"
        );
        assert_eq!(
            std::fs::read(&moved).unwrap(),
            b"this is not sqlite, but it is the user's file"
        );
        assert!(
            dir.path()
                .join("dossier.db.damaged-20261122T103000Z-wal")
                .exists()
        );
        assert!(!path.exists());

        // A second damaged file the same second gets its own name rather than replacing the first.
        std::fs::write(&path, b"again").unwrap();
        let second = set_aside(&path, now).unwrap();
        assert_ne!(second, moved);
        assert_eq!(
            std::fs::read(&moved).unwrap(),
            b"this is not sqlite, but it is the user's file"
        );

        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
    }

    #[test]
    fn every_earlier_schema_migrates_to_the_same_latest_schema() {
        let fresh = Store::open_in_memory().unwrap();
        let expected = schema_of(&fresh.conn);
        let dir = tempfile::tempdir().unwrap();
        for version in 0..latest_schema_version() as usize {
            let path = dir.path().join(format!("from-{version}.db"));
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, version).unwrap();
            }
            let store = Store::open(&path).unwrap();
            assert_eq!(store.schema_version().unwrap(), latest_schema_version());
            assert_eq!(
                schema_of(&store.conn),
                expected,
                "migrating from schema {version}"
            );
        }
    }

    #[test]
    fn blocks_ticked_before_schema_11_keep_their_entries_ticked() {
        // The profile document as schema 3 on writes it (the store module knows no profile type).
        let document = r#"{"fullName":"Amina Diallo","email":"","dateOfBirth":null,
            "nationalities":[],"countryOfOrigin":null,"residences":[],"languages":[],
            "lawEnforcement":{"serving":null,"country":null,"agency":""},
            "education":[{"id":4,"level":"master","field":"Criminology","institution":"Lyon 3",
                "from":null,"to":null,"status":"completed"}],
            "employment":[
                {"id":1,"employer":"Police nationale","title":"Analyst","from":"2016-01-04",
                    "to":null,"workTime":"full_time"},
                {"id":2,"employer":"Europol","title":"Analyst","from":"2020-03-01",
                    "to":null,"workTime":"full_time"}],
            "references":[{"id":3,"name":"Jean Martin","contact":"jean@example.org",
                "relation":"Head of unit","workedDirectly":true,"hierarchical":true,
                "familyMember":false,"interpolStaff":false}]}"#;
        let dir = tempfile::tempdir().unwrap();
        // From schema 8, the first with the block ticks, to 10, the last before entry ticks.
        for version in 8..11 {
            let path = dir.path().join(format!("from-{version}.db"));
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, version).unwrap();
                let tx = conn.transaction().unwrap();
                tx.execute(
                    "INSERT INTO profile (id, full_name, updated_utc, document, next_entry_id)
                     VALUES (1, 'Amina Diallo', '2026-11-01T00:00:00Z', ?1, 5)",
                    [document],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO form_ticks (platform, section) VALUES
                         ('recruitment_hub', 'employment'), ('recruitment_hub', 'personal'),
                         ('talentlink', 'references')",
                    [],
                )
                .unwrap();
                tx.commit().unwrap();
            }
            let store = Store::open(&path).unwrap();
            let entries: Vec<(String, u32)> = store
                .read(|c| {
                    let mut stmt = c.prepare(
                        "SELECT platform, entry_id FROM form_entry_ticks ORDER BY platform, entry_id",
                    )?;
                    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    Ok(rows.collect::<rusqlite::Result<_>>()?)
                })
                .unwrap();
            // The Hub's two positions and Talentlink's reference; not the education line, whose
            // block was not ticked.
            assert_eq!(
                entries,
                vec![
                    ("recruitment_hub".to_string(), 1),
                    ("recruitment_hub".to_string(), 2),
                    ("talentlink".to_string(), 3)
                ],
                "from schema {version}"
            );
        }
    }

    #[test]
    fn rows_written_before_schema_7_are_found_by_station_and_in_the_vault() {
        let dir = tempfile::tempdir().unwrap();
        // From schema 1, the first with these tables, to 6, the last before the indexes.
        for version in 1..7 {
            let path = dir.path().join(format!("from-{version}.db"));
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, version).unwrap();
                let tx = conn.transaction().unwrap();
                insert_vacancy(&tx, "1503").unwrap();
                tx.execute("UPDATE vacancies SET duty_station = 'Lyon, France'", [])
                    .unwrap();
                tx.execute(
                    "INSERT INTO documents (kind, title, content_hash, original_name, media_type,
                         size_bytes, notes, created_utc)
                     VALUES ('other', 'Attestation de Montréal', ?1, 'scan_travail.pdf',
                         'application/pdf', 10, 'Signed by the director', '2026-11-01T00:00:00Z')",
                    ["ab".repeat(32)],
                )
                .unwrap();
                tx.commit().unwrap();
            }
            let store = Store::open(&path).unwrap();
            // Through the index the lists search, in the words the candidate would type.
            let found = |table: &str, text: &str| -> u32 {
                store
                    .conn
                    .query_row(
                        &format!("SELECT count(*) FROM {table} WHERE {table} MATCH ?1"),
                        [text::fts_query(text).unwrap()],
                        |r| r.get(0),
                    )
                    .unwrap()
            };
            let vacancies = |text: &str| found("vacancies_fts", text);
            let documents = |text: &str| found("documents_fts", text);
            assert_eq!(vacancies("lyon"), 1, "from schema {version}");
            assert_eq!(vacancies("intelligence"), 1, "from schema {version}");
            assert_eq!(vacancies("geneva"), 0, "from schema {version}");
            for word in ["montreal", "attest", "travail", "director"] {
                assert_eq!(documents(word), 1, "{word} from schema {version}");
            }
            assert_eq!(documents("lyon"), 0, "from schema {version}");
        }
    }

    #[test]
    fn a_backup_is_a_complete_database_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
        store.write(|tx| insert_vacancy(tx, "INT04606")).unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let dest = out.join("backup.db");
        std::fs::write(&dest, b"old backup").unwrap();

        store.backup_to(&dest).unwrap();

        let copy = Store::open(&dest).unwrap();
        assert_eq!(copy.overview().unwrap().vacancies, 1);
        drop(copy);
        let names: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
            .collect();
        assert_eq!(names, vec!["backup.db".to_string()]);
    }

    #[test]
    fn a_backup_over_the_live_database_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let mut store = Store::open(&path).unwrap();
        store.write(|tx| insert_vacancy(tx, "1503")).unwrap();
        // The same file named through another route (`sub/..`) is still the same file.
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for dest in [
            path.clone(),
            dir.path().join("sub").join("..").join(DATABASE_FILE),
            dir.path().join("dossier.db-wal"),
            dir.path().join("dossier.db-shm"),
        ] {
            let err = store.backup_to(&dest).unwrap_err();
            assert!(matches!(err, Error::Invalid { .. }), "{dest:?}: {err:?}");
            assert!(err.to_string().contains("own database"), "{err}");
        }
        drop(store);
        assert_eq!(Store::open(&path).unwrap().overview().unwrap().vacancies, 1);
        // A file beside it with another name is a fine destination.
        Store::open(&path)
            .unwrap()
            .backup_to(&dir.path().join("dossier copy.db"))
            .unwrap();
    }

    #[test]
    fn a_backup_to_an_unwritable_place_is_a_clear_error() {
        let store = Store::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let err = store
            .backup_to(&dir.path().join("missing").join("b.db"))
            .unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
        assert!(err.to_string().contains("b.db"), "{err}");
    }
}

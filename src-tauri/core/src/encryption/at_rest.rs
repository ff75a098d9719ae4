//! Turning encryption at rest on and off for a whole data folder, crash-safe, and unlocking it.
//!
//! A conversion builds the new state beside the old one, in [`CONVERSION_FOLDER`]: the database
//! copied with SQLCipher's `sqlcipher_export` into a new file keyed (or not) as the new state
//! needs, every vault object sealed (or opened) into a new vault folder, and, when turning on,
//! the new key file. Everything is synced, then ONE atomic rename writes the `committed` marker
//! in that folder: the commit point. Only after it are the new database, vault and key file
//! moved into place and the old copies removed, by steps that can each be repeated.
//!
//! [`state`], called at every start before the store opens, finishes what a killed process
//! left: without the marker, the old state was never touched, and the half-built new one is
//! removed (no key is needed for that); with it, the moves are completed. So a data folder is
//! always found wholly clear or wholly encrypted, never half of each.
//!
//! The caller closes its store and vault before a conversion and opens them again after it
//! (keyed with the returned key after turning on, unkeyed after turning off).

use super::key_file::{KdfParams, KeyFile, UnlocksWith};
use super::recovery::RecoveryKey;
use super::sealed::{MAGIC, SealedReader, SealedWriter};
use super::{EncryptionError, MasterKey};
use crate::error::IoOp;
use crate::{Error, Result, fsio};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Where a conversion builds the new state, inside the data folder (the same file system, so
/// the moves after the commit point are renames).
pub const CONVERSION_FOLDER: &str = ".at-rest-conversion";
/// The commit point: present (written by an atomic rename) once the new state is complete.
const COMMITTED: &str = "committed";
/// The old vault folder, moved aside after the commit point, removed last.
const OLD_VAULT: &str = "vault.old";
// The names the store and the vault use (checked equal by the tests; this module may not
// import those, which import it).
const DATABASE: &str = "dossier.db";
const VAULT: &str = "vault";

/// Whether the data folder is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum AtRest {
    Clear,
    Encrypted,
}

/// What unlocks the master key.
#[derive(Clone, Copy)]
pub enum Secret<'a> {
    Passphrase(&'a [u8]),
    /// As typed: case, spaces and dashes do not matter.
    RecoveryKey(&'a str),
}

impl std::fmt::Debug for Secret<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Secret::Passphrase(_) => "Passphrase(…)",
            Secret::RecoveryKey(_) => "RecoveryKey(…)",
        })
    }
}

/// Whether `data_dir` is encrypted, after finishing (or undoing) a conversion a killed process
/// left: call it before opening the store.
pub fn state(data_dir: &Path) -> Result<AtRest> {
    let conversion = data_dir.join(CONVERSION_FOLDER);
    if conversion.exists() {
        if conversion.join(COMMITTED).exists() {
            roll_forward(data_dir)?;
        } else {
            remove_all(&conversion)?;
            fsio::sync_dir(data_dir)?;
        }
    }
    Ok(if KeyFile::path_in(data_dir).exists() {
        AtRest::Encrypted
    } else {
        AtRest::Clear
    })
}

/// The master key of an encrypted data folder. Costs the Argon2id time, right or wrong.
///
/// A passphrase slot written before passphrases were normalised is written again once it
/// opened (one more Argon2id run, once), so that from then on the passphrase opens it in any
/// Unicode form.
pub fn unlock(data_dir: &Path, secret: Secret) -> Result<MasterKey> {
    let path = KeyFile::path_in(data_dir);
    let file = KeyFile::read(&path)?;
    Ok(match secret {
        Secret::Passphrase(p) => {
            let key = file.unlock_with_passphrase(p)?;
            if !file.passphrase_slot_is_normalised() {
                let params = file
                    .params(UnlocksWith::Passphrase)
                    .unwrap_or(KdfParams::DEFAULT);
                // Best effort: the slot as it is keeps opening with these bytes, so a folder
                // that cannot be written (full, read-only) must not stop the unlock.
                if let Ok(upgraded) = file.with_new_passphrase(&key, p, params) {
                    let _ = upgraded.write(&path);
                }
            }
            key
        }
        Secret::RecoveryKey(typed) => file.unlock_with_recovery_key(&RecoveryKey::parse(typed)?)?,
    })
}

/// Encrypts a clear data folder in place, with a new master key that `passphrase` and the
/// returned recovery key (to be shown once) unlock.
pub fn turn_on(data_dir: &Path, passphrase: &[u8]) -> Result<(MasterKey, RecoveryKey)> {
    turn_on_with(data_dir, passphrase, KdfParams::DEFAULT)
}

/// [`turn_on`] with chosen Argon2id parameters: for tests and benchmarks, which cannot wait
/// seconds for every key file.
#[doc(hidden)]
pub fn turn_on_with(
    data_dir: &Path,
    passphrase: &[u8],
    params: KdfParams,
) -> Result<(MasterKey, RecoveryKey)> {
    if state(data_dir)? == AtRest::Encrypted {
        return Err(EncryptionError::AlreadyOn.into());
    }
    if passphrase.is_empty() {
        return Err(EncryptionError::PassphraseEmpty.into());
    }
    let master = MasterKey::generate()?;
    let recovery = RecoveryKey::generate()?;
    let key_file = KeyFile::create(&master, passphrase, &recovery, params)?;
    let conversion = begin(data_dir)?;
    fsio::private::write_private(&conversion.join(TURNING_ON), b"1")
        .map_err(|e| Error::io(IoOp::Write, &conversion, e))?;
    convert_database(data_dir, &conversion, None, Some(&master))?;
    convert_vault(data_dir, &conversion, Direction::Seal(&master.vault_key()))?;
    key_file.write(&KeyFile::path_in(&conversion))?;
    commit(data_dir, &conversion)?;
    Ok((master, recovery))
}

/// Decrypts an encrypted data folder in place; `key` comes from [`unlock`]. The key file goes
/// last, so the passphrase keeps working until the clear state is complete.
pub fn turn_off(data_dir: &Path, key: &MasterKey) -> Result<()> {
    if state(data_dir)? == AtRest::Clear {
        return Err(EncryptionError::AlreadyOff.into());
    }
    let conversion = begin(data_dir)?;
    convert_database(data_dir, &conversion, Some(key), None)?;
    convert_vault(data_dir, &conversion, Direction::Open(&key.vault_key()))?;
    commit(data_dir, &conversion)
}

/// Re-wraps the master key under `new`: nothing else is re-encrypted. `old` may be the old
/// passphrase or the recovery key (a forgotten passphrase).
pub fn change_passphrase(data_dir: &Path, old: Secret, new: &[u8]) -> Result<()> {
    let key = unlock(data_dir, old)?;
    let path = KeyFile::path_in(data_dir);
    let file = KeyFile::read(&path)?;
    let params = raised(file.params(UnlocksWith::Passphrase));
    file.with_new_passphrase(&key, new, params)?.write(&path)
}

/// A new recovery key for the data folder; the old one stops working.
pub fn new_recovery_key(data_dir: &Path, key: &MasterKey) -> Result<RecoveryKey> {
    let path = KeyFile::path_in(data_dir);
    let file = KeyFile::read(&path)?;
    let recovery = RecoveryKey::generate()?;
    let params = raised(file.params(UnlocksWith::RecoveryKey));
    file.with_new_recovery_key(key, &recovery, params)?
        .write(&path)?;
    Ok(recovery)
}

/// A slot's parameters, or today's defaults where those are costlier: a new slot never gets
/// weaker than the one it replaces, and old installations are raised as their slots are made
/// again.
fn raised(current: Option<KdfParams>) -> KdfParams {
    match current {
        Some(p)
            if p.memory_kib >= KdfParams::DEFAULT.memory_kib
                && p.iterations >= KdfParams::DEFAULT.iterations =>
        {
            p
        }
        Some(p) if p == KdfParams::FAST_FOR_TESTS => p,
        _ => KdfParams::DEFAULT,
    }
}

/// A fresh conversion folder, after checking there is room for the copy.
fn begin(data_dir: &Path) -> Result<PathBuf> {
    check_space(data_dir)?;
    let conversion = data_dir.join(CONVERSION_FOLDER);
    if conversion.exists() {
        remove_all(&conversion)?;
    }
    fsio::private_dir(&conversion).map_err(|e| Error::io(IoOp::CreateFolder, &conversion, e))?;
    Ok(conversion)
}

/// The commit point, then the moves.
fn commit(data_dir: &Path, conversion: &Path) -> Result<()> {
    fsio::sync_dir(conversion)?;
    fsio::write_atomic(&conversion.join(COMMITTED), b"1")?;
    roll_forward(data_dir)
}

/// After the commit point: puts the new database, vault and key file in place of the old ones,
/// then removes the old ones. Each step looks at what is there, so a killed run is finished by
/// running it again.
fn roll_forward(data_dir: &Path) -> Result<()> {
    let conversion = data_dir.join(CONVERSION_FOLDER);
    let new_db = conversion.join(DATABASE);
    if new_db.exists() {
        // The old WAL must go before the new file takes the name: SQLite would replay it into
        // the new database. Everything in it is in the new one already.
        for suffix in ["-wal", "-shm", "-journal"] {
            remove_file(&data_dir.join(format!("{DATABASE}{suffix}")))?;
        }
        rename(&new_db, &data_dir.join(DATABASE))?;
        fsio::sync_dir(data_dir)?;
    }
    let new_vault = conversion.join(VAULT);
    if new_vault.exists() {
        let live = data_dir.join(VAULT);
        let old = conversion.join(OLD_VAULT);
        if live.exists() && !old.exists() {
            rename(&live, &old)?;
            fsio::sync_dir(&conversion)?;
        }
        rename(&new_vault, &live)?;
        fsio::sync_dir(data_dir)?;
    }
    let new_key = KeyFile::path_in(&conversion);
    if new_key.exists() {
        rename(&new_key, &KeyFile::path_in(data_dir))?;
        fsio::sync_dir(data_dir)?;
    } else if !is_turning_on(&conversion) {
        remove_file(&KeyFile::path_in(data_dir))?;
        fsio::sync_dir(data_dir)?;
    }
    remove_all(&conversion)?;
    fsio::sync_dir(data_dir)
}

/// Whether the committed conversion in `conversion` turns encryption on. The new database of a
/// conversion that turns it on is moved before its key file, so the key file alone cannot tell;
/// the marker names the direction, written before the commit.
fn is_turning_on(conversion: &Path) -> bool {
    conversion.join(TURNING_ON).exists()
}

/// Written in the conversion folder before the commit point when turning on.
const TURNING_ON: &str = "turning-on";

/// Copies the live database into the conversion folder with `to` as its key (clear for
/// `None`), through SQLCipher's `sqlcipher_export`, which rebuilds every page under the new key.
fn convert_database(
    data_dir: &Path,
    conversion: &Path,
    from: Option<&MasterKey>,
    to: Option<&MasterKey>,
) -> Result<()> {
    let src = data_dir.join(DATABASE);
    if !src.exists() {
        return Ok(());
    }
    let dest = conversion.join(DATABASE);
    let database = |e: rusqlite::Error| Error::Database(e);
    fsio::create_new_private(&dest).map_err(|e| Error::io(IoOp::Write, &dest, e))?;
    let conn = Connection::open(&src).map_err(database)?;
    if let Some(key) = from {
        super::apply_key(&conn, key)?;
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| match from {
            Some(_) => Error::from(EncryptionError::DatabaseKeyMismatch { path: src.clone() }),
            None => Error::DatabaseCorrupt {
                path: src.clone(),
                detail: "unreadable".into(),
            },
        })?;
    let dest_text = dest.to_str().ok_or_else(|| {
        // SQLCipher's ATTACH takes the path as SQL text, which must be UTF-8.
        Error::field(
            "data folder",
            crate::error::FieldProblem::NotAFileName {
                path: dest.display().to_string(),
            },
            "the folder name cannot be used",
        )
    })?;
    let key_text = match to {
        Some(key) => key.database_key().sqlcipher_pragma(),
        None => zeroize::Zeroizing::new(String::new()),
    };
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        [dest_text, key_text.as_str()],
    )
    .map_err(database)?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
        .and_then(|()| conn.pragma_update(Some("converted"), "user_version", version));
    let detached = conn.execute_batch("DETACH DATABASE converted");
    exported.map_err(database)?;
    detached.map_err(database)?;
    drop(conn);
    sync_file(&dest)
}

enum Direction<'a> {
    Seal(&'a MasterKey),
    Open(&'a MasterKey),
}

/// Writes every vault object, sealed or opened, into the conversion folder's vault, in the
/// same layout, each sealed as an import seals it. Temporary files
/// of a killed import are left behind (the vault removes them when it opens).
fn convert_vault(data_dir: &Path, conversion: &Path, direction: Direction) -> Result<()> {
    let src = data_dir.join(VAULT);
    let dest = conversion.join(VAULT);
    fsio::private_dir(&dest).map_err(|e| Error::io(IoOp::CreateFolder, &dest, e))?;
    if !src.is_dir() {
        return Ok(());
    }
    for shard in read_dir(&src)? {
        if !shard.is_dir() {
            continue;
        }
        let shard_name = shard.file_name().unwrap_or_default();
        let dest_shard = dest.join(shard_name);
        fsio::private_dir(&dest_shard)
            .map_err(|e| Error::io(IoOp::CreateFolder, &dest_shard, e))?;
        for object in read_dir(&shard)? {
            let name = object
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if !name.split('.').next().is_some_and(is_hash) {
                continue;
            };
            let target = dest_shard.join(&name);
            convert_object(&object, &target, super::VAULT_BINDING, &direction)?;
        }
        fsio::sync_dir(&dest_shard)?;
    }
    fsio::sync_dir(&dest)
}

fn convert_object(src: &Path, dest: &Path, binding: &[u8], direction: &Direction) -> Result<()> {
    let altered = || EncryptionError::StoredFileAltered {
        title: src
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        path: src.to_path_buf(),
    };
    let read_err = |e: io::Error| Error::io(IoOp::Read, src, e);
    let write_err = |e: io::Error| Error::io(IoOp::Write, dest, e);
    let mut input = File::open(src).map_err(read_err)?;
    let out = fsio::create_new_private(dest).map_err(write_err)?;
    let sealed = starts_sealed(src).map_err(read_err)?;
    let out = match direction {
        // Already sealed (never expected) or opening a file that is not sealed: kept as is.
        Direction::Seal(_) if sealed => copy(&mut input, out).map_err(write_err)?,
        Direction::Open(_) if !sealed => copy(&mut input, out).map_err(write_err)?,
        Direction::Seal(key) => {
            let mut writer = SealedWriter::new(out, key, binding).map_err(write_err)?;
            io::copy(&mut input, &mut writer).map_err(write_err)?;
            writer.finish().map_err(write_err)?
        }
        Direction::Open(key) => {
            let mut reader = SealedReader::new(input, key, binding).map_err(|_| altered())?;
            let mut out = out;
            let mut buf = vec![0u8; 256 * 1024];
            loop {
                let n = reader.read(&mut buf).map_err(|e| {
                    if EncryptionError::from_io(&e).is_some() {
                        Error::from(altered())
                    } else {
                        read_err(e)
                    }
                })?;
                if n == 0 {
                    break;
                }
                out.write_all(&buf[..n]).map_err(write_err)?;
            }
            out
        }
    };
    out.sync_all().map_err(write_err)
}

fn copy(input: &mut File, mut out: File) -> io::Result<File> {
    io::copy(input, &mut out)?;
    Ok(out)
}

/// Whether the file at `path` starts with the sealed format's magic bytes.
pub fn starts_sealed(path: &Path) -> io::Result<bool> {
    let mut head = [0u8; MAGIC.len()];
    let mut file = File::open(path)?;
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..])? {
            0 => return Ok(false),
            n => filled += n,
        }
    }
    Ok(&head == MAGIC)
}

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Refuses a conversion that would fill the disk: the new copy needs about the size of the
/// database and the vault (sealing adds 0.02 %), plus a margin.
fn check_space(data_dir: &Path) -> Result<()> {
    let mut needed = 16 * 1024 * 1024u64;
    for suffix in ["", "-wal"] {
        needed += fs::metadata(data_dir.join(format!("{DATABASE}{suffix}")))
            .map(|m| m.len())
            .unwrap_or(0);
    }
    needed += folder_size(&data_dir.join(VAULT)) / 1000 * 1001;
    if let Some(available) = available_bytes(data_dir)
        && available < needed
    {
        return Err(EncryptionError::NotEnoughSpace {
            path: data_dir.to_path_buf(),
            needed_bytes: needed,
            available_bytes: available,
        }
        .into());
    }
    Ok(())
}

fn folder_size(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => folder_size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map(|m| m.len()).unwrap_or(0),
            _ => 0,
        })
        .sum()
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn available_bytes(dir: &Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn available_bytes(_dir: &Path) -> Option<u64> {
    None
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::io(IoOp::ReadFolder, dir, e))?
        .flatten()
        .map(|e| e.path())
        .collect();
    out.sort();
    Ok(out)
}

fn sync_file(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(IoOp::Write, path, e))
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| Error::io(IoOp::Rename, from, e))
}

fn remove_file(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::io(IoOp::Remove, path, e)),
        _ => Ok(()),
    }
}

fn remove_all(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::io(IoOp::Remove, path, e)),
        _ => Ok(()),
    }
}

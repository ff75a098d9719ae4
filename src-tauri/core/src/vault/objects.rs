//! Stored files ("objects"): named `<vault>/<first two hex digits>/<sha-256>.<ext>`, so no part
//! of a stored path comes from the candidate's file name, and the same content is kept once.

use super::model::MediaType;
use crate::encryption::sealed::{MAGIC, SealedReader, SealedWriter};
use crate::encryption::{EncryptionError, MasterKey};
use crate::error::IoOp;
use crate::fsio::journal::{Journal, TempKind};
use crate::{Error, Result, fsio};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Large enough that hashing and system calls stay cheap per byte, small enough to stay in cache.
pub(crate) const COPY_BUFFER_BYTES: usize = 256 * 1024;

/// Temporary files of an import in progress: recognisable, so what a killed import left behind
/// can be removed on the next start without touching anything else.
pub(crate) const TEMP_PREFIX: &str = ".import-";
pub(crate) const TEMP_SUFFIX: &str = ".partial";

/// SHA-256 of `bytes`, as the lower-case hex the vault names its files by.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

pub(crate) fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Where the object with this content lives. The hash comes from the database, so it is checked
/// before it becomes part of a path: a tampered row must not point outside the vault.
pub(crate) fn object_path(root: &Path, hash: &str, media: MediaType) -> Result<PathBuf> {
    if !is_hash(hash) {
        return Err(Error::field(
            "document",
            crate::error::FieldProblem::StoredDamaged {
                detail: hash.to_string(),
            },
            format!("its stored content hash “{hash}” is malformed; the database may be damaged"),
        ));
    }
    Ok(root
        .join(&hash[..2])
        .join(format!("{hash}.{}", media.extension())))
}

/// A file being written in the vault folder. Dropped without [`TempObject::keep`], it removes
/// itself, so every early return or panic of an import cleans up after itself.
pub(crate) struct TempObject {
    path: PathBuf,
    sink: Sink,
    kept: bool,
}

/// Where a temporary object's bytes go: as they are, or sealed under the vault key.
enum Sink {
    Clear(File),
    Sealed(Box<SealedWriter<File>>),
    /// A sealed file whose last chunk is written; nothing more may be added.
    Finished(File),
    /// A sealed file whose last chunk failed to be written.
    Broken,
}

/// What every vault object is sealed with as its associated data. An object is not bound to
/// its name here, as the name (its content's SHA-256) is known only once the whole file is
/// written; every read checks the decrypted bytes against that hash instead, so an object
/// swapped for another, or renamed, is still caught as not what was imported.
pub(crate) const VAULT_BINDING: &[u8] = crate::encryption::VAULT_BINDING;

impl TempObject {
    pub(crate) fn create(root: &Path, key: Option<&MasterKey>) -> io::Result<TempObject> {
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let seq = SEQUENCE.fetch_add(1, Ordering::Relaxed);
        let path = root.join(format!(
            "{TEMP_PREFIX}{}-{nanos}-{seq}{TEMP_SUFFIX}",
            std::process::id()
        ));
        let file = fsio::create_new_private(&path)?;
        // Dropped on an error below, the file is removed by the caller's `TempObject` never
        // being made: remove it here instead.
        let sink = match key {
            None => Sink::Clear(file),
            Some(key) => match SealedWriter::new(file, key, VAULT_BINDING) {
                Ok(w) => Sink::Sealed(Box::new(w)),
                Err(e) => {
                    let _ = fs::remove_file(&path);
                    return Err(e);
                }
            },
        };
        Ok(TempObject {
            path,
            sink,
            kept: false,
        })
    }

    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Clear(f) => f.write_all(bytes),
            Sink::Sealed(w) => w.write_all(bytes),
            Sink::Finished(_) | Sink::Broken => {
                Err(io::Error::other("the sealed object is finished"))
            }
        }
    }

    /// Ends a sealed file (its last chunk) and syncs the file to disk.
    pub(crate) fn sync(&mut self) -> io::Result<()> {
        if matches!(self.sink, Sink::Sealed(_))
            && let Sink::Sealed(w) = std::mem::replace(&mut self.sink, Sink::Broken)
        {
            self.sink = Sink::Finished(w.finish()?);
        }
        match &self.sink {
            Sink::Clear(f) | Sink::Finished(f) => f.sync_all(),
            Sink::Sealed(_) | Sink::Broken => {
                Err(io::Error::other("the sealed object is unfinished"))
            }
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for TempObject {
    fn drop(&mut self) {
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// What [`place`] did with the object's final name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placed {
    /// The same content was already stored; the temporary copy was dropped.
    AlreadyThere,
    /// The object did not exist and now does.
    Created,
    /// The object existed but was damaged or unreadable, and was replaced by the new copy.
    Repaired,
}

/// Puts a written and synced temporary file under its final name, then syncs the folder: once
/// this returns, the object survives a power cut. An intact object already there is kept.
pub(crate) fn place(
    root: &Path,
    temp: TempObject,
    dest: &Path,
    hash: &str,
    key: Option<&MasterKey>,
) -> Result<Placed> {
    let existed = dest.exists();
    if existed && matches!(hash_file(dest, key), Ok((h, _)) if h == hash) {
        return Ok(Placed::AlreadyThere);
    }
    let shard = dest.parent().unwrap_or(root);
    if !shard.is_dir() {
        match fsio::private_dir(shard) {
            Ok(()) => fsio::sync_dir(root)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(Error::io(IoOp::CreateFolder, shard, e));
            }
        }
    }
    // `persist` syncs the file again (cheap: nothing is dirty), renames, and syncs the shard.
    fsio::persist(temp.path(), dest)?;
    temp.keep();
    Ok(if existed {
        Placed::Repaired
    } else {
        Placed::Created
    })
}

/// An object's content for reading: decrypted on the way when it is sealed. A sealed object
/// without the key is [`EncryptionError::Locked`]; a clear one is read as it is (its bytes are
/// checked against their hash by every reader, as ever).
pub(crate) fn open_object(
    path: &Path,
    key: Option<&MasterKey>,
) -> io::Result<Box<dyn Read + Send>> {
    let mut file = File::open(path)?;
    let mut head = [0u8; MAGIC.len()];
    let n = fill(&mut file, &mut head)?;
    file.rewind()?;
    if n < head.len() || &head != MAGIC {
        return Ok(Box::new(file));
    }
    match key {
        Some(key) => Ok(Box::new(SealedReader::new(file, key, VAULT_BINDING)?)),
        None => Err(EncryptionError::Locked.into_io()),
    }
}

/// SHA-256 and length of an object's content (decrypted when sealed), read in one pass.
pub(crate) fn hash_file(path: &Path, key: Option<&MasterKey>) -> io::Result<(String, u64)> {
    let mut file = open_object(path, key)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    let mut size = 0u64;
    loop {
        let n = read_some(&mut file, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

/// Copies `reader` into a new synced temporary object, hashing on the way.
pub(crate) fn write_temp(
    root: &Path,
    reader: &mut dyn Read,
    key: Option<&MasterKey>,
) -> io::Result<(TempObject, String)> {
    let mut temp = TempObject::create(root, key)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    loop {
        let n = read_some(reader, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        temp.write_all(&buf[..n])?;
    }
    temp.sync()?;
    Ok((temp, hex(&hasher.finalize())))
}

/// One `read`, retried when a signal interrupts it.
pub(crate) fn read_some(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Reads until `buf` is full or the source ends, so type sniffing sees the whole head even from
/// a source that returns short reads.
pub(crate) fn fill(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = read_some(reader, &mut buf[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

/// Removes the temporary files a killed import left in the vault folder. Files of this process
/// are left alone, in case another part of it is importing right now.
pub(crate) fn clean_stale_temps(root: &Path) -> Result<u32> {
    let own = format!("{TEMP_PREFIX}{}-", std::process::id());
    let entries = fs::read_dir(root).map_err(|e| Error::io(IoOp::ReadFolder, root, e))?;
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_temp_name(&name) && !name.starts_with(&own) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    if removed > 0 {
        fsio::sync_dir(root)?;
    }
    Ok(removed)
}

pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// A stored file's bytes, checked against the hash it was stored under, so a damaged file is
/// reported rather than shown as if it were the candidate's document.
pub(crate) fn read_verified(
    path: &Path,
    hash: &str,
    title: &str,
    key: Option<&MasterKey>,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_object(path, key)
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| missing_or_unreadable(path, title, e))?;
    if sha256_hex(&bytes) != hash {
        return Err(damaged(path, title));
    }
    Ok(bytes)
}

/// Copies a stored file to `dest` through a temporary file beside it, checking the content on
/// the way; `dest` appears only complete and correct, or not at all.
pub(crate) fn export_verified(
    src: &Path,
    hash: &str,
    title: &str,
    dest: &Path,
    overwrite: bool,
    journal: &Journal,
    key: Option<&MasterKey>,
) -> Result<()> {
    if dest.is_dir() {
        return Err(Error::field(
            "destination",
            crate::error::FieldProblem::IsAFolder {
                path: dest.display().to_string(),
            },
            format!(
                "{} is a folder; choose a file name to save the copy as",
                dest.display()
            ),
        ));
    }
    if !overwrite && dest.exists() {
        return Err(Error::AlreadyExists {
            what: "A file".into(),
            path: dest.to_path_buf(),
        });
    }
    let mut source = open_object(src, key).map_err(|e| missing_or_unreadable(src, title, e))?;
    let pending = journal.begin(dest, TempKind::File)?;
    let temp = pending.temp().to_path_buf();
    let written = (|| -> io::Result<String> {
        let mut out = fsio::create_new_private(&temp)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; COPY_BUFFER_BYTES];
        loop {
            let n = read_some(&mut source, &mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])?;
        }
        out.sync_all()?;
        Ok(hex(&hasher.finalize()))
    })();
    match written {
        Ok(h) if h == hash => {
            fsio::persist(&temp, dest)?;
            pending.finish();
            Ok(())
        }
        Ok(_) => {
            let _ = fs::remove_file(&temp);
            Err(damaged(src, title))
        }
        Err(e) if EncryptionError::from_io(&e).is_some() => {
            let _ = fs::remove_file(&temp);
            Err(missing_or_unreadable(src, title, e))
        }
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(Error::io(IoOp::Write, dest, e))
        }
    }
}

/// Why a stored file could not be read; a sealed one that fails authentication is named as
/// altered (never shown, never removed), one read while locked is [`EncryptionError::Locked`].
pub(crate) fn missing_or_unreadable(path: &Path, title: &str, e: io::Error) -> Error {
    match EncryptionError::from_io(&e) {
        Some(EncryptionError::Locked) => return EncryptionError::Locked.into(),
        Some(EncryptionError::RandomUnavailable { code }) => {
            return EncryptionError::RandomUnavailable { code: *code }.into();
        }
        Some(_) => {
            return EncryptionError::StoredFileAltered {
                title: title.to_string(),
                path: path.to_path_buf(),
            }
            .into();
        }
        None => {}
    }
    if e.kind() == io::ErrorKind::NotFound {
        Error::NotFound(format!("The stored file of “{title}” ({})", path.display()))
    } else {
        Error::StoredFileUnreadable {
            title: title.to_string(),
            source: e,
        }
    }
}

pub(crate) fn damaged(path: &Path, title: &str) -> Error {
    Error::field(
        "document",
        crate::error::FieldProblem::StoredFileChanged {
            title: title.to_string(),
        },
        format!(
            "the stored file of “{title}” ({}) no longer matches what was imported; it may be damaged. Import the original again to repair it",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_hash_shape() {
        assert_eq!(hex(&[0x00, 0xab, 0x0f, 0xf0]), "00ab0ff0");
        assert!(is_hash(&sha256_hex(b"x")));
        assert!(!is_hash("../../etc/passwd"));
        assert!(!is_hash(&"A".repeat(64)));
    }

    #[test]
    fn a_malformed_hash_never_becomes_a_path() {
        let err = object_path(Path::new("/v"), "../../x", MediaType::Pdf).unwrap_err();
        assert!(err.to_string().contains("malformed"), "{err}");
        let ok = object_path(Path::new("/v"), &sha256_hex(b"x"), MediaType::Tiff).unwrap();
        assert!(ok.starts_with("/v/2d"));
        assert_eq!(ok.extension().unwrap(), "tif");
    }

    #[test]
    fn a_dropped_temp_object_removes_itself() {
        let dir = tempfile::tempdir().unwrap();
        let mut temp = TempObject::create(dir.path(), None).unwrap();
        temp.write_all(b"half").unwrap();
        let path = temp.path().to_path_buf();
        assert!(path.exists());
        assert!(is_temp_name(&path.file_name().unwrap().to_string_lossy()));
        drop(temp);
        assert!(!path.exists());
    }
}

//! Durable file writes. A candidate's files must never be left half-written: every file goes to a
//! temporary name in the destination directory, is synced, renamed over, and the directory is
//! synced so the rename itself survives a power cut. Writes outside the data folder also go
//! through the [`journal`], so a kill leaves no temporary file there after the next start.

pub mod journal;
pub mod private;

pub use private::{create_new_private, private_dir, private_dir_all};

use crate::error::IoOp;
use crate::{Error, Result};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every temporary name Dossier gives a file or folder it is writing starts with this, so its
/// leftovers can be told from the candidate's own files.
pub const TEMP_PREFIX: &str = ".dossier-";

/// A temporary path beside `dest`, on the same file system so the final rename is atomic. Its
/// name is short and does not grow with `dest`'s: a destination may use all 255 bytes a file
/// system allows in a name.
pub fn temp_path_beside(dest: &Path) -> PathBuf {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    // Unique within the process by the counter, across processes by the pid and the randomly
    // keyed hasher, and across runs by the time.
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    // 48 bits are plenty for names that live seconds in one folder.
    let unique = hasher.finish() & 0xffff_ffff_ffff;
    dest.with_file_name(format!("{TEMP_PREFIX}{unique:012x}.partial"))
}

/// Where `path` really is, once `..` and links in its folder are resolved; `path` itself need
/// not exist yet. `None` when its folder does not exist (then nothing can be written there).
pub fn resolved(path: &Path) -> Option<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(dir.canonicalize().ok()?.join(path.file_name()?))
}

/// Refuses `dest` when it is Dossier's data folder or anywhere inside it: a copy or a pack
/// written there could replace the live database or a stored document, or be taken for one.
/// `what` names what was to be written ("copy", "pack").
pub fn refuse_inside_data_folder(dest: &Path, data_folder: &Path, what: &str) -> Result<()> {
    let inside = match (resolved(dest), data_folder.canonicalize()) {
        (Some(dest), Ok(folder)) => dest.starts_with(folder),
        _ => false,
    };
    if inside {
        return Err(Error::field(
            "destination",
            crate::error::FieldProblem::InsideDataFolder {
                path: dest.display().to_string(),
            },
            format!(
                "{} is inside Dossier's own data folder, which holds its database and vault folder; choose another place for the {what}",
                dest.display()
            ),
        ));
    }
    Ok(())
}

/// Writes `bytes` to `dest` atomically; an existing `dest` is replaced only once the new content
/// is durable.
/// Unrecorded: for Dossier's own data folder, whose temporary files its own start-up clears;
/// elsewhere use [`journal::Journal::write_atomic`].
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<()> {
    write_to(&temp_path_beside(dest), dest, bytes)
}

fn write_to(temp: &Path, dest: &Path, bytes: &[u8]) -> Result<()> {
    let result = (|| {
        let mut file = private::create_private(temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(temp);
        return Err(Error::io(IoOp::Write, dest, e));
    }
    rename_into_place(temp, dest)
}

/// Moves an already written `temp` file to `dest` once it is synced, then syncs the directory.
/// On failure the temporary file is removed, so nothing half-done is left behind.
pub fn persist(temp: &Path, dest: &Path) -> Result<()> {
    if let Err(e) = File::open(temp).and_then(|f| f.sync_all()) {
        let _ = fs::remove_file(temp);
        return Err(Error::io(IoOp::Write, dest, e));
    }
    rename_into_place(temp, dest)
}

/// The end of [`persist`], for a `temp` file its writer has just synced.
fn rename_into_place(temp: &Path, dest: &Path) -> Result<()> {
    if let Err(e) = fs::rename(temp, dest) {
        let _ = fs::remove_file(temp);
        return Err(Error::io(IoOp::Write, dest, e));
    }
    sync_dir(dest.parent().unwrap_or(Path::new(".")))
}

/// Whether [`sync_file_system`] makes a whole file system durable in one call on this platform.
pub const SYNCS_FILE_SYSTEM: bool = cfg!(any(target_os = "linux", target_os = "android"));

/// Makes everything written on the file system that holds `path` durable, file data and folder
/// entries alike (`syncfs`), so a writer of many files pays for one journal commit rather than
/// one per file and per folder. It also flushes what other programs wrote there, which costs
/// them nothing they did not already owe. Only where [`SYNCS_FILE_SYSTEM`]; elsewhere it syncs
/// `path` itself, and the caller must have synced each file and folder.
pub fn sync_file_system(path: &Path) -> Result<()> {
    let opened = File::open(path).map_err(|e| Error::io(IoOp::Open, path, e))?;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let synced = rustix::fs::syncfs(&opened).map_err(std::io::Error::from);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let synced = opened.sync_all();
    synced.map_err(|e| Error::io(IoOp::Sync, path, e))
}

pub fn sync_dir(dir: &Path) -> Result<()> {
    // Directories can be opened read-only and fsynced on Unix; elsewhere the rename is the best
    // the platform offers.
    #[cfg(unix)]
    {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(IoOp::SyncFolder, dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_file_system_is_synced_from_any_folder_on_it_and_a_missing_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("scan.pdf"), b"%PDF-1.7").unwrap();
        sync_file_system(dir.path()).unwrap();
        let missing = dir.path().join("gone");
        let err = sync_file_system(&missing).unwrap_err().to_string();
        assert!(err.contains("gone"), "{err}");
    }

    #[test]
    fn write_atomic_replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("notes.txt");
        write_atomic(&dest, b"first").unwrap();
        write_atomic(&dest, b"second").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("notes.txt")]);
    }

    #[test]
    fn the_temporary_name_is_short_unique_and_beside_even_the_longest_name() {
        let dir = tempfile::tempdir().unwrap();
        // 255 bytes, the most ext4, APFS and NTFS take in one name.
        let dest = dir.path().join(format!("{}a.pdf", "é".repeat(125)));
        assert_eq!(dest.file_name().unwrap().len(), 255);
        let temp = temp_path_beside(&dest);
        assert_eq!(
            temp.parent(),
            dest.parent(),
            "the rename stays in one folder"
        );
        let name = temp.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.len() <= 32, "{name}");
        assert!(
            name.starts_with(".dossier-") && name.ends_with(".partial"),
            "{name}"
        );
        assert_ne!(temp_path_beside(&dest), temp);

        write_atomic(&dest, b"long").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"long");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_keeps_the_old_file_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("keep.txt");
        fs::write(&dest, b"precious").unwrap();
        // A missing temp file makes persist fail before the rename.
        let err = persist(&dir.path().join("missing.partial"), &dest).unwrap_err();
        assert!(err.to_string().contains("keep.txt"), "{err}");
        assert_eq!(fs::read(&dest).unwrap(), b"precious");
    }

    #[test]
    fn write_into_a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("no-such-folder").join("x.txt");
        let err = write_atomic(&dest, b"x").unwrap_err();
        match &err {
            Error::Io { op, path, .. } => {
                assert_eq!(*op, IoOp::Write);
                assert_eq!(path, &dest);
            }
            other => panic!("expected a write failure, got {other:?}"),
        }
    }
}

//! Private by default. Everything Dossier writes holds someone's personal data (a passport scan,
//! a criminal record certificate, references' contacts), so no other account on the computer may
//! read it: every folder Dossier creates is `0700` and every file `0600`, whatever the umask.
//! The mode is given when the file or folder is created (the umask only ever removes bits, so
//! `0600` stays `0600`), never set afterwards, so there is no moment when it is readable by
//! others. Installations made before this was so are tightened by [`make_private`] at start.
//!
//! SQLite gives its `-wal`, `-shm` and `-journal` files the mode of their database file, so a
//! database created `0600` here keeps its side files private too.
//!
//! On platforms without Unix modes these are plain creations: the folder's own access rules
//! (the user's profile, on Windows) apply.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// The mode of every folder Dossier creates: its owner only.
pub const PRIVATE_DIR_MODE: u32 = 0o700;
/// The mode of every file Dossier creates: its owner only, read and write.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Options that create a file with [`PRIVATE_FILE_MODE`]; the caller adds how it opens it.
pub fn private_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.mode(PRIVATE_FILE_MODE);
    options
}

/// A new private file at `path`, for writing; an existing one is an error (`AlreadyExists`).
pub fn create_new_private(path: &Path) -> io::Result<File> {
    private_options().write(true).create_new(true).open(path)
}

/// [`File::create`], private: a file already there keeps its mode and is emptied.
pub fn create_private(path: &Path) -> io::Result<File> {
    private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
}

/// [`fs::write`], to a private file.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    create_private(path)?.write_all(bytes)
}

/// [`fs::create_dir`], private.
pub fn private_dir(path: &Path) -> io::Result<()> {
    #[allow(unused_mut)]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    builder.mode(PRIVATE_DIR_MODE);
    builder.create(path)
}

/// [`fs::create_dir_all`], private: every folder it creates, parents included, is
/// [`PRIVATE_DIR_MODE`]; folders already there are left as they are.
pub fn private_dir_all(path: &Path) -> io::Result<()> {
    #[allow(unused_mut)]
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(PRIVATE_DIR_MODE);
    builder.create(path)
}

/// Gives one existing file or folder its private mode if it has another; a missing path is
/// fine. Links are left alone: changing a link's mode would change what it points to, which
/// may not be Dossier's.
pub fn tighten(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        let wanted = if meta.is_dir() {
            PRIVATE_DIR_MODE
        } else if meta.is_file() {
            PRIVATE_FILE_MODE
        } else {
            return Ok(false);
        };
        if meta.permissions().mode() & 0o7777 == wanted {
            return Ok(false);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(wanted))?;
        Ok(true)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(false)
    }
}

/// What [`make_private`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tightened {
    /// Files and folders whose mode was changed to the private one.
    pub changed: u32,
    /// Files and folders left as they were because their mode could not be changed (another
    /// account's file, a file system without modes), with why.
    pub failed: Vec<(PathBuf, String)>,
}

/// Gives `root` and everything under it the private modes: folders `0700`, files `0600`. Run
/// once at start, so an installation made before files were private is private from then on;
/// a second run changes nothing, and costs one `lstat` per file. Links are not followed: what
/// they point to is not necessarily Dossier's.
pub fn make_private(root: &Path) -> Tightened {
    let mut report = Tightened::default();
    // A data folder that is itself a link (to another disk) is still Dossier's.
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut pending = vec![root];
    while let Some(path) = pending.pop() {
        match tighten(&path) {
            Ok(true) => report.changed += 1,
            Ok(false) => {}
            Err(e) => report.failed.push((path.clone(), e.to_string())),
        }
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            match fs::read_dir(&path) {
                Ok(entries) => pending.extend(entries.flatten().map(|e| e.path())),
                Err(e) => report.failed.push((path, e.to_string())),
            }
        }
    }
    report
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn an_open_installation_is_tightened_once_and_links_are_not_followed() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let theirs = root.path().join("theirs.txt");
        fs::create_dir_all(data.join("vault/ab")).unwrap();
        fs::write(data.join("dossier.db"), b"SQLite format 3").unwrap();
        fs::write(data.join("vault/ab/ab.pdf"), b"%PDF-1.4").unwrap();
        fs::write(&theirs, b"not Dossier's").unwrap();
        for (path, m) in [
            (data.clone(), 0o755),
            (data.join("vault"), 0o755),
            (data.join("vault/ab"), 0o775),
            (data.join("dossier.db"), 0o644),
            (data.join("vault/ab/ab.pdf"), 0o666),
            (theirs.clone(), 0o644),
        ] {
            fs::set_permissions(&path, fs::Permissions::from_mode(m)).unwrap();
        }
        std::os::unix::fs::symlink(&theirs, data.join("link")).unwrap();

        let first = make_private(&data);
        assert_eq!(first.changed, 5, "{first:?}");
        assert!(first.failed.is_empty(), "{first:?}");
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("vault/ab")), 0o700);
        assert_eq!(mode(&data.join("dossier.db")), 0o600);
        assert_eq!(mode(&data.join("vault/ab/ab.pdf")), 0o600);
        assert_eq!(mode(&theirs), 0o644, "a link's target is not Dossier's");

        assert_eq!(make_private(&data), Tightened::default());
    }

    #[test]
    fn a_missing_folder_is_nothing_to_tighten() {
        let root = tempfile::tempdir().unwrap();
        assert_eq!(
            make_private(&root.path().join("none")),
            Tightened::default()
        );
    }
}

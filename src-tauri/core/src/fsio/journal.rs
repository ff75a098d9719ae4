//! The write journal. Before Dossier creates a temporary file or folder (in the candidate's own
//! folders, usually), it records the temporary path, durably, in `<data dir>/writing/`: one
//! small file per write, removed once the write is complete. A write the process never finished
//! (killed, power cut) leaves its record, and [`clean_up`] at the next start removes what it
//! names, and only that: a recorded path that still exists and still carries Dossier's
//! temporary name. A folder replace also records its step, so a kill between its two renames
//! is finished or undone and the candidate has the old pack or the new one, never neither.

use super::{TEMP_PREFIX, private_dir_all, sync_dir, temp_path_beside, write_atomic};
use crate::error::IoOp;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The journal's folder inside the data folder.
pub const JOURNAL_FOLDER: &str = "writing";

const TEMP_SUFFIX: &str = ".partial";
const RECORD_SUFFIX: &str = ".json";
const RECORD_FORMAT: u32 = 1;

/// What the temporary path will hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TempKind {
    File,
    Folder,
    /// A SQLite file being written (`VACUUM INTO`), which SQLite writes with a `-journal`
    /// beside it (and could with `-wal` and `-shm`): those go with it.
    Database,
}

/// The files SQLite may keep beside a database it writes.
const DATABASE_SIDE_FILES: &[&str] = &["-journal", "-wal", "-shm"];

/// How far a write got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The temporary path is being written; the destination is untouched.
    Writing,
    /// The new folder at the temporary path is complete. The old folder at the destination is
    /// moved to `aside`, the new one renamed to the destination, then the files of the old
    /// pack (`old_files`, names only) are removed from `aside`, and `aside` if it is then empty.
    Replacing {
        #[serde(with = "path_text")]
        aside: PathBuf,
        old_files: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    format: u32,
    kind: TempKind,
    #[serde(with = "path_text")]
    temp: PathBuf,
    #[serde(with = "path_text")]
    dest: PathBuf,
    #[serde(flatten)]
    step: Step,
}

/// Where the records of one data folder go. An in-memory store has no data folder and records
/// nothing: there is no next start to clean up at.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: Option<PathBuf>,
}

impl Journal {
    pub fn new(data_dir: &Path) -> Journal {
        Journal {
            dir: Some(data_dir.join(JOURNAL_FOLDER)),
        }
    }

    pub fn none() -> Journal {
        Journal { dir: None }
    }

    /// Picks a temporary path beside `dest` and records it durably, before anything is created
    /// there. The caller writes to [`Pending::temp`], and calls [`Pending::finish`] once the
    /// result is in place; dropped unfinished, the pending write undoes itself as a clean-up at
    /// the next start would.
    pub fn begin(&self, dest: &Path, kind: TempKind) -> Result<Pending> {
        let temp = temp_path_beside(dest);
        let record = Record {
            format: RECORD_FORMAT,
            kind,
            temp: temp.clone(),
            dest: dest.to_path_buf(),
            step: Step::Writing,
        };
        let record_path = match &self.dir {
            Some(dir) => {
                let created = !dir.is_dir();
                private_dir_all(dir).map_err(|e| Error::io(IoOp::CreateFolder, dir, e))?;
                if created {
                    sync_dir(dir.parent().unwrap_or(dir))?;
                }
                let name = temp
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let id = name
                    .trim_start_matches(TEMP_PREFIX)
                    .trim_end_matches(TEMP_SUFFIX);
                let path = dir.join(format!("{id}{RECORD_SUFFIX}"));
                write_record(&path, &record)?;
                Some(path)
            }
            None => None,
        };
        Ok(Pending {
            record_path,
            record,
            finished: false,
        })
    }

    /// [`super::write_atomic`], recorded: a kill leaves no temporary file beside `dest` after
    /// the next start.
    pub fn write_atomic(&self, dest: &Path, bytes: &[u8]) -> Result<()> {
        let pending = self.begin(dest, TempKind::File)?;
        super::write_to(pending.temp(), dest, bytes)?;
        pending.finish();
        Ok(())
    }
}

/// A recorded write in progress.
#[derive(Debug)]
pub struct Pending {
    record_path: Option<PathBuf>,
    record: Record,
    finished: bool,
}

impl Pending {
    pub fn temp(&self) -> &Path {
        &self.record.temp
    }

    /// Records, before the first rename, that the finished folder replaces the one at the
    /// destination by way of `aside`, and which files of the old one may then be removed.
    pub fn replacing(&mut self, aside: &Path, old_files: Vec<String>) -> Result<()> {
        self.record.step = Step::Replacing {
            aside: aside.to_path_buf(),
            old_files,
        };
        match &self.record_path {
            Some(path) => write_record(path, &self.record),
            None => Ok(()),
        }
    }

    /// The write is complete and in place: its record goes. Not synced: a record that comes
    /// back after a power cut names paths that no longer exist, and clean-up only drops it.
    pub fn finish(mut self) {
        self.finished = true;
        if let Some(path) = &self.record_path {
            let _ = fs::remove_file(path);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        // A failed write: undo it now as the next start would; the record stays if that fails.
        let mut report = CleanUp::default();
        if recover(&self.record, &mut report).is_ok()
            && let Some(path) = &self.record_path
        {
            let _ = fs::remove_file(path);
        }
    }
}

/// What [`clean_up`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanUp {
    /// Temporary files and folders of unfinished writes, removed.
    pub removed: Vec<PathBuf>,
    /// Folders put back at their place after a replace was cut between its two renames.
    pub restored: Vec<PathBuf>,
    /// Recorded paths left alone: not Dossier's temporary name, or not what was recorded.
    pub left_alone: Vec<PathBuf>,
    /// Records read and dropped.
    pub records: u32,
}

/// Finishes or undoes every write recorded in `<data_dir>/writing/`, then drops its record.
/// Run once at start, before anything else writes: a write of this process in progress would
/// be undone under its feet.
pub fn clean_up(data_dir: &Path) -> Result<CleanUp> {
    let dir = data_dir.join(JOURNAL_FOLDER);
    let mut report = CleanUp::default();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(report),
        Err(e) => return Err(Error::io(IoOp::Read, &dir, e)),
    };
    let mut records = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(IoOp::Read, &dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.ends_with(RECORD_SUFFIX) {
            records.push(path);
        } else if is_temp_name(&path) && path.is_file() {
            // A record being written when the process was killed: it never took effect.
            let _ = fs::remove_file(&path);
        }
    }
    records.sort();
    for path in records {
        let record = fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Record>(&bytes).ok());
        // A record this build cannot read names nothing it may touch; it is dropped.
        if let Some(record) = record.filter(|r| r.format == RECORD_FORMAT) {
            recover(&record, &mut report)?;
        }
        fs::remove_file(&path).map_err(|e| Error::io(IoOp::Remove, &path, e))?;
        report.records += 1;
    }
    if report.records > 0 {
        sync_dir(&dir)?;
    }
    Ok(report)
}

/// Whether `path`'s name is one [`temp_path_beside`] gives.
fn is_temp_name(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX))
}

fn recover(record: &Record, report: &mut CleanUp) -> Result<()> {
    let parent = record
        .dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut changed = false;
    if let Step::Replacing { aside, old_files } = &record.step {
        let aside_is_ours = is_temp_name(aside)
            && aside.parent() == record.dest.parent()
            && fs::symlink_metadata(aside).is_ok_and(|m| m.is_dir());
        let dest_there = fs::symlink_metadata(&record.dest).is_ok();
        if aside_is_ours && !dest_there {
            // Cut between the two renames: the old pack goes back where it was.
            fs::rename(aside, &record.dest)
                .map_err(|e| Error::io(IoOp::PutBack, &record.dest, e))?;
            report.restored.push(record.dest.clone());
            changed = true;
        } else if aside_is_ours {
            // The new pack is in place: what is left of the old one goes, its own files only.
            for name in old_files {
                let file = aside.join(name);
                let plain_name = Path::new(name).file_name() == Some(std::ffi::OsStr::new(name));
                if plain_name && fs::symlink_metadata(&file).is_ok_and(|m| m.is_file()) {
                    let _ = fs::remove_file(&file);
                }
            }
            // Not recursive: anything else in it is not Dossier's to delete.
            if fs::remove_dir(aside).is_ok() {
                report.removed.push(aside.clone());
            } else {
                report.left_alone.push(aside.clone());
            }
            changed = true;
        }
    }
    // A temporary path is always beside its destination; one recorded elsewhere is not ours.
    let beside = record.temp.parent() == record.dest.parent();
    changed |= remove_temp(&record.temp, record.kind, beside, report);
    if changed {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Removes the temporary path of a write if it is still there, is what was recorded, and has
/// Dossier's temporary name. Whether anything was removed.
fn remove_temp(temp: &Path, kind: TempKind, beside: bool, report: &mut CleanUp) -> bool {
    let mut removed_any = false;
    if kind == TempKind::Database && beside && is_temp_name(temp) {
        for suffix in DATABASE_SIDE_FILES {
            let mut side = temp.as_os_str().to_os_string();
            side.push(suffix);
            let side = PathBuf::from(side);
            if fs::symlink_metadata(&side).is_ok_and(|m| m.is_file())
                && fs::remove_file(&side).is_ok()
            {
                report.removed.push(side);
                removed_any = true;
            }
        }
    }
    let Ok(meta) = fs::symlink_metadata(temp) else {
        return removed_any;
    };
    let as_recorded = match kind {
        TempKind::File | TempKind::Database => meta.is_file(),
        TempKind::Folder => meta.is_dir(),
    };
    if !(is_temp_name(temp) && beside && as_recorded) {
        report.left_alone.push(temp.to_path_buf());
        return removed_any;
    }
    let removed = match kind {
        TempKind::File | TempKind::Database => fs::remove_file(temp),
        TempKind::Folder => fs::remove_dir_all(temp),
    };
    if removed.is_ok() {
        report.removed.push(temp.to_path_buf());
        true
    } else {
        report.left_alone.push(temp.to_path_buf());
        removed_any
    }
}

fn write_record(path: &Path, record: &Record) -> Result<()> {
    let bytes = serde_json::to_vec(record)
        .map_err(|e| Error::io(IoOp::RecordWrite, path, io::Error::other(e)))?;
    write_atomic(path, &bytes)
}

/// Paths as text in the record; on Unix, a name that is not UTF-8 is kept byte for byte.
mod path_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::path::{Path, PathBuf};

    #[cfg(unix)]
    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        use std::os::unix::ffi::OsStrExt;
        match path.to_str() {
            Some(text) => Repr::Text(text.to_string()).serialize(s),
            None => Repr::Bytes(path.as_os_str().as_bytes().to_vec()).serialize(s),
        }
    }

    #[cfg(not(unix))]
    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        Repr::Text(path.to_string_lossy().into_owned()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        Ok(match Repr::deserialize(d)? {
            Repr::Text(text) => PathBuf::from(text),
            #[cfg(unix)]
            Repr::Bytes(bytes) => {
                use std::os::unix::ffi::OsStringExt;
                PathBuf::from(std::ffi::OsString::from_vec(bytes))
            }
            #[cfg(not(unix))]
            Repr::Bytes(bytes) => PathBuf::from(String::from_utf8_lossy(&bytes).into_owned()),
        })
    }

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Repr {
        Text(String),
        Bytes(Vec<u8>),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let outside = root.path().join("outside");
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(&outside).unwrap();
        (root, data, outside)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A crash: the pending write is never finished nor dropped.
    fn crash(pending: Pending) {
        std::mem::forget(pending);
    }

    #[test]
    fn a_killed_file_write_leaves_nothing_after_clean_up() {
        let (_root, data, outside) = setup();
        let dest = outside.join("copy.pdf");
        let pending = Journal::new(&data).begin(&dest, TempKind::File).unwrap();
        fs::write(pending.temp(), b"half a scan").unwrap();
        crash(pending);
        assert_eq!(names(&data.join(JOURNAL_FOLDER)).len(), 1);

        let report = clean_up(&data).unwrap();
        assert_eq!(report.removed.len(), 1);
        assert!(names(&outside).is_empty());
        assert!(names(&data.join(JOURNAL_FOLDER)).is_empty());
        // A second start finds nothing to do.
        assert_eq!(clean_up(&data).unwrap(), CleanUp::default());
    }

    #[test]
    fn a_killed_database_copy_leaves_neither_it_nor_sqlites_journal() {
        let (_root, data, outside) = setup();
        let pending = Journal::new(&data)
            .begin(&outside.join("backup.db"), TempKind::Database)
            .unwrap();
        fs::write(pending.temp(), b"SQLite format 3").unwrap();
        let mut side = pending.temp().as_os_str().to_os_string();
        side.push("-journal");
        fs::write(&side, b"rollback").unwrap();
        // Not a side file of this temp: stays.
        let theirs = outside.join("backup.db-journal");
        fs::write(&theirs, b"mine").unwrap();
        crash(pending);
        let report = clean_up(&data).unwrap();
        assert_eq!(report.removed.len(), 2, "{report:?}");
        assert_eq!(names(&outside), ["backup.db-journal"]);
    }

    #[test]
    fn a_finished_write_leaves_no_record_and_clean_up_keeps_its_result() {
        let (_root, data, outside) = setup();
        let dest = outside.join("calendar.ics");
        Journal::new(&data).write_atomic(&dest, b"BEGIN").unwrap();
        assert_eq!(names(&outside), ["calendar.ics"]);
        assert!(names(&data.join(JOURNAL_FOLDER)).is_empty());
        clean_up(&data).unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"BEGIN");
    }

    #[test]
    fn a_failed_write_undoes_itself_when_dropped() {
        let (_root, data, outside) = setup();
        let pending = Journal::new(&data)
            .begin(&outside.join("pack"), TempKind::Folder)
            .unwrap();
        fs::create_dir(pending.temp()).unwrap();
        fs::write(pending.temp().join("00 Manifest.json"), b"{").unwrap();
        drop(pending);
        assert!(names(&outside).is_empty());
        assert!(names(&data.join(JOURNAL_FOLDER)).is_empty());
    }

    /// An old pack at `dest` with two files, a complete new one in the temporary folder, and the
    /// journal at the replace step.
    fn replace_under_way(data: &Path, dest: &Path) -> (Pending, PathBuf) {
        fs::create_dir(dest).unwrap();
        fs::write(dest.join("00 Manifest.json"), b"old").unwrap();
        fs::write(dest.join("01 CV.pdf"), b"old cv").unwrap();
        let mut pending = Journal::new(data).begin(dest, TempKind::Folder).unwrap();
        fs::create_dir(pending.temp()).unwrap();
        fs::write(pending.temp().join("00 Manifest.json"), b"new").unwrap();
        let aside = temp_path_beside(dest);
        pending
            .replacing(&aside, vec!["00 Manifest.json".into(), "01 CV.pdf".into()])
            .unwrap();
        (pending, aside)
    }

    #[test]
    fn a_replace_killed_before_the_first_rename_keeps_the_old_pack() {
        let (_root, data, outside) = setup();
        let dest = outside.join("pack");
        let (pending, _aside) = replace_under_way(&data, &dest);
        crash(pending);
        clean_up(&data).unwrap();
        assert_eq!(names(&outside), ["pack"]);
        assert_eq!(fs::read(dest.join("00 Manifest.json")).unwrap(), b"old");
    }

    #[test]
    fn a_replace_killed_between_the_renames_puts_the_old_pack_back() {
        let (_root, data, outside) = setup();
        let dest = outside.join("pack");
        let (pending, aside) = replace_under_way(&data, &dest);
        fs::rename(&dest, &aside).unwrap();
        crash(pending);
        let report = clean_up(&data).unwrap();
        assert_eq!(report.restored, std::slice::from_ref(&dest));
        assert_eq!(names(&outside), ["pack"]);
        assert_eq!(names(&dest), ["00 Manifest.json", "01 CV.pdf"]);
        assert_eq!(fs::read(dest.join("00 Manifest.json")).unwrap(), b"old");
    }

    #[test]
    fn a_replace_killed_after_the_renames_keeps_the_new_pack_and_clears_the_old() {
        let (_root, data, outside) = setup();
        let dest = outside.join("pack");
        let (pending, aside) = replace_under_way(&data, &dest);
        fs::rename(&dest, &aside).unwrap();
        fs::rename(pending.temp(), &dest).unwrap();
        // Killed half way through removing the old pack's files.
        fs::remove_file(aside.join("01 CV.pdf")).unwrap();
        crash(pending);
        clean_up(&data).unwrap();
        assert_eq!(names(&outside), ["pack"]);
        assert_eq!(fs::read(dest.join("00 Manifest.json")).unwrap(), b"new");
    }

    #[test]
    fn a_file_that_appeared_in_the_old_pack_keeps_it_aside() {
        let (_root, data, outside) = setup();
        let dest = outside.join("pack");
        let (pending, aside) = replace_under_way(&data, &dest);
        fs::rename(&dest, &aside).unwrap();
        fs::rename(pending.temp(), &dest).unwrap();
        fs::write(aside.join("my notes.txt"), b"mine").unwrap();
        crash(pending);
        let report = clean_up(&data).unwrap();
        assert_eq!(report.left_alone, std::slice::from_ref(&aside));
        assert_eq!(names(&aside), ["my notes.txt"]);
    }

    #[test]
    fn clean_up_never_removes_a_path_without_the_prefix_or_not_recorded() {
        let (_root, data, outside) = setup();
        let journal = data.join(JOURNAL_FOLDER);
        fs::create_dir_all(&journal).unwrap();
        // Records that name the candidate's own files, as a damaged or forged record could.
        let theirs = outside.join("Diploma.pdf");
        let their_folder = outside.join("Documents");
        fs::write(&theirs, b"mine").unwrap();
        fs::create_dir(&their_folder).unwrap();
        fs::write(their_folder.join("a.txt"), b"mine").unwrap();
        let forged = [
            Record {
                format: RECORD_FORMAT,
                kind: TempKind::File,
                temp: theirs.clone(),
                dest: outside.join("x.pdf"),
                step: Step::Writing,
            },
            Record {
                format: RECORD_FORMAT,
                kind: TempKind::Folder,
                temp: their_folder.clone(),
                dest: outside.join("pack"),
                step: Step::Replacing {
                    aside: their_folder.clone(),
                    old_files: vec!["a.txt".into()],
                },
            },
        ];
        for (i, record) in forged.iter().enumerate() {
            write_record(&journal.join(format!("{i}.json")), record).unwrap();
        }
        // A temporary name no record names, and one recorded as a file that is a folder.
        let unrecorded = outside.join(".dossier-0123456789ab.partial");
        fs::write(&unrecorded, b"someone else's").unwrap();
        let pending = Journal::new(&data)
            .begin(&outside.join("y.pdf"), TempKind::File)
            .unwrap();
        fs::create_dir(pending.temp()).unwrap();
        let mistyped = pending.temp().to_path_buf();
        crash(pending);
        // A record in a format from a newer Dossier.
        fs::write(
            journal.join("newer.json"),
            format!(
                r#"{{"format":9,"kind":"file","temp":"{}","dest":"z","step":"writing"}}"#,
                unrecorded.display()
            ),
        )
        .unwrap();

        let report = clean_up(&data).unwrap();
        assert!(report.removed.is_empty(), "{report:?}");
        assert_eq!(fs::read(&theirs).unwrap(), b"mine");
        assert_eq!(fs::read(their_folder.join("a.txt")).unwrap(), b"mine");
        assert!(unrecorded.exists());
        assert!(mistyped.is_dir());
        assert!(names(&journal).is_empty());
    }

    #[test]
    fn a_record_keeps_a_name_that_is_not_utf8() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let path = PathBuf::from(std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9/x"));
            let record = Record {
                format: RECORD_FORMAT,
                kind: TempKind::File,
                temp: path.clone(),
                dest: path,
                step: Step::Writing,
            };
            let text = serde_json::to_vec(&record).unwrap();
            assert_eq!(serde_json::from_slice::<Record>(&text).unwrap(), record);
        }
    }
}

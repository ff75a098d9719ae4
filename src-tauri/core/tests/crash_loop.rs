//! Kills the crash worker (`crash/worker.rs`) with SIGKILL at random moments while it saves
//! vacancies, imports files, writes copies, packs, database copies and calendars into an outside
//! folder, and makes and restores backups, and after each kill runs what the app runs at start
//! (an interrupted restore finished, the write journal's clean-up, the store and the vault
//! opened), then checks: every acknowledged write is there,
//! the database passes `PRAGMA integrity_check`, the vault check finds no damaged or missing
//! file, every acknowledged copy, pack and calendar is there and whole, and no `.dossier-`
//! temporary file or folder is left anywhere.
//!
//! Backups and restores are in the loop too. A restore brings back what its backup held, so
//! "no acknowledged write lost" means: after an acknowledged restore, every write acknowledged
//! before that backup was made is there, and every write acknowledged after the restore; writes
//! acknowledged between the two are replaced by the restore, as the candidate asked. A restore
//! cut by the kill has either happened whole (its `before-restore-` folder exists) or not at
//! all. Every listed backup verifies, and no restore staging or journal is left.
//!
//! `CRASH_KILLS` sets the number of kills (default 15; `make crash-test` runs 300),
//! `DOSSIER_CRASH_SEED` replays a run (the seed is printed at the start).

#![cfg(unix)]

use dossier_core::backup;
use dossier_core::fsio::journal;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::get_vacancy;
use dossier_core::vault::{self, Vault};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What must be in the data: vacancies by id (their reference) and documents by id (their hash).
#[derive(Default, Clone)]
struct Rows {
    vacancies: BTreeMap<u32, String>,
    documents: BTreeMap<u32, String>,
}

#[derive(Default)]
struct Acked {
    rows: Rows,
    /// What each backup holds at least: the rows acknowledged when it was made.
    backups: BTreeMap<String, Rows>,
    /// A restore begun and not yet acknowledged: when the kill came during it.
    restore_begun: Option<String>,
    restores: usize,
    /// Every document content ever stored, so a copy of one a restore took away still counts.
    contents_seen: BTreeSet<String>,
    copies: BTreeSet<PathBuf>,
    zips: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
    databases: BTreeSet<PathBuf>,
    calendars: BTreeSet<PathBuf>,
    count: u64,
}

impl Acked {
    fn take(&mut self, line: &str) {
        let fields: Vec<&str> = line.split(' ').collect();
        match fields.as_slice() {
            ["ack", "vacancy", id, reference] => {
                self.rows
                    .vacancies
                    .insert(id.parse().unwrap(), reference.to_string());
            }
            ["ack", "document", id, hash] => {
                self.rows
                    .documents
                    .insert(id.parse().unwrap(), hash.to_string());
                self.contents_seen.insert(hash.to_string());
            }
            ["ack", "backup", id] => {
                self.backups.insert(id.to_string(), self.rows.clone());
            }
            ["begin", "restore", id] => {
                self.restore_begun = Some(id.to_string());
                return;
            }
            ["ack", "restore", id] => {
                self.restored(id);
                self.restore_begun = None;
            }
            ["ack", "copy", path, _hash] => {
                self.copies.insert(PathBuf::from(path));
            }
            ["ack", "pack", "zip", path] => {
                self.zips.insert(PathBuf::from(path));
            }
            ["ack", "pack", "folder", path] => {
                self.folders.insert(PathBuf::from(path));
            }
            ["ack", "database-copy", path] => {
                self.databases.insert(PathBuf::from(path));
            }
            ["ack", "calendar", path] => {
                self.calendars.insert(PathBuf::from(path));
            }
            _ => panic!("the worker printed an unexpected line: {line:?}"),
        }
        self.count += 1;
    }

    fn restored(&mut self, id: &str) {
        self.rows = self
            .backups
            .get(id)
            .unwrap_or_else(|| {
                panic!("backup {id} was restored, but no backup of that id was seen")
            })
            .clone();
        self.restores += 1;
    }
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[test]
fn no_acknowledged_write_is_lost_and_nothing_half_written_is_left_after_a_kill() {
    let kills = env_u64("CRASH_KILLS").unwrap_or(15);
    let seed = env_u64("DOSSIER_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    });
    eprintln!("crash loop: {kills} kills, DOSSIER_CRASH_SEED={seed}");
    let mut rng = SplitMix(seed);
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let outside = root.path().join("outside");
    let sources = root.path().join("sources");
    let stderr_path = root.path().join("worker.stderr");
    let mut acked = Acked::default();
    let started = Instant::now();

    for run in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-worker"))
            .arg(&data)
            .arg(&outside)
            .arg(&sources)
            .arg(rng.next().to_string())
            .arg(run.to_string())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(&stderr_path).unwrap())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        // The moment of the kill: after a random number of acks (none: during start-up), and
        // then a random fraction of a further operation.
        let wait_acks = rng.below(8);
        let mut line = String::new();
        for _ in 0..wait_acks {
            line.clear();
            if lines.read_line(&mut line).unwrap() == 0 {
                break;
            }
            acked.take(line.trim_end());
        }
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        kill(&mut child, &stderr_path, seed);
        // Acks printed before the kill are still in the pipe; a line cut short was never
        // complete, so it acknowledged nothing.
        let mut rest = String::new();
        lines.read_to_string(&mut rest).unwrap();
        for line in rest.split_inclusive('\n') {
            if line.ends_with('\n') {
                acked.take(line.trim_end());
            }
        }
        check_after_restart(&data, &outside, &mut acked, run, seed);
    }
    eprintln!(
        "crash loop: {kills} kills, {} acknowledged operations ({} backups, {} restores), {:.1} s",
        acked.count,
        acked.backups.len(),
        acked.restores,
        started.elapsed().as_secs_f64()
    );
    assert!(
        acked.count >= kills / 2,
        "the worker acknowledged too little to test anything ({} acks)",
        acked.count
    );
}

fn kill(child: &mut Child, stderr_path: &Path, seed: u64) {
    child.kill().unwrap();
    let status = child.wait().unwrap();
    if status.signal() != Some(SIGKILL) {
        panic!(
            "the worker stopped by itself ({status}) before the kill (DOSSIER_CRASH_SEED={seed}):\n{}",
            fs::read_to_string(stderr_path).unwrap_or_default()
        );
    }
}

const SIGKILL: i32 = 9;

/// What the app does at start, then every check.
fn check_after_restart(data: &Path, outside: &Path, acked: &mut Acked, run: u64, seed: u64) {
    let replay = format!("after kill {run} (DOSSIER_CRASH_SEED={seed})");
    // In the shell's order (`AppState::new`).
    backup::finish_interrupted_restore(data)
        .unwrap_or_else(|e| panic!("the interrupted restore was not finished {replay}: {e}"));
    journal::clean_up(data).unwrap_or_else(|e| panic!("clean-up failed {replay}: {e}"));
    for name in [backup::RESTORE_STAGING, backup::RESTORE_JOURNAL] {
        assert!(!data.join(name).exists(), "{name} is left {replay}");
    }
    if let Some(id) = acked.restore_begun.take() {
        // The data kept aside is the sign that the restore was decided, and then finished.
        let kept_aside = fs::read_dir(data)
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(backup::BEFORE_RESTORE_PREFIX)
            })
            .count();
        assert!(
            kept_aside <= acked.restores + 1,
            "{kept_aside} folders of data kept aside after {} restores {replay}",
            acked.restores
        );
        if kept_aside == acked.restores + 1 {
            acked.restored(&id);
        }
    }
    let store = Store::open(&data.join(DATABASE_FILE))
        .unwrap_or_else(|e| panic!("the store did not open {replay}: {e}"));
    let vault = Vault::open(data).unwrap();

    let integrity: String = store
        .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(integrity, "ok", "{replay}");
    for (id, reference) in &acked.rows.vacancies {
        let vacancy = get_vacancy(&store, *id)
            .unwrap_or_else(|e| panic!("acknowledged vacancy {id} is lost {replay}: {e}"));
        assert_eq!(&vacancy.input.reference, reference, "{replay}");
    }
    let mut hashes = BTreeSet::new();
    for (id, hash) in &acked.rows.documents {
        let document = vault::get_document(&store, *id)
            .unwrap_or_else(|e| panic!("acknowledged document {id} is lost {replay}: {e}"));
        assert_eq!(&document.content_hash, hash, "{replay}");
        hashes.insert(hash.clone());
    }
    let report = vault.check_integrity(&store).unwrap();
    assert!(report.damaged_files.is_empty(), "{replay}: {report:?}");
    assert!(
        report.documents_without_file.is_empty(),
        "{replay}: {report:?}"
    );
    let all_hashes: BTreeSet<String> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT content_hash FROM documents")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();

    acked.contents_seen.extend(all_hashes);
    for copy in &acked.copies {
        // A later copy to the same name may have landed without its ack: any stored content.
        let bytes = fs::read(copy).unwrap_or_else(|e| panic!("{copy:?} is lost {replay}: {e}"));
        assert!(
            acked.contents_seen.contains(&vault::sha256_hex(&bytes)),
            "{copy:?} is not a whole document {replay}"
        );
    }
    for folder in &acked.folders {
        check_folder_pack(folder, &replay);
    }
    for zip in &acked.zips {
        let file = fs::File::open(zip).unwrap_or_else(|e| panic!("{zip:?} is lost {replay}: {e}"));
        let mut archive = zip::ZipArchive::new(file)
            .unwrap_or_else(|e| panic!("{zip:?} is not a whole zip {replay}: {e}"));
        archive
            .by_name("00 Manifest.json")
            .unwrap_or_else(|e| panic!("{zip:?} has no manifest {replay}: {e}"));
    }
    for database in &acked.databases {
        let conn = rusqlite::Connection::open_with_flags(
            database,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap_or_else(|e| panic!("{database:?} is lost {replay}: {e}"));
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{database:?} is not a database {replay}: {e}"));
        assert_eq!(ok, "ok", "{database:?} {replay}");
    }
    for calendar in &acked.calendars {
        let text = fs::read_to_string(calendar)
            .unwrap_or_else(|e| panic!("{calendar:?} is lost {replay}: {e}"));
        assert!(
            text.starts_with("BEGIN:VCALENDAR") && text.trim_end().ends_with("END:VCALENDAR"),
            "{calendar:?} is not a whole calendar {replay}"
        );
    }
    check_backups(&outside.join(BACKUP_FOLDER), acked, &replay);
    let mut left = Vec::new();
    leftovers(outside, &mut left);
    leftovers(data, &mut left);
    assert!(
        left.is_empty(),
        "half-written files left {replay}: {left:?}"
    );
}

/// The worker's backup folder (`crash/worker.rs`), on the candidate's other disk.
const BACKUP_FOLDER: &str = "backups";

/// Every listed backup is whole and verifies. One the kill kept from being acknowledged was the
/// run's last operation, so it holds at least what was acknowledged by then.
fn check_backups(folder: &Path, acked: &mut Acked, replay: &str) {
    if !folder.exists() {
        return;
    }
    let listed = backup::list(folder).unwrap_or_else(|e| panic!("backups unlisted {replay}: {e}"));
    for summary in listed {
        assert!(
            summary.damaged.is_empty(),
            "backup {} is damaged {replay}: {:?}",
            summary.id,
            summary.damaged
        );
        backup::verify(folder, &summary.id)
            .unwrap_or_else(|e| panic!("backup {} does not verify {replay}: {e}", summary.id));
        if !acked.backups.contains_key(&summary.id) {
            acked.backups.insert(summary.id, acked.rows.clone());
        }
    }
}

/// A whole pack: its manifest and every file it lists, each with the size and sum it records.
fn check_folder_pack(folder: &Path, replay: &str) {
    let manifest = fs::read(folder.join("00 Manifest.json"))
        .unwrap_or_else(|e| panic!("{folder:?} lost its pack {replay}: {e}"));
    let manifest: dossier_core::packs::Manifest = serde_json::from_slice(&manifest).unwrap();
    for file in &manifest.files {
        let bytes = fs::read(folder.join(&file.name))
            .unwrap_or_else(|e| panic!("{folder:?} lost {} {replay}: {e}", file.name));
        assert_eq!(
            vault::sha256_hex(&bytes),
            file.sha256,
            "{folder:?} {replay}"
        );
    }
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        manifest.files.len() + 2,
        "{folder:?} holds {names:?} {replay}"
    );
}

fn leftovers(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".dossier-") || name.starts_with(".import-") {
            out.push(path.clone());
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            leftovers(&path, out);
        }
    }
}

//! The crash worker: opens a data folder as the app does at start (the write journal cleaned
//! up, the store and the vault opened) and then loops doing real operations, printing one
//! `ack …` line to stdout after each one has returned, that is once Dossier would have told the
//! candidate it was saved. `core/tests/crash_loop.rs` kills it with SIGKILL at random moments
//! and checks, after the next start, that every acknowledged operation is there and nothing
//! half-written is left.
//!
//! crash-worker <data dir> <outside dir> <sources dir> <seed> <run>
//!
//! Ack lines (fields separated by one space; the paths it writes have no spaces):
//! `ack vacancy <id> <reference>`, `ack document <id> <sha256>`, `ack copy <path> <sha256>`,
//! `ack pack zip|folder <path>`, `ack database-copy <path>`, `ack calendar <path>`,
//! `ack backup <id>` (made and the folder pruned), `begin restore <id>` (printed before a restore
//! starts, so the checker knows one may have been cut) and `ack restore <id>`.

use chrono::{DateTime, Utc};
use dossier_core::backup;
use dossier_core::fsio::journal;
use dossier_core::packs::{
    ItemState, ManifestItem, PackEntry, PackFormat, PackPlan, PackSource, export_pack,
};
use dossier_core::store::{self, DATABASE_FILE, Store};
use dossier_core::vacancy::{Platform, SaveOutcome, VacancyInput, create_vacancy};
use dossier_core::vault::{ImportOptions, Vault};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// The operations the loop chooses from.
#[derive(Debug, Clone, Copy)]
enum Operation {
    StoreWrite,
    Import,
    CopyExport,
    ZipPack,
    FolderPack,
    DatabaseCopy,
    Calendar,
    Backup,
    Restore,
}

const OPERATIONS: &[(Operation, u64)] = &[
    (Operation::StoreWrite, 4),
    (Operation::Import, 3),
    (Operation::CopyExport, 2),
    (Operation::ZipPack, 1),
    (Operation::FolderPack, 2),
    (Operation::DatabaseCopy, 1),
    (Operation::Calendar, 1),
    (Operation::Backup, 2),
    (Operation::Restore, 1),
];

/// The backup folder, under the outside folder: the candidate's choice of another disk.
const BACKUP_FOLDER: &str = "backups";

/// How many destinations of each kind the worker writes to, so most writes replace an earlier
/// one, the case a kill is most likely to damage.
const SLOTS: u64 = 3;

struct Worker {
    store: Store,
    vault: Vault,
    data: PathBuf,
    outside: PathBuf,
    sources: PathBuf,
    run: u64,
    step: u64,
    rng: SplitMix,
    now: DateTime<Utc>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 {
        eprintln!("usage: crash-worker <data dir> <outside dir> <sources dir> <seed> <run>");
        std::process::exit(2);
    }
    let data = PathBuf::from(&args[1]);
    let seed: u64 = args[4].parse().expect("a numeric seed");
    let run: u64 = args[5].parse().expect("a numeric run");
    // As the shell's `AppState::new` does, in its order.
    backup::finish_interrupted_restore(&data).expect("finish an interrupted restore");
    journal::clean_up(&data).expect("clean up the journal");
    let store = Store::open(&data.join(DATABASE_FILE)).expect("open the store");
    let vault = Vault::open(&data).expect("open the vault");
    let mut worker = Worker {
        store,
        vault,
        data: data.clone(),
        outside: PathBuf::from(&args[2]),
        sources: PathBuf::from(&args[3]),
        run,
        step: 0,
        rng: SplitMix(seed),
        now: "2026-11-22T09:00:00Z".parse().expect("a time"),
    };
    for dir in ["copies", "packs", "databases", "calendars"] {
        std::fs::create_dir_all(worker.outside.join(dir)).expect("create an outside folder");
    }
    std::fs::create_dir_all(&worker.sources).expect("create the sources folder");
    let total: u64 = OPERATIONS.iter().map(|(_, w)| w).sum();
    loop {
        let mut pick = worker.rng.below(total);
        let operation = OPERATIONS
            .iter()
            .find(|(_, weight)| {
                let hit = pick < *weight;
                pick = pick.saturating_sub(*weight);
                hit
            })
            .map(|(op, _)| *op)
            .unwrap_or(Operation::StoreWrite);
        worker.step += 1;
        if let Some(ack) = worker.perform(operation) {
            let mut out = std::io::stdout().lock();
            writeln!(out, "ack {ack}").expect("write an ack");
            out.flush().expect("flush an ack");
        }
    }
}

impl Worker {
    /// Does one operation; its ack line (without `ack `), or `None` when there was nothing to do
    /// it on yet. Any failure stops the worker: the test reads that as a bug.
    fn perform(&mut self, operation: Operation) -> Option<String> {
        match operation {
            Operation::StoreWrite => {
                let reference = format!("R{}-{}", self.run, self.step);
                let input = VacancyInput::new(
                    Platform::RecruitmentHub,
                    reference.clone(),
                    format!("Crash test vacancy {reference}"),
                );
                match create_vacancy(&mut self.store, input, self.now).expect("save a vacancy") {
                    SaveOutcome::Saved { vacancy } => {
                        Some(format!("vacancy {} {reference}", vacancy.id))
                    }
                    SaveOutcome::Duplicate { .. } => panic!("{reference} is not a duplicate"),
                }
            }
            Operation::Import => {
                let source = self
                    .sources
                    .join(format!("scan-{}-{}.pdf", self.run, self.step));
                let size = 1024 + self.rng.below(64 * 1024) as usize;
                let mut bytes = Vec::with_capacity(size);
                bytes.extend_from_slice(b"%PDF-1.7\n");
                while bytes.len() < size {
                    bytes.extend_from_slice(&self.rng.next().to_le_bytes());
                }
                std::fs::write(&source, &bytes).expect("write a source file");
                let imported = self
                    .vault
                    .import_file(
                        &mut self.store,
                        &source,
                        &ImportOptions::default(),
                        self.now,
                    )
                    .expect("import a file");
                let _ = std::fs::remove_file(&source);
                Some(format!(
                    "document {} {}",
                    imported.document.id, imported.document.content_hash
                ))
            }
            Operation::CopyExport => {
                let (id, hash) = self.documents(1).into_iter().next()?;
                let dest = self.slot("copies", "copy", ".pdf");
                self.vault
                    .export_copy(&self.store, id, &dest, true)
                    .expect("export a copy");
                Some(format!("copy {} {hash}", dest.display()))
            }
            Operation::ZipPack | Operation::FolderPack => {
                let (format, word, extension) = match operation {
                    Operation::ZipPack => (PackFormat::Zip, "zip", ".zip"),
                    _ => (PackFormat::Folder, "folder", ""),
                };
                let plan = self.plan()?;
                let dest = self.slot("packs", word, extension);
                export_pack(
                    &plan,
                    &dest,
                    format,
                    true,
                    self.now,
                    &AtomicBool::new(false),
                    &mut |_| {},
                )
                .expect("export a pack");
                Some(format!("pack {word} {}", dest.display()))
            }
            Operation::DatabaseCopy => {
                let dest = self.slot("databases", "dossier", ".db");
                self.store.backup_to(&dest).expect("copy the database");
                Some(format!("database-copy {}", dest.display()))
            }
            Operation::Calendar => {
                let dest = self.slot("calendars", "dossier", ".ics");
                dossier_core::calendar::export_calendar(
                    &self.store,
                    &dest,
                    self.now,
                    "Europe/Paris",
                    dossier_core::display_language::DisplayLanguage::En,
                )
                .expect("export the calendar");
                Some(format!("calendar {}", dest.display()))
            }
            Operation::Backup => {
                let dir = self.outside.join(BACKUP_FOLDER);
                // Each backup some hours after the newest, so that prune has days and weeks to
                // keep and remove across a run.
                let now = self
                    .newest_backup()
                    .map_or(self.now, |b| b.created_at + chrono::Duration::hours(7));
                let made = backup::create(&self.store, &self.vault, &dir, now, "crash")
                    .expect("make a backup");
                backup::prune(&dir, now.date_naive(), &self.vault.journal())
                    .expect("prune the backups");
                Some(format!("backup {}", made.id))
            }
            Operation::Restore => {
                let id = self.newest_backup()?.id;
                {
                    let mut out = std::io::stdout().lock();
                    writeln!(out, "begin restore {id}").expect("write a line");
                    out.flush().expect("flush a line");
                }
                // The store is closed first, as the shell does.
                self.store = Store::open_in_memory().expect("an in-memory store");
                backup::restore(
                    &self.outside.join(BACKUP_FOLDER),
                    &id,
                    &self.data,
                    self.now,
                    store::latest_schema_version(),
                )
                .expect("restore a backup");
                self.store = Store::open(&self.data.join(DATABASE_FILE)).expect("open the store");
                self.vault = Vault::open(&self.data).expect("open the vault");
                Some(format!("restore {id}"))
            }
        }
    }

    fn newest_backup(&self) -> Option<backup::BackupSummary> {
        backup::list(&self.outside.join(BACKUP_FOLDER))
            .expect("list the backups")
            .into_iter()
            .find(|b| b.damaged.is_empty())
    }

    fn slot(&mut self, folder: &str, stem: &str, extension: &str) -> PathBuf {
        let k = self.rng.below(SLOTS);
        self.outside
            .join(folder)
            .join(format!("{stem}-{k}{extension}"))
    }

    /// Up to `n` documents picked at random, as (id, content hash).
    fn documents(&self, n: u32) -> Vec<(u32, String)> {
        self.store
            .read(|c| {
                let mut stmt =
                    c.prepare("SELECT id, content_hash FROM documents ORDER BY random() LIMIT ?1")?;
                let rows = stmt.query_map([n], |r| Ok((r.get(0)?, r.get(1)?)))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .expect("list documents")
    }

    /// A pack of up to three stored documents and one file Dossier writes itself.
    fn plan(&self) -> Option<PackPlan> {
        let documents = self.documents(3);
        if documents.is_empty() {
            return None;
        }
        let mut entries = Vec::new();
        let mut items = Vec::new();
        for (i, (id, hash)) in documents.iter().enumerate() {
            let name = format!("{:02} Document {id}.pdf", i + 1);
            entries.push(PackEntry {
                name: name.clone(),
                source: PackSource::Stored {
                    document_id: *id,
                    title: format!("Document {id}"),
                    path: self
                        .vault
                        .file_path(&self.store, *id)
                        .expect("a stored file"),
                    sha256: hash.clone(),
                },
            });
            items.push(ManifestItem {
                position: i as u32 + 1,
                label: format!("Document {id}"),
                state: ItemState::Satisfied,
                detail: String::new(),
                file: Some(name),
            });
        }
        entries.push(PackEntry {
            name: format!("{:02} Notes.txt", entries.len() + 1),
            source: PackSource::Written(format!("run {} step {}\n", self.run, self.step).into()),
        });
        Some(PackPlan {
            language: dossier_core::display_language::DisplayLanguage::En,
            title: "Crash test pack".into(),
            candidate: "Amina Diallo".into(),
            vacancy_title: "Analyst".into(),
            vacancy_reference: "1503".into(),
            checked_on: self.now.date_naive(),
            complete: true,
            summary: "Crash test.".into(),
            items,
            entries,
            default_name: "Crash test pack".into(),
            data_folder: self.vault.data_folder().to_path_buf(),
            vault_key: None,
        })
    }
}

/// SplitMix64: which operation comes next and what it writes, from the seed alone, so a run
/// replays the same operations in the same order.
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

//! Private by default (issue 16): whatever the umask, every folder Dossier writes is `0700` and
//! every file `0600`, in the data folder (database and its `-wal`/`-shm`, vault objects, the
//! write journal, backups) and in the places the candidate chooses (a backup folder, a copy, an
//! export); an installation made before is tightened at start.
#![cfg(unix)]

use chrono::{DateTime, TimeZone, Utc};
use dossier_core::backup::{self, BackupSettings};
use dossier_core::export::{self, ExportFormat};
use dossier_core::fsio::private::make_private;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use rustix::fs::Mode;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The umask belongs to the whole process: the tests that set it run one at a time.
static UMASK: Mutex<()> = Mutex::new(());

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap()
}

/// Runs `f` with the process's umask set to `mask`, then puts the old one back.
fn with_umask<T>(mask: u32, f: impl FnOnce() -> T) -> T {
    let _guard = UMASK.lock().unwrap_or_else(|e| e.into_inner());
    let old = rustix::process::umask(Mode::from_raw_mode(mask));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    rustix::process::umask(old);
    result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Every path under `root` (itself included) whose mode is not the private one, with its mode.
fn not_private(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut wrong = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let meta = fs::symlink_metadata(&path).unwrap();
        let wanted = if meta.is_dir() { 0o700 } else { 0o600 };
        if mode(&path) != wanted {
            wrong.push((path.clone(), mode(&path)));
        }
        if meta.is_dir() {
            pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }
    wrong.sort();
    wrong
}

fn count_files(root: &Path) -> usize {
    fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { count_files(&p) } else { 1 })
        .sum()
}

const SCAN: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% criminal record certificate\n%%EOF\n";

/// Everything a candidate's first day writes: a data folder, a scan imported, backups in the
/// default and a chosen folder, a copy and an export saved elsewhere.
fn a_first_day(mask: u32) {
    with_umask(mask, || {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let chosen = root.path().join("usb").join("Dossier backups");
        let saved = root.path().join("Documents");
        fs::create_dir_all(&saved).unwrap();
        let scan = root.path().join("certificate.pdf");
        fs::write(&scan, SCAN).unwrap();

        let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(&data).unwrap();
        let imported = vault
            .import_file(
                &mut store,
                &scan,
                &ImportOptions {
                    kind: DocumentKind::Other,
                    supersedes: None,
                },
                now(),
            )
            .unwrap();
        backup::save_settings(&data, &BackupSettings::default()).unwrap();
        let default_folder = backup::backup_folder(&data, &BackupSettings::default());
        backup::create(&store, &vault, &default_folder, now(), "1.0.0").unwrap();
        backup::create(&store, &vault, &chosen, now(), "1.0.0").unwrap();
        let copy = saved.join("certificate copy.pdf");
        vault
            .export_copy(&store, imported.document.id, &copy, false)
            .unwrap();
        let database_copy = saved.join("dossier copy.db");
        store.backup_to(&database_copy).unwrap();
        let plan = export::plan_export(&store, &vault, now(), "1.0.0").unwrap();
        let zip = saved.join("export.zip");
        export::write_export(&plan, &zip, ExportFormat::Zip).unwrap();
        let folder = saved.join("export");
        export::write_export(&plan, &folder, ExportFormat::Folder).unwrap();

        // While the store is open SQLite keeps its WAL and shared memory beside the database.
        for side in ["dossier.db-wal", "dossier.db-shm"] {
            assert!(data.join(side).is_file(), "{side} is there while open");
        }
        assert!(count_files(&data.join("vault")) >= 1);
        assert!(
            count_files(&default_folder) >= 3,
            "database, object, manifest"
        );
        assert_eq!(
            not_private(&data),
            vec![],
            "umask {mask:o}: the data folder"
        );
        assert_eq!(
            not_private(&chosen),
            vec![],
            "umask {mask:o}: a chosen backup folder"
        );
        for file in [&copy, &database_copy, &zip] {
            assert_eq!(mode(file), 0o600, "umask {mask:o}: {}", file.display());
        }
        assert_eq!(
            not_private(&folder),
            vec![],
            "umask {mask:o}: an export folder"
        );
        // The candidate's own folders keep the mode they had: they are not Dossier's.
        assert_eq!(mode(&saved), 0o777 & !mask);
        drop(store);
        assert_eq!(not_private(&data), vec![], "umask {mask:o}: after closing");
    });
}

#[test]
fn everything_written_is_private_with_the_usual_umask() {
    a_first_day(0o022);
}

#[test]
fn everything_written_is_private_even_with_no_umask_at_all() {
    a_first_day(0o000);
}

#[test]
fn an_installation_from_before_is_tightened_at_start_and_stays_so() {
    with_umask(0o022, || {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let scan = root.path().join("passport.pdf");
        fs::write(&scan, SCAN).unwrap();
        {
            let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
            let vault = Vault::open(&data).unwrap();
            vault
                .import_file(&mut store, &scan, &ImportOptions::default(), now())
                .unwrap();
            backup::create(&store, &vault, &data.join("backups"), now(), "1.0.0").unwrap();
            // What an older Dossier left: everything readable by every account.
            let mut pending = vec![data.clone()];
            while let Some(path) = pending.pop() {
                let m = if path.is_dir() { 0o755 } else { 0o644 };
                fs::set_permissions(&path, fs::Permissions::from_mode(m)).unwrap();
                if path.is_dir() {
                    pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                }
            }
            assert!(data.join("dossier.db-wal").is_file());
            assert_eq!(mode(&data.join("dossier.db-wal")), 0o644);
        }
        let before = not_private(&data).len();
        assert!(before >= 8, "{before} paths were open to all");

        let report = make_private(&data);
        assert_eq!(report.changed as usize, before, "{report:?}");
        assert!(report.failed.is_empty(), "{report:?}");
        assert_eq!(not_private(&data), vec![]);
        assert_eq!(
            make_private(&data).changed,
            0,
            "a second start changes nothing"
        );

        // And what the next session writes stays private.
        let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(&data).unwrap();
        fs::write(&scan, b"%PDF-1.4\n% a second scan\n%%EOF\n").unwrap();
        vault
            .import_file(&mut store, &scan, &ImportOptions::default(), now())
            .unwrap();
        assert_eq!(not_private(&data), vec![]);
    });
}

#[test]
fn backups_made_before_in_a_chosen_folder_are_tightened_by_the_next_backup() {
    with_umask(0o022, || {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let chosen = root.path().join("usb");
        fs::create_dir_all(&chosen).unwrap();
        let scan = root.path().join("diploma.pdf");
        fs::write(&scan, SCAN).unwrap();
        let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(&data).unwrap();
        vault
            .import_file(&mut store, &scan, &ImportOptions::default(), now())
            .unwrap();
        backup::create(&store, &vault, &chosen, now(), "1.0.0").unwrap();
        let mut pending = vec![chosen.clone()];
        while let Some(path) = pending.pop() {
            let m = if path.is_dir() { 0o755 } else { 0o644 };
            fs::set_permissions(&path, fs::Permissions::from_mode(m)).unwrap();
            if path.is_dir() {
                pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            }
        }
        let later = now() + chrono::Duration::days(2);
        backup::create(&store, &vault, &chosen, later, "1.0.0").unwrap();
        let wrong = not_private(&chosen);
        assert_eq!(
            wrong,
            vec![(chosen.clone(), 0o755)],
            "only the candidate's own folder"
        );
    });
}

#[test]
fn an_old_database_is_tightened_by_opening_it_with_its_wal() {
    with_umask(0o022, || {
        let root = tempfile::tempdir().unwrap();
        let db = root.path().join(DATABASE_FILE);
        drop(Store::open(&db).unwrap());
        let wal = root.path().join("dossier.db-wal");
        fs::write(&wal, b"").unwrap();
        for path in [&db, &wal] {
            fs::set_permissions(path, fs::Permissions::from_mode(0o644)).unwrap();
        }
        let _store = Store::open(&db).unwrap();
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(&wal), 0o600);
        assert_eq!(mode(&root.path().join("dossier.db-shm")), 0o600);
    });
}

//! Whole backups in the real window: the automatic backup made after a change, a scan added,
//! the database damaged, and everything brought back from the damaged-database screen, scans
//! compared byte for byte; and a backup from a newer Dossier refused with both versions named.

use std::path::{Path, PathBuf};

use dossier_core::applications::Stage;
use dossier_core::store::{DATABASE_FILE, Store, latest_schema_version};
use dossier_core::vacancy::Platform;
use dossier_core::vault::{DocumentQuery, Vault, list_documents};
use dossier_e2e::{App, Launch, seed};

const VACANCIES: [&str; 3] = [
    "Criminal Intelligence Officer",
    "Digital Forensics Specialist",
    "Legal Officer (Notices)",
];

/// Three vacancies and two applications, written before the window opens.
fn seed_history(data_dir: &Path) {
    let mut store = Store::open(&data_dir.join(DATABASE_FILE)).unwrap();
    let now = "2026-11-20T09:00:00Z".parse().unwrap();
    let mut ids = Vec::new();
    for (n, title) in VACANCIES.iter().enumerate() {
        let input = seed::vacancy_input(Platform::RecruitmentHub, &format!("150{n}"), title);
        ids.push(seed::vacancy(&mut store, input, now));
    }
    seed::application(&mut store, ids[0], Stage::Submitted, "2026-11-10", now);
    seed::application(&mut store, ids[2], Stage::Submitted, "2026-11-12", now);
}

/// A scan as a candidate keeps it: a PNG with enough detail not to compress to nothing.
fn write_scan(dir: &Path) -> PathBuf {
    let path = dir.join("casier judiciaire.png");
    let image = image::RgbImage::from_fn(320, 200, |x, y| {
        image::Rgb([
            (x.wrapping_mul(7) ^ y) as u8,
            (y * 3) as u8,
            ((x + y) % 251) as u8,
        ])
    });
    image.save(&path).unwrap();
    path
}

fn at(day: &str) -> String {
    format!("{day}T09:00:00Z")
}

async fn backup_items(app: &App, what: &str, count: usize) -> Vec<String> {
    app.texts_until("[data-testid='backup-item']", what, |items| {
        items.len() == count
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_database_is_restored_from_the_automatic_backup_with_every_scan() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    seed_history(data.path());
    let scan = write_scan(home.path());
    let scan_bytes = std::fs::read(&scan).unwrap();

    // Day 1: the history is backed up by itself at the first pass; the scan added afterwards
    // waits for the next day, since backups are made at most daily.
    let mut launch = Launch::new(data.path());
    launch.now = at("2026-12-01");
    launch.open_paths = Some(vec![scan.clone()]);
    let app = App::launch(launch).await;
    app.wait_for_backup_passes("the first automatic backup is made", |lines| {
        lines.iter().any(|l| l.starts_with("ok "))
    })
    .await;
    app.open_view("settings").await;
    let items = backup_items(&app, "Settings lists the automatic backup", 1).await;
    assert!(
        items[0].contains("3 vacancies · 2 applications · 0 documents"),
        "{items:?}"
    );
    app.wait_for("[data-testid='backup-nudge']").await;
    app.screenshot("backups-first").await;

    let before = app.wait_for_backup_passes("", |_| true).await.len();
    app.open_view("documents").await;
    app.click("[data-testid='import-files']").await;
    app.texts_until(
        "[data-testid='document-title']",
        "the scan is in the vault",
        |titles| titles.len() == 1,
    )
    .await;
    let checks = app
        .wait_for_backup_passes("a backup check ran after the import", |lines| {
            lines.len() > before
        })
        .await;
    assert_eq!(
        checks.iter().filter(|l| l.starts_with("ok ")).count(),
        1,
        "no second backup on the same day: {checks:?}"
    );
    app.close().await;

    // Day 2: the change of the day before is backed up at start.
    let mut launch = Launch::new(data.path());
    launch.now = at("2026-12-02");
    let app = App::launch(launch).await;
    app.wait_for_backup_passes("the change is backed up on the next day", |lines| {
        lines.iter().any(|l| l.starts_with("ok "))
    })
    .await;
    app.open_view("settings").await;
    let items = backup_items(&app, "Settings lists both backups", 2).await;
    assert!(
        items[0].contains("3 vacancies · 2 applications · 1 document"),
        "newest first, with the scan: {items:?}"
    );
    let last = app.text_of("[data-testid='backup-last']").await;
    assert!(last.contains("2026") && last.contains("B"), "{last}");
    app.screenshot("backups-settings").await;
    app.close().await;

    // The database's header is overwritten: SQLite no longer recognises the file. First the
    // closed app must have let go of it: a late checkpoint on its way out would write into it.
    let db = data.path().join(DATABASE_FILE);
    wait_until_no_process_holds(&db);
    let mut damaged = std::fs::read(&db).unwrap();
    damaged[..100].fill(0x5a);
    std::fs::write(&db, &damaged).unwrap();

    let mut launch = Launch::new(data.path());
    launch.now = at("2026-12-03");
    let app = App::launch(launch).await;
    let offer = app.text_of("[data-testid='damaged-backups']").await;
    assert!(offer.contains("Restore the backup of"), "{offer}");
    assert!(offer.contains("2026") && offer.contains('2'), "{offer}");
    app.screenshot("backups-damaged").await;
    app.click("[data-testid='restore-newest']").await;
    let counts = app.text_of("[data-testid='restore-counts']").await;
    assert_eq!(counts, "3 vacancies · 2 applications · 1 document");
    let preview = app.text_of("[data-testid='restore-dialog']").await;
    assert!(preview.contains("kept aside"), "{preview}");
    app.screenshot("backups-preview").await;
    app.click("[data-testid='confirm-restore']").await;
    let result = app.text_of("[data-testid='restore-result']").await;
    app.screenshot("backups-restored").await;
    let kept = result
        .split("What was there before is kept at ")
        .nth(1)
        .map(|rest| PathBuf::from(rest.trim_end_matches('.')))
        .unwrap_or_else(|| panic!("the result names where the old data went: {result}"));
    let kept_db = std::fs::read(kept.join(DATABASE_FILE)).unwrap();
    // Compared by length and first difference: the bytes themselves would fill the log.
    assert!(
        kept_db == damaged,
        "the damaged database is kept aside, byte for byte: {} bytes kept, {} damaged, first difference at {:?}",
        kept_db.len(),
        damaged.len(),
        kept_db.iter().zip(&damaged).position(|(a, b)| a != b)
    );
    app.click("[data-testid='restore-close']").await;
    app.assert_absent("[data-testid='store-banner']", "the restored data opened")
        .await;

    app.open_view("vacancies").await;
    let mut titles = app
        .texts_until(
            "[data-testid='vacancy-row'] a",
            "every vacancy is back",
            |titles| titles.len() == VACANCIES.len(),
        )
        .await;
    titles.sort();
    assert_eq!(titles, VACANCIES);
    app.open_view("applications").await;
    app.click("[data-testid='show-table']").await;
    app.texts_until(
        "[data-testid='application-row']",
        "both applications are back",
        |rows| rows.len() == 2,
    )
    .await;
    app.open_view("documents").await;
    app.texts_until(
        "[data-testid='document-title']",
        "the scan is back",
        |titles| titles == ["casier judiciaire"],
    )
    .await;
    app.close().await;

    let store = Store::open(&db).unwrap();
    let vault = Vault::open(data.path()).unwrap();
    let documents = list_documents(&store, &DocumentQuery::default()).unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(
        vault.read_bytes(&store, documents[0].id).unwrap(),
        scan_bytes,
        "the scan in the vault is the original, byte for byte"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_from_a_newer_dossier_is_refused_naming_both_versions() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    seed_history(data.path());
    newer_backup(data.path(), elsewhere.path());

    let mut launch = Launch::new(data.path());
    launch.folder_path = Some(elsewhere.path().to_path_buf());
    let app = App::launch(launch).await;
    // The start-up backup goes to the default folder before another is chosen.
    app.wait_for_backup_passes("the start-up backup check ran", |lines| !lines.is_empty())
        .await;
    app.open_view("settings").await;
    app.wait_for("[data-testid='backup-nudge']").await;
    app.click("[data-testid='backup-choose-folder']").await;
    app.text_until(
        "[data-testid='backup-folder']",
        "the chosen folder is shown",
        |folder| folder == elsewhere.path().display().to_string(),
    )
    .await;
    app.assert_absent(
        "[data-testid='backup-nudge']",
        "a folder of the candidate's choosing needs no nudge",
    )
    .await;
    backup_items(&app, "the crafted backup is listed", 1).await;
    app.click("[data-testid='backup-restore']").await;
    let refusal = app.text_of("[data-testid='restore-refused']").await;
    assert!(refusal.contains("Dossier 9.0.0"), "{refusal}");
    assert!(refusal.contains("schema version 99"), "{refusal}");
    assert!(
        refusal.contains(&format!("schema version {}", latest_schema_version())),
        "{refusal}"
    );
    app.assert_absent(
        "[data-testid='confirm-restore']",
        "a newer backup cannot be restored",
    )
    .await;
    app.screenshot("backups-too-new").await;
    app.click("[data-testid='restore-close']").await;
    app.open_view("vacancies").await;
    app.texts_until(
        "[data-testid='vacancy-row'] a",
        "the data is untouched",
        |titles| titles.len() == VACANCIES.len(),
    )
    .await;
    app.close().await;
}

/// Waits until no process has `path` open (Linux: every `/proc/<pid>/fd` link). The app closed
/// through WebDriver can outlive the session by a moment while SQLite closes its files.
fn wait_until_no_process_holds(path: &Path) {
    let holders = || -> Vec<String> {
        let Ok(processes) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        processes
            .flatten()
            .filter_map(|process| {
                let fds = std::fs::read_dir(process.path().join("fd")).ok()?;
                fds.flatten()
                    .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == path))
                    .then(|| process.file_name().to_string_lossy().into_owned())
            })
            .collect()
    };
    dossier_e2e::process::poll_until(
        &format!("no process holds {} open", path.display()),
        dossier_e2e::wait_limit(),
        || holders().is_empty().then_some(()),
    );
}

/// A backup made by this Dossier into `folder`, then given the manifest a newer one would write.
fn newer_backup(data_dir: &Path, folder: &Path) {
    let store = Store::open(&data_dir.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data_dir).unwrap();
    let made = dossier_core::backup::create(
        &store,
        &vault,
        folder,
        "2026-11-21T09:00:00Z".parse().unwrap(),
        "0.1.0",
    )
    .unwrap();
    // The manifest and its own checksum, as a newer Dossier would write them: the backup is
    // sound, only too new.
    let dir = folder.join("backups").join(&made.id);
    let manifest = dir.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(json["schemaVersion"].is_u64(), "{json}");
    json["schemaVersion"] = 99.into();
    json["appVersion"] = "9.0.0".into();
    let bytes = serde_json::to_vec_pretty(&json).unwrap();
    std::fs::write(&manifest, &bytes).unwrap();
    std::fs::write(
        dir.join("manifest.sha256"),
        format!("{}\n", dossier_core::vault::sha256_hex(&bytes)),
    )
    .unwrap();
}

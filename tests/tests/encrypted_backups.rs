//! Backups of an encrypted Dossier in the real window: with encryption on, "Back up now" from
//! Settings, the backup listed; the backup folder's bytes hold no profile field, notice words
//! or scan content in the clear; the backup restored from Settings and the vacancy seen.

use dossier_core::profile::{Profile, save_profile};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Platform, VacancyInput};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};
use std::path::Path;

const TITLE: &str = "Cybercrime Intelligence Analyst";
const NOTICE: &str = "Supports the Cybercrime Directorate with ransomware attribution";
const PROFILE_MARK: &str = "Abernathy-Okonkwo Ifeoma";
const SCAN_MARK: &str = "passport scan of Ifeoma";
const PASSPHRASE: &str = "seven lanterns over the harbour";

fn seed_data(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: PROFILE_MARK.into(),
        ..Profile::default()
    };
    save_profile(&mut store, profile, DEFAULT_NOW.parse().unwrap()).unwrap();
    let scan = format!("%PDF-1.7\n{SCAN_MARK}\n%%EOF\n");
    Vault::open(data)
        .unwrap()
        .import_reader(
            &mut store,
            &mut scan.as_bytes(),
            "passport.pdf",
            &ImportOptions {
                kind: DocumentKind::Other,
                supersedes: None,
            },
            "2026-11-01T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
    let input = VacancyInput {
        notice_text: Some(NOTICE.into()),
        ..seed::vacancy_input(Platform::RecruitmentHub, "1620", TITLE)
    };
    seed::vacancy(&mut store, input, "2026-11-10T09:00:00Z".parse().unwrap());
}

/// Every byte of every file under `folder`: none of the marks in the clear.
fn assert_no_clear_bytes(folder: &Path) -> usize {
    let mut files = 0;
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            files += 1;
            for mark in [
                PROFILE_MARK,
                SCAN_MARK,
                TITLE,
                "ransomware attribution",
                "SQLite format 3",
                "%PDF",
            ] {
                assert!(
                    !bytes.windows(mark.len()).any(|w| w == mark.as_bytes()),
                    "{mark:?} in the clear in {}",
                    path.display()
                );
            }
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_encrypted_dossier_backs_up_encrypted_and_restores_from_settings() {
    let data = tempfile::tempdir().unwrap();
    seed_data(data.path());
    let app = App::launch(Launch::new(data.path())).await;
    app.open_view("settings").await;
    app.fill("[data-testid='encryption-new']", PASSPHRASE).await;
    app.fill("[data-testid='encryption-repeat']", PASSPHRASE)
        .await;
    app.click("[data-testid='encryption-turn-on']").await;
    app.wait_for("[data-testid='recovery-key']").await;
    app.click("[data-testid='recovery-kept']").await;
    app.wait_for("[data-testid='backup-encrypted-note']").await;

    app.click("[data-testid='backup-now']").await;
    let made = app.text_of("[data-testid='backup-message']").await;
    assert!(made.contains("B"), "a backup was made: {made}");
    let items = app
        .texts_until(
            "[data-testid='backup-item']",
            "the encrypted backup is listed",
            |items| !items.is_empty(),
        )
        .await;
    assert!(
        items[0].contains("1 vacancy · 0 applications · 1 document"),
        "{items:?}"
    );
    app.screenshot("backups-encrypted-en").await;

    let backups = data.path().join("backups");
    let files = assert_no_clear_bytes(&backups);
    assert!(
        files >= 5,
        "the scan read the manifests, database, key file and object"
    );

    // Restored through the real path: the list's restore button, the checked preview, the swap.
    app.click("[data-testid='backup-restore']").await;
    let counts = app.text_of("[data-testid='restore-counts']").await;
    assert_eq!(counts, "1 vacancy · 0 applications · 1 document");
    app.click("[data-testid='confirm-restore']").await;
    app.wait_for("[data-testid='restore-result']").await;
    app.click("[data-testid='restore-close']").await;
    app.open_view("vacancies").await;
    app.texts_until(
        "[data-testid='vacancy-row'] a",
        "the vacancy is back after the restore",
        |titles| titles == [TITLE],
    )
    .await;
    app.close().await;
    // The restore kept the data folder encrypted: nothing in the clear outside the aside copy
    // (which is the encrypted data it replaced) either.
    assert_no_clear_bytes(data.path());
}

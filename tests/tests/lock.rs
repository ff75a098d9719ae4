//! Locking in the real window: encryption turned on with data present, the recovery key shown
//! once, a restart that shows only the unlock screen, unlocking with the passphrase, the idle
//! lock on the test clock, a reminder while locked that says nothing of the vacancy, unlocking
//! with the recovery key, and a new passphrase.

use dossier_core::profile::{Profile, save_profile};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};
use std::path::Path;

const TITLE: &str = "Criminal Intelligence Officer";
const PASSPHRASE: &str = "correct horse battery staple";
const NEW_PASSPHRASE: &str = "purple elephant under the bridge";

/// Marks that must not be found in the data folder's bytes once it is encrypted: a profile
/// field, the notice's words, a scan's content.
const PROFILE_MARK: &str = "Oyelaran-Vasquez Temitope";
const SCAN_MARK: &str = "criminal record certificate of Temitope";

/// Its 7-day reminder is due at 22:59 UTC on the 23rd, after the launch (the 22nd). A profile
/// and a scan beside it, for the byte scan.
fn seed_vacancy(data: &Path) {
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
            "certificate.pdf",
            &ImportOptions {
                kind: DocumentKind::CriminalRecord,
                supersedes: None,
            },
            "2026-11-01T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: "2026-11-30".parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(Platform::RecruitmentHub, "1503", TITLE)
    };
    seed::vacancy(&mut store, input, "2026-11-10T09:00:00Z".parse().unwrap());
}

/// Every byte of every file under the data folder (database, its WAL, the vault, what the
/// web view keeps there): no profile field, no notice text, no scan content, no clear SQLite
/// database or PDF.
fn assert_no_clear_bytes(data: &Path) {
    let mut files = 0;
    let mut stack = vec![data.to_path_buf()];
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
                "Lyon, France",
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
    assert!(
        files >= 3,
        "the scan read the database, the key file and a vault object"
    );
}

async fn set_now(app: &App, now: &str) {
    app.client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('e2e_set_now', { now: arguments[0] })",
            vec![serde_json::json!(now)],
        )
        .await
        .expect("the clock moves");
}

async fn page_source(app: &App) -> String {
    app.client.source().await.expect("the page's source")
}

/// The unlock screen is up and the page holds nothing of the data.
async fn assert_locked(app: &App, why: &str) {
    app.wait_for("[data-testid='unlock-screen']").await;
    let source = page_source(app).await;
    for secret in [TITLE, "1503", "Lyon"] {
        assert!(
            !source.contains(secret),
            "{why}: {secret} in the locked page"
        );
    }
    app.assert_absent("nav a[data-route='vacancies']", why)
        .await;
}

async fn unlock_with(app: &App, field: &str, secret: &str) {
    app.fill(&format!("[data-testid='{field}']"), secret).await;
    app.click("[data-testid='unlock-submit']").await;
    app.wait_for("main[data-view='dashboard'][data-ready='true']")
        .await;
}

async fn see_the_vacancy(app: &App) {
    app.open_view("vacancies").await;
    app.eventually("the vacancy is listed", || async {
        page_source(app).await.contains(TITLE)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encrypted_dossier_locks_unlocks_and_reminds_without_telling() {
    let data = tempfile::tempdir().unwrap();
    seed_vacancy(data.path());

    // Turned on with data present; the recovery key is shown once.
    let app = App::launch(Launch::new(data.path())).await;
    app.open_view("settings").await;
    app.fill("[data-testid='encryption-new']", PASSPHRASE).await;
    app.fill("[data-testid='encryption-repeat']", PASSPHRASE)
        .await;
    let warning = app.text_of("[data-testid='encryption-warning']").await;
    assert!(warning.contains("cannot be recovered"), "{warning}");
    app.click("[data-testid='encryption-turn-on']").await;
    let recovery = app.text_of("[data-testid='recovery-key']").await;
    assert_eq!(recovery.len(), 8 * 5 + 7, "{recovery}");
    app.screenshot("lock-recovery-key-en").await;
    app.click("[data-testid='recovery-kept']").await;
    app.assert_absent("[data-testid='recovery-key']", "shown once")
        .await;
    app.wait_for("[data-testid='lock-now']").await;
    app.close().await;
    assert!(data.path().join("dossier.key").exists());
    assert_no_clear_bytes(data.path());

    // A new start shows only the unlock screen.
    let app = App::launch(Launch::new(data.path())).await;
    assert_locked(&app, "at start").await;
    app.fill("[data-testid='unlock-passphrase']", "wrong horse")
        .await;
    app.click("[data-testid='unlock-submit']").await;
    let problem = app.text_of("[data-testid='unlock-problem']").await;
    assert_eq!(
        problem,
        "That passphrase is not the one. Check the keyboard layout and Caps Lock, and try again."
    );
    assert_locked(&app, "after a wrong passphrase").await;
    app.click(".unlock summary").await;
    let lost = app.text_of(".unlock details p").await;
    assert!(lost.contains("cannot be read by anyone"), "{lost}");
    app.screenshot("lock-unlock-screen-en").await;
    unlock_with(&app, "unlock-passphrase", PASSPHRASE).await;
    see_the_vacancy(&app).await;
    // A reminder pass while unlocked has written the redacted schedule: instants and kinds.
    let schedule = data.path().join("locked-reminders.json");
    app.eventually("the redacted schedule is written", || async {
        std::fs::read_to_string(&schedule).is_ok_and(|s| s.contains("deadline"))
    })
    .await;
    let written = std::fs::read_to_string(&schedule).unwrap();
    for secret in [TITLE, "1503", "Lyon"] {
        assert!(!written.contains(secret), "{secret} in {written}");
    }

    // Left alone for 16 minutes (15 is the default), it locks itself.
    set_now(&app, "2026-11-22T09:16:00Z").await;
    assert_locked(&app, "after the idle time").await;

    // Past the 7-day reminder while locked: it comes, and says nothing of the vacancy.
    set_now(&app, "2026-11-24T12:00:00Z").await;
    app.eventually("the reminder arrives while locked", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    let shown = app.notifications.received();
    let first = &shown[0];
    eprintln!("shown while locked: {first:?}");
    for secret in [TITLE, "1503", "Lyon", "Criminal"] {
        assert!(
            !first.summary.contains(secret) && !first.body.contains(secret),
            "{secret} in {first:?}"
        );
    }
    // "in 6 days" or "in 7 days", as quiet hours may have moved it past midnight.
    assert!(
        first.summary.starts_with("A deadline is due in "),
        "{first:?}"
    );
    assert_eq!(first.body, "Unlock Dossier to see it.");
    assert_locked(&app, "after the locked reminder").await;

    // The recovery key opens it too.
    app.click("[data-testid='unlock-switch']").await;
    unlock_with(&app, "unlock-recovery-key", &recovery.to_lowercase()).await;
    see_the_vacancy(&app).await;

    // A new passphrase; the lock button locks at once; the new passphrase opens.
    app.open_view("settings").await;
    app.fill("[data-testid='encryption-current']", PASSPHRASE)
        .await;
    app.fill("[data-testid='encryption-new']", NEW_PASSPHRASE)
        .await;
    app.fill("[data-testid='encryption-repeat']", NEW_PASSPHRASE)
        .await;
    app.click("[data-testid='encryption-change']").await;
    let message = app.text_of("[data-testid='encryption-message']").await;
    assert!(message.contains("was changed"), "{message}");
    app.screenshot("lock-settings-en").await;
    app.click("[data-testid='lock-now']").await;
    assert_locked(&app, "locked on demand").await;
    app.fill("[data-testid='unlock-passphrase']", PASSPHRASE)
        .await;
    app.click("[data-testid='unlock-submit']").await;
    let problem = app.text_of("[data-testid='unlock-problem']").await;
    assert_eq!(
        problem,
        "That passphrase is not the one. Check the keyboard layout and Caps Lock, and try again."
    );
    unlock_with(&app, "unlock-passphrase", NEW_PASSPHRASE).await;
    see_the_vacancy(&app).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_unlock_screen_speaks_arabic() {
    let data = tempfile::tempdir().unwrap();
    seed_vacancy(data.path());
    let launch = || Launch {
        // Only `LANG`, the variables that win over it emptied (as `languages.rs` does).
        env: [
            ("LANG", "ar_EG.UTF-8"),
            ("LANGUAGE", ""),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        ..Launch::new(data.path())
    };
    let app = App::launch(launch()).await;
    app.open_view("settings").await;
    app.fill("[data-testid='encryption-new']", PASSPHRASE).await;
    app.fill("[data-testid='encryption-repeat']", PASSPHRASE)
        .await;
    app.click("[data-testid='encryption-turn-on']").await;
    app.wait_for("[data-testid='recovery-key']").await;
    app.screenshot("lock-recovery-key-ar").await;
    app.click("[data-testid='recovery-kept']").await;
    // The lock writes the language for the unlock screen beside the schedule.
    app.click("[data-testid='lock-now']").await;
    app.wait_for("[data-testid='unlock-screen']").await;
    app.close().await;

    let app = App::launch(launch()).await;
    assert_locked(&app, "at start, in Arabic").await;
    let title = app.text_of("#page-title").await;
    assert_eq!(title, "Dossier مقفل");
    app.fill("[data-testid='unlock-passphrase']", "wrong horse")
        .await;
    app.click("[data-testid='unlock-submit']").await;
    let problem = app.text_of("[data-testid='unlock-problem']").await;
    assert!(
        problem.starts_with("عبارة المرور هذه غير صحيحة."),
        "{problem}"
    );
    app.click(".unlock summary").await;
    app.wait_for(".unlock details p").await;
    assert_eq!(
        app.attr_of("html", "dir").await.as_deref(),
        Some("rtl"),
        "right to left"
    );
    app.screenshot("lock-unlock-screen-ar").await;
    app.close().await;
}

//! Encryption from the candidate's side, beyond `lock.rs`: the Dashboard's offer after the
//! first imported document, and "not now" remembered across a restart; thumbnails decrypted
//! through the `vault:` scheme after an unlock; a new recovery key (the old one refused, the
//! new one opens); a reminder clicked while locked, which shows the unlock screen and, once
//! unlocked, the vacancy it was about; and encryption turned off again, the data folder in the
//! clear and the next start without an unlock screen. One data folder, three launches.

use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_e2e::{App, Launch, seed};
use serde_json::json;
use std::path::Path;

const TITLE: &str = "Criminal Intelligence Officer";
const PASSPHRASE: &str = "correct horse battery staple";
const WRONG_RECOVERY: &str =
    "That recovery key belongs to another Dossier: it does not unlock this one.";

/// A vacancy whose 7-day reminder is due at 22:59 UTC on the 23rd, after the launch (the
/// 22nd), and no document yet.
fn seed_vacancy(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
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

/// A real photo, 96 × 64, so its thumbnail has a size to check.
fn write_photo(path: &Path) -> Vec<u8> {
    let image = image::RgbImage::from_fn(96, 64, |x, y| {
        image::Rgb([
            (x * 4) as u8,
            (y * 4) as u8,
            if (x / 8 + y / 8) % 2 == 0 { 40 } else { 220 },
        ])
    });
    image.save(path).expect("write a PNG");
    std::fs::read(path).unwrap()
}

async fn drop_files(app: &App, paths: &[&Path]) {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let answer = app
        .client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('e2e_drop_files', { paths: arguments[0] })
                 .then(() => 'dropped', (e) => 'refused: ' + JSON.stringify(e));",
            vec![json!(paths)],
        )
        .await
        .expect("drop files");
    assert_eq!(answer, json!("dropped"));
}

async fn set_now(app: &App, now: &str) {
    app.client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('e2e_set_now', { now: arguments[0] })",
            vec![json!(now)],
        )
        .await
        .expect("the clock moves");
}

/// The natural width of the first document row's thumbnail, once the webview decoded it; 0
/// while it has not (or could not).
async fn thumbnail_width(app: &App) -> u64 {
    app.client
        .execute(
            "const img = document.querySelector('[data-testid=document-row] img');
             return img && img.complete ? img.naturalWidth : 0;",
            vec![],
        )
        .await
        .expect("read the thumbnail")
        .as_u64()
        .unwrap_or(0)
}

/// The Dashboard once both its counts and the lock status are in: what the offer card is
/// decided from.
async fn dashboard_settled(app: &App, encrypted: bool) {
    app.open_view("dashboard").await;
    app.text_until(
        &format!("main[data-encrypted='{encrypted}'] [data-testid='dashboard-summary']"),
        "the Dashboard counts the document",
        |text| text.contains("1 document"),
    )
    .await;
}

async fn turn_on(app: &App) -> String {
    app.open_view("settings").await;
    app.fill("[data-testid='encryption-new']", PASSPHRASE).await;
    app.fill("[data-testid='encryption-repeat']", PASSPHRASE)
        .await;
    app.click("[data-testid='encryption-turn-on']").await;
    let key = app.text_of("[data-testid='recovery-key']").await;
    app.click("[data-testid='recovery-kept']").await;
    app.wait_for("[data-testid='encryption-new-recovery']")
        .await;
    key
}

async fn unlock_with_recovery(app: &App, key: &str) {
    app.fill("[data-testid='unlock-recovery-key']", key).await;
    app.click("[data-testid='unlock-submit']").await;
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether any file under the vault folder holds `bytes` as they are.
fn vault_holds(data: &Path, bytes: &[u8]) -> bool {
    let mut stack = vec![data.join("vault")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path).is_ok_and(|b| contains(&b, bytes)) {
                return true;
            }
        }
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_thumbnails_recovery_key_locked_click_and_turning_off() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    seed_vacancy(data.path());
    let photo = home.path().join("passport photo.png");
    let photo_bytes = write_photo(&photo);

    // No document yet: no offer. The first import brings it; "not now" puts it away.
    let app = App::launch(Launch::new(data.path())).await;
    app.text_until(
        "main[data-encrypted='false'] [data-testid='dashboard-summary']",
        "the Dashboard counts no document",
        |text| text.contains("0 documents"),
    )
    .await;
    app.assert_absent("[data-testid='encryption-offer']", "before any document")
        .await;
    app.open_view("documents").await;
    drop_files(&app, &[&photo]).await;
    app.wait_for("[data-testid='document-row']").await;
    dashboard_settled(&app, false).await;
    app.wait_for("[data-testid='encryption-offer']").await;
    app.screenshot("lock-offer-en").await;
    app.click("[data-testid='encryption-offer-no']").await;
    app.eventually("the offer goes", || async {
        !app.exists("[data-testid='encryption-offer']").await
    })
    .await;
    app.close().await;

    // Restarted: still put away. Then encryption on, and at once a new recovery key.
    let app = App::launch(Launch::new(data.path())).await;
    dashboard_settled(&app, false).await;
    app.assert_absent(
        "[data-testid='encryption-offer']",
        "answered before the restart",
    )
    .await;
    let first_key = turn_on(&app).await;
    app.click("[data-testid='encryption-new-recovery']").await;
    let second_key = app
        .text_until(
            "[data-testid='recovery-key']",
            "a new recovery key is shown",
            |key| key.len() == 8 * 5 + 7,
        )
        .await;
    assert_ne!(first_key, second_key);
    app.click("[data-testid='recovery-kept']").await;
    app.wait_for("[data-testid='encryption-new-recovery']")
        .await;
    assert!(
        !vault_holds(data.path(), &photo_bytes[..64]),
        "the photo is sealed"
    );

    // Locked; past the 7-day reminder, which comes redacted; its click shows the unlock screen.
    app.click("[data-testid='lock-now']").await;
    app.wait_for("[data-testid='unlock-screen']").await;
    set_now(&app, "2026-11-24T12:00:00Z").await;
    app.eventually("the reminder arrives while locked", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    let redacted = app.notifications.received()[0].clone();
    assert!(
        redacted.summary.starts_with("A deadline is due in "),
        "{redacted:?}"
    );
    app.notifications.click(&redacted).await;
    app.wait_for("[data-testid='unlock-screen']").await;

    // The old recovery key no longer opens; the new one does, on the vacancy reminded of.
    app.click("[data-testid='unlock-switch']").await;
    unlock_with_recovery(&app, &first_key).await;
    assert_eq!(
        app.text_of("[data-testid='unlock-problem']").await,
        WRONG_RECOVERY
    );
    app.wait_for("[data-testid='unlock-screen']").await;
    unlock_with_recovery(&app, &second_key).await;
    app.eventually(
        "the clicked reminder's vacancy opens after the unlock",
        || async {
            app.exists("main[data-view='vacancies'][data-ready='true']")
                .await
                && app.text_of("#page-title").await.contains(TITLE)
        },
    )
    .await;
    app.screenshot("lock-unlocked-on-reminder-en").await;

    // The thumbnail is decrypted in memory and drawn.
    app.open_view("documents").await;
    app.eventually("the photo's thumbnail is decoded", || async {
        thumbnail_width(&app).await == 96
    })
    .await;

    // Turning encryption off asks for the passphrase.
    app.open_view("settings").await;
    app.wait_for("[data-testid='encryption-turn-off'][disabled]")
        .await;
    app.fill("[data-testid='encryption-current']", "not the passphrase")
        .await;
    app.click("[data-testid='encryption-turn-off']").await;
    app.text_until(
        "[data-testid='encryption-message']",
        "a wrong passphrase is refused",
        |text| text.starts_with("That passphrase is not the one."),
    )
    .await;
    app.fill("[data-testid='encryption-current']", PASSPHRASE)
        .await;
    app.click("[data-testid='encryption-turn-off']").await;
    app.text_until(
        "[data-testid='encryption-message']",
        "encryption is off",
        |text| text == "Encryption is off.",
    )
    .await;
    app.wait_for("[data-testid='encryption-turn-on']").await;
    app.close().await;

    // The data folder is in the clear again: the photo as imported, SQLite's own header.
    assert!(!data.path().join("dossier.key").exists());
    assert!(
        vault_holds(data.path(), &photo_bytes),
        "the photo in the clear"
    );
    let database = std::fs::read(data.path().join(DATABASE_FILE)).unwrap();
    assert!(database.starts_with(b"SQLite format 3\0"));

    // The next start opens on the Dashboard, with no unlock screen; Settings says it is off.
    let launch = Launch {
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
    let app = App::launch(launch).await;
    app.wait_for("main[data-view='dashboard'][data-ready='true'][data-encrypted='false']")
        .await;
    app.assert_absent("[data-testid='unlock-screen']", "encryption is off")
        .await;
    app.open_view("settings").await;
    app.wait_for("[data-testid='encryption-turn-on']").await;
    app.client
        .execute(
            "document.querySelector('[data-testid=encryption-section]').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the encryption section");
    app.screenshot("lock-settings-off-ar").await;
    app.close().await;
}

//! Unsaved changes in the real window: leaving the profile or a vacancy form with changes asks
//! whether to save, discard or stay, and each answer does what it says (a save also survives a
//! restart); a save refused by a field keeps the candidate on the form; closing the window asks
//! the same, and a window without changes closes at once.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::profile::{Cefr, LanguageSkill, Profile, save_profile};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::Platform;
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};
use serde_json::json;
use std::path::Path;

const NAME: &str = "input[name='fullName']";
const DIALOG: &str = "[data-testid='unsaved-dialog']";

fn now() -> DateTime<Utc> {
    DEFAULT_NOW.parse().unwrap()
}

fn seed_profile(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1990, 4, 23),
        nationalities: vec!["FR".into()],
        languages: vec![LanguageSkill {
            language: "en".into(),
            level: Cefr::C1,
            certificate: None,
        }],
        ..Profile::default()
    };
    save_profile(&mut store, profile, now()).unwrap();
}

fn seed_vacancy(data: &Path) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    seed::vacancy(
        &mut store,
        seed::vacancy_input(
            Platform::RecruitmentHub,
            "1601",
            "Criminal Intelligence Analyst",
        ),
        now(),
    )
}

async fn open_profile(app: &App) {
    app.open_view("profile").await;
    app.wait_for("[data-testid='profile-form']").await;
}

/// Clicks a view in the sidebar while a form holds changes: the question comes instead.
async fn click_away(app: &App, route: &str) {
    app.click(&format!("nav a[data-route='{route}']")).await;
    app.wait_for(DIALOG).await;
}

/// Answers the open question and waits until the dialog is gone.
async fn answer(app: &App, choice: &str) {
    app.click(&format!("[data-testid='unsaved-{choice}']"))
        .await;
    app.eventually("the unsaved-changes dialog closes", || async {
        !app.exists(DIALOG).await
    })
    .await;
}

async fn name_reads(app: &App, expected: &str) {
    app.until(
        &format!("the full name reads {expected}"),
        || app.value_of(NAME),
        |value: &String| value == expected,
    )
    .await;
}

/// Asks the window to close as its close button does (the page hears the same request). A
/// window that closes at once may be gone before the script answers, so its answer is not
/// awaited as proof of anything: callers check what followed.
async fn request_close(app: &App) {
    let _ = app
        .client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('e2e_request_close'); return true;",
            vec![],
        )
        .await;
}

/// Whether the window has gone: the driver no longer reaches a page.
async fn window_gone(app: &App) -> bool {
    app.client
        .execute("return document.title;", vec![])
        .await
        .is_err()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_profile_with_changes_asks_save_discard_or_stay() {
    let data = tempfile::tempdir().unwrap();
    seed_profile(data.path());
    let app = App::launch(Launch::new(data.path())).await;
    open_profile(&app).await;
    name_reads(&app, "Amina Diallo").await;

    // Stay: the page and what was typed are kept.
    app.fill(NAME, "Amina K. Diallo").await;
    click_away(&app, "vacancies").await;
    assert_eq!(
        app.attr_of("main", "data-view").await.as_deref(),
        Some("profile")
    );
    let focused = app
        .client
        .execute(
            "return document.activeElement?.dataset.testid ?? null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused,
        json!("unsaved-stay"),
        "the safe choice has the focus"
    );
    app.assert_centred_dialog(DIALOG).await;
    app.screenshot("unsaved-dialog").await;
    answer(&app, "stay").await;
    assert_eq!(
        app.attr_of("main", "data-view").await.as_deref(),
        Some("profile")
    );
    name_reads(&app, "Amina K. Diallo").await;

    // Escape means stay too.
    click_away(&app, "vacancies").await;
    app.press("\u{E00C}").await;
    app.eventually("Escape closes the dialog", || async {
        !app.exists(DIALOG).await
    })
    .await;
    assert_eq!(
        app.attr_of("main", "data-view").await.as_deref(),
        Some("profile")
    );
    name_reads(&app, "Amina K. Diallo").await;

    // Discard: the view changes and the change is gone.
    click_away(&app, "vacancies").await;
    answer(&app, "discard").await;
    app.wait_for("main[data-view='vacancies']").await;
    open_profile(&app).await;
    name_reads(&app, "Amina Diallo").await;

    // A save refused by a field keeps the candidate on the form, with the field's error.
    app.fill(NAME, "").await;
    click_away(&app, "applications").await;
    answer(&app, "save").await;
    app.wait_for("[data-testid='profile-problems']").await;
    assert_eq!(
        app.attr_of(NAME, "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(
        app.attr_of("main", "data-view").await.as_deref(),
        Some("profile")
    );

    // Save: the change is kept, shown on coming back and after a restart.
    app.fill(NAME, "Amina Kadiatou Diallo").await;
    click_away(&app, "vacancies").await;
    answer(&app, "save").await;
    app.wait_for("main[data-view='vacancies']").await;
    open_profile(&app).await;
    name_reads(&app, "Amina Kadiatou Diallo").await;

    // With nothing changed, views change without a question.
    app.open_view("dashboard").await;
    app.assert_absent(DIALOG, "a form without changes is left at once")
        .await;
    app.close().await;

    let app = App::launch(Launch::new(data.path())).await;
    open_profile(&app).await;
    name_reads(&app, "Amina Kadiatou Diallo").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_a_vacancy_form_with_changes_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_vacancy(data.path());
    let app = App::launch(Launch::new(data.path())).await;

    // A new vacancy typed by hand, without the fields it needs: saving from the dialog is
    // refused at those fields and the candidate stays; discarding then leaves.
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='enter-by-hand']").await;
    app.fill("input[name='title']", "Digital Forensics Officer")
        .await;
    click_away(&app, "dashboard").await;
    answer(&app, "save").await;
    app.wait_for("input[name='reference'][aria-invalid='true']")
        .await;
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Digital Forensics Officer"
    );
    click_away(&app, "dashboard").await;
    answer(&app, "discard").await;
    app.wait_for("main[data-view='dashboard']").await;

    // Editing a saved vacancy: the back link asks too, and saving from the dialog keeps the
    // change.
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    app.wait_for(&format!("a[href='#/vacancies/{id}/edit']"))
        .await;
    app.click("[data-testid='edit-vacancy']").await;
    app.fill(
        "input[name='title']",
        "Senior Criminal Intelligence Analyst",
    )
    .await;
    app.click("a.back").await;
    app.wait_for(DIALOG).await;
    answer(&app, "stay").await;
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Senior Criminal Intelligence Analyst"
    );
    click_away(&app, "vacancies").await;
    answer(&app, "save").await;
    app.texts_until(
        "[data-testid='vacancy-row'] a",
        "the list shows the saved title",
        |titles| titles == ["Senior Criminal Intelligence Analyst"],
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_window_with_changes_asks_first() {
    let data = tempfile::tempdir().unwrap();
    seed_profile(data.path());
    let app = App::launch(Launch::new(data.path())).await;
    open_profile(&app).await;
    name_reads(&app, "Amina Diallo").await;

    // Stay: the window stays open with what was typed.
    app.fill(NAME, "Amina K. Diallo").await;
    request_close(&app).await;
    app.wait_for(DIALOG).await;
    answer(&app, "stay").await;
    name_reads(&app, "Amina K. Diallo").await;
    assert!(!window_gone(&app).await, "the window stays open");

    // Save: the change is saved and the window closes.
    request_close(&app).await;
    app.wait_for(DIALOG).await;
    app.click("[data-testid='unsaved-save']").await;
    app.eventually("the window closes after saving", || window_gone(&app))
        .await;
    app.close().await;

    let app = App::launch(Launch::new(data.path())).await;
    open_profile(&app).await;
    name_reads(&app, "Amina K. Diallo").await;

    // Without changes the window closes at once.
    request_close(&app).await;
    app.eventually("a window without changes closes", || window_gone(&app))
        .await;
    app.close().await;
}

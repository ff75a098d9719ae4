//! Drives the real Dossier window: every view, the first-run guidance, the damaged and too-new
//! database paths and a native notification. Backups have their own file, `backups.rs`.

use dossier_core::store::{DATABASE_FILE, Store, latest_schema_version};
use dossier_e2e::{App, Launch};

const VIEWS: [(&str, &str); 6] = [
    ("dashboard", "Dashboard"),
    ("vacancies", "Vacancies"),
    ("applications", "Applications"),
    ("documents", "Documents"),
    ("profile", "Profile"),
    ("settings", "Settings"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_opens_and_guides_a_new_user() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(data.path())).await;

    // The dashboard reads "today" from the app's clock, fixed by the test at 2026-11-22, and
    // writes it in the one date style (the window's locale here is en-US).
    let subtitle = app.text_of("main header p").await;
    assert!(
        subtitle.contains("November 22, 2026"),
        "dashboard date comes from the injected clock: {subtitle:?}"
    );
    for step in ["profile", "vacancies", "documents"] {
        let classes = app
            .attr_of(&format!("[data-testid='step-{step}']"), "class")
            .await;
        assert!(
            !classes.unwrap_or_default().contains("done"),
            "step {step} is not done on a new install"
        );
    }

    for (route, title) in VIEWS {
        app.open_view(route).await;
        app.text_until("main h1", &format!("{route} shows its title"), |h1| {
            h1 == title
        })
        .await;
        if matches!(
            route,
            "vacancies" | "applications" | "documents" | "profile"
        ) {
            let empty = app.text_of("[data-testid='empty-state']").await;
            assert!(
                empty.len() > 80,
                "{route} explains what to do first: {empty:?}"
            );
        }
        app.screenshot(route).await;
    }

    // The store opened where the test said, on the latest schema.
    let shown_path = app.text_of("[data-testid='database-path']").await;
    assert_eq!(
        shown_path,
        data.path().join(DATABASE_FILE).display().to_string()
    );
    assert_eq!(
        app.text_of("[data-testid='schema-version']").await,
        latest_schema_version().to_string()
    );
    assert!(data.path().join(DATABASE_FILE).is_file());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_reaches_every_view() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(data.path())).await;
    let body = app.wait_for("body").await;
    // Ctrl+N opens the Nth view of the sidebar (U+E009 is WebDriver's Control key).
    for (n, (route, title)) in VIEWS.iter().enumerate().rev() {
        body.send_keys(&format!("\u{E009}{}\u{E000}", n + 1))
            .await
            .unwrap();
        app.wait_for(&format!("main[data-view='{route}']")).await;
        app.text_until("main h1", &format!("{route} shows its title"), |h1| {
            h1 == *title
        })
        .await;
        // Focus moves to the heading of the view just opened.
        let focused = app
            .client
            .execute("return document.activeElement?.id ?? ''", vec![])
            .await
            .unwrap();
        assert_eq!(focused, "page-title", "focus after opening {route}");
    }
    // Tab from the top lands on the skip link, then the first sidebar link.
    app.client
        .execute(
            "document.activeElement?.blur(); window.scrollTo(0,0);",
            vec![],
        )
        .await
        .unwrap();
    body.send_keys("\u{E004}").await.unwrap();
    let first = app
        .client
        .execute("return document.activeElement?.className ?? ''", vec![])
        .await
        .unwrap();
    assert!(
        first.as_str().unwrap_or_default().contains("skip"),
        "first Tab stop is the skip link: {first}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_follows_the_desktop_dark_theme() {
    let data = tempfile::tempdir().unwrap();
    let background = |app: &App| {
        let client = app.client.clone();
        async move {
            client
                .execute(
                    "return getComputedStyle(document.body).backgroundColor",
                    vec![],
                )
                .await
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let mut launch = Launch::new(data.path());
    launch.env.push(("GTK_THEME".into(), "Adwaita:dark".into()));
    let dark = App::launch(launch).await;
    let dark_bg = background(&dark).await;
    dark.screenshot("dashboard-dark").await;
    dark.close().await;

    let mut launch = Launch::new(data.path());
    launch.env.push(("GTK_THEME".into(), "Adwaita".into()));
    let light = App::launch(launch).await;
    let light_bg = background(&light).await;
    light.close().await;

    let luma = |css: &str| -> u32 {
        let n: Vec<u32> = css
            .trim_start_matches("rgba(")
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .map(|v| v.trim().parse::<f32>().unwrap() as u32)
            .collect();
        (n[0] * 3 + n[1] * 6 + n[2]) / 10
    };
    assert!(luma(&dark_bg) < 60, "dark desktop, dark window: {dark_bg}");
    assert!(
        luma(&light_bg) > 200,
        "light desktop, light window: {light_bg}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_data_replaces_the_empty_states() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        store
            .write(|tx| {
                tx.execute_batch(
                    "INSERT INTO profile (id, full_name, updated_utc) VALUES (1, 'Amina Diallo', '2026-11-01T00:00:00Z');
                     INSERT INTO vacancies (platform, reference, title, status, created_utc, updated_utc) VALUES
                       ('recruitment_hub', '1503', 'Criminal Intelligence Officer', 'open', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),
                       ('talentlink', 'INT04606', 'Seconded Specialized Officer', 'closed', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
                     INSERT INTO applications (vacancy_id, stage, created_utc, updated_utc) VALUES (1, 'submitted', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z');",
                )?;
                Ok(())
            })
            .unwrap();
    }
    let app = App::launch(Launch::new(data.path())).await;
    let done = app
        .attr_of("[data-testid='step-profile']", "class")
        .await
        .unwrap_or_default();
    assert!(
        done.contains("done"),
        "profile step is done once a profile exists"
    );
    app.text_until(
        "[data-testid='dashboard-summary']",
        "the Dashboard counts what was recorded",
        |summary| summary.starts_with("2 vacancies · 1 application · 0 documents"),
    )
    .await;

    app.open_view("vacancies").await;
    app.text_until(
        "[data-testid='vacancy-count']",
        "the list counts both vacancies",
        |count| count == "2 vacancies, soonest deadline first.",
    )
    .await;
    app.assert_absent(
        "[data-testid='empty-state']",
        "recorded vacancies replace the guide",
    )
    .await;
    app.open_view("documents").await;
    // No documents yet: still the guide.
    app.wait_for("[data-testid='empty-state']").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_database_is_kept_and_set_aside_only_when_asked() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join(DATABASE_FILE);
    let garbage: Vec<u8> = (0..16_384u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &garbage).unwrap();

    let app = App::launch(Launch::new(data.path())).await;
    let dialog = app.text_of("[data-testid='store-dialog']").await;
    assert!(dialog.contains("Your data could not be read"), "{dialog}");
    assert!(
        dialog.contains(&db.display().to_string()),
        "the dialog names the file: {dialog}"
    );
    app.screenshot("damaged-database").await;
    // Nothing was changed before the user chose.
    assert_eq!(std::fs::read(&db).unwrap(), garbage);

    app.click("[data-testid='start-fresh']").await;
    app.eventually("the dialog closes", || async {
        !app.exists("[data-testid='store-dialog']").await
    })
    .await;
    let kept = data.path().join("dossier.db.damaged-20261122T090000Z");
    let notice = app.text_of("[data-testid='kept-notice']").await;
    assert!(
        notice.contains(&kept.display().to_string()),
        "the user is told where the file went: {notice}"
    );
    app.assert_absent(
        "[data-testid='store-banner']",
        "a fresh store has no problem to show",
    )
    .await;
    app.open_view("vacancies").await;
    app.wait_for("[data-testid='empty-state']").await;

    assert_eq!(
        std::fs::read(&kept).unwrap(),
        garbage,
        "the damaged file is kept, byte for byte"
    );
    assert_eq!(
        Store::open(&db).unwrap().schema_version().unwrap(),
        latest_schema_version()
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_a_newer_version_is_refused_naming_both_versions() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join(DATABASE_FILE);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x); PRAGMA user_version = 42;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();

    let app = App::launch(Launch::new(data.path())).await;
    let dialog = app.text_of("[data-testid='store-dialog']").await;
    assert!(
        dialog.contains("This data needs a newer Dossier"),
        "{dialog}"
    );
    assert!(dialog.contains("schema version 42"), "{dialog}");
    assert!(
        dialog.contains(&format!("schema version {}", latest_schema_version())),
        "{dialog}"
    );
    app.assert_absent(
        "[data-testid='start-fresh']",
        "a newer database is never set aside",
    )
    .await;
    app.close().await;
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the newer database is left untouched"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_sends_a_native_notification() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(data.path())).await;
    app.open_view("settings").await;

    // A new install has nothing to remind of: the start-up pass shows nothing.
    app.wait_for_reminder_passes(1).await;
    assert!(
        app.notifications.received().is_empty(),
        "{:?}",
        app.notifications.received()
    );
    app.click("[data-testid='send-test-notification']").await;
    app.eventually("the notification arrives", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "exactly one notification: {shown:?}");
    assert_eq!(shown[0].app_name, "Dossier");
    assert_eq!(shown[0].summary, "Dossier notifications work");
    assert!(shown[0].body.contains("deadlines"), "{:?}", shown[0].body);
    app.text_until(
        "[data-testid='notify-message']",
        "the page says the notification was sent",
        |message| message.starts_with("Sent."),
    )
    .await;
    app.screenshot("settings-after-actions").await;
    app.close().await;
}

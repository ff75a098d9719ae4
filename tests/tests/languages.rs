//! The window's language in the real window: chosen in Settings and applied at once, kept
//! across a restart, Arabic mirrored right to left, and the system's language on a first start.

use dossier_core::applications::Stage;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_e2e::{App, Launch, seed};
use std::path::Path;

/// The system language the app finds: only `LANG`, the variables that win over it emptied
/// (sys-locale skips empty ones), so the runner's own locale does not leak in.
fn system_language(launch: &mut Launch, lang: &str) {
    for (name, value) in [
        ("LANG", lang),
        ("LANGUAGE", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
    ] {
        launch.env.push((name.into(), value.into()));
    }
}

fn seed_history(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let now = "2026-11-01T09:00:00Z".parse().unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: "2026-12-01".parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(
            Platform::RecruitmentHub,
            "2026/1503",
            "Criminal Intelligence Officer",
        )
    };
    let vacancy = seed::vacancy(&mut store, input, now);
    seed::application(&mut store, vacancy, Stage::Submitted, "2026-10-20", now);
    let other = seed::vacancy(
        &mut store,
        seed::vacancy_input(Platform::Talentlink, "TL-77", "Data Analyst"),
        now,
    );
    seed::application(&mut store, other, Stage::Preparing, "2026-10-21", now);
}

async fn nav_text(app: &App, route: &str, what: &str, expected: &str) {
    let css = format!("nav a[data-route='{route}']");
    app.text_until(&css, what, |text| text.contains(expected))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn french_then_arabic_chosen_in_settings_apply_at_once_and_stay() {
    let data = tempfile::tempdir().unwrap();
    seed_history(data.path());
    let mut launch = Launch::new(data.path());
    system_language(&mut launch, "en_US.UTF-8");

    let app = App::launch(launch.clone()).await;
    nav_text(&app, "settings", "the nav speaks English", "Settings").await;
    app.open_view("settings").await;
    app.choose("[data-testid='language-choice']", "fr").await;
    nav_text(&app, "settings", "the nav speaks French", "Paramètres").await;
    nav_text(&app, "vacancies", "the nav speaks French", "Postes vacants").await;
    assert_eq!(app.attr_of("html", "lang").await.as_deref(), Some("fr"));
    app.screenshot("languages-settings-fr").await;
    app.close().await;

    // The choice is kept: the next start speaks French at once, whatever the system says.
    let app = App::launch(launch.clone()).await;
    nav_text(&app, "settings", "French after a restart", "Paramètres").await;
    app.open_view("settings").await;
    assert_eq!(
        app.value_of("[data-testid='language-choice']").await,
        "fr",
        "the switch shows the kept choice"
    );

    app.choose("[data-testid='language-choice']", "ar").await;
    nav_text(&app, "settings", "the nav speaks Arabic", "الإعدادات").await;
    app.eventually("the page runs right to left", || async {
        app.attr_of("html", "dir").await.as_deref() == Some("rtl")
    })
    .await;
    assert_eq!(app.attr_of("html", "lang").await.as_deref(), Some("ar"));
    app.screenshot("languages-settings-ar").await;

    app.open_view("dashboard").await;
    app.screenshot("languages-dashboard-ar").await;
    app.open_view("vacancies").await;
    app.wait_for("main[data-view='vacancies'] [data-testid='vacancy-row']")
        .await;
    app.screenshot("languages-vacancies-ar").await;
    app.open_view("applications").await;
    app.wait_for("[data-testid='board-card']").await;
    // The board's lanes run right to left: the first lane is the rightmost.
    let lefts: Vec<f64> = app
        .read_all("[data-testid='board-lane']", |lane| async move {
            lane.rectangle().await.map(|(x, ..)| x)
        })
        .await;
    assert!(lefts.len() > 1, "the board has lanes: {lefts:?}");
    assert!(
        lefts.windows(2).all(|pair| pair[0] > pair[1]),
        "each lane is left of the one before it: {lefts:?}"
    );
    app.screenshot("languages-board-ar").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_start_on_a_french_system_speaks_french() {
    let data = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    system_language(&mut launch, "fr_FR.UTF-8");
    let app = App::launch(launch).await;
    nav_text(&app, "settings", "the nav speaks French", "Paramètres").await;
    assert_eq!(app.attr_of("html", "lang").await.as_deref(), Some("fr"));
    assert_eq!(app.attr_of("html", "dir").await.as_deref(), Some("ltr"));
    app.open_view("settings").await;
    assert_eq!(
        app.value_of("[data-testid='language-choice']").await,
        "system",
        "nothing was chosen: the window follows the system"
    );
    app.screenshot("languages-first-start-fr").await;
    app.close().await;
}

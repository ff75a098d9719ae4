//! The keyboard in the real window: dates typed in the candidate's order and in ISO, Tab
//! through the profile and vacancy forms without being held in a field, the focus where the
//! candidate acts next after reading a notice and after moving a card, the keyboard help on `?`
//! and F1, and a dark theme chosen in Settings and kept across a restart.

use dossier_core::applications::Stage;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_e2e::{App, Launch, seed, workspace_root};
use serde_json::Value;
use std::path::Path;

const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const ESCAPE: &str = "\u{E00C}";
const SPACE: &str = "\u{E00D}";
const ARROW_DOWN: &str = "\u{E015}";
const F1: &str = "\u{E031}";

/// Ctrl+`key`, then every modifier released.
fn ctrl(key: char) -> String {
    format!("\u{E009}{key}\u{E000}")
}

/// What has the focus: its name, its test id, or its tag, and the date field it is in.
async fn focused(app: &App) -> String {
    let seen = app
        .client
        .execute(
            "const e = document.activeElement;
             if (!e || e === document.body) return 'body';
             return e.getAttribute('name') || e.dataset.testid || e.tagName.toLowerCase();",
            vec![],
        )
        .await
        .expect("read the focus");
    seen.as_str().unwrap_or_default().to_string()
}

/// What has the focus, told apart from every other element with the same name.
async fn focus_key(app: &App) -> String {
    let seen = app
        .client
        .execute(
            "const e = document.activeElement;
             const at = Array.prototype.indexOf.call(document.querySelectorAll('*'), e);
             return `${e?.getAttribute('name') || e?.dataset.testid || e?.tagName.toLowerCase()}#${at}`;",
            vec![],
        )
        .await
        .expect("read the focus");
    seen.as_str().unwrap_or_default().to_string()
}

/// Goes on to `route` with its Ctrl+digit, discarding by keyboard what the form held.
async fn go_discarding(app: &App, key: char, route: &str) {
    app.press(&ctrl(key)).await;
    app.wait_for("[data-testid='unsaved-dialog']").await;
    app.wait_for("[data-testid='unsaved-discard']")
        .await
        .send_keys(ENTER)
        .await
        .expect("discard with Enter");
    app.wait_for(&format!("main[data-view='{route}']")).await;
}

/// Whether the focused element is one of the app's date fields.
async fn focus_in_date_field(app: &App) -> bool {
    app.client
        .execute(
            "return document.activeElement?.hasAttribute('data-date-input') ?? false;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Presses Tab until the focus reaches `last` (a name or test id), noting each stop. Fails when
/// one Tab leaves the focus where it was: the trap the native date fields set.
async fn tab_until(app: &App, last: &str, limit: usize) -> Vec<String> {
    let mut stops = vec![focused(app).await];
    let mut key = focus_key(app).await;
    for _ in 0..limit {
        let was_date = focus_in_date_field(app).await;
        app.press(TAB).await;
        let now_key = focus_key(app).await;
        let now = focused(app).await;
        assert_ne!(
            now_key, key,
            "Tab stayed on {now} (a date field: {was_date}); stops so far: {stops:?}"
        );
        key = now_key;
        stops.push(now.clone());
        if now == last {
            return stops;
        }
    }
    panic!("{last} was not reached in {limit} presses of Tab: {stops:?}");
}

/// The pattern the date fields ask for in this window's locale, such as `DD/MM/YYYY`, as the
/// hint beside `css` gives it.
async fn date_pattern(app: &App, css: &str) -> String {
    let described = app
        .attr_of(css, "aria-describedby")
        .await
        .expect("a date field has its hint");
    let hint_id = described
        .split(' ')
        .find(|id| id.ends_with("-hint"))
        .expect("a hint among what describes the field")
        .to_string();
    let hint = app.text_of(&format!("[id='{hint_id}']")).await;
    hint.split(" or ").next().unwrap_or_default().to_string()
}

/// `iso` (`1990-05-04`) written in `pattern`.
fn in_pattern(pattern: &str, iso: &str) -> String {
    let (year, rest) = iso.split_once('-').unwrap();
    let (month, day) = rest.split_once('-').unwrap();
    pattern
        .replace("YYYY", year)
        .replace("MM", month)
        .replace("DD", day)
}

async fn type_into(app: &App, css: &str, text: &str) {
    app.fill(css, text).await;
}

async fn theme_of(app: &App) -> Option<String> {
    app.client
        .execute(
            "return document.documentElement.dataset.theme ?? null;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| match v {
            Value::String(s) => Some(s),
            _ => None,
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_are_typed_and_tab_moves_on_through_the_profile_and_vacancy_forms() {
    let data = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    launch.env.push(("TZ".into(), "Europe/Paris".into()));
    let app = App::launch(launch).await;

    // Ctrl+5 opens the profile; Enter starts it.
    app.press(&ctrl('5')).await;
    app.wait_for("main[data-view='profile']").await;
    app.wait_for("[data-testid='start-profile']")
        .await
        .send_keys(ENTER)
        .await
        .expect("start the profile with Enter");
    let birth = "input[name='dateOfBirth']";
    app.wait_for(birth).await;
    assert_eq!(
        app.value_of(birth).await,
        "",
        "an empty date field shows nothing"
    );
    app.screenshot("keyboard-profile-empty-dates").await;

    // Typed in the candidate's own order …
    let pattern = date_pattern(&app, birth).await;
    assert!(
        pattern.contains("DD") && pattern.contains("MM") && pattern.contains("YYYY"),
        "{pattern}"
    );
    type_into(&app, birth, &in_pattern(&pattern, "1988-11-23")).await;
    app.until(
        "the date typed in the locale's order is taken",
        || app.date_of(birth),
        |held| held == "1988-11-23",
    )
    .await;
    // … and in ISO: the year is 1990, not 0004, and the field shows it in the candidate's order.
    type_into(&app, birth, "1990-05-04").await;
    app.until(
        "the ISO date is taken",
        || app.date_of(birth),
        |held| held == "1990-05-04",
    )
    .await;
    app.press(TAB).await;
    app.until(
        "the ISO date is shown in the locale's order once left",
        || app.value_of(birth),
        |shown| shown == &in_pattern(&pattern, "1990-05-04"),
    )
    .await;

    // An impossible date is named as such once left, and holds no date.
    type_into(&app, birth, "2023-02-30").await;
    app.press(TAB).await;
    let problem = app
        .text_until(
            "[data-date-input][name='dateOfBirth'] ~ [role='alert']",
            "the impossible date is refused",
            |text| !text.is_empty(),
        )
        .await;
    assert_eq!(problem, "February 2023 has no day 30.");
    assert_eq!(app.date_of(birth).await, "");
    assert_eq!(
        app.attr_of(birth, "aria-invalid").await.as_deref(),
        Some("true")
    );
    app.screenshot("keyboard-impossible-date").await;
    type_into(&app, birth, "1990-05-04").await;
    app.until(
        "the date is put right",
        || app.date_of(birth),
        |held| held == "1990-05-04",
    )
    .await;

    // Entries with dates of their own, added from the keyboard.
    for add in ["add-education", "add-employment"] {
        app.wait_for(&format!("[data-testid='{add}']"))
            .await
            .send_keys(ENTER)
            .await
            .unwrap_or_else(|e| panic!("{add}: {e}"));
    }
    app.fill_date("input[name='education[0].to']", "2012-06-30")
        .await;
    type_into(
        &app,
        "input[name='employment[0].from']",
        &in_pattern(&pattern, "2015-01-05"),
    )
    .await;
    app.until(
        "the employment start is taken",
        || app.date_of("input[name='employment[0].from']"),
        |held| held == "2015-01-05",
    )
    .await;

    // Tab from the first field to the save button: every date field is one stop, left at once.
    app.wait_for("input[name='fullName']").await;
    app.client
        .execute(
            "document.querySelector(\"input[name='fullName']\").focus();",
            vec![],
        )
        .await
        .expect("focus the full name");
    let stops = tab_until(&app, "save-profile", 120).await;
    for date in [
        "dateOfBirth",
        "education[0].from",
        "education[0].to",
        "employment[0].from",
        "employment[0].to",
    ] {
        let times = stops.iter().filter(|stop| *stop == date).count();
        assert_eq!(times, 1, "{date} is one Tab stop: {stops:?}");
    }
    app.screenshot("keyboard-profile-dates").await;

    // The vacancy form by hand: the focus lands on its first field, and Tab goes through it.
    go_discarding(&app, '2', "vacancies").await;
    app.wait_for("[data-testid='add-vacancy']")
        .await
        .send_keys(ENTER)
        .await
        .expect("add a vacancy with Enter");
    app.wait_for("[data-testid='enter-by-hand']")
        .await
        .send_keys(ENTER)
        .await
        .expect("enter it by hand");
    app.until(
        "the form's first field has the focus",
        || focused(&app),
        |now| now == "platform",
    )
    .await;
    let stops = tab_until(&app, "publishedOn", 40).await;
    assert!(!stops.contains(&"body".to_string()), "{stops:?}");
    type_into(&app, "input[name='publishedOn']", "2026-11-02").await;
    app.press(TAB).await;
    app.until(
        "Tab leaves the publication date",
        || focused(&app),
        |now| now == "deadlineDate",
    )
    .await;
    type_into(&app, "input[name='deadlineDate']", "2026-12-04").await;
    app.press(TAB).await;
    app.until(
        "Tab leaves the deadline date",
        || focused(&app),
        |now| now == "deadlineTime",
    )
    .await;
    assert_eq!(app.date_of("input[name='publishedOn']").await, "2026-11-02");
    assert_eq!(
        app.date_of("input[name='deadlineDate']").await,
        "2026-12-04"
    );
    // The deadline time, typed on the 12-hour clock of this en-US window; Tab leaves it, and
    // goes on through the rest of the form to its save button.
    app.press("11:59 pm").await;
    app.press(TAB).await;
    app.until(
        "Tab leaves the deadline time",
        || focused(&app),
        |now| now == "deadlineZone",
    )
    .await;
    let time = "input[name='deadlineTime']";
    assert_eq!(
        app.attr_of(time, "data-value").await.as_deref(),
        Some("23:59")
    );
    assert_eq!(spaced(&app.value_of(time).await), "11:59 PM");
    app.screenshot("keyboard-vacancy-form").await;
    let stops = app.tab_through("[data-testid='vacancy-form']", 80).await;
    assert!(stops.iter().any(|s| s == "save-vacancy"), "{stops:?}");
    app.close().await;
}

fn seed_board(data: &Path) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: "2026-12-20".parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(Platform::RecruitmentHub, "1600", "Cybercrime Analyst")
    };
    let vacancy = seed::vacancy(&mut store, input, "2026-11-01T09:00:00Z".parse().unwrap());
    seed::application(
        &mut store,
        vacancy,
        Stage::Submitted,
        "2026-11-15",
        "2026-11-15T09:00:00Z".parse().unwrap(),
    )
}

fn card(id: u32) -> String {
    format!("[data-testid='board-card'][data-application='{id}']")
}

/// The application whose card holds the focus, if one does.
async fn focused_card(app: &App) -> Option<String> {
    app.client
        .execute(
            "return document.activeElement?.closest('[data-testid=board-card]')?.dataset.application ?? null;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_focus_follows_a_read_notice_and_a_moved_card_and_help_is_a_key_away() {
    let data = tempfile::tempdir().unwrap();
    let application = seed_board(data.path());
    let mut launch = Launch::new(data.path());
    launch.env.push(("TZ".into(), "Europe/Paris".into()));
    let app = App::launch(launch).await;

    // A notice read: the focus lands on the draft's first field and the window says so.
    let notice =
        std::fs::read_to_string(workspace_root().join("tests/fixtures/recruitment-hub-1503.txt"))
            .unwrap();
    app.press(&ctrl('2')).await;
    app.wait_for("[data-testid='add-vacancy']")
        .await
        .send_keys(ENTER)
        .await
        .expect("add a vacancy");
    app.fill("[data-testid='notice-paste']", &notice).await;
    app.press(TAB).await;
    app.until(
        "Tab reaches Read the notice",
        || focused(&app),
        |now| now == "read-notice",
    )
    .await;
    app.press(ENTER).await;
    app.until(
        "the draft's first field has the focus",
        || focused(&app),
        |now| now == "platform",
    )
    .await;
    app.text_until(
        "[data-testid='announcer']",
        "the reading is announced",
        |said| said.contains("Notice read"),
    )
    .await;
    assert_eq!(
        app.attr_of("[data-testid='announcer']", "aria-live")
            .await
            .as_deref(),
        Some("polite")
    );
    app.screenshot("keyboard-notice-read").await;

    // A card moved from its menu keeps the focus in its new column.
    go_discarding(&app, '3', "applications").await;
    let trigger = format!("{} [data-testid='board-move']", card(application));
    app.wait_for(&trigger)
        .await
        .send_keys(ENTER)
        .await
        .expect("open the card's menu with Enter");
    app.wait_for("[data-testid='board-move-to']").await;
    for _ in 0..10 {
        let on = app
            .attr_of(
                "[data-testid='board-move-to'][data-highlighted]",
                "data-stage",
            )
            .await;
        if on.as_deref() == Some("shortlisted") {
            break;
        }
        app.press(ARROW_DOWN).await;
    }
    app.press(ENTER).await;
    app.until(
        "the card is in Shortlisted",
        || async {
            app.attr_of(&card(application), "data-stage")
                .await
                .unwrap_or_default()
        },
        |stage| stage == "shortlisted",
    )
    .await;
    app.until(
        "the moved card keeps the focus",
        || focused_card(&app),
        |on| on.as_deref() == Some(application.to_string().as_str()),
    )
    .await;
    app.text_until(
        "[data-testid='announcer']",
        "the move is announced",
        |said| said.contains("Cybercrime Analyst") && said.contains("Shortlisted"),
    )
    .await;

    // `?` on the board opens the keyboard help; Escape closes it, and the focus comes back.
    app.press("?").await;
    let help = app.text_of("[data-testid='shortcut-help']").await;
    for n in 1..=6 {
        assert!(help.contains(&format!("Ctrl+{n}")), "{help}");
    }
    assert!(
        help.contains("Go to Settings") && help.contains("F1"),
        "{help}"
    );
    assert_eq!(
        app.attr_of("[data-testid='shortcut-help']", "role")
            .await
            .as_deref(),
        Some("dialog")
    );
    app.screenshot("keyboard-help-light").await;
    app.press(ESCAPE).await;
    app.until(
        "the help closes and the card has the focus again",
        || async {
            (
                app.exists("[data-testid='shortcut-help']").await,
                focused_card(&app).await,
            )
        },
        |(open, on)| !open && on.as_deref() == Some(application.to_string().as_str()),
    )
    .await;

    // `?` typed in a field is a character; F1 there opens the help.
    app.press(&ctrl('2')).await;
    app.wait_for("[data-testid='vacancy-search']").await;
    app.fill("[data-testid='vacancy-search']", "what?").await;
    assert_eq!(
        app.value_of("[data-testid='vacancy-search']").await,
        "what?"
    );
    app.assert_absent("[data-testid='shortcut-help']", "? in a field types ?")
        .await;
    app.press(F1).await;
    app.wait_for("[data-testid='shortcut-help']").await;
    app.press(ESCAPE).await;
    app.eventually("the help closes", || async {
        !app.exists("[data-testid='shortcut-help']").await
    })
    .await;

    // The dark theme, chosen by keyboard in Settings, applies at once.
    app.press(&ctrl('6')).await;
    app.wait_for("main[data-view='settings']").await;
    app.wait_for("input[name='theme'][value='dark']")
        .await
        .send_keys(SPACE)
        .await
        .expect("choose dark");
    app.until(
        "the window turns dark",
        || theme_of(&app),
        |t| t.as_deref() == Some("dark"),
    )
    .await;
    app.client
        .execute(
            "document.querySelector('[data-testid=theme-choice]').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await
        .expect("scroll to the theme");
    app.screenshot("keyboard-settings-dark").await;
    app.press(&ctrl('3')).await;
    app.wait_for(&card(application)).await;
    app.screenshot("keyboard-board-dark").await;
    app.press("?").await;
    app.wait_for("[data-testid='shortcut-help']").await;
    app.screenshot("keyboard-help-dark").await;
    app.press(ESCAPE).await;
    app.eventually("the help closes", || async {
        !app.exists("[data-testid='shortcut-help']").await
    })
    .await;
    app.press(&ctrl('5')).await;
    app.wait_for("[data-testid='start-profile']")
        .await
        .send_keys(ENTER)
        .await
        .expect("start the profile");
    app.fill_date("input[name='dateOfBirth']", "1990-05-04")
        .await;
    app.screenshot("keyboard-profile-dark").await;
    app.close().await;

    // Kept for the next start.
    let app = App::launch(Launch::new(data.path())).await;
    app.until(
        "the dark theme is back",
        || theme_of(&app),
        |t| t.as_deref() == Some("dark"),
    )
    .await;
    app.press(&ctrl('6')).await;
    app.wait_for("main[data-view='settings']").await;
    app.wait_for("input[name='theme'][value='system']")
        .await
        .send_keys(SPACE)
        .await
        .expect("back to the system's theme");
    app.until(
        "the theme is the system's again",
        || theme_of(&app),
        |t| t.is_none(),
    )
    .await;
    app.close().await;
}

/// `text` with the narrow and no-break spaces `Intl` writes before AM/PM as plain spaces.
fn spaced(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}

/// Whether the focused element is one of the app's time fields.
async fn focus_in_time_field(app: &App) -> bool {
    app.client
        .execute(
            "return document.activeElement?.hasAttribute('data-time-input') ?? false;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interview_time_is_typed_and_tab_moves_on() {
    let data = tempfile::tempdir().unwrap();
    let application = seed_board(data.path());
    let mut launch = Launch::new(data.path());
    launch.env.push(("TZ".into(), "Europe/Paris".into()));
    let app = App::launch(launch).await;

    // The 12-hour clock, chosen in Settings: the time field writes times so.
    app.open_view("settings").await;
    app.choose("select[data-testid='hour-style']", "h12").await;
    app.open_view("applications").await;
    app.click(&format!("{} a", card(application))).await;
    app.click("[data-testid='add-interview']").await;
    app.fill_date("input[name='interviewDate']", "2026-11-30")
        .await;
    let time = "input[name='interviewTime']";
    assert_eq!(
        spaced(&app.value_of(time).await),
        "10:00 AM",
        "the offered time"
    );

    // Into the time field by Tab from the date, then typed over as a candidate types it.
    app.press(TAB).await;
    app.until(
        "Tab reaches the time field",
        || focus_in_time_field(&app),
        |yes| *yes,
    )
    .await;
    // Select what is there, then type: one box, no hour and minute segments.
    app.press("\u{E009}a\u{E000}").await;
    app.press("2.30pm").await;
    app.until(
        "the typed time is read",
        || app.attr_of(time, "data-value"),
        |held| held.as_deref() == Some("14:30"),
    )
    .await;

    // One Tab leaves it, and the time is written in the chosen style.
    app.press(TAB).await;
    app.until(
        "Tab leaves the time field for the zone",
        || focused(&app),
        |now| now == "interviewZone",
    )
    .await;
    assert_eq!(spaced(&app.value_of(time).await), "2:30 PM");
    app.screenshot("keyboard-interview-time").await;

    // An impossible time is named, and holds the form back.
    type_into(&app, time, "25:00").await;
    app.press(TAB).await;
    let problem = app
        .text_until(
            "[data-time-input][name='interviewTime'] ~ [role='alert']",
            "the impossible hour is named",
            |text| !text.is_empty(),
        )
        .await;
    assert_eq!(problem, "There is no hour 25: hours go from 0 to 23.");
    app.screenshot("keyboard-interview-time-wrong").await;

    // Typed again in 24-hour form, saved by keyboard.
    type_into(&app, time, "1430").await;
    app.wait_for("[data-testid='save-interview']")
        .await
        .send_keys(ENTER)
        .await
        .expect("save with Enter");
    app.text_until(
        "[data-testid='interview']",
        "the interview is listed at the time typed",
        |interview| spaced(interview).contains("2:30 PM"),
    )
    .await;
    app.close().await;
}

/// A document in the vault, to open its form.
fn seed_document(data: &Path) {
    use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data).unwrap();
    vault
        .import_reader(
            &mut store,
            &mut b"%PDF-1.7\ncasier\n%%EOF\n".as_slice(),
            "casier.pdf",
            &ImportOptions {
                kind: DocumentKind::CriminalRecord,
                supersedes: None,
            },
            "2026-11-01T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
}

fn seed_profile(data: &Path) {
    use dossier_core::profile::{Profile, save_profile};
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: "Camille Martin".into(),
        email: "camille@example.org".into(),
        date_of_birth: Some("1990-05-04".parse().unwrap()),
        nationalities: vec!["FR".into()],
        ..Profile::default()
    };
    save_profile(&mut store, profile, "2026-11-01T09:00:00Z".parse().unwrap()).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tab_goes_through_every_form_without_a_trap() {
    let data = tempfile::tempdir().unwrap();
    let application = seed_board(data.path());
    seed_document(data.path());
    seed_profile(data.path());
    let app = App::launch(Launch::new(data.path())).await;

    // Settings: every choice, the quiet hours' times among them.
    app.open_view("settings").await;
    let stops = app.tab_through("main[data-view='settings']", 200).await;
    for stop in ["hour-style", "date-style"] {
        assert!(stops.iter().any(|s| s == stop), "{stop}: {stops:?}");
    }

    // The import of documents, then a document's form.
    app.open_view("documents").await;
    let stops = app.tab_through("[data-testid='import-panel']", 20).await;
    assert!(stops.iter().any(|s| s == "import-kind"), "{stops:?}");
    app.click("[data-testid='document-row']").await;
    let stops = app.tab_through("[data-testid='document-form']", 80).await;
    assert!(stops.len() > 3, "{stops:?}");

    // The form view, with its copy buttons.
    app.open_view("profile").await;
    app.click("[data-testid='open-form']").await;
    let stops = app.tab_through("[data-testid='form-view']", 400).await;
    assert!(stops.iter().any(|s| s == "form-copy"), "{stops:?}");
    app.screenshot("keyboard-form-view-tabbed").await;

    // An application: its move, its documents and a new interview's form.
    app.open_view("applications").await;
    app.click(&format!("{} a", card(application))).await;
    app.click("[data-testid='add-interview']").await;
    let stops = app.tab_through("[data-testid='interview-form']", 40).await;
    for stop in ["interviewDate", "interviewTime", "interviewZone"] {
        assert!(stops.iter().any(|s| s == stop), "{stop}: {stops:?}");
    }
    let stops = app.tab_through("main[data-view='applications']", 200).await;
    assert!(stops.iter().any(|s| s == "save-interview"), "{stops:?}");
    app.screenshot("keyboard-application-tabbed").await;
    app.close().await;
}

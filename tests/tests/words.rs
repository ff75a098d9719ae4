//! Words in the real window: a reminder shown a minute after its moment says the days the
//! candidate has ("in 7 days", as the Dashboard says too) and carries the app's icon; every view
//! writes its dates in one style.

use dossier_core::applications::Stage;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{DocumentKind, DocumentMetadata, ImportOptions, Vault, update_metadata};
use dossier_e2e::{App, Launch, seed};
use std::path::Path;

const TITLE: &str = "Criminal Intelligence Officer";

/// A vacancy in Lyon closing at 23:59 (Paris time) on `deadline`, saved at `saved_at`.
fn seed_vacancy(data: &Path, deadline: &str, saved_at: &str) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: deadline.parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        published_on: Some("2026-10-20".parse().unwrap()),
        ..seed::vacancy_input(Platform::RecruitmentHub, "1503", TITLE)
    };
    seed::vacancy(&mut store, input, saved_at.parse().unwrap())
}

fn seed_certificate(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data).unwrap();
    let document = vault
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
        .unwrap()
        .document;
    let mut metadata = DocumentMetadata::from(&document);
    metadata.issued_on = Some("2026-10-15".parse().unwrap());
    metadata.issuing_country = Some("FR".into());
    update_metadata(
        &mut store,
        document.id,
        &metadata,
        "2026-11-01".parse().unwrap(),
    )
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_shown_a_minute_late_says_7_days_with_the_app_icon() {
    use dossier_core::preferences::{DateOrder, HourCycle, Preferences, save_preferences};
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    seed_vacancy(data.path(), "2026-11-24", "2026-11-10T09:00:00Z");
    // A window opened before and said its en-US clock is the 12-hour one and its dates run
    // month first: the reminder, due before this window opens, is worded so.
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let preferences = Preferences {
            system_hours: Some(HourCycle::H12),
            system_dates: Some(DateOrder::MonthFirst),
            ..Preferences::default()
        };
        save_preferences(&mut store, &preferences).unwrap();
    }
    // 23:59 in Lyon on 24 November is 22:59 UTC; its 7-day reminder is due at 22:59 UTC on
    // the 17th. The window opens a minute later, past midnight in Lyon.
    let mut launch = Launch::new(data.path());
    launch.now = "2026-11-17T23:00:00Z".into();
    launch
        .env
        .push(("XDG_CACHE_HOME".into(), cache.path().display().to_string()));
    let app = App::launch(launch).await;
    app.wait_for_reminder_passes(1).await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "one reminder: {shown:?}");
    assert_eq!(shown[0].summary, format!("Deadline in 7 days: {TITLE}"));
    assert!(
        shown[0]
            .body
            .contains("Tuesday, November 24, 2026 at 11:59 PM (Lyon time"),
        "{}",
        shown[0].body
    );
    // The icon is a file the notification server can read.
    let icon = Path::new(&shown[0].app_icon);
    assert!(icon.starts_with(cache.path()), "{:?}", shown[0].app_icon);
    let png = std::fs::read(icon).expect("the notification's icon is on disk");
    assert!(png.starts_with(b"\x89PNG"), "the icon is a PNG");

    // The Dashboard says the same.
    let first = app
        .text_until(
            "[data-testid='upcoming-item']",
            "the Dashboard counts down to the deadline",
            |first| first.contains(TITLE),
        )
        .await;
    assert!(first.contains("in 7 days"), "{first}");
    app.screenshot("words-dashboard-7-days").await;
    app.close().await;
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// How a text writes its dates: (month first "December 1, 2026", day first "1 December 2026"),
/// and any date written another way (a short month, a weekday, a 12-hour time with a leading
/// zero).
fn date_styles(text: &str) -> (usize, usize, Vec<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let numeric = |w: &str| {
        let w = w.trim_end_matches(',');
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
    };
    let (mut month_first, mut day_first, mut other) = (0, 0, Vec::new());
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', '.', ':', ';', ')']);
        let next = words.get(i + 1).copied().unwrap_or("");
        let before = if i > 0 { words[i - 1] } else { "" };
        if MONTHS.contains(&bare) {
            // A day is one or two digits: "1 December 2026", "December 1, 2026".
            if numeric(before) && before.len() <= 2 {
                day_first += 1;
            } else if numeric(next) && next.trim_end_matches(',').len() <= 2 {
                month_first += 1;
            }
        } else if SHORT_MONTHS.contains(&bare) && (numeric(next) || numeric(before)) {
            other.push(format!("{before} {w} {next}"));
        } else if WEEKDAYS.contains(&bare)
            || ((w.len() == 5 && w.starts_with('0') && w.as_bytes()[2] == b':')
                && matches!(next.trim_end_matches([',', '.', ')']), "AM" | "PM"))
        {
            // A weekday, or a 12-hour time with a leading zero ("05:59 PM").
            other.push(format!("{w} {next}"));
        }
    }
    (month_first, day_first, other)
}

#[test]
fn the_style_reader_tells_the_styles_apart() {
    assert_eq!(date_styles("closes December 1, 2026 at 5:59 PM").0, 1);
    assert_eq!(date_styles("closes 1 December 2026, 17:59").1, 1);
    assert_eq!(date_styles("Dec 1, 2026").2.len(), 1);
    assert_eq!(date_styles("Monday 14 December 2026").2.len(), 1);
    assert_eq!(date_styles("at 05:59 PM").2.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_writes_its_dates_in_one_style() {
    let data = tempfile::tempdir().unwrap();
    seed_views(data.path());
    let app = App::launch(Launch::new(data.path())).await;
    let seen = view_texts(&app, "en").await;

    let (mut month_first, mut day_first) = (0, 0);
    for (route, text) in &seen {
        let (m, d, other) = date_styles(text);
        assert!(
            other.is_empty(),
            "{route} writes dates another way: {other:?}\n{text}"
        );
        month_first += m;
        day_first += d;
    }
    assert!(
        month_first + day_first > 5,
        "the views show dates: {seen:?}"
    );
    assert!(
        month_first == 0 || day_first == 0,
        "one style: {month_first} month-first and {day_first} day-first dates in {seen:?}"
    );
    app.close().await;
}

/// A vacancy with an application, and a certificate: dates in every view.
fn seed_views(data: &Path) {
    let vacancy = seed_vacancy(data, "2026-12-04", "2026-11-10T09:00:00Z");
    {
        let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        seed::application(
            &mut store,
            vacancy,
            Stage::Preparing,
            "2026-11-12",
            "2026-11-12T09:00:00Z".parse().unwrap(),
        );
    }
    seed_certificate(data);
}

/// The text of each view, and a screenshot of it named with `tag`.
async fn view_texts(app: &App, tag: &str) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    for (route, ready) in [
        ("dashboard", "[data-testid='upcoming-item']"),
        ("vacancies", "[data-testid='vacancy-row']"),
        ("applications", "main[data-view='applications']"),
        ("documents", "main[data-view='documents']"),
        ("settings", "[data-testid='date-example']"),
    ] {
        app.open_view(route).await;
        app.wait_for(ready).await;
        let text = app.text_of("main").await;
        let suffix = if tag == "en" {
            String::new()
        } else {
            format!("-{tag}")
        };
        app.screenshot(&format!("words-{route}{suffix}")).await;
        seen.push((route, text));
    }
    app.click("nav a[data-route='vacancies']").await;
    app.click("[data-testid='vacancy-row'] a").await;
    app.wait_for("[data-testid='countdown']").await;
    let text = app.text_of("main").await;
    let suffix = if tag == "en" {
        String::new()
    } else {
        format!("-{tag}")
    };
    app.screenshot(&format!("words-vacancy-detail{suffix}"))
        .await;
    seen.push(("vacancy detail", text));
    seen
}

/// Dates written in no other style than the language's own: no English month or weekday, no
/// AM/PM, no ISO date (the style is the system's), Western and Arabic-Indic digits not mixed in
/// one date.
fn foreign_dates(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if MONTHS.contains(&w)
            || SHORT_MONTHS.contains(&w)
            || WEEKDAYS.contains(&w)
            || w == "AM"
            || w == "PM"
        {
            found.push(w.to_string());
        }
        let b = w.as_bytes();
        if b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && w.chars().filter(char::is_ascii_digit).count() == 8
        {
            found.push(w.to_string());
        }
    }
    found
}

/// Settings' text without the examples its date and hour style choices give in brackets
/// ("ISO (2026-12-01)"): those show each style on purpose.
fn strip_style_examples(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_foreign_date_reader_finds_english_and_iso_dates() {
    assert_eq!(strip_style_examples("ISO (2026-12-01) ok"), "ISO  ok");
    assert_eq!(
        foreign_dates("clôture le 4 décembre 2026 à 23:59"),
        Vec::<String>::new()
    );
    assert_eq!(foreign_dates("le 4 December 2026"), ["December"]);
    assert_eq!(foreign_dates("cierra 2026-12-04"), ["2026-12-04"]);
    assert_eq!(foreign_dates("à 11:59 PM"), ["PM"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_writes_its_dates_in_one_style_in_french_spanish_and_arabic() {
    use dossier_core::display_language::DisplayLanguage;
    use dossier_core::preferences::{Preferences, save_preferences};
    for (language, tag) in [
        (DisplayLanguage::Fr, "fr"),
        (DisplayLanguage::Es, "es"),
        (DisplayLanguage::Ar, "ar"),
    ] {
        let data = tempfile::tempdir().unwrap();
        seed_views(data.path());
        {
            let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
            let preferences = Preferences {
                language: Some(language),
                ..Preferences::default()
            };
            save_preferences(&mut store, &preferences).unwrap();
        }
        let app = App::launch(Launch::new(data.path())).await;
        app.wait_for(&format!("html[lang='{tag}']")).await;
        let seen = view_texts(&app, tag).await;
        for (route, text) in seen {
            let text = if route == "settings" {
                strip_style_examples(&text)
            } else {
                text
            };
            let found = foreign_dates(&text);
            assert!(found.is_empty(), "{tag} {route}: {found:?}\n{text}");
        }
        app.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_iso_reminder_keeps_the_windows_12_hour_clock() {
    use dossier_core::preferences::{DateOrder, DateStyle, HourCycle, HourStyle, load_preferences};
    use dossier_core::reminders::{QuietHours, ReminderSettings, save_reminder_settings};
    let data = tempfile::tempdir().unwrap();
    // Closing at 23:59 in Lyon on 23 November: its 7-day reminder is due before noon on the
    // 17th, held back by quiet hours that cover the whole day.
    seed_vacancy(data.path(), "2026-11-23", "2026-11-10T09:00:00Z");
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let settings = ReminderSettings {
            quiet_hours: Some(QuietHours {
                start: "00:00:00".parse().unwrap(),
                end: "23:59:00".parse().unwrap(),
            }),
            ..ReminderSettings::default()
        };
        save_reminder_settings(&mut store, &settings).unwrap();
    }
    let mut launch = Launch::new(data.path());
    launch.now = "2026-11-17T12:00:00Z".into();
    launch.env.push(("TZ".into(), "Europe/Paris".into()));
    let app = App::launch(launch).await;
    app.wait_for_reminder_passes(1).await;
    assert!(
        app.notifications.received().is_empty(),
        "quiet hours hold the reminder back"
    );

    // ISO dates, chosen in Settings and kept in the data folder.
    app.open_view("settings").await;
    app.choose("select[data-testid='date-style']", "iso").await;
    app.text_until(
        "[data-testid='date-example']",
        "the example is written in ISO",
        |example| example.contains("2026-11-17"),
    )
    .await;
    let database = data.path().join(DATABASE_FILE);
    app.eventually("the choice is kept in the data folder", || async {
        Store::open(&database)
            .and_then(|store| load_preferences(&store))
            .is_ok_and(|preferences| preferences.date_style == DateStyle::Iso)
    })
    .await;
    // The hour style stays "system", and the window has told the core that its en-US clock
    // is the 12-hour one and that its dates run month first.
    app.eventually(
        "the window's clock is kept for the notifications",
        || async {
            Store::open(&database)
                .and_then(|store| load_preferences(&store))
                .is_ok_and(|preferences| {
                    preferences.hour_style == HourStyle::System
                        && preferences.system_hours == Some(HourCycle::H12)
                        && preferences.system_dates == Some(DateOrder::MonthFirst)
                })
        },
    )
    .await;
    app.screenshot("words-settings-iso").await;

    // Quiet hours off: the held reminder comes, in the style just chosen, with no restart.
    app.click("input[name='quiet']").await;
    app.click("[data-testid='save-reminders']").await;
    app.eventually("the held reminder is shown", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, format!("Deadline in 6 days: {TITLE}"));
    assert!(
        shown[0]
            .body
            .contains("close 2026-11-23 at 11:59 PM (Lyon time"),
        "{}",
        shown[0].body
    );
    assert!(!shown[0].body.contains("November"), "{}", shown[0].body);
    // The window writes the same deadline on the same clock.
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    let countdown = app
        .text_until(
            "[data-testid='closes-there']",
            "the vacancy's deadline is shown",
            |text| text.contains("2026-11-23"),
        )
        .await
        .replace(['\u{202f}', '\u{a0}'], " ");
    assert!(countdown.contains("11:59 PM"), "{countdown}");
    app.screenshot("words-notification-and-window-12h").await;
    app.close().await;
}

//! Applications in the real window: a deadline reminder reaches the desktop exactly once, also
//! across a restart; an application is tracked from its vacancy, moved through its stages and
//! counted down on the Dashboard; the calendar is exported and read back.

use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{self, Deadline, Platform, SaveOutcome, VacancyInput, VacancyStatus};
use dossier_e2e::{App, Launch};
use std::path::Path;
use std::time::Duration;

const TITLE: &str = "Criminal Intelligence Officer";

/// A vacancy in Lyon closing at the end of `deadline` (Paris time), saved at `saved_at`.
fn seed_vacancy(data: &Path, deadline: &str, saved_at: &str) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let input = VacancyInput {
        platform: Platform::RecruitmentHub,
        reference: "1503".into(),
        title: TITLE.into(),
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        contract_kind: None,
        is_roster: false,
        grade: Some("6".into()),
        posts: Some(1),
        security_screening: None,
        duration_months: None,
        duration_text: None,
        published_on: None,
        deadline: Some(Deadline {
            date: deadline.parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        languages: vec![],
        min_education: None,
        min_experience_years: None,
        notice_url: None,
        notice_text: None,
        notes: String::new(),
        status: VacancyStatus::Open,
    };
    match vacancy::create_vacancy(&mut store, input, saved_at.parse().unwrap()).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    }
}

/// What the app's start-up pass had the time to send: the window is up, then a moment more.
async fn settled_notifications(app: &App) -> Vec<dossier_e2e::Notification> {
    app.wait_for("main[data-view='dashboard']").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.notifications.received()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_reminder_arrives_once_even_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let vacancy_id = seed_vacancy(data.path(), "2026-11-24", "2026-11-10T09:00:00Z");
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        applications::create_application(
            &mut store,
            &ApplicationInput {
                vacancy_id,
                platform: None,
                // Still preparing: once submitted, the deadline no longer concerns the
                // candidate and the core stops reminding them of it.
                first_step: EventInput {
                    stage: Stage::Preparing,
                    date: "2026-11-10".parse().unwrap(),
                    time: None,
                    zone: None,
                    note: String::new(),
                },
            },
            "2026-11-10T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
    }

    // 2 days 12 hours before the deadline (23:59 in Lyon on 24 November is 22:59 UTC): the
    // 7-day and 3-day reminders are both due at start, and make one notification.
    let mut launch = Launch::new(data.path());
    launch.now = "2026-11-22T10:59:00Z".into();
    let app = App::launch(launch).await;
    app.eventually("the deadline reminder arrives", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    let shown = settled_notifications(&app).await;
    assert_eq!(shown.len(), 1, "exactly one notification: {shown:?}");
    assert_eq!(shown[0].app_name, "Dossier");
    assert!(
        shown[0].summary.starts_with("Deadline in 2 days") && shown[0].summary.contains(TITLE),
        "{:?}",
        shown[0].summary
    );
    assert!(shown[0].body.contains("close"), "{:?}", shown[0].body);

    // The Dashboard counts down to the same deadline.
    let first = app.text_of("[data-testid='upcoming-item']").await;
    assert!(first.contains(TITLE), "{first}");
    assert!(first.contains("in 2 d "), "{first}");
    app.screenshot("dashboard-upcoming").await;
    app.close().await;

    // The same data at the same moment: the reminder was recorded as fired, nothing repeats.
    let mut launch = Launch::new(data.path());
    launch.now = "2026-11-22T11:30:00Z".into();
    let app = App::launch(launch).await;
    let shown = settled_notifications(&app).await;
    assert!(
        shown.is_empty(),
        "nothing repeated after a restart: {shown:?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_application_is_tracked_moved_counted_down_and_exported() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let ics = out.path().join("dossier.ics");
    seed_vacancy(data.path(), "2026-12-04", "2026-11-20T09:00:00Z");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(ics.clone());
    let app = App::launch(launch).await;

    // Tracked from the vacancy while preparing it.
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    app.wait_for("[data-testid='track']").await;
    app.choose("select[name='firstStage']", "preparing").await;
    app.click("[data-testid='track']").await;
    app.eventually("the application opens at Preparing", || async {
        app.exists("[data-testid='current-stage']").await
            && app.text_of("[data-testid='current-stage']").await == "Preparing"
    })
    .await;

    // The table lists it at its stage, on the day it was recorded, counting down to the deadline.
    app.open_view("applications").await;
    let row = app.text_of("[data-testid='application-row']").await;
    assert!(
        row.contains(TITLE)
            && row.contains("Preparing")
            && (row.contains("Nov 22, 2026") || row.contains("22 Nov 2026"))
            && row.contains("in 12 d "),
        "{row}"
    );
    app.screenshot("applications-table").await;

    // The Dashboard lists the deadline first, with its live countdown.
    app.open_view("dashboard").await;
    let items = app.texts_of_all("[data-testid='upcoming-item']").await;
    assert!(
        items
            .first()
            .is_some_and(|i| i.contains(TITLE) && i.contains("in 12 d 13 h")),
        "{items:?}"
    );

    // The calendar, exported through the save dialog and read back.
    app.open_view("settings").await;
    app.click("[data-testid='export-calendar']").await;
    let message = app.text_of("[data-testid='export-message']").await;
    assert!(message.contains(&ics.display().to_string()), "{message}");
    let text = std::fs::read_to_string(&ics).unwrap();
    // Long lines are folded (RFC 5545): a line break and a space continue the line.
    let lines: Vec<String> = text
        .replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect();
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "BEGIN:VTIMEZONE"), "{text}");
    assert!(lines.iter().any(|l| l == "TZID:Europe/Paris"), "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("DTSTART;TZID=Europe/Paris:20261204T2359")),
        "the deadline at 23:59 in Lyon: {text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("SUMMARY:") && l.contains(TITLE)),
        "{text}"
    );

    // From the Dashboard to the application, then submitted and invited to an interview.
    app.open_view("dashboard").await;
    app.click("[data-testid='upcoming-item'] a").await;
    app.wait_for("[data-testid='next-stage']").await;
    for (stage, note, label) in [
        ("submitted", "Sent with CV v3", "Submitted"),
        ("interview", "Panel by video", "Interview"),
    ] {
        app.choose("[data-testid='next-stage']", stage).await;
        app.fill("textarea[name='stepNote']", note).await;
        app.click("[data-testid='record-step']").await;
        app.eventually(&format!("the application is at {label}"), || async {
            app.text_of("[data-testid='current-stage']").await == label
        })
        .await;
    }
    let steps = app.texts_of_all("[data-testid='timeline-step']").await;
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert!(
        steps[0].contains("Interview") && steps[0].contains("Panel by video"),
        "{steps:?}"
    );
    assert!(
        steps[1].contains("Submitted") && steps[1].contains("Sent with CV v3"),
        "{steps:?}"
    );
    assert!(steps[2].contains("Preparing"), "{steps:?}");
    app.screenshot("applications").await;

    // The vacancy now says it is tracked instead of offering to track it again.
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    let tracked = app.text_of("[data-testid='tracked-stage']").await;
    assert!(tracked.contains("Interview"), "{tracked}");
    app.close().await;
}

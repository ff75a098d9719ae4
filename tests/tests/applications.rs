//! Applications in the real window: a deadline reminder reaches the desktop exactly once, also
//! across a restart, and a click on it opens the application; an application is tracked from its
//! vacancy, moved through its stages and counted down on the Dashboard; the calendar is exported
//! and read back; the board moves cards by mouse and by keyboard; a step is undone; interviews,
//! the documents sent and a Talentlink copy are recorded.

use dossier_core::applications::{self, Stage};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{Preferences, save_preferences};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use dossier_e2e::{App, Launch, seed};
use std::path::Path;

const TITLE: &str = "Criminal Intelligence Officer";

/// A vacancy in Lyon closing at the end of `deadline` (Paris time), saved at `saved_at`.
fn seed_vacancy(data: &Path, deadline: &str, saved_at: &str) -> u32 {
    seed_vacancy_on(
        data,
        Platform::RecruitmentHub,
        "1503",
        TITLE,
        deadline,
        saved_at,
    )
}

fn seed_vacancy_on(
    data: &Path,
    platform: Platform,
    reference: &str,
    title: &str,
    deadline: &str,
    saved_at: &str,
) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        grade: Some("6".into()),
        posts: Some(1),
        deadline: Some(Deadline {
            date: deadline.parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(platform, reference, title)
    };
    seed::vacancy(&mut store, input, saved_at.parse().unwrap())
}

/// What the app's start-up pass of the reminders sent, once it has run.
async fn settled_notifications(app: &App) -> Vec<dossier_e2e::Notification> {
    app.wait_for_reminder_passes(1).await;
    app.notifications.received()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_reminder_arrives_once_even_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let vacancy_id = seed_vacancy(data.path(), "2026-11-24", "2026-11-10T09:00:00Z");
    // Still preparing: once submitted, the deadline no longer concerns the candidate and the
    // core stops reminding them of it.
    seed_application(data.path(), vacancy_id, Stage::Preparing, "2026-11-10");

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

    // A click on the notification opens the application it is about.
    app.notifications.click(&shown[0]).await;
    app.eventually("the application opens from the notification", || async {
        app.exists("main[data-view='applications'] [data-testid='current-stage']")
            .await
            && app.text_of("#page-title").await.contains(TITLE)
    })
    .await;
    app.open_view("dashboard").await;

    // The Dashboard counts down to the same deadline.
    let first = app
        .text_until(
            "[data-testid='upcoming-item']",
            "the Dashboard counts down to the deadline",
            |first| first.contains(TITLE) && first.contains("in 2 days"),
        )
        .await;
    assert!(first.contains(TITLE), "{first}");
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

/// The check: a notification captured in French, for a candidate who chose French.
/// The scheduler reads the language at its pass, from the preferences the Settings view saves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_reminder_is_written_in_the_language_the_candidate_chose() {
    let data = tempfile::tempdir().unwrap();
    let vacancy_id = seed_vacancy(data.path(), "2026-11-24", "2026-11-10T09:00:00Z");
    seed_application(data.path(), vacancy_id, Stage::Preparing, "2026-11-10");
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let preferences = Preferences {
            language: Some(DisplayLanguage::Fr),
            ..Preferences::default()
        };
        save_preferences(&mut store, &preferences).unwrap();
    }

    let mut launch = Launch::new(data.path());
    launch.now = "2026-11-22T10:59:00Z".into();
    let app = App::launch(launch).await;
    let shown = settled_notifications(&app).await;
    assert_eq!(shown.len(), 1, "exactly one notification: {shown:?}");
    assert_eq!(
        shown[0].summary,
        format!("Date limite de candidature dans 2 jours\u{a0}: {TITLE}")
    );
    // The rest names the candidate's own time, which depends on the machine's zone.
    let body = &shown[0].body;
    assert!(
        body.starts_with(&format!(
            "Les candidatures pour «\u{a0}{TITLE} (1503)\u{a0}» seront closes le mardi 24 novembre 2026 à 23:59 (heure de Lyon"
        )),
        "{body:?}"
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
    app.click("[data-testid='show-table']").await;
    app.text_until(
        "[data-testid='application-row']",
        "the table lists the application at its stage, dated and counting down",
        |row| {
            row.contains(TITLE)
                && row.contains("Preparing")
                && (row.contains("November 22, 2026") || row.contains("22 November 2026"))
                && row.contains("in 13 days")
        },
    )
    .await;
    app.screenshot("applications-table").await;

    // The Dashboard lists the deadline first, with its live countdown.
    app.open_view("dashboard").await;
    app.texts_until(
        "[data-testid='upcoming-item']",
        "the Dashboard lists the deadline first",
        |items| {
            items
                .first()
                .is_some_and(|i| i.contains(TITLE) && i.contains("in 13 days"))
        },
    )
    .await;

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
    let steps = app
        .texts_until(
            "[data-testid='timeline-step']",
            "the timeline has three steps",
            |steps| steps.len() == 3,
        )
        .await;
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

fn seed_application(data: &Path, vacancy_id: u32, stage: Stage, on: &str) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let now = format!("{on}T09:00:00Z").parse().unwrap();
    seed::application(&mut store, vacancy_id, stage, on, now)
}

fn seed_document(data: &Path, name: &str, kind: DocumentKind) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data).unwrap();
    let content = format!("%PDF-1.7\n{name}\n%%EOF\n");
    vault
        .import_reader(
            &mut store,
            &mut content.as_bytes(),
            name,
            &ImportOptions {
                kind,
                supersedes: None,
            },
            "2026-11-01T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
}

fn card(id: u32) -> String {
    format!("[data-testid='board-card'][data-application='{id}']")
}

/// Where a card can be dropped for `stage`: a lane of its own, or a stage's target in a lane
/// shared by several stages (shown while a card is dragged).
fn drop_on(stage: &str) -> String {
    format!("[data-drop-stage='{stage}']")
}

/// The lane and the stage the card shows, as the page has them.
async fn place_of(app: &App, id: u32) -> (String, String) {
    let stage = app
        .attr_of(&card(id), "data-stage")
        .await
        .unwrap_or_default();
    let lane = app
        .read_all("[data-testid='board-lane']", |lane| async move {
            let name = lane.attr("data-lane").await?.unwrap_or_default();
            let holds = !lane
                .find_all(fantoccini::Locator::Css(&card(id)))
                .await?
                .is_empty();
            Ok((name, holds))
        })
        .await
        .into_iter()
        .find(|(_, holds)| *holds)
        .map(|(name, _)| name)
        .unwrap_or_default();
    (lane, stage)
}

fn at(lane: &str, stage: &str) -> (String, String) {
    (lane.to_string(), stage.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_moves_by_mouse_and_keyboard_and_the_application_keeps_its_record() {
    let data = tempfile::tempdir().unwrap();
    let hub = seed_vacancy(data.path(), "2026-12-04", "2026-11-01T09:00:00Z");
    let hub_application = seed_application(data.path(), hub, Stage::Submitted, "2026-11-15");
    let talentlink = seed_vacancy_on(
        data.path(),
        Platform::Talentlink,
        "Internship 1468",
        "Legal Affairs Intern",
        "2026-12-10",
        "2026-11-01T09:00:00Z",
    );
    let talentlink_application =
        seed_application(data.path(), talentlink, Stage::Submitted, "2026-11-12");
    let silent = seed_vacancy_on(
        data.path(),
        Platform::RecruitmentHub,
        "1574",
        "Data Protection Officer",
        "2026-05-20",
        "2026-05-01T09:00:00Z",
    );
    let silent_application = seed_application(data.path(), silent, Stage::Submitted, "2026-05-12");
    seed_document(data.path(), "CV Ana Lima 2026.pdf", DocumentKind::Cv);
    seed_document(
        data.path(),
        "Talentlink application Internship 1468.pdf",
        DocumentKind::TalentlinkApplication,
    );
    let app = App::launch(Launch::new(data.path())).await;

    app.open_view("applications").await;
    app.wait_for(&card(hub_application)).await;
    assert_eq!(
        place_of(&app, hub_application).await,
        at("submitted", "submitted")
    );

    // Dropped where it cannot go (back to "Interested"), it stays where it was.
    // The drop targets are drawn only while a card is dragged, and the board leaves its dragging
    // state when the release has been handled: the proof that the drop was taken and refused.
    app.drag(&card(hub_application), &drop_on("interested"))
        .await;
    app.wait_for("[data-testid='board']:not(.dragging)").await;
    assert_eq!(
        place_of(&app, hub_application).await,
        at("submitted", "submitted")
    );
    app.assert_absent("[data-testid='board-news']", "a refused drop moves nothing")
        .await;

    // Dragged to "Shortlisted" with the mouse.
    app.drag(&card(hub_application), &drop_on("shortlisted"))
        .await;
    app.eventually("the card lands in Shortlisted", || async {
        place_of(&app, hub_application).await == at("selection", "shortlisted")
    })
    .await;
    let news = app.text_of("[data-testid='board-news']").await;
    assert!(
        news.contains(TITLE) && news.contains("Shortlisted"),
        "{news}"
    );

    // Moved to "Interview" with the keyboard only: its "Move to" menu, arrows, Enter.
    let trigger = format!("{} [data-testid='board-move']", card(hub_application));
    app.wait_for(&trigger)
        .await
        .send_keys("\u{E007}")
        .await
        .expect("open the menu with Enter");
    app.wait_for("[data-testid='board-move-to']").await;
    for _ in 0..10 {
        let on = app
            .attr_of(
                "[data-testid='board-move-to'][data-highlighted]",
                "data-stage",
            )
            .await;
        if on.as_deref() == Some("interview") {
            break;
        }
        app.press("\u{E015}").await; // Arrow down
    }
    app.press("\u{E007}").await;
    app.eventually("the card lands in Interview", || async {
        place_of(&app, hub_application).await == at("selection", "interview")
    })
    .await;
    app.screenshot("applications-board").await;

    // On the application's page, the mistaken step is undone.
    app.click(&format!("{} a", card(hub_application))).await;
    app.eventually("the application page opens", || async {
        app.exists("[data-testid='current-stage']").await
            && app.text_of("[data-testid='current-stage']").await == "Interview"
    })
    .await;
    app.click("[data-testid='undo-step']").await;
    let dialog = app.text_of("[data-testid='undo-dialog']").await;
    assert!(dialog.contains("Shortlisted"), "{dialog}");
    app.click("[data-testid='undo-dialog'] [data-testid='confirm']")
        .await;
    app.eventually("the dialog closes", || async {
        !app.exists("[data-testid='undo-dialog']").await
    })
    .await;
    app.eventually("the application is back at Shortlisted", || async {
        app.text_of("[data-testid='current-stage']").await == "Shortlisted"
    })
    .await;
    app.texts_until(
        "[data-testid='timeline-step']",
        "the undone step leaves the timeline",
        |steps| steps.len() == 2,
    )
    .await;

    // An interview in Lyon, in person.
    app.click("[data-testid='add-interview']").await;
    app.fill_date("input[name='interviewDate']", "2026-11-30")
        .await;
    app.fill_time("input[name='interviewTime']", "14:30").await;
    assert_eq!(
        app.value_of("input[name='interviewZone']").await,
        "Europe/Paris",
        "the duty station's zone is offered"
    );
    app.choose("select[name='interviewMode']", "in_person")
        .await;
    app.fill(
        "input[name='interviewPlace']",
        "INTERPOL General Secretariat, Lyon",
    )
    .await;
    app.click("[data-testid='save-interview']").await;
    app.text_until(
        "[data-testid='interview']",
        "the interview is listed with its day, zone, mode and place",
        |interview| {
            // The machine's locale decides the order of day and month.
            (interview.contains("30 November 2026") || interview.contains("November 30, 2026"))
                && interview.contains("Europe/Paris")
                && interview.contains("In person")
                && interview.contains("General Secretariat")
        },
    )
    .await;

    // The CV sent with it.
    app.click("[data-testid='choose-sent']").await;
    app.click("[data-testid='sent-choice'][data-title='CV Ana Lima 2026']")
        .await;
    app.click("[data-testid='save-sent']").await;
    app.texts_until(
        "[data-testid='sent-document']",
        "the CV is listed as sent",
        |sent| sent.len() == 1 && sent[0].contains("CV Ana Lima 2026"),
    )
    .await;
    app.assert_absent(
        "[data-testid='saved-copy']",
        "a Recruitment Hub application has no saved copy to keep",
    )
    .await;
    app.screenshot("application-detail").await;

    // The Dashboard counts down to the interview, and proposes "No response" for the
    // application without an answer for six months.
    app.open_view("dashboard").await;
    app.eventually("the interview is on the Dashboard", || async {
        app.texts_of_all("[data-testid='upcoming-item']")
            .await
            .iter()
            .any(|i| i.contains("Interview") && i.contains(TITLE))
    })
    .await;
    let proposal = app
        .text_of("[data-testid='upcoming-item']:has([data-testid='mark-no-response'])")
        .await;
    assert!(
        // The kind is drawn in capitals, and WebDriver reads text as drawn.
        proposal.to_lowercase().contains("needs you")
            && proposal.contains("Data Protection Officer"),
        "{proposal}"
    );
    app.click("[data-testid='mark-no-response']").await;
    app.eventually("the proposal is taken", || async {
        !app.exists("[data-testid='mark-no-response']").await
    })
    .await;

    // The Talentlink application keeps its saved copy, also after a restart.
    app.open_view("applications").await;
    app.click(&format!("{} a", card(talentlink_application)))
        .await;
    // Documents are numbered in the order they were imported: the copy came second.
    app.choose("[data-testid='saved-copy']", "2").await;
    app.click("[data-testid='save-copy']").await;
    app.text_until(
        "[data-testid='sent-message']",
        "the saved copy is recorded",
        |message| message.contains("Saved copy recorded"),
    )
    .await;
    app.close().await;

    let store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
    let detail = applications::get_application(&store, talentlink_application).unwrap();
    assert_eq!(
        detail.saved_copy.map(|c| c.title),
        Some("Talentlink application Internship 1468".to_string())
    );
    let detail = applications::get_application(&store, hub_application).unwrap();
    assert_eq!(detail.application.stage, Stage::Shortlisted);
    assert_eq!(detail.interviews.len(), 1);
    assert_eq!(detail.documents_sent.len(), 1);
    let detail = applications::get_application(&store, silent_application).unwrap();
    assert_eq!(detail.application.stage, Stage::NoResponse);
    assert_eq!(
        detail.timeline.last().map(|e| e.occurred_on.to_string()),
        Some("2026-11-12".to_string()),
        "dated the day six months of silence were reached"
    );
}

//! A long history's Dashboard: applications unanswered for more than a year and vacancies whose
//! deadline passed long ago without an application are each summarised once, with a count,
//! instead of being listed one by one ("1622 d ago"); the summary's action, once confirmed,
//! settles them all, and what is recent stays listed.

use chrono::NaiveDate;
use dossier_core::applications::{self, Stage};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{self, Deadline, Platform, VacancyInput, VacancyStatus};
use dossier_e2e::{App, Launch, seed};
use std::path::Path;

/// The e2e clock is stopped at 2026-11-22: these were submitted in 2024, long unanswered.
const OLD_SUBMITTED: [&str; 3] = [
    "Old analyst post A",
    "Old analyst post B",
    "Old analyst post C",
];
/// Closed for applications in August 2026, never applied to.
const MISSED: [&str; 2] = ["Missed post D", "Missed post E"];
/// Submitted three weeks before the clock: waiting for an answer, not history.
const RECENT: &str = "Recent criminal intelligence officer";

struct Seeded {
    old_applications: Vec<u32>,
    recent_application: u32,
    missed_vacancies: Vec<u32>,
}

fn vacancy_closing(store: &mut Store, reference: &str, title: &str, deadline: &str) -> u32 {
    let input = VacancyInput {
        deadline: Some(Deadline {
            date: deadline.parse::<NaiveDate>().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        ..seed::vacancy_input(Platform::RecruitmentHub, reference, title)
    };
    seed::vacancy(store, input, "2024-05-01T09:00:00Z".parse().unwrap())
}

fn seed_history(data: &Path) -> Seeded {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let old_applications = OLD_SUBMITTED
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let vacancy = vacancy_closing(&mut store, &format!("2024/0{i}"), title, "2024-06-15");
            seed::application(
                &mut store,
                vacancy,
                Stage::Submitted,
                "2024-06-01",
                "2024-06-01T09:00:00Z".parse().unwrap(),
            )
        })
        .collect();
    let missed_vacancies = MISSED
        .iter()
        .enumerate()
        .map(|(i, title)| vacancy_closing(&mut store, &format!("2026/1{i}"), title, "2026-08-20"))
        .collect();
    let recent = vacancy_closing(&mut store, "2026/20", RECENT, "2026-11-10");
    let recent_application = seed::application(
        &mut store,
        recent,
        Stage::Submitted,
        "2026-11-01",
        "2026-11-01T09:00:00Z".parse().unwrap(),
    );
    Seeded {
        old_applications,
        recent_application,
        missed_vacancies,
    }
}

async fn upcoming_titles(app: &App) -> Vec<String> {
    app.texts_of_all("[data-testid='upcoming-item']").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_past_moments_are_summarised_once_and_settled_together() {
    let data = tempfile::tempdir().unwrap();
    let seeded = seed_history(data.path());
    let app = App::launch(Launch::new(data.path())).await;

    // One line per kind, with its count; the recent application is still listed on its own,
    // and none of the long-past ones is.
    let unanswered = "[data-testid='backlog-unanswered']";
    let missed = "[data-testid='backlog-missed_deadline']";
    app.wait_for(unanswered).await;
    assert_eq!(
        app.attr_of(unanswered, "data-count").await.as_deref(),
        Some("3")
    );
    assert_eq!(
        app.attr_of(missed, "data-count").await.as_deref(),
        Some("2")
    );
    let summary = app.text_of(unanswered).await;
    assert!(summary.contains('3'), "{summary}");
    let listed = app
        .texts_until(
            "[data-testid='upcoming-item']",
            "the recent application is listed",
            |texts| texts.iter().any(|t| t.contains(RECENT)),
        )
        .await;
    for old in OLD_SUBMITTED.iter().chain(MISSED.iter()) {
        assert!(
            !listed.iter().any(|t| t.contains(old)),
            "{old} is listed one by one: {listed:?}"
        );
    }
    app.screenshot("dashboard-backlog").await;

    // The action asks first: nothing changes until the candidate confirms.
    app.click(&format!("{unanswered} [data-testid='backlog-settle']"))
        .await;
    app.wait_for(&format!("{unanswered} [data-testid='backlog-confirm']"))
        .await;
    app.screenshot("dashboard-backlog-confirm").await;
    app.click(&format!("{unanswered} [data-testid='backlog-confirm']"))
        .await;
    // The live region is visually hidden, so WebDriver's text (what is seen) is empty there:
    // what a screen reader hears is its text content.
    app.until(
        "the live region says what was done",
        || async {
            app.client
                .execute(
                    "return document.querySelector('[data-testid=backlog-done]')?.textContent ?? '';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        },
        |text: &String| text.contains('3'),
    )
    .await;
    app.eventually("the unanswered summary leaves the Dashboard", || async {
        !app.exists(unanswered).await
    })
    .await;
    // The other kind is still offered, and the recent application still listed.
    assert_eq!(
        app.attr_of(missed, "data-count").await.as_deref(),
        Some("2")
    );
    assert!(
        upcoming_titles(&app)
            .await
            .iter()
            .any(|t| t.contains(RECENT)),
        "the recent application must stay listed"
    );

    app.click(&format!("{missed} [data-testid='backlog-settle']"))
        .await;
    app.click(&format!("{missed} [data-testid='backlog-confirm']"))
        .await;
    app.eventually(
        "the missed-deadline summary leaves the Dashboard",
        || async { !app.exists(missed).await },
    )
    .await;
    app.assert_absent("[data-testid='backlog']", "nothing long past is left")
        .await;
    app.close().await;

    // What the window said is what the store holds.
    let store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
    for id in &seeded.old_applications {
        let detail = applications::get_application(&store, *id).unwrap();
        assert_eq!(
            detail.application.stage,
            Stage::NoResponse,
            "application {id}"
        );
    }
    let recent = applications::get_application(&store, seeded.recent_application).unwrap();
    assert_eq!(recent.application.stage, Stage::Submitted);
    for id in &seeded.missed_vacancies {
        let vacancy = vacancy::get_vacancy(&store, *id).unwrap();
        assert_eq!(vacancy.input.status, VacancyStatus::Closed, "vacancy {id}");
    }
}

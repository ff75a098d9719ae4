//! The Dashboard's long-past moments, on the settable clock: counted once by kind instead of
//! listed, and settled all together in one transaction.

use chrono::{DateTime, Duration, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::clock::{Clock, SettableClock};
use dossier_core::countdowns::backlog::{BacklogGroup, BacklogKind, backlog, settle_backlog};
use dossier_core::countdowns::{CountdownKind, upcoming};
use dossier_core::store::Store;
use dossier_core::vacancy::*;

mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";

fn save(store: &mut Store, reference: &str, deadline: &str, now: DateTime<Utc>) -> u32 {
    let v = VacancyInput {
        duty_zone: Some(PARIS.into()),
        deadline: Some(Deadline {
            date: d(deadline),
            time: None,
            zone: PARIS.into(),
        }),
        ..VacancyInput::new(Platform::RecruitmentHub, reference, "Officer")
    };
    match create_vacancy(store, v, now).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    }
}

fn submit(store: &mut Store, vacancy_id: u32, on: &str, now: DateTime<Utc>) -> u32 {
    applications::create_application(
        store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: EventInput {
                stage: Stage::Submitted,
                date: d(on),
                time: None,
                zone: Some(PARIS.into()),
                note: String::new(),
            },
        },
        now,
    )
    .unwrap()
    .application
    .id
}

/// Three submissions (two more than a year old, one recent), two deadlines missed long ago
/// and one missed last week.
fn history(store: &mut Store, recorded: DateTime<Utc>) -> Vec<u32> {
    let mut apps = Vec::new();
    for (r, on) in [
        ("1001", "2024-01-10"),
        ("1002", "2025-03-01"),
        ("1003", "2026-05-01"),
    ] {
        let v = save(store, r, "2020-01-01", recorded);
        apps.push(submit(store, v, on, recorded));
    }
    save(store, "2001", "2024-02-01", recorded);
    save(store, "2002", "2025-06-01", recorded);
    save(store, "2003", "2026-05-28", recorded);
    apps
}

#[test]
fn long_past_moments_are_counted_once_and_not_listed() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = SettableClock::new(utc("2026-06-01T08:00:00Z"));
    history(&mut store, utc("2026-06-01T07:00:00Z"));
    let now = clock.now();

    assert_eq!(
        backlog(&store, now, PARIS).unwrap(),
        [
            BacklogGroup {
                kind: BacklogKind::Unanswered,
                count: 2
            },
            BacklogGroup {
                kind: BacklogKind::MissedDeadline,
                count: 2
            },
        ]
    );
    let listed: Vec<(CountdownKind, String)> = upcoming(&store, now, PARIS, None)
        .unwrap()
        .into_iter()
        .map(|i| (i.kind, i.subject))
        .collect();
    assert_eq!(
        listed,
        [
            (CountdownKind::Deadline, "Officer (2003)".to_string()),
            (CountdownKind::Silence, "Officer (1003)".to_string()),
        ]
    );

    // A year and a day after the last of them, the recent submission joins the summary.
    clock.set(utc("2027-05-03T08:00:00Z"));
    let groups = backlog(&store, clock.now(), PARIS).unwrap();
    assert_eq!(groups[0].count, 3);
    assert_eq!(groups[1].count, 3);
}

#[test]
fn a_submission_exactly_a_year_old_is_still_listed() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(
        &mut store,
        "1001",
        "2020-01-01",
        utc("2026-06-01T07:00:00Z"),
    );
    submit(&mut store, v, "2025-06-01", utc("2025-06-01T08:00:00Z"));
    // 1 June 2026 in Paris: a year to the day, not more.
    let now = utc("2026-06-01T21:00:00Z");
    assert!(
        backlog(&store, now, PARIS)
            .unwrap()
            .iter()
            .all(|g| g.kind != BacklogKind::Unanswered)
    );
    let later = now + Duration::hours(2);
    assert_eq!(backlog(&store, later, PARIS).unwrap()[0].count, 1);
}

#[test]
fn settling_marks_every_unanswered_application_no_response_dated_at_silence() {
    let mut store = Store::open_in_memory().unwrap();
    let apps = history(&mut store, utc("2026-06-01T07:00:00Z"));
    let now = utc("2026-06-01T08:00:00Z");

    let settled =
        settle_backlog(&mut store, BacklogKind::Unanswered, "No answer", now, PARIS).unwrap();
    assert_eq!(settled, 2);
    let stage = |store: &Store, id| applications::get_application(store, id).unwrap();
    let first = stage(&store, apps[0]);
    assert_eq!(first.application.stage, Stage::NoResponse);
    let last = applications::timeline(&store, apps[0])
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.occurred_on, d("2024-07-10"));
    assert_eq!(last.note, "No answer");
    assert_eq!(stage(&store, apps[2]).application.stage, Stage::Submitted);
    assert_eq!(
        backlog(&store, now, PARIS).unwrap(),
        [BacklogGroup {
            kind: BacklogKind::MissedDeadline,
            count: 2
        }]
    );

    // Closing the missed vacancies empties the summary; the recent one stays listed.
    let closed = settle_backlog(&mut store, BacklogKind::MissedDeadline, "", now, PARIS).unwrap();
    assert_eq!(closed, 2);
    assert_eq!(backlog(&store, now, PARIS).unwrap(), []);
    assert!(
        upcoming(&store, now, PARIS, None)
            .unwrap()
            .iter()
            .any(|i| i.subject == "Officer (2003)")
    );
}

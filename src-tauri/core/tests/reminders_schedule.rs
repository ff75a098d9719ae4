//! The reminder scheduler on the settable clock: nothing early, nothing twice (also after a
//! restart), nothing lost, missed reminders summarised once, quiet hours respected.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use dossier_core::applications::{
    self, ApplicationInput, EventInput, InterviewInput, InterviewMode, Stage,
};
use dossier_core::clock::{Clock, SettableClock};
use dossier_core::countdowns::{CountdownKind, upcoming};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::reminders::*;
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use dossier_core::vault::{DocumentKind, DocumentMetadata, ImportOptions, Vault, update_metadata};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn vacancy(reference: &str, title: &str, deadline: Option<Deadline>) -> VacancyInput {
    VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some(PARIS.into()),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: Some("6".into()),
        posts: Some(1),
        deadline,
        ..VacancyInput::new(Platform::RecruitmentHub, reference, title)
    }
}

fn in_lyon(date: &str, time: Option<NaiveTime>) -> Option<Deadline> {
    Some(Deadline {
        date: d(date),
        time,
        zone: PARIS.into(),
    })
}

fn save_vacancy(store: &mut Store, v: VacancyInput, now: DateTime<Utc>) -> u32 {
    match create_vacancy(store, v, now).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    }
}

fn step(stage: Stage, date: &str) -> EventInput {
    EventInput {
        stage,
        date: d(date),
        time: None,
        zone: Some(PARIS.into()),
        note: String::new(),
    }
}

fn settings() -> ReminderSettings {
    ReminderSettings::default()
}

fn take(store: &mut Store, clock: &SettableClock) -> Delivery {
    take_due(store, clock.now(), &settings(), PARIS, DisplayLanguage::En).unwrap()
}

fn titles(delivery: &Delivery) -> Vec<String> {
    delivery
        .notifications
        .iter()
        .map(|n| n.title.clone())
        .collect()
}

struct Disk {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn disk() -> Disk {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.db");
    Disk { _dir: dir, path }
}

fn reopen(path: &Path) -> Store {
    Store::open(path).unwrap()
}

#[test]
fn a_deadline_on_the_night_of_the_spring_change_is_reminded_at_each_lead_exactly_once() {
    let disk = disk();
    let mut store = reopen(&disk.path);
    let clock = SettableClock::new(utc("2026-03-01T09:00:00Z"));
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-03-29", None),
        ),
        clock.now(),
    );

    // 7 days before 23:59 on 29 March (CEST) is 23:59 on 22 March (CET).
    let seven = utc("2026-03-22T22:59:00Z");
    assert_eq!(
        next_due(&store, clock.now(), &settings(), PARIS).unwrap(),
        Some(seven)
    );

    // Nothing early: a second before, nothing is taken or recorded.
    clock.set(seven - Duration::seconds(1));
    assert_eq!(take(&mut store, &clock), Delivery::default());

    clock.set(seven);
    let first = take(&mut store, &clock);
    assert!(!first.summary);
    assert_eq!(
        titles(&first),
        ["Deadline in 7 days: Criminal Intelligence Officer"]
    );
    let body = &first.notifications[0].body;
    assert!(
        body.contains("“Criminal Intelligence Officer (1503)”")
            && body.contains("Sunday 29 March 2026 at 23:59 (Lyon time, as where you are)"),
        "{body}"
    );
    assert_eq!(
        first.fired,
        ["deadline:1:7d:2026-03-29T21:59:00Z".to_string()]
    );
    let target = first.notifications[0].target.clone().unwrap();
    assert_eq!(target.kind, CountdownKind::Deadline);
    assert_eq!(target.vacancy_id, Some(1));

    // Nothing twice: again now, and after a restart.
    assert_eq!(take(&mut store, &clock), Delivery::default());
    drop(store);
    let mut store = reopen(&disk.path);
    assert_eq!(take(&mut store, &clock), Delivery::default());

    // The timer is armed for the next one: 3 days before, still in winter time.
    assert_eq!(
        next_due(&store, clock.now(), &settings(), PARIS).unwrap(),
        Some(utc("2026-03-26T22:59:00Z"))
    );

    // Closed through the 3-day and 1-day reminders: one notification, phrased from now.
    drop(store);
    clock.set(utc("2026-03-29T12:00:00Z"));
    let mut store = reopen(&disk.path);
    let missed = take(&mut store, &clock);
    assert!(!missed.summary);
    assert_eq!(
        titles(&missed),
        ["Deadline in 10 hours: Criminal Intelligence Officer"]
    );
    assert_eq!(missed.fired.len(), 2, "{:?}", missed.fired);

    // Nothing lost: the 3-hour reminder still comes, at 20:59 on the Lyon clock.
    let three_hours = utc("2026-03-29T18:59:00Z");
    assert_eq!(
        next_due(&store, clock.now(), &settings(), PARIS).unwrap(),
        Some(three_hours)
    );
    clock.set(three_hours);
    assert_eq!(
        titles(&take(&mut store, &clock)),
        ["Deadline in 3 hours: Criminal Intelligence Officer"]
    );
    assert_eq!(
        next_due(&store, clock.now(), &settings(), PARIS).unwrap(),
        None
    );
}

#[test]
fn reminders_missed_while_closed_come_as_one_summary_once() {
    let disk = disk();
    let clock = SettableClock::new(utc("2026-05-01T08:00:00Z"));
    {
        let mut store = reopen(&disk.path);
        for (reference, title, date) in [
            ("1503", "Criminal Intelligence Officer", "2026-06-10"),
            ("1574", "Data Protection Officer", "2026-06-12"),
            ("INT04606", "Cybercrime Analyst", "2026-06-15"),
        ] {
            save_vacancy(
                &mut store,
                vacancy(reference, title, in_lyon(date, None)),
                clock.now(),
            );
        }
    }
    // Dossier stays closed until midnight on 10 June in Lyon: the three 7-day reminders, the
    // 3-day reminders of the first two and the 1-day reminder of the first were missed.
    clock.set(utc("2026-06-09T22:00:00Z"));
    let mut store = reopen(&disk.path);
    let delivery = take(&mut store, &clock);
    assert!(delivery.summary);
    assert_eq!(delivery.notifications.len(), 1);
    let summary = &delivery.notifications[0];
    assert_eq!(summary.title, "3 reminders from Dossier");
    assert_eq!(summary.target, None);
    let lines: Vec<&str> = summary.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", summary.body);
    assert!(
        lines[0].contains("Deadline today at 23:59 Lyon time: Criminal Intelligence Officer"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("Deadline in 3 days: Data Protection Officer"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("Deadline in 6 days: Cybercrime Analyst"),
        "{}",
        lines[2]
    );
    assert_eq!(delivery.fired.len(), 6, "{:?}", delivery.fired);
    let mut covered = summary.reminder_keys.clone();
    covered.sort();
    let mut fired = delivery.fired.clone();
    fired.sort();
    assert_eq!(
        covered, fired,
        "the summary stands for every reminder it took"
    );

    // Once only, across a restart too.
    drop(store);
    let mut store = reopen(&disk.path);
    assert_eq!(take(&mut store, &clock), Delivery::default());
}

#[test]
fn quiet_hours_hold_a_reminder_until_they_end() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = SettableClock::new(utc("2026-06-01T08:00:00Z"));
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-20", None),
        ),
        clock.now(),
    );
    let quiet = ReminderSettings {
        quiet_hours: Some(QuietHours {
            start: hm(22, 0),
            end: hm(7, 0),
        }),
        ..ReminderSettings::default()
    };
    // The 7-day reminder falls at 23:59 on the Lyon clock (21:59 UTC), in the quiet hours: it
    // waits until 07:00 (05:00 UTC).
    let morning = utc("2026-06-14T05:00:00Z");
    assert_eq!(
        next_due(&store, clock.now(), &quiet, PARIS).unwrap(),
        Some(morning)
    );
    clock.set(utc("2026-06-13T21:59:00Z"));
    assert_eq!(
        take_due(&mut store, clock.now(), &quiet, PARIS, DisplayLanguage::En).unwrap(),
        Delivery::default()
    );
    assert_eq!(
        next_due(&store, clock.now(), &quiet, PARIS).unwrap(),
        Some(morning)
    );
    clock.set(morning - Duration::minutes(1));
    assert_eq!(
        take_due(&mut store, clock.now(), &quiet, PARIS, DisplayLanguage::En).unwrap(),
        Delivery::default()
    );
    clock.set(morning);
    let delivery = take_due(&mut store, clock.now(), &quiet, PARIS, DisplayLanguage::En).unwrap();
    assert_eq!(
        titles(&delivery),
        ["Deadline in 7 days: Criminal Intelligence Officer"]
    );

    // Quiet hours read on the candidate's clock: in Singapore 05:00 UTC is 13:00, not quiet.
    let mut store = Store::open_in_memory().unwrap();
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-20", None),
        ),
        utc("2026-06-01T08:00:00Z"),
    );
    assert_eq!(
        next_due(
            &store,
            utc("2026-06-01T08:00:00Z"),
            &quiet,
            "Asia/Singapore"
        )
        .unwrap(),
        Some(utc("2026-06-13T23:00:00Z")),
        "23:59 in Lyon is 05:59 in Singapore, inside 22:00–07:00 there: it waits until 07:00 SGT"
    );
}

#[test]
fn a_kind_turned_off_is_not_shown_and_not_replayed_when_turned_back_on() {
    let mut store = Store::open_in_memory().unwrap();
    let start = utc("2026-06-01T08:00:00Z");
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-20", None),
        ),
        start,
    );
    let off = ReminderSettings {
        deadlines: false,
        ..ReminderSettings::default()
    };
    assert_eq!(next_due(&store, start, &off, PARIS).unwrap(), None);
    let at = utc("2026-06-13T21:59:00Z");
    let delivery = take_due(&mut store, at, &off, PARIS, DisplayLanguage::En).unwrap();
    assert!(delivery.notifications.is_empty());
    assert_eq!(delivery.fired.len(), 1);
    // Back on: the next one is the 3-day reminder, the 7-day one is not replayed.
    assert_eq!(
        take_due(&mut store, at, &settings(), PARIS, DisplayLanguage::En).unwrap(),
        Delivery::default()
    );
    assert_eq!(
        next_due(&store, at, &settings(), PARIS).unwrap(),
        Some(utc("2026-06-17T21:59:00Z"))
    );
}

#[test]
fn a_vacancy_saved_close_to_its_deadline_gets_only_the_reminders_still_ahead() {
    let mut store = Store::open_in_memory().unwrap();
    let saved_at = utc("2026-06-18T08:00:00Z");
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-20", None),
        ),
        saved_at,
    );
    let scheduled = scheduled(&store, saved_at, &settings(), PARIS).unwrap();
    let keys: Vec<&str> = scheduled.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "deadline:1:1d:2026-06-20T21:59:00Z",
            "deadline:1:3h:2026-06-20T21:59:00Z"
        ]
    );
    assert_eq!(
        take_due(
            &mut store,
            saved_at,
            &settings(),
            PARIS,
            DisplayLanguage::En
        )
        .unwrap(),
        Delivery::default()
    );
}

#[test]
fn a_deadline_moved_later_is_reminded_again() {
    let mut store = Store::open_in_memory().unwrap();
    let start = utc("2026-06-01T08:00:00Z");
    let id = save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-10", None),
        ),
        start,
    );
    let seven = utc("2026-06-03T21:59:00Z");
    assert_eq!(
        take_due(&mut store, seven, &settings(), PARIS, DisplayLanguage::En)
            .unwrap()
            .notifications
            .len(),
        1
    );
    update_vacancy(
        &mut store,
        id,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-17", None),
        ),
        seven + Duration::hours(1),
    )
    .unwrap();
    assert_eq!(
        next_due(&store, seven, &settings(), PARIS).unwrap(),
        Some(utc("2026-06-10T21:59:00Z"))
    );
}

fn submitted_application(store: &mut Store, submitted_on: &str, now: DateTime<Utc>) -> u32 {
    let vacancy_id = save_vacancy(
        store,
        vacancy("1503", "Criminal Intelligence Officer", None),
        now,
    );
    applications::create_application(
        store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: step(Stage::Submitted, submitted_on),
        },
        now,
    )
    .unwrap()
    .application
    .id
}

#[test]
fn silence_after_six_months_is_reminded_in_the_morning_and_applied_when_opted_in() {
    let mut store = Store::open_in_memory().unwrap();
    let id = submitted_application(&mut store, "2025-08-31", utc("2025-08-31T18:00:00Z"));

    // Reached on 28 February (31 August + 6 months), reminded at 09:00 in Lyon (08:00 UTC).
    let morning = utc("2026-02-28T08:00:00Z");
    assert_eq!(
        next_due(&store, utc("2025-09-01T00:00:00Z"), &settings(), PARIS).unwrap(),
        Some(morning)
    );
    let upcoming_items = upcoming(&store, utc("2026-02-01T00:00:00Z"), PARIS, None).unwrap();
    assert_eq!(upcoming_items.len(), 1);
    assert_eq!(upcoming_items[0].kind, CountdownKind::Silence);
    assert_eq!(upcoming_items[0].due_utc, utc("2026-02-27T23:00:00Z"));
    assert!(upcoming_items[0].all_day && !upcoming_items[0].overdue);

    // Not opted in: nothing changes by itself.
    let reached = utc("2026-02-27T23:00:00Z");
    assert!(
        apply_no_response(&mut store, reached, &settings())
            .unwrap()
            .is_empty()
    );
    // Opted in: not a minute early, then applied, dated the day silence was reached.
    let opted = ReminderSettings {
        auto_no_response: true,
        ..ReminderSettings::default()
    };
    assert!(
        apply_no_response(&mut store, reached - Duration::minutes(1), &opted)
            .unwrap()
            .is_empty()
    );
    let changed = apply_no_response(&mut store, reached, &opted).unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].stage, Stage::NoResponse);
    let timeline = applications::timeline(&store, id).unwrap();
    assert_eq!(timeline.last().unwrap().occurred_on, d("2026-02-28"));
    assert!(
        apply_no_response(&mut store, reached, &opted)
            .unwrap()
            .is_empty()
    );

    // The reminder still comes, and says what was done.
    let delivery = take_due(&mut store, morning, &settings(), PARIS, DisplayLanguage::En).unwrap();
    assert_eq!(
        titles(&delivery),
        ["6 months without an answer: Criminal Intelligence Officer"]
    );
    let body = &delivery.notifications[0].body;
    assert!(
        body.contains("Sunday 31 August 2025") && body.contains("now marked “No response”"),
        "{body}"
    );
}

#[test]
fn interviews_are_reminded_a_day_and_an_hour_before() {
    let mut store = Store::open_in_memory().unwrap();
    let now = utc("2026-06-01T08:00:00Z");
    let id = submitted_application(&mut store, "2026-05-20", now);
    applications::record_event(&mut store, id, &step(Stage::Shortlisted, "2026-05-30"), now)
        .unwrap();
    applications::add_interview(
        &mut store,
        id,
        &InterviewInput {
            date: d("2026-06-15"),
            time: hm(10, 0),
            zone: "Asia/Singapore".into(),
            mode: InterviewMode::VideoConference,
            duration_minutes: Some(45),
            place: "https://meet.example.org/panel".into(),
            note: String::new(),
        },
        now,
    )
    .unwrap();
    let shown: Vec<DateTime<Utc>> = scheduled(&store, now, &settings(), PARIS)
        .unwrap()
        .iter()
        .filter(|s| s.kind == CountdownKind::Interview)
        .map(|s| s.shows_utc)
        .collect();
    assert_eq!(
        shown,
        [utc("2026-06-14T02:00:00Z"), utc("2026-06-15T01:00:00Z")]
    );
    let delivery = take_due(
        &mut store,
        utc("2026-06-15T01:00:00Z"),
        &settings(),
        PARIS,
        DisplayLanguage::En,
    )
    .unwrap();
    // Both due by then: one notification for the one interview.
    assert_eq!(
        titles(&delivery),
        ["Interview in 1 hour: Criminal Intelligence Officer"]
    );
    let body = &delivery.notifications[0].body;
    assert!(
        body.contains("Monday 15 June 2026 at 10:00 (Singapore time; 04:00 where you are)")
            && body.contains("video conference")
            && body.contains("https://meet.example.org/panel"),
        "{body}"
    );
}

#[test]
fn a_certificate_is_reminded_14_days_before_it_goes_stale_and_a_roster_place_90_and_30_days() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let now = utc("2026-01-20T08:00:00Z");
    let document = vault
        .import_reader(
            &mut store,
            &mut b"%PDF-1.7\ncertificate".as_slice(),
            "casier.pdf",
            &ImportOptions {
                kind: DocumentKind::CriminalRecord,
                supersedes: None,
            },
            now,
        )
        .unwrap()
        .document;
    let mut metadata = DocumentMetadata::from(&document);
    metadata.issued_on = Some(d("2026-01-15"));
    metadata.issuing_country = Some("FR".into());
    update_metadata(&mut store, document.id, &metadata, d("2026-01-20")).unwrap();

    // Valid through 15 April, stale from 16 April; 14 days before is 2 April, 09:00 in Lyon.
    let reminded = utc("2026-04-02T07:00:00Z");
    assert_eq!(
        next_due(&store, now, &settings(), PARIS).unwrap(),
        Some(reminded)
    );
    let delivery = take_due(
        &mut store,
        reminded,
        &settings(),
        PARIS,
        DisplayLanguage::En,
    )
    .unwrap();
    assert_eq!(
        titles(&delivery),
        ["Criminal record certificate stale in 14 days: casier"]
    );
    assert!(
        delivery.notifications[0]
            .body
            .contains("“casier” from France, issued"),
        "{}",
        delivery.notifications[0].body
    );
    assert!(
        delivery.notifications[0]
            .body
            .contains("counts until Wednesday 15 April 2026"),
        "{}",
        delivery.notifications[0].body
    );

    let id = submitted_application(&mut store, "2026-01-10", now);
    applications::record_event(&mut store, id, &step(Stage::Interview, "2026-01-15"), now).unwrap();
    applications::record_event(&mut store, id, &step(Stage::Rostered, "2026-01-19"), now).unwrap();
    let roster: Vec<(String, DateTime<Utc>)> = scheduled(&store, now, &settings(), PARIS)
        .unwrap()
        .into_iter()
        .filter(|s| s.kind == CountdownKind::RosterExpiry)
        .map(|s| (s.title, s.shows_utc))
        .collect();
    // Expires 19 January 2029; 90 days before is 21 October 2028 (CEST), 30 days before is
    // 20 December 2028 (CET).
    assert_eq!(
        roster,
        [
            (
                "Roster place expires in 90 days: Criminal Intelligence Officer".to_string(),
                utc("2028-10-21T07:00:00Z")
            ),
            (
                "Roster place expires in 30 days: Criminal Intelligence Officer".to_string(),
                utc("2028-12-20T08:00:00Z")
            )
        ]
    );
}

#[test]
fn the_dashboard_lists_what_comes_next_most_urgent_first() {
    let mut store = Store::open_in_memory().unwrap();
    let now = utc("2026-06-01T08:00:00Z");
    // A deadline passed without a submission stays, flagged; a closed vacancy does not.
    save_vacancy(
        &mut store,
        vacancy("1400", "Missed Officer", in_lyon("2026-05-20", None)),
        utc("2026-05-01T08:00:00Z"),
    );
    let mut closed = vacancy("1468", "Closed Officer", in_lyon("2026-06-05", None));
    closed.status = VacancyStatus::Closed;
    save_vacancy(&mut store, closed, now);
    let mut singapore = vacancy("1574", "Singapore Officer", None);
    singapore.deadline = Some(Deadline {
        date: d("2026-06-10"),
        time: Some(hm(23, 59)),
        zone: "Asia/Singapore".into(),
    });
    save_vacancy(&mut store, singapore, now);
    // Submitted: its deadline no longer counts down, its silence does.
    let sent = save_vacancy(
        &mut store,
        vacancy("1503", "Sent Officer", in_lyon("2026-06-03", None)),
        now,
    );
    applications::create_application(
        &mut store,
        &ApplicationInput {
            vacancy_id: sent,
            platform: None,
            first_step: step(Stage::Submitted, "2026-05-31"),
        },
        now,
    )
    .unwrap();

    let items = upcoming(&store, now, PARIS, None).unwrap();
    let seen: Vec<(CountdownKind, &str, bool)> = items
        .iter()
        .map(|i| (i.kind, i.subject.as_str(), i.overdue))
        .collect();
    assert_eq!(
        seen,
        [
            (CountdownKind::Deadline, "Missed Officer (1400)", true),
            (CountdownKind::Deadline, "Singapore Officer (1574)", false),
            (CountdownKind::Silence, "Sent Officer (1503)", false),
        ]
    );
    assert_eq!(items[1].zone, "Asia/Singapore");
    assert_eq!(items[1].due_utc, utc("2026-06-10T15:59:00Z"));
    assert_eq!(items[1].due_local.to_string(), "2026-06-10 23:59:00");
    assert_eq!(items[2].due_local.date(), d("2026-11-30"));

    // A limit keeps the most urgent, in the same order.
    let first_two: Vec<String> = upcoming(&store, now, PARIS, Some(2))
        .unwrap()
        .into_iter()
        .map(|i| i.subject)
        .collect();
    assert_eq!(
        first_two,
        [items[0].subject.clone(), items[1].subject.clone()]
    );
}

#[test]
fn settings_persist_and_bad_quiet_hours_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        load_reminder_settings(&store).unwrap(),
        ReminderSettings::default()
    );
    let chosen = ReminderSettings {
        rosters: false,
        quiet_hours: Some(QuietHours {
            start: hm(22, 0),
            end: hm(7, 30),
        }),
        auto_no_response: true,
        ..ReminderSettings::default()
    };
    save_reminder_settings(&mut store, &chosen).unwrap();
    assert_eq!(load_reminder_settings(&store).unwrap(), chosen);
    let same = ReminderSettings {
        quiet_hours: Some(QuietHours {
            start: hm(7, 0),
            end: hm(7, 0),
        }),
        ..ReminderSettings::default()
    };
    let err = save_reminder_settings(&mut store, &same).unwrap_err();
    assert!(err.to_string().contains("same time"), "{err}");
    assert_eq!(load_reminder_settings(&store).unwrap(), chosen);
    // A zone that does not exist is named in the error.
    let err = next_due(&store, utc("2026-01-01T00:00:00Z"), &chosen, "Europe/Lyon").unwrap_err();
    assert!(err.to_string().contains("Europe/Lyon"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// However the clock moves forward, and wherever the app is restarted, each reminder is
    /// taken once, never before it is due, and none is left behind.
    #[test]
    fn each_reminder_is_taken_once_never_early_and_none_is_lost(
        steps in prop::collection::vec(1i64..(6 * 24 * 60), 1..40),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let start = utc("2026-06-01T08:00:00Z");
        for (i, date) in ["2026-06-05", "2026-06-09", "2026-06-16", "2026-07-01"].iter().enumerate() {
            save_vacancy(
                &mut store,
                vacancy(&format!("V{i}"), &format!("Vacancy {i}"), in_lyon(date, Some(hm(12, 0)))),
                start,
            );
        }
        let plan = scheduled(&store, start, &settings(), PARIS).unwrap();
        let mut taken: Vec<(String, DateTime<Utc>)> = Vec::new();
        let mut now = start;
        for minutes in steps {
            now += Duration::minutes(minutes);
            for key in take_due(&mut store, now, &settings(), PARIS, DisplayLanguage::En).unwrap().fired {
                taken.push((key, now));
            }
        }
        let end = utc("2026-07-02T00:00:00Z").max(now);
        for key in take_due(&mut store, end, &settings(), PARIS, DisplayLanguage::En).unwrap().fired {
            taken.push((key, end));
        }
        prop_assert_eq!(taken.len(), plan.len());
        for reminder in &plan {
            let times: Vec<_> = taken.iter().filter(|(k, _)| *k == reminder.key).collect();
            prop_assert_eq!(times.len(), 1, "{} taken {:?}", reminder.key, times);
            prop_assert!(times[0].1 >= reminder.shows_utc, "{} early", reminder.key);
        }
        prop_assert_eq!(next_due(&store, end, &settings(), PARIS).unwrap(), None);
    }
}

#[test]
fn a_notification_that_could_not_be_shown_is_given_back_and_comes_again_once() {
    let disk = disk();
    let clock = SettableClock::new(utc("2026-05-01T08:00:00Z"));
    let mut store = reopen(&disk.path);
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-06-10", None),
        ),
        clock.now(),
    );
    // Not yet due: it must stay untouched by the release.
    save_vacancy(
        &mut store,
        vacancy(
            "1574",
            "Data Protection Officer",
            in_lyon("2026-06-20", None),
        ),
        clock.now(),
    );

    clock.set(utc("2026-06-03T22:00:00Z"));
    let first = take(&mut store, &clock);
    assert_eq!(titles(&first).len(), 1, "{first:?}");
    let lost = &first.notifications[0];
    assert!(!lost.reminder_keys.is_empty());
    assert!(lost.reminder_keys.iter().all(|k| first.fired.contains(k)));

    // The desktop had no notification service: the reminder is given back...
    release(&mut store, &lost.reminder_keys).unwrap();
    assert_eq!(
        next_due(&store, clock.now(), &settings(), PARIS).unwrap(),
        Some(clock.now()),
        "a given-back reminder is due at once"
    );
    // ...and comes again at the next pass, with the same words, then never again (also after a
    // restart).
    let again = take(&mut store, &clock);
    assert_eq!(titles(&again), titles(&first));
    drop(store);
    let mut store = reopen(&disk.path);
    assert_eq!(take(&mut store, &clock), Delivery::default());
    // Releasing keys that were never taken changes nothing.
    release(
        &mut store,
        &["deadline:999:7d:2026-01-01T00:00:00Z".to_string()],
    )
    .unwrap();
    assert_eq!(take(&mut store, &clock), Delivery::default());
}

#[test]
fn a_reminder_shown_a_minute_late_says_the_days_the_candidate_has() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = SettableClock::new(utc("2026-11-01T09:00:00Z"));
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-11-24", None),
        ),
        clock.now(),
    );
    // 23:59 in Lyon is 22:59 UTC; a minute after each reminder's moment is past midnight there.
    for (late, title) in [
        (
            "2026-11-17T23:00:00Z",
            "Deadline in 7 days: Criminal Intelligence Officer",
        ),
        (
            "2026-11-21T23:00:00Z",
            "Deadline in 3 days: Criminal Intelligence Officer",
        ),
        (
            "2026-11-23T22:59:00Z",
            "Deadline tomorrow at 23:59 Lyon time: Criminal Intelligence Officer",
        ),
    ] {
        clock.set(utc(late));
        assert_eq!(titles(&take(&mut store, &clock)), [title]);
    }
    // The last day's reminder a minute late says "today", with the time in both zones.
    let mut store = Store::open_in_memory().unwrap();
    save_vacancy(
        &mut store,
        vacancy(
            "1503",
            "Criminal Intelligence Officer",
            in_lyon("2026-11-24", None),
        ),
        utc("2026-11-23T12:00:00Z"),
    );
    clock.set(utc("2026-11-23T23:00:00Z"));
    let delivery = take_due(
        &mut store,
        clock.now(),
        &settings(),
        "Asia/Singapore",
        DisplayLanguage::En,
    )
    .unwrap();
    assert_eq!(
        titles(&delivery),
        ["Deadline today at 23:59 Lyon time: Criminal Intelligence Officer"]
    );
    let body = &delivery.notifications[0].body;
    assert!(
        body.contains(
            "Tuesday 24 November 2026 at 23:59 (Lyon time; Wednesday 25 November 2026 at 06:59 where you are)"
        ),
        "{body}"
    );
}

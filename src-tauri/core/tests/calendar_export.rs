//! The `.ics` export, checked by parsing it back: the events, their zones (resolved through
//! the file's own VTIMEZONE definitions), all-day thresholds, and the atomic write.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use dossier_core::applications::{
    self, ApplicationInput, EventInput, InterviewInput, InterviewMode, Stage,
};
use dossier_core::calendar::{calendar_ics, export_calendar};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::reminders::{QuietHours, ReminderSettings, save_reminder_settings};
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use icalendar::parser::{Component as Parsed, read_calendar, unfold};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};

mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";

fn now() -> DateTime<Utc> {
    utc("2026-03-01T09:00:00Z")
}

fn vacancy(reference: &str, deadline: Option<Deadline>, status: VacancyStatus) -> VacancyInput {
    VacancyInput {
        deadline,
        status,
        ..VacancyInput::new(
            Platform::RecruitmentHub,
            reference,
            format!("Officer {reference}"),
        )
    }
}

fn deadline(date: &str, time: Option<(u32, u32)>, zone: &str) -> Option<Deadline> {
    Some(Deadline {
        date: d(date),
        time: time.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
        zone: zone.into(),
    })
}

fn save(store: &mut Store, v: VacancyInput) -> u32 {
    match create_vacancy(store, v, now() - Duration::days(60)).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("{other:?}"),
    }
}

fn submitted(store: &mut Store, vacancy_id: u32, on: &str) -> u32 {
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
        now(),
    )
    .unwrap()
    .application
    .id
}

fn fixture() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    // Closes on the night the clocks go forward in Lyon.
    save(
        &mut store,
        vacancy(
            "1503",
            deadline("2026-03-29", None, PARIS),
            VacancyStatus::Open,
        ),
    );
    save(
        &mut store,
        vacancy(
            "1574",
            deadline("2026-04-10", Some((23, 59)), "Asia/Singapore"),
            VacancyStatus::Open,
        ),
    );
    // Not exported: closed, or already past.
    save(
        &mut store,
        vacancy(
            "1468",
            deadline("2026-04-01", None, PARIS),
            VacancyStatus::Closed,
        ),
    );
    save(
        &mut store,
        vacancy(
            "1400",
            deadline("2026-02-01", None, PARIS),
            VacancyStatus::Open,
        ),
    );
    // Silence reached on 30 March; an interview in Lyon on 20 March.
    let waiting = save(&mut store, vacancy("INT04606", None, VacancyStatus::Open));
    submitted(&mut store, waiting, "2025-09-30");
    let interviewing = save(&mut store, vacancy("INT04700", None, VacancyStatus::Open));
    let id = submitted(&mut store, interviewing, "2026-02-10");
    let shortlisted = EventInput {
        stage: Stage::Shortlisted,
        date: d("2026-02-20"),
        time: None,
        zone: None,
        note: String::new(),
    };
    applications::record_event(&mut store, id, &shortlisted, now()).unwrap();
    applications::add_interview(
        &mut store,
        id,
        &InterviewInput {
            date: d("2026-03-20"),
            time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            zone: PARIS.into(),
            mode: InterviewMode::VideoConference,
            duration_minutes: Some(45),
            place: "https://meet.example.org/panel".into(),
            note: String::new(),
        },
        now(),
    )
    .unwrap();
    store
}

/// Offsets in a VTIMEZONE: "+0200" → 7200 seconds.
fn offset(text: &str) -> i64 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits = &text[1..];
    let h: i64 = digits[0..2].parse().unwrap();
    let m: i64 = digits[2..4].parse().unwrap();
    sign * (h * 3600 + m * 60)
}

fn prop<'a>(c: &'a Parsed<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{name} missing"))
        .val
        .as_str()
}

/// Resolves a wall-clock time through the file's own VTIMEZONE for `tzid`: the observance in
/// force at the resulting instant is the one whose offset was used.
fn resolve(text: &str, tzid: &str, local: NaiveDateTime) -> DateTime<Utc> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).unwrap();
    let zone = calendar
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE" && prop(c, "TZID") == tzid)
        .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"));
    let mut onsets: Vec<(DateTime<Utc>, i64)> = zone
        .components
        .iter()
        .map(|o| {
            let start = NaiveDateTime::parse_from_str(prop(o, "DTSTART"), "%Y%m%dT%H%M%S").unwrap();
            let from = offset(prop(o, "TZOFFSETFROM"));
            (
                (start - Duration::seconds(from)).and_utc(),
                offset(prop(o, "TZOFFSETTO")),
            )
        })
        .collect();
    onsets.sort();
    for (i, (onset, to)) in onsets.iter().enumerate() {
        let candidate = (local - Duration::seconds(*to)).and_utc();
        let next = onsets.get(i + 1).map(|(n, _)| *n);
        if candidate >= *onset && next.is_none_or(|n| candidate < n) {
            return candidate;
        }
    }
    panic!("{local} is not covered by the VTIMEZONE of {tzid}");
}

fn zoned(start: Option<DatePerhapsTime>) -> (NaiveDateTime, String) {
    match start {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            (date_time, tzid)
        }
        other => panic!("expected a time with a TZID, got {other:?}"),
    }
}

fn all_day(start: Option<DatePerhapsTime>) -> NaiveDate {
    match start {
        Some(DatePerhapsTime::Date(date)) => date,
        other => panic!("expected a date, got {other:?}"),
    }
}

#[test]
fn the_export_parses_back_with_its_events_zones_and_thresholds() {
    let store = fixture();
    let text = calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.lines().all(|l| l.len() <= 75), "a line is not folded");
    assert!(!text.replace("\r\n", "").contains('\n'), "bare line feed");

    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar.events().collect();
    let uids: Vec<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(
        uids,
        [
            "interview-1@dossier",
            "deadline-1@dossier",
            "silence-1@dossier",
            "deadline-2@dossier",
        ]
    );
    for e in &events {
        assert_eq!(e.get_timestamp(), Some(now()));
    }

    // The interview: 10:00 in Lyon for 45 minutes, with its link.
    let interview = events[0];
    assert_eq!(
        interview.get_summary(),
        Some("Interview: Officer INT04700 (INT04700)")
    );
    assert_eq!(
        interview.get_location(),
        Some("https://meet.example.org/panel")
    );
    let (start, tzid) = zoned(interview.get_start());
    assert_eq!(tzid, PARIS);
    assert_eq!(resolve(&text, &tzid, start), utc("2026-03-20T09:00:00Z"));
    let (end, _) = zoned(interview.get_end());
    assert_eq!(resolve(&text, &tzid, end), utc("2026-03-20T09:45:00Z"));

    // The Lyon deadline: 23:59 on the night of the change, which is summer time already.
    let lyon = events[1];
    assert_eq!(lyon.get_summary(), Some("Deadline: Officer 1503 (1503)"));
    let (start, tzid) = zoned(lyon.get_start());
    assert_eq!(start.to_string(), "2026-03-29 23:59:00");
    assert_eq!(resolve(&text, &tzid, start), utc("2026-03-29T21:59:00Z"));

    // Silence: an all-day event on the day 6 months after 30 September.
    let silence = events[2];
    assert_eq!(all_day(silence.get_start()), d("2026-03-30"));
    assert_eq!(all_day(silence.get_end()), d("2026-03-31"));
    assert!(
        silence
            .get_summary()
            .unwrap()
            .starts_with("6 months since submission")
    );

    // Singapore: no daylight saving, UTC+8 all year.
    let (start, tzid) = zoned(events[3].get_start());
    assert_eq!(tzid, "Asia/Singapore");
    assert_eq!(resolve(&text, &tzid, start), utc("2026-04-10T15:59:00Z"));
    assert!(
        events[3]
            .get_description()
            .unwrap()
            .contains("Asia/Singapore time")
    );
}

#[test]
fn the_file_is_written_whole_and_a_folder_is_refused() {
    let store = fixture();
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("dossier.ics");
    std::fs::write(&dest, "old export").unwrap();
    let written = export_calendar(&store, &dest, now(), PARIS, DisplayLanguage::En).unwrap();
    assert_eq!(written.events, 4);
    assert_eq!(
        std::fs::read_to_string(&dest).unwrap(),
        calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap()
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["dossier.ics"]);

    let err = export_calendar(&store, dir.path(), now(), PARIS, DisplayLanguage::En).unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    let err = export_calendar(
        &store,
        &dir.path().join("missing").join("x.ics"),
        now(),
        PARIS,
        DisplayLanguage::En,
    )
    .unwrap_err();
    assert!(err.to_string().contains("x.ics"), "{err}");
}

#[test]
fn an_empty_calendar_is_still_a_valid_file() {
    let store = Store::open_in_memory().unwrap();
    let text = calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    assert_eq!(calendar.events().count(), 0);
    assert!(text.contains("PRODID:-//Dossier//Dossier applications//EN\r\n"));
}

#[test]
fn a_deadline_decades_ahead_is_written_in_utc_without_a_huge_zone_table() {
    let mut store = Store::open_in_memory().unwrap();
    save(
        &mut store,
        vacancy(
            "9999",
            deadline("2999-01-31", None, PARIS),
            VacancyStatus::Open,
        ),
    );
    save(
        &mut store,
        vacancy(
            "1503",
            deadline("2026-03-29", None, PARIS),
            VacancyStatus::Open,
        ),
    );
    let text = calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap();
    assert!(text.contains("DTSTART:29990131T225900Z\r\n"), "{text}");
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20260329T235900\r\n"));
    // 2025 to 2027: three years of two changes, and the starting observance.
    assert_eq!(text.matches("TZOFFSETTO").count(), 7);
}

#[test]
fn no_event_ends_at_the_instant_it_starts() {
    // RFC 5545 (3.6.1): DTEND must be later than DTSTART; a moment without a length has none.
    let store = fixture();
    let text = calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let mut deadlines = 0;
    for e in calendar.events() {
        let start = e.get_start().expect("every event has a start");
        if e.get_uid().unwrap().starts_with("deadline-") {
            deadlines += 1;
            assert_eq!(e.get_end(), None, "{:?}", e.get_uid());
        }
        assert_ne!(e.get_end(), Some(start), "{:?}", e.get_uid());
    }
    assert_eq!(deadlines, 2);
}

/// Each event's VALARM triggers, by UID, in order.
fn alarms(text: &str) -> Vec<(String, Vec<String>)> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).unwrap();
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            let triggers = e
                .components
                .iter()
                .map(|a| {
                    assert_eq!(a.name, "VALARM");
                    assert_eq!(prop(a, "ACTION"), "DISPLAY");
                    assert!(!prop(a, "DESCRIPTION").is_empty());
                    assert!(a.find_prop("DTSTAMP").is_none(), "not a VALARM property");
                    let trigger = a.find_prop("TRIGGER").unwrap();
                    assert!(
                        trigger.params.iter().any(|p| p.key.as_str() == "VALUE"
                            && p.val.as_ref().map(|v| v.as_str()) == Some("DATE-TIME")),
                        "{trigger:?}"
                    );
                    trigger.val.as_str().to_string()
                })
                .collect();
            (prop(e, "UID").to_string(), triggers)
        })
        .collect()
}

#[test]
fn a_submitted_application_keeps_what_still_matters_with_the_reminders_as_alarms() {
    let mut store = fixture();
    // Submitted before its deadline: the deadline no longer matters, its silence does.
    let applied = save(
        &mut store,
        vacancy(
            "1600",
            deadline("2026-04-20", None, PARIS),
            VacancyStatus::Open,
        ),
    );
    submitted(&mut store, applied, "2026-02-25");
    let text = calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap();
    let found = alarms(&text);
    let of = |uid: &str| {
        found
            .iter()
            .find(|(u, _)| u == uid)
            .unwrap_or_else(|| panic!("no {uid} in {found:?}"))
            .1
            .clone()
    };
    assert!(!found.iter().any(|(u, _)| u == "deadline-7@dossier"));
    // 6 months after 25 February: 09:00 in Lyon on 25 August (summer time).
    assert_eq!(of("silence-3@dossier"), ["20260825T070000Z"]);
    // 1 day and 1 hour before 10:00 in Lyon on 20 March (winter time).
    assert_eq!(
        of("interview-1@dossier"),
        ["20260319T090000Z", "20260320T080000Z"]
    );
    // 7, 3 and 1 days and 3 hours before 23:59 on 29 March in Lyon, across the change.
    assert_eq!(
        of("deadline-1@dossier"),
        [
            "20260322T225900Z",
            "20260326T225900Z",
            "20260328T225900Z",
            "20260329T185900Z"
        ]
    );

    // Interviews turned off: no alarm for them; quiet hours until 10:00 hold the morning ones.
    let settings = ReminderSettings {
        interviews: false,
        quiet_hours: Some(QuietHours {
            start: NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        }),
        ..ReminderSettings::default()
    };
    save_reminder_settings(&mut store, &settings).unwrap();
    let found = alarms(&calendar_ics(&store, now(), PARIS, DisplayLanguage::En).unwrap());
    let of = |uid: &str| found.iter().find(|(u, _)| u == uid).unwrap().1.clone();
    assert!(of("interview-1@dossier").is_empty());
    assert_eq!(of("silence-3@dossier"), ["20260825T080000Z"]);
}

#[test]
fn events_are_worded_in_the_candidates_language_without_isolation_marks() {
    let store = fixture();
    for (language, interview, deadline, detail, category) in [
        (
            DisplayLanguage::En,
            "Interview: Officer INT04700 (INT04700)",
            "Deadline: Officer 1503 (1503)",
            "Applications close Sunday 29 March 2026 at 23:59, Europe/Paris time.",
            "Deadline",
        ),
        (
            DisplayLanguage::Fr,
            "Entretien\u{a0}: Officer INT04700 (INT04700)",
            "Date limite de candidature\u{a0}: Officer 1503 (1503)",
            "Les candidatures seront closes le dimanche 29 mars 2026 à 23:59 (fuseau horaire Europe/Paris).",
            "Date limite de candidature",
        ),
        (
            DisplayLanguage::Ar,
            "مقابلة: Officer INT04700 (INT04700)",
            "الموعد النهائي لتقديم الطلبات: Officer 1503 (1503)",
            "يُغلق باب تقديم الطلبات يوم الأحد 29 مارس 2026 الساعة 23:59 (المنطقة الزمنية Europe/Paris).",
            "الموعد النهائي",
        ),
    ] {
        let text = calendar_ics(&store, now(), PARIS, language).unwrap();
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "an isolation mark in the {language:?} calendar"
        );
        let calendar: Calendar = text.parse().unwrap();
        let events: Vec<_> = calendar.events().collect();
        assert_eq!(events[0].get_summary(), Some(interview), "{language:?}");
        assert_eq!(events[1].get_summary(), Some(deadline), "{language:?}");
        assert_eq!(events[1].get_description(), Some(detail), "{language:?}");
        assert!(
            text.contains(&format!("CATEGORIES:{category}\r\n")),
            "{language:?}"
        );
    }
}

#[test]
fn events_follow_the_date_and_hour_styles_chosen_in_settings() {
    use dossier_core::words::{DateStyle, HourStyle, Wording};
    let store = fixture();
    for (wording, detail) in [
        (
            Wording {
                language: DisplayLanguage::En,
                dates: DateStyle::DayMonthYear,
                hours: HourStyle::H12,
                month_first: false,
            },
            "Applications close Sunday 29 March 2026 at 11:59 PM, Europe/Paris time.",
        ),
        (
            Wording {
                language: DisplayLanguage::Fr,
                dates: DateStyle::Iso,
                hours: HourStyle::H24,
                month_first: false,
            },
            "Les candidatures seront closes le 2026-03-29 à 23:59 (fuseau horaire Europe/Paris).",
        ),
    ] {
        let text = calendar_ics(&store, now(), PARIS, wording).unwrap();
        let calendar: Calendar = text.parse().unwrap();
        let events: Vec<_> = calendar.events().collect();
        assert_eq!(events[1].get_description(), Some(detail), "{wording:?}");
    }
}

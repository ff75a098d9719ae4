//! Calendar export: deadlines, interviews and thresholds as an iCalendar (`.ics`) file that
//! common calendar programs import, written with the `icalendar` crate.
//!
//! How each moment is written:
//! - A deadline is an event at its instant, with no end (RFC 5545, 3.6.1: an end must be later
//!   than the start, and a deadline has no length), and an interview an event of its length
//!   (an hour when unknown), both on the wall clock of their zone (`TZID=Europe/Paris`)
//!   with a VTIMEZONE for each zone used, so the calendar shows them in Lyon time and converts
//!   them right. A wall-clock time that does not name one instant (a daylight-saving gap or
//!   fold) is written in UTC instead.
//! - Thresholds (silence, a certificate going stale, a roster place expiring) are all-day
//!   events on the day they are reached.
//! - Each event carries the reminders Dossier itself would show about it (as the reminder
//!   settings have them: kinds turned off have none, quiet hours hold them) as display alarms
//!   at their UTC instant, so the calendar rings when Dossier would, even with Dossier closed.
//!   A submitted application's deadline no longer matters; its silence threshold, interviews
//!   and roster place do, and are exported.
//! - What is exported: every moment still ahead, and all-day ones falling today. Each event's
//!   UID names its subject (`deadline-12@dossier`), so importing a newer export updates events
//!   rather than duplicating them.

mod vtimezone;

use crate::applications::InterviewMode;
use crate::countdowns::{CountdownKind, Subject, Target, targets, user_zone};
use crate::reminders::{self, ReminderSettings};
use crate::store::Store;
use crate::time::local_date;
use crate::words::{self, Arg, Bidi, Msg, Wording};
use crate::{Error, Result};
use chrono::{DateTime, Datelike, Days, Duration, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{
    Alarm, Calendar, CalendarDateTime, Component, Event, EventLike, Property, Trigger,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarExport {
    pub path: String,
    pub events: u32,
}

/// Interviews without a length are shown as an hour.
const DEFAULT_INTERVIEW_MINUTES: u32 = 60;

/// Events further ahead than this are written in UTC: their zone's rules so far ahead are a
/// guess anyway, and a VTIMEZONE listing every change up to a mistyped year 20260 would be huge.
const ZONED_YEARS_AHEAD: i32 = 20;

/// The zones the events name on their wall clock, with the years each must cover.
type ZoneYears = BTreeMap<String, (Tz, (i32, i32))>;

/// The wall-clock form of `at` in `tz` when it names exactly that instant (and is not too far
/// ahead); UTC otherwise. A zone used is recorded in `zones`.
fn when(at: DateTime<Utc>, tz: Tz, now: DateTime<Utc>, zones: &mut ZoneYears) -> CalendarDateTime {
    let local = at.with_timezone(&tz).naive_local();
    let near = at.year() <= now.year().saturating_add(ZONED_YEARS_AHEAD);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) if t == at && tz != Tz::UTC && near => {
            let entry = zones
                .entry(tz.name().to_string())
                .or_insert((tz, (at.year(), at.year())));
            entry.1 = vtimezone::widen(entry.1, at);
            CalendarDateTime::WithTimezone {
                date_time: local,
                tzid: tz.name().to_string(),
            }
        }
        _ => CalendarDateTime::Utc(at),
    }
}

fn uid(t: &Target) -> String {
    format!("{}@dossier", t.subject_key().replace(':', "-"))
}

struct Context<'a> {
    now: DateTime<Utc>,
    user_tz: Tz,
    settings: &'a ReminderSettings,
    wording: Wording,
}

/// An event's summary and description in the candidate's language, its dates and times in the
/// styles chosen in Settings, as the window writes them. Calendar programs show these fields
/// as they are, so no isolation marks go in.
fn event_words(t: &Target, wording: Wording) -> (String, String) {
    let language = wording.language;
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::plain(language, msg, args);
    let day_of = |date| wording.day(date);
    let named = t.named();
    let name = [("name", Arg::from(&named))];
    let day = day_of(t.local_date());
    let moment = wording.moment(Bidi::Plain, t.local());
    let zone = t.tz.name();
    match &t.subject {
        Subject::Deadline => (
            say(Msg::IcsDeadlineTitle, &name),
            say(
                Msg::IcsDeadlineDetail,
                &[("moment", Arg::from(&moment)), ("zone", Arg::Text(zone))],
            ),
        ),
        Subject::Silence { submitted_on, .. } => (
            say(Msg::IcsSilenceTitle, &name),
            say(
                Msg::IcsSilenceDetail,
                &[
                    ("submitted", Arg::from(&day_of(*submitted_on))),
                    ("day", Arg::from(&day)),
                ],
            ),
        ),
        Subject::Certificate { issued_on, country } => {
            let issued = day_of(*issued_on);
            let mut args = vec![
                ("issued", Arg::from(&issued)),
                ("day", Arg::from(&day)),
                ("months", Arg::from(crate::vault::CRC_VALID_MONTHS)),
            ];
            let detail = match country.as_deref() {
                Some(c) => {
                    let named = crate::countries::name_in(c, language.tag()).unwrap_or(c);
                    args.push(("country", Arg::Text(named)));
                    Msg::IcsCertificateDetailIn
                }
                None => Msg::IcsCertificateDetail,
            };
            (say(Msg::IcsCertificateTitle, &name), say(detail, &args))
        }
        Subject::Roster { rostered_on } => (
            say(Msg::IcsRosterTitle, &name),
            say(
                Msg::IcsRosterDetail,
                &[
                    ("rostered", Arg::from(&day_of(*rostered_on))),
                    ("day", Arg::from(&day)),
                ],
            ),
        ),
        Subject::Interview { mode, .. } => {
            let mode = match mode {
                InterviewMode::VideoConference => "video-conference",
                InterviewMode::InPerson => "in-person",
            };
            let mode = say(Msg::InterviewMode, &[("mode", Arg::Text(mode))]);
            (
                say(Msg::IcsInterviewTitle, &name),
                say(
                    Msg::IcsInterviewDetail,
                    &[
                        ("mode", Arg::from(&mode)),
                        ("moment", Arg::from(&moment)),
                        ("zone", Arg::Text(zone)),
                    ],
                ),
            )
        }
    }
}

fn event(t: &Target, cx: &Context, zones: &mut ZoneYears) -> Event {
    let now = cx.now;
    let (title, detail) = event_words(t, cx.wording);
    let mut e = Event::new();
    e.uid(&uid(t))
        .timestamp(now)
        .summary(&title)
        .description(&detail);
    if t.all_day {
        let day = t.local_date();
        e.starts(day)
            .ends(day.checked_add_days(Days::new(1)).unwrap_or(day));
    } else {
        e.starts(when(t.at, t.tz, now, zones));
        if let Subject::Interview {
            duration_minutes, ..
        } = &t.subject
        {
            let minutes = duration_minutes.unwrap_or(DEFAULT_INTERVIEW_MINUTES);
            if let Some(end) =
                t.at.checked_add_signed(Duration::minutes(i64::from(minutes)))
            {
                e.ends(when(end, t.tz, now, zones));
            }
        }
    }
    for (n, at) in reminders::alarm_times(t, cx.settings, now, cx.user_tz)
        .into_iter()
        .enumerate()
    {
        // A stable UID (RFC 9074) rather than the random one the crate would give, so two
        // exports of the same data are the same file.
        let mut alarm = Alarm::display(&title, Trigger::DateTime(CalendarDateTime::Utc(at)));
        alarm.uid(&format!("{}-alarm-{n}", uid(t)));
        e.alarm(alarm);
    }
    if let Subject::Interview { place, .. } = &t.subject
        && !place.is_empty()
    {
        e.location(place);
    }
    let kind = match t.kind {
        CountdownKind::Deadline => "deadline",
        CountdownKind::Silence => "silence",
        CountdownKind::CertificateStale => "certificate",
        CountdownKind::RosterExpiry => "roster",
        CountdownKind::Interview => "interview",
    };
    let category = words::plain(
        cx.wording.language,
        Msg::IcsCategory,
        &[("kind", Arg::Text(kind))],
    );
    e.add_property("CATEGORIES", category);
    e.done()
}

/// The `.ics` text for everything ahead at `now`, its events worded as `wording` says (a
/// [`DisplayLanguage`](crate::display_language::DisplayLanguage) alone: its own styles).
/// `user_zone` is the candidate's zone (for their certificates).
pub fn calendar_ics(
    store: &Store,
    now: DateTime<Utc>,
    user_zone_name: &str,
    wording: impl Into<Wording>,
) -> Result<String> {
    let tz = user_zone(user_zone_name)?;
    let settings = reminders::load_reminder_settings(store)?;
    let cx = Context {
        now,
        user_tz: tz,
        settings: &settings,
        wording: wording.into(),
    };
    let mut all: Vec<Target> = store
        .read(|c| targets(c, tz))?
        .into_iter()
        .filter(|t| t.at > now || (t.all_day && t.local_date() >= local_date(now, t.tz)))
        .collect();
    all.sort_by(|a, b| a.at.cmp(&b.at).then(a.subject_key().cmp(&b.subject_key())));

    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Dossier//Dossier applications//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Dossier"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    let mut zones = ZoneYears::new();
    for t in &all {
        calendar.push(event(t, &cx, &mut zones));
    }
    let text = without_alarm_stamps(&calendar.to_string());
    let zones_text: String = zones
        .values()
        .map(|(tz, years)| vtimezone::vtimezone(*tz, *years))
        .collect();
    // Zone definitions go before the events that name them.
    Ok(match text.find("BEGIN:VEVENT\r\n") {
        Some(at) if !zones_text.is_empty() => {
            format!("{}{zones_text}{}", &text[..at], &text[at..])
        }
        _ => text,
    })
}

/// `text` without the DTSTAMP lines the crate writes into every VALARM: RFC 5545 (3.6.6) gives
/// alarms no such property, and the crate's is the real clock's, not the export's `now`.
fn without_alarm_stamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_alarm = false;
    for line in text.split_inclusive("\r\n") {
        match line {
            "BEGIN:VALARM\r\n" => in_alarm = true,
            "END:VALARM\r\n" => in_alarm = false,
            _ if in_alarm && line.starts_with("DTSTAMP:") => continue,
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// Writes the calendar to `dest` atomically (a failed export leaves any earlier file as it was).
pub fn export_calendar(
    store: &Store,
    dest: &Path,
    now: DateTime<Utc>,
    user_zone_name: &str,
    wording: impl Into<Wording>,
) -> Result<CalendarExport> {
    if dest.is_dir() {
        return Err(Error::field(
            "destination",
            crate::error::FieldProblem::IsAFolder {
                path: dest.display().to_string(),
            },
            format!(
                "{} is a folder; choose a file name such as dossier.ics",
                dest.display()
            ),
        ));
    }
    let text = calendar_ics(store, now, user_zone_name, wording)?;
    store.journal().write_atomic(dest, text.as_bytes())?;
    Ok(CalendarExport {
        path: dest.display().to_string(),
        events: u32::try_from(text.matches("BEGIN:VEVENT\r\n").count()).unwrap_or(u32::MAX),
    })
}

//! The words of a notification: plain English, naming the vacancy (or certificate) and the
//! time in the zone it belongs to, and in the candidate's own zone when that differs.

use super::{Notification, NotificationTarget};
use crate::applications::Stage;
use crate::countdowns::{Subject, Target};
use crate::stations::place_for_zone;
use crate::time::{self, TimeLeft, human_day, human_moment, local_time, time_left};
use crate::vault::CRC_VALID_MONTHS;
use chrono::{DateTime, Days, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// "in 7 days", "tomorrow at 23:59 Lyon time", "today", "in 3 hours", "in 40 minutes"
/// ([`time_left`], the Dashboard's rule too); `None` once past.
fn relative(t: &Target, now: DateTime<Utc>) -> Option<String> {
    let at_time = || {
        if t.all_day {
            String::new()
        } else {
            format!(
                " at {} {} time",
                t.local().time().format("%H:%M"),
                place_for_zone(t.tz.name())
            )
        }
    };
    Some(match time_left(now, t.at, t.tz, t.all_day)? {
        TimeLeft::Minutes(m) => format!("in {m} minute{}", if m == 1 { "" } else { "s" }),
        TimeLeft::Hours(h) => format!("in {h} hour{}", if h == 1 { "" } else { "s" }),
        TimeLeft::Today => format!("today{}", at_time()),
        TimeLeft::Tomorrow => format!("tomorrow{}", at_time()),
        TimeLeft::Days(n) => format!("in {n} days"),
    })
}

/// "Monday 23 November 2026 at 23:59 (Lyon time; 07:59 on Tuesday 24 November 2026 where you
/// are)": the moment in its own zone, and in the candidate's when that differs.
fn moment(t: &Target, user_tz: Tz) -> String {
    let here = human_moment(t.local());
    let place = place_for_zone(t.tz.name());
    let differs = t.tz.offset_from_utc_datetime(&t.at.naive_utc()).fix()
        != user_tz.offset_from_utc_datetime(&t.at.naive_utc()).fix();
    if differs {
        let yours = local_time(t.at, user_tz);
        let yours = if yours.date() == t.local().date() {
            yours.time().format("%H:%M").to_string()
        } else {
            human_moment(yours)
        };
        format!("{here} ({place} time; {yours} where you are)")
    } else {
        format!("{here} ({place} time, as where you are)")
    }
}

fn quoted(t: &Target) -> String {
    format!("“{}”", t.named())
}

pub(super) fn single(t: &Target, now: DateTime<Utc>, user_tz: Tz) -> Notification {
    let when = relative(t, now);
    let name = &t.name;
    let day = human_day(t.local_date());
    let (title, body) = match &t.subject {
        Subject::Deadline => match &when {
            Some(w) => (
                format!("Deadline {w}: {name}"),
                format!(
                    "Applications for {} close {}.",
                    quoted(t),
                    moment(t, user_tz)
                ),
            ),
            None => (
                format!("Deadline passed: {name}"),
                format!(
                    "Applications for {} closed {}.",
                    quoted(t),
                    moment(t, user_tz)
                ),
            ),
        },
        Subject::Silence {
            submitted_on,
            stage,
        } => {
            let then = if *stage == Stage::NoResponse {
                "It is now marked “No response”."
            } else {
                "Mark it “No response” in Dossier, or keep waiting if you have heard from INTERPOL."
            };
            (
                format!("6 months without an answer: {name}"),
                format!(
                    "You submitted your application for {} on {}. INTERPOL treats no answer within 6 months as unsuccessful. {then}",
                    quoted(t),
                    human_day(*submitted_on)
                ),
            )
        }
        Subject::Certificate { issued_on, country } => {
            let from = country
                .as_deref()
                .map(|c| format!(" from {}", crate::countries::name(c).unwrap_or(c)))
                .unwrap_or_default();
            let last = t
                .local_date()
                .checked_sub_days(Days::new(1))
                .unwrap_or(t.local_date());
            let rule = format!(
                "INTERPOL asks for a criminal record certificate issued in the past {CRC_VALID_MONTHS} months."
            );
            match &when {
                Some(w) => (
                    format!("Criminal record certificate stale {w}: {name}"),
                    format!(
                        "“{name}”{from}, issued {}, counts until {}. {rule} Request a new one in time.",
                        human_day(*issued_on),
                        human_day(last)
                    ),
                ),
                None => (
                    format!("Criminal record certificate now stale: {name}"),
                    format!(
                        "“{name}”{from}, issued {}, counted until {}. {rule} Request a new one.",
                        human_day(*issued_on),
                        human_day(last)
                    ),
                ),
            }
        }
        Subject::Roster { rostered_on } => {
            let since = human_day(*rostered_on);
            match &when {
                Some(w) => (
                    format!("Roster place expires {w}: {name}"),
                    format!(
                        "Your place on the roster for {} (since {since}) is valid 3 years: it expires on {day}.",
                        quoted(t)
                    ),
                ),
                None => (
                    format!("Roster place expired: {name}"),
                    format!(
                        "Your place on the roster for {} (since {since}) expired on {day}, 3 years on.",
                        quoted(t)
                    ),
                ),
            }
        }
        Subject::Interview { mode, place, .. } => {
            let place = if place.is_empty() {
                String::new()
            } else {
                format!(" Place: {place}")
            };
            let mode = mode.label();
            match &when {
                Some(w) => (
                    format!("Interview {w}: {name}"),
                    format!(
                        "Interview by {mode} for {}, {}.{place}",
                        quoted(t),
                        moment(t, user_tz)
                    ),
                ),
                None => (
                    format!("Interview started: {name}"),
                    format!(
                        "The interview by {mode} for {} was {}.{place}",
                        quoted(t),
                        moment(t, user_tz)
                    ),
                ),
            }
        }
    };
    Notification {
        title,
        body,
        target: Some(NotificationTarget {
            kind: t.kind,
            vacancy_id: t.vacancy_id,
            application_id: t.application_id,
            document_id: t.document_id,
            interview_id: t.interview_id,
        }),
        // Filled in by the delivery, which knows which reminders this notification covers.
        reminder_keys: Vec::new(),
    }
}

/// One notification for several: a line per subject, soonest first.
pub(super) fn summary(targets: &[Target], singles: &[Notification], user_tz: Tz) -> Notification {
    let lines: Vec<String> = targets
        .iter()
        .zip(singles)
        .map(|(t, n)| {
            let when = if t.all_day {
                t.local_date().format("%-d %b %Y").to_string()
            } else {
                let local = time::local_time(t.at, user_tz);
                format!("{} your time", local.format("%-d %b %Y, %H:%M"))
            };
            format!("• {} ({when})", n.title)
        })
        .collect();
    Notification {
        title: format!("{} reminders from Dossier", singles.len()),
        body: lines.join("\n"),
        target: None,
        reminder_keys: singles
            .iter()
            .flat_map(|n| n.reminder_keys.iter().cloned())
            .collect(),
    }
}

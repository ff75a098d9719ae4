//! Calendar arithmetic shared by every module: zones, local dates and times in a zone, months
//! added to dates, days counted on the wall clock, and the words a date is shown in. Pure
//! functions; "now" is always a parameter. This is a leaf: it knows no domain module, so any of
//! them may use it (how stored rows spell dates and instants is [`crate::store::text`]).
//!
//! Decisions, and why:
//! - **Months** are calendar months added to the local date; a day the target month lacks
//!   becomes its last day (31 August + 6 months = 28 February, or 29 in a leap year), the one
//!   rule for silence, a roster place and a certificate's 3 months alike.
//! - **Days before** a moment are calendar days on the wall clock of the moment's zone: a
//!   reminder "1 day before" a deadline at 23:59 comes at 23:59 the day before, even when a
//!   daylight-saving change makes that 23 or 25 hours. Hours before are exact durations.
//! - A wall-clock time that does not exist (the spring gap) is taken as the first instant after
//!   the gap; one that happens twice (the autumn fold) as the earlier or later instant, as the
//!   caller asks: a deadline gets the later (benefit of the doubt), a reminder the earlier.

use crate::{Error, Result};
use chrono::{
    DateTime, Days, LocalResult, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;

/// Which of two instants to take when a wall-clock time happens twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Earlier,
    Later,
}

/// An IANA zone such as `Europe/Paris`, or an error that names what was given.
pub fn zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Error::field(
            "zone",
            crate::error::FieldProblem::UnknownTimeZone {
                zone: name.to_string(),
            },
            format!("\"{name}\" is not a known time zone"),
        )
    })
}

/// The instant a wall-clock `date` `time` falls in `tz` (see the module notes for gaps and folds).
pub fn local_instant(date: NaiveDate, time: NaiveTime, tz: Tz, fold: Fold) -> DateTime<Utc> {
    resolve(date.and_time(time), tz, fold)
}

fn resolve(local: NaiveDateTime, tz: Tz, fold: Fold) -> DateTime<Utc> {
    let found = match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(earlier, later) => Some(match fold {
            Fold::Earlier => earlier,
            Fold::Later => later,
        }),
        // Gaps last at most a few hours: the first wall time after it that exists.
        LocalResult::None => (1..=24 * 60).find_map(|m| {
            local
                .checked_add_signed(chrono::Duration::minutes(m))
                .and_then(|l| tz.from_local_datetime(&l).earliest())
        }),
    };
    // Only a date at the very edge of the calendar has no instant at all; reading it as UTC
    // keeps the arithmetic total instead of failing on it.
    found.map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
}

/// 00:00 of `date` in `tz` (or the first instant of that day, where midnight is skipped).
pub fn start_of_day(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    local_instant(date, NaiveTime::MIN, tz, Fold::Earlier)
}

/// The local date of `at` in `tz`.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The wall-clock time of `at` in `tz`.
pub fn local_time(at: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The same wall-clock time `days` calendar days before `at`, in `tz`. In a fold the earlier
/// instant is taken, so a reminder is never late.
pub fn days_before(at: DateTime<Utc>, tz: Tz, days: u32) -> DateTime<Utc> {
    let local = local_time(at, tz);
    match local.checked_sub_days(Days::new(u64::from(days))) {
        Some(earlier) => resolve(earlier, tz, Fold::Earlier),
        None => at
            .checked_sub_signed(chrono::Duration::days(i64::from(days)))
            .unwrap_or(at),
    }
}

/// Whole calendar days from the local date of `now` to that of `at`, in `tz` (negative when
/// `at` is on an earlier day).
pub fn calendar_days_between(now: DateTime<Utc>, at: DateTime<Utc>, tz: Tz) -> i64 {
    (local_date(at, tz) - local_date(now, tz)).num_days()
}

/// Below this, a timed moment's time left is said in hours and minutes rather than in days.
pub const HOURS_BELOW_MINUTES: i64 = 20 * 60;

/// The time left until a moment, as the candidate means it. One rule for the reminders and
/// the Dashboard (`ui/src/lib/time.ts` mirrors it, with the same cases in its tests):
/// - past: nothing;
/// - a timed moment less than 20 hours away: minutes below an hour, else hours to the nearest;
/// - on the moment's own calendar (its zone): "today" or "tomorrow" for the last two days;
/// - further: days to the NEAREST whole day (half a day down), and at least 2, so a reminder
///   shown a minute after its moment ("7 days before", now 6 d 23 h 59 min) says 7, not 6. A
///   day-level threshold (all day) counts calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    Minutes(i64),
    Hours(i64),
    Today,
    Tomorrow,
    Days(i64),
}

pub fn time_left(now: DateTime<Utc>, at: DateTime<Utc>, tz: Tz, all_day: bool) -> Option<TimeLeft> {
    if at <= now {
        return None;
    }
    let minutes = (at - now).num_minutes();
    if !all_day && minutes < HOURS_BELOW_MINUTES {
        return Some(if minutes < 60 {
            TimeLeft::Minutes(minutes.max(1))
        } else {
            TimeLeft::Hours((minutes + 30) / 60)
        });
    }
    let calendar = calendar_days_between(now, at, tz);
    Some(match calendar {
        ..=0 => TimeLeft::Today,
        1 => TimeLeft::Tomorrow,
        _ if all_day => TimeLeft::Days(calendar),
        // Nearest day, a half day rounding down: 720 minutes past a whole day stays below.
        _ => TimeLeft::Days(((minutes + 719) / 1440).max(2)),
    })
}

/// "23 Nov 2026", where a date sits inside a longer sentence.
pub fn human_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "Monday 23 November 2026"
pub fn human_day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "Monday 23 November 2026 at 23:59"
pub fn human_moment(local: NaiveDateTime) -> String {
    format!(
        "{} at {}",
        human_day(local.date()),
        local.time().format("%H:%M")
    )
}

/// The short ways to write dates and instants in tests: one file, shared with the integration
/// tests (`tests/support`), so the unit tests of every module use the same ones.
#[cfg(test)]
#[path = "../tests/support/mod.rs"]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use super::fixtures::{d, utc};
    use super::*;

    #[test]
    fn a_gap_moves_forward_and_a_fold_takes_what_is_asked() {
        let paris = zone("Europe/Paris").unwrap();
        let gap = local_instant(
            d("2026-03-29"),
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
            paris,
            Fold::Earlier,
        );
        assert_eq!(gap, utc("2026-03-29T01:00:00Z"));
        let t = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(
            local_instant(d("2026-10-25"), t, paris, Fold::Earlier),
            utc("2026-10-25T00:30:00Z")
        );
        assert_eq!(
            local_instant(d("2026-10-25"), t, paris, Fold::Later),
            utc("2026-10-25T01:30:00Z")
        );
    }

    #[test]
    fn time_left_rounds_to_what_the_candidate_means() {
        let paris = zone("Europe/Paris").unwrap();
        // 23:59 in Lyon on 24 November.
        let at = utc("2026-11-24T22:59:00Z");
        let left = |now: &str| time_left(utc(now), at, paris, false);
        // The 7-day reminder, on time and a minute late.
        assert_eq!(left("2026-11-17T22:59:00Z"), Some(TimeLeft::Days(7)));
        assert_eq!(left("2026-11-17T23:00:00Z"), Some(TimeLeft::Days(7)));
        // The 3-day reminder a minute late: 2 d 23 h 59 min is 3 days.
        assert_eq!(left("2026-11-21T23:00:00Z"), Some(TimeLeft::Days(3)));
        // Half a day rounds down.
        assert_eq!(left("2026-11-22T10:59:00Z"), Some(TimeLeft::Days(2)));
        assert_eq!(left("2026-11-22T10:58:00Z"), Some(TimeLeft::Days(3)));
        // The last day: on time it is tomorrow, a minute late it is today (in Lyon).
        assert_eq!(left("2026-11-23T22:59:00Z"), Some(TimeLeft::Tomorrow));
        assert_eq!(left("2026-11-23T23:00:00Z"), Some(TimeLeft::Today));
        // Close: hours, then minutes.
        assert_eq!(left("2026-11-24T12:29:00Z"), Some(TimeLeft::Hours(11)));
        assert_eq!(left("2026-11-24T22:00:00Z"), Some(TimeLeft::Minutes(59)));
        assert_eq!(left("2026-11-24T22:59:00Z"), None);
        // Two calendar days away but under 1.5 days: still "in 2 days", never "in 1 day".
        let morning = utc("2026-11-25T08:00:00Z");
        assert_eq!(
            time_left(utc("2026-11-23T22:30:00Z"), morning, paris, false),
            Some(TimeLeft::Days(2))
        );
        // A day-level threshold counts calendar days.
        let day = start_of_day(d("2026-12-10"), paris);
        assert_eq!(
            time_left(utc("2026-11-26T08:00:00Z"), day, paris, true),
            Some(TimeLeft::Days(14))
        );
    }

    #[test]
    fn the_edges_of_the_calendar_do_not_panic() {
        let paris = zone("Europe/Paris").unwrap();
        let _ = start_of_day(add_months(NaiveDate::MAX, 6), paris);
        let _ = days_before(DateTime::<Utc>::MIN_UTC, paris, 7);
    }
}

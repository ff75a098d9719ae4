//! When the periods the process sets run out: 6 months of silence after a submission, a roster
//! place's 3 years, a criminal record certificate's 3 months.
//!
//! A threshold reached after some months falls at the *start* (00:00) of the day it is reached,
//! in the zone of the event it counts from: that is the first moment the period is over, and it
//! shows as that day (see [`crate::time`] for how months are added).

use crate::time::{add_months, start_of_day};
use crate::vault::crc_valid_until;
use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

/// No answer within 6 months of submitting means unsuccessful
/// (docs/domain.md#six-months-without-an-answer).
pub const SILENCE_MONTHS: u32 = 6;
/// A roster place is valid 3 years (docs/domain.md#rosters).
pub const ROSTER_MONTHS: u32 = 36;

/// The day silence is reached for an application submitted on `submitted_on`.
pub fn silence_date(submitted_on: NaiveDate) -> NaiveDate {
    add_months(submitted_on, SILENCE_MONTHS)
}

/// When silence is reached: the start of [`silence_date`] in the submission's zone.
pub fn silence_threshold(submitted_on: NaiveDate, tz: Tz) -> DateTime<Utc> {
    start_of_day(silence_date(submitted_on), tz)
}

/// The day a roster place taken on `rostered_on` expires: valid through the day before.
pub fn roster_expiry_date(rostered_on: NaiveDate) -> NaiveDate {
    add_months(rostered_on, ROSTER_MONTHS)
}

/// When a roster place expires: the start of [`roster_expiry_date`] in the event's zone.
pub fn roster_expiry(rostered_on: NaiveDate, tz: Tz) -> DateTime<Utc> {
    start_of_day(roster_expiry_date(rostered_on), tz)
}

/// The first day a certificate issued on `issued_on` no longer counts: the day after the
/// vault's last valid day ([`crc_valid_until`], which that day is included in).
pub fn certificate_stale_date(issued_on: NaiveDate) -> NaiveDate {
    let last = crc_valid_until(issued_on);
    last.checked_add_days(Days::new(1)).unwrap_or(last)
}

/// When a certificate goes stale: the start of [`certificate_stale_date`] in `tz` (the
/// candidate's own zone: the certificate is theirs, not a duty station's).
pub fn certificate_stale_at(issued_on: NaiveDate, tz: Tz) -> DateTime<Utc> {
    start_of_day(certificate_stale_date(issued_on), tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edges_of_the_calendar_do_not_panic() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let _ = silence_threshold(NaiveDate::MAX, paris);
        let _ = roster_expiry(NaiveDate::MAX, paris);
        let _ = certificate_stale_at(NaiveDate::MAX, paris);
    }
}

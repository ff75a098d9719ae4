//! A deadline written as a local date (and perhaps a time) becomes one instant, so countdowns
//! are right wherever the candidate is.

use super::Deadline;
use crate::time::zone;
use crate::{Error, Result};
use chrono::{DateTime, LocalResult, NaiveTime, TimeZone, Utc};

/// Notices give most deadlines as a date only: it closes at the end of that day, 23:59, in the
/// duty station's zone (docs/domain.md#deadlines).
pub const END_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 0) {
    Some(t) => t,
    None => panic!("23:59 is a valid time"),
};

impl Deadline {
    /// The instant the deadline falls. In a daylight-saving gap the clock time does not exist:
    /// the first instant after the gap is taken, because a deadline that does not exist cannot
    /// have passed earlier. In a fold (the hour repeated in autumn) the later instant is taken,
    /// giving the candidate the benefit of the doubt.
    pub fn instant(&self) -> Result<DateTime<Utc>> {
        let tz = zone(&self.zone)?;
        let local = self.date.and_time(self.time.unwrap_or(END_OF_DAY));
        let resolved = match tz.from_local_datetime(&local) {
            LocalResult::Single(t) => t,
            LocalResult::Ambiguous(_, later) => later,
            LocalResult::None => {
                // Gaps are at most a few hours; walk forward minute by minute to the first
                // wall time that exists.
                (1..=24 * 60)
                    .find_map(|m| {
                        tz.from_local_datetime(&(local + chrono::Duration::minutes(m)))
                            .earliest()
                    })
                    .ok_or_else(|| {
                        Error::field(
                            "deadline",
                            crate::error::FieldProblem::TimeSkippedInZone,
                            "this date and time do not exist in that zone",
                        )
                    })?
            }
        };
        Ok(resolved.with_timezone(&Utc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn deadline(date: &str, time: Option<&str>, zone: &str) -> Deadline {
        Deadline {
            date: date.parse::<NaiveDate>().unwrap(),
            time: time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
            zone: zone.into(),
        }
    }

    use crate::time::fixtures::utc;

    #[test]
    fn a_bare_date_closes_at_23_59_in_lyon_winter_and_summer() {
        assert_eq!(
            deadline("2025-11-23", None, "Europe/Paris")
                .instant()
                .unwrap(),
            utc("2025-11-23T22:59:00Z")
        );
        assert_eq!(
            deadline("2026-07-09", None, "Europe/Paris")
                .instant()
                .unwrap(),
            utc("2026-07-09T21:59:00Z")
        );
    }

    #[test]
    fn a_given_time_is_read_in_the_stations_zone() {
        assert_eq!(
            deadline("2026-04-10", Some("23:59"), "Asia/Singapore")
                .instant()
                .unwrap(),
            utc("2026-04-10T15:59:00Z")
        );
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_to_the_end_of_the_gap() {
        assert_eq!(
            deadline("2026-03-29", Some("02:30"), "Europe/Paris")
                .instant()
                .unwrap(),
            utc("2026-03-29T01:00:00Z")
        );
    }

    #[test]
    fn a_time_in_the_autumn_fold_takes_the_later_instant() {
        assert_eq!(
            deadline("2026-10-25", Some("02:30"), "Europe/Paris")
                .instant()
                .unwrap(),
            utc("2026-10-25T01:30:00Z")
        );
    }

    #[test]
    fn an_unknown_zone_is_a_clear_error() {
        let err = deadline("2026-01-01", None, "Mars/Olympus")
            .instant()
            .unwrap_err();
        assert!(err.to_string().contains("Mars/Olympus"), "{err}");
    }
}

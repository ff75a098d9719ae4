//! Years of professional experience from the employment history: periods that overlap (two
//! jobs at once) count once, so the candidate is never credited with more time than passed.
//!
//! Periods are whole days, both ends included (a job from 1 January to 31 December is 365 or
//! 366 days). Part-time positions count as calendar time, like full-time ones: the profile
//! does not record the hours, and the reason given to the candidate says so.

use crate::profile::Employment;
use chrono::NaiveDate;

/// Days in `years` average years (365.25 days each, rounded down): two calendar years in a row
/// are 730 or 731 days, and both make two years.
pub fn days_in_years(years: u32) -> u64 {
    u64::from(years) * 1461 / 4
}

/// Number of distinct days covered by the periods (`from`, `to`), both ends included. A
/// period whose end is before its start covers nothing.
pub fn union_days(periods: &[(NaiveDate, NaiveDate)]) -> u64 {
    let mut sorted: Vec<(NaiveDate, NaiveDate)> = periods
        .iter()
        .copied()
        .filter(|(from, to)| from <= to)
        .collect();
    sorted.sort();
    let mut total = 0u64;
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (from, to) in sorted {
        current = match current {
            // Touching periods (one ends the day before the next starts) merge too; the
            // count is the same either way.
            Some((start, end)) if from <= end => Some((start, end.max(to))),
            Some(done) => {
                total += inclusive_days(done);
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    total + current.map_or(0, inclusive_days)
}

fn inclusive_days((from, to): (NaiveDate, NaiveDate)) -> u64 {
    u64::try_from((to - from).num_days() + 1).unwrap_or(0)
}

/// The employment periods as they stand on `on`: a position still held runs to `on`, and time
/// after `on` (a contract's planned end) is not experience yet.
pub fn periods_until(employment: &[Employment], on: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    employment
        .iter()
        .filter(|e| e.from <= on)
        .map(|e| (e.from, e.to.map_or(on, |to| to.min(on))))
        .collect()
}

/// Distinct days of experience up to `on`.
pub fn experience_days(employment: &[Employment], on: NaiveDate) -> u64 {
    union_days(&periods_until(employment, on))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::time::fixtures::date as d;

    #[test]
    fn overlapping_jobs_count_once_and_gaps_not_at_all() {
        let periods = [
            (d(2020, 1, 1), d(2020, 12, 31)),
            (d(2020, 7, 1), d(2021, 6, 30)),
            (d(2023, 1, 1), d(2023, 1, 10)),
        ];
        assert_eq!(union_days(&periods), 366 + 181 + 10);
    }

    #[test]
    fn two_calendar_years_make_two_years_whatever_the_leap_day() {
        assert!(union_days(&[(d(2021, 1, 1), d(2022, 12, 31))]) >= days_in_years(2));
        assert!(union_days(&[(d(2021, 1, 2), d(2022, 12, 31))]) < days_in_years(2));
        assert_eq!(days_in_years(4), 1461);
    }
}

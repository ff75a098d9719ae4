//! Age in whole years on a given date.
//!
//! Convention for 29 February birthdays: in a year without 29 February the birthday is taken
//! as 1 March, so the person turns a year older on 1 March. This is the common legal reading
//! (a person born on 29 February has not completed the year until 28 February has passed),
//! used for instance by the United Kingdom, France and Hong Kong for majority. A birthday that
//! falls exactly on the date counts: on their 18th birthday a person is 18.

use chrono::{Datelike, NaiveDate};

/// The day in `year` on which someone born on `birth` has their birthday (1 March for a
/// 29 February birthday in a common year). `None` only for years chrono cannot represent.
pub fn birthday_in(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Completed years of age on `on`; negative when `on` is before the birth year's birthday
/// (not yet born).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let years = on.year() - birth.year();
    match birthday_in(birth, on.year()) {
        Some(birthday) if on < birthday => years - 1,
        _ => years,
    }
}

/// The day someone born on `birth` turns `years` old.
pub fn turns(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    birthday_in(birth, birth.year().checked_add(i32::try_from(years).ok()?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::time::fixtures::date as d;

    #[test]
    fn the_birthday_itself_counts() {
        assert_eq!(age_on(d(2007, 11, 23), d(2025, 11, 23)), 18);
        assert_eq!(age_on(d(2007, 11, 23), d(2025, 11, 22)), 17);
    }

    #[test]
    fn a_29_february_birthday_is_1_march_in_common_years() {
        let birth = d(2008, 2, 29);
        assert_eq!(age_on(birth, d(2026, 2, 28)), 17);
        assert_eq!(age_on(birth, d(2026, 3, 1)), 18);
        assert_eq!(turns(birth, 18), Some(d(2026, 3, 1)));
        // In a leap year the birthday is the day itself.
        assert_eq!(age_on(birth, d(2028, 2, 29)), 20);
        assert_eq!(age_on(birth, d(2028, 2, 28)), 19);
    }

    #[test]
    fn before_birth_the_age_is_negative() {
        assert!(age_on(d(2026, 5, 1), d(2025, 5, 1)) < 0);
    }
}

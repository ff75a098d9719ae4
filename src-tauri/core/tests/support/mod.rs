//! What the integration tests share: dates and instants written the short way. Each test file
//! that needs them says `mod support;`; a file uses only some, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod english;

use chrono::{DateTime, NaiveDate, Utc};

/// `d("2026-03-29")`
pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// `date(2026, 3, 29)`, where the parts are computed or listed.
pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `utc("2026-03-29T01:00:00Z")`
pub fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

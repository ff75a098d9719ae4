//! How the store spells values as text, written once: instants, dates, times of day, enums, and
//! the error for a row that is not there. Every table is written and read through these, so what
//! one module stores another reads back the same.

use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// `YYYY-MM-DDTHH:MM:SSZ`: one fixed form, so stored instants sort in time order inside SQLite.
pub(crate) fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads what [`instant_text`] writes by hand, because lists read several instants per row,
/// thousands of rows at a time and the general parser is several times slower; anything else
/// RFC 3339 still reads.
pub(crate) fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() == 20 && b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[19] == b'Z' {
        let date = parse_date(&s[..10])?;
        let time = NaiveTime::from_hms_opt(
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        )?;
        return Some(date.and_time(time).and_utc());
    }
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A stored instant that no longer reads is a damaged row, reported as such.
pub(crate) fn stored_instant(text: &str, what: &str) -> Result<DateTime<Utc>> {
    parse_instant(text).ok_or_else(|| {
        Error::field(
            what,
            crate::error::FieldProblem::StoredDamaged {
                detail: text.to_string(),
            },
            format!("the stored time “{text}” cannot be read; the database may be damaged"),
        )
    })
}

/// `YYYY-MM-DD`, as every date in the store is written.
pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads what [`date_text`] writes, by hand for the same reason as [`parse_instant`].
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(&b[0..4])?).ok()?,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `HH:MM`: times of day are kept to the minute, as notices and the candidate give them.
pub(crate) fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

/// An enum as the same word it has on the wire (its serde name), so the UI and the store agree.
pub(crate) fn enum_text<T: Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(Error::field(
            "value",
            crate::error::FieldProblem::NotStorable,
            "cannot be stored",
        )),
    }
}

pub(crate) fn enum_from<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

/// The error for a record asked for by id that is not there: `what` is how the candidate calls
/// it ("Vacancy", "Document").
pub(crate) fn not_found(what: &str, id: u32) -> Error {
    Error::NotFound(format!("{what} {id}"))
}

/// Turns what the candidate typed into an FTS5 query: every word must appear, each as a
/// prefix, and nothing they type is read as FTS syntax (quotes, `NEAR`, `-`, `*`).
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_and_instants_read_back() {
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-2-9"), None);
        assert_eq!(parse_date("20x5-01-01"), None);
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(parse_date(&date_text(day)), Some(day));
        let t = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 3, 1, 9, 5, 7).unwrap();
        assert_eq!(parse_instant(&instant_text(t)), Some(t));
        assert_eq!(parse_instant("2026-03-01T10:05:07+01:00"), Some(t));
        assert_eq!(parse_instant("2026-03-01T09:05:61Z"), None);
        assert_eq!(parse_instant("yesterday"), None);
        let nine = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
        assert_eq!(parse_time(&time_text(nine)), Some(nine));
        assert!(stored_instant("yesterday", "timeline").is_err());
    }
}

//! VTIMEZONE components (RFC 5545, 3.6.5) for the zones an export uses, from chrono-tz's copy
//! of the IANA database. Every TZID an event names must be defined in the file; calendar
//! programs that do not know IANA names (or know an older rule) then still read the right
//! offsets.
//!
//! Each component lists the actual transitions over the years the events span (one year more
//! on each side), one observance per transition, rather than a recurrence rule: rules change
//! (and chrono-tz does not expose them), transitions do not.
//!
//! Written as text rather than through `icalendar`'s builder, which adds a DTSTAMP and UID to
//! every component it writes, and those are not allowed in a VTIMEZONE.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One offset in effect from `from` on.
struct Observance {
    from: DateTime<Utc>,
    before: i32,
    after: i32,
    daylight: bool,
    name: Option<String>,
}

fn offset_seconds(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

fn is_daylight(tz: Tz, at: DateTime<Utc>) -> bool {
    !tz.offset_from_utc_datetime(&at.naive_utc())
        .dst_offset()
        .is_zero()
}

fn abbreviation(tz: Tz, at: DateTime<Utc>) -> Option<String> {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .abbreviation()
        .map(str::to_string)
}

/// The first second at which the offset differs from the one at `low`, knowing it differs at
/// `high`.
fn bisect(tz: Tz, mut low: DateTime<Utc>, mut high: DateTime<Utc>) -> DateTime<Utc> {
    let before = offset_seconds(tz, low);
    while high - low > Duration::seconds(1) {
        let mid = low + (high - low) / 2;
        if offset_seconds(tz, mid) == before {
            low = mid;
        } else {
            high = mid;
        }
    }
    high
}

fn observances(tz: Tz, first_year: i32, last_year: i32) -> Vec<Observance> {
    let year_start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
    };
    let (Some(start), Some(end)) = (year_start(first_year), year_start(last_year + 1)) else {
        return Vec::new();
    };
    let initial = offset_seconds(tz, start);
    let mut out = vec![Observance {
        from: start,
        before: initial,
        after: initial,
        daylight: is_daylight(tz, start),
        name: abbreviation(tz, start),
    }];
    // Offsets change at most a few times a year, never twice in an hour.
    let step = Duration::hours(1);
    let mut t = start;
    while t < end {
        let next = t + step;
        if offset_seconds(tz, next) != offset_seconds(tz, t) {
            let at = bisect(tz, t, next);
            out.push(Observance {
                from: at,
                before: offset_seconds(tz, t),
                after: offset_seconds(tz, at),
                daylight: is_daylight(tz, at),
                name: abbreviation(tz, at),
            });
        }
        t = next;
    }
    out
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The VTIMEZONE of `tz` covering `years` (first and last year of the events), with CRLF line
/// ends.
pub(super) fn vtimezone(tz: Tz, years: (i32, i32)) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    for o in observances(tz, years.0 - 1, years.1 + 1) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        // DTSTART is the onset on the wall clock as it read just before the change.
        let local = (o.from + Duration::seconds(i64::from(o.before))).naive_utc();
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            local.format("%Y%m%dT%H%M%S"),
            offset_text(o.before),
            offset_text(o.after)
        ));
        if let Some(name) = o.name.filter(|n| n.chars().all(|c| c.is_ascii_graphic())) {
            out.push_str(&format!("TZNAME:{name}\r\n"));
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// The first and last years of `years`, widened to cover `at`.
pub(super) fn widen(years: (i32, i32), at: DateTime<Utc>) -> (i32, i32) {
    (years.0.min(at.year()), years.1.max(at.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_in_2026_changes_twice_and_singapore_never() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let text = vtimezone(paris, (2026, 2026));
        assert!(text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"
        ), "{text}");
        assert!(text.contains(
            "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"
        ), "{text}");
        // 2025, 2026 and 2027: the starting observance and two changes a year.
        assert_eq!(text.matches("BEGIN:DAYLIGHT").count(), 3);
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 4);

        let singapore: Tz = "Asia/Singapore".parse().unwrap();
        let text = vtimezone(singapore, (2026, 2026));
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "{text}");
        assert!(text.contains("TZOFFSETTO:+0800"));
        assert!(!text.contains("DAYLIGHT"));
    }

    #[test]
    fn offsets_are_written_with_their_sign() {
        assert_eq!(offset_text(-3 * 3600), "-0300");
        assert_eq!(offset_text(5 * 3600 + 1800), "+0530");
        assert_eq!(offset_text(0), "+0000");
    }
}

//! Dates, times and zones as notices write them: `23 November 2025`, `Oct 30, 2025`,
//! `2026-03-31`, `12 février 2025`, `10 April 2026, 23h59 SGT`, `11:59 PM CET`.

use super::text::{fold, has_word, stands_alone};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Month names and abbreviations in English, French and Spanish (folded, no accents), the
/// languages in which INTERPOL notices and their copies are written.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv", "enero", "ene"],
    &["february", "feb", "fevrier", "fevr", "fev", "febrero"],
    &["march", "mar", "mars", "marzo"],
    &["april", "apr", "avril", "avr", "abril", "abr"],
    &["may", "mai", "mayo"],
    &["june", "jun", "juin", "junio"],
    &["july", "jul", "juillet", "juil", "julio"],
    &["august", "aug", "aout", "agosto", "ago"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
    ],
    &["october", "oct", "octobre", "octubre"],
    &["november", "nov", "novembre", "noviembre"],
    &["december", "dec", "decembre", "diciembre", "dic"],
];

fn month_number(word: &str) -> Option<u32> {
    let folded = fold(word);
    let word = folded.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})").expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<d>\d{1,2})(?:st|nd|rd|th|er)?[ \t]*(?:(?:of|de)[ \t]+)?[-/.]?[ \t]*(?P<mon>\p{L}{3,10})\.?[ \t]*[-/.,]?[ \t]*(?:de[ \t]+)?(?P<y>\d{4})",
    )
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<mon>\p{L}{3,10})\.?[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]*,?[ \t]*(?P<y>\d{4})",
    )
    .expect("valid regex")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y>\d{4})").expect("valid regex")
});

/// A date found in a text and where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

fn number(caps: &Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

/// Only years a current notice can carry, so that a reference number is never read as one.
fn plausible(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1990..=2100).contains(&date.year()).then_some(date)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).and_then(plausible)
}

fn first_match(
    regex: &Regex,
    text: &str,
    read: impl Fn(&Captures<'_>) -> Option<NaiveDate>,
) -> Option<FoundDate> {
    regex.captures_iter(text).find_map(|caps| {
        let whole = caps.get(0)?;
        if !stands_alone(text, whole.start(), whole.end()) {
            return None;
        }
        read(&caps).map(|date| FoundDate {
            date,
            start: whole.start(),
            end: whole.end(),
        })
    })
}

/// The first date written in `text`, in any of the forms notices use. A numeric date such as
/// `03/04/2026` is read only when day and month cannot be swapped (dots are always day first,
/// as in Europe); otherwise it is left unread.
pub fn find_date(text: &str) -> Option<FoundDate> {
    let candidates = [
        first_match(&ISO_DATE, text, |c| {
            ymd(number(c, "y")?, number(c, "m")?, number(c, "d")?)
        }),
        first_match(&DAY_MONTH_YEAR, text, |c| {
            let month = month_number(c.name("mon")?.as_str())?;
            ymd(number(c, "y")?, month, number(c, "d")?)
        }),
        first_match(&MONTH_DAY_YEAR, text, |c| {
            let month = month_number(c.name("mon")?.as_str())?;
            ymd(number(c, "y")?, month, number(c, "d")?)
        }),
        first_match(&NUMERIC_DATE, text, |c| {
            let (a, b, y) = (number(c, "a")?, number(c, "b")?, number(c, "y")?);
            let day_first = c.name("sep").is_some_and(|s| s.as_str() == ".");
            match (a > 12, b > 12) {
                _ if day_first || a > 12 => ymd(y, b, a),
                (false, true) => ymd(y, a, b),
                _ if a == b => ymd(y, a, b),
                _ => None,
            }
        }),
    ];
    candidates
        .into_iter()
        .flatten()
        .min_by_key(|found| found.start)
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    find_date(text).map(|found| found.date)
}

static CLOCK_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<h>\d{1,2})[ \t]*(?:[:h.][ \t]*(?P<m>\d{2})|(?P<hour_only>h)\b)(?:[ \t]*(?P<ap>[ap])\.?[ \t]*m\b\.?)?",
    )
    .expect("valid regex")
});
static AM_PM_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<h>\d{1,2})[ \t]*(?P<ap>[ap])\.?[ \t]*m\b\.?").expect("valid regex")
});

fn to_time(hour: u32, minute: u32, am_pm: Option<&str>) -> Option<NaiveTime> {
    let hour = match am_pm.map(|s| s.to_ascii_lowercase()) {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(ap) if ap == "a" => hour % 12,
        Some(_) => hour % 12 + 12,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A time of day: `23h59`, `23:59`, `11:59 PM`, `5 p.m.`, `noon`. Midnight is left unset: it
/// means the end of the day, which is what a deadline without a time means already.
fn find_time(text: &str) -> Option<NaiveTime> {
    let alone = |caps: &Captures<'_>| {
        let hour = caps.name("h");
        let last = caps.name("m").or(hour);
        match (hour, last) {
            (Some(h), Some(l)) => stands_alone(text, h.start(), l.end()),
            _ => false,
        }
    };
    if let Some(caps) = CLOCK_TIME.captures_iter(text).find(|c| alone(c)) {
        let hour = number(&caps, "h")?;
        let minute = if caps.name("hour_only").is_some() {
            0
        } else {
            number(&caps, "m")?
        };
        return to_time(hour, minute, caps.name("ap").map(|m| m.as_str()));
    }
    if let Some(caps) = AM_PM_TIME.captures_iter(text).find(|c| alone(c)) {
        return to_time(number(&caps, "h")?, 0, caps.name("ap").map(|m| m.as_str()));
    }
    let folded = fold(text);
    if has_word(&folded, "noon") || has_word(&folded, "midday") {
        return NaiveTime::from_hms_opt(12, 0, 0);
    }
    None
}

/// What the text says about the zone of a deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneHint {
    /// Nothing recognisable was written.
    None,
    /// A place named: `Lyon time`, `Singapore time`.
    Named(&'static str),
    /// Offsets (seconds east of UTC) an abbreviation may stand for: one for `SGT`, several for
    /// an ambiguous one such as `CST` (US Central or China).
    Offsets(&'static [i32]),
    /// An explicit `UTC+8` or `GMT-3`.
    Offset(i32),
}

/// Zone abbreviations seen on notices and their copies, with the offsets each may mean.
const ABBREVIATIONS: &[(&str, &[i32])] = &[
    ("UTC", &[0]),
    ("GMT", &[0]),
    ("WET", &[0]),
    ("WEST", &[3600]),
    ("CET", &[3600]),
    ("CEST", &[7200]),
    ("MEZ", &[3600]),
    ("MESZ", &[7200]),
    ("HNEC", &[3600]),
    ("HAEC", &[7200]),
    ("EET", &[7200]),
    ("EEST", &[10800]),
    ("BST", &[3600, 21600]),
    ("IST", &[19800, 3600, 7200]),
    ("SGT", &[28800]),
    ("ICT", &[25200]),
    ("HKT", &[28800]),
    ("JST", &[32400]),
    ("KST", &[32400]),
    ("AEST", &[36000]),
    ("AEDT", &[39600]),
    ("MSK", &[10800]),
    ("GST", &[14400]),
    ("EAT", &[10800]),
    ("CAT", &[7200]),
    ("WAT", &[3600]),
    ("SAST", &[7200]),
    ("ART", &[-10800]),
    ("BRT", &[-10800]),
    ("EST", &[-18000]),
    ("EDT", &[-14400]),
    ("CST", &[-21600, 28800]),
    ("CDT", &[-18000]),
    ("MST", &[-25200]),
    ("MDT", &[-21600]),
    ("PST", &[-28800]),
    ("PDT", &[-25200]),
];

/// Names of zones written out in words (folded); checked before abbreviations.
const ZONE_PHRASES: &[(&str, ZoneHint)] = &[
    ("central european summer time", ZoneHint::Offsets(&[7200])),
    ("central european time", ZoneHint::Offsets(&[3600])),
    ("singapore time", ZoneHint::Named("Asia/Singapore")),
    ("heure de singapour", ZoneHint::Named("Asia/Singapore")),
    ("lyon time", ZoneHint::Named("Europe/Paris")),
    ("heure de lyon", ZoneHint::Named("Europe/Paris")),
    ("paris time", ZoneHint::Named("Europe/Paris")),
    ("heure de paris", ZoneHint::Named("Europe/Paris")),
    ("french time", ZoneHint::Named("Europe/Paris")),
    ("france time", ZoneHint::Named("Europe/Paris")),
    ("heure francaise", ZoneHint::Named("Europe/Paris")),
];

static UTC_OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:UTC|GMT)[ \t]*(?P<sign>[+-])[ \t]*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\b")
        .expect("valid regex")
});
static UPPER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z]{2,5}\b").expect("valid regex"));
static PLACE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<place>\p{L}+(?:[ \t]+\p{L}+)?)[ \t]+(?:local[ \t]+)?time\b")
        .expect("valid regex")
});

fn find_zone_hint(text: &str) -> ZoneHint {
    let folded = fold(text);
    for (phrase, hint) in ZONE_PHRASES {
        if folded.contains(phrase) {
            return hint.clone();
        }
    }
    if let Some(caps) = UTC_OFFSET.captures(text) {
        let hours = number(&caps, "h").unwrap_or(0);
        let minutes = number(&caps, "m").unwrap_or(0);
        if hours <= 14 && minutes < 60 {
            let seconds = i32::try_from(hours * 3600 + minutes * 60).unwrap_or(0);
            let sign = if caps.name("sign").is_some_and(|s| s.as_str() == "-") {
                -1
            } else {
                1
            };
            return ZoneHint::Offset(sign * seconds);
        }
    }
    for word in UPPER_WORD.find_iter(text) {
        if let Some((_, offsets)) = ABBREVIATIONS.iter().find(|(a, _)| *a == word.as_str()) {
            return ZoneHint::Offsets(offsets);
        }
    }
    for caps in PLACE_TIME.captures_iter(text) {
        let Some(place) = caps.name("place") else {
            continue;
        };
        let last_word = place.as_str().split_whitespace().last().unwrap_or_default();
        if let Some(zone) = crate::stations::zone_for(place.as_str())
            .or_else(|| crate::stations::zone_for(last_word))
        {
            return ZoneHint::Named(zone);
        }
    }
    ZoneHint::None
}

/// A deadline read from its text, before its zone is settled against the duty station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineText {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub hint: ZoneHint,
}

/// Reads `10 April 2026, 23h59 SGT`: the date, then a time and a zone written around it.
pub fn read_deadline(text: &str) -> Option<DeadlineText> {
    let found = find_date(text)?;
    // The date's own digits must not be read as a time: look at what surrounds it.
    let before = &text[..found.start];
    let after = &text[found.end..];
    let time = find_time(after).or_else(|| find_time(before));
    let hint = match find_zone_hint(after) {
        ZoneHint::None => find_zone_hint(before),
        hint => hint,
    };
    Some(DeadlineText {
        date: found.date,
        time,
        hint,
    })
}

fn offset_in(zone: &str, local: NaiveDateTime) -> Vec<i32> {
    let Ok(tz) = zone.parse::<Tz>() else {
        return Vec::new();
    };
    match tz.offset_from_local_datetime(&local) {
        chrono::LocalResult::Single(o) => vec![o.fix().local_minus_utc()],
        chrono::LocalResult::Ambiguous(a, b) => {
            vec![a.fix().local_minus_utc(), b.fix().local_minus_utc()]
        }
        chrono::LocalResult::None => Vec::new(),
    }
}

/// The IANA zone for a fixed offset, when one exists (whole hours only; note that the `Etc`
/// zones count the other way: UTC+1 is `Etc/GMT-1`).
fn fixed_zone(seconds: i32) -> Option<String> {
    if seconds == 0 {
        return Some("UTC".to_string());
    }
    if seconds % 3600 != 0 {
        return None;
    }
    let hours = seconds / 3600;
    if !(-12..=14).contains(&hours) {
        return None;
    }
    let name = if hours > 0 {
        format!("Etc/GMT-{hours}")
    } else {
        format!("Etc/GMT+{}", -hours)
    };
    name.parse::<Tz>().is_ok().then_some(name)
}

/// The zone a deadline is in: the one the text names when it fits the duty station (so the
/// deadline shows in the station's own zone) or is a fixed offset; otherwise the duty
/// station's zone. `None` when neither is known: Dossier does not guess.
pub fn settle_zone(deadline: &DeadlineText, duty_zone: Option<&str>) -> Option<String> {
    let local = deadline
        .date
        .and_time(deadline.time.unwrap_or_else(end_of_day));
    let duty_offsets = duty_zone.map(|z| offset_in(z, local)).unwrap_or_default();
    let from_offsets = |offsets: &[i32]| -> Option<String> {
        if let Some(zone) = duty_zone
            && offsets.iter().any(|o| duty_offsets.contains(o))
        {
            return Some(zone.to_string());
        }
        match offsets {
            [only] => fixed_zone(*only),
            _ => None,
        }
    };
    let named = match &deadline.hint {
        ZoneHint::None => None,
        ZoneHint::Named(zone) => Some((*zone).to_string()),
        ZoneHint::Offsets(offsets) => from_offsets(offsets),
        ZoneHint::Offset(offset) => from_offsets(&[*offset]),
    };
    named.or_else(|| duty_zone.map(str::to_string))
}

/// 23:59, the end of a day a deadline names without a time (docs/domain.md#deadlines).
pub fn end_of_day() -> NaiveTime {
    NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::time::fixtures::date as d;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("test time")
    }

    #[test]
    fn dates_in_every_published_form() {
        assert_eq!(parse_date("23 November 2025"), Some(d(2025, 11, 23)));
        assert_eq!(parse_date("Oct 30, 2025"), Some(d(2025, 10, 30)));
        assert_eq!(parse_date("Jul 9, 2026"), Some(d(2026, 7, 9)));
        assert_eq!(parse_date("2026-03-31"), Some(d(2026, 3, 31)));
        assert_eq!(parse_date("12 février 2025"), Some(d(2025, 2, 12)));
        assert_eq!(parse_date("1er août 2025"), Some(d(2025, 8, 1)));
        assert_eq!(
            parse_date("Sunday, 23rd of November, 2025"),
            Some(d(2025, 11, 23))
        );
        assert_eq!(parse_date("30-Oct-2025"), Some(d(2025, 10, 30)));
        assert_eq!(parse_date("Sept. 3, 2025"), Some(d(2025, 9, 3)));
        assert_eq!(parse_date("31/03/2026"), Some(d(2026, 3, 31)));
        assert_eq!(parse_date("31.03.2026"), Some(d(2026, 3, 31)));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_not_read() {
        assert_eq!(parse_date("31 February 2025"), None);
        assert_eq!(parse_date("03/04/2026"), None);
        assert_eq!(parse_date("12 Foo 2025"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date("INT04606"), None);
    }

    #[test]
    fn times_in_every_form() {
        assert_eq!(find_time(", 23h59 SGT"), Some(t(23, 59)));
        assert_eq!(find_time(" at 23:59 CET"), Some(t(23, 59)));
        assert_eq!(find_time(" 11:59 PM"), Some(t(23, 59)));
        assert_eq!(find_time(" 5 p.m."), Some(t(17, 0)));
        assert_eq!(find_time(" 12 a.m."), Some(t(0, 0)));
        assert_eq!(find_time(" at noon"), Some(t(12, 0)));
        assert_eq!(find_time(" 25:00"), None);
        assert_eq!(find_time(" midnight"), None);
    }

    #[test]
    fn deadline_with_time_and_zone() {
        let read = read_deadline("10 April 2026, 23h59 SGT").expect("readable");
        assert_eq!(read.date, d(2026, 4, 10));
        assert_eq!(read.time, Some(t(23, 59)));
        assert_eq!(read.hint, ZoneHint::Offsets(&[28800]));
    }

    #[test]
    fn an_abbreviation_that_fits_the_station_gives_the_station_zone() {
        let read = read_deadline("10 April 2026, 23h59 SGT").expect("readable");
        assert_eq!(
            settle_zone(&read, Some("Asia/Singapore")).as_deref(),
            Some("Asia/Singapore")
        );
        let winter = read_deadline("23 November 2025 23:59 CET").expect("readable");
        assert_eq!(
            settle_zone(&winter, Some("Europe/Paris")).as_deref(),
            Some("Europe/Paris")
        );
    }

    #[test]
    fn an_abbreviation_that_does_not_fit_gives_its_fixed_zone() {
        // CET written for a date when Lyon is on CEST: the text's offset is what it says.
        let summer_cet = read_deadline("10 June 2026 23:59 CET").expect("readable");
        assert_eq!(
            settle_zone(&summer_cet, Some("Europe/Paris")).as_deref(),
            Some("Etc/GMT-1")
        );
        let sgt = read_deadline("10 April 2026, 23h59 SGT").expect("readable");
        assert_eq!(settle_zone(&sgt, None).as_deref(), Some("Etc/GMT-8"));
        let utc = read_deadline("2026-03-31 12:00 UTC").expect("readable");
        assert_eq!(
            settle_zone(&utc, Some("Europe/Paris")).as_deref(),
            Some("UTC")
        );
        let offset = read_deadline("2026-03-31 12:00 GMT+8").expect("readable");
        assert_eq!(settle_zone(&offset, None).as_deref(), Some("Etc/GMT-8"));
    }

    #[test]
    fn without_any_zone_the_station_decides_or_nothing_does() {
        let plain = read_deadline("23 November 2025").expect("readable");
        assert_eq!(
            settle_zone(&plain, Some("Africa/Nairobi")).as_deref(),
            Some("Africa/Nairobi")
        );
        assert_eq!(settle_zone(&plain, None), None);
        let ambiguous = read_deadline("23 November 2025 23:59 CST").expect("readable");
        assert_eq!(settle_zone(&ambiguous, None), None);
        assert_eq!(
            settle_zone(&ambiguous, Some("America/El_Salvador")).as_deref(),
            Some("America/El_Salvador")
        );
    }

    #[test]
    fn zones_named_in_words() {
        let lyon = read_deadline("23 November 2025, midnight (Lyon time)").expect("readable");
        assert_eq!(lyon.hint, ZoneHint::Named("Europe/Paris"));
        assert_eq!(settle_zone(&lyon, None).as_deref(), Some("Europe/Paris"));
        let nairobi = read_deadline("23 November 2025, 17:00 Nairobi time").expect("readable");
        assert_eq!(nairobi.hint, ZoneHint::Named("Africa/Nairobi"));
    }
}

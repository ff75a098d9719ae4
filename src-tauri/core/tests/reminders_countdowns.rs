//! Countdown arithmetic: deadlines across daylight-saving changes in Europe/Paris, month ends,
//! leap years, and a zone without daylight saving (Asia/Singapore).

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use dossier_core::countdowns::past_deadline_warning;
use dossier_core::countdowns::thresholds::*;
use dossier_core::time::*;
use dossier_core::vacancy::Deadline;
use proptest::prelude::*;

mod support;
use support::{d, utc};

fn paris() -> Tz {
    zone("Europe/Paris").unwrap()
}

fn singapore() -> Tz {
    zone("Asia/Singapore").unwrap()
}

fn deadline(date: &str, time: Option<(u32, u32)>, zone: &str) -> DateTime<Utc> {
    Deadline {
        date: d(date),
        time: time.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
        zone: zone.into(),
    }
    .instant()
    .unwrap()
}

#[test]
fn six_months_after_31_august_is_the_end_of_february() {
    assert_eq!(silence_date(d("2025-08-31")), d("2026-02-28"));
    // Leap year: February has a 29th.
    assert_eq!(silence_date(d("2023-08-31")), d("2024-02-29"));
    assert_eq!(silence_date(d("2025-08-30")), d("2026-02-28"));
    assert_eq!(silence_date(d("2025-08-15")), d("2026-02-15"));
    assert_eq!(silence_date(d("2025-12-31")), d("2026-06-30"));
    // Reached at the start of that day in the submission's zone: CET in February.
    assert_eq!(
        silence_threshold(d("2025-08-31"), paris()),
        utc("2026-02-27T23:00:00Z")
    );
}

#[test]
fn silence_reached_after_the_spring_change_is_in_summer_time() {
    // Submitted 30 September (CEST); 30 March 2026 is the day after the clocks go forward.
    assert_eq!(
        silence_threshold(d("2025-09-30"), paris()),
        utc("2026-03-29T22:00:00Z")
    );
    // Submitted 29 September: reached on 29 March, the day of the change, whose midnight
    // is still in winter time.
    assert_eq!(
        silence_threshold(d("2025-09-29"), paris()),
        utc("2026-03-28T23:00:00Z")
    );
}

#[test]
fn a_roster_place_lasts_three_calendar_years_even_from_29_february() {
    assert_eq!(roster_expiry_date(d("2026-03-15")), d("2029-03-15"));
    assert_eq!(roster_expiry_date(d("2024-02-29")), d("2027-02-28"));
    assert_eq!(
        roster_expiry(d("2026-03-15"), paris()),
        utc("2029-03-14T23:00:00Z")
    );
}

#[test]
fn a_certificate_goes_stale_the_day_after_its_last_valid_day() {
    // The vault counts 3 months through the day included: 30 Nov 2025 → 28 Feb 2026.
    assert_eq!(certificate_stale_date(d("2025-11-30")), d("2026-03-01"));
    assert_eq!(certificate_stale_date(d("2023-11-30")), d("2024-03-01"));
    assert_eq!(certificate_stale_date(d("2026-01-15")), d("2026-04-16"));
    assert_eq!(
        certificate_stale_at(d("2026-01-15"), singapore()),
        utc("2026-04-15T16:00:00Z")
    );
}

#[test]
fn reminders_before_a_deadline_on_the_night_the_clocks_go_forward() {
    // 29 March 2026, 23:59 in Lyon: CEST (UTC+2), while the days before were CET (UTC+1).
    let at = deadline("2026-03-29", None, "Europe/Paris");
    assert_eq!(at, utc("2026-03-29T21:59:00Z"));
    // "1 day before" is 23:59 the day before on the Lyon clock: only 23 hours earlier.
    assert_eq!(days_before(at, paris(), 1), utc("2026-03-28T22:59:00Z"));
    assert_eq!((at - days_before(at, paris(), 1)).num_hours(), 23);
    assert_eq!(days_before(at, paris(), 3), utc("2026-03-26T22:59:00Z"));
    assert_eq!(days_before(at, paris(), 7), utc("2026-03-22T22:59:00Z"));
    assert_eq!(
        calendar_days_between(days_before(at, paris(), 7), at, paris()),
        7
    );
}

#[test]
fn reminders_before_a_deadline_on_the_night_the_clocks_go_back() {
    let at = deadline("2026-10-25", None, "Europe/Paris");
    assert_eq!(at, utc("2026-10-25T22:59:00Z"));
    assert_eq!(days_before(at, paris(), 1), utc("2026-10-24T21:59:00Z"));
    assert_eq!((at - days_before(at, paris(), 1)).num_hours(), 25);
}

#[test]
fn a_deadline_inside_the_spring_gap_and_its_reminder_the_day_before() {
    // 02:30 does not exist on 29 March 2026 in Paris: the deadline is the end of the gap.
    let at = deadline("2026-03-29", Some((2, 30)), "Europe/Paris");
    assert_eq!(at, utc("2026-03-29T01:00:00Z"));
    // The day before, 03:00 exists (CET): the reminder keeps the wall-clock time.
    assert_eq!(days_before(at, paris(), 1), utc("2026-03-28T02:00:00Z"));
    // A fold the day before takes the earlier instant, so a reminder is never late.
    let fold_next_day = local_instant(
        d("2026-10-26"),
        NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        paris(),
        Fold::Later,
    );
    assert_eq!(
        days_before(fold_next_day, paris(), 1),
        utc("2026-10-25T00:30:00Z")
    );
}

#[test]
fn singapore_has_no_daylight_saving_so_days_are_24_hours() {
    let at = deadline("2026-04-10", Some((23, 59)), "Asia/Singapore");
    assert_eq!(at, utc("2026-04-10T15:59:00Z"));
    assert_eq!(days_before(at, singapore(), 7), utc("2026-04-03T15:59:00Z"));
    assert_eq!(days_before(at, singapore(), 1), utc("2026-04-09T15:59:00Z"));
    assert_eq!(
        silence_threshold(d("2025-08-31"), singapore()),
        utc("2026-02-27T16:00:00Z")
    );
    // The same instant is on different calendar days in Lyon and Singapore.
    let late = utc("2026-04-10T17:00:00Z");
    assert_eq!(local_date(late, singapore()), d("2026-04-11"));
    assert_eq!(local_date(late, paris()), d("2026-04-10"));
}

#[test]
fn a_deadline_already_past_is_flagged_in_its_own_zone() {
    let past = Deadline {
        date: d("2025-11-23"),
        time: None,
        zone: "Europe/Paris".into(),
    };
    let warning = past_deadline_warning(&past, utc("2025-11-23T23:00:00Z"))
        .unwrap()
        .expect("flagged");
    assert!(
        warning.contains("Sunday 23 November 2025 at 23:59") && warning.contains("Europe/Paris"),
        "{warning}"
    );
    // One minute before it closes it is not past.
    assert_eq!(
        past_deadline_warning(&past, utc("2025-11-23T22:58:00Z")).unwrap(),
        None
    );
}

fn zones() -> impl Strategy<Value = Tz> {
    prop::sample::select(vec![
        "Europe/Paris",
        "Asia/Singapore",
        "America/New_York",
        "America/Argentina/Buenos_Aires",
        "Africa/Nairobi",
    ])
    .prop_map(|z| z.parse::<Tz>().unwrap())
}

fn dates() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2100, 1u32..=366)
        .prop_filter_map("a real day", |(y, ord)| NaiveDate::from_yo_opt(y, ord))
}

proptest! {
    #[test]
    fn months_added_keep_the_day_or_clamp_to_the_month_end(date in dates(), months in 1u32..48) {
        let later = add_months(date, months);
        let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        prop_assert_eq!(month_index(later) - month_index(date), months as i32);
        prop_assert!(later.day() <= date.day());
        // Clamped only when the target month is too short.
        if later.day() < date.day() {
            prop_assert!(later.succ_opt().unwrap().day() == 1);
        }
    }

    #[test]
    fn days_before_is_earlier_on_the_wall_clock_by_whole_days(
        date in dates(),
        minute in 0u32..(24 * 60),
        days in 1u32..10,
        tz in zones(),
    ) {
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap();
        let at = local_instant(date, time, tz, Fold::Later);
        let before = days_before(at, tz, days);
        prop_assert!(before < at);
        let hours = (at - before).num_minutes() as f64 / 60.0;
        // A calendar day is 24 hours, give or take one daylight-saving change on the way.
        prop_assert!((hours - 24.0 * days as f64).abs() <= 1.0, "{} hours", hours);
        prop_assert_eq!(calendar_days_between(before, at, tz), days as i64);
        // Off a gap, the wall-clock time is kept.
        let wall = before.with_timezone(&tz).naive_local().time();
        let kept = at.with_timezone(&tz).naive_local().time();
        if wall != kept {
            prop_assert!((wall.hour() as i64 - kept.hour() as i64).abs() <= 1);
        }
    }

    #[test]
    fn a_silence_threshold_is_midnight_at_the_start_of_its_day(date in dates(), tz in zones()) {
        let at = silence_threshold(date, tz);
        let local = at.with_timezone(&tz).naive_local();
        prop_assert_eq!(local.date(), silence_date(date));
        prop_assert!(local.time() < NaiveTime::from_hms_opt(2, 0, 0).unwrap());
    }
}

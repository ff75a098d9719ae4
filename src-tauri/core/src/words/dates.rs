//! Dates and times as each language writes them inside a sentence, from chrono's locale data
//! (glibc's, derived from CLDR). Unless the candidate chose otherwise in Settings
//! ([`DateStyle`], [`HourStyle`]), times are on the 24-hour clock in all four languages, as
//! INTERPOL's notices give them; the zone is named by the sentence around them.

use crate::display_language::DisplayLanguage;
use chrono::{Locale, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

// Kept in the preferences (`crate::preferences`), and followed by what Rust writes too.
/// How dates are written everywhere in the window: as the candidate's locale writes them,
/// day-month-year whatever the locale, or ISO 8601.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    #[default]
    System,
    DayMonthYear,
    Iso,
}

/// 12- or 24-hour times, or as the locale has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum HourStyle {
    #[default]
    System,
    H24,
    H12,
}

/// The clock the window's `Intl` gives the candidate's locale (en-US: 12-hour, en-GB: 24-hour).
/// Rust has no locale data for it, so the window tells the core, and "system" in
/// [`HourStyle`] means the same clock in a notification as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum HourCycle {
    H12,
    H24,
}

/// Whether the window's `Intl` writes the candidate's locale month first (en-US: "December 4,
/// 2026") or day first (en-GB and Dossier's other three languages). As with [`HourCycle`], only
/// the window knows, so it tells the core, and "system" dates agree in a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl HourStyle {
    /// The style with "system" made the locale's clock, when the window has said which it is;
    /// "system" left as it is otherwise (the 24-hour clock, as INTERPOL's notices write it).
    pub fn resolved(self, system: Option<HourCycle>) -> HourStyle {
        match (self, system) {
            (HourStyle::System, Some(HourCycle::H12)) => HourStyle::H12,
            (HourStyle::System, Some(HourCycle::H24)) => HourStyle::H24,
            (chosen, _) => chosen,
        }
    }
}

/// "2026-11-23": the ISO 8601 form, the same in every language.
pub(super) fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// "5:59" on the 12-hour clock (no leading zero, as the window writes it), and whether it is
/// after noon; the catalogue adds the language's AM/PM mark.
pub(super) fn twelve_hour(local: NaiveDateTime) -> (String, bool) {
    use chrono::Timelike;
    (
        local.time().format("%-I:%M").to_string(),
        local.time().hour() >= 12,
    )
}

/// The locale whose names a language's dates use. Arabic takes Egypt's: its months are the
/// Gregorian names (يناير, فبراير …) read across the Arab world, where Saudi Arabia's locale
/// names the Hijri months.
fn locale(language: DisplayLanguage) -> Locale {
    match language {
        DisplayLanguage::En => Locale::en_GB,
        DisplayLanguage::Fr => Locale::fr_FR,
        DisplayLanguage::Es => Locale::es_ES,
        DisplayLanguage::Ar => Locale::ar_EG,
    }
}

/// "Monday 23 November 2026", "lundi 23 novembre 2026", "lunes, 23 de noviembre de 2026",
/// "الاثنين 23 نوفمبر 2026".
pub fn day(language: DisplayLanguage, date: NaiveDate) -> String {
    match language {
        // The English form the rest of Dossier writes (`time::human_day`), byte for byte.
        DisplayLanguage::En => english_day(date),
        DisplayLanguage::Es => date
            .format_localized("%A, %-d de %B de %Y", locale(language))
            .to_string(),
        DisplayLanguage::Fr | DisplayLanguage::Ar => date
            .format_localized("%A %-d %B %Y", locale(language))
            .to_string(),
    }
}

fn english_day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "Monday, November 23, 2026" and "Nov 23, 2026": English written month first, as the
/// window's `Intl` writes en-US.
pub(super) fn english_day_month_first(date: NaiveDate) -> String {
    date.format("%A, %B %-d, %Y").to_string()
}

pub(super) fn english_short_date_month_first(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// "23 Nov 2026", "23 nov. 2026", "23 nov 2026", "23 نوفمبر 2026": a date in a list.
pub fn short_date(language: DisplayLanguage, date: NaiveDate) -> String {
    match language {
        DisplayLanguage::En => date.format("%-d %b %Y").to_string(),
        // Arabic has no abbreviated month names.
        DisplayLanguage::Ar => date
            .format_localized("%-d %B %Y", locale(language))
            .to_string(),
        DisplayLanguage::Fr | DisplayLanguage::Es => date
            .format_localized("%-d %b %Y", locale(language))
            .to_string(),
    }
}

/// "23 Nov 2026, 23:59", and the same order in every language.
pub fn short_date_time(language: DisplayLanguage, local: NaiveDateTime) -> String {
    super::Wording::from(language).short_date_time(local)
}

/// "23:59"
pub fn clock_time(local: NaiveDateTime) -> String {
    local.time().format("%H:%M").to_string()
}

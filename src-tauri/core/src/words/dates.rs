//! Dates and times as each language writes them inside a sentence, from chrono's locale data
//! (glibc's, derived from CLDR). Times are on the 24-hour clock in all four languages, as
//! INTERPOL's notices give them; the zone is named by the sentence around them.

use crate::display_language::DisplayLanguage;
use chrono::{Locale, NaiveDate, NaiveDateTime};

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
    let separator = if language == DisplayLanguage::Ar {
        "، "
    } else {
        ", "
    };
    format!(
        "{}{separator}{}",
        short_date(language, local.date()),
        clock_time(local)
    )
}

/// "23:59"
pub fn clock_time(local: NaiveDateTime) -> String {
    local.time().format("%H:%M").to_string()
}

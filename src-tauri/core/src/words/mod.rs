//! The words Rust itself writes for the candidate, in Dossier's four languages: native
//! notifications, calendar events, the pack manifest and the file names Dossier proposes, and
//! the pack's checklist with the certificate and reference reasons (which the window shows and
//! the manifest repeats, so one catalogue words them for both). One
//! Fluent catalogue per language (`words/en.ftl`, `fr.ftl`, `es.ftl`, `ar.ftl`), embedded in
//! the binary; the UI's words live in its own catalogue (`ui/src/locales`).
//!
//! Decisions, and why:
//! - **Fluent** (Project Fluent, `fluent-bundle`): Arabic's six forms are selectors in the
//!   catalogue, not code. A count is selected through `PLURAL($n)`, which names its CLDR
//!   category with ICU4X's `icu_plurals`, never on the bare number: Fluent's own plural crate
//!   (`intl_pluralrules` 7) gets Arabic wrong above 100 (103 is "few" in CLDR, "other" there).
//!   A bare number is only selected on for exact values (`[0]`); a test guards both.
//! - **Typed ids**: every message is a [`Msg`]; a test fails when one is missing in any language
//!   or names other variables than English does, so a gap fails a test, not a candidate.
//! - **Parsed on first use, per language**: a bundle is parsed the first time its language is
//!   asked for and kept; a candidate who reads French never parses Arabic.
//! - **Isolation**: Fluent wraps each placeable in FSI/PDI. [`Bidi::Reading`] keeps that for a
//!   right-to-left language, where a Latin vacancy title or a Lyon time inside Arabic would
//!   otherwise reorder; left-to-right text needs none and stays as it was. [`Bidi::Plain`] never
//!   isolates: file names (which `hidden_chars` strips of such marks anyway) and `.ics` fields,
//!   which calendar programs show as they are.
//! - **Dates** are written with chrono's CLDR-derived locale data (`unstable-locales`), the
//!   lightest source that knows every month and day name in the four languages.
//!
//! - **Country names** come from Debian's iso-codes translations
//!   ([`crate::countries::name_in`], `data/country_names.json`), not a typed list.

mod dates;

pub use dates::{
    DateOrder, DateStyle, HourCycle, HourStyle, clock_time, day, short_date, short_date_time,
};

use crate::display_language::DisplayLanguage;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Whether placeables are wrapped in Unicode isolates (FSI … PDI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bidi {
    /// Text a person reads in a window or a page: isolated in a right-to-left language.
    Reading,
    /// File names and calendar fields: never isolated.
    Plain,
}

macro_rules! messages {
    ($($variant:ident => $id:literal,)*) => {
        /// Every message of the catalogue, by its Fluent id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($variant,)*
        }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            pub fn id(self) -> &'static str {
                match self {
                    $(Msg::$variant => $id,)*
                }
            }
        }
    };
}

messages! {
    Quoted => "quoted",
    Moment => "moment",
    Clock12h => "clock-12h",
    MomentZonesDiffer => "moment-zones-differ",
    MomentZonesSame => "moment-zones-same",
    WhenMinutes => "when-minutes",
    WhenHours => "when-hours",
    WhenToday => "when-today",
    WhenTodayAt => "when-today-at",
    WhenTomorrow => "when-tomorrow",
    WhenTomorrowAt => "when-tomorrow-at",
    WhenDays => "when-days",
    InterviewMode => "interview-mode",
    NotificationOpen => "notification-open",
    DeadlineSoonTitle => "deadline-soon-title",
    DeadlineSoonBody => "deadline-soon-body",
    DeadlinePassedTitle => "deadline-passed-title",
    DeadlinePassedBody => "deadline-passed-body",
    SilenceTitle => "silence-title",
    SilenceBodyMarked => "silence-body-marked",
    SilenceBodyOpen => "silence-body-open",
    CertificateNamed => "certificate-named",
    CertificateNamedFrom => "certificate-named-from",
    CertificateRule => "certificate-rule",
    CertificateSoonTitle => "certificate-soon-title",
    CertificateSoonBody => "certificate-soon-body",
    CertificateStaleTitle => "certificate-stale-title",
    CertificateStaleBody => "certificate-stale-body",
    RosterSoonTitle => "roster-soon-title",
    RosterSoonBody => "roster-soon-body",
    RosterExpiredTitle => "roster-expired-title",
    RosterExpiredBody => "roster-expired-body",
    InterviewSoonTitle => "interview-soon-title",
    InterviewSoonBody => "interview-soon-body",
    InterviewStartedTitle => "interview-started-title",
    InterviewStartedBody => "interview-started-body",
    InterviewPlace => "interview-place",
    SummaryTitle => "summary-title",
    SummaryLine => "summary-line",
    SummaryYourTime => "summary-your-time",
    IcsDeadlineTitle => "ics-deadline-title",
    IcsDeadlineDetail => "ics-deadline-detail",
    IcsSilenceTitle => "ics-silence-title",
    IcsSilenceDetail => "ics-silence-detail",
    IcsCertificateTitle => "ics-certificate-title",
    IcsCertificateDetail => "ics-certificate-detail",
    IcsCertificateDetailIn => "ics-certificate-detail-in",
    IcsRosterTitle => "ics-roster-title",
    IcsRosterDetail => "ics-roster-detail",
    IcsInterviewTitle => "ics-interview-title",
    IcsInterviewDetail => "ics-interview-detail",
    IcsCategory => "ics-category",
    FilePart => "file-part",
    PackTitle => "pack-title",
    PackFallbackName => "pack-fallback-name",
    ExportName => "export-name",
    ReferencesHeading => "references-heading",
    ReferencesName => "references-name",
    ReferencesContact => "references-contact",
    ReferencesRelation => "references-relation",
    ArchiveTitle => "archive-title",
    ArchiveName => "archive-name",
    ArchiveFallbackName => "archive-fallback-name",
    ArchiveCopyLabel => "archive-copy-label",
    ArchiveCopyMissing => "archive-copy-missing",
    ArchiveSentLabel => "archive-sent-label",
    ArchiveNoticeLabel => "archive-notice-label",
    ArchiveNoticeMissing => "archive-notice-missing",
    ArchiveComplete => "archive-complete",
    ArchiveIncomplete => "archive-incomplete",
    ManifestIncluded => "manifest-included",
    ManifestMissing => "manifest-missing",
    ManifestStale => "manifest-stale",
    ManifestOtherFiles => "manifest-other-files",
    ManifestColumnNumber => "manifest-column-number",
    ManifestColumnItem => "manifest-column-item",
    ManifestColumnStatus => "manifest-column-status",
    ManifestColumnFile => "manifest-column-file",
    ManifestColumnBytes => "manifest-column-bytes",
    ManifestComplete => "manifest-complete",
    ManifestIncomplete => "manifest-incomplete",
    ManifestCandidate => "manifest-candidate",
    ManifestFor => "manifest-for",
    ManifestCheck => "manifest-check",
    DialogFilter => "dialog-filter",
    TrayItem => "tray-item",
    TrayNext => "tray-next",
    DocumentKind => "document-kind",
    LockedWhen => "locked-when",
    LockedReminderTitle => "locked-reminder-title",
    LockedReminderBody => "locked-reminder-body",
    LockedSummaryTitle => "locked-summary-title",
    LockedSummaryBody => "locked-summary-body",
    TwoSentences => "two-sentences",
    ListPair => "list-pair",
    ChecklistLabel => "checklist-label",
    ChecklistLevel => "checklist-level",
    ChecklistLevelIn => "checklist-level-in",
    ChecklistDiploma => "checklist-diploma",
    ChecklistEmployment => "checklist-employment",
    ChecklistCertificate => "checklist-certificate",
    ChecklistNoDocument => "checklist-no-document",
    ChecklistExpired => "checklist-expired",
    ChecklistPresent => "checklist-present",
    ChecklistNotProven => "checklist-not-proven",
    ChecklistInternship => "checklist-internship",
    ChecklistNoProfile => "checklist-no-profile",
    ChecklistOfficialProof => "checklist-official-proof",
    ChecklistNoOrigin => "checklist-no-origin",
    ChecklistNoticeAsks => "checklist-notice-asks",
    ChecklistMeetingRules => "checklist-meeting-rules",
    ChecklistReady => "checklist-ready",
    ChecklistNotReady => "checklist-not-ready",
    ChecklistMissing => "checklist-missing",
    ChecklistStale => "checklist-stale",
    CrcDays => "crc-days",
    CrcStays => "crc-stays",
    CrcOriginAlways => "crc-origin-always",
    CrcOriginLived => "crc-origin-lived",
    CrcOriginLivedStays => "crc-origin-lived-stays",
    CrcLived => "crc-lived",
    CrcLivedStays => "crc-lived-stays",
    CrcMissing => "crc-missing",
    CrcIncomplete => "crc-incomplete",
    CrcLeft => "crc-left",
    CrcCovered => "crc-covered",
    CrcStale => "crc-stale",
    ReferencesMeet => "references-meet",
    ReferencesCouldCount => "references-could-count",
    ReferencesAdd => "references-add",
    ReferenceRule => "reference-rule",
    ReferenceAdvice => "reference-advice",
}

/// The catalogue's source for `language`.
pub(crate) fn source(language: DisplayLanguage) -> &'static str {
    match language {
        DisplayLanguage::En => include_str!("en.ftl"),
        DisplayLanguage::Fr => include_str!("fr.ftl"),
        DisplayLanguage::Es => include_str!("es.ftl"),
        DisplayLanguage::Ar => include_str!("ar.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language and isolation, each parsed the first time it is needed.
static BUNDLES: [OnceLock<Bundle>; 8] = [const { OnceLock::new() }; 8];

fn slot(language: DisplayLanguage, isolating: bool) -> usize {
    let index = DisplayLanguage::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    index * 2 + usize::from(isolating)
}

fn bundle(language: DisplayLanguage, isolating: bool) -> &'static Bundle {
    BUNDLES[slot(language, isolating)].get_or_init(|| {
        let resource = FluentResource::try_new(source(language).to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        let tag: unic_langid::LanguageIdentifier = language
            .tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        bundle.set_use_isolating(isolating);
        // Registered once on a fresh bundle, so the id cannot be taken already. The rules are
        // looked up in the compiled data on each call: ICU4X's data is not `Sync` without its
        // `sync` feature, and a text selects on a count a few times at most.
        let _ = bundle.add_function("PLURAL", move |positional, _named| {
            plural(plural_rules(language).as_ref(), positional)
        });
        // A message the catalogue defines twice keeps its first form; the catalogue test
        // rejects duplicates, so this never drops a word in practice.
        let _ = bundle.add_resource(resource);
        bundle
    })
}

fn plural_rules(language: DisplayLanguage) -> Option<icu_plurals::PluralRules> {
    let locale: icu_locale_core::Locale = language.tag().parse().ok()?;
    icu_plurals::PluralRules::try_new_cardinal((&locale).into()).ok()
}

/// `PLURAL($n)`: the CLDR cardinal category of `$n` ("zero" … "other"), as a string the
/// catalogue's variant keys match. Anything but a number falls to the default variant.
fn plural<'a>(
    rules: Option<&icu_plurals::PluralRules>,
    positional: &[FluentValue<'a>],
) -> FluentValue<'a> {
    let (Some(rules), [FluentValue::Number(number)]) = (rules, positional) else {
        return FluentValue::Error;
    };
    // Through the number's text, so "1.0" (visible fraction digits) is not "1".
    let Ok(decimal) = number.as_string().parse::<fixed_decimal::Decimal>() else {
        return FluentValue::Error;
    };
    use icu_plurals::PluralCategory;
    FluentValue::from(match rules.category_for(&decimal) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    })
}

/// One argument of a message: text, or a number that plurals select on.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// `msg` in `language`, its variables filled from `args`. A message the catalogue lacks is
/// written as its id (the catalogue test makes that a failing test first).
pub fn render(language: DisplayLanguage, bidi: Bidi, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
    let isolating = bidi == Bidi::Reading && language.is_right_to_left();
    let bundle = bundle(language, isolating);
    let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) else {
        return msg.id().to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(*text),
            Arg::Count(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "{} in {}: {errors:?}",
        msg.id(),
        language.tag()
    );
    text.into_owned()
}

/// [`render`] for text a person reads (notifications, the manifest page).
pub fn reading(language: DisplayLanguage, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
    render(language, Bidi::Reading, msg, args)
}

/// [`render`] for file names and calendar fields.
pub fn plain(language: DisplayLanguage, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
    render(language, Bidi::Plain, msg, args)
}

/// `first` then `second`, as one text: two sentences, or a sentence and what follows it.
pub fn sentences(language: DisplayLanguage, bidi: Bidi, first: &str, second: &str) -> String {
    render(
        language,
        bidi,
        Msg::TwoSentences,
        &[("first", Arg::Text(first)), ("second", Arg::Text(second))],
    )
}

/// `items` as a list in `language` ("a, b, c"; Arabic's comma is "،").
pub fn list(language: DisplayLanguage, bidi: Bidi, items: &[String]) -> String {
    let mut rest = items.iter().rev();
    let Some(last) = rest.next() else {
        return String::new();
    };
    rest.fold(last.clone(), |tail, item| {
        render(
            language,
            bidi,
            Msg::ListPair,
            &[("first", Arg::Text(item)), ("rest", Arg::Text(&tail))],
        )
    })
}

/// "Monday 23 November 2026 at 23:59" in `language`.
pub fn moment(language: DisplayLanguage, bidi: Bidi, local: chrono::NaiveDateTime) -> String {
    Wording::from(language).moment(bidi, local)
}

/// How the candidate reads dates and times: their language, and the date and hour styles they
/// chose in Settings (`crate::preferences`). The caller reads the preferences each time it
/// words something, so a change in Settings applies to the next text without a restart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    pub language: DisplayLanguage,
    pub dates: DateStyle,
    pub hours: HourStyle,
    /// "System" dates in English written month first, as the window writes the candidate's
    /// locale (`Preferences::system_dates`); the other three languages are always day first.
    pub month_first: bool,
}

impl From<DisplayLanguage> for Wording {
    /// The language's own styles: its long dates, the 24-hour clock.
    fn from(language: DisplayLanguage) -> Self {
        Wording {
            language,
            dates: DateStyle::System,
            hours: HourStyle::System,
            month_first: false,
        }
    }
}

impl Wording {
    fn english_month_first(self) -> bool {
        self.month_first && self.language == DisplayLanguage::En
    }

    /// "Monday 23 November 2026", or "2026-11-23" in ISO style. Dossier's "system" style in
    /// Rust is the language's own, which in all four languages is already day-month-year.
    pub fn day(self, date: chrono::NaiveDate) -> String {
        match self.dates {
            DateStyle::Iso => dates::iso_date(date),
            DateStyle::System if self.english_month_first() => dates::english_day_month_first(date),
            DateStyle::System | DateStyle::DayMonthYear => day(self.language, date),
        }
    }

    /// "23 Nov 2026", or "2026-11-23": a date in a list.
    pub fn short_date(self, date: chrono::NaiveDate) -> String {
        match self.dates {
            DateStyle::Iso => dates::iso_date(date),
            DateStyle::System if self.english_month_first() => {
                dates::english_short_date_month_first(date)
            }
            DateStyle::System | DateStyle::DayMonthYear => short_date(self.language, date),
        }
    }

    /// "23:59", or "11:59 PM" (in the language's mark) on the 12-hour clock.
    pub fn clock_time(self, local: chrono::NaiveDateTime) -> String {
        match self.hours {
            HourStyle::System | HourStyle::H24 => clock_time(local),
            HourStyle::H12 => {
                let (time, afternoon) = dates::twelve_hour(local);
                let half = if afternoon { "pm" } else { "am" };
                // Plain: the whole time is one placeable of the sentence that holds it.
                plain(
                    self.language,
                    Msg::Clock12h,
                    &[("time", Arg::Text(&time)), ("half", Arg::Text(half))],
                )
            }
        }
    }

    /// "23 Nov 2026, 23:59", in the chosen styles.
    pub fn short_date_time(self, local: chrono::NaiveDateTime) -> String {
        let separator = if self.language == DisplayLanguage::Ar {
            "، "
        } else {
            ", "
        };
        format!(
            "{}{separator}{}",
            self.short_date(local.date()),
            self.clock_time(local)
        )
    }

    /// "Monday 23 November 2026 at 23:59", in the chosen styles.
    pub fn moment(self, bidi: Bidi, local: chrono::NaiveDateTime) -> String {
        render(
            self.language,
            bidi,
            Msg::Moment,
            &[
                ("day", Arg::Text(&self.day(local.date()))),
                ("time", Arg::Text(&self.clock_time(local))),
            ],
        )
    }
}

#[cfg(test)]
mod tests;

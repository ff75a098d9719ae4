//! Why a rule passed, failed or could not be decided, as a code and the facts that decided it:
//! the window words it in the candidate's language (`ui/src/locales/*.eligibility_reasons.json`),
//! with country and language names from its own CLDR data, so nothing here is English.
//!
//! Countries are ISO 3166 codes (upper case, `XK` for Kosovo), languages ISO 639-1 codes (lower
//! case), dates calendar days. A notice's own wording ("working knowledge") and the candidate's
//! study titles are quoted as they were written.

use crate::profile::{Cefr, EducationLevel};
use chrono::NaiveDate;
use serde::Serialize;

/// Whether the day an age is counted on is past, today or to come: "you were", "are", "will be".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// The day the age rule counts on: the notice's deadline, or today when it gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AgeDay {
    Deadline,
    TodayNoDeadline,
}

/// The day an internship's "graduated within the past year" is counted back from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StudiesDay {
    Today,
    Submission,
}

/// One reason, tagged by `code`; the other fields are its parameters (camelCase on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(
    tag = "code",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Reason {
    NationalityMissing,
    NationalityMember {
        country: String,
    },
    /// One or several nationalities, none a member country.
    NationalityNotMember {
        countries: Vec<String>,
    },
    AgeMissing {
        minimum: u32,
    },
    AgeMet {
        age: i32,
        minimum: u32,
        tense: Tense,
        counted_on: NaiveDate,
        day: AgeDay,
    },
    AgeUnder {
        age: i32,
        minimum: u32,
        tense: Tense,
        counted_on: NaiveDate,
        day: AgeDay,
        /// The day the candidate reaches the minimum age.
        turns_on: Option<NaiveDate>,
    },
    /// The date of birth is after the day the age is counted on.
    AgeBornAfter {
        birth: NaiveDate,
        minimum: u32,
        counted_on: NaiveDate,
        day: AgeDay,
    },
    /// The notice's wording for a language is not in the candidate's wording settings.
    LanguageUnknownWording {
        language: String,
        wording: String,
    },
    /// The profile does not list the language. `wording` is how the notice (or INTERPOL's
    /// page, by default) put the level, when it did not give a CEFR level itself.
    LanguageMissing {
        language: String,
        needed: Cefr,
        wording: Option<String>,
    },
    LanguageMet {
        language: String,
        have: Cefr,
        needed: Cefr,
        wording: Option<String>,
    },
    LanguageBelow {
        language: String,
        have: Cefr,
        needed: Cefr,
        wording: Option<String>,
    },
    SecondmentNotApplicable,
    SecondmentServingUnknown,
    SecondmentNotServing,
    SecondmentCountryMissing,
    SecondmentCountryNotMember {
        country: String,
    },
    SecondmentMet {
        country: String,
    },
    InternshipNotApplicable,
    InternshipNoStudies,
    InternshipEnrolled {
        field: String,
        institution: String,
    },
    InternshipRecentGraduate {
        field: String,
        institution: String,
        completed_on: NaiveDate,
        judged: StudiesDay,
        judged_on: NaiveDate,
    },
    InternshipEndMissing {
        field: String,
        institution: String,
    },
    InternshipGraduatedTooLongAgo {
        last_ended: NaiveDate,
        judged: StudiesDay,
        judged_on: NaiveDate,
    },
    InternshipNoPostSecondary,
    EducationNotApplicable,
    EducationMissing {
        minimum: EducationLevel,
    },
    EducationMet {
        minimum: EducationLevel,
        completed: EducationLevel,
        field: String,
        institution: String,
    },
    EducationBelow {
        minimum: EducationLevel,
        /// The highest level completed; none when no studies are completed.
        highest: Option<EducationLevel>,
        /// Studies at the level asked are under way (they count once completed).
        in_progress: bool,
    },
    ExperienceNotApplicable,
    ExperienceMissing {
        minimum_years: u32,
    },
    /// The employment history, counted: overlapping time once, `years` and `months` of it.
    ExperienceCounted {
        years: u32,
        months: u32,
        minimum_years: u32,
        /// Some positions are part-time, counted as calendar time.
        part_time: bool,
        met: bool,
    },
}

/// Which part of a notice a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NoticePart {
    Languages,
    /// The notice names the language but no level: the usual working knowledge is read.
    LanguagesNoLevel,
    MinimumEducation,
    MinimumExperience,
}

/// One part of where a rule comes from, tagged by `code`; the window words each part and lists
/// them (`ui/src/locales/*.eligibility_sources.json`), so no English title reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(
    tag = "code",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Source {
    /// One of INTERPOL's public pages ([`crate::sources`]).
    Page { page: crate::sources::PageId },
    /// INTERPOL's member list, as of the day it was last read.
    MemberList { as_of: NaiveDate },
    /// The vacancy notice itself, by its reference when it has one.
    Notice {
        reference: Option<String>,
        part: NoticePart,
    },
    /// The CEFR reading of a notice's wording: the candidate's own language settings.
    Wording,
}

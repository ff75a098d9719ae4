//! Can the candidate apply? Each rule gives pass, fail or unknown with the fact that decided it
//! and the INTERPOL page the rule comes from (docs/domain.md#eligibility, [`crate::sources`]).
//!
//! Every rule that can apply to a notice is always listed, in a fixed order, so the UI shows
//! the same list for every vacancy: a rule that does not apply to this one (the secondment
//! rule for a fixed-term post) says so with [`RuleStatus::NotApplicable`] and does not count
//! towards the verdict. Only the "other language" rule repeats, once for each language the
//! notice requires besides English.

pub mod age;
pub mod experience;
mod reason;
mod saved;
mod wording;

pub use reason::{AgeDay, NoticePart, Reason, Source, StudiesDay, Tense};
pub use saved::{VacancyVerdict, assess_saved, verdicts_for};
pub use wording::{
    INTERNSHIP_ENGLISH_WORDING, LanguageWordingMap, USUAL_ENGLISH_WORDING, WORDING_SETTING,
    WordingLevel, load_wording_map, save_wording_map,
};

use crate::countries;
use crate::profile::{
    Cefr, Education, EducationLevel, LanguageSkill, Profile, StudyStatus, WorkTime,
};
use crate::sources;
use crate::vacancy::{ContractKind, LanguageRequirement, Vacancy, VacancyInput};
use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every rule that applies passes.
    Eligible,
    /// At least one rule fails.
    NotEligible,
    /// No rule fails, but some cannot be decided until the profile says more.
    Incomplete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Pass,
    Fail,
    Unknown,
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// A nationality of a member country.
    Nationality,
    /// 18 or older on the deadline.
    Age,
    /// English at the level the notice asks, or a working knowledge.
    English,
    /// Another language the notice requires (one outcome per language; see `subject`).
    Language,
    /// Seconded posts: a serving official of a member country.
    Secondment,
    /// Internships: enrolled in or recently graduated from post-secondary studies.
    Internship,
    /// The notice's minimum level of education.
    Education,
    /// The notice's minimum years of experience.
    Experience,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleOutcome {
    pub rule: RuleId,
    /// What the rule is about when it repeats: the ISO 639-1 code for language rules.
    pub subject: Option<String>,
    pub status: RuleStatus,
    /// The fact that decided, as a code and parameters the window words.
    pub reason: Reason,
    /// For `Unknown`: the profile field to fill in (`dateOfBirth`, `lawEnforcement.serving`).
    pub missing: Option<String>,
    /// Where the rule comes from: INTERPOL's pages, the notice, the candidate's settings.
    pub source: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub verdict: Verdict,
    /// The day the assessment was made for ("today").
    pub assessed_on: NaiveDate,
    pub rules: Vec<RuleOutcome>,
}

// What the candidate reads as each rule's source: the INTERPOL page it comes from
// (docs/domain.md#eligibility says which page says what).
const SOURCE_NATIONALITY: sources::InterpolPage = sources::VACANCIES;
const SOURCE_AGE: sources::InterpolPage = sources::VACANCIES;
const SOURCE_USUAL_ENGLISH: sources::InterpolPage = sources::VACANCIES;
const SOURCE_INTERNSHIP_ENGLISH: sources::InterpolPage = sources::INTERNSHIPS;
const SOURCE_SECONDMENT: sources::InterpolPage = sources::SECONDMENTS;
const SOURCE_INTERNSHIP: sources::InterpolPage = sources::INTERNSHIPS;

/// A page as a source part.
fn page(page: sources::InterpolPage) -> Source {
    Source::Page { page: page.id }
}

/// A source that is one page.
fn from_page(p: sources::InterpolPage) -> Vec<Source> {
    vec![page(p)]
}

/// The minimum age (docs/domain.md#age).
pub const MINIMUM_AGE: u32 = 18;

/// Assesses with the default wording map (docs/domain.md#languages).
pub fn assess(profile: &Profile, vacancy: &Vacancy, on: NaiveDate) -> Assessment {
    assess_with(profile, vacancy, on, &LanguageWordingMap::default())
}

/// Assesses a saved vacancy; `on` is today, from the one clock.
pub fn assess_with(
    profile: &Profile,
    vacancy: &Vacancy,
    on: NaiveDate,
    wording: &LanguageWordingMap,
) -> Assessment {
    assess_notice(profile, &vacancy.input, on, wording)
}

/// Assesses a saved vacancy the candidate may have applied to: `submitted_on` is the date the
/// application was submitted, if it was. INTERPOL's Internships page judges studies on the
/// day of submission, so the internship rule reads that date (today otherwise); the other
/// rules read `on`.
pub fn assess_application(
    profile: &Profile,
    vacancy: &Vacancy,
    on: NaiveDate,
    submitted_on: Option<NaiveDate>,
    wording: &LanguageWordingMap,
) -> Assessment {
    assess_notice_on(profile, &vacancy.input, on, submitted_on, wording)
}

/// Assesses a notice before it is saved (a pasted notice), as [`assess_with`].
pub fn assess_notice(
    profile: &Profile,
    notice: &VacancyInput,
    on: NaiveDate,
    wording: &LanguageWordingMap,
) -> Assessment {
    assess_notice_on(profile, notice, on, None, wording)
}

fn assess_notice_on(
    profile: &Profile,
    notice: &VacancyInput,
    on: NaiveDate,
    submitted_on: Option<NaiveDate>,
    wording: &LanguageWordingMap,
) -> Assessment {
    let mut rules = vec![nationality(profile), age_rule(profile, notice, on)];
    rules.push(english(profile, notice, wording));
    rules.extend(
        notice
            .languages
            .iter()
            .filter(|r| !r.language.eq_ignore_ascii_case("en"))
            .map(|r| other_language(profile, notice, r, wording)),
    );
    rules.push(secondment(profile, notice));
    let studies_on = match submitted_on {
        Some(day) => StudiesJudgedOn::Submission(day),
        None => StudiesJudgedOn::Today(on),
    };
    rules.push(internship(profile, notice, studies_on));
    rules.push(education(profile, notice));
    rules.push(experience_rule(profile, notice, on));
    Assessment {
        verdict: verdict(&rules),
        assessed_on: on,
        rules,
    }
}

fn verdict(rules: &[RuleOutcome]) -> Verdict {
    if rules.iter().any(|r| r.status == RuleStatus::Fail) {
        Verdict::NotEligible
    } else if rules.iter().any(|r| r.status == RuleStatus::Unknown) {
        Verdict::Incomplete
    } else {
        Verdict::Eligible
    }
}

fn outcome(rule: RuleId, status: RuleStatus, reason: Reason, source: Vec<Source>) -> RuleOutcome {
    RuleOutcome {
        rule,
        subject: None,
        status,
        reason,
        missing: None,
        source,
    }
}

fn unknown(rule: RuleId, reason: Reason, missing: &str, source: Vec<Source>) -> RuleOutcome {
    RuleOutcome {
        missing: Some(missing.to_string()),
        ..outcome(rule, RuleStatus::Unknown, reason, source)
    }
}

/// A country as the window names it: its ISO code, upper case.
fn country_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

fn notice_source(notice: &VacancyInput, part: NoticePart) -> Source {
    let reference = notice.reference.trim();
    Source::Notice {
        reference: (!reference.is_empty()).then(|| reference.to_string()),
        part,
    }
}

fn nationality(p: &Profile) -> RuleOutcome {
    let source = vec![
        page(SOURCE_NATIONALITY),
        page(sources::MEMBER_COUNTRIES),
        Source::MemberList {
            as_of: countries::member_list().as_of,
        },
    ];
    if p.nationalities.is_empty() {
        return unknown(
            RuleId::Nationality,
            Reason::NationalityMissing,
            "nationalities",
            source,
        );
    }
    if let Some(code) = p.nationalities.iter().find(|c| countries::is_member(c)) {
        return outcome(
            RuleId::Nationality,
            RuleStatus::Pass,
            Reason::NationalityMember {
                country: country_code(code),
            },
            source,
        );
    }
    let reason = Reason::NationalityNotMember {
        countries: p.nationalities.iter().map(|c| country_code(c)).collect(),
    };
    outcome(RuleId::Nationality, RuleStatus::Fail, reason, source)
}

fn age_rule(p: &Profile, notice: &VacancyInput, on: NaiveDate) -> RuleOutcome {
    let (date, day) = match &notice.deadline {
        Some(d) => (d.date, AgeDay::Deadline),
        None => (on, AgeDay::TodayNoDeadline),
    };
    let minimum = MINIMUM_AGE;
    let Some(birth) = p.date_of_birth else {
        return unknown(
            RuleId::Age,
            Reason::AgeMissing { minimum },
            "dateOfBirth",
            from_page(SOURCE_AGE),
        );
    };
    let age = age::age_on(birth, date);
    let tense = match date.cmp(&on) {
        std::cmp::Ordering::Greater => Tense::Future,
        std::cmp::Ordering::Equal => Tense::Present,
        std::cmp::Ordering::Less => Tense::Past,
    };
    if age >= MINIMUM_AGE as i32 {
        return outcome(
            RuleId::Age,
            RuleStatus::Pass,
            Reason::AgeMet {
                age,
                minimum,
                tense,
                counted_on: date,
                day,
            },
            from_page(SOURCE_AGE),
        );
    }
    let reason = if age < 0 {
        Reason::AgeBornAfter {
            birth,
            minimum,
            counted_on: date,
            day,
        }
    } else {
        Reason::AgeUnder {
            age,
            minimum,
            tense,
            counted_on: date,
            day,
            turns_on: age::turns(birth, MINIMUM_AGE),
        }
    };
    outcome(RuleId::Age, RuleStatus::Fail, reason, from_page(SOURCE_AGE))
}

/// The level a language requirement asks for, and how to say it.
enum Needed {
    Level {
        level: Cefr,
        /// How the level was worded, when not as a CEFR level.
        wording: Option<String>,
        source: Vec<Source>,
    },
    /// The notice's wording is not in the candidate's mapping.
    UnknownWording {
        wording: String,
        source: Vec<Source>,
    },
}

fn needed_level(
    notice: &VacancyInput,
    requirement: Option<&LanguageRequirement>,
    wording_map: &LanguageWordingMap,
) -> Needed {
    let from_notice = notice_source(notice, NoticePart::Languages);
    let (wording, fallback, source) = match requirement {
        Some(LanguageRequirement {
            level: Some(level), ..
        }) => {
            return Needed::Level {
                level: *level,
                wording: None,
                source: vec![from_notice],
            };
        }
        Some(LanguageRequirement {
            wording: Some(w), ..
        }) if !w.trim().is_empty() => {
            return match wording_map.level_for(w) {
                Some(level) => Needed::Level {
                    level,
                    wording: Some(w.trim().to_string()),
                    source: vec![from_notice, Source::Wording],
                },
                None => Needed::UnknownWording {
                    wording: w.trim().to_string(),
                    source: vec![from_notice],
                },
            };
        }
        // Named with neither level nor wording: read as the usual working knowledge.
        Some(_) => (
            USUAL_ENGLISH_WORDING,
            Cefr::B2,
            notice_source(notice, NoticePart::LanguagesNoLevel),
        ),
        None if notice.contract_kind == Some(ContractKind::Internship) => (
            INTERNSHIP_ENGLISH_WORDING,
            Cefr::C1,
            page(SOURCE_INTERNSHIP_ENGLISH),
        ),
        None => (USUAL_ENGLISH_WORDING, Cefr::B2, page(SOURCE_USUAL_ENGLISH)),
    };
    // The default wordings go through the mapping too, so a candidate who reads "working
    // knowledge" as B1 sees that everywhere; the default level stands in if it was removed.
    let level = wording_map.level_for(wording).unwrap_or(fallback);
    Needed::Level {
        level,
        wording: Some(wording.to_string()),
        source: vec![source, Source::Wording],
    }
}

fn language_rule(rule: RuleId, code: &str, p: &Profile, needed: Needed) -> RuleOutcome {
    let language = code.to_ascii_lowercase();
    let mut result = match needed {
        Needed::UnknownWording { wording, source } => outcome(
            rule,
            RuleStatus::Unknown,
            Reason::LanguageUnknownWording {
                language: language.clone(),
                wording,
            },
            source,
        ),
        Needed::Level {
            level: needed,
            wording,
            source,
        } => {
            let have = p
                .languages
                .iter()
                .filter(|l| l.language.eq_ignore_ascii_case(code))
                .map(|l: &LanguageSkill| l.level)
                .max();
            let language = language.clone();
            match have {
                None => unknown(
                    rule,
                    Reason::LanguageMissing {
                        language,
                        needed,
                        wording,
                    },
                    "languages",
                    source,
                ),
                Some(have) if have >= needed => outcome(
                    rule,
                    RuleStatus::Pass,
                    Reason::LanguageMet {
                        language,
                        have,
                        needed,
                        wording,
                    },
                    source,
                ),
                Some(have) => outcome(
                    rule,
                    RuleStatus::Fail,
                    Reason::LanguageBelow {
                        language,
                        have,
                        needed,
                        wording,
                    },
                    source,
                ),
            }
        }
    };
    result.subject = Some(language);
    result
}

fn english(p: &Profile, notice: &VacancyInput, wording: &LanguageWordingMap) -> RuleOutcome {
    let requirement = notice
        .languages
        .iter()
        .find(|r| r.language.eq_ignore_ascii_case("en"));
    language_rule(
        RuleId::English,
        "en",
        p,
        needed_level(notice, requirement, wording),
    )
}

fn other_language(
    p: &Profile,
    notice: &VacancyInput,
    requirement: &LanguageRequirement,
    wording: &LanguageWordingMap,
) -> RuleOutcome {
    language_rule(
        RuleId::Language,
        requirement.language.trim(),
        p,
        needed_level(notice, Some(requirement), wording),
    )
}

fn secondment(p: &Profile, notice: &VacancyInput) -> RuleOutcome {
    let rule = RuleId::Secondment;
    if notice.contract_kind != Some(ContractKind::Secondment) {
        return outcome(
            rule,
            RuleStatus::NotApplicable,
            Reason::SecondmentNotApplicable,
            from_page(SOURCE_SECONDMENT),
        );
    }
    let le = &p.law_enforcement;
    match (le.serving, le.country.as_deref()) {
        (None, _) => unknown(
            rule,
            Reason::SecondmentServingUnknown,
            "lawEnforcement.serving",
            from_page(SOURCE_SECONDMENT),
        ),
        (Some(false), _) => outcome(
            rule,
            RuleStatus::Fail,
            Reason::SecondmentNotServing,
            from_page(SOURCE_SECONDMENT),
        ),
        (Some(true), None) => unknown(
            rule,
            Reason::SecondmentCountryMissing,
            "lawEnforcement.country",
            from_page(SOURCE_SECONDMENT),
        ),
        (Some(true), Some(country)) if !countries::is_member(country) => outcome(
            rule,
            RuleStatus::Fail,
            Reason::SecondmentCountryNotMember {
                country: country_code(country),
            },
            from_page(SOURCE_SECONDMENT),
        ),
        (Some(true), Some(country)) => outcome(
            rule,
            RuleStatus::Pass,
            Reason::SecondmentMet {
                country: country_code(country),
            },
            from_page(SOURCE_SECONDMENT),
        ),
    }
}

/// The day an internship's "graduated within the past one year" is counted back from.
#[derive(Debug, Clone, Copy)]
enum StudiesJudgedOn {
    Today(NaiveDate),
    Submission(NaiveDate),
}

impl StudiesJudgedOn {
    fn day(self) -> NaiveDate {
        match self {
            StudiesJudgedOn::Today(d) | StudiesJudgedOn::Submission(d) => d,
        }
    }

    fn kind(self) -> StudiesDay {
        match self {
            StudiesJudgedOn::Today(_) => StudiesDay::Today,
            StudiesJudgedOn::Submission(_) => StudiesDay::Submission,
        }
    }
}

fn internship(p: &Profile, notice: &VacancyInput, judged: StudiesJudgedOn) -> RuleOutcome {
    let on = judged.day();
    let rule = RuleId::Internship;
    if notice.contract_kind != Some(ContractKind::Internship) {
        return outcome(
            rule,
            RuleStatus::NotApplicable,
            Reason::InternshipNotApplicable,
            from_page(SOURCE_INTERNSHIP),
        );
    }
    if p.education.is_empty() {
        return unknown(
            rule,
            Reason::InternshipNoStudies,
            "education",
            from_page(SOURCE_INTERNSHIP),
        );
    }
    let post_secondary: Vec<(usize, &Education)> = p
        .education
        .iter()
        .enumerate()
        .filter(|(_, e)| e.level >= EducationLevel::PostSecondary)
        .collect();
    if let Some((_, e)) = post_secondary
        .iter()
        .find(|(_, e)| e.status == StudyStatus::Enrolled)
    {
        return outcome(
            rule,
            RuleStatus::Pass,
            Reason::InternshipEnrolled {
                field: e.field.clone(),
                institution: e.institution.clone(),
            },
            from_page(SOURCE_INTERNSHIP),
        );
    }
    // INTERPOL's Internships page: "graduated within the past one year" at submission.
    let cutoff = on
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let completed = || {
        post_secondary
            .iter()
            .filter(|(_, e)| e.status == StudyStatus::Completed)
    };
    if let Some((_, e, to)) = completed()
        .filter_map(|(i, e)| e.to.map(|to| (i, e, to)))
        .find(|(_, _, to)| *to >= cutoff && *to <= on)
    {
        return outcome(
            rule,
            RuleStatus::Pass,
            Reason::InternshipRecentGraduate {
                field: e.field.clone(),
                institution: e.institution.clone(),
                completed_on: to,
                judged: judged.kind(),
                judged_on: on,
            },
            from_page(SOURCE_INTERNSHIP),
        );
    }
    if let Some((i, e)) = completed().find(|(_, e)| e.to.is_none()) {
        return unknown(
            rule,
            Reason::InternshipEndMissing {
                field: e.field.clone(),
                institution: e.institution.clone(),
            },
            &format!("education[{i}].to"),
            from_page(SOURCE_INTERNSHIP),
        );
    }
    let reason = match completed().filter_map(|(_, e)| e.to).max() {
        Some(last_ended) => Reason::InternshipGraduatedTooLongAgo {
            last_ended,
            judged: judged.kind(),
            judged_on: on,
        },
        None => Reason::InternshipNoPostSecondary,
    };
    outcome(rule, RuleStatus::Fail, reason, from_page(SOURCE_INTERNSHIP))
}

fn education(p: &Profile, notice: &VacancyInput) -> RuleOutcome {
    let rule = RuleId::Education;
    let source = vec![notice_source(notice, NoticePart::MinimumEducation)];
    let Some(min) = notice.min_education else {
        return outcome(
            rule,
            RuleStatus::NotApplicable,
            Reason::EducationNotApplicable,
            source,
        );
    };
    if p.education.is_empty() {
        return unknown(
            rule,
            Reason::EducationMissing { minimum: min },
            "education",
            source,
        );
    }
    let completed = || {
        p.education
            .iter()
            .filter(|e| e.status == StudyStatus::Completed)
    };
    if let Some(e) = completed()
        .filter(|e| e.level >= min)
        .max_by_key(|e| e.level)
    {
        return outcome(
            rule,
            RuleStatus::Pass,
            Reason::EducationMet {
                minimum: min,
                completed: e.level,
                field: e.field.clone(),
                institution: e.institution.clone(),
            },
            source,
        );
    }
    let in_progress = p
        .education
        .iter()
        .any(|e| e.status == StudyStatus::Enrolled && e.level >= min);
    outcome(
        rule,
        RuleStatus::Fail,
        Reason::EducationBelow {
            minimum: min,
            highest: completed().map(|e| e.level).max(),
            in_progress,
        },
        source,
    )
}

/// Whole years and the months beyond them (6 years and 2 months), from a count of days.
fn years_and_months(days: u64) -> (u32, u32) {
    let mut years = days * 4 / 1461;
    // Rounding: 365 days already make a year (see `days_in_years`).
    while experience::days_in_years(years as u32 + 1) <= days {
        years += 1;
    }
    let months = (days - experience::days_in_years(years as u32)) * 48 / 1461;
    (
        u32::try_from(years).unwrap_or(u32::MAX),
        u32::try_from(months).unwrap_or(u32::MAX),
    )
}

fn experience_rule(p: &Profile, notice: &VacancyInput, on: NaiveDate) -> RuleOutcome {
    let rule = RuleId::Experience;
    // Notices say only experience backed by official proof of employment counts; the FAQ's
    // documents list is where that proof is asked for (docs/domain.md#proof-of-employment).
    let source = vec![
        notice_source(notice, NoticePart::MinimumExperience),
        page(sources::VACANCIES_FAQ_DOCUMENTS),
    ];
    let min = match notice.min_experience_years {
        None | Some(0) => {
            return outcome(
                rule,
                RuleStatus::NotApplicable,
                Reason::ExperienceNotApplicable,
                source,
            );
        }
        Some(years) => years,
    };
    if p.employment.is_empty() {
        return unknown(
            rule,
            Reason::ExperienceMissing { minimum_years: min },
            "employment",
            source,
        );
    }
    let days = experience::experience_days(&p.employment, on);
    let part_time = p
        .employment
        .iter()
        .any(|e| e.work_time == WorkTime::PartTime && e.from <= on);
    let passed = days >= experience::days_in_years(min);
    let (years, months) = years_and_months(days);
    outcome(
        rule,
        if passed {
            RuleStatus::Pass
        } else {
            RuleStatus::Fail
        },
        Reason::ExperienceCounted {
            years,
            months,
            minimum_years: min,
            part_time,
            met: passed,
        },
        source,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn experience_reads_in_years_and_months() {
        assert_eq!(years_and_months(0), (0, 0));
        assert_eq!(years_and_months(31), (0, 1));
        assert_eq!(years_and_months(365), (1, 0));
        assert_eq!(years_and_months(730 + 62), (2, 2));
    }

    #[test]
    fn the_verdict_is_the_worst_status_that_counts() {
        let with = |statuses: &[RuleStatus]| {
            let rules: Vec<_> = statuses
                .iter()
                .map(|s| outcome(RuleId::Age, *s, Reason::NationalityMissing, Vec::new()))
                .collect();
            verdict(&rules)
        };
        use RuleStatus::*;
        assert_eq!(with(&[Pass, NotApplicable]), Verdict::Eligible);
        assert_eq!(with(&[Pass, Unknown, NotApplicable]), Verdict::Incomplete);
        assert_eq!(with(&[Unknown, Fail, Pass]), Verdict::NotEligible);
    }
}

//! What makes a profile saveable. Every problem is reported at its field (`dateOfBirth`,
//! `residences[1].to`, the JSON names the UI uses) in plain words, all at once, so the
//! candidate can fix them in one pass.

use super::languages::{describe_language, is_language_code};
use super::{Education, Employment, Profile, Reference, Residence, StudyStatus};
use crate::countries;
use crate::error::{FieldProblem, RequiredField};
use crate::hidden_chars::strip_hidden;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::hash::Hash;

pub use crate::error::FieldError;

/// Reads a profile from JSON as the UI sends it. Serde alone would refuse a language level
/// such as `D1` with "unknown variant `D1`, expected one of ... at line 1 column 80"; this says
/// which field is wrong and why, in words the candidate can act on.
pub fn profile_from_json(json: &str) -> Result<Profile, Vec<FieldError>> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| vec![describe_json_error(e)])
}

/// As [`profile_from_json`], for a value the shell has already parsed.
pub fn profile_from_value(value: serde_json::Value) -> Result<Profile, Vec<FieldError>> {
    serde_path_to_error::deserialize(value).map_err(|e| vec![describe_json_error(e)])
}

fn describe_json_error(e: serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let path = match e.path().to_string() {
        root if root == "." => String::new(),
        path => path,
    };
    let last = e.path().iter().next_back().map(|s| s.to_string());
    let raw = e.inner().to_string();
    // serde_json appends the position, which means nothing to the candidate.
    let detail = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);

    if let Some(missing) = between(detail, "missing field `", "`") {
        let field = if path.is_empty() {
            missing.to_string()
        } else {
            format!("{path}.{missing}")
        };
        return FieldError::new(field, FieldProblem::Missing, "This field is missing.");
    }
    if let Some(found) = between(detail, "unknown variant `", "`") {
        let choices = detail
            .split_once("expected ")
            .map(|(_, list)| {
                // serde writes "one of `a`, `b`, `c`" for three or more, "`a` or `b`" for two.
                list.trim_start_matches("one of ").replace('`', "")
            })
            .unwrap_or_default();
        let is_language_level = path.starts_with("languages[") && last.as_deref() == Some("level");
        let (problem, message) = if is_language_level {
            (
                FieldProblem::NotALanguageLevel {
                    found: found.to_string(),
                    choices: choices.clone(),
                },
                format!(
                    "\u{201c}{found}\u{201d} is not a language level. Levels follow the CEFR scale: {choices}."
                ),
            )
        } else {
            (
                FieldProblem::NotAChoice {
                    found: found.to_string(),
                    choices: choices.clone(),
                },
                format!("\u{201c}{found}\u{201d} is not one of the choices: {choices}."),
            )
        };
        return FieldError::new(path, problem, message);
    }
    let is_date = matches!(last.as_deref(), Some("dateOfBirth" | "from" | "to"));
    if is_date {
        return FieldError::new(
            path,
            FieldProblem::InvalidDate,
            "Enter a date as YYYY-MM-DD, such as 1990-04-23.",
        );
    }
    FieldError::new(
        path,
        FieldProblem::Unreadable {
            detail: detail.to_string(),
        },
        format!("This value cannot be read: {detail}."),
    )
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// The longest a name may be, in characters: a full name, a school, an employer or a job
/// title is one line; anything longer is a paste in the wrong box.
const MAX_NAME_CHARS: usize = 200;
/// A position's duties: a few paragraphs, about what the platforms' duties boxes take.
const MAX_DUTIES_CHARS: usize = 4000;
/// An e-mail address (RFC 5321 allows no more than 254 characters).
const MAX_EMAIL_CHARS: usize = 254;
/// A reference's contact: an e-mail address or telephone number, perhaps both.
const MAX_CONTACT_CHARS: usize = 300;

/// Birth dates earlier than this are taken for a typing mistake in the year.
const EARLIEST_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 is a date"),
};

impl Profile {
    /// Trims text, writes country codes in upper case and language codes in lower case, and
    /// turns blank optional text into nothing, so what is stored compares and displays alike
    /// whatever the candidate typed.
    pub fn normalize(&mut self) {
        name(&mut self.full_name);
        trim(&mut self.email);
        for code in &mut self.nationalities {
            upper(code);
        }
        upper_opt(&mut self.country_of_origin);
        for r in &mut self.residences {
            upper(&mut r.country);
        }
        for l in &mut self.languages {
            l.language = l.language.trim().to_ascii_lowercase();
            name_opt(&mut l.certificate);
        }
        upper_opt(&mut self.law_enforcement.country);
        name_opt(&mut self.law_enforcement.agency);
        for e in &mut self.education {
            name(&mut e.field);
            name(&mut e.institution);
        }
        for e in &mut self.employment {
            name(&mut e.employer);
            name(&mut e.title);
            // Several lines are the point here: only the ends are trimmed, and Windows line
            // ends made plain, so what is copied into a form is what was typed.
            e.duties = e
                .duties
                .take()
                .map(|d| d.replace("\r\n", "\n").trim().to_string())
                .filter(|d| !d.is_empty());
        }
        for r in &mut self.references {
            name(&mut r.name);
            name(&mut r.contact);
            name(&mut r.relation);
        }
    }

    /// Every problem that stops the profile from being saved, or `Ok` when there is none.
    /// `today` is the candidate's date, from the one clock.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut check = Checker {
            today,
            birth: self.date_of_birth,
            errors: Vec::new(),
        };
        check.identity(self);
        check.countries(self);
        check.languages(self);
        for (i, r) in self.residences.iter().enumerate() {
            check.residence(&format!("residences[{i}]"), r);
        }
        for (i, e) in self.education.iter().enumerate() {
            check.education(&format!("education[{i}]"), e);
        }
        for (i, e) in self.employment.iter().enumerate() {
            check.employment(&format!("employment[{i}]"), e);
        }
        for (i, r) in self.references.iter().enumerate() {
            check.reference(&format!("references[{i}]"), r);
        }
        check.repeated_entries("residences", &self.residences, |a, b| a == b);
        check.repeated_entries("education", &self.education, |a, b| {
            Education { id: 0, ..a.clone() } == Education { id: 0, ..b.clone() }
        });
        check.repeated_entries("employment", &self.employment, |a, b| {
            Employment { id: 0, ..a.clone() } == Employment { id: 0, ..b.clone() }
        });
        check.repeated_entries("references", &self.references, |a, b| {
            Reference { id: 0, ..a.clone() } == Reference { id: 0, ..b.clone() }
        });
        check.repeated_ids("education", self.education.iter().map(|e| e.id));
        check.repeated_ids("employment", self.employment.iter().map(|e| e.id));
        check.repeated_ids("references", self.references.iter().map(|r| r.id));
        if check.errors.is_empty() {
            Ok(())
        } else {
            Err(check.errors)
        }
    }
}

fn trim(s: &mut String) {
    if s.trim().len() != s.len() {
        *s = s.trim().to_string();
    }
}

/// Trimmed, without hidden characters (see [`crate::hidden_chars`]): names are shown beside
/// other text and go into the file names of packs.
fn name(s: &mut String) {
    if let Cow::Owned(visible) = strip_hidden(s) {
        *s = visible;
    }
    trim(s);
}

fn name_opt(s: &mut Option<String>) {
    if let Some(text) = s {
        name(text);
    }
    blank_to_none(s);
}

fn upper(code: &mut String) {
    *code = code.trim().to_ascii_uppercase();
}

fn upper_opt(code: &mut Option<String>) {
    blank_to_none(code);
    if let Some(c) = code {
        upper(c);
    }
}

fn blank_to_none(s: &mut Option<String>) {
    match s {
        Some(text) if text.trim().is_empty() => *s = None,
        Some(text) => trim(text),
        None => {}
    }
}

struct Checker {
    today: NaiveDate,
    birth: Option<NaiveDate>,
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(
        &mut self,
        field: impl Into<String>,
        problem: FieldProblem,
        message: impl Into<String>,
    ) {
        self.errors.push(FieldError::new(field, problem, message));
    }

    /// `what` is the English of `code`, kept for the message of logs.
    fn required(&mut self, field: String, value: &str, code: RequiredField, what: &str) {
        if value.trim().is_empty() {
            self.fail(
                field,
                FieldProblem::Required { what: code },
                format!("Enter {what}."),
            );
        }
    }

    fn at_most(&mut self, field: String, value: &str, max: usize) {
        let count = value.chars().count();
        if count > max {
            self.fail(
                field,
                FieldProblem::TooLong {
                    max: max as u32,
                    count: count as u32,
                },
                format!("Keep this to at most {max} characters (it has {count})."),
            );
        }
    }

    fn at_most_opt(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            self.at_most(field.into(), value, max);
        }
    }

    fn identity(&mut self, p: &Profile) {
        self.required(
            "fullName".into(),
            &p.full_name,
            RequiredField::FullName,
            "your full name",
        );
        self.at_most("fullName".into(), &p.full_name, MAX_NAME_CHARS);
        self.at_most("email".into(), &p.email, MAX_EMAIL_CHARS);
        self.at_most_opt(
            "lawEnforcement.agency",
            p.law_enforcement.agency.as_deref(),
            MAX_NAME_CHARS,
        );
        if !p.email.trim().is_empty()
            && p.email.chars().count() <= MAX_EMAIL_CHARS
            && !looks_like_email(p.email.trim())
        {
            self.fail(
                "email",
                FieldProblem::NotAnEmail {
                    value: p.email.trim().to_string(),
                },
                format!(
                    "\u{201c}{}\u{201d} does not look like an e-mail address (name@example.org).",
                    p.email.trim()
                ),
            );
        }
        if let Some(birth) = p.date_of_birth {
            if birth > self.today {
                self.fail(
                    "dateOfBirth",
                    FieldProblem::BirthInFuture,
                    "Your date of birth is in the future.",
                );
            } else if birth < EARLIEST_BIRTH {
                self.fail(
                    "dateOfBirth",
                    FieldProblem::BirthYearUnlikely {
                        date: birth.to_string(),
                    },
                    format!("Check the year of your date of birth ({birth})."),
                );
            }
        }
    }

    fn country(&mut self, field: String, code: &str) {
        if code.trim().is_empty() {
            self.fail(
                field,
                FieldProblem::CountryMissing,
                "Choose a country, or remove this line.",
            );
        } else if !countries::is_known_code(code) {
            self.fail(
                field,
                FieldProblem::NotACountryCode { value: code.to_string() },
                format!(
                    "\u{201c}{code}\u{201d} is not a country code. Choose the country from the list."
                ),
            );
        }
    }

    fn countries(&mut self, p: &Profile) {
        for (i, code) in p.nationalities.iter().enumerate() {
            self.country(format!("nationalities[{i}]"), code);
        }
        for i in later_repeats(p.nationalities.iter().map(|c| c.to_ascii_uppercase())) {
            self.fail(
                format!("nationalities[{i}]"),
                FieldProblem::NationalityTwice {
                    country: p.nationalities[i].to_ascii_uppercase(),
                },
                format!(
                    "{} is listed twice; keep it once.",
                    countries::describe(&p.nationalities[i])
                ),
            );
        }
        if let Some(code) = &p.country_of_origin {
            self.country("countryOfOrigin".into(), code);
        }
        if let Some(code) = &p.law_enforcement.country {
            self.country("lawEnforcement.country".into(), code);
        }
    }

    fn languages(&mut self, p: &Profile) {
        for (i, l) in p.languages.iter().enumerate() {
            let field = format!("languages[{i}].language");
            if l.language.trim().is_empty() {
                self.fail(
                    field,
                    FieldProblem::LanguageMissing,
                    "Choose a language, or remove this line.",
                );
            } else if !is_language_code(&l.language) {
                self.fail(
                    field,
                    FieldProblem::NotALanguageCode { value: l.language.clone() },
                    format!(
                        "\u{201c}{}\u{201d} is not an ISO 639-1 language code (such as en, fr, es, ar).",
                        l.language
                    ),
                );
            }
        }
        for (i, l) in p.languages.iter().enumerate() {
            self.at_most_opt(
                &format!("languages[{i}].certificate"),
                l.certificate.as_deref(),
                MAX_NAME_CHARS,
            );
        }
        for i in later_repeats(p.languages.iter().map(|l| l.language.to_ascii_lowercase())) {
            self.fail(
                format!("languages[{i}].language"),
                FieldProblem::LanguageTwice {
                    language: p.languages[i].language.to_ascii_lowercase(),
                },
                format!(
                    "{} is listed twice; keep one entry per language.",
                    describe_language(&p.languages[i].language)
                ),
            );
        }
    }

    /// A period from `from` to `to` (`None`: still going on), both optional for studies.
    fn period(&mut self, path: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let Some(from) = from {
            if from > self.today {
                self.fail(
                    format!("{path}.from"),
                    FieldProblem::PeriodStartsInFuture,
                    "This period starts in the future.",
                );
            }
            if let Some(birth) = self.birth.filter(|b| from < *b) {
                self.fail(
                    format!("{path}.from"),
                    FieldProblem::PeriodStartsBeforeBirth {
                        birth: birth.to_string(),
                    },
                    format!("This period starts before your date of birth ({birth})."),
                );
            }
        }
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            self.fail(
                format!("{path}.to"),
                FieldProblem::PeriodEndsBeforeStart {
                    from: from.to_string(),
                    to: to.to_string(),
                },
                format!("This period ends ({to}) before it starts ({from})."),
            );
        }
    }

    fn residence(&mut self, path: &str, r: &Residence) {
        self.country(format!("{path}.country"), &r.country);
        self.period(path, Some(r.from), r.to);
    }

    fn education(&mut self, path: &str, e: &Education) {
        self.required(
            format!("{path}.field"),
            &e.field,
            RequiredField::StudyField,
            "the field of study or the diploma",
        );
        self.required(
            format!("{path}.institution"),
            &e.institution,
            RequiredField::Institution,
            "the school or university",
        );
        self.at_most(format!("{path}.field"), &e.field, MAX_NAME_CHARS);
        self.at_most(
            format!("{path}.institution"),
            &e.institution,
            MAX_NAME_CHARS,
        );
        self.period(path, e.from, e.to);
        if e.status == StudyStatus::Completed
            && let Some(to) = e.to.filter(|to| *to > self.today)
        {
            self.fail(
                format!("{path}.to"),
                FieldProblem::CompletedStudiesEndInFuture { to: to.to_string() },
                format!(
                    "Studies marked completed cannot end in the future ({to}); mark them as enrolled."
                ),
            );
        }
    }

    fn employment(&mut self, path: &str, e: &Employment) {
        self.required(
            format!("{path}.employer"),
            &e.employer,
            RequiredField::Employer,
            "the employer",
        );
        self.required(
            format!("{path}.title"),
            &e.title,
            RequiredField::JobTitle,
            "the job title",
        );
        self.at_most(format!("{path}.employer"), &e.employer, MAX_NAME_CHARS);
        self.at_most(format!("{path}.title"), &e.title, MAX_NAME_CHARS);
        if let Some(duties) = &e.duties {
            self.at_most(format!("{path}.duties"), duties, MAX_DUTIES_CHARS);
        }
        self.period(path, Some(e.from), e.to);
    }

    fn reference(&mut self, path: &str, r: &Reference) {
        self.required(
            format!("{path}.name"),
            &r.name,
            RequiredField::ReferenceName,
            "the name of this reference",
        );
        self.required(
            format!("{path}.contact"),
            &r.contact,
            RequiredField::ReferenceContact,
            "how to contact this reference (e-mail or telephone)",
        );
        self.at_most(format!("{path}.name"), &r.name, MAX_NAME_CHARS);
        self.at_most(format!("{path}.contact"), &r.contact, MAX_CONTACT_CHARS);
        self.at_most(format!("{path}.relation"), &r.relation, MAX_NAME_CHARS);
    }

    /// The same entry twice (ids aside) is a slip: it would count twice in the documents to
    /// gather. Lists are short, so comparing each pair is cheap.
    fn repeated_entries<T>(&mut self, list: &str, items: &[T], same: impl Fn(&T, &T) -> bool) {
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = items[..i].iter().position(|earlier| same(earlier, item)) {
                self.fail(
                    format!("{list}[{i}]"),
                    FieldProblem::RepeatedEntry {
                        first: (first + 1) as u32,
                    },
                    format!(
                        "This entry repeats entry {} of the list; remove one of them.",
                        first + 1
                    ),
                );
            }
        }
    }

    /// New entries all carry id 0 until the store numbers them; any other id names one entry.
    fn repeated_ids(&mut self, list: &str, ids: impl Iterator<Item = u32>) {
        let ids: Vec<u32> = ids.collect();
        let mut seen = std::collections::HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if id != 0 && !seen.insert(id) {
                self.fail(
                    format!("{list}[{i}].id"),
                    FieldProblem::RepeatedId,
                    "Two entries carry the same number; reload the profile and try again.",
                );
            }
        }
    }
}

/// Indexes of the items equal to an earlier one.
fn later_repeats<K: Eq + Hash>(items: impl Iterator<Item = K>) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    items
        .enumerate()
        .filter_map(|(i, k)| (!seen.insert(k)).then_some(i))
        .collect()
}

/// A light check that catches slips (a missing `@`, a space, no domain) without refusing real
/// addresses: the only true test of an address is a message that arrives.
fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.contains('@')
        && s.len() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

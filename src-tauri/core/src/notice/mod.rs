//! Reads the text of a published vacancy notice (Talentlink, Recruitment Hub, or a copy on a job
//! aggregator) into a draft the candidate checks before saving. It never invents a field: what it
//! cannot read with confidence stays `None`.
//!
//! The layouts it reads are those of docs/domain.md#vacancy-notices. The work is
//! split in steps: `html` turns a saved page into visible text, `text` evens out characters,
//! `labels` finds the `Label: value` pairs however they are laid out, `values` and `dates`
//! read each value, and `requirements` reads languages, education and experience from the
//! free text. `capture` wraps it all for a paste or a saved file, refusing what is no notice.

mod capture;
mod dates;
mod html;
mod labels;
mod requirements;
mod text;
mod values;

pub use capture::{NoticeCapture, capture_notice, capture_notice_file};
pub use html::notice_text_from_html;

use crate::profile::EducationLevel;
use crate::vacancy::{ContractKind, Deadline, LanguageRequirement, Platform, SecurityScreening};
use chrono::NaiveDate;
use labels::{Field, Key};
use serde::Serialize;

pub use crate::vacancy::MAX_NOTICE_BYTES;

#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDraft {
    pub platform: Option<Platform>,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub duty_station: Option<String>,
    pub duty_zone: Option<String>,
    pub contract_kind: Option<ContractKind>,
    pub is_roster: Option<bool>,
    pub grade: Option<String>,
    pub posts: Option<u32>,
    pub security_screening: Option<SecurityScreening>,
    pub duration_months: Option<u32>,
    pub duration_text: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub deadline: Option<Deadline>,
    /// The deadline as written when it was there but could not be read, so the UI can flag it
    /// for the candidate to enter by hand.
    pub deadline_unreadable: Option<String>,
    pub languages: Option<Vec<LanguageRequirement>>,
    pub min_education: Option<EducationLevel>,
    pub min_experience_years: Option<u32>,
    pub notice_url: Option<String>,
}

impl NoticeDraft {
    /// True when nothing at all was recognised: the paste was not a notice.
    pub fn is_empty(&self) -> bool {
        *self == NoticeDraft::default()
    }
}

/// Reads what it can from `text` (plain text, or a saved HTML page). Never panics, whatever the
/// input; text beyond `MAX_NOTICE_BYTES` is ignored.
///
/// Choices worth knowing:
/// - A title starting with `SECONDMENT` is kept without that prefix; `contract_kind` says
///   `Secondment` instead.
/// - References are kept in the platform's form: `1503`, `Internship 1468`, `INT04606`.
/// - `is_roster` is `Some(true)` only when the notice says so; never `Some(false)`.
/// - `deadline` is set only when both the date and its zone are known (the zone the text
///   names, or the duty station's); a deadline that is there but cannot be read that way is
///   returned as written in `deadline_unreadable`.
/// - `languages` holds only languages stated as required; it is `None` when none is found.
pub fn parse_notice(text: &str) -> NoticeDraft {
    let (text, canonical) = visible_text(text);
    let fields = labels::fields(&text);

    let (title, titled_secondment) = read_title(&fields, &text);
    let reference = read_reference(&fields, &text);
    let platform = read_platform(&fields, &text, reference.as_deref());
    let contract = read_contract(&fields, titled_secondment);
    let (grade, grade_roster) = read_grade(&fields);
    let (posts, posts_roster) = read_posts(&fields);
    let is_roster = (contract.roster
        || grade_roster
        || posts_roster
        || title.as_deref().is_some_and(values::mentions_roster)
        || announces_roster(&text))
    .then_some(true);
    let (duration_months, duration_text) =
        read_duration(&fields).unwrap_or((contract.duration_months, contract.duration_text));
    let duty_station = read_station(&fields);
    let duty_zone = duty_station
        .as_deref()
        .and_then(crate::stations::zone_for)
        .map(str::to_string);
    let (deadline, deadline_unreadable) = read_deadline(&fields, duty_zone.as_deref());
    let required = requirements::read(&text);

    tidy(NoticeDraft {
        platform,
        reference,
        title,
        duty_station,
        duty_zone,
        contract_kind: contract.kind,
        is_roster,
        grade,
        posts,
        security_screening: read_security(&fields, &text),
        duration_months,
        duration_text,
        published_on: with_key(&fields, Key::Published).find_map(|f| dates::parse_date(&f.value)),
        deadline,
        deadline_unreadable,
        languages: required.languages,
        min_education: required.min_education,
        min_experience_years: required.min_experience_years,
        notice_url: canonical
            .filter(|url| values::is_notice_address(url))
            .or_else(|| values::notice_url(&text)),
    })
}

/// The text to read, normalised (a saved page first turned into what a reader sees), and the
/// page's own address when it is a page that states one.
fn visible_text(text: &str) -> (String, Option<String>) {
    let text = text::truncate_to(text, MAX_NOTICE_BYTES);
    if html::looks_like_html(text) {
        let visible = notice_text_from_html(text);
        (text::normalize(&visible), html::canonical_url(text))
    } else {
        (text::normalize(text), None)
    }
}

/// What the contract lines, the title and the header say about the contract.
struct Contract {
    kind: Option<ContractKind>,
    roster: bool,
    duration_months: Option<u32>,
    duration_text: Option<String>,
}

/// The contract kind from `Type of contract` / `Length and type of contract`, a `SECONDMENT`
/// title and an `Internship NNNN` header; evidence that disagrees gives no kind. Talentlink's
/// combined line also gives a duration.
fn read_contract(fields: &[Field], titled_secondment: bool) -> Contract {
    let mut kinds: Vec<ContractKind> = Vec::new();
    let mut contract = Contract {
        kind: None,
        roster: false,
        duration_months: None,
        duration_text: None,
    };
    if titled_secondment {
        kinds.push(ContractKind::Secondment);
    }
    for field in with_key(fields, Key::Contract) {
        kinds.extend(values::contract_kinds(&field.value));
        contract.roster |= values::mentions_roster(&field.value);
    }
    for field in with_key(fields, Key::LengthAndContract) {
        let (months, duration_text, field_kinds) = values::length_and_type(&field.value);
        kinds.extend(field_kinds);
        contract.roster |= values::mentions_roster(&field.value);
        if contract.duration_months.is_none() && contract.duration_text.is_none() {
            contract.duration_months = months;
            contract.duration_text = duration_text;
        }
    }
    if with_key(fields, Key::InternshipHeader).next().is_some() {
        kinds.push(ContractKind::Internship);
    }
    contract.kind = only_one(kinds);
    contract
}

/// "Reserve list exercise" or "roster exercise" written anywhere (docs/domain.md#rosters).
fn announces_roster(text: &str) -> bool {
    let folded = text::fold(text);
    ["reserve list exercise", "roster exercise"]
        .iter()
        .any(|phrase| folded.contains(phrase))
}

/// The first `Duration` value: months when the label gives months (`Duration (in months):`)
/// or the value is exactly months or years, else the text as written.
fn read_duration(fields: &[Field]) -> Option<(Option<u32>, Option<String>)> {
    let field = with_key(fields, Key::Duration).find(|f| text::clean_value(&f.value).is_some())?;
    let gives_months = field.note.as_deref().is_some_and(|note| {
        let note = text::fold(note);
        note.contains("month") || note.contains("mois")
    });
    Some(values::duration(&field.value, gives_months))
}

fn with_key(fields: &[Field], key: Key) -> impl Iterator<Item = &Field> {
    fields.iter().filter(move |f| f.key == key)
}

/// The value when every reading agrees, `None` when there is none or they disagree.
fn only_one<T: PartialEq>(mut found: Vec<T>) -> Option<T> {
    let first = found.pop()?;
    found.iter().all(|other| *other == first).then_some(first)
}

/// The labelled title, or else the first line of a Recruitment Hub notice when the next line
/// is its `Publication Starting Date` (the platform's header: title, then dates).
fn read_title(fields: &[Field], text: &str) -> (Option<String>, bool) {
    if let Some(found) = with_key(fields, Key::Title)
        .map(|f| values::title(&f.value))
        .find(|(title, _)| title.is_some())
    {
        return found;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return (None, false);
    };
    let header_follows = text::fold(second).starts_with("publication starting date");
    if header_follows && !first.contains(':') && labels::fields(first).is_empty() {
        return values::title(first);
    }
    (None, false)
}

/// The reference from its label or the notice's header; a Talentlink `INT` reference written
/// anywhere counts when it is the only one. Readings that disagree give nothing.
fn read_reference(fields: &[Field], text: &str) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for field in fields {
        let reading = match field.key {
            Key::Reference => values::reference(&field.value),
            Key::VacancyNoticeHeader => Some(field.value.clone()),
            Key::InternshipHeader => Some(format!("Internship {}", field.value)),
            _ => None,
        };
        found.extend(reading);
    }
    if found.is_empty() {
        let ints = values::int_references(text);
        if let [only] = ints.as_slice() {
            return Some(only.clone());
        }
        return None;
    }
    // "Internship 1468" and a bare "1468" elsewhere name the same notice.
    let internship = found.iter().find(|r| r.starts_with("Internship ")).cloned();
    if let Some(internship) = &internship {
        let number = internship.trim_start_matches("Internship ");
        found.retain(|r| r != number);
    }
    found.dedup();
    only_one(found)
}

/// The platform, from evidence only: labels and references only one platform writes, or its
/// name or host in the text. Evidence for both gives nothing.
fn read_platform(fields: &[Field], text: &str, reference: Option<&str>) -> Option<Platform> {
    let folded = text::fold(text);
    let mut talentlink = fields
        .iter()
        .any(|f| f.evidence == Some(Platform::Talentlink))
        || reference.is_some_and(|r| r.starts_with("INT"))
        || ["talentlink", "talent-link", "lumesse"]
            .iter()
            .any(|w| folded.contains(w));
    talentlink |= !values::int_references(text).is_empty();
    let recruitment_hub = fields
        .iter()
        .any(|f| f.evidence == Some(Platform::RecruitmentHub))
        || ["successfactors", "sapsf", "recruitment hub", "jobs.sap.com"]
            .iter()
            .any(|w| folded.contains(w));
    match (talentlink, recruitment_hub) {
        (true, false) => Some(Platform::Talentlink),
        (false, true) => Some(Platform::RecruitmentHub),
        _ => None,
    }
}

fn read_grade(fields: &[Field]) -> (Option<String>, bool) {
    let mut roster = false;
    let mut grades = Vec::new();
    for field in with_key(fields, Key::Grade) {
        let (grade, marks_roster) = values::grade(&field.value);
        roster |= marks_roster;
        grades.extend(grade);
    }
    grades.dedup();
    (only_one(grades), roster)
}

fn read_posts(fields: &[Field]) -> (Option<u32>, bool) {
    let mut roster = false;
    let mut counts = Vec::new();
    for field in with_key(fields, Key::Posts) {
        let (count, marks_roster) = values::posts(&field.value);
        roster |= marks_roster;
        counts.extend(count);
    }
    counts.dedup();
    (only_one(counts), roster)
}

/// The screening level from its label; failing that, from "INTERPOL Restricted" or "INTERPOL
/// Confidential" written in the text (docs/domain.md#grades-and-contracts).
fn read_security(fields: &[Field], text: &str) -> Option<SecurityScreening> {
    let labelled: Vec<_> = with_key(fields, Key::Security)
        .filter_map(|f| values::security(&f.value))
        .collect();
    if !labelled.is_empty() {
        return only_one(labelled);
    }
    let folded = text::fold(text);
    match (
        folded.contains("interpol restricted"),
        folded.contains("interpol confidential"),
    ) {
        (true, false) => Some(SecurityScreening::Basic),
        (false, true) => Some(SecurityScreening::Enhanced),
        _ => None,
    }
}

/// `Duty station` first (Talentlink, internships); else `Location` (Recruitment Hub).
fn read_station(fields: &[Field]) -> Option<String> {
    with_key(fields, Key::DutyStation)
        .chain(with_key(fields, Key::Location))
        .find_map(|f| values::station(&f.value))
}

/// The deadline from `Deadline for application(s)`; an aggregator's own date (`Closing Date`,
/// `Deadline`) only when the notice's is absent. Returns the deadline, or the text as written
/// when it is there but cannot be read with a date and a zone.
fn read_deadline(fields: &[Field], duty_zone: Option<&str>) -> (Option<Deadline>, Option<String>) {
    let written = |key| -> Vec<String> {
        with_key(fields, key)
            .filter_map(|f| text::clean_value(&f.value))
            .collect()
    };
    let official = written(Key::OfficialDeadline);
    let candidates = if official.is_empty() {
        written(Key::ExtraDeadline)
    } else {
        official
    };
    let Some(first_written) = candidates.first() else {
        return (None, None);
    };
    let as_written = shorten(first_written);
    let readings: Vec<dates::DeadlineText> = candidates
        .iter()
        .filter_map(|c| dates::read_deadline(c))
        .collect();
    let Some(first) = readings.first() else {
        return (None, Some(as_written));
    };
    // Copies of the same deadline may differ in what they add (one has the time, the other
    // not), never in the date or a time both give.
    let time = readings.iter().find_map(|r| r.time);
    let agree = readings
        .iter()
        .all(|r| r.date == first.date && r.time.is_none_or(|t| Some(t) == time));
    if !agree {
        return (None, Some(as_written));
    }
    let reading = dates::DeadlineText {
        date: first.date,
        time,
        hint: readings
            .iter()
            .map(|r| r.hint.clone())
            .find(|h| *h != dates::ZoneHint::None)
            .unwrap_or(dates::ZoneHint::None),
    };
    match dates::settle_zone(&reading, duty_zone) {
        Some(zone) => (
            Some(Deadline {
                date: reading.date,
                time: reading.time,
                zone,
            }),
            None,
        ),
        None => (None, Some(as_written)),
    }
}

/// A value kept for the candidate to read, cut short if a copy ran it into a paragraph.
fn shorten(value: &str) -> String {
    const MAX_CHARS: usize = 120;
    if value.chars().count() <= MAX_CHARS {
        return value.to_string();
    }
    let cut: String = value.chars().take(MAX_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// Every text field trimmed and non-empty, and the zone only with its station.
fn tidy(mut draft: NoticeDraft) -> NoticeDraft {
    let tidy_text = |value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    draft.reference = tidy_text(draft.reference);
    draft.title = tidy_text(draft.title);
    draft.duty_station = tidy_text(draft.duty_station);
    draft.duty_zone = tidy_text(draft.duty_zone).filter(|_| draft.duty_station.is_some());
    draft.grade = tidy_text(draft.grade);
    draft.duration_text = tidy_text(draft.duration_text);
    draft.deadline_unreadable = tidy_text(draft.deadline_unreadable);
    draft.notice_url = tidy_text(draft.notice_url);
    draft
}

#[cfg(test)]
mod tests;

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
use chrono::{NaiveDate, NaiveTime};
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
    /// `Some(true)` when the notice names no city but "one of INTERPOL's duty stations" (rosters,
    /// posts open in several places): `duty_station` then holds those words as written and there
    /// is no zone. Never `Some(false)`.
    pub duty_station_any: Option<bool>,
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
    /// A deadline whose date (and perhaps time) was read but whose zone is not known: the duty
    /// station is missing, several, "any", or not one Dossier knows. The candidate picks the
    /// zone; Dossier does not guess one.
    pub deadline_without_zone: Option<LocalDeadline>,
    pub languages: Option<Vec<LanguageRequirement>>,
    pub min_education: Option<EducationLevel>,
    pub min_experience_years: Option<u32>,
    pub notice_url: Option<String>,
    /// How each field found was read, so the draft can show which ones to check.
    pub confidence: DraftConfidence,
}

/// A deadline's date and time as the notice writes them, before a zone is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LocalDeadline {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// How a field was read: `High` from its own exact label (or a header the platform always
/// writes), `Check` when inferred (from the body, a near-miss label, an aggregator's date, a
/// zone that must be chosen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Check,
}

/// The confidence of each field the draft holds; `None` where the field is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftConfidence {
    pub platform: Option<Confidence>,
    pub reference: Option<Confidence>,
    pub title: Option<Confidence>,
    pub duty_station: Option<Confidence>,
    pub contract_kind: Option<Confidence>,
    pub grade: Option<Confidence>,
    pub posts: Option<Confidence>,
    pub security_screening: Option<Confidence>,
    pub duration: Option<Confidence>,
    pub published_on: Option<Confidence>,
    pub deadline: Option<Confidence>,
}

/// `High` when every field a reading came from had an exact label.
fn confidence_of<'a>(fields: impl IntoIterator<Item = &'a Field>) -> Confidence {
    if fields.into_iter().all(|f| f.exact) {
        Confidence::High
    } else {
        Confidence::Check
    }
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
    // Folded once: several readers look for words anywhere in the text.
    let folded = text::fold(&text);

    let (title, title_kind, title_confidence) = read_title(&fields, &text);
    let (reference, reference_confidence) = read_reference(&fields, &text);
    let platform = read_platform(&fields, &text, &folded, reference.as_deref());
    let contract = read_contract(&fields, title_kind, &folded);
    let (grade, grade_roster) = read_grade(&fields);
    let (posts, posts_roster) = read_posts(&fields);
    let is_roster = (contract.roster
        || grade_roster
        || posts_roster
        || title.as_deref().is_some_and(values::mentions_roster)
        || announces_roster(&folded))
    .then_some(true);
    let (duration_months, duration_text, duration_confidence) = read_duration(&fields).unwrap_or((
        contract.duration_months,
        contract.duration_text,
        contract.duration_confidence,
    ));
    let station = read_station(&fields);
    let deadline = read_deadline(&fields, station.zone.as_deref());
    let required = requirements::read(&text);
    let (security_screening, security_confidence) = read_security(&fields, &folded);
    let published = with_key(&fields, Key::Published)
        .find_map(|f| dates::parse_date(&f.value).map(|d| (d, confidence_of([f]))));

    let confidence = DraftConfidence {
        platform: platform.map(|_| platform_confidence(&fields, reference.as_deref())),
        reference: reference_confidence,
        title: title_confidence,
        duty_station: station.confidence,
        contract_kind: contract.confidence,
        grade: grade
            .as_ref()
            .map(|_| confidence_of(with_key(&fields, Key::Grade))),
        posts: posts.map(|_| confidence_of(with_key(&fields, Key::Posts))),
        security_screening: security_confidence,
        duration: duration_confidence
            .filter(|_| duration_months.is_some() || duration_text.is_some()),
        published_on: published.map(|(_, c)| c),
        deadline: deadline.confidence,
    };
    tidy(NoticeDraft {
        platform,
        reference,
        title,
        duty_station: station.name,
        duty_station_any: station.any.then_some(true),
        duty_zone: station.zone,
        contract_kind: contract.kind,
        is_roster,
        grade,
        posts,
        security_screening,
        duration_months,
        duration_text,
        published_on: published.map(|(d, _)| d),
        deadline: deadline.zoned,
        deadline_unreadable: deadline.unreadable,
        deadline_without_zone: deadline.without_zone,
        languages: required.languages,
        min_education: required.min_education,
        min_experience_years: required.min_experience_years,
        notice_url: canonical
            .filter(|url| values::is_notice_address(url))
            .or_else(|| values::notice_url(&text)),
        confidence,
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
    confidence: Option<Confidence>,
    roster: bool,
    duration_months: Option<u32>,
    duration_text: Option<String>,
    duration_confidence: Option<Confidence>,
}

/// The contract kind from `Type of contract` / `Length and type of contract`, a `SECONDMENT` or
/// `INTERNSHIP -` title and an `Internship NNNN` header; failing those, from a duration line that
/// names it ("up to 3 years, Fixed-term contracts") or the conditions of secondment every
/// seconded post states (those two flagged to check). Evidence that disagrees gives no kind.
/// Talentlink's combined line also gives a duration.
fn read_contract(fields: &[Field], title_kind: Option<ContractKind>, folded: &str) -> Contract {
    let mut kinds: Vec<(ContractKind, Confidence)> = Vec::new();
    let mut contract = Contract {
        kind: None,
        confidence: None,
        roster: false,
        duration_months: None,
        duration_text: None,
        duration_confidence: None,
    };
    if let Some(kind) = title_kind {
        kinds.push((kind, Confidence::High));
    }
    for field in with_key(fields, Key::Contract) {
        let confidence = confidence_of([field]);
        kinds.extend(
            values::contract_kinds(&field.value)
                .into_iter()
                .map(|k| (k, confidence)),
        );
        contract.roster |= values::mentions_roster(&field.value);
    }
    for field in with_key(fields, Key::LengthAndContract) {
        let (months, duration_text, field_kinds) = values::length_and_type(&field.value);
        let confidence = confidence_of([field]);
        kinds.extend(field_kinds.into_iter().map(|k| (k, confidence)));
        contract.roster |= values::mentions_roster(&field.value);
        if contract.duration_months.is_none() && contract.duration_text.is_none() {
            contract.duration_months = months;
            contract.duration_text = duration_text;
            contract.duration_confidence = Some(confidence);
        }
    }
    if with_key(fields, Key::InternshipHeader).next().is_some() {
        kinds.push((ContractKind::Internship, Confidence::High));
    }
    if kinds.is_empty() {
        for field in with_key(fields, Key::Duration) {
            kinds.extend(
                values::contract_kinds(&field.value)
                    .into_iter()
                    .map(|k| (k, Confidence::Check)),
            );
        }
    }
    if kinds.is_empty() && values::states_secondment_conditions(folded) {
        kinds.push((ContractKind::Secondment, Confidence::Check));
    }
    let confidence = if kinds.iter().all(|(_, c)| *c == Confidence::High) {
        Confidence::High
    } else {
        Confidence::Check
    };
    contract.kind = only_one(kinds.into_iter().map(|(k, _)| k).collect());
    contract.confidence = contract.kind.map(|_| confidence);
    contract
}

/// "Reserve list exercise" or "roster exercise" written anywhere (docs/domain.md#rosters).
fn announces_roster(folded: &str) -> bool {
    ["reserve list exercise", "roster exercise"]
        .iter()
        .any(|phrase| folded.contains(phrase))
}

/// The first `Duration` value: months when the label gives months (`Duration (in months):`)
/// or the value is exactly months or years, else the text as written. A contract kind written
/// in it ("up to 3 years, Fixed-term contracts") is no part of the duration.
#[allow(clippy::type_complexity)]
fn read_duration(fields: &[Field]) -> Option<(Option<u32>, Option<String>, Option<Confidence>)> {
    let field = with_key(fields, Key::Duration).find(|f| text::clean_value(&f.value).is_some())?;
    let gives_months = field.note.as_deref().is_some_and(|note| {
        let note = text::fold(note);
        note.contains("month") || note.contains("mois")
    });
    let (months, written) = if values::contract_kinds(&field.value).is_empty() {
        values::duration(&field.value, gives_months)
    } else {
        let (months, written, _) = values::length_and_type(&field.value);
        (months, written)
    };
    (months.is_some() || written.is_some()).then(|| (months, written, Some(confidence_of([field]))))
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
/// is its `Publication Starting Date` (the platform's header: title, then dates). A label only
/// the platforms write (`Job Title`, `Title of the post`) wins over a site's plain `Title`. The
/// kind is the contract a prefix announces (`SECONDMENT -`, `INTERNSHIP –`).
fn read_title(
    fields: &[Field],
    text: &str,
) -> (Option<String>, Option<ContractKind>, Option<Confidence>) {
    let platform_labels = with_key(fields, Key::Title).filter(|f| f.evidence.is_some());
    let other_labels = with_key(fields, Key::Title).filter(|f| f.evidence.is_none());
    if let Some((title, kind, confidence)) = platform_labels
        .chain(other_labels)
        .map(|f| {
            let (title, kind) = values::title(&f.value);
            (title, kind, Some(confidence_of([f])))
        })
        .find(|(title, _, _)| title.is_some())
    {
        return (title, kind, confidence);
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return (None, None, None);
    };
    let header_follows = text::fold(second).starts_with("publication starting date");
    if header_follows && !first.contains(':') && labels::fields(first).is_empty() {
        let (title, kind) = values::title(first);
        let confidence = title.as_ref().map(|_| Confidence::High);
        return (title, kind, confidence);
    }
    (None, None, None)
}

/// The reference from its label or the notice's header; a Talentlink `INT` reference written
/// anywhere counts when it is the only one. Readings that disagree give nothing.
fn read_reference(fields: &[Field], text: &str) -> (Option<String>, Option<Confidence>) {
    let mut found: Vec<String> = Vec::new();
    let mut confidence = Confidence::High;
    for field in fields {
        let reading = match field.key {
            Key::Reference => values::reference(&field.value),
            Key::VacancyNoticeHeader => Some(field.value.clone()),
            Key::InternshipHeader => Some(format!("Internship {}", field.value)),
            _ => None,
        };
        if reading.is_some() && !field.exact {
            confidence = Confidence::Check;
        }
        found.extend(reading);
    }
    if found.is_empty() {
        let ints = values::int_references(text);
        if let [only] = ints.as_slice() {
            return (Some(only.clone()), Some(Confidence::Check));
        }
        return (None, None);
    }
    // "Internship 1468" and a bare "1468" elsewhere name the same notice.
    let internship = found.iter().find(|r| r.starts_with("Internship ")).cloned();
    if let Some(internship) = &internship {
        let number = internship.trim_start_matches("Internship ");
        found.retain(|r| r != number);
    }
    found.dedup();
    let reference = only_one(found);
    let confidence = reference.as_ref().map(|_| confidence);
    (reference, confidence)
}

/// `High` when a label only one platform writes was read exactly, or the reference is in a
/// platform's own form; `Check` when only a name or host in the text says which.
fn platform_confidence(fields: &[Field], reference: Option<&str>) -> Confidence {
    let labelled = fields.iter().any(|f| f.evidence.is_some() && f.exact);
    if labelled || reference.is_some_and(|r| r.starts_with("INT")) {
        Confidence::High
    } else {
        Confidence::Check
    }
}

/// The platform, from evidence only: labels and references only one platform writes, or its
/// name or host in the text. Evidence for both gives nothing.
fn read_platform(
    fields: &[Field],
    text: &str,
    folded: &str,
    reference: Option<&str>,
) -> Option<Platform> {
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
fn read_security(
    fields: &[Field],
    folded: &str,
) -> (Option<SecurityScreening>, Option<Confidence>) {
    let labelled: Vec<_> = with_key(fields, Key::Security)
        .filter_map(|f| values::security(&f.value).map(|s| (s, f.exact)))
        .collect();
    if !labelled.is_empty() {
        let all_exact = labelled.iter().all(|(_, exact)| *exact);
        let level = only_one(labelled.into_iter().map(|(s, _)| s).collect());
        let confidence = if all_exact {
            Confidence::High
        } else {
            Confidence::Check
        };
        return (level, level.map(|_| confidence));
    }
    let level = match (
        folded.contains("interpol restricted"),
        folded.contains("interpol confidential"),
    ) {
        (true, false) => Some(SecurityScreening::Basic),
        (false, true) => Some(SecurityScreening::Enhanced),
        _ => None,
    };
    (level, level.map(|_| Confidence::Check))
}

/// The duty station as read, and what it says of the zone.
struct Station {
    name: Option<String>,
    /// The notice names "one of INTERPOL's duty stations" rather than a city.
    any: bool,
    /// Only when the station is one known place: several places, "any" or an unknown city
    /// leave the zone to the candidate.
    zone: Option<String>,
    confidence: Option<Confidence>,
}

/// `Duty station` first (Talentlink, internships, and the notice's own line when a site adds
/// its `Location` header); else `Location` (Recruitment Hub).
fn read_station(fields: &[Field]) -> Station {
    let labelled = with_key(fields, Key::DutyStation).chain(with_key(fields, Key::Location));
    for field in labelled {
        let confidence = Some(confidence_of([field]));
        if let Some(phrase) = values::any_station(&field.value) {
            return Station {
                name: Some(phrase),
                any: true,
                zone: None,
                confidence,
            };
        }
        if let Some(name) = values::station(&field.value) {
            let zone = crate::stations::single_zone(&name).map(str::to_string);
            let several = crate::stations::places_named(&name) > 1;
            return Station {
                zone,
                name: Some(name),
                any: false,
                confidence: if several {
                    Some(Confidence::Check)
                } else {
                    confidence
                },
            };
        }
    }
    Station {
        name: None,
        any: false,
        zone: None,
        confidence: None,
    }
}

/// What the deadline lines give: a deadline with its zone, a date whose zone is to be chosen,
/// or the words as written when no date could be read from them.
#[derive(Default)]
struct DeadlineReading {
    zoned: Option<Deadline>,
    without_zone: Option<LocalDeadline>,
    unreadable: Option<String>,
    confidence: Option<Confidence>,
}

/// The deadline from `Deadline for application(s)`; an aggregator's own date (`Closing Date`,
/// `Deadline`) only when the notice's is absent, and then flagged to check. A date whose zone is
/// not known (no station, several, "any", a city Dossier does not know) is kept without one.
fn read_deadline(fields: &[Field], duty_zone: Option<&str>) -> DeadlineReading {
    let written = |key| -> Vec<(String, bool)> {
        with_key(fields, key)
            .filter_map(|f| text::clean_value(&f.value).map(|v| (v, f.exact)))
            .collect()
    };
    let official = written(Key::OfficialDeadline);
    let (candidates, from_notice) = if official.is_empty() {
        (written(Key::ExtraDeadline), false)
    } else {
        (official, true)
    };
    let Some((first_written, _)) = candidates.first() else {
        return DeadlineReading::default();
    };
    let unreadable = DeadlineReading {
        unreadable: Some(shorten(first_written)),
        ..DeadlineReading::default()
    };
    let all_exact = candidates.iter().all(|(_, exact)| *exact);
    let readings: Vec<dates::DeadlineText> = candidates
        .iter()
        .filter_map(|(c, _)| dates::read_deadline(c))
        .collect();
    let Some(first) = readings.first() else {
        return unreadable;
    };
    // Copies of the same deadline may differ in what they add (one has the time, the other
    // not), never in the date or a time both give.
    let time = readings.iter().find_map(|r| r.time);
    let agree = readings
        .iter()
        .all(|r| r.date == first.date && r.time.is_none_or(|t| Some(t) == time));
    if !agree {
        return unreadable;
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
    let sure = from_notice && all_exact;
    match dates::settle_zone(&reading, duty_zone) {
        Some(zone) => DeadlineReading {
            zoned: Some(Deadline {
                date: reading.date,
                time: reading.time,
                zone,
            }),
            confidence: Some(if sure {
                Confidence::High
            } else {
                Confidence::Check
            }),
            ..DeadlineReading::default()
        },
        None => DeadlineReading {
            without_zone: Some(LocalDeadline {
                date: reading.date,
                time: reading.time,
            }),
            confidence: Some(Confidence::Check),
            ..DeadlineReading::default()
        },
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
    draft.duty_station_any = draft
        .duty_station_any
        .filter(|_| draft.duty_station.is_some());
    draft.grade = tidy_text(draft.grade);
    draft.duration_text = tidy_text(draft.duration_text);
    draft.deadline_unreadable = tidy_text(draft.deadline_unreadable);
    draft.notice_url = tidy_text(draft.notice_url);
    if draft.duty_station.is_none() {
        draft.confidence.duty_station = None;
    }
    if draft.title.is_none() {
        draft.confidence.title = None;
    }
    if draft.reference.is_none() {
        draft.confidence.reference = None;
    }
    if draft.grade.is_none() {
        draft.confidence.grade = None;
    }
    if draft.duration_months.is_none() && draft.duration_text.is_none() {
        draft.confidence.duration = None;
    }
    draft
}

#[cfg(test)]
mod tests;

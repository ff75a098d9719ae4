//! The checklist of a selected candidate's documents (docs/domain.md#documents), in the order
//! INTERPOL lists them: the CV (and a cover letter for an internship), every diploma, a proof
//! of employment for every position, a criminal record certificate per country, two
//! professional references, then whatever else the notice asks.
//!
//! Only current versions count: an older version replaced by a newer one is history. The day
//! comes from the caller (the injected clock), so staleness is tested at any date.
//!
//! Every label and detail is worded here through the `words` catalogue in the candidate's
//! language, the one source the window and the pack's manifest both show; no sentence is
//! built in this module (`tests/no_english_prose.rs` holds it to that).

use super::{Checklist, ChecklistDocument, ChecklistItem, FixLink, ItemState, Requirement};
use crate::Result;
use crate::applications::get_application;
use crate::profile::{Education, EducationLevel, Employment, Profile, StudyStatus, load_profile};
use crate::store::Store;
use crate::vacancy::{ContractKind, Vacancy, get_vacancy};
use crate::vault::{
    self, CrcState, Document, DocumentKind, DocumentQuery, ProvenEntry, crc_required_countries,
    crc_status,
};
use crate::words::{self, Arg, Bidi, Msg, Wording};
use chrono::NaiveDate;

/// Reads what the checklist needs from the store and works it out for `on`, worded as
/// `wording` says.
pub fn checklist_for_application(
    store: &Store,
    application_id: u32,
    on: NaiveDate,
    wording: Wording,
) -> Result<Checklist> {
    let detail = get_application(store, application_id)?;
    let vacancy = get_vacancy(store, detail.application.vacancy_id)?;
    let profile = load_profile(store)?;
    let documents = vault::list_documents(store, &DocumentQuery::default())?;
    Ok(build_checklist(
        application_id,
        &vacancy,
        profile.as_ref(),
        &documents,
        on,
        wording,
    ))
}

/// The checklist for one application. `documents` are the vault's current documents (older
/// versions are skipped if given); `profile` is `None` before the candidate saved one.
pub fn build_checklist(
    application_id: u32,
    vacancy: &Vacancy,
    profile: Option<&Profile>,
    documents: &[Document],
    on: NaiveDate,
    wording: Wording,
) -> Checklist {
    let w = Words(wording);
    let current: Vec<&Document> = documents.iter().filter(|d| d.is_current()).collect();
    let empty = Profile::default();
    let profile_or_empty = profile.unwrap_or(&empty);
    let mut lines: Vec<Line> = Vec::new();

    lines.push(of_kind(
        w,
        Requirement::Cv,
        w.label("cv"),
        DocumentKind::Cv,
        &current,
        on,
    ));
    let internship = vacancy.input.contract_kind == Some(ContractKind::Internship);
    if internship {
        let mut line = of_kind(
            w,
            Requirement::CoverLetter,
            w.label("cover_letter"),
            DocumentKind::CoverLetter,
            &current,
            on,
        );
        if line.state == ItemState::Missing {
            line.detail = w.before(Msg::ChecklistInternship, &[], &line.detail);
        }
        lines.push(line);
    }

    if profile.is_none() {
        lines.push(Line {
            requirement: Requirement::Profile,
            label: w.label("profile"),
            state: ItemState::Missing,
            document: None,
            detail: w.say(Msg::ChecklistNoProfile, &[]),
            fix: Some(FixLink::Profile {
                fact: "education".into(),
            }),
        });
    }
    for education in profile_or_empty
        .education
        .iter()
        .filter(|e| e.status == StudyStatus::Completed)
    {
        lines.push(diploma(w, education, &current, on));
    }
    for employment in &profile_or_empty.employment {
        lines.push(proof_of_employment(w, employment, &current, on));
    }

    lines.extend(criminal_records(w, profile_or_empty, documents, on));
    lines.push(references(w, profile_or_empty, &current));

    let asked = notice_asks(vacancy.input.notice_text.as_deref().unwrap_or(""));
    for kind in asked {
        if kind == DocumentKind::CoverLetter && internship {
            continue;
        }
        let mut line = of_kind(
            w,
            Requirement::NoticeAsks { document: kind },
            capitalised(&w.kind(kind)),
            kind,
            &current,
            on,
        );
        line.detail = w.before(
            Msg::ChecklistNoticeAsks,
            &[("kind", Arg::from(&w.kind(kind)))],
            &line.detail,
        );
        lines.push(line);
    }

    let items: Vec<ChecklistItem> = lines
        .into_iter()
        .zip(1u32..)
        .map(|(line, position)| ChecklistItem {
            position,
            requirement: line.requirement,
            label: line.label,
            state: line.state,
            document: line.document,
            detail: line.detail,
            fix: line.fix,
        })
        .collect();
    let count = |s: ItemState| items.iter().filter(|i| i.state == s).count() as u32;
    let (satisfied, missing, stale) = (
        count(ItemState::Satisfied),
        count(ItemState::Missing),
        count(ItemState::Stale),
    );
    let complete = missing == 0 && stale == 0;
    let summary = if complete {
        w.say(Msg::ChecklistReady, &[("count", Arg::from(satisfied))])
    } else {
        let mut problems = Vec::new();
        if missing > 0 {
            problems.push(w.say(Msg::ChecklistMissing, &[("count", Arg::from(missing))]));
        }
        if stale > 0 {
            problems.push(w.say(Msg::ChecklistStale, &[("count", Arg::from(stale))]));
        }
        let problems = words::list(wording.language, Bidi::Reading, &problems);
        w.say(
            Msg::ChecklistNotReady,
            &[
                ("satisfied", Arg::from(satisfied)),
                ("total", Arg::from(items.len())),
                ("problems", Arg::from(&problems)),
            ],
        )
    };
    Checklist {
        application_id,
        vacancy_title: vacancy.input.title.clone(),
        vacancy_reference: vacancy.input.reference.clone(),
        candidate_name: profile_or_empty.display_name(),
        on,
        items,
        satisfied,
        missing,
        stale,
        complete,
        summary,
    }
}

/// Further documents a notice asks for, from its wording. Notices phrase these freely, so this
/// looks for the few names INTERPOL's notices use and errs towards asking: a needless line is
/// a minute's work, a missing paper delays the hiring.
pub fn notice_asks(notice_text: &str) -> Vec<DocumentKind> {
    let text = notice_text.to_lowercase();
    let mentions = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let mut asked = Vec::new();
    if mentions(&[
        "cover letter",
        "motivation letter",
        "letter of motivation",
        "motivational letter",
    ]) {
        asked.push(DocumentKind::CoverLetter);
    }
    if mentions(&[
        "copy of your passport",
        "copy of passport",
        "passport copy",
        "identity card",
        "identity document",
    ]) {
        asked.push(DocumentKind::Identity);
    }
    if mentions(&[
        "language certificate",
        "certificate of language",
        "language test",
        "toefl",
        "ielts",
        "delf",
        "dalf",
    ]) {
        asked.push(DocumentKind::LanguageCertificate);
    }
    asked
}

/// A line before it is numbered.
struct Line {
    requirement: Requirement,
    label: String,
    state: ItemState,
    document: Option<ChecklistDocument>,
    detail: String,
    fix: Option<FixLink>,
}

/// The checklist's words in the candidate's language, from the catalogue.
#[derive(Clone, Copy)]
struct Words(Wording);

impl Words {
    fn say(self, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
        words::reading(self.0.language, msg, args)
    }

    /// A fixed line's label, by its `checklist-label` code.
    fn label(self, line: &str) -> String {
        self.say(Msg::ChecklistLabel, &[("line", Arg::Text(line))])
    }

    /// "diploma, degree or certificate": a document kind inside a sentence.
    fn kind(self, kind: DocumentKind) -> String {
        self.say(Msg::DocumentKind, &[("kind", Arg::Text(kind.as_str()))])
    }

    /// `msg`, then what the line already said.
    fn before(self, msg: Msg, args: &[(&str, Arg<'_>)], detail: &str) -> String {
        words::sentences(self.0.language, Bidi::Reading, &self.say(msg, args), detail)
    }

    fn quoted(self, title: &str) -> String {
        self.say(Msg::Quoted, &[("name", Arg::Text(title))])
    }

    /// "Master's degree in Law, Sorbonne": `first`, then `second` when there is one.
    fn pair(self, first: &str, second: &str) -> String {
        let items: Vec<String> = [first, second]
            .into_iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        words::list(self.0.language, Bidi::Reading, &items)
    }
}

fn summary_of(d: &Document) -> ChecklistDocument {
    ChecklistDocument {
        id: d.id,
        title: d.title.clone(),
        media_type: d.media_type,
        issued_on: d.issued_on,
    }
}

/// A line met by the newest current document of `kind`, unless it has expired.
fn of_kind(
    w: Words,
    requirement: Requirement,
    label: String,
    kind: DocumentKind,
    current: &[&Document],
    on: NaiveDate,
) -> Line {
    // Newest first: the vault lists by id, highest first, but a caller may not.
    let found = current
        .iter()
        .filter(|d| d.kind == kind)
        .max_by_key(|d| d.id);
    match found {
        Some(d) => judged(w, requirement, label, d, on),
        None => Line {
            requirement,
            label,
            state: ItemState::Missing,
            document: None,
            detail: w.say(
                Msg::ChecklistNoDocument,
                &[("kind", Arg::from(&w.kind(kind)))],
            ),
            fix: Some(FixLink::Import { document: kind }),
        },
    }
}

/// A line met by `d`, or stale when `d` has expired by `on`.
fn judged(w: Words, requirement: Requirement, label: String, d: &Document, on: NaiveDate) -> Line {
    let title = w.quoted(&d.title);
    match d.expires_on {
        Some(expires) if expires < on => Line {
            requirement,
            label,
            state: ItemState::Stale,
            document: Some(summary_of(d)),
            detail: w.say(
                Msg::ChecklistExpired,
                &[
                    ("title", Arg::from(&title)),
                    ("day", Arg::from(&w.0.short_date(expires))),
                ],
            ),
            fix: Some(FixLink::Document { id: d.id }),
        },
        _ => Line {
            requirement,
            label,
            state: ItemState::Satisfied,
            document: Some(summary_of(d)),
            detail: w.say(Msg::ChecklistPresent, &[("title", Arg::from(&title))]),
            fix: None,
        },
    }
}

/// A line met by the newest current document that says it proves `entry`.
fn proving(
    w: Words,
    requirement: Requirement,
    label: String,
    entry: ProvenEntry,
    wanted: DocumentKind,
    current: &[&Document],
    on: NaiveDate,
) -> Line {
    let found = current
        .iter()
        .filter(|d| d.proves == Some(entry) && d.kind.can_prove(entry))
        .max_by_key(|d| d.id);
    match found {
        Some(d) => judged(w, requirement, label, d, on),
        None => Line {
            requirement,
            label,
            state: ItemState::Missing,
            document: None,
            detail: w.say(
                Msg::ChecklistNotProven,
                &[("kind", Arg::from(&w.kind(wanted)))],
            ),
            fix: Some(FixLink::Import { document: wanted }),
        },
    }
}

fn diploma(w: Words, e: &Education, current: &[&Document], on: NaiveDate) -> Line {
    let field = e.field.trim();
    // A field written as the degree itself ("Master in Law") is said as written, not as
    // "Master's degree in Master in Law".
    let level = || {
        w.say(
            Msg::ChecklistLevel,
            &[("level", Arg::Text(level_code(e.level)))],
        )
    };
    let what = if names_a_degree(field) {
        field.to_string()
    } else if field.is_empty() {
        level()
    } else {
        w.say(
            Msg::ChecklistLevelIn,
            &[("level", Arg::from(&level())), ("field", Arg::Text(field))],
        )
    };
    let what = w.pair(&what, &e.institution);
    proving(
        w,
        Requirement::Diploma { education_id: e.id },
        w.say(Msg::ChecklistDiploma, &[("what", Arg::from(&what))]),
        ProvenEntry::Education(e.id),
        DocumentKind::Diploma,
        current,
        on,
    )
}

fn proof_of_employment(w: Words, e: &Employment, current: &[&Document], on: NaiveDate) -> Line {
    let what = w.pair(&e.title, &e.employer);
    let mut line = proving(
        w,
        Requirement::ProofOfEmployment {
            employment_id: e.id,
        },
        w.say(Msg::ChecklistEmployment, &[("what", Arg::from(&what))]),
        ProvenEntry::Employment(e.id),
        DocumentKind::ProofOfEmployment,
        current,
        on,
    );
    if line.state == ItemState::Missing {
        line.detail = w.before(Msg::ChecklistOfficialProof, &[], &line.detail);
    }
    line
}

/// One line per country a certificate is needed from, judged by the vault's certificate rules.
fn criminal_records(
    w: Words,
    profile: &Profile,
    documents: &[Document],
    on: NaiveDate,
) -> Vec<Line> {
    let certificates: Vec<Document> = documents
        .iter()
        .filter(|d| d.is_current() && d.kind == DocumentKind::CriminalRecord)
        .cloned()
        .collect();
    let mut lines = Vec::new();
    let origin = profile
        .country_of_origin
        .as_deref()
        .filter(|c| !c.trim().is_empty());
    if origin.is_none() {
        lines.push(Line {
            requirement: Requirement::CountryOfOrigin,
            label: w.label("origin"),
            state: ItemState::Missing,
            document: None,
            detail: w.say(Msg::ChecklistNoOrigin, &[]),
            fix: Some(FixLink::Profile {
                fact: "countryOfOrigin".into(),
            }),
        });
    }
    let required = crc_required_countries(origin, &profile.residences, on, w.0);
    for status in crc_status(&required, &certificates, on, w.0) {
        let country = status.requirement.country.clone();
        let name = vault::country_name(&country, w.0);
        let requirement = Requirement::CriminalRecord {
            country: country.clone(),
        };
        let label = w.say(Msg::ChecklistCertificate, &[("country", Arg::Text(name))]);
        let detail = words::sentences(
            w.0.language,
            Bidi::Reading,
            &status.requirement.reason,
            &status.reason,
        );
        let certificate = |id: u32| certificates.iter().find(|d| d.id == id).map(summary_of);
        lines.push(match status.state {
            CrcState::Covered { document_id, .. } => Line {
                requirement,
                label,
                state: ItemState::Satisfied,
                document: certificate(document_id),
                detail,
                fix: None,
            },
            CrcState::Stale { document_id, .. } => Line {
                requirement,
                label,
                state: ItemState::Stale,
                document: certificate(document_id),
                detail,
                fix: Some(FixLink::Document { id: document_id }),
            },
            CrcState::Missing => Line {
                requirement,
                label,
                state: ItemState::Missing,
                document: None,
                detail,
                fix: Some(FixLink::Certificates),
            },
        });
    }
    lines
}

fn references(w: Words, profile: &Profile, current: &[&Document]) -> Line {
    let letters: Vec<Document> = current
        .iter()
        .filter(|d| matches!(d.proves, Some(ProvenEntry::Reference(_))))
        .map(|d| (*d).clone())
        .collect();
    let check = vault::check_references(&profile.references, &letters, w.0);
    let passing: Vec<String> = check
        .references
        .iter()
        .filter(|r| r.verdict == vault::ReferenceVerdict::Ok)
        .map(|r| r.name.clone())
        .collect();
    let mut detail = check.summary.clone();
    if !passing.is_empty() {
        let names = words::list(w.0.language, Bidi::Reading, &passing);
        let meeting = w.say(Msg::ChecklistMeetingRules, &[("names", Arg::from(&names))]);
        detail = words::sentences(w.0.language, Bidi::Reading, &detail, &meeting);
    }
    Line {
        requirement: Requirement::References,
        label: w.label("references"),
        state: if check.enough {
            ItemState::Satisfied
        } else {
            ItemState::Missing
        },
        document: None,
        detail,
        fix: (!check.enough).then_some(FixLink::References),
    }
}

/// Whether the candidate wrote the degree's own name as its field: "Master in Law", "LLM",
/// "Bachelor of Science", "Licence en droit", "PhD in Economics".
fn names_a_degree(field: &str) -> bool {
    const DEGREE_WORDS: &[&str] = &[
        "master",
        "bachelor",
        "licence",
        "license",
        "doctor",
        "doctorate",
        "phd",
        "ph.d",
        "mba",
        "llm",
        "ll.m",
        "llb",
        "ll.b",
        "msc",
        "bsc",
        "ma",
        "ba",
        "degree",
        "diploma",
        "diplôme",
        "mastère",
        "maîtrise",
        "doctorat",
        "certificate",
    ];
    field
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\'' || c == '’')
        .any(|word| DEGREE_WORDS.contains(&word.to_lowercase().as_str()))
}

/// The catalogue's `checklist-level` code of a level of studies.
fn level_code(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::Secondary => "secondary",
        EducationLevel::PostSecondary => "post_secondary",
        EducationLevel::Bachelor => "bachelor",
        EducationLevel::Master => "master",
        EducationLevel::Doctorate => "doctorate",
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_that_names_the_degree_is_not_said_twice() {
        assert!(names_a_degree("Master in Law"));
        assert!(names_a_degree("LLM"));
        assert!(names_a_degree("PhD in Economics"));
        assert!(!names_a_degree("Criminology"));
        assert!(!names_a_degree("Law"));
        assert!(!names_a_degree("Cybersecurity and data management"));
    }
}

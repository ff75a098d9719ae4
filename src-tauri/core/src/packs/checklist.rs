//! The checklist of a selected candidate's documents (docs/domain.md#documents), in the order
//! INTERPOL lists them: the CV (and a cover letter for an internship), every diploma, a proof
//! of employment for every position, a criminal record certificate per country, two
//! professional references, then whatever else the notice asks.
//!
//! Only current versions count: an older version replaced by a newer one is history. The day
//! comes from the caller (the injected clock), so staleness is tested at any date.

use super::{Checklist, ChecklistDocument, ChecklistItem, FixLink, ItemState, Requirement};
use crate::Result;
use crate::applications::get_application;
use crate::countries;
use crate::profile::{Education, EducationLevel, Employment, Profile, StudyStatus, load_profile};
use crate::store::Store;
use crate::vacancy::{ContractKind, Vacancy, get_vacancy};
use crate::vault::{
    self, CrcState, Document, DocumentKind, DocumentQuery, ProvenEntry, crc_required_countries,
    crc_status, human_date,
};
use chrono::NaiveDate;

/// Reads what the checklist needs from the store and works it out for `on`.
pub fn checklist_for_application(
    store: &Store,
    application_id: u32,
    on: NaiveDate,
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
) -> Checklist {
    let current: Vec<&Document> = documents.iter().filter(|d| d.is_current()).collect();
    let empty = Profile::default();
    let profile_or_empty = profile.unwrap_or(&empty);
    let mut lines: Vec<Line> = Vec::new();

    lines.push(of_kind(
        Requirement::Cv,
        "CV".into(),
        DocumentKind::Cv,
        &current,
        on,
    ));
    let internship = vacancy.input.contract_kind == Some(ContractKind::Internship);
    if internship {
        let mut line = of_kind(
            Requirement::CoverLetter,
            "Cover letter".into(),
            DocumentKind::CoverLetter,
            &current,
            on,
        );
        if line.state == ItemState::Missing {
            line.detail = format!("Internships ask for a cover letter. {}", line.detail);
        }
        lines.push(line);
    }

    if profile.is_none() {
        lines.push(Line {
            requirement: Requirement::Profile,
            label: "Diplomas, degrees and certificates".into(),
            state: ItemState::Missing,
            document: None,
            detail: "No profile is saved yet, so Dossier cannot tell which diplomas and positions to prove. Fill in your profile.".into(),
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
        lines.push(diploma(education, &current, on));
    }
    for employment in &profile_or_empty.employment {
        lines.push(proof_of_employment(employment, &current, on));
    }

    lines.extend(criminal_records(profile_or_empty, documents, on));
    lines.push(references(profile_or_empty, &current));

    let asked = notice_asks(vacancy.input.notice_text.as_deref().unwrap_or(""));
    for kind in asked {
        if kind == DocumentKind::CoverLetter && internship {
            continue;
        }
        let mut line = of_kind(
            Requirement::NoticeAsks { document: kind },
            capitalised(kind.label()),
            kind,
            &current,
            on,
        );
        line.detail = format!("The notice asks for a {}. {}", kind.label(), line.detail);
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
        format!(
            "Everything INTERPOL asks a selected candidate for is ready: {satisfied} item{}.",
            plural(satisfied)
        )
    } else {
        let mut parts = Vec::new();
        if missing > 0 {
            parts.push(format!("{missing} missing"));
        }
        if stale > 0 {
            parts.push(format!("{stale} out of date"));
        }
        format!(
            "{satisfied} of {} item{} ready; {}.",
            items.len(),
            plural(items.len() as u32),
            parts.join(", ")
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
        Some(d) => judged(requirement, label, d, on),
        None => Line {
            requirement,
            label,
            state: ItemState::Missing,
            document: None,
            detail: format!(
                "No {} is in the vault. Import one in Documents.",
                kind.label()
            ),
            fix: Some(FixLink::Import { document: kind }),
        },
    }
}

/// A line met by `d`, or stale when `d` has expired by `on`.
fn judged(requirement: Requirement, label: String, d: &Document, on: NaiveDate) -> Line {
    match d.expires_on {
        Some(expires) if expires < on => Line {
            requirement,
            label,
            state: ItemState::Stale,
            document: Some(summary_of(d)),
            detail: format!(
                "“{}” expired on {}. Import the renewed document as a new version of it.",
                d.title,
                human_date(expires)
            ),
            fix: Some(FixLink::Document { id: d.id }),
        },
        _ => Line {
            requirement,
            label,
            state: ItemState::Satisfied,
            document: Some(summary_of(d)),
            detail: format!("“{}”.", d.title),
            fix: None,
        },
    }
}

/// A line met by the newest current document that says it proves `entry`.
fn proving(
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
        Some(d) => judged(requirement, label, d, on),
        None => Line {
            requirement,
            label,
            state: ItemState::Missing,
            document: None,
            detail: format!(
                "No document in the vault says it proves this. Import the {} and, in its details, choose this line of your profile under “Proves”.",
                wanted.label()
            ),
            fix: Some(FixLink::Import { document: wanted }),
        },
    }
}

fn diploma(e: &Education, current: &[&Document], on: NaiveDate) -> Line {
    let field = e.field.trim();
    // A field written as the degree itself ("Master in Law") is said as written, not as
    // "Master's degree in Master in Law".
    let mut what = if names_a_degree(field) {
        field.to_string()
    } else if field.is_empty() {
        level_label(e.level).to_string()
    } else {
        format!("{} in {field}", level_label(e.level))
    };
    if !e.institution.trim().is_empty() {
        what.push_str(&format!(", {}", e.institution.trim()));
    }
    proving(
        Requirement::Diploma { education_id: e.id },
        format!("Diploma: {what}"),
        ProvenEntry::Education(e.id),
        DocumentKind::Diploma,
        current,
        on,
    )
}

fn proof_of_employment(e: &Employment, current: &[&Document], on: NaiveDate) -> Line {
    let mut what = e.title.trim().to_string();
    if !e.employer.trim().is_empty() {
        if !what.is_empty() {
            what.push_str(", ");
        }
        what.push_str(e.employer.trim());
    }
    let mut line = proving(
        Requirement::ProofOfEmployment {
            employment_id: e.id,
        },
        format!("Proof of employment: {what}"),
        ProvenEntry::Employment(e.id),
        DocumentKind::ProofOfEmployment,
        current,
        on,
    );
    if line.state == ItemState::Missing {
        line.detail = format!(
            "Only experience backed by official proof (a salary slip, a contract or a recommendation letter) is counted. {}",
            line.detail
        );
    }
    line
}

/// One line per country a certificate is needed from, judged by the vault's certificate rules.
fn criminal_records(profile: &Profile, documents: &[Document], on: NaiveDate) -> Vec<Line> {
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
            label: "Criminal record certificate: country of origin".into(),
            state: ItemState::Missing,
            document: None,
            detail: "A certificate from your country of origin is always needed, and your profile does not say which country that is. Add it to your profile.".into(),
            fix: Some(FixLink::Profile {
                fact: "countryOfOrigin".into(),
            }),
        });
    }
    let required = crc_required_countries(origin, &profile.residences, on);
    for status in crc_status(&required, &certificates, on) {
        let country = status.requirement.country.clone();
        let name = countries::name(&country).unwrap_or(&country).to_string();
        let requirement = Requirement::CriminalRecord {
            country: country.clone(),
        };
        let label = format!("Criminal record certificate: {name}");
        let detail = format!("{} {}", status.requirement.reason, status.reason);
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

fn references(profile: &Profile, current: &[&Document]) -> Line {
    let letters: Vec<Document> = current
        .iter()
        .filter(|d| matches!(d.proves, Some(ProvenEntry::Reference(_))))
        .map(|d| (*d).clone())
        .collect();
    let check = vault::check_references(&profile.references, &letters);
    let passing: Vec<&str> = check
        .references
        .iter()
        .filter(|r| r.verdict == vault::ReferenceVerdict::Ok)
        .map(|r| r.name.as_str())
        .collect();
    let mut detail = check.summary.clone();
    if !passing.is_empty() {
        detail.push_str(&format!(" Meeting the rules: {}.", passing.join(", ")));
    }
    Line {
        requirement: Requirement::References,
        label: "Two professional references".into(),
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

fn level_label(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::Secondary => "Secondary school diploma",
        EducationLevel::PostSecondary => "Post-secondary diploma",
        EducationLevel::Bachelor => "Bachelor's degree",
        EducationLevel::Master => "Master's degree",
        EducationLevel::Doctorate => "Doctorate",
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
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

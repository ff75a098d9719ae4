//! What the vault's sections show, read from the profile and the documents together: the
//! criminal record certificates country by country, the references with their letters, and the
//! profile entries a document can prove.

use super::{
    CrcCountryStatus, CrcState, Document, DocumentKind, DocumentQuery, ReferenceCheck,
    check_references, country_name, crc_required_countries, crc_status, list_documents,
};
use crate::Result;
use crate::profile::{Education, Employment, Reference, load_profile};
use crate::store::Store;
use crate::words::Wording;
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use std::collections::HashSet;

/// A country a criminal record certificate is needed from, with its name and the certificate
/// looked at.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CrcCountry {
    pub country_name: String,
    pub status: CrcCountryStatus,
    pub certificate_title: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CrcReport {
    pub profile_saved: bool,
    pub origin_recorded: bool,
    pub today: NaiveDate,
    pub countries: Vec<CrcCountry>,
    /// Certificates that cannot count yet: no issuing country or no issue date.
    pub incomplete: Vec<Document>,
}

/// Country by country, the criminal record certificates the profile calls for on `today`, the
/// reasons worded as `wording` says.
pub fn crc_report(store: &Store, today: NaiveDate, wording: Wording) -> Result<CrcReport> {
    let profile = load_profile(store)?;
    let documents = list_documents(
        store,
        &DocumentQuery {
            kind: Some(DocumentKind::CriminalRecord),
            include_superseded: false,
            ..Default::default()
        },
    )?;
    let (origin, residences) = profile
        .as_ref()
        .map(|p| (p.country_of_origin.as_deref(), p.residences.as_slice()))
        .unwrap_or((None, &[]));
    let required = crc_required_countries(origin, residences, today, wording);
    let countries = crc_status(&required, &documents, today, wording)
        .into_iter()
        .map(|status| {
            let certificate = match &status.state {
                CrcState::Covered { document_id, .. } | CrcState::Stale { document_id, .. } => {
                    documents.iter().find(|d| d.id == *document_id)
                }
                CrcState::Missing => None,
            };
            CrcCountry {
                country_name: country_name(&status.requirement.country, wording).to_string(),
                certificate_title: certificate.map(|d| d.title.clone()),
                status,
            }
        })
        .collect();
    Ok(CrcReport {
        profile_saved: profile.is_some(),
        origin_recorded: origin.is_some(),
        today,
        countries,
        incomplete: documents
            .iter()
            .filter(|d| d.issued_on.is_none() || d.issuing_country.is_none())
            .cloned()
            .collect(),
    })
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceReport {
    pub profile_saved: bool,
    pub check: ReferenceCheck,
    /// The documents each reference's `letters` names.
    pub letters: Vec<Document>,
}

/// The professional references from the profile, checked against INTERPOL's rules, with the
/// letters that prove them (and those proving a reference no longer in the profile), worded as
/// `wording` says.
pub fn references_report(store: &Store, wording: Wording) -> Result<ReferenceReport> {
    let profile = load_profile(store)?;
    let documents = list_documents(store, &DocumentQuery::default())?;
    let references = profile
        .as_ref()
        .map_or(&[][..], |p| p.references.as_slice());
    let check = check_references(references, &documents, wording);
    let named: HashSet<u32> = check
        .references
        .iter()
        .flat_map(|r| r.letters.iter().copied())
        .chain(check.unmatched_letters.iter().copied())
        .collect();
    Ok(ReferenceReport {
        profile_saved: profile.is_some(),
        letters: documents
            .into_iter()
            .filter(|d| named.contains(&d.id))
            .collect(),
        check,
    })
}

/// The profile entries a document can prove, for the document form.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentChoices {
    pub education: Vec<Education>,
    pub employment: Vec<Employment>,
    pub references: Vec<Reference>,
}

/// The saved profile's education, employment and references; empty before the first save.
pub fn document_choices(store: &Store) -> Result<DocumentChoices> {
    let profile = load_profile(store)?.unwrap_or_default();
    Ok(DocumentChoices {
        education: profile.education,
        employment: profile.employment,
        references: profile.references,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display_language::DisplayLanguage;
    use crate::profile::{Profile, save_profile};
    use crate::vault::{DocumentMetadata, ImportOptions, ProvenEntry, Vault, update_metadata};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-11-22T09:00:00Z".parse().unwrap()
    }

    fn today() -> NaiveDate {
        "2026-11-22".parse().unwrap()
    }

    struct Fixture {
        _dir: tempfile::TempDir,
        store: Store,
        vault: Vault,
        files: u32,
    }

    impl Fixture {
        fn new() -> Self {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(&dir.path().join("dossier.db")).unwrap();
            let vault = Vault::open(dir.path()).unwrap();
            Fixture {
                _dir: dir,
                store,
                vault,
                files: 0,
            }
        }

        fn add(&mut self, details: DocumentMetadata) -> Document {
            self.files += 1;
            let path = self._dir.path().join(format!("scan{}.pdf", self.files));
            std::fs::write(&path, format!("%PDF-1.4 scan {}", self.files)).unwrap();
            let options = ImportOptions {
                kind: details.kind,
                supersedes: None,
            };
            let id = self
                .vault
                .import_file(&mut self.store, &path, &options, now())
                .unwrap()
                .document
                .id;
            update_metadata(&mut self.store, id, &details, today()).unwrap()
        }
    }

    fn details(title: &str, kind: DocumentKind) -> DocumentMetadata {
        DocumentMetadata {
            title: title.into(),
            kind,
            issued_on: None,
            expires_on: None,
            issuing_country: None,
            proves: None,
            notes: String::new(),
            supersedes: None,
        }
    }

    fn profile() -> Profile {
        Profile {
            full_name: "Amina Diallo".into(),
            email: "amina@example.org".into(),
            country_of_origin: Some("FR".into()),
            references: vec![Reference {
                id: 0,
                name: "Jo Martin".into(),
                contact: "jo@example.org".into(),
                relation: "Former head of unit".into(),
                worked_directly: Some(true),
                hierarchical: Some(true),
                family_member: Some(false),
                interpol_staff: Some(false),
            }],
            ..Profile::default()
        }
    }

    #[test]
    fn before_a_profile_no_country_is_asked_for() {
        let f = Fixture::new();
        let report = crc_report(&f.store, today(), Wording::from(DisplayLanguage::En)).unwrap();
        assert!(!report.profile_saved);
        assert!(!report.origin_recorded);
        assert!(report.countries.is_empty());
        assert_eq!(report.today, today());
    }

    #[test]
    fn each_country_names_its_certificate_and_undated_ones_are_listed_apart() {
        let mut f = Fixture::new();
        save_profile(&mut f.store, profile(), now()).unwrap();
        let mut french = details("Casier judiciaire", DocumentKind::CriminalRecord);
        french.issuing_country = Some("FR".into());
        french.issued_on = Some("2026-11-01".parse().unwrap());
        let french = f.add(french);
        let undated = f.add(details(
            "Unsorted certificate",
            DocumentKind::CriminalRecord,
        ));
        f.add(details("CV", DocumentKind::Cv));

        let report = crc_report(&f.store, today(), Wording::from(DisplayLanguage::En)).unwrap();
        assert!(report.profile_saved && report.origin_recorded);
        assert_eq!(report.countries.len(), 1, "{report:?}");
        let france = &report.countries[0];
        assert_eq!(france.country_name, "France");
        assert_eq!(
            france.certificate_title.as_deref(),
            Some("Casier judiciaire")
        );
        assert!(
            matches!(france.status.state, CrcState::Covered { document_id, .. } if document_id == french.id),
            "{france:?}"
        );
        let incomplete: Vec<u32> = report.incomplete.iter().map(|d| d.id).collect();
        assert_eq!(incomplete, vec![undated.id]);
    }

    #[test]
    fn the_references_report_brings_only_the_letters_it_names() {
        let mut f = Fixture::new();
        let saved = save_profile(&mut f.store, profile(), now()).unwrap();
        let reference_id = saved.references[0].id;
        let mut letter = details("Letter from Jo", DocumentKind::ReferenceLetter);
        letter.proves = Some(ProvenEntry::Reference(reference_id));
        let letter = f.add(letter);
        let mut orphan = details("Letter from someone gone", DocumentKind::ReferenceLetter);
        orphan.proves = Some(ProvenEntry::Reference(reference_id + 50));
        let orphan = f.add(orphan);
        f.add(details("CV", DocumentKind::Cv));

        let report = references_report(&f.store, Wording::from(DisplayLanguage::En)).unwrap();
        assert!(report.profile_saved);
        assert_eq!(report.check.references.len(), 1);
        assert_eq!(report.check.references[0].letters, vec![letter.id]);
        assert_eq!(report.check.unmatched_letters, vec![orphan.id]);
        let mut letters: Vec<u32> = report.letters.iter().map(|d| d.id).collect();
        letters.sort_unstable();
        assert_eq!(letters, vec![letter.id, orphan.id]);
    }

    #[test]
    fn the_choices_are_the_saved_profiles_entries() {
        let mut f = Fixture::new();
        assert!(document_choices(&f.store).unwrap().references.is_empty());
        save_profile(&mut f.store, profile(), now()).unwrap();
        let choices = document_choices(&f.store).unwrap();
        assert_eq!(choices.references.len(), 1);
        assert_eq!(choices.references[0].name, "Jo Martin");
    }
}

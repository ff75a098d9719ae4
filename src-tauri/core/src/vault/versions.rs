//! A document's versions: the chain of documents that replace one another, the detail that
//! shows it, and the new version that takes over an older one's details.

use super::{
    Document, DocumentMetadata, ImportOptions, Imported, Standing, Vault, get_document,
    standing_of, update_metadata,
};
use crate::Result;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;
use std::path::Path;

/// A damaged database could hold a loop of versions; the chain stops this far each way.
const MAX_VERSIONS: usize = 1000;

/// One document with every version of it, newest first.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDetail {
    pub document: Document,
    pub standing: Standing,
    pub versions: Vec<Document>,
}

/// Document `id` with how current it is on `today` and all its versions.
pub fn document_detail(store: &Store, id: u32, today: NaiveDate) -> Result<DocumentDetail> {
    let document = get_document(store, id)?;
    let versions = version_chain(store, &document)?;
    Ok(DocumentDetail {
        standing: standing_of(&document, today),
        document,
        versions,
    })
}

/// Follows the chain both ways from `document`: the newer versions that replace it, then the
/// older ones it replaces, newest first.
pub fn version_chain(store: &Store, document: &Document) -> Result<Vec<Document>> {
    let mut newer = Vec::new();
    let mut cursor = document.superseded_by;
    while let Some(id) = cursor.filter(|_| newer.len() < MAX_VERSIONS) {
        let d = get_document(store, id)?;
        cursor = d.superseded_by;
        newer.push(d);
    }
    newer.reverse();
    newer.push(document.clone());
    let mut cursor = document.supersedes;
    while let Some(id) = cursor.filter(|_| newer.len() < 2 * MAX_VERSIONS) {
        let d = get_document(store, id)?;
        cursor = d.supersedes;
        newer.push(d);
    }
    Ok(newer)
}

/// What a new version keeps of the one it replaces: its title, kind, issuing country and what
/// it proves. Its dates and notes are its own, as they belong to the new paper.
pub fn carried_over(older: &Document) -> DocumentMetadata {
    DocumentMetadata {
        title: older.title.clone(),
        kind: older.kind,
        issued_on: None,
        expires_on: None,
        issuing_country: older.issuing_country.clone(),
        proves: older.proves,
        notes: String::new(),
        supersedes: Some(older.id),
    }
}

/// Imports the file at `path` as the new version of `older`, which stays in the vault as the
/// older version, and gives it [`carried_over`] details. Bytes already in the vault make no new
/// version: the document that holds them is returned with `already_in_vault`.
pub fn import_new_version(
    vault: &Vault,
    store: &mut Store,
    path: &Path,
    older: &Document,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Imported> {
    let options = ImportOptions {
        kind: older.kind,
        supersedes: Some(older.id),
    };
    let mut imported = vault.import_file(store, path, &options, now)?;
    if !imported.already_in_vault {
        imported.document =
            update_metadata(store, imported.document.id, &carried_over(older), today)?;
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{DocumentKind, DocumentQuery, listed_documents};

    fn now() -> DateTime<Utc> {
        "2026-11-22T09:00:00Z".parse().unwrap()
    }

    fn today() -> NaiveDate {
        "2026-11-22".parse().unwrap()
    }

    #[test]
    fn versions_are_listed_newest_first_from_any_of_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let mut ids = Vec::new();
        for (n, body) in ["%PDF-1.4 one", "%PDF-1.4 two", "%PDF-1.4 three"]
            .iter()
            .enumerate()
        {
            let path = dir.path().join(format!("cv{n}.pdf"));
            std::fs::write(&path, body).unwrap();
            let options = ImportOptions {
                kind: DocumentKind::Cv,
                supersedes: ids.last().copied(),
            };
            ids.push(
                vault
                    .import_file(&mut store, &path, &options, now())
                    .unwrap()
                    .document
                    .id,
            );
        }
        let newest_first: Vec<u32> = ids.iter().rev().copied().collect();
        for &id in &ids {
            let document = get_document(&store, id).unwrap();
            let chain: Vec<u32> = version_chain(&store, &document)
                .unwrap()
                .iter()
                .map(|d| d.id)
                .collect();
            assert_eq!(chain, newest_first, "from document {id}");
            let detail = document_detail(&store, id, today()).unwrap();
            assert_eq!(detail.document.id, id);
            assert_eq!(
                detail.versions.iter().map(|d| d.id).collect::<Vec<_>>(),
                newest_first
            );
        }

        // The list marks each older version with the one that replaces it.
        let all = DocumentQuery {
            kind: None,
            include_superseded: true,
            ..Default::default()
        };
        let listed = listed_documents(&store, &all, today()).unwrap();
        let standings: Vec<(u32, Standing)> = listed
            .into_iter()
            .map(|l| (l.document.id, l.standing))
            .collect();
        assert!(
            standings.contains(&(ids[2], Standing::Current)),
            "{standings:?}"
        );
        assert!(standings.contains(&(ids[0], Standing::Superseded { by: ids[1] })));
        assert!(standings.contains(&(ids[1], Standing::Superseded { by: ids[2] })));
        let current = listed_documents(&store, &DocumentQuery::default(), today()).unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].document.id, ids[2]);
    }

    #[test]
    fn a_new_version_keeps_the_title_country_and_proof_but_not_the_dates_or_notes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let first = dir.path().join("crc-2025.pdf");
        std::fs::write(&first, "%PDF-1.4 old certificate").unwrap();
        let options = ImportOptions {
            kind: DocumentKind::CriminalRecord,
            supersedes: None,
        };
        let old = vault
            .import_file(&mut store, &first, &options, now())
            .unwrap()
            .document;
        let details = DocumentMetadata {
            title: "Casier judiciaire".into(),
            kind: DocumentKind::CriminalRecord,
            issued_on: Some("2026-01-10".parse().unwrap()),
            expires_on: None,
            issuing_country: Some("FR".into()),
            proves: None,
            notes: "Ordered online".into(),
            supersedes: None,
        };
        let old = update_metadata(&mut store, old.id, &details, today()).unwrap();

        let second = dir.path().join("crc-2026.pdf");
        std::fs::write(&second, "%PDF-1.4 new certificate").unwrap();
        let new = import_new_version(&vault, &mut store, &second, &old, now(), today()).unwrap();
        assert!(!new.already_in_vault);
        let new = new.document;
        assert_ne!(new.id, old.id);
        assert_eq!(new.title, "Casier judiciaire");
        assert_eq!(new.kind, DocumentKind::CriminalRecord);
        assert_eq!(new.issuing_country.as_deref(), Some("FR"));
        assert_eq!(new.issued_on, None);
        assert_eq!(new.notes, "");
        assert_eq!(new.supersedes, Some(old.id));
        assert_eq!(
            get_document(&store, old.id).unwrap().superseded_by,
            Some(new.id)
        );

        // Bytes already stored are the document holding them, not a third version.
        let again = import_new_version(&vault, &mut store, &first, &new, now(), today()).unwrap();
        assert!(again.already_in_vault);
        assert_eq!(again.document.id, old.id);
        assert_eq!(get_document(&store, new.id).unwrap().superseded_by, None);
    }
}

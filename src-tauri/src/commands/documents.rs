use dossier_core::countries;
use dossier_core::profile::{Education, Employment, Reference, load_profile};
use dossier_core::vault::{
    self, BatchItem, CrcCountryStatus, CrcState, Deleted, Document, DocumentKind, DocumentMetadata,
    DocumentQuery, ImportOptions, ImportProgress, Imported, IntegrityReport, ReferenceCheck,
};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dialog;
use crate::dropped_files::{self, DropNews, DropTarget};
use crate::error::Result;
use crate::external;
use crate::scheduler::Scheduler;
use crate::standing::{ListedDocument, Standing, standing_of};
use crate::state::AppState;
use crate::view_copies;

/// What the open dialog offers. The type is still read from the content; the filter only
/// spares the candidate from wading through other files. Upper-case names too, as scanners
/// write them and some desktops match filters by case.
const SCAN_EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff", "PDF", "JPG", "JPEG", "PNG", "WEBP", "TIF",
    "TIFF",
];
const SCAN_FILTER: &str = "PDF and scanned images";

/// Asks for files and imports them as `kind`, each with its own outcome; nothing when the
/// candidate cancels. `on_progress` hears bytes and files done, for the progress bar.
#[tauri::command]
#[specta::specta]
pub async fn vault_import(
    app: AppHandle,
    window: tauri::WebviewWindow,
    kind: DocumentKind,
    on_progress: Channel<ImportProgress>,
) -> Result<Option<Vec<BatchItem>>> {
    let paths = dialog::open_paths(&window, SCAN_FILTER, SCAN_EXTENSIONS, true).await?;
    if paths.is_empty() {
        return Ok(None);
    }
    let items = dropped_files::import_paths(&app, paths, kind, move |p| {
        let _ = on_progress.send(*p);
    })
    .await?;
    Ok(Some(items))
}

/// Registers where news of files dropped onto the window goes, and the kind they are filed
/// as. A later call replaces the earlier one.
#[tauri::command]
#[specta::specta]
pub async fn vault_watch_drops(
    target: State<'_, DropTarget>,
    kind: DocumentKind,
    on_drop: Channel<DropNews>,
) -> Result<()> {
    target.listen(kind, on_drop);
    Ok(())
}

/// Documents, most recently added first, with how current each is today.
#[tauri::command]
#[specta::specta]
pub async fn document_list(
    state: State<'_, AppState>,
    query: DocumentQuery,
) -> Result<Vec<ListedDocument>> {
    let today = state.today();
    let documents = state.with_store(|store| vault::list_documents(store, &query))?;
    Ok(documents
        .into_iter()
        .map(|d| ListedDocument::new(d, today))
        .collect())
}

/// One document with every version of it, newest first.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDetail {
    pub document: Document,
    pub standing: Standing,
    pub versions: Vec<Document>,
}

#[tauri::command]
#[specta::specta]
pub async fn document_get(state: State<'_, AppState>, id: u32) -> Result<DocumentDetail> {
    let today = state.today();
    state.with_store(|store| {
        let document = vault::get_document(store, id)?;
        let versions = version_chain(store, &document)?;
        Ok(DocumentDetail {
            standing: standing_of(&document, today),
            document,
            versions,
        })
    })
}

/// Follows the chain both ways from `document`: the newer versions that replace it, then the
/// older ones it replaces. Bounded, as a damaged database could hold a loop.
fn version_chain(
    store: &dossier_core::store::Store,
    document: &Document,
) -> dossier_core::Result<Vec<Document>> {
    const MAX_VERSIONS: usize = 1000;
    let mut newer = Vec::new();
    let mut cursor = document.superseded_by;
    while let Some(id) = cursor.filter(|_| newer.len() < MAX_VERSIONS) {
        let d = vault::get_document(store, id)?;
        cursor = d.superseded_by;
        newer.push(d);
    }
    newer.reverse();
    newer.push(document.clone());
    let mut cursor = document.supersedes;
    while let Some(id) = cursor.filter(|_| newer.len() < 2 * MAX_VERSIONS) {
        let d = vault::get_document(store, id)?;
        cursor = d.supersedes;
        newer.push(d);
    }
    Ok(newer)
}

/// Saves what the candidate may change about a document; a refused change says which field.
#[tauri::command]
#[specta::specta]
pub async fn document_update(
    state: State<'_, AppState>,
    scheduler: State<'_, Scheduler>,
    id: u32,
    metadata: DocumentMetadata,
) -> Result<ListedDocument> {
    let today = state.today();
    let document = state.with_store(|store| vault::update_metadata(store, id, &metadata, today))?;
    // A certificate's issue date sets when its staleness reminder falls.
    scheduler.rearm();
    Ok(ListedDocument::new(document, today))
}

/// Asks for one file and imports it as the new version of document `id`, which stays in the
/// vault as the older version. The new one keeps the old one's title, kind, issuing country
/// and what it proves; its dates are its own. Nothing when cancelled. Bytes already in the vault
/// make no new version: the document that holds them is returned with `alreadyInVault`.
#[tauri::command]
#[specta::specta]
pub async fn document_import_version(
    app: AppHandle,
    window: tauri::WebviewWindow,
    id: u32,
) -> Result<Option<Imported>> {
    let older = app
        .state::<AppState>()
        .with_store(|store| vault::get_document(store, id))?;
    let paths = dialog::open_paths(&window, SCAN_FILTER, SCAN_EXTENSIONS, false).await?;
    let Some(path) = paths.into_iter().next() else {
        return Ok(None);
    };
    let app = app.clone();
    let imported = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let now = state.clock.now();
        let today = state.today();
        state.with_vault(|vault, store| {
            let options = ImportOptions {
                kind: older.kind,
                supersedes: Some(older.id),
            };
            let mut imported = vault.import_file(store, &path, &options, now)?;
            if !imported.already_in_vault {
                let carried = DocumentMetadata {
                    title: older.title.clone(),
                    kind: older.kind,
                    issued_on: None,
                    expires_on: None,
                    issuing_country: older.issuing_country.clone(),
                    proves: older.proves,
                    notes: String::new(),
                    supersedes: Some(older.id),
                };
                imported.document =
                    vault::update_metadata(store, imported.document.id, &carried, today)?;
            }
            Ok(imported)
        })
    })
    .await
    .map_err(|e| dossier_core::Error::invalid("import", format!("the import stopped: {e}")))??;
    Ok(Some(imported))
}

/// Deletes a document; its file goes only when no other document uses it.
#[tauri::command]
#[specta::specta]
pub async fn document_delete(
    state: State<'_, AppState>,
    scheduler: State<'_, Scheduler>,
    id: u32,
) -> Result<Deleted> {
    let deleted = state.with_vault(|vault, store| vault.delete(store, id))?;
    scheduler.rearm();
    Ok(deleted)
}

/// Asks where to save a copy of a document and writes it there; the chosen path, or nothing
/// when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn document_export(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: u32,
) -> Result<Option<String>> {
    let document = state.with_store(|store| vault::get_document(store, id))?;
    let name = view_copies::file_name_for(&document);
    let filter = document.media_type.extension().to_ascii_uppercase();
    let extension = [document.media_type.extension()];
    let Some(dest) = dialog::save_path(&window, &name, &filter, &extension).await? else {
        return Ok(None);
    };
    // The save dialog has already asked before replacing an existing file.
    state.with_vault(|vault, store| vault.export_copy(store, id, &dest, true))?;
    Ok(Some(dest.display().to_string()))
}

/// Opens a copy of the document in the desktop's viewer for its type (see `view_copies`).
#[tauri::command]
#[specta::specta]
pub async fn document_open(state: State<'_, AppState>, id: u32) -> Result<()> {
    let data_dir = state.data_dir.clone();
    let copy = state
        .with_vault(|vault, store| view_copies::make_view_copy(vault, store, &data_dir, id))?;
    external::open_file(&copy)
}

/// Shows the stored file in the desktop's file manager.
#[tauri::command]
#[specta::specta]
pub async fn document_reveal(state: State<'_, AppState>, id: u32) -> Result<()> {
    let path = state.with_vault(|vault, store| vault.file_path(store, id))?;
    external::reveal_file(&path).await
}

/// The profile entries a document can prove, for the document form (its countries come from
/// `profile_countries`).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentChoices {
    pub education: Vec<Education>,
    pub employment: Vec<Employment>,
    pub references: Vec<Reference>,
}

#[tauri::command]
#[specta::specta]
pub async fn document_choices(state: State<'_, AppState>) -> Result<DocumentChoices> {
    let profile = state
        .with_store(|store| load_profile(store))?
        .unwrap_or_default();
    Ok(DocumentChoices {
        education: profile.education,
        employment: profile.employment,
        references: profile.references,
    })
}

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
    pub today: chrono::NaiveDate,
    pub countries: Vec<CrcCountry>,
    /// Certificates that cannot count yet: no issuing country or no issue date.
    pub incomplete: Vec<Document>,
}

/// Country by country, the criminal record certificates the profile calls for today.
#[tauri::command]
#[specta::specta]
pub async fn vault_crc(state: State<'_, AppState>) -> Result<CrcReport> {
    let today = state.today();
    state.with_store(|store| {
        let profile = load_profile(store)?;
        let documents = vault::list_documents(
            store,
            &DocumentQuery {
                kind: Some(DocumentKind::CriminalRecord),
                include_superseded: false,
            },
        )?;
        let (origin, residences) = profile
            .as_ref()
            .map(|p| (p.country_of_origin.as_deref(), p.residences.as_slice()))
            .unwrap_or((None, &[]));
        let required = vault::crc_required_countries(origin, residences, today);
        let countries = vault::crc_status(&required, &documents, today)
            .into_iter()
            .map(|status| {
                let certificate = match &status.state {
                    CrcState::Covered { document_id, .. } | CrcState::Stale { document_id, .. } => {
                        documents.iter().find(|d| d.id == *document_id)
                    }
                    CrcState::Missing => None,
                };
                CrcCountry {
                    country_name: countries::name(&status.requirement.country)
                        .unwrap_or(&status.requirement.country)
                        .to_string(),
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
/// letters that prove them.
#[tauri::command]
#[specta::specta]
pub async fn vault_references(state: State<'_, AppState>) -> Result<ReferenceReport> {
    state.with_store(|store| {
        let profile = load_profile(store)?;
        let documents = vault::list_documents(store, &DocumentQuery::default())?;
        let references = profile
            .as_ref()
            .map_or(&[][..], |p| p.references.as_slice());
        let check = vault::check_references(references, &documents);
        let named: std::collections::HashSet<u32> = check
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
    })
}

/// Re-reads every stored file and compares the folder with the rows; reports, deletes nothing.
#[tauri::command]
#[specta::specta]
pub async fn vault_check_integrity(app: AppHandle) -> Result<IntegrityReport> {
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>()
            .with_vault(|vault, store| vault.check_integrity(store))
    })
    .await
    .map_err(|e| dossier_core::Error::invalid("check", format!("the check stopped: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use chrono::Utc;
    use dossier_core::store::Store;

    fn now() -> DateTime<Utc> {
        "2026-11-22T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn versions_are_listed_newest_first_from_any_of_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
        let vault = vault::Vault::open(dir.path()).unwrap();
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
            let document = vault::get_document(&store, id).unwrap();
            let chain: Vec<u32> = version_chain(&store, &document)
                .unwrap()
                .iter()
                .map(|d| d.id)
                .collect();
            assert_eq!(chain, newest_first, "from document {id}");
        }
    }
}

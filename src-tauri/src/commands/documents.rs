use dossier_core::vault::{
    self, BatchItem, CrcReport, Deleted, DocumentChoices, DocumentDetail, DocumentKind,
    DocumentMetadata, DocumentPage, DocumentQuery, ImportProgress, Imported, IntegrityReport,
    ListedDocument, ReferenceReport, StrayRemoval,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dialog::{self, Filter};
use crate::display_language::stored_wording;
use crate::dropped_files::{self, DropNews, DropTarget};
use crate::error::{Result, on_blocking_thread};
use crate::external;
use crate::state::AppState;
use crate::view_copies;

/// What the open dialog offers. The type is still read from the content; the filter only
/// spares the candidate from wading through other files. Upper-case names too, as scanners
/// write them and some desktops match filters by case.
const SCAN_EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff", "PDF", "JPG", "JPEG", "PNG", "WEBP", "TIF",
    "TIFF",
];

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
    let paths = dialog::open_paths(&window, Filter::Scans, SCAN_EXTENSIONS, true).await?;
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
    state.with_store(|store| vault::listed_documents(store, &query, today))
}

/// A page of the vault list, most recently added first, with how current each is today and how
/// many documents the whole list holds: a long vault is drawn a page at a time.
#[tauri::command]
#[specta::specta]
pub async fn document_page(
    state: State<'_, AppState>,
    query: DocumentQuery,
    offset: u32,
    limit: u32,
) -> Result<DocumentPage> {
    let today = state.today();
    state.with_store(|store| vault::document_page(store, &query, today, offset, limit))
}

/// The countries the vault's documents come from, for the list's country filter.
#[tauri::command]
#[specta::specta]
pub async fn document_countries(state: State<'_, AppState>) -> Result<Vec<String>> {
    state.with_store(vault::document_countries)
}

/// One document with every version of it, newest first.
#[tauri::command]
#[specta::specta]
pub async fn document_get(state: State<'_, AppState>, id: u32) -> Result<DocumentDetail> {
    let today = state.today();
    state.with_store(|store| vault::document_detail(store, id, today))
}

/// Saves what the candidate may change about a document; a refused change says which field.
#[tauri::command]
#[specta::specta]
pub async fn document_update(
    state: State<'_, AppState>,
    id: u32,
    metadata: DocumentMetadata,
) -> Result<ListedDocument> {
    let today = state.today();
    // A certificate's issue date sets when its staleness reminder falls.
    let document = state.write(|store| vault::update_metadata(store, id, &metadata, today))?;
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
    let paths = dialog::open_paths(&window, Filter::Scans, SCAN_EXTENSIONS, false).await?;
    let Some(path) = paths.into_iter().next() else {
        return Ok(None);
    };
    let imported = on_blocking_thread("the import", move || {
        let state = app.state::<AppState>();
        let (now, today) = (state.clock.now(), state.today());
        state.write_vault(|vault, store| {
            vault::import_new_version(vault, store, &path, &older, now, today)
        })
    })
    .await?;
    Ok(Some(imported))
}

/// Deletes a document; its file goes only when no other document uses it.
#[tauri::command]
#[specta::specta]
pub async fn document_delete(state: State<'_, AppState>, id: u32) -> Result<Deleted> {
    state.write_vault(|vault, store| vault.delete(store, id))
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
    let Some(dest) = dialog::save_path(&window, &name, Filter::Named(&filter), &extension).await?
    else {
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
#[tauri::command]
#[specta::specta]
pub async fn document_choices(state: State<'_, AppState>) -> Result<DocumentChoices> {
    state.with_store(vault::document_choices)
}

/// Country by country, the criminal record certificates the profile calls for today.
#[tauri::command]
#[specta::specta]
pub async fn vault_crc(state: State<'_, AppState>) -> Result<CrcReport> {
    let today = state.today();
    state.with_store(|store| vault::crc_report(store, today, stored_wording(store)?))
}

/// The professional references from the profile, checked against INTERPOL's rules, with the
/// letters that prove them.
#[tauri::command]
#[specta::specta]
pub async fn vault_references(state: State<'_, AppState>) -> Result<ReferenceReport> {
    state.with_store(|store| vault::references_report(store, stored_wording(store)?))
}

/// Re-reads every stored file and compares the folder with the rows; reports, deletes nothing.
#[tauri::command]
#[specta::specta]
pub async fn vault_check_integrity(app: AppHandle) -> Result<IntegrityReport> {
    on_blocking_thread("the check", move || {
        app.state::<AppState>()
            .with_vault(|vault, store| vault.check_integrity(store))
    })
    .await
}

/// Removes the files the check found unused that the candidate confirmed; each is checked again
/// first, and only a stored object no document uses is removed.
#[tauri::command]
#[specta::specta]
pub async fn vault_remove_stray_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<StrayRemoval> {
    state.write_vault(|vault, store| vault.remove_stray_files(store, &paths))
}

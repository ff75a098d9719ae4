//! Open exports: everything out to a documented zip or folder, an export back into an empty
//! Dossier, and the applications report. The format and every rule are in `dossier_core::export`.

use dossier_core::export::{
    self, ExportFormat, ExportSummary, ImportSummary, ReportFormat, ReportWords,
};
use tauri::{AppHandle, Manager};

use crate::dialog::{self, Filter};
use crate::display_language::stored_language;
use crate::error::{Result, on_blocking_thread};
use crate::state::AppState;

/// Asks where to save everything Dossier keeps, then writes the export there (a zip file or a
/// new folder). The rows are read under the store's lock, the files copied after it. `None`
/// when cancelled in the dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_everything(
    app: AppHandle,
    window: tauri::WebviewWindow,
    format: ExportFormat,
) -> Result<Option<ExportSummary>> {
    let state = app.state::<AppState>();
    let now = state.clock.now();
    let name = export::default_export_name(now, state.with_store(stored_language)?);
    let (name, filter, extensions): (String, Filter, &[&str]) = match format {
        ExportFormat::Zip => (format!("{name}.zip"), Filter::Zip, &["zip"]),
        ExportFormat::Folder => (name, Filter::Folder, &[]),
    };
    let Some(dest) = dialog::save_path(&window, &name, filter, extensions).await? else {
        return Ok(None);
    };
    let version = env!("CARGO_PKG_VERSION");
    let plan = state.with_vault(|vault, store| export::plan_export(store, vault, now, version))?;
    let summary = on_blocking_thread("the export", move || {
        export::write_export(&plan, &dest, format)
    })
    .await?;
    Ok(Some(summary))
}

/// Asks for an export (its zip file, or the `dossier-export.json` of an export folder) and
/// imports it into this Dossier, which must be empty. `None` when cancelled in the dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_import(
    app: AppHandle,
    window: tauri::WebviewWindow,
) -> Result<Option<ImportSummary>> {
    let picked = dialog::open_paths(&window, Filter::Export, &["zip", "json"], false).await?;
    let Some(path) = picked.into_iter().next() else {
        return Ok(None);
    };
    let summary = on_blocking_thread("the import", move || {
        let state = app.state::<AppState>();
        state.write_vault(|vault, store| export::import_export(store, vault, &path))
    })
    .await?;
    Ok(Some(summary))
}

/// Asks where to save the applications report and writes it there, as CSV or as a page to
/// print. `words` (headings, stage and platform names) and `file_name` come from the UI's
/// catalogue. Returns the path written, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn applications_report(
    app: AppHandle,
    window: tauri::WebviewWindow,
    format: ReportFormat,
    words: ReportWords,
    file_name: String,
) -> Result<Option<String>> {
    let extension = format.extension();
    let name = format!("{file_name}.{extension}");
    let Some(dest) =
        dialog::save_path(&window, &name, Filter::Named(&words.title), &[extension]).await?
    else {
        return Ok(None);
    };
    let state = app.state::<AppState>();
    state.with_vault(|vault, store| {
        export::write_report(store, vault.data_folder(), &dest, format, &words)
    })?;
    Ok(Some(dest.display().to_string()))
}

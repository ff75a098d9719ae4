//! Native file dialogs through rfd. The end-to-end build can answer them from the environment,
//! because no desktop portal runs under the test display.

use std::path::PathBuf;

use dossier_core::words::{self, Arg, Msg};
use tauri::Manager;

use crate::display_language::stored_language;
use crate::error::Result;
use crate::state::AppState;

/// What a dialog's file-type filter is called.
#[derive(Debug, Clone, Copy)]
pub enum Filter<'a> {
    Zip,
    Folder,
    Calendar,
    Export,
    Notices,
    Scans,
    /// A name given by the caller, already in the candidate's language (or a file type).
    Named(&'a str),
}

/// The filter's name in the candidate's language, read when the dialog opens. A store that
/// cannot be read leaves the name in English rather than failing the dialog.
fn filter_label(window: &tauri::WebviewWindow, filter: Filter<'_>) -> String {
    let kind = match filter {
        Filter::Named(name) => return name.to_string(),
        Filter::Zip => "zip",
        Filter::Folder => "folder",
        Filter::Calendar => "calendar",
        Filter::Export => "export",
        Filter::Notices => "notices",
        Filter::Scans => "scans",
    };
    let language = window
        .app_handle()
        .state::<AppState>()
        .with_store(stored_language)
        .unwrap_or_default();
    words::reading(language, Msg::DialogFilter, &[("kind", Arg::Text(kind))])
}

/// Asks where to save a file (or, with no `extensions`, a new folder); `None` when the user
/// cancels.
pub async fn save_path(
    window: &tauri::WebviewWindow,
    default_name: &str,
    filter: Filter<'_>,
    extensions: &[&str],
) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e")]
    if let Some(answer) = crate::test_hooks::save_dialog_answer() {
        return Ok(answer);
    }
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_file_name(default_name)
        .set_parent(window);
    if !extensions.is_empty() {
        dialog = dialog.add_filter(filter_label(window, filter), extensions);
    }
    let picked = dialog.save_file().await;
    // rfd reports a missing portal as a cancel; there is nothing better to tell the user.
    Ok(picked.map(|handle| handle.path().to_path_buf()))
}

/// Asks for a folder; `None` when the user cancels.
pub async fn pick_folder(window: &tauri::WebviewWindow) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e")]
    if let Some(answer) = crate::test_hooks::folder_dialog_answer() {
        return Ok(answer);
    }
    let picked = rfd::AsyncFileDialog::new()
        .set_parent(window)
        .pick_folder()
        .await;
    Ok(picked.map(|handle| handle.path().to_path_buf()))
}

/// Asks for files to open; empty when the user cancels.
pub async fn open_paths(
    window: &tauri::WebviewWindow,
    filter: Filter<'_>,
    extensions: &[&str],
    multiple: bool,
) -> Result<Vec<PathBuf>> {
    #[cfg(feature = "e2e")]
    {
        let answer = crate::test_hooks::open_dialog_answer();
        // The suite reads this in the launch's log when an answer seems lost.
        eprintln!(
            "e2e: open dialog in pid {} for {:?}: {answer:?}",
            std::process::id(),
            std::env::var_os("DOSSIER_DATA_DIR")
        );
        if let Some(answer) = answer {
            return Ok(answer);
        }
    }
    let dialog = rfd::AsyncFileDialog::new()
        .add_filter(filter_label(window, filter), extensions)
        .set_parent(window);
    let picked = if multiple {
        dialog.pick_files().await.unwrap_or_default()
    } else {
        dialog.pick_file().await.into_iter().collect()
    };
    Ok(picked
        .into_iter()
        .map(|handle| handle.path().to_path_buf())
        .collect())
}

//! Native file dialogs through rfd. The end-to-end build can answer them from the environment,
//! because no desktop portal runs under the test display.

use std::path::PathBuf;

use crate::error::Result;

/// Asks where to save a file (or, with no `extensions`, a new folder); `None` when the user
/// cancels.
pub async fn save_path(
    window: &tauri::WebviewWindow,
    default_name: &str,
    filter_name: &str,
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
        dialog = dialog.add_filter(filter_name, extensions);
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
    filter_name: &str,
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
        .add_filter(filter_name, extensions)
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

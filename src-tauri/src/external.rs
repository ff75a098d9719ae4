//! Handing things to the desktop: web addresses to the browser, documents to the system viewer
//! and the file manager. Only http and https leave the app, checked in the core, whatever a
//! pasted notice contained; only paths the shell worked out itself (never one from the UI) are
//! opened or revealed.

use std::path::Path;

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::error::{Error, Result};

pub fn open_web_address(app: &AppHandle, url: &str) -> Result<()> {
    dossier_core::vacancy::check_web_address(url)?;
    if logged_instead(url)? {
        return Ok(());
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| Error::Opener(e.to_string()))
}

/// Opens a file with the program the desktop uses for its type.
pub fn open_file(app: &AppHandle, path: &Path) -> Result<()> {
    if logged_instead(&format!("open {}", path.display()))? {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::Opener(e.to_string()))
}

/// Shows a file selected in the desktop's file manager.
pub fn reveal_file(app: &AppHandle, path: &Path) -> Result<()> {
    if logged_instead(&format!("reveal {}", path.display()))? {
        return Ok(());
    }
    app.opener()
        .reveal_item_in_dir(path)
        .map_err(|e| Error::Opener(e.to_string()))
}

/// In the end-to-end build with `DOSSIER_E2E_OPENED_LOG` set, writes `line` to that file instead
/// of starting a program, so the suite can check what would have been opened.
fn logged_instead(line: &str) -> Result<bool> {
    #[cfg(feature = "e2e")]
    if let Some(log) = crate::test_hooks::opened_log() {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| Error::Opener(e.to_string()))?;
        writeln!(file, "{line}").map_err(|e| Error::Opener(e.to_string()))?;
        return Ok(true);
    }
    let _ = line;
    Ok(false)
}

//! Handing things to the desktop: web addresses to the browser. Only http and https leave the
//! app, checked in the core, whatever a pasted notice contained.

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::error::{Error, Result};

pub fn open_web_address(app: &AppHandle, url: &str) -> Result<()> {
    dossier_core::vacancy::check_web_address(url)?;
    #[cfg(feature = "e2e")]
    if let Some(log) = crate::test_hooks::opened_log() {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| Error::Opener(e.to_string()))?;
        return writeln!(file, "{url}").map_err(|e| Error::Opener(e.to_string()));
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| Error::Opener(e.to_string()))
}

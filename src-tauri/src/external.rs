//! Handing things to the desktop: web addresses to the browser. Only http and https leave the
//! app, checked in the core, whatever a pasted notice contained.

use crate::error::{Error, Result};

// The `open` crate (what Tauri's opener plugin uses underneath) rather than the plugin: the
// plugin brings a second D-Bus stack into the binary, and the webview needs no opener API.
pub fn open_web_address(url: &str) -> Result<()> {
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
    open::that_detached(url).map_err(|e| Error::Opener(e.to_string()))
}

//! Native desktop notifications (freedesktop D-Bus on Linux), through notify-rust.

use crate::error::{Error, Result};

pub const APP_NAME: &str = "Dossier";

pub async fn show(summary: String, body: String) -> Result<()> {
    // notify-rust blocks on the D-Bus round trip; keep it off the async workers.
    tauri::async_runtime::spawn_blocking(move || {
        notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&summary)
            .body(&body)
            .show()
            .map(|_| ())
            .map_err(|e| Error::Notification(e.to_string()))
    })
    .await
    .map_err(|e| Error::Notification(e.to_string()))?
}

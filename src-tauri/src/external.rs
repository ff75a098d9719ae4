//! Handing things to the desktop: web addresses to the browser, documents to the system viewer
//! and the file manager. Only http and https leave the app, checked in the core, whatever a
//! pasted notice contained; only paths the shell worked out itself (never one from the UI) are
//! opened or revealed.

use std::path::Path;

use crate::error::{Error, Result};

// The `open` crate (what Tauri's opener plugin uses underneath) rather than the plugin: the
// plugin brings a second D-Bus stack into the binary, and the webview needs no opener API.
pub fn open_web_address(url: &str) -> Result<()> {
    dossier_core::vacancy::check_web_address(url)?;
    if logged_instead(url)? {
        return Ok(());
    }
    open::that_detached(url).map_err(|e| Error::Opener(e.to_string()))
}

/// Opens a file with the program the desktop uses for its type.
pub fn open_file(path: &Path) -> Result<()> {
    if logged_instead(&format!("open {}", path.display()))? {
        return Ok(());
    }
    open::that_detached(path).map_err(|e| Error::Opener(e.to_string()))
}

/// Shows a file selected in the desktop's file manager; where no file manager offers that, opens
/// the folder holding it.
pub async fn reveal_file(path: &Path) -> Result<()> {
    if logged_instead(&format!("reveal {}", path.display()))? {
        return Ok(());
    }
    if select_in_file_manager(path).await.is_ok() {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(path);
    open::that_detached(folder).map_err(|e| Error::Opener(e.to_string()))
}

/// The freedesktop file-manager interface (Nautilus, Dolphin, Nemo, Thunar…), through the zbus
/// notify-rust already brings, so no second D-Bus stack is added.
#[cfg(all(unix, not(target_os = "macos")))]
async fn select_in_file_manager(path: &Path) -> std::result::Result<(), String> {
    let uri = file_uri(path);
    let connection = zbus::Connection::session()
        .await
        .map_err(|e| e.to_string())?;
    connection
        .call_method(
            Some("org.freedesktop.FileManager1"),
            "/org/freedesktop/FileManager1",
            Some("org.freedesktop.FileManager1"),
            "ShowItems",
            &(vec![uri], ""),
        )
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(target_os = "macos")]
async fn select_in_file_manager(path: &Path) -> std::result::Result<(), String> {
    std::process::Command::new("open")
        .arg("-R")
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(windows)]
async fn select_in_file_manager(path: &Path) -> std::result::Result<(), String> {
    let mut select = std::ffi::OsString::from("/select,");
    select.push(path);
    std::process::Command::new("explorer")
        .arg(select)
        .spawn()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A `file://` URI with every byte outside the unreserved set percent-encoded, so spaces,
/// accents and `#` in a folder name reach the file manager intact.
#[cfg_attr(not(all(unix, not(target_os = "macos"))), allow(dead_code))]
fn file_uri(path: &Path) -> String {
    use std::fmt::Write;
    let mut uri = String::from("file://");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_escape_what_a_uri_cannot_hold() {
        assert_eq!(
            file_uri(Path::new("/home/me/.local/share/Dossier/vault/ab/ab12.pdf")),
            "file:///home/me/.local/share/Dossier/vault/ab/ab12.pdf"
        );
        assert_eq!(
            file_uri(Path::new("/home/José #1/a b.pdf")),
            "file:///home/Jos%C3%A9%20%231/a%20b.pdf"
        );
    }
}

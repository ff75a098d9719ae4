//! Copies of documents handed to the system viewer. The viewer gets a copy, never the stored
//! object: an image editor or a PDF tool that saves in place would otherwise change a file the
//! vault keeps under the hash of its old content. The copy also carries the document's title as
//! its name, which the viewer shows, instead of a hash.
//!
//! Copies live in `<data dir>/viewing/<document id>/`, private to the user like the rest of the
//! data folder (not in a shared temporary folder, as scans of passports are personal), and are
//! cleared when the app starts.

use dossier_core::{IoOp, fsio};
use std::path::{Path, PathBuf};

use dossier_core::packs::safe_file_name;
use dossier_core::store::Store;
use dossier_core::vault::{Document, Vault};

pub const VIEWING_FOLDER: &str = "viewing";

/// Longest file name made from a title, in characters, before the extension.
const MAX_NAME_CHARS: usize = 80;

/// A file name for a document: its title without hidden characters, with the characters file
/// systems or shells trip on replaced, and the extension of its real type. What else makes a
/// name portable (no device name such as `CON`, which Windows refuses whatever the extension, no
/// dot or space at either end) is the packs' rule, so a view copy is named as validly as a file
/// in a pack.
pub fn file_name_for(document: &Document) -> String {
    let stem: String = dossier_core::hidden_chars::strip_hidden(&document.title)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')' | ',' | '\'') {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    let fallback = format!("document {}", document.id);
    // A title made only of replaced characters and dots ("..") says nothing of the document.
    let stem = if stem.chars().all(|c| matches!(c, '_' | '.' | ' ')) {
        fallback.clone()
    } else {
        stem
    };
    safe_file_name(&stem, document.media_type.extension(), &fallback)
}

/// Copies document `id` into the viewing folder and returns the copy's path.
pub fn make_view_copy(
    vault: &Vault,
    store: &Store,
    data_dir: &Path,
    id: u32,
) -> dossier_core::Result<PathBuf> {
    let document = dossier_core::vault::get_document(store, id)?;
    let folder = data_dir.join(VIEWING_FOLDER).join(id.to_string());
    fsio::private_dir_all(&folder)
        .map_err(|e| dossier_core::Error::io(IoOp::CreateFolder, &folder, e))?;
    let dest = folder.join(file_name_for(&document));
    vault.view_copy(store, id, &dest)?;
    Ok(dest)
}

/// Removes the copies an earlier session handed to viewers. A copy still open in a viewer
/// stays readable there on Linux and macOS; elsewhere it is simply left for next time.
pub fn clear_view_copies(data_dir: &Path) {
    let _ = std::fs::remove_dir_all(data_dir.join(VIEWING_FOLDER));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use dossier_core::vault::{DocumentKind, ImportOptions, MediaType};

    fn now() -> DateTime<Utc> {
        "2026-11-22T09:00:00Z".parse().unwrap()
    }

    fn titled(title: &str, media_type: MediaType) -> Document {
        Document {
            id: 7,
            kind: DocumentKind::Other,
            title: title.into(),
            issued_on: None,
            expires_on: None,
            issuing_country: None,
            proves: None,
            notes: String::new(),
            media_type,
            size_bytes: 1,
            content_hash: "00".repeat(32),
            original_name: "x".into(),
            created_utc: now(),
            supersedes: None,
            superseded_by: None,
        }
    }

    #[test]
    fn names_come_from_the_title_and_the_real_type() {
        assert_eq!(
            file_name_for(&titled("Master's diploma", MediaType::Pdf)),
            "Master's diploma.pdf"
        );
        assert_eq!(
            file_name_for(&titled("Diplôme – 2019", MediaType::Jpeg)),
            "Diplôme _ 2019.jpg"
        );
        assert_eq!(
            file_name_for(&titled("../../etc/passwd", MediaType::Png)),
            "_.._etc_passwd.png"
        );
        assert_eq!(
            file_name_for(&titled("..", MediaType::Tiff)),
            "document 7.tif"
        );
        assert_eq!(
            file_name_for(&titled("שלום/CV", MediaType::Pdf)),
            "שלום_CV.pdf"
        );
        // A right-to-left override would show this as "01 CV - fdp.exe.jpg".
        assert_eq!(
            file_name_for(&titled("01 CV - \u{202E}gpj.exe", MediaType::Pdf)),
            "01 CV - gpj.exe.pdf"
        );
        assert_eq!(
            file_name_for(&titled(&"x".repeat(300), MediaType::Pdf)).len(),
            MAX_NAME_CHARS + 4
        );
    }

    #[test]
    fn no_title_names_a_windows_device() {
        for (title, name) in [
            ("CON", "_CON.pdf"),
            ("con", "_con.pdf"),
            ("Nul", "_Nul.pdf"),
            ("PRN.backup", "_PRN.backup.pdf"),
            ("aux ", "_aux.pdf"),
            ("COM1", "_COM1.pdf"),
            ("com9", "_com9.pdf"),
            ("LPT1", "_LPT1.pdf"),
            ("lpt9.scan", "_lpt9.scan.pdf"),
        ] {
            assert_eq!(
                file_name_for(&titled(title, MediaType::Pdf)),
                name,
                "{title}"
            );
        }
        // Only the device names themselves: a title that starts like one is left as it is.
        for title in [
            "Console",
            "COM10",
            "LPT",
            "Auxiliary letter",
            "Null hypothesis",
        ] {
            assert_eq!(
                file_name_for(&titled(title, MediaType::Pdf)),
                format!("{title}.pdf")
            );
        }
    }

    #[test]
    fn the_viewer_gets_a_copy_so_the_stored_file_cannot_change() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let source = dir.path().join("Passport scan.pdf");
        std::fs::write(&source, b"%PDF-1.4\n%%EOF\n").unwrap();
        let imported = vault
            .import_file(&mut store, &source, &ImportOptions::default(), now())
            .unwrap();
        let id = imported.document.id;

        let copy = make_view_copy(&vault, &store, dir.path(), id).unwrap();
        assert_eq!(
            copy,
            dir.path()
                .join(VIEWING_FOLDER)
                .join(id.to_string())
                .join("Passport scan.pdf")
        );
        // As private as the vault: another account on the computer cannot read the copy.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.path().join(VIEWING_FOLDER)), 0o700);
            assert_eq!(mode(copy.parent().unwrap()), 0o700);
            assert_eq!(mode(&copy), 0o600);
        }
        // A viewer saving over its file leaves the vault's copy as it was.
        std::fs::write(&copy, b"%PDF-1.4\nedited\n%%EOF\n").unwrap();
        assert_eq!(vault.read_bytes(&store, id).unwrap(), b"%PDF-1.4\n%%EOF\n");
        assert!(vault.check_integrity(&store).unwrap().healthy);
        // Opening it again replaces the edited copy with the real content.
        let again = make_view_copy(&vault, &store, dir.path(), id).unwrap();
        assert_eq!(std::fs::read(again).unwrap(), b"%PDF-1.4\n%%EOF\n");

        clear_view_copies(dir.path());
        assert!(!dir.path().join(VIEWING_FOLDER).exists());
        assert!(vault.file_path(&store, id).unwrap().is_file());
    }
}

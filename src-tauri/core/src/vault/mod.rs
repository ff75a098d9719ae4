//! The document vault: scans stored once by content hash, written atomically, with the rules on
//! what they prove and when they go stale.
//!
//! Files live under `<data dir>/vault/<first two hex digits>/<sha-256>.<ext>`; the candidate's
//! file name is kept only in the database row. An import streams the source once into a
//! temporary file in the vault folder while hashing it, syncs it, renames it to its hash name,
//! syncs the folder, and only then commits the row, so a crash leaves either nothing, or a file
//! no row names yet (which [`check_integrity`] reports and a new import of the same file reuses),
//! never a row without its file or a partial file under a final name.

mod crc;
mod import;
mod integrity;
mod model;
mod objects;
mod page;
mod references;
mod reports;
mod rows;
mod standing;
mod versions;

pub use crc::{
    CRC_SOURCE, CRC_VALID_MONTHS, CrcCountryStatus, CrcRequirement, CrcState, country_name,
    crc_required_countries, crc_status, crc_valid_until,
};
pub use import::{
    BatchItem, ImportOptions, ImportOutcome, ImportProgress, Imported, RefusalReason, default_title,
};
pub use integrity::{
    Damage, DamagedFile, IntegrityReport, LeftAlone, MissingFile, StrayFile, StrayKind,
    StrayRefusal, StrayRemoval, check_integrity, remove_stray_files,
};
pub use model::{Document, DocumentKind, DocumentMetadata, DocumentQuery, MediaType, ProvenEntry};
pub use objects::sha256_hex;
pub use page::sanitised_page;
pub use references::{
    REFERENCES_NEEDED, ReferenceCheck, ReferenceStatus, ReferenceVerdict, check_references,
};
pub use reports::{
    CrcCountry, CrcReport, DocumentChoices, ReferenceReport, crc_report, document_choices,
    references_report,
};
pub use rows::{
    MAX_NOTES_CHARS, MAX_TITLE_CHARS, document_countries, duplicate_document, get_document,
    list_documents, update_metadata,
};
pub use standing::{
    DocumentPage, EXPIRY_WARNING_DAYS, ListedDocument, MAX_DOCUMENT_PAGE, Standing, document_page,
    listed_documents, standing_of,
};
pub use versions::{
    DocumentDetail, carried_over, document_detail, import_new_version, version_chain,
};

pub(crate) use objects::{
    COPY_BUFFER_BYTES, damaged, hex, missing_or_unreadable, object_path, read_some,
};

use crate::encryption::key_file::KeyFile;
use crate::encryption::{EncryptionError, MasterKey, at_rest};
use crate::error::IoOp;
use crate::store::Store;
use crate::{Error, Result, fsio};
use import::quoted;
use rusqlite::params;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest file the vault takes: 100 MiB. A scanned diploma is a few MB; more is almost
/// always a scan at a needless resolution, which the platforms would refuse anyway.
pub const MAX_DOCUMENT_BYTES: u32 = 100 * 1024 * 1024;

/// The vault's folder inside the data folder.
pub const VAULT_FOLDER: &str = "vault";

/// The vault folder. Rows live in the [`Store`]; every method that needs both takes it.
#[derive(Debug, Clone)]
pub struct Vault {
    root: PathBuf,
    /// The key objects are sealed with (derived from the master key), when encryption is on.
    key: Option<Arc<MasterKey>>,
}

/// What a delete did with the stored file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Deleted {
    pub document_id: u32,
    /// False while other documents still use the same file, or when it could not be removed.
    pub file_removed: bool,
    pub message: String,
}

impl Vault {
    /// Opens (creating if needed) `<data_dir>/vault`, and removes temporary files a killed
    /// import left there. Only one Dossier should use a data folder at a time; another
    /// process's import in progress would lose its temporary file and fail cleanly.
    pub fn open(data_dir: &Path) -> Result<Vault> {
        Vault::open_keyed(data_dir, None)
    }

    /// [`Vault::open`] for an encrypted data folder: with `key` (the master key), new objects
    /// are sealed and sealed ones read decrypted, in memory. Without it, an encrypted data
    /// folder (one with a key file, or a conversion under way) is [`EncryptionError::Locked`].
    pub fn open_keyed(data_dir: &Path, key: Option<Arc<MasterKey>>) -> Result<Vault> {
        if key.is_none()
            && (KeyFile::path_in(data_dir).exists()
                || data_dir.join(at_rest::CONVERSION_FOLDER).exists())
        {
            return Err(EncryptionError::Locked.into());
        }
        let root = data_dir.join(VAULT_FOLDER);
        fsio::private_dir_all(&root).map_err(|e| Error::io(IoOp::CreateFolder, &root, e))?;
        objects::clean_stale_temps(&root)?;
        Ok(Vault {
            root,
            key: key.map(|k| Arc::new(k.vault_key())),
        })
    }

    /// The key objects are sealed with, when encryption is on.
    pub(crate) fn key(&self) -> Option<&MasterKey> {
        self.key.as_deref()
    }

    /// Whether new objects are sealed.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The key objects are sealed with, for plans (packs, exports) that read objects later.
    pub fn sealing_key(&self) -> Option<Arc<MasterKey>> {
        self.key.clone()
    }
}

/// The content of a stored object at `path`, decrypted with `key` when sealed.
pub(crate) fn open_stored(
    path: &Path,
    key: Option<&MasterKey>,
) -> std::io::Result<Box<dyn std::io::Read + Send>> {
    objects::open_object(path, key)
}

/// The content length of a stored object (its file's length less the sealing when sealed).
pub(crate) fn stored_len(path: &Path, key: Option<&MasterKey>) -> std::io::Result<u64> {
    let len = std::fs::metadata(path)?.len();
    if key.is_none() || !at_rest::starts_sealed(path)? {
        return Ok(len);
    }
    crate::encryption::sealed::content_len(len)
        .ok_or_else(|| EncryptionError::SealedAltered.into_io())
}

impl Vault {
    pub fn dir(&self) -> &Path {
        &self.root
    }

    /// Deletes a document. Its file goes only when no other document uses the same content.
    /// A document attached to an application is refused: the application records what was
    /// sent, so the candidate removes it there first.
    pub fn delete(&self, store: &mut Store, id: u32) -> Result<Deleted> {
        let (document, others) = store.write(|tx| {
            let document = rows::read_document(tx, id)?.ok_or_else(|| rows::not_found(id))?;
            let applications = attached_applications(tx, id)?;
            if !applications.is_empty() {
                let (count, those) = if applications.len() == 1 {
                    ("your application".to_string(), "that application")
                } else {
                    (format!("{} applications", applications.len()), "those applications")
                };
                return Err(Error::field(
                    "document", crate::error::FieldProblem::DocumentAttached { title: document.title.clone(), count: u32::try_from(applications.len()).unwrap_or(u32::MAX), applications: applications.join(", ") },
                    format!(
                        "“{}” is attached to {count} for {}; remove it from {those} first. Nothing was deleted",
                        document.title,
                        applications.join(", ")
                    ),
                ));
            }
            // A newer version of this one now replaces what this one replaced, so deleting
            // the middle of a chain does not turn an old version current again. This row lets go
            // of its link first: one version is replaced by at most one (a unique index).
            tx.execute(
                "UPDATE documents SET supersedes_id = NULL WHERE id = ?1",
                [id],
            )?;
            tx.execute(
                "UPDATE documents SET supersedes_id = ?2 WHERE supersedes_id = ?1",
                params![id, document.supersedes],
            )?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            let others: u32 = tx.query_row(
                "SELECT count(*) FROM documents WHERE content_hash = ?1",
                [&document.content_hash],
                |r| r.get(0),
            )?;
            Ok((document, others))
        })?;
        let title = &document.title;
        if others > 0 {
            return Ok(Deleted {
                document_id: id,
                file_removed: false,
                message: format!(
                    "“{title}” was deleted; its file stays because {others} other document{} use{} the same file",
                    if others == 1 { "" } else { "s" },
                    if others == 1 { "s" } else { "" }
                ),
            });
        }
        let path = objects::object_path(&self.root, &document.content_hash, document.media_type)?;
        let removed = match std::fs::remove_file(&path) {
            Ok(()) => {
                // The file is gone either way; a lost folder sync at worst brings back a file
                // no row names, which the vault check reports.
                let _ = fsio::sync_dir(path.parent().unwrap_or(&self.root));
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.to_string()),
        };
        Ok(match removed {
            Ok(()) => Deleted {
                document_id: id,
                file_removed: true,
                message: format!("“{title}” and its file were deleted"),
            },
            Err(why) => Deleted {
                document_id: id,
                file_removed: false,
                message: format!(
                    "“{title}” was deleted, but its file {} could not be removed ({why}); the vault check lists it",
                    path.display()
                ),
            },
        })
    }

    /// The bytes of a document, checked against the hash it was stored under.
    pub fn read_bytes(&self, store: &Store, id: u32) -> Result<Vec<u8>> {
        let document = rows::get_document(store, id)?;
        let path = self.object_of(&document)?;
        objects::read_verified(&path, &document.content_hash, &document.title, self.key())
    }

    /// The stored file of a document, to open in the system viewer or reveal in the file
    /// manager. It must be treated as read-only: its name is its content's hash.
    pub fn file_path(&self, store: &Store, id: u32) -> Result<PathBuf> {
        let document = rows::get_document(store, id)?;
        let path = self.object_of(&document)?;
        if !path.is_file() {
            return Err(Error::NotFound(format!(
                "The stored file of {} ({})",
                quoted(&document.title),
                path.display()
            )));
        }
        Ok(path)
    }

    /// Saves a copy of a document at `dest`, atomically; an existing file there is replaced
    /// only when `overwrite` is set.
    /// Never inside Dossier's data folder (see [`fsio::refuse_inside_data_folder`]).
    pub fn export_copy(&self, store: &Store, id: u32, dest: &Path, overwrite: bool) -> Result<()> {
        fsio::refuse_inside_data_folder(dest, self.data_folder(), "copy")?;
        self.copy_verified(store, id, dest, overwrite)
    }

    /// Saves a copy of a document for the system viewer at `dest`, replacing what is there.
    /// Unlike [`Self::export_copy`], `dest` may be in the data folder, where Dossier keeps
    /// these copies private to the candidate; never in the vault folder.
    ///
    /// A saved web page is the one exception to "a copy of the bytes": the viewer (the system's
    /// browser) gets [`sanitised_page`], which runs and loads nothing. "Save a copy" still
    /// gives the page as it was saved.
    pub fn view_copy(&self, store: &Store, id: u32, dest: &Path) -> Result<()> {
        let document = rows::get_document(store, id)?;
        if document.media_type != MediaType::Html {
            return self.copy_verified(store, id, dest, true);
        }
        if self.is_inside(dest) {
            return Err(inside_vault(dest));
        }
        let bytes = self.read_bytes(store, id)?;
        let page = sanitised_page(&String::from_utf8_lossy(&bytes));
        self.journal().write_atomic(dest, page.as_bytes())
    }

    /// The folder that holds the vault folder and the database.
    pub fn data_folder(&self) -> &Path {
        self.root.parent().unwrap_or(&self.root)
    }

    fn copy_verified(&self, store: &Store, id: u32, dest: &Path, overwrite: bool) -> Result<()> {
        let document = rows::get_document(store, id)?;
        let src = self.object_of(&document)?;
        if self.is_inside(dest) {
            return Err(inside_vault(dest));
        }
        objects::export_verified(
            &src,
            &document.content_hash,
            &document.title,
            dest,
            overwrite,
            &self.journal(),
            self.key(),
        )
    }

    /// Where writes outside the data folder are recorded (see [`fsio::journal`]).
    pub fn journal(&self) -> fsio::journal::Journal {
        fsio::journal::Journal::new(self.data_folder())
    }

    /// See [`check_integrity`].
    pub fn check_integrity(&self, store: &Store) -> Result<IntegrityReport> {
        integrity::check_integrity_keyed(store, &self.root, self.key())
    }

    /// See [`remove_stray_files`].
    pub fn remove_stray_files(&self, store: &mut Store, paths: &[String]) -> Result<StrayRemoval> {
        remove_stray_files(store, &self.root, paths)
    }

    pub(crate) fn object_of(&self, document: &Document) -> Result<PathBuf> {
        objects::object_path(&self.root, &document.content_hash, document.media_type)
    }

    /// Where the object of this content would live; `hash` is checked before it becomes a path.
    pub(crate) fn object_path(&self, hash: &str, media: MediaType) -> Result<PathBuf> {
        objects::object_path(&self.root, hash, media)
    }

    /// Stores what `reader` yields as the object `hash`, the way an import stores a scan
    /// (temporary file, sync, rename, sync), but only when the content really hashes to `hash`.
    /// `Ok(None)` when it does not: nothing is stored. Otherwise whether the object is new.
    pub(crate) fn place_expected(
        &self,
        reader: &mut dyn std::io::Read,
        hash: &str,
        media: MediaType,
    ) -> Result<Option<bool>> {
        let dest = objects::object_path(&self.root, hash, media)?;
        let written = objects::write_temp(&self.root, reader, self.key())
            .map_err(|e| Error::io(IoOp::Write, &dest, e))?;
        let (temp, actual) = written;
        if actual != hash {
            return Ok(None);
        }
        let placed = objects::place(&self.root, temp, &dest, hash, self.key())?;
        Ok(Some(placed != objects::Placed::AlreadyThere))
    }

    fn is_inside(&self, dest: &Path) -> bool {
        let parent = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match (parent.canonicalize(), self.root.canonicalize()) {
            (Ok(parent), Ok(root)) => parent.starts_with(root),
            _ => false,
        }
    }
}

fn inside_vault(dest: &Path) -> Error {
    Error::field(
        "destination",
        crate::error::FieldProblem::InsideVault {
            path: dest.display().to_string(),
        },
        format!(
            "{} is inside Dossier's vault folder; choose another place for the copy",
            dest.display()
        ),
    )
}

/// The applications a document is attached to, as "title (reference)".
fn attached_applications(c: &rusqlite::Connection, id: u32) -> Result<Vec<String>> {
    let mut stmt = c.prepare_cached(
        "SELECT v.title, v.reference FROM application_documents ad
         JOIN applications a ON a.id = ad.application_id
         JOIN vacancies v ON v.id = a.vacancy_id
         WHERE ad.document_id = ?1 ORDER BY v.title",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(format!(
            "{} ({})",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

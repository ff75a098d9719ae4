//! Importing files: the type read from the content, one pass that copies and hashes, the object
//! made durable under its hash name, and only then the row.

use super::model::{Document, DocumentKind, MediaType};
use super::objects::{self, COPY_BUFFER_BYTES, Placed, TempObject};
use super::rows::{self, MAX_TITLE_CHARS, NewDocument};
use super::{MAX_DOCUMENT_BYTES, Vault};
use crate::error::{FieldProblem, FoundFileType, IoOp};
use crate::store::Store;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How a new document is filed; everything else is edited after the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub kind: DocumentKind,
    /// The older version this file replaces (a new CV replacing the old one, which stays).
    pub supersedes: Option<u32>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            kind: DocumentKind::Other,
            supersedes: None,
        }
    }
}

/// A successful import: a new document, or the one that already holds the same content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub document: Document,
    /// True when nothing new was stored: the same bytes were imported before as `document`.
    pub already_in_vault: bool,
}

/// Why a file was not imported, for the UI to pick an icon; the message says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    UnsupportedType,
    Empty,
    TooLarge,
    Unreadable,
    /// The vault folder or the database could not be written.
    NotSaved,
}

/// One file of a batch, as the candidate sees it in the result list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(
    tag = "outcome",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ImportOutcome {
    Imported {
        document: Document,
    },
    AlreadyInVault {
        document: Document,
    },
    /// The window words `problem` when there is one, else `reason` with the system's own
    /// `detail` (a read or write that failed); `message` is the English, for logs.
    Refused {
        reason: RefusalReason,
        problem: Option<FieldProblem>,
        detail: Option<String>,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BatchItem {
    pub path: String,
    pub original_name: String,
    pub outcome: ImportOutcome,
}

/// Progress of a batch, for a progress bar. Byte counts are `f64` because a batch may pass 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub bytes_done: f64,
    pub bytes_total: f64,
    pub files_done: u32,
    pub files_total: u32,
}

/// A refused import: the reason for the batch list, the error for single imports (which keeps
/// its kind, so a damaged database is still reported as such).
pub(crate) struct Refusal {
    reason: RefusalReason,
    error: Error,
}

impl Refusal {
    fn new(reason: RefusalReason, error: Error) -> Refusal {
        Refusal { reason, error }
    }

    fn not_saved(error: Error) -> Refusal {
        Refusal::new(RefusalReason::NotSaved, error)
    }

    /// The system's own words for a read or write that failed.
    fn detail(&self) -> Option<String> {
        match &self.error {
            Error::Io { source, .. } => Some(source.to_string()),
            _ => None,
        }
    }
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Error {
        r.error
    }
}

/// The least a batch advances between two progress reports, so a 1 GB batch sends a few hundred
/// events, not thousands.
const PROGRESS_STEP_BYTES: u64 = 4 * 1024 * 1024;

impl Vault {
    /// Imports the file at `path`. The type is read from the content; the file is refused, with
    /// a message naming it, when it is not a PDF, JPEG, PNG, WebP or TIFF, is empty, is over
    /// [`MAX_DOCUMENT_BYTES`] or cannot be read.
    pub fn import_file(
        &self,
        store: &mut Store,
        path: &Path,
        options: &ImportOptions,
        now: DateTime<Utc>,
    ) -> Result<Imported> {
        Ok(self.import_path(store, path, options, now, &mut |_| {})?)
    }

    /// Imports content from any reader (a dropped file, a test source) under `original_name`,
    /// which is only recorded, never used in a path.
    pub fn import_reader(
        &self,
        store: &mut Store,
        reader: &mut dyn Read,
        original_name: &str,
        options: &ImportOptions,
        now: DateTime<Utc>,
    ) -> Result<Imported> {
        let incoming = Incoming::named(original_name);
        Ok(self.import_stream(store, reader, incoming, options, now, &mut |_| {})?)
    }

    /// Keeps a captured notice's own file (a saved page, a text file or a PDF) as a document
    /// of kind Other. `media` is what the notice was read as: a page is never sniffed into a
    /// type the candidate could not import, and never refused for being one.
    pub(crate) fn import_notice_copy(
        &self,
        store: &mut Store,
        bytes: &[u8],
        original_name: &str,
        media: MediaType,
        now: DateTime<Utc>,
    ) -> Result<Imported> {
        let options = ImportOptions::default();
        let mut reader = bytes;
        let incoming = Incoming {
            name: original_name,
            known: Some(media),
        };
        Ok(self.import_stream(store, &mut reader, incoming, &options, now, &mut |_| {})?)
    }

    /// Imports several files as `kind`, one after the other. Each gets its own outcome: a file
    /// refused does not stop the others. `progress` hears about bytes and files done.
    pub fn import_batch(
        &self,
        store: &mut Store,
        paths: &[PathBuf],
        kind: DocumentKind,
        now: DateTime<Utc>,
        progress: Option<&mut dyn FnMut(&ImportProgress)>,
    ) -> Vec<BatchItem> {
        // Sizes known up front give the bar its length; a file refused early counts as 0 bytes.
        let expected: Vec<u64> = paths
            .iter()
            .map(|p| match fs::metadata(p) {
                Ok(m) if m.is_file() && m.len() <= u64::from(MAX_DOCUMENT_BYTES) => m.len(),
                _ => 0,
            })
            .collect();
        let mut meter = ProgressMeter {
            callback: progress,
            total: expected.iter().sum(),
            finished_bytes: 0,
            files_done: 0,
            files_total: u32::try_from(paths.len()).unwrap_or(u32::MAX),
            last_reported: None,
        };
        meter.report(0, true);
        let options = ImportOptions {
            kind,
            supersedes: None,
        };
        let mut items = Vec::with_capacity(paths.len());
        for (path, &size) in paths.iter().zip(&expected) {
            let result = self.import_path(store, path, &options, now, &mut |read| {
                meter.report(read.min(size), false);
            });
            meter.finish_file(size);
            let outcome = match result {
                Ok(Imported {
                    document,
                    already_in_vault: false,
                }) => ImportOutcome::Imported { document },
                Ok(Imported {
                    document,
                    already_in_vault: true,
                }) => ImportOutcome::AlreadyInVault { document },
                Err(refusal) => ImportOutcome::Refused {
                    reason: refusal.reason,
                    problem: refusal.error.field_problem().cloned(),
                    detail: refusal.detail(),
                    message: refusal.error.to_string(),
                },
            };
            items.push(BatchItem {
                path: path.display().to_string(),
                original_name: file_name_of(path),
                outcome,
            });
        }
        items
    }

    fn import_path(
        &self,
        store: &mut Store,
        path: &Path,
        options: &ImportOptions,
        now: DateTime<Utc>,
        on_bytes: &mut dyn FnMut(u64),
    ) -> Result<Imported, Refusal> {
        let name = file_name_of(path);
        let unreadable = |e: std::io::Error| {
            Refusal::new(RefusalReason::Unreadable, Error::io(IoOp::Read, path, e))
        };
        let meta = fs::metadata(path).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(refuse(
                RefusalReason::Unreadable,
                &name,
                FieldProblem::FileIsFolder { name: name.clone() },
            ));
        }
        if !meta.is_file() {
            return Err(refuse(
                RefusalReason::Unreadable,
                &name,
                FieldProblem::FileNotOrdinary { name: name.clone() },
            ));
        }
        if meta.len() == 0 {
            return Err(empty(&name));
        }
        if meta.len() > u64::from(MAX_DOCUMENT_BYTES) {
            return Err(too_large(&name, meta.len()));
        }
        let mut file = File::open(path).map_err(unreadable)?;
        self.import_stream(
            store,
            &mut file,
            Incoming::named(&name),
            options,
            now,
            on_bytes,
        )
    }

    fn import_stream(
        &self,
        store: &mut Store,
        reader: &mut dyn Read,
        incoming: Incoming<'_>,
        options: &ImportOptions,
        now: DateTime<Utc>,
        on_bytes: &mut dyn FnMut(u64),
    ) -> Result<Imported, Refusal> {
        let Incoming {
            name: original_name,
            known,
        } = incoming;
        // A name-less stream (dropped data) is named by the window's list row, not by words
        // of ours in one language.
        let name = if original_name.trim().is_empty() {
            "…"
        } else {
            original_name
        };
        // A version that cannot be replaced is refused before up to 100 MB are copied for nothing.
        if let Some(older) = options.supersedes {
            store
                .read(|c| rows::check_supersedes(c, None, older))
                .map_err(Refusal::not_saved)?;
        }
        let unreadable = |e: std::io::Error| {
            Refusal::new(RefusalReason::Unreadable, Error::io(IoOp::Read, name, e))
        };
        let mut buf = vec![0u8; COPY_BUFFER_BYTES];
        let head = objects::fill(reader, &mut buf).map_err(unreadable)?;
        if head == 0 {
            return Err(empty(name));
        }
        let media = match known {
            Some(media) => media,
            None => sniff(&buf[..head]).map_err(|found| not_kept(name, found))?,
        };

        let not_saved =
            |e: std::io::Error| Refusal::not_saved(Error::io(IoOp::Write, self.dir(), e));
        let mut temp = TempObject::create(self.dir(), self.key()).map_err(not_saved)?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut chunk = head;
        while chunk > 0 {
            size += chunk as u64;
            if size > u64::from(MAX_DOCUMENT_BYTES) {
                return Err(too_large(name, size));
            }
            hasher.update(&buf[..chunk]);
            temp.write_all(&buf[..chunk]).map_err(not_saved)?;
            on_bytes(size);
            chunk = objects::read_some(reader, &mut buf).map_err(unreadable)?;
        }
        temp.sync().map_err(not_saved)?;
        let hash = objects::hex(&hasher.finalize());
        let size_bytes = u32::try_from(size).map_err(|_| too_large(name, size))?;
        let dest = objects::object_path(self.dir(), &hash, media).map_err(Refusal::not_saved)?;

        let existing = store
            .read(|c| rows::first_with_hash(c, &hash))
            .map_err(Refusal::not_saved)?;
        if let Some(id) = existing {
            // Same bytes as a document already kept: nothing new to file, but a missing or
            // damaged copy of the object is repaired from this one.
            objects::place(self.dir(), temp, &dest, &hash, self.key())
                .map_err(Refusal::not_saved)?;
            let document = rows::get_document(store, id).map_err(Refusal::not_saved)?;
            return Ok(Imported {
                document,
                already_in_vault: true,
            });
        }

        let placed = objects::place(self.dir(), temp, &dest, &hash, self.key())
            .map_err(Refusal::not_saved)?;
        let title = default_title(name);
        let new = NewDocument {
            kind: options.kind,
            title: &title,
            content_hash: &hash,
            original_name: name,
            media_type: media,
            size_bytes,
            supersedes: options.supersedes,
            created_utc: now,
        };
        let committed = store.write(|tx| {
            let id = rows::insert_document(tx, &new)?;
            rows::read_document(tx, id)?.ok_or_else(|| rows::not_found(id))
        });
        match committed {
            Ok(document) => Ok(Imported {
                document,
                already_in_vault: false,
            }),
            Err(e) => {
                // No row will name this object: take back the file this import created.
                if placed == Placed::Created && fs::remove_file(&dest).is_ok() {
                    let _ = crate::fsio::sync_dir(dest.parent().unwrap_or(self.dir()));
                }
                Err(Refusal::not_saved(e))
            }
        }
    }
}

/// What an import is told about its content besides the bytes: the candidate's name for it
/// (recorded only), and its type when the caller already knows it (a captured notice);
/// otherwise the type is read from the content.
struct Incoming<'a> {
    name: &'a str,
    known: Option<MediaType>,
}

impl<'a> Incoming<'a> {
    fn named(name: &'a str) -> Incoming<'a> {
        Incoming { name, known: None }
    }
}

struct ProgressMeter<'a> {
    callback: Option<&'a mut dyn FnMut(&ImportProgress)>,
    total: u64,
    finished_bytes: u64,
    files_done: u32,
    files_total: u32,
    last_reported: Option<u64>,
}

impl ProgressMeter<'_> {
    fn report(&mut self, within_current: u64, force: bool) {
        let Some(callback) = self.callback.as_mut() else {
            return;
        };
        let done = (self.finished_bytes + within_current).min(self.total);
        let due = match self.last_reported {
            None => true,
            Some(last) => force || done >= last + PROGRESS_STEP_BYTES,
        };
        if due {
            self.last_reported = Some(done);
            callback(&ImportProgress {
                bytes_done: done as f64,
                bytes_total: self.total as f64,
                files_done: self.files_done,
                files_total: self.files_total,
            });
        }
    }

    fn finish_file(&mut self, size: u64) {
        self.finished_bytes += size;
        self.files_done += 1;
        self.report(0, true);
    }
}

/// The vault's type for `head`, or what the content is instead (`None`: not recognised).
fn sniff(head: &[u8]) -> Result<MediaType, Option<infer::Type>> {
    let found = infer::get(head);
    found
        .and_then(|t| {
            MediaType::IMPORTED
                .into_iter()
                .find(|m| m.mime() == t.mime_type())
        })
        .ok_or(found)
}

/// The refusal of a file whose content is not one the vault keeps.
fn not_kept(name: &str, found: Option<infer::Type>) -> Refusal {
    use infer::MatcherType as M;
    let what = match found.map(|t| t.matcher_type()) {
        None => FoundFileType::Unknown,
        Some(M::Image) => {
            let format = found
                .map(|t| t.extension().to_uppercase())
                .unwrap_or_default();
            return refuse(
                RefusalReason::UnsupportedType,
                name,
                FieldProblem::PictureFormatNotKept {
                    name: name.to_string(),
                    format,
                },
            );
        }
        Some(M::App) => FoundFileType::Program,
        Some(M::Archive) => FoundFileType::Archive,
        Some(M::Audio) => FoundFileType::Sound,
        Some(M::Video) => FoundFileType::Video,
        Some(M::Doc) => FoundFileType::OfficeDocument,
        Some(M::Book) => FoundFileType::EBook,
        Some(M::Font) => FoundFileType::Font,
        Some(M::Text) => FoundFileType::Text,
        Some(M::Custom) => FoundFileType::Other,
    };
    refuse(
        RefusalReason::UnsupportedType,
        name,
        FieldProblem::FileTypeNotKept {
            name: name.to_string(),
            found: what,
        },
    )
}

/// A refusal the window words from `problem`; the code and the name are kept in the English
/// message, for logs only.
fn refuse(reason: RefusalReason, name: &str, problem: FieldProblem) -> Refusal {
    let message = format!("{}: {problem:?}", quoted(name));
    Refusal::new(reason, Error::field("file", problem, message))
}

fn empty(name: &str) -> Refusal {
    refuse(
        RefusalReason::Empty,
        name,
        FieldProblem::FileEmpty {
            name: name.to_string(),
        },
    )
}

fn too_large(name: &str, size: u64) -> Refusal {
    refuse(
        RefusalReason::TooLarge,
        name,
        FieldProblem::FileTooLarge {
            name: name.to_string(),
            size_kib: u32::try_from(size.div_ceil(1024)).unwrap_or(u32::MAX),
            max_kib: MAX_DOCUMENT_BYTES / 1024,
        },
    )
}

/// A file name in a sentence. The bidi isolates keep a right-to-left name from reordering the
/// words around it.
pub(crate) fn quoted(name: &str) -> String {
    format!("“\u{2068}{name}\u{2069}”")
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The title a new document starts with: its file name without the folder or the extension.
pub fn default_title(original_name: &str) -> String {
    let last = original_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(original_name);
    let stem = match last.rfind('.') {
        Some(dot) if dot > 0 => &last[..dot],
        _ => last,
    };
    let stem = stem.trim();
    if stem.is_empty() {
        return "Untitled document".to_string();
    }
    stem.chars().take(MAX_TITLE_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_titles_drop_folder_and_extension() {
        assert_eq!(default_title("CV 2025.pdf"), "CV 2025");
        assert_eq!(default_title("scan.final.jpeg"), "scan.final");
        assert_eq!(default_title("../../etc/passwd"), "passwd");
        assert_eq!(default_title("C:\\Users\\me\\Diplôme.pdf"), "Diplôme");
        assert_eq!(default_title(".pdf"), ".pdf");
        assert_eq!(default_title("  .  "), "Untitled document");
        assert_eq!(
            default_title(&"x".repeat(500)).chars().count(),
            MAX_TITLE_CHARS
        );
    }

    #[test]
    fn sniffing_reads_the_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Ok(MediaType::Pdf));
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]),
            Ok(MediaType::Png)
        );
        assert_eq!(sniff(&[0xff, 0xd8, 0xff, 0xe0]), Ok(MediaType::Jpeg));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Ok(MediaType::Webp));
        assert_eq!(sniff(b"II*\0\x08\0\0\0\0\0\0\0"), Ok(MediaType::Tiff));
        assert_eq!(sniff(b"MM\0*\0\0\0\x08\0\0\0\0"), Ok(MediaType::Tiff));
        let gif = sniff(b"GIF89a....").unwrap_err().unwrap();
        assert_eq!(
            Error::from(not_kept("anim.gif", Some(gif))).field_problem(),
            Some(&FieldProblem::PictureFormatNotKept {
                name: "anim.gif".into(),
                format: "GIF".into()
            })
        );
        assert!(sniff(b"just some words").unwrap_err().is_none());
        // A saved page is kept only as a notice's own copy, never imported as a document.
        let page = sniff(b"<!DOCTYPE html><html><body>x</body></html>").unwrap_err();
        assert_eq!(page.map(|t| t.mime_type()), Some("text/html"));
    }
}

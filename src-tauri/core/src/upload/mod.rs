//! Upload-ready files: one PDF made from an ordered list of vault documents, under the size
//! limit of a recruitment platform's attachment field. Images become pages at their real size
//! and are recompressed only as far as the limit needs, never below a legible resolution;
//! source PDFs are appended page by page. What could not be used is named, not passed on.

mod fit;
mod name;
mod pdf;

pub use name::safe_file_name;

use crate::error::Error;
use crate::store::Store;
use crate::vault::{MediaType, Vault, get_document, sha256_hex};
use crate::{Result, fsio};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The lowest resolution a page is brought down to: about what A4 text needs to stay legible.
pub const MIN_LEGIBLE_DPI: u32 = 150;

/// The limits offered per platform, in bytes (1, 2, 5 and 10 MB).
pub const COMMON_LIMITS_BYTES: [u64; 4] = [1_000_000, 2_000_000, 5_000_000, 10_000_000];

/// What the file is for: a CV must carry text a platform can read, other proofs need not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Cv,
    Proof,
}

/// One source as read from the vault; `bytes` is `None` when its stored file is gone.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub document_id: u32,
    pub title: String,
    pub media: MediaType,
    pub bytes: Option<Vec<u8>>,
}

/// Why a source was left out of the made file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No such document, or its stored file is missing or does not match its hash.
    Missing,
    /// An image that cannot be decoded.
    ImageUnreadable,
    /// A PDF that opens only with a password: the platforms refuse those.
    PdfLocked,
    /// A PDF that cannot be read: truncated, or not a PDF inside.
    PdfDamaged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub document_id: u32,
    pub title: String,
    pub reason: SkipReason,
}

/// Worth telling before the upload, though the file was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Note {
    /// A CV whose pages are only pictures: a platform's parser reads no text from it.
    ImageOnlyCv { document_id: u32 },
}

/// What making the file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MadeReport {
    pub pages: u32,
    pub pages_recompressed: u32,
    // A plain number on the other side: a made file stays under its limit, at most 10 MB.
    #[specta(type = u32)]
    pub size_bytes: u64,
    #[specta(type = u32)]
    pub limit_bytes: u64,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
    /// A name the platforms take: ASCII letters, digits, `-` and `_`, ending `.pdf`.
    pub file_name: String,
}

#[derive(Debug, Clone)]
pub struct Made {
    pub bytes: Vec<u8>,
    pub report: MadeReport,
}

#[derive(Debug, Clone)]
pub struct MakeOptions {
    pub limit_bytes: u64,
    pub purpose: Purpose,
    /// The made file's title, from which its safe file name comes.
    pub title: String,
}

/// Makes one PDF of `sources`, in their order. Unusable sources are skipped and named in the
/// report; the call fails only when nothing usable is left, or when the legible floor of every
/// page still does not fit the limit.
pub fn make_pdf(sources: &[SourceFile], options: &MakeOptions) -> Result<Made> {
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    let mut parts = Vec::new();
    for source in sources {
        let Some(bytes) = &source.bytes else {
            skipped.push(skip(source, SkipReason::Missing));
            continue;
        };
        let part = match source.media {
            MediaType::Pdf => pdf::open_source(bytes).map(|(doc, has_text)| {
                if options.purpose == Purpose::Cv && !has_text {
                    notes.push(Note::ImageOnlyCv {
                        document_id: source.document_id,
                    });
                }
                fit::Part::Pdf(Box::new(doc))
            }),
            _ => fit::ImagePage::read(bytes).map(|page| fit::Part::Image(Box::new(page))),
        };
        match part {
            Ok(part) => parts.push((source, part)),
            Err(reason) => skipped.push(skip(source, reason)),
        }
    }
    if parts.is_empty() {
        return Err(Error::UploadNothingToMake {
            skipped: skipped.iter().map(|s| s.document_id).collect(),
        });
    }
    if options.purpose == Purpose::Cv
        && let Some((source, _)) = parts.iter().find(|(_, p)| matches!(p, fit::Part::Image(_)))
    {
        notes.push(Note::ImageOnlyCv {
            document_id: source.document_id,
        });
    }
    let bookmarks = parts.len() > 1;
    let mut fitter = fit::Fitter::new(parts);
    let mut target = options.limit_bytes;
    loop {
        fitter.fit(target, options.limit_bytes)?;
        if fitter.parts.is_empty() {
            skipped.extend(unreadable(&mut fitter));
            return Err(Error::UploadNothingToMake {
                skipped: skipped.iter().map(|s| s.document_id).collect(),
            });
        }
        let bytes = pdf::build(&fitter, bookmarks)?;
        let size = bytes.len() as u64;
        if size <= options.limit_bytes {
            skipped.extend(unreadable(&mut fitter));
            return Ok(Made {
                report: MadeReport {
                    pages: fitter.page_count(),
                    pages_recompressed: fitter.recompressed(),
                    size_bytes: size,
                    limit_bytes: options.limit_bytes,
                    skipped,
                    notes,
                    file_name: safe_file_name(&options.title),
                },
                bytes,
            });
        }
        // The estimate missed the file's own structure by this much: aim lower by as much.
        target = target.saturating_sub(size - options.limit_bytes + 1024);
    }
}

/// The images the fitter found undecodable, named as the import's unreadable ones are.
fn unreadable(fitter: &mut fit::Fitter) -> impl Iterator<Item = Skipped> {
    std::mem::take(&mut fitter.unreadable)
        .into_iter()
        .map(|(document_id, title)| Skipped {
            document_id,
            title,
            reason: SkipReason::ImageUnreadable,
        })
}

fn skip(source: &SourceFile, reason: SkipReason) -> Skipped {
    Skipped {
        document_id: source.document_id,
        title: source.title.clone(),
        reason,
    }
}

/// The sources of a made file, read from the vault in the candidate's order; a document that
/// is gone, or whose stored file is, is kept as missing so the report names it.
pub fn read_sources(vault: &Vault, store: &Store, ids: &[u32]) -> Vec<SourceFile> {
    ids.iter()
        .map(|&id| match get_document(store, id) {
            Ok(doc) => SourceFile {
                document_id: id,
                title: doc.title.clone(),
                media: doc.media_type,
                bytes: vault.read_bytes(store, id).ok(),
            },
            Err(_) => SourceFile {
                document_id: id,
                title: String::new(),
                media: MediaType::Pdf,
                bytes: None,
            },
        })
        .collect()
}

/// A fingerprint of what a made file came from: the documents' contents in order and the
/// limit. The file is made again only when this changes.
pub fn sources_hash(store: &Store, ids: &[u32], limit_bytes: u64) -> Result<String> {
    let mut text = format!("limit={limit_bytes}\n");
    for &id in ids {
        let doc = get_document(store, id)?;
        text.push_str(&format!("{id}:{}\n", doc.content_hash));
    }
    Ok(sha256_hex(text.as_bytes()))
}

/// Writes a made file atomically (temporary file, sync, rename, sync folder).
pub fn write_made(made: &Made, dest: &Path) -> Result<()> {
    fsio::write_atomic(dest, &made.bytes)
}

//! Reading files into drafts: the size refused from the metadata before any byte is read, the
//! type from the name, the text from the page or the PDF, then the parser.

use super::pdf::{PdfProblem, pdf_text};
use crate::error::IoOp;
use crate::notice::{self, NoticeCapture};
use crate::store::Store;
use crate::vacancy::{self, Platform};
use crate::{Error, Result};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest notice file opened at all, as large as the vault takes: a PDF of a long notice
/// with its pictures stays far below it; a bigger file is not a notice.
pub const MAX_NOTICE_FILE_BYTES: u64 = 100 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NoticeFileType {
    Html,
    Text,
    Pdf,
}

/// The type a file is read as, from its extension: a saved page, plain text or a PDF.
pub fn notice_file_type(path: &Path) -> Result<NoticeFileType> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => Ok(NoticeFileType::Html),
        Some("txt") => Ok(NoticeFileType::Text),
        Some("pdf") => Ok(NoticeFileType::Pdf),
        _ => Err(Error::NoticeFileUnknownType {
            path: path.to_path_buf(),
            extension,
        }),
    }
}

pub(super) fn read_whole(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(IoOp::Open, path, e))?;
    if meta.len() > MAX_NOTICE_FILE_BYTES {
        return Err(Error::NoticeFileTooLarge {
            path: path.to_path_buf(),
            size_bytes: meta.len(),
            limit_bytes: MAX_NOTICE_FILE_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(IoOp::Open, path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may have grown since its metadata was read; never read past the limit.
    file.take(MAX_NOTICE_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(IoOp::Read, path, e))?;
    if bytes.len() as u64 > MAX_NOTICE_FILE_BYTES {
        return Err(Error::NoticeFileTooLarge {
            path: path.to_path_buf(),
            size_bytes: bytes.len() as u64,
            limit_bytes: MAX_NOTICE_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads one saved notice into a draft. Nothing is saved. A saved page is read for its visible
/// text (a page saved whole may be larger than any notice because of its scripts and styles).
pub fn read_notice_file(path: &Path) -> Result<NoticeCapture> {
    let kind = notice_file_type(path)?;
    let bytes = read_whole(path)?;
    let text = match kind {
        NoticeFileType::Pdf => pdf_text(&bytes).map_err(|problem| {
            let path = path.to_path_buf();
            match problem {
                PdfProblem::NoText => Error::PdfWithoutText { path },
                PdfProblem::Locked => Error::PdfLocked { path },
                PdfProblem::Damaged => Error::PdfDamaged { path },
            }
        })?,
        NoticeFileType::Html | NoticeFileType::Text => {
            let text = String::from_utf8_lossy(&bytes);
            if kind == NoticeFileType::Html || text.trim_start().starts_with('<') {
                notice::notice_text_from_html(&text)
            } else {
                text.into_owned()
            }
        }
    };
    notice::capture_notice(&text)
}

/// Why a file of a batch gave no draft, for the UI to say in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(
    tag = "reason",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum FileRefusal {
    /// Bytes as `f64`: the sizes in question pass what a JavaScript integer type suggests.
    TooLarge {
        size_bytes: f64,
        limit_bytes: f64,
    },
    UnknownType {
        extension: Option<String>,
    },
    PdfLocked,
    PdfDamaged,
    /// Read, but the parser refused it (nothing in it looks like a notice, or its text is far
    /// longer than one): `problem` is the parser's code, as a paste would show it, `message`
    /// its English for logs.
    NotANotice {
        problem: crate::error::FieldProblem,
        message: String,
    },
    /// The file could not be opened or read; `detail` is the system's own words.
    Unreadable {
        detail: String,
    },
}

/// The vacancy or draft a draft repeats (same platform and reference).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "of", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum DuplicateOf {
    Saved {
        vacancy_id: u32,
        title: String,
    },
    /// An earlier draft of the same batch, by its place (0 is the first).
    InBatch {
        draft: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(
    tag = "outcome",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum FileDraftOutcome {
    Draft {
        capture: Box<NoticeCapture>,
        duplicate: Option<DuplicateOf>,
    },
    /// A PDF that holds only an image of the text: nothing to read, but the candidate may type
    /// the vacancy and keep the file with it.
    ImageOnly,
    Refused {
        refusal: FileRefusal,
    },
}

/// One file of a batch, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FileDraft {
    pub path: String,
    pub file_name: String,
    pub file_type: Option<NoticeFileType>,
    pub outcome: FileDraftOutcome,
}

fn refusal_of(error: Error) -> FileDraftOutcome {
    let refusal = match error {
        Error::PdfWithoutText { .. } => return FileDraftOutcome::ImageOnly,
        Error::NoticeFileTooLarge {
            size_bytes,
            limit_bytes,
            ..
        } => FileRefusal::TooLarge {
            size_bytes: size_bytes as f64,
            limit_bytes: limit_bytes as f64,
        },
        Error::NoticeFileUnknownType { extension, .. } => FileRefusal::UnknownType { extension },
        Error::PdfLocked { .. } => FileRefusal::PdfLocked,
        Error::PdfDamaged { .. } => FileRefusal::PdfDamaged,
        Error::Invalid { mut fields } if fields.len() == 1 => {
            let field = fields.remove(0);
            FileRefusal::NotANotice {
                problem: field.problem,
                message: field.message,
            }
        }
        Error::Io { source, .. } => FileRefusal::Unreadable {
            detail: source.to_string(),
        },
        // Reading a file touches no store, so nothing else is expected; whatever it is, it
        // belongs to this file alone.
        other => FileRefusal::Unreadable {
            detail: other.to_string(),
        },
    };
    FileDraftOutcome::Refused { refusal }
}

fn same_reference(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Reads every file into a draft, one after the other; a file refused does not stop the
/// others. A draft repeating an earlier one of the batch (same platform and reference) says
/// so. Nothing is saved, and no store is needed: a 100 MB PDF is parsed here while the rest of
/// Dossier goes on using the store. [`point_out_saved_duplicates`] then looks among the saved
/// vacancies, which takes the store only for the look-ups.
pub fn read_notice_files(paths: &[PathBuf]) -> Vec<FileDraft> {
    let mut drafts: Vec<FileDraft> = Vec::with_capacity(paths.len());
    let mut seen: Vec<(Platform, String, u32)> = Vec::new();
    for path in paths {
        let outcome = match read_notice_file(path) {
            Ok(capture) => {
                let mut duplicate = None;
                if let (Some(platform), Some(reference)) =
                    (capture.draft.platform, capture.draft.reference.as_deref())
                {
                    if let Some((_, _, draft)) = seen
                        .iter()
                        .find(|(p, r, _)| *p == platform && same_reference(r, reference))
                    {
                        duplicate = Some(DuplicateOf::InBatch { draft: *draft });
                    }
                    seen.push((platform, reference.to_string(), drafts.len() as u32));
                }
                FileDraftOutcome::Draft {
                    capture: Box::new(capture),
                    duplicate,
                }
            }
            Err(error) => refusal_of(error),
        };
        drafts.push(FileDraft {
            path: path.display().to_string(),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            file_type: notice_file_type(path).ok(),
            outcome,
        });
    }
    drafts
}

/// Points out, on each draft, a saved vacancy with the same platform and reference; that
/// outranks an earlier draft of the batch, which is not saved yet.
pub fn point_out_saved_duplicates(store: &Store, drafts: &mut [FileDraft]) -> Result<()> {
    for draft in drafts {
        let FileDraftOutcome::Draft { capture, duplicate } = &mut draft.outcome else {
            continue;
        };
        if let (Some(platform), Some(reference)) =
            (capture.draft.platform, capture.draft.reference.as_deref())
            && let Some((vacancy_id, title)) =
                vacancy::find_by_reference(store, platform, reference)?
        {
            *duplicate = Some(DuplicateOf::Saved { vacancy_id, title });
        }
    }
    Ok(())
}

/// [`read_notice_files`] then [`point_out_saved_duplicates`], for callers that hold no lock
/// on the store.
pub fn capture_notice_files(store: &Store, paths: &[PathBuf]) -> Result<Vec<FileDraft>> {
    let mut drafts = read_notice_files(paths);
    point_out_saved_duplicates(store, &mut drafts)?;
    Ok(drafts)
}

//! Saving a draft read from a file: the vacancy, then the file itself in the vault as the
//! posting's own copy, linked to it (migration 0006). A PDF is kept as a PDF, a saved page as
//! `text/html`, a text file as `text/plain`: the candidate gets back the file as it was, even
//! when the parser read only part of it. A page is never shown as a page in Dossier's window;
//! the system viewer gets a sanitised copy of it ([`crate::vault::sanitised_page`]).

use super::read::{NoticeFileType, notice_file_type, read_whole};
use crate::store::Store;
use crate::vacancy::{self, SaveOutcome, VacancyInput};
use crate::vault::{self, Document, DocumentKind, ImportOptions, MediaType, Vault};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use std::path::Path;

/// The file of a notice read back for keeping, outside any store lock: up to 100 MB are read
/// before [`save_vacancy_with_notice_file`] needs the store.
#[derive(Debug)]
pub struct NoticeFileCopy {
    name: String,
    media: MediaType,
    bytes: Vec<u8>,
}

/// Reads `path` to keep it with its vacancy. The size is refused before reading, as for a draft.
pub fn read_notice_copy(path: &Path) -> Result<NoticeFileCopy> {
    let media = match notice_file_type(path)? {
        NoticeFileType::Pdf => MediaType::Pdf,
        NoticeFileType::Html => MediaType::Html,
        NoticeFileType::Text => MediaType::Text,
    };
    Ok(NoticeFileCopy {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        media,
        bytes: read_whole(path)?,
    })
}

/// Saves `input` as a new vacancy and keeps `file` (read by [`read_notice_copy`]) in the vault
/// linked to it. A duplicate is not saved, and its file not imported. When the copy cannot be
/// kept the vacancy is taken back out, so the candidate tries again with nothing half-saved.
pub fn save_vacancy_with_notice_file(
    store: &mut Store,
    vault: &Vault,
    input: VacancyInput,
    file: Option<&NoticeFileCopy>,
    now: DateTime<Utc>,
) -> Result<SaveOutcome> {
    let outcome = vacancy::create_vacancy(store, input, now)?;
    let (SaveOutcome::Saved { vacancy }, Some(file)) = (&outcome, file) else {
        return Ok(outcome);
    };
    let vacancy_id = vacancy.id;
    let kept = attach_copy(store, vault, vacancy_id, file, now);
    match kept {
        Ok(()) => Ok(SaveOutcome::Saved {
            vacancy: Box::new(vacancy::get_vacancy(store, vacancy_id)?),
        }),
        Err(e) => {
            // The error that matters is the copy's; a failed undo leaves a vacancy the
            // candidate sees in the list and can delete.
            let _ = vacancy::delete_vacancy(store, vacancy_id);
            Err(e)
        }
    }
}

fn attach_copy(
    store: &mut Store,
    vault: &Vault,
    vacancy_id: u32,
    file: &NoticeFileCopy,
    now: DateTime<Utc>,
) -> Result<()> {
    let imported = if file.media == MediaType::Pdf {
        // Read from the content, as any PDF the vault keeps: a file named .pdf that is not one
        // is refused here as at any import.
        let options = ImportOptions {
            kind: DocumentKind::Other,
            supersedes: None,
        };
        let mut reader = file.bytes.as_slice();
        vault.import_reader(store, &mut reader, &file.name, &options, now)?
    } else {
        vault.import_notice_copy(store, &file.bytes, &file.name, file.media, now)?
    };
    store.write(|tx| {
        tx.execute(
            "INSERT INTO vacancy_notice_files (vacancy_id, document_id) VALUES (?1, ?2)",
            params![vacancy_id, imported.document.id],
        )?;
        Ok(())
    })
}

/// The posting's own copy kept with a vacancy, if any.
pub fn notice_copy_of(store: &Store, vacancy_id: u32) -> Result<Option<Document>> {
    let document_id: Option<u32> = store.read(|c| {
        c.query_row(
            "SELECT document_id FROM vacancy_notice_files WHERE vacancy_id = ?1",
            [vacancy_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(Error::from)
    })?;
    document_id
        .map(|id| vault::get_document(store, id))
        .transpose()
}

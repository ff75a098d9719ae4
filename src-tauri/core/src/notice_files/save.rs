//! Saving a draft read from a file: the vacancy, then its PDF in the vault as the posting's own
//! copy, linked to it (migration 0006). A saved page or text file needs no copy: its text is
//! kept with the vacancy as the notice, and the vault holds only PDFs and pictures.

use super::read::{NoticeFileType, notice_file_type};
use crate::store::Store;
use crate::vacancy::{self, SaveOutcome, VacancyInput};
use crate::vault::{self, Document, DocumentKind, ImportOptions, Vault};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use std::path::Path;

/// Saves `input` as a new vacancy and, when `file` is a PDF, keeps that file in the vault
/// linked to it. A duplicate is not saved, and its file not imported. When the copy cannot be
/// kept the vacancy is taken back out, so the candidate tries again with nothing half-saved.
pub fn save_vacancy_with_notice_file(
    store: &mut Store,
    vault: &Vault,
    input: VacancyInput,
    file: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<SaveOutcome> {
    let pdf = match file {
        Some(path) if notice_file_type(path)? == NoticeFileType::Pdf => Some(path),
        _ => None,
    };
    let outcome = vacancy::create_vacancy(store, input, now)?;
    let (SaveOutcome::Saved { vacancy }, Some(pdf)) = (&outcome, pdf) else {
        return Ok(outcome);
    };
    let vacancy_id = vacancy.id;
    let kept = attach_copy(store, vault, vacancy_id, pdf, now);
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
    pdf: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let options = ImportOptions {
        kind: DocumentKind::Other,
        supersedes: None,
    };
    let imported = vault.import_file(store, pdf, &options, now)?;
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

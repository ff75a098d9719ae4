//! Which document versions went with an application, and the saved copy of a Talentlink
//! application (Talentlink applications are not carried over to the Recruitment Hub, so the
//! candidate keeps a copy: docs/domain.md#platforms).

use super::AttachedDocument;
use super::rows::read_application;
use crate::store::Store;
use crate::store::text::{self, parse_date};
use crate::vacancy::Platform;
use crate::vault::DocumentKind;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};

/// The documents attached to an application: those sent (by title), and the saved copy.
pub(super) fn read_attached(
    c: &Connection,
    application_id: u32,
) -> Result<(Vec<AttachedDocument>, Option<AttachedDocument>)> {
    let mut stmt = c.prepare_cached(
        "SELECT d.id, d.title, d.kind, d.issued_on,
            NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes_id = d.id), ad.role
         FROM application_documents ad JOIN documents d ON d.id = ad.document_id
         WHERE ad.application_id = ?1 ORDER BY d.title COLLATE NOCASE, d.id",
    )?;
    let mut rows = stmt.query([application_id])?;
    let (mut sent, mut copy) = (Vec::new(), None);
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        let document = AttachedDocument {
            document_id: r.get(0)?,
            title: r.get(1)?,
            kind: DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
            issued_on: r.get::<_, Option<String>>(3)?.and_then(|d| parse_date(&d)),
            is_current: r.get(4)?,
        };
        if r.get::<_, String>(5)? == "saved_copy" {
            copy = Some(document);
        } else {
            sent.push(document);
        }
    }
    Ok((sent, copy))
}

fn document_kind(c: &Connection, id: u32) -> Result<(String, DocumentKind)> {
    let found: Option<(String, String)> = c
        .query_row(
            "SELECT title, kind FROM documents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (title, kind) = found.ok_or_else(|| text::not_found("Document", id))?;
    Ok((
        title,
        DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
    ))
}

/// Records exactly which document versions were sent with the application (replacing the list
/// recorded before). The saved Talentlink copy is kept apart and not changed.
pub fn set_sent_documents(
    store: &mut Store,
    application_id: u32,
    document_ids: &[u32],
) -> Result<Vec<AttachedDocument>> {
    store.write(|tx| {
        read_application(tx, application_id)?;
        for &id in document_ids {
            let (title, kind) = document_kind(tx, id)?;
            if kind == DocumentKind::TalentlinkApplication {
                return Err(Error::field(
                    "documents", crate::error::FieldProblem::SavedCopyAsSent { title: title.clone() },
                    format!(
                        "“{title}” is a saved copy of a Talentlink application; record it as the application's saved copy instead"
                    ),
                ));
            }
        }
        tx.execute(
            "DELETE FROM application_documents WHERE application_id = ?1 AND role = 'sent'",
            [application_id],
        )?;
        for &id in document_ids {
            tx.execute(
                "INSERT INTO application_documents (application_id, document_id, role)
                 VALUES (?1, ?2, 'sent') ON CONFLICT DO NOTHING",
                params![application_id, id],
            )?;
        }
        Ok(read_attached(tx, application_id)?.0)
    })
}

/// Records (or with `None`, forgets) the saved copy of a Talentlink application: a vault
/// document of kind "copy of a Talentlink application".
pub fn set_saved_copy(
    store: &mut Store,
    application_id: u32,
    document_id: Option<u32>,
) -> Result<Option<AttachedDocument>> {
    store.write(|tx| {
        let application = read_application(tx, application_id)?;
        if let Some(id) = document_id {
            if application.platform != Platform::Talentlink {
                return Err(Error::field(
                    "saved copy", crate::error::FieldProblem::TalentlinkOnly,
                    "only Talentlink applications need a saved copy: Talentlink applications are not carried over to the Recruitment Hub",
                ));
            }
            let (title, kind) = document_kind(tx, id)?;
            if kind != DocumentKind::TalentlinkApplication {
                return Err(Error::field(
                    "saved copy", crate::error::FieldProblem::NotASavedCopy { title: title.clone(), kind: kind.as_str().to_string() },
                    format!(
                        "“{title}” is filed as a {}; file it as a {} in the vault first",
                        kind.label(),
                        DocumentKind::TalentlinkApplication.label()
                    ),
                ));
            }
        }
        tx.execute(
            "DELETE FROM application_documents WHERE application_id = ?1 AND role = 'saved_copy'",
            [application_id],
        )?;
        if let Some(id) = document_id {
            // The same document cannot be both sent and the saved copy (one row per pair).
            tx.execute(
                "DELETE FROM application_documents WHERE application_id = ?1 AND document_id = ?2",
                params![application_id, id],
            )?;
            tx.execute(
                "INSERT INTO application_documents (application_id, document_id, role)
                 VALUES (?1, ?2, 'saved_copy')",
                params![application_id, id],
            )?;
        }
        Ok(read_attached(tx, application_id)?.1)
    })
}

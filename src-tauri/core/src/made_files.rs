//! Upload-ready files kept: each file `upload` makes is stored as a vault document of its own,
//! linked to the application and checklist line it is for, and made again only when one of its
//! sources changes. A newer file for the same line replaces the older one as a new version (the
//! vault's own chain), and the candidate marks a file "sent" once they uploaded it, which also
//! records it among the documents sent with the application. The size limit of each platform's
//! attachment field is remembered here too. This module alone reads and writes the
//! `made_files` table (migration 0009).

use crate::packs::Requirement;
use crate::settings::{load_or_default, save_setting};
use crate::store::Store;
use crate::store::text::{instant_text, not_found, stored_instant};
use crate::upload::{self, MadeReport, MakeOptions, Purpose};
use crate::vacancy::Platform;
use crate::vault::{
    DocumentKind, DocumentMetadata, ImportOptions, Vault, get_document, update_metadata,
};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// The settings key of the remembered limits.
const LIMITS_KEY: &str = "upload_limits";

/// Neither platform publishes its attachment limit where Dossier's domain notes could cite it,
/// so both start at the smallest of the common values that still holds a few legible scans;
/// the candidate sets what the platform's upload field shows.
pub const DEFAULT_LIMIT_BYTES: u64 = 2_000_000;

/// The size limit remembered for each platform's attachment fields, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadLimits {
    // Plain numbers on the other side: the limits offered are at most 10 MB.
    #[specta(type = u32)]
    pub talentlink: u64,
    #[specta(type = u32)]
    pub recruitment_hub: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits {
            talentlink: DEFAULT_LIMIT_BYTES,
            recruitment_hub: DEFAULT_LIMIT_BYTES,
        }
    }
}

impl UploadLimits {
    pub fn for_platform(&self, platform: Platform) -> u64 {
        match platform {
            Platform::Talentlink => self.talentlink,
            Platform::RecruitmentHub => self.recruitment_hub,
        }
    }
}

/// The limits remembered, each one of [`upload::COMMON_LIMITS_BYTES`].
pub fn upload_limits(store: &Store) -> Result<UploadLimits> {
    let limits: UploadLimits = load_or_default(store, LIMITS_KEY)?;
    // A value this build does not offer (written by hand, or by a later build) reads as the
    // default rather than being used unchecked.
    let offered = |n: u64| {
        if upload::COMMON_LIMITS_BYTES.contains(&n) {
            n
        } else {
            DEFAULT_LIMIT_BYTES
        }
    };
    Ok(UploadLimits {
        talentlink: offered(limits.talentlink),
        recruitment_hub: offered(limits.recruitment_hub),
    })
}

/// Remembers `limit_bytes` for `platform`; only the values offered are taken.
pub fn set_upload_limit(
    store: &mut Store,
    platform: Platform,
    limit_bytes: u64,
) -> Result<UploadLimits> {
    if !upload::COMMON_LIMITS_BYTES.contains(&limit_bytes) {
        return Err(Error::field(
            "limitBytes",
            crate::error::FieldProblem::NotAnOfferedLimit,
            "is not one of the limits offered",
        ));
    }
    let mut limits = upload_limits(store)?;
    match platform {
        Platform::Talentlink => limits.talentlink = limit_bytes,
        Platform::RecruitmentHub => limits.recruitment_hub = limit_bytes,
    }
    save_setting(store, LIMITS_KEY, &limits)?;
    Ok(limits)
}

/// The key a checklist line is kept under: stable across checklists of the same application
/// (`diploma:3`, `criminal_record:FR`), unlike its position in the list.
pub fn requirement_key(requirement: &Requirement) -> String {
    match requirement {
        Requirement::Profile => "profile".into(),
        Requirement::Cv => "cv".into(),
        Requirement::CoverLetter => "cover_letter".into(),
        Requirement::Diploma { education_id } => format!("diploma:{education_id}"),
        Requirement::ProofOfEmployment { employment_id } => {
            format!("proof_of_employment:{employment_id}")
        }
        Requirement::CriminalRecord { country } => format!("criminal_record:{country}"),
        Requirement::CountryOfOrigin => "country_of_origin".into(),
        Requirement::References => "references".into(),
        Requirement::NoticeAsks { document } => format!("notice_asks:{}", document.as_str()),
    }
}

/// A made file as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MadeFile {
    /// The vault document holding the file (open it, save a copy, as any document).
    pub document_id: u32,
    pub title: String,
    pub size_bytes: u32,
    pub application_id: Option<u32>,
    pub requirement: Option<String>,
    pub source_ids: Vec<u32>,
    #[specta(type = u32)]
    pub limit_bytes: u64,
    pub report: MadeReport,
    pub made_utc: DateTime<Utc>,
    pub sent_utc: Option<DateTime<Utc>>,
    /// False once a newer file for the same line replaced it.
    pub current: bool,
}

/// What to make.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MakeRequest {
    /// `None` for a free selection in Documents.
    pub application_id: Option<u32>,
    /// The checklist line it is for; `None` for a free selection.
    pub requirement: Option<Requirement>,
    /// The sources, in the candidate's order.
    pub document_ids: Vec<u32>,
    #[specta(type = u32)]
    pub limit_bytes: u64,
    /// The made document's title, which its file name comes from.
    pub title: String,
}

/// The answer to a make: the file, and whether it was made now or was already there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MakeOutcome {
    pub file: MadeFile,
    /// True when the same sources at the same limit had made this file before: nothing was
    /// made again.
    pub reused: bool,
}

/// Makes the file for `request`, or offers the one already made from the same sources at the
/// same limit. A new file for an application's line supersedes the line's current one.
pub fn make_file(
    vault: &Vault,
    store: &mut Store,
    request: &MakeRequest,
    now: DateTime<Utc>,
) -> Result<MakeOutcome> {
    if request.document_ids.is_empty() {
        return Err(Error::UploadNothingToMake {
            skipped: Vec::new(),
        });
    }
    let requirement = request.requirement.as_ref().map(requirement_key);
    // A source gone from the vault has no hash: it is made (and named as missing) every time.
    let hash = upload::sources_hash(store, &request.document_ids, request.limit_bytes).ok();
    if let Some(hash) = &hash
        && let Some(file) = store.read(|c| {
            find_made(
                c,
                request.application_id,
                requirement.as_deref(),
                Some(hash),
            )
        })?
        && file.current
        && vault.read_bytes(store, file.document_id).is_ok()
    {
        return Ok(MakeOutcome { file, reused: true });
    }

    let sources = upload::read_sources(vault, store, &request.document_ids);
    let kind = made_kind(store, request.requirement.as_ref(), &request.document_ids);
    let purpose = if kind == DocumentKind::Cv {
        Purpose::Cv
    } else {
        Purpose::Proof
    };
    let made = upload::make_pdf(
        &sources,
        &MakeOptions {
            limit_bytes: request.limit_bytes,
            purpose,
            title: request.title.clone(),
        },
    )?;
    let previous = match (request.application_id, &requirement) {
        (Some(_), Some(_)) => store
            .read(|c| find_made(c, request.application_id, requirement.as_deref(), None))?
            .filter(|f| f.current),
        _ => None,
    };
    let source_ids =
        serde_json::to_string(&request.document_ids).map_err(|e| Error::Internal(e.to_string()))?;
    let report_json =
        serde_json::to_string(&made.report).map_err(|e| Error::Internal(e.to_string()))?;
    let hash = hash.unwrap_or_else(|| upload_hash_of_missing(&request.document_ids));
    let title = request.title.trim().to_string();
    let document_id = store.write_batch(|store| {
        let imported = vault.import_reader(
            store,
            &mut made.bytes.as_slice(),
            &made.report.file_name,
            &ImportOptions {
                kind,
                supersedes: previous.as_ref().map(|p| p.document_id),
            },
            now,
        )?;
        let id = imported.document.id;
        if !imported.already_in_vault && !title.is_empty() {
            let metadata = DocumentMetadata {
                title: title.clone(),
                ..DocumentMetadata::from(&imported.document)
            };
            update_metadata(store, id, &metadata, now.date_naive())?;
        }
        // The same bytes made before (for another line, or before a source went and came
        // back) are the same document: its row now says what it was made for last.
        store.write(|tx| {
            tx.execute(
                "INSERT INTO made_files (document_id, application_id, requirement, source_ids,
                     sources_hash, limit_bytes, report, made_utc)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (document_id) DO UPDATE SET
                     application_id = excluded.application_id,
                     requirement = excluded.requirement, source_ids = excluded.source_ids,
                     sources_hash = excluded.sources_hash, limit_bytes = excluded.limit_bytes,
                     report = excluded.report, made_utc = excluded.made_utc",
                params![
                    id,
                    request.application_id,
                    requirement,
                    source_ids,
                    hash,
                    request.limit_bytes as i64,
                    report_json,
                    instant_text(now),
                ],
            )?;
            Ok(())
        })?;
        Ok(id)
    })?;
    let mut file = made_file(store, document_id)?;
    // The report of this make, not of whatever the stored row said before an upsert.
    file.report = made.report;
    Ok(MakeOutcome {
        file,
        reused: false,
    })
}

/// A fingerprint for sources of which one is gone from the vault: never equal to a complete
/// set's, so such a file is made again once the source is back.
fn upload_hash_of_missing(ids: &[u32]) -> String {
    let text = format!("missing:{ids:?}");
    crate::vault::sha256_hex(text.as_bytes())
}

/// What the made document is filed as, as the candidate would file it: what its checklist
/// line asks for (a diploma's line makes a diploma, whatever the scans were filed as); else
/// the kind all its sources share; else "other", since a CV with a diploma is neither.
fn made_kind(store: &Store, requirement: Option<&Requirement>, ids: &[u32]) -> DocumentKind {
    if let Some(kind) = requirement.and_then(requirement_kind) {
        return kind;
    }
    let mut kinds = ids
        .iter()
        .filter_map(|&id| get_document(store, id).ok())
        .map(|d| d.kind);
    match kinds.next() {
        Some(first) if kinds.all(|k| k == first) => first,
        _ => DocumentKind::Other,
    }
}

/// The kind of document a checklist line asks for; `None` for the lines that ask for a
/// record in the profile rather than a document.
pub fn requirement_kind(requirement: &Requirement) -> Option<DocumentKind> {
    match requirement {
        Requirement::Cv => Some(DocumentKind::Cv),
        Requirement::CoverLetter => Some(DocumentKind::CoverLetter),
        Requirement::Diploma { .. } => Some(DocumentKind::Diploma),
        Requirement::ProofOfEmployment { .. } => Some(DocumentKind::ProofOfEmployment),
        Requirement::CriminalRecord { .. } => Some(DocumentKind::CriminalRecord),
        Requirement::References => Some(DocumentKind::ReferenceLetter),
        Requirement::NoticeAsks { document } => Some(*document),
        Requirement::Profile | Requirement::CountryOfOrigin => None,
    }
}

/// Records that the candidate uploaded the file: dated now, and among the documents sent with
/// its application. Saying it again keeps the first date.
pub fn mark_sent(store: &mut Store, document_id: u32, now: DateTime<Utc>) -> Result<MadeFile> {
    let file = made_file(store, document_id)?;
    store.write(|tx| {
        tx.execute(
            "UPDATE made_files SET sent_utc = ?2 WHERE document_id = ?1 AND sent_utc IS NULL",
            params![document_id, instant_text(now)],
        )?;
        if let Some(application_id) = file.application_id {
            tx.execute(
                "INSERT INTO application_documents (application_id, document_id, role)
                 VALUES (?1, ?2, 'sent') ON CONFLICT DO NOTHING",
                params![application_id, document_id],
            )?;
        }
        Ok(())
    })?;
    made_file(store, document_id)
}

/// One made file by its document id.
pub fn made_file(store: &Store, document_id: u32) -> Result<MadeFile> {
    store.read(|c| {
        let mut statement = c.prepare_cached(&format!("{SELECT} WHERE m.document_id = ?1"))?;
        let mut rows = statement.query_map([document_id], row_of)?;
        match rows.next() {
            Some(row) => from_row(row?),
            None => Err(not_found("made file", document_id)),
        }
    })
}

/// The files made for an application, the current ones first, newest first.
pub fn made_files_for_application(store: &Store, application_id: u32) -> Result<Vec<MadeFile>> {
    store.read(|c| {
        let mut statement = c.prepare_cached(&format!(
            "{SELECT} WHERE m.application_id = ?1
             ORDER BY (SELECT count(*) FROM documents n WHERE n.supersedes_id = m.document_id),
                 m.made_utc DESC, m.document_id DESC"
        ))?;
        let rows = statement.query_map([application_id], row_of)?;
        rows.map(|row| from_row(row?)).collect()
    })
}

const SELECT: &str = "SELECT m.document_id, d.title, d.size_bytes, m.application_id,
        m.requirement, m.source_ids, m.limit_bytes, m.report, m.made_utc, m.sent_utc,
        NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes_id = m.document_id)
    FROM made_files m JOIN documents d ON d.id = m.document_id";

type Row = (
    u32,
    String,
    u32,
    Option<u32>,
    Option<String>,
    String,
    i64,
    String,
    String,
    Option<String>,
    bool,
);

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

fn from_row(row: Row) -> Result<MadeFile> {
    let (id, title, size, application_id, requirement, sources, limit, report, made, sent, cur) =
        row;
    let unreadable = |what: &str| Error::Internal(format!("made file {id}: {what} unreadable"));
    Ok(MadeFile {
        document_id: id,
        title,
        size_bytes: size,
        application_id,
        requirement,
        source_ids: serde_json::from_str(&sources).map_err(|_| unreadable("source_ids"))?,
        limit_bytes: limit.max(0) as u64,
        report: serde_json::from_str(&report).map_err(|_| unreadable("report"))?,
        made_utc: stored_instant(&made, "made_utc")?,
        sent_utc: sent.map(|s| stored_instant(&s, "sent_utc")).transpose()?,
        current: cur,
    })
}

/// The newest file made for this application's line (or this free selection), optionally
/// only one made from sources with `hash`.
fn find_made(
    c: &Connection,
    application_id: Option<u32>,
    requirement: Option<&str>,
    hash: Option<&str>,
) -> Result<Option<MadeFile>> {
    let row = c
        .prepare_cached(&format!(
            "{SELECT} WHERE m.application_id IS ?1 AND m.requirement IS ?2
                 AND (?3 IS NULL OR m.sources_hash = ?3)
             ORDER BY m.made_utc DESC, m.document_id DESC LIMIT 1"
        ))?
        .query_row(params![application_id, requirement, hash], row_of)
        .optional()?;
    row.map(from_row).transpose()
}

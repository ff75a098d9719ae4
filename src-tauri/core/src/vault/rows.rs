//! Document rows: reading, listing, inserting and validated metadata updates. Files are handled
//! in `objects`; nothing here touches the disk outside the database.

use super::crc::{CRC_VALID_MONTHS, crc_valid_until};
use super::model::{
    Document, DocumentKind, DocumentMetadata, DocumentQuery, MediaType, ProvenEntry,
};
use crate::error::FieldProblem;
use crate::hidden_chars::strip_hidden;
use crate::store::Store;
use crate::store::text::{self, date_text, instant_text, parse_date, parse_instant};
use crate::time::human_date;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::collections::HashMap;

/// Longest title kept: a title is a label in a list, not a place for notes.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 10_000;

const DOCUMENT_COLUMNS: &str = "id, kind, title, issued_on, expires_on, issuing_country,
    proves_kind, proves_id, notes, media_type, size_bytes, content_hash, original_name,
    created_utc, supersedes_id";

/// What an import writes: the facts of the file and the defaults the candidate edits later.
pub(crate) struct NewDocument<'a> {
    pub kind: DocumentKind,
    pub title: &'a str,
    pub content_hash: &'a str,
    pub original_name: &'a str,
    pub media_type: MediaType,
    pub size_bytes: u32,
    pub supersedes: Option<u32>,
    pub created_utc: DateTime<Utc>,
}

pub fn get_document(store: &Store, id: u32) -> Result<Document> {
    store.read(|c| read_document(c, id)?.ok_or_else(|| not_found(id)))
}

/// Documents, most recently added first: current versions only unless
/// `query.include_superseded`, narrowed by kind, country and the words typed. Whether one is out
/// of date depends on the day, so `query.out_of_date` is left to [`document_rows`].
pub fn list_documents(store: &Store, query: &DocumentQuery) -> Result<Vec<Document>> {
    let query = DocumentQuery {
        out_of_date: false,
        ..query.clone()
    };
    Ok(document_rows(store, &query, None, None)?.0)
}

/// The latest issue date of a criminal record certificate that is past its three months on
/// `today`: the validity end grows with the issue date, so every earlier one is past too.
/// `None` when no date is (the calendar's first days).
fn last_stale_issue(today: NaiveDate) -> Option<NaiveDate> {
    let mut issued = today
        .checked_sub_months(chrono::Months::new(CRC_VALID_MONTHS))?
        .checked_add_days(chrono::Days::new(4))?;
    // Months differ in length by at most three days: a few steps back reach the last one.
    for _ in 0..16 {
        if crc_valid_until(issued) < today {
            return Some(issued);
        }
        issued = issued.pred_opt()?;
    }
    None
}

/// Rows `page.0 ..` (at most `page.1` of them; all without `page`) of what `query` lists, most
/// recently added first, and how many it lists in all. `today` decides `query.out_of_date` (a
/// certificate past its three months, another document past its expiry; an older version never
/// is), in the query itself, so a page of out-of-date documents is as cheap as any other.
pub(crate) fn document_rows(
    store: &Store,
    query: &DocumentQuery,
    today: Option<NaiveDate>,
    page: Option<(u32, u32)>,
) -> Result<(Vec<Document>, u32)> {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    if let Some(kind) = query.kind {
        conditions.push("kind = ?".into());
        values.push(kind.as_str().to_string());
    }
    if let Some(country) = query
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        conditions.push("issuing_country = ?".into());
        values.push(country.to_ascii_uppercase());
    }
    if let Some(fts) = query.text.as_deref().and_then(text::fts_query) {
        conditions
            .push("id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)".into());
        values.push(fts);
    }
    let out_of_date = query.out_of_date.then_some(today).flatten();
    if !query.include_superseded || out_of_date.is_some() {
        // The small partial index on `supersedes_id` answers this.
        conditions.push(
            "id NOT IN (SELECT supersedes_id FROM documents WHERE supersedes_id IS NOT NULL)"
                .into(),
        );
    }
    if let Some(today) = out_of_date {
        let crc = DocumentKind::CriminalRecord.as_str();
        let stale = match last_stale_issue(today) {
            Some(last) => {
                values.push(date_text(last));
                format!("(kind = '{crc}' AND issued_on <= ?)")
            }
            None => "0".into(),
        };
        values.push(date_text(today));
        conditions.push(format!("({stale} OR (kind <> '{crc}' AND expires_on < ?))"));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    // SQLite reads a negative limit as none.
    let (offset, limit) = page.map_or((0, -1), |(offset, limit)| (offset, i64::from(limit)));
    store.read(|c| {
        let total: u32 = match page {
            Some(_) => c
                .prepare_cached(&format!("SELECT count(*) FROM documents {filter}"))?
                .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?,
            None => 0,
        };
        // Which document replaces which, from the small partial index: cheaper than joining
        // every row to its successor, and it sees successors of any kind.
        let mut successors: HashMap<u32, u32> = HashMap::new();
        let mut stmt = c.prepare_cached(
            "SELECT supersedes_id, id FROM documents WHERE supersedes_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            successors.insert(row.get(0)?, row.get(1)?);
        }

        let mut stmt = c.prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents {filter} ORDER BY id DESC
             LIMIT {limit} OFFSET {offset}"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let superseded_by = successors.get(&row.get::<_, u32>(0)?).copied();
            out.push(document_from_row(row, superseded_by)?);
        }
        let total = if page.is_some() {
            total
        } else {
            u32::try_from(out.len()).unwrap_or(u32::MAX)
        };
        Ok((out, total))
    })
}

/// The countries the vault's documents come from, for the list's country filter: codes, sorted.
pub fn document_countries(store: &Store) -> Result<Vec<String>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT DISTINCT issuing_country FROM documents
             WHERE issuing_country IS NOT NULL ORDER BY issuing_country",
        )?;
        Ok(stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?)
    })
}

/// Changes what the candidate may change about a document, after checking it makes sense on
/// `today` (an issue date cannot be in the future).
pub fn update_metadata(
    store: &mut Store,
    id: u32,
    metadata: &DocumentMetadata,
    today: NaiveDate,
) -> Result<Document> {
    store.write(|tx| {
        if read_document(tx, id)?.is_none() {
            return Err(not_found(id));
        }
        let clean = validate_metadata(tx, Some(id), metadata, today)?;
        tx.execute(
            "UPDATE documents SET title = ?2, kind = ?3, issued_on = ?4, expires_on = ?5,
                 issuing_country = ?6, proves_kind = ?7, proves_id = ?8, notes = ?9,
                 supersedes_id = ?10
             WHERE id = ?1",
            params![
                id,
                clean.title,
                metadata.kind.as_str(),
                metadata.issued_on.map(date_text),
                metadata.expires_on.map(date_text),
                clean.issuing_country,
                metadata.proves.map(ProvenEntry::kind_str),
                metadata.proves.map(ProvenEntry::id),
                metadata.notes,
                metadata.supersedes,
            ],
        )?;
        read_document(tx, id)?.ok_or_else(|| not_found(id))
    })
}

/// Files the same scan a second time as its own document, sharing the stored file: one letter
/// can prove two positions, and a document proves one profile entry. The copy starts as a
/// current document with the same metadata except what it proves and what it supersedes.
pub fn duplicate_document(store: &mut Store, id: u32, now: DateTime<Utc>) -> Result<Document> {
    store.write(|tx| {
        let original = read_document(tx, id)?.ok_or_else(|| not_found(id))?;
        tx.execute(
            "INSERT INTO documents (kind, title, content_hash, original_name, media_type,
                 size_bytes, issued_on, expires_on, issuing_country, notes, created_utc)
             SELECT kind, title, content_hash, original_name, media_type, size_bytes, issued_on,
                 expires_on, issuing_country, notes, ?2
             FROM documents WHERE id = ?1",
            params![original.id, instant_text(now)],
        )?;
        let new_id = id_from_rowid(tx.last_insert_rowid())?;
        read_document(tx, new_id)?.ok_or_else(|| not_found(new_id))
    })
}

pub(crate) fn read_document(c: &Connection, id: u32) -> Result<Option<Document>> {
    let superseded_by: Option<u32> = c
        .prepare_cached("SELECT id FROM documents WHERE supersedes_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?1"
    ))?;
    Ok(stmt
        .query_row([id], |row| document_from_row(row, superseded_by))
        .optional()?)
}

/// The oldest document stored with this content, which an import of the same bytes reports.
pub(crate) fn first_with_hash(c: &Connection, hash: &str) -> Result<Option<u32>> {
    Ok(c.query_row(
        "SELECT id FROM documents WHERE content_hash = ?1 ORDER BY id LIMIT 1",
        [hash],
        |r| r.get(0),
    )
    .optional()?)
}

pub(crate) fn insert_document(c: &Connection, new: &NewDocument<'_>) -> Result<u32> {
    if let Some(older) = new.supersedes {
        check_supersedes(c, None, older)?;
    }
    c.execute(
        "INSERT INTO documents (kind, title, content_hash, original_name, media_type, size_bytes,
             supersedes_id, created_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.kind.as_str(),
            new.title,
            new.content_hash,
            new.original_name,
            new.media_type.mime(),
            new.size_bytes,
            new.supersedes,
            instant_text(new.created_utc),
        ],
    )?;
    id_from_rowid(c.last_insert_rowid())
}

/// Checks that `older` can be marked as replaced by document `newer` (`None` for one not yet
/// inserted): it exists, is not `newer` itself, is not replaced already by another document, and
/// the chain does not loop back.
pub(crate) fn check_supersedes(c: &Connection, newer: Option<u32>, older: u32) -> Result<()> {
    if newer == Some(older) {
        return Err(Error::field(
            "replaces",
            crate::error::FieldProblem::ReplacesItself,
            "a document cannot replace itself; choose the older version it replaces",
        ));
    }
    let target = read_document(c, older)?.ok_or_else(|| not_found(older))?;
    if let Some(by) = target.superseded_by.filter(|by| Some(*by) != newer) {
        return Err(Error::field(
            "replaces",
            crate::error::FieldProblem::AlreadyReplaced {
                title: target.title.clone(),
                older,
                by,
            },
            format!(
                "“{}” (document {older}) is already replaced by document {by}; choose the newest version instead",
                target.title
            ),
        ));
    }
    // Walk from `older` back through what it replaces: meeting `newer` would make a loop.
    let mut cursor = target.supersedes;
    let mut steps = 0;
    while let Some(step) = cursor {
        if Some(step) == newer {
            return Err(Error::field(
                "replaces",
                crate::error::FieldProblem::ReplacesNewerVersion { older },
                format!(
                    "document {older} is itself a newer version of this one; a document cannot replace its own newer version"
                ),
            ));
        }
        steps += 1;
        if steps > 10_000 {
            break;
        }
        cursor = c
            .query_row(
                "SELECT supersedes_id FROM documents WHERE id = ?1",
                [step],
                |r| r.get::<_, Option<u32>>(0),
            )
            .optional()?
            .flatten();
    }
    Ok(())
}

struct CleanMetadata {
    title: String,
    issuing_country: Option<String>,
}

fn validate_metadata(
    c: &Connection,
    id: Option<u32>,
    m: &DocumentMetadata,
    today: NaiveDate,
) -> Result<CleanMetadata> {
    // Hidden characters go: a title is shown beside other text and names pack files.
    let visible = strip_hidden(&m.title);
    let title = visible.trim();
    if title.is_empty() {
        return Err(Error::field(
            "title",
            FieldProblem::TitleMissing,
            "a document needs a title, such as “Master's diploma”",
        ));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::too_long("title", title, MAX_TITLE_CHARS));
    }
    if m.notes.chars().count() > MAX_NOTES_CHARS {
        return Err(Error::too_long("notes", &m.notes, MAX_NOTES_CHARS));
    }
    if let Some(issued) = m.issued_on.filter(|d| *d > today) {
        return Err(Error::field(
            "issue date",
            FieldProblem::IssuedInFuture {
                date: date_text(issued),
            },
            format!(
                "{} is in the future; enter the date printed on the document",
                human_date(issued)
            ),
        ));
    }
    if let (Some(issued), Some(expires)) = (m.issued_on, m.expires_on)
        && expires < issued
    {
        return Err(Error::field(
            "expiry date",
            FieldProblem::ExpiresBeforeIssue {
                expires: date_text(expires),
                issued: date_text(issued),
            },
            format!(
                "{} is before the issue date {}; check both dates",
                human_date(expires),
                human_date(issued)
            ),
        ));
    }
    let issuing_country = match m.issuing_country.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(code.to_ascii_uppercase())
        }
        Some(other) => {
            return Err(Error::field(
                "issuing country",
                FieldProblem::NotACountryCode {
                    value: other.to_string(),
                },
                format!(
                    "“{other}” is not a two-letter country code; use the ISO code, such as FR or SG"
                ),
            ));
        }
    };
    if let Some(entry) = m.proves {
        if entry.id() == 0 {
            return Err(Error::field(
                "proves",
                crate::error::FieldProblem::ProvesUnsavedEntry,
                "save the profile entry first, then link the document to it",
            ));
        }
        if !m.kind.can_prove(entry) {
            return Err(Error::field(
                "proves",
                crate::error::FieldProblem::CannotProve {
                    kind: m.kind.as_str().to_string(),
                    entry: entry.kind_str().to_string(),
                },
                format!(
                    "a {} cannot prove a profile {} entry; diplomas prove studies, proofs of employment prove positions, reference letters prove references or positions",
                    m.kind.label(),
                    entry.kind_str()
                ),
            ));
        }
    }
    if let Some(older) = m.supersedes {
        check_supersedes(c, id, older)?;
    }
    Ok(CleanMetadata {
        title: title.to_string(),
        issuing_country,
    })
}

pub(crate) fn not_found(id: u32) -> Error {
    text::not_found("Document", id)
}

fn id_from_rowid(rowid: i64) -> Result<u32> {
    u32::try_from(rowid)
        .map_err(|_| Error::Internal("the vault holds more documents than it can count".into()))
}

fn conversion(idx: usize, ty: Type, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, ty, what.into())
}

/// Text columns read in place, without a copy, for the columns parsed into other types.
fn text_at<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<Option<&'r str>> {
    row.get_ref(idx)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into()))
}

fn required_text_at<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<&'r str> {
    text_at(row, idx)?.ok_or(rusqlite::Error::InvalidColumnType(
        idx,
        "NULL".into(),
        Type::Null,
    ))
}

fn date_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    text_at(row, idx)?
        .map(|s| {
            parse_date(s).ok_or_else(|| conversion(idx, Type::Text, format!("“{s}” is not a date")))
        })
        .transpose()
}

fn document_from_row(row: &Row<'_>, superseded_by: Option<u32>) -> rusqlite::Result<Document> {
    let kind_text = required_text_at(row, 1)?;
    let kind = DocumentKind::parse(kind_text).ok_or_else(|| {
        conversion(
            1,
            Type::Text,
            format!("unknown document kind “{kind_text}”"),
        )
    })?;
    let proves = match (text_at(row, 6)?, row.get::<_, Option<u32>>(7)?) {
        (Some(k), Some(id)) => Some(ProvenEntry::from_parts(k, id).ok_or_else(|| {
            conversion(6, Type::Text, format!("unknown profile entry kind “{k}”"))
        })?),
        _ => None,
    };
    let mime = required_text_at(row, 9)?;
    let media_type = MediaType::from_mime(mime)
        .ok_or_else(|| conversion(9, Type::Text, format!("unknown media type “{mime}”")))?;
    let created = required_text_at(row, 13)?;
    let created_utc = parse_instant(created)
        .ok_or_else(|| conversion(13, Type::Text, format!("“{created}” is not an instant")))?;
    Ok(Document {
        id: row.get(0)?,
        kind,
        title: row.get(2)?,
        issued_on: date_at(row, 3)?,
        expires_on: date_at(row, 4)?,
        issuing_country: row.get(5)?,
        proves,
        notes: row.get(8)?,
        media_type,
        size_bytes: row.get(10)?,
        content_hash: row.get(11)?,
        original_name: row.get(12)?,
        created_utc,
        supersedes: row.get(14)?,
        superseded_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::fixtures::d as date;

    #[test]
    fn the_last_stale_issue_date_is_found_on_every_day_month_ends_included() {
        let mut today = date("2025-01-01");
        while today <= date("2028-12-31") {
            let by_hand = (0..120)
                .filter_map(|back| today.checked_sub_days(chrono::Days::new(back)))
                .find(|issued| crc_valid_until(*issued) < today);
            assert_eq!(last_stale_issue(today), by_hand, "{today}");
            today = today.succ_opt().unwrap();
        }
    }
}

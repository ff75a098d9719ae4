//! How current a document is on a given day, for the badges of the vault list and the detail:
//! a criminal record certificate counts for three months from its issue date (the rule of
//! [`crc_valid_until`]); any other document only goes out of date at its printed expiry.

use super::rows::document_rows;
use super::{Document, DocumentKind, DocumentQuery, crc_valid_until};
use crate::Result;
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

/// A passport or certificate expiring within this many days is flagged, so the candidate has
/// time to renew it before an application asks for it.
pub const EXPIRY_WARNING_DAYS: u32 = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(
    tag = "standing",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Standing {
    /// Nothing dates this document (a CV, a diploma), or a dated one still far from its end.
    Current,
    /// A criminal record certificate still inside its three months.
    Valid {
        valid_until: NaiveDate,
        days_left: u32,
    },
    /// A criminal record certificate older than three months: INTERPOL will not take it.
    Stale {
        valid_until: NaiveDate,
        days_since: u32,
    },
    /// A criminal record certificate that cannot be judged: its issue date is not recorded.
    NeedsIssueDate,
    ExpiresSoon {
        expires_on: NaiveDate,
        days_left: u32,
    },
    Expired {
        expires_on: NaiveDate,
        days_since: u32,
    },
    /// A newer version replaces it; it stays in the vault.
    Superseded { by: u32 },
}

/// A document as the vault list shows it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ListedDocument {
    pub document: Document,
    pub standing: Standing,
}

impl ListedDocument {
    pub fn new(document: Document, today: NaiveDate) -> Self {
        let standing = standing_of(&document, today);
        ListedDocument { document, standing }
    }
}

/// The documents `query` asks for, most recently added first, each with how current it is on
/// `today`.
pub fn listed_documents(
    store: &Store,
    query: &DocumentQuery,
    today: NaiveDate,
) -> Result<Vec<ListedDocument>> {
    Ok(document_rows(store, query, Some(today), None)?
        .0
        .into_iter()
        .map(|d| ListedDocument::new(d, today))
        .collect())
}

/// A page of the vault list and how many documents the whole list holds.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPage {
    pub items: Vec<ListedDocument>,
    pub total: u32,
}

/// Most rows one page answers: a page is for the screen, not a way to read the whole vault.
pub const MAX_DOCUMENT_PAGE: u32 = 1_000;

/// At most `limit` (up to [`MAX_DOCUMENT_PAGE`]) of the documents [`listed_documents`] lists,
/// from the `offset`-th on, and how many it lists in all: the window draws a long vault a page
/// at a time.
pub fn document_page(
    store: &Store,
    query: &DocumentQuery,
    today: NaiveDate,
    offset: u32,
    limit: u32,
) -> Result<DocumentPage> {
    let (rows, total) = document_rows(
        store,
        query,
        Some(today),
        Some((offset, limit.min(MAX_DOCUMENT_PAGE))),
    )?;
    Ok(DocumentPage {
        items: rows
            .into_iter()
            .map(|d| ListedDocument::new(d, today))
            .collect(),
        total,
    })
}

impl Standing {
    /// A certificate past its three months or a document past its printed expiry: what the
    /// candidate must replace before an application asks for it.
    pub fn is_out_of_date(&self) -> bool {
        matches!(self, Standing::Stale { .. } | Standing::Expired { .. })
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

pub fn standing_of(document: &Document, today: NaiveDate) -> Standing {
    if let Some(by) = document.superseded_by {
        return Standing::Superseded { by };
    }
    if document.kind == DocumentKind::CriminalRecord {
        let Some(issued) = document.issued_on else {
            return Standing::NeedsIssueDate;
        };
        // The issue date alone decides, as in the core's country-by-country check, so the list
        // and the certificates section never disagree.
        let valid_until = crc_valid_until(issued);
        return if today <= valid_until {
            Standing::Valid {
                valid_until,
                days_left: days(today, valid_until),
            }
        } else {
            Standing::Stale {
                valid_until,
                days_since: days(valid_until, today),
            }
        };
    }
    match document.expires_on {
        Some(expires_on) if today > expires_on => Standing::Expired {
            expires_on,
            days_since: days(expires_on, today),
        },
        Some(expires_on) if days(today, expires_on) <= EXPIRY_WARNING_DAYS => {
            Standing::ExpiresSoon {
                expires_on,
                days_left: days(today, expires_on),
            }
        }
        _ => Standing::Current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::MediaType;

    use crate::time::fixtures::d as date;

    fn document(kind: DocumentKind) -> Document {
        Document {
            id: 1,
            kind,
            title: "Scan".into(),
            issued_on: None,
            expires_on: None,
            issuing_country: None,
            proves: None,
            notes: String::new(),
            media_type: MediaType::Pdf,
            size_bytes: 10,
            content_hash: "00".repeat(32),
            original_name: "scan.pdf".into(),
            created_utc: "2026-01-01T00:00:00Z".parse().unwrap(),
            supersedes: None,
            superseded_by: None,
        }
    }

    #[test]
    fn a_certificate_counts_three_months_through_its_last_day() {
        let today = date("2026-11-22");
        let mut crc = document(DocumentKind::CriminalRecord);
        assert_eq!(standing_of(&crc, today), Standing::NeedsIssueDate);

        crc.issued_on = Some(date("2026-08-22"));
        assert_eq!(
            standing_of(&crc, today),
            Standing::Valid {
                valid_until: date("2026-11-22"),
                days_left: 0
            }
        );
        crc.issued_on = Some(date("2026-08-21"));
        assert_eq!(
            standing_of(&crc, today),
            Standing::Stale {
                valid_until: date("2026-11-21"),
                days_since: 1
            }
        );
        // Four months old, as in the end-to-end test.
        crc.issued_on = Some(date("2026-07-22"));
        assert!(matches!(
            standing_of(&crc, today),
            Standing::Stale { days_since: 31, .. }
        ));
        crc.issued_on = Some(date("2026-11-01"));
        crc.expires_on = Some(date("2026-12-01"));
        assert_eq!(
            standing_of(&crc, today),
            Standing::Valid {
                valid_until: date("2027-02-01"),
                days_left: 71
            }
        );
    }

    #[test]
    fn other_documents_go_out_of_date_only_at_their_expiry() {
        let today = date("2026-11-22");
        let mut passport = document(DocumentKind::Identity);
        passport.issued_on = Some(date("2016-01-01"));
        assert_eq!(standing_of(&passport, today), Standing::Current);
        passport.expires_on = Some(date("2027-06-01"));
        assert_eq!(standing_of(&passport, today), Standing::Current);
        passport.expires_on = Some(date("2027-01-21"));
        assert_eq!(
            standing_of(&passport, today),
            Standing::ExpiresSoon {
                expires_on: date("2027-01-21"),
                days_left: 60
            }
        );
        passport.expires_on = Some(date("2026-11-21"));
        assert_eq!(
            standing_of(&passport, today),
            Standing::Expired {
                expires_on: date("2026-11-21"),
                days_since: 1
            }
        );
    }

    #[test]
    fn an_older_version_says_what_replaces_it_before_anything_else() {
        let mut old = document(DocumentKind::CriminalRecord);
        old.issued_on = Some(date("2020-01-01"));
        old.superseded_by = Some(9);
        assert_eq!(
            standing_of(&old, date("2026-11-22")),
            Standing::Superseded { by: 9 }
        );
    }
}

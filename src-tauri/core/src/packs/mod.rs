//! Document packs: the papers INTERPOL asks a selected candidate for (docs/domain.md#documents),
//! as a checklist per application, and their export as a folder
//! or a `.zip` with a manifest, without any network.
//!
//! - [`checklist`] works the list out from the profile, the vault and the vacancy, on a given day.
//! - [`naming`] makes file names every file system accepts.
//! - [`manifest`] writes what a pack holds as a readable page and as JSON.
//! - [`export`] checks every file against the vault, then writes the pack under a temporary
//!   name and moves it into place only once complete.
//! - [`archive`] gathers what is kept for a Talentlink application into a pack of its own.

mod archive;
mod checklist;
mod export;
mod manifest;
mod naming;

pub use archive::talentlink_archive_plan;
pub use checklist::{build_checklist, checklist_for_application, notice_asks};
pub use export::{
    ExportOutcome, ExportPhase, ExportProgress, PackEntry, PackFormat, PackPlan, PackSource,
    application_pack_plan, export_pack, pack_plan,
};
pub use manifest::{Manifest, ManifestFile, ManifestItem, manifest_html, manifest_json};
pub use naming::{MAX_NAME_BYTES, safe_file_name};

use crate::vault::{DocumentKind, MediaType};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How one line of the checklist stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Satisfied,
    /// Nothing in the vault or the profile meets it.
    Missing,
    /// A document is there but too old (a certificate past its 3 months, an expired passport).
    Stale,
}

/// What a line asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Requirement {
    /// No profile is saved, so the diplomas and positions to prove are unknown.
    Profile,
    Cv,
    /// Internships only.
    CoverLetter,
    /// A scan of one diploma, degree or certificate listed in the profile.
    Diploma {
        education_id: u32,
    },
    /// A proof of employment for one position listed in the profile.
    ProofOfEmployment {
        employment_id: u32,
    },
    /// A criminal record certificate issued in the past 3 months, from one country.
    CriminalRecord {
        country: String,
    },
    /// The country of origin is not recorded, so the certificates needed cannot all be known.
    CountryOfOrigin,
    /// Names and contacts of two professional references meeting INTERPOL's rules.
    References,
    /// A further document the vacancy notice asks for.
    NoticeAsks {
        document: DocumentKind,
    },
}

/// Where the candidate goes to fix a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "to", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum FixLink {
    /// A fact of the profile, named as the profile editor names it (`education`, `references`).
    Profile { fact: String },
    /// Import a document of this kind in Documents.
    Import { document: DocumentKind },
    /// Open this document (to fill in what it proves, its dates, or import a new version).
    Document { id: u32 },
    /// The criminal record certificates by country, in Documents.
    Certificates,
    /// The references check, in Documents.
    References,
}

/// A vault document that satisfies (or, stale, used to satisfy) a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistDocument {
    pub id: u32,
    pub title: String,
    pub media_type: MediaType,
    pub issued_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    /// 1-based, in the order INTERPOL's list gives and the pack's files follow.
    pub position: u32,
    pub requirement: Requirement,
    /// What the line asks for, for the candidate: "Diploma: Master in Law, Sorbonne".
    pub label: String,
    pub state: ItemState,
    pub document: Option<ChecklistDocument>,
    /// Why it stands as it does and, when not satisfied, what to do.
    pub detail: String,
    pub fix: Option<FixLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    pub application_id: u32,
    pub vacancy_title: String,
    pub vacancy_reference: String,
    pub candidate_name: String,
    /// The day the checklist was worked out for (certificates go stale by it).
    pub on: NaiveDate,
    pub items: Vec<ChecklistItem>,
    pub satisfied: u32,
    pub missing: u32,
    pub stale: u32,
    pub complete: bool,
    pub summary: String,
}

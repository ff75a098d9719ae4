//! The vault's shared types: what a document is, what it proves, and how the UI asks for them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a document is, as the candidate files it. The kinds follow the papers a selected
/// candidate provides (docs/domain.md#documents), plus the CV, cover letter and Talentlink
/// copies a candidate keeps while applying (docs/domain.md#platforms).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Cv,
    /// A diploma, degree or certificate of studies.
    Diploma,
    /// A salary slip, contract or recommendation letter for one position.
    ProofOfEmployment,
    CriminalRecord,
    ReferenceLetter,
    LanguageCertificate,
    /// A passport or identity card.
    Identity,
    CoverLetter,
    /// A downloaded copy of an application made on Talentlink, which is not carried over to the
    /// Recruitment Hub (docs/domain.md#platforms).
    TalentlinkApplication,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 10] = [
        DocumentKind::Cv,
        DocumentKind::Diploma,
        DocumentKind::ProofOfEmployment,
        DocumentKind::CriminalRecord,
        DocumentKind::ReferenceLetter,
        DocumentKind::LanguageCertificate,
        DocumentKind::Identity,
        DocumentKind::CoverLetter,
        DocumentKind::TalentlinkApplication,
        DocumentKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Cv => "cv",
            DocumentKind::Diploma => "diploma",
            DocumentKind::ProofOfEmployment => "proof_of_employment",
            DocumentKind::CriminalRecord => "criminal_record",
            DocumentKind::ReferenceLetter => "reference_letter",
            DocumentKind::LanguageCertificate => "language_certificate",
            DocumentKind::Identity => "identity",
            DocumentKind::CoverLetter => "cover_letter",
            DocumentKind::TalentlinkApplication => "talentlink_application",
            DocumentKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind as a candidate reads it, for messages.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Cv => "CV",
            DocumentKind::Diploma => "diploma, degree or certificate",
            DocumentKind::ProofOfEmployment => "proof of employment",
            DocumentKind::CriminalRecord => "criminal record certificate",
            DocumentKind::ReferenceLetter => "reference letter",
            DocumentKind::LanguageCertificate => "language certificate",
            DocumentKind::Identity => "passport or identity card",
            DocumentKind::CoverLetter => "cover letter",
            DocumentKind::TalentlinkApplication => "copy of a Talentlink application",
            DocumentKind::Other => "other document",
        }
    }

    /// Which profile entries a document of this kind can prove. A recommendation letter counts as
    /// proof of employment (docs/domain.md#proof-of-employment), so a reference letter may prove
    /// a position too.
    pub fn can_prove(self, entry: ProvenEntry) -> bool {
        matches!(
            (self, entry),
            (DocumentKind::Other, _)
                | (DocumentKind::Diploma, ProvenEntry::Education(_))
                | (DocumentKind::ProofOfEmployment, ProvenEntry::Employment(_))
                | (
                    DocumentKind::ReferenceLetter,
                    ProvenEntry::Reference(_) | ProvenEntry::Employment(_)
                )
        )
    }
}

/// The file types the vault keeps, read from the content, never from the name. Serialized as the
/// MIME type the shell hands to a viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub enum MediaType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/webp")]
    Webp,
    #[serde(rename = "image/tiff")]
    Tiff,
    /// A saved web page, kept only as a vacancy's own copy of its notice: never imported as a
    /// document and never shown as a page in Dossier's window (it may carry scripts).
    #[serde(rename = "text/html")]
    Html,
    /// A notice saved as plain text, kept only as a vacancy's own copy.
    #[serde(rename = "text/plain")]
    Text,
}

impl MediaType {
    /// Every type a stored object may have: what exports, backups and the vault check accept.
    pub const ALL: [MediaType; 7] = [
        MediaType::Pdf,
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Webp,
        MediaType::Tiff,
        MediaType::Html,
        MediaType::Text,
    ];

    /// The types a candidate imports as documents (scans and PDFs). A page or a text file
    /// arrives only through a captured notice, whose type is known from how it was read.
    pub const IMPORTED: [MediaType; 5] = [
        MediaType::Pdf,
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Webp,
        MediaType::Tiff,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Tiff => "image/tiff",
            MediaType::Html => "text/html",
            MediaType::Text => "text/plain",
        }
    }

    pub fn from_mime(mime: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|m| m.mime() == mime)
    }

    /// The extension of the stored object, so a system viewer opening it picks the right program.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
            MediaType::Tiff => "tif",
            MediaType::Html => "html",
            MediaType::Text => "txt",
        }
    }

    pub fn from_extension(ext: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|m| m.extension() == ext)
    }
}

/// The line of the profile a document proves, by the id the profile store gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum ProvenEntry {
    Education(u32),
    Employment(u32),
    Reference(u32),
}

impl ProvenEntry {
    pub(crate) fn kind_str(self) -> &'static str {
        match self {
            ProvenEntry::Education(_) => "education",
            ProvenEntry::Employment(_) => "employment",
            ProvenEntry::Reference(_) => "reference",
        }
    }

    pub fn id(self) -> u32 {
        match self {
            ProvenEntry::Education(id)
            | ProvenEntry::Employment(id)
            | ProvenEntry::Reference(id) => id,
        }
    }

    pub(crate) fn from_parts(kind: &str, id: u32) -> Option<ProvenEntry> {
        match kind {
            "education" => Some(ProvenEntry::Education(id)),
            "employment" => Some(ProvenEntry::Employment(id)),
            "reference" => Some(ProvenEntry::Reference(id)),
            _ => None,
        }
    }
}

/// A document kept in the vault. The file itself is found by `content_hash`; `original_name` is
/// only shown, never used to build a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub id: u32,
    pub kind: DocumentKind,
    pub title: String,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2, upper case.
    pub issuing_country: Option<String>,
    pub proves: Option<ProvenEntry>,
    pub notes: String,
    pub media_type: MediaType,
    pub size_bytes: u32,
    /// SHA-256 of the content, lower-case hex.
    pub content_hash: String,
    pub original_name: String,
    pub created_utc: DateTime<Utc>,
    /// The older version this document replaces; that one stays in the vault.
    pub supersedes: Option<u32>,
    /// The newer version that replaces this one; `None` for a current document.
    pub superseded_by: Option<u32>,
}

impl Document {
    pub fn is_current(&self) -> bool {
        self.superseded_by.is_none()
    }
}

/// What the candidate can change about a document; the file and its facts (hash, size, type)
/// stay as imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentMetadata {
    pub title: String,
    pub kind: DocumentKind,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub issuing_country: Option<String>,
    pub proves: Option<ProvenEntry>,
    pub notes: String,
    pub supersedes: Option<u32>,
}

impl From<&Document> for DocumentMetadata {
    fn from(d: &Document) -> Self {
        DocumentMetadata {
            title: d.title.clone(),
            kind: d.kind,
            issued_on: d.issued_on,
            expires_on: d.expires_on,
            issuing_country: d.issuing_country.clone(),
            proves: d.proves,
            notes: d.notes.clone(),
            supersedes: d.supersedes,
        }
    }
}

/// Which documents a list shows: current versions by default, optionally of one kind, from one
/// country, matching words the candidate typed, or only those out of date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentQuery {
    pub kind: Option<DocumentKind>,
    /// Also list versions that a newer document replaces.
    pub include_superseded: bool,
    /// Every word must begin a word of the title, the notes or the file's name, accents aside
    /// ("montreal" finds "Montréal"); blank or only punctuation lists everything.
    pub text: Option<String>,
    /// ISO 3166-1 alpha-2, either case.
    pub country: Option<String>,
    /// Only stale certificates and expired documents. Whether a document is out of date depends
    /// on the day, so [`crate::vault::listed_documents`] and [`crate::vault::document_page`] apply
    /// this with the day; `list_documents` does not.
    pub out_of_date: bool,
}

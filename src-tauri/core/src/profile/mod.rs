//! The candidate's profile: one per installation, the facts eligibility and the document rules
//! are worked out from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod languages;
mod store;
mod validate;

pub use languages::{
    Language, all_languages, describe_language, is_language_code, language_name, languages_source,
};
pub use store::{load_profile, save_profile};
pub use validate::{FieldError, profile_from_json, profile_from_value};

/// Common European Framework of Reference levels, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// Levels of study, in order, so a notice's minimum can be compared with what was completed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    Secondary,
    /// Vocational or short-cycle tertiary studies below a bachelor's degree.
    PostSecondary,
    Bachelor,
    Master,
    Doctorate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub full_name: String,
    pub email: String,
    pub date_of_birth: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2 codes; any one of a member country suffices.
    pub nationalities: Vec<String>,
    pub country_of_origin: Option<String>,
    pub residences: Vec<Residence>,
    pub languages: Vec<LanguageSkill>,
    pub law_enforcement: LawEnforcement,
    pub education: Vec<Education>,
    pub employment: Vec<Employment>,
    pub references: Vec<Reference>,
}

impl Profile {
    /// The candidate's name as Dossier writes it into a sentence, a manifest or a file name:
    /// [`person_name`] of the name they typed.
    pub fn display_name(&self) -> String {
        person_name(&self.full_name)
    }
}

/// A person's name as it is written for others to read: hidden characters (a zero-width space
/// pasted from a web page) gone, and the words joined by one space, none before or after. A
/// name saved through [`save_profile`] is already so, but one imported from an older export or
/// copied in another way may not be, and `trim` alone leaves "Camille Martin \u{200B}", which
/// reads "Camille Martin ." before a full stop. Every place that writes a name uses this.
pub fn person_name(raw: &str) -> String {
    crate::hidden_chars::strip_hidden(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A period lived in a country; `to: None` means still living there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Residence {
    pub country: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LanguageSkill {
    /// ISO 639-1 code, lower case.
    pub language: String,
    pub level: Cefr,
    pub certificate: Option<String>,
}

/// Serving law-enforcement officer or governmental official: what secondments require.
/// `serving: None` means the candidate has not said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LawEnforcement {
    pub serving: Option<bool>,
    pub country: Option<String>,
    pub agency: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StudyStatus {
    Completed,
    Enrolled,
}

/// Entries carry a stable id (assigned by the store, 0 when new) so vault documents can say
/// which line of the profile they prove.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Education {
    pub id: u32,
    pub level: EducationLevel,
    pub field: String,
    pub institution: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: StudyStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum WorkTime {
    FullTime,
    PartTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Employment {
    pub id: u32,
    pub employer: String,
    pub title: String,
    pub from: NaiveDate,
    /// `None` while the position is held.
    pub to: Option<NaiveDate>,
    pub work_time: WorkTime,
    /// What the candidate did there, in their own lines, as the forms' "duties" box asks.
    /// Absent in profiles saved before it existed, which read as none written.
    #[serde(default)]
    pub duties: Option<String>,
}

/// A professional reference and the facts the rules check (docs/domain.md#references).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub id: u32,
    pub name: String,
    pub contact: String,
    pub relation: String,
    pub worked_directly: Option<bool>,
    pub hierarchical: Option<bool>,
    pub family_member: Option<bool>,
    pub interpol_staff: Option<bool>,
}

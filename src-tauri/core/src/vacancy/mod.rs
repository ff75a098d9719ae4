//! Vacancies as the candidate keeps them: what a notice said, when it closes (in the duty
//! station's zone), and which platform one must apply on.

use crate::profile::{Cefr, EducationLevel};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The two e-recruitment platforms INTERPOL runs side by side (docs/domain.md#platforms).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Talentlink,
    RecruitmentHub,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Talentlink => "talentlink",
            Platform::RecruitmentHub => "recruitment_hub",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        match s {
            "talentlink" => Some(Platform::Talentlink),
            "recruitment_hub" => Some(Platform::RecruitmentHub),
            _ => None,
        }
    }
}

/// Contract kinds seen on published notices (docs/domain.md#grades-and-contracts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    FixedTerm,
    ProjectFixedTerm,
    ShortTerm,
    Temporary,
    Internship,
    Secondment,
    Mentorship,
}

impl ContractKind {
    pub const ALL: [ContractKind; 7] = [
        ContractKind::FixedTerm,
        ContractKind::ProjectFixedTerm,
        ContractKind::ShortTerm,
        ContractKind::Temporary,
        ContractKind::Internship,
        ContractKind::Secondment,
        ContractKind::Mentorship,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContractKind::FixedTerm => "fixed_term",
            ContractKind::ProjectFixedTerm => "project_fixed_term",
            ContractKind::ShortTerm => "short_term",
            ContractKind::Temporary => "temporary",
            ContractKind::Internship => "internship",
            ContractKind::Secondment => "secondment",
            ContractKind::Mentorship => "mentorship",
        }
    }

    pub fn parse(s: &str) -> Option<ContractKind> {
        ContractKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where an application for a post is made. INTERPOL's Secondments page: seconded officials
/// apply through their national administration and the INTERPOL National Central Bureau (NCB)
/// of their country, with the administration's written agreement, not on the platform the
/// notice is published on; every other post is applied for on that platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ApplyRoute {
    /// On the platform the notice is published on (`platform`).
    Platform,
    /// Through the national administration and the NCB, with the administration's written
    /// agreement.
    NationalAdministration,
}

impl ApplyRoute {
    pub fn for_contract(kind: Option<ContractKind>) -> ApplyRoute {
        match kind {
            Some(ContractKind::Secondment) => ApplyRoute::NationalAdministration,
            _ => ApplyRoute::Platform,
        }
    }
}

/// Basic ("INTERPOL Restricted") or Enhanced ("INTERPOL Confidential").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SecurityScreening {
    Basic,
    Enhanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum VacancyStatus {
    Open,
    Closed,
    Archived,
}

/// A language a notice requires. `level` is set when the notice names a CEFR level; otherwise
/// `wording` keeps what it said ("working knowledge", "fluent"), which the eligibility settings
/// map to a level, so changing the mapping re-reads every notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LanguageRequirement {
    /// ISO 639-1 code, lower case: `en`, `fr`, `es`, `ar`, ...
    pub language: String,
    pub level: Option<Cefr>,
    pub wording: Option<String>,
}

/// The most text a candidate may paste or open as a notice, and keep with a vacancy: real
/// notices are a few KiB, so more than this is almost certainly the wrong file.
pub const MAX_NOTICE_BYTES: usize = 1024 * 1024;

/// A deadline as the notice gives it: a date, perhaps a time, in the duty station's zone.
/// Without a time it is the end of that day (23:59) in that zone (docs/domain.md#deadlines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// IANA zone, such as `Europe/Paris`.
    pub zone: String,
}

/// Everything the candidate saves about a vacancy; the store adds the id and timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancyInput {
    pub platform: Platform,
    pub reference: String,
    pub title: String,
    pub duty_station: Option<String>,
    /// IANA zone of the duty station.
    pub duty_zone: Option<String>,
    pub contract_kind: Option<ContractKind>,
    pub is_roster: bool,
    /// `1`..`10`, `Unclassified`, or as written (`7 or 6`).
    pub grade: Option<String>,
    pub posts: Option<u32>,
    pub security_screening: Option<SecurityScreening>,
    pub duration_months: Option<u32>,
    /// When the duration is not a number of months: `through 4 August 2026`, `up to 3 years`.
    pub duration_text: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub deadline: Option<Deadline>,
    pub languages: Vec<LanguageRequirement>,
    pub min_education: Option<EducationLevel>,
    pub min_experience_years: Option<u32>,
    pub notice_url: Option<String>,
    pub notice_text: Option<String>,
    pub notes: String,
    pub status: VacancyStatus,
}

impl VacancyInput {
    /// A vacancy known only by where it is published, its reference and its title: every other
    /// field empty, open. Fill in the rest with struct update syntax,
    /// `VacancyInput { grade: Some("6".into()), ..VacancyInput::new(..) }`.
    pub fn new(platform: Platform, reference: impl Into<String>, title: impl Into<String>) -> Self {
        VacancyInput {
            platform,
            reference: reference.into(),
            title: title.into(),
            duty_station: None,
            duty_zone: None,
            contract_kind: None,
            is_roster: false,
            grade: None,
            posts: None,
            security_screening: None,
            duration_months: None,
            duration_text: None,
            published_on: None,
            deadline: None,
            languages: Vec::new(),
            min_education: None,
            min_experience_years: None,
            notice_url: None,
            notice_text: None,
            notes: String::new(),
            status: VacancyStatus::Open,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Vacancy {
    pub id: u32,
    #[serde(flatten)]
    pub input: VacancyInput,
    /// How to apply, derived from `input.contract_kind`.
    pub apply_route: ApplyRoute,
    /// The deadline as an instant, derived from `input.deadline`.
    pub deadline_utc: Option<DateTime<Utc>>,
    pub created_utc: DateTime<Utc>,
    pub updated_utc: DateTime<Utc>,
}

mod deadline;
mod store;
mod validate;

pub use deadline::END_OF_DAY;
pub use store::{
    BulkOutcome, DeadlineWindow, SaveOutcome, VacancyFacets, VacancyPage, VacancyQuery,
    VacancySummary, create_vacancies, create_vacancy, delete_vacancy, find_by_reference,
    get_vacancy, list_vacancies, update_vacancy, vacancy_facets,
};
pub use validate::check_web_address;

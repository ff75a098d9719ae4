//! Reads the text of a published vacancy notice (Talentlink, Recruitment Hub, or a copy on a job
//! aggregator) into a draft the candidate checks before saving. It never invents a field: what it
//! cannot read with confidence stays `None`.

use crate::profile::EducationLevel;
use crate::vacancy::{ContractKind, Deadline, LanguageRequirement, Platform, SecurityScreening};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most text a candidate may paste or open as a notice: real notices are a few KiB, so more
/// than this is almost certainly the wrong file.
pub const MAX_NOTICE_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDraft {
    pub platform: Option<Platform>,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub duty_station: Option<String>,
    pub duty_zone: Option<String>,
    pub contract_kind: Option<ContractKind>,
    pub is_roster: Option<bool>,
    pub grade: Option<String>,
    pub posts: Option<u32>,
    pub security_screening: Option<SecurityScreening>,
    pub duration_months: Option<u32>,
    pub duration_text: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub deadline: Option<Deadline>,
    /// The deadline as written when it was there but could not be read, so the UI can flag it
    /// for the candidate to enter by hand.
    pub deadline_unreadable: Option<String>,
    pub languages: Option<Vec<LanguageRequirement>>,
    pub min_education: Option<EducationLevel>,
    pub min_experience_years: Option<u32>,
    pub notice_url: Option<String>,
}

impl NoticeDraft {
    /// True when nothing at all was recognised: the paste was not a notice.
    pub fn is_empty(&self) -> bool {
        *self == NoticeDraft::default()
    }
}

/// Reads what it can from `text`. Never panics, whatever the input.
pub fn parse_notice(text: &str) -> NoticeDraft {
    let _ = text;
    NoticeDraft::default()
}

/// The text a person would see on a saved notice page.
pub fn notice_text_from_html(html: &str) -> String {
    html.to_string()
}

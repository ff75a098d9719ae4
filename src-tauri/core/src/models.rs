//! Types shared with the UI. Their TypeScript twins are generated (see the shell's bindings).

use serde::Serialize;

/// How much the candidate has recorded so far: the views use it to choose between their content
/// and the first-steps empty state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub profile_started: bool,
    pub vacancies: u32,
    pub open_vacancies: u32,
    pub applications: u32,
    pub documents: u32,
}

/// Where the store lives and which schema it is on, shown in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StoreInfo {
    pub database_path: String,
    pub schema_version: u32,
}

use chrono::NaiveDate;
use dossier_core::countries::{self, Country};
use dossier_core::profile::{self, Language, Profile};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// The saved profile, or nothing before the first save.
#[tauri::command]
#[specta::specta]
pub async fn profile_get(state: State<'_, AppState>) -> Result<Option<Profile>> {
    state.with_store(profile::load_profile)
}

/// A profile as the UI sends it, kept as plain JSON until [`read_profile`] reads it: decoded by
/// Tauri as a `Profile`, a value the types refuse (a level "D1", a date "1990-13-01") would fail
/// as a bare "invalid args" string, with no field to show it at.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct ProfileJson(serde_json::Value);

// The UI is typed against the profile it should send; the shell reads whatever arrives.
impl Type for ProfileJson {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        Profile::definition(types)
    }
}

fn read_profile(json: ProfileJson) -> Result<Profile> {
    profile::profile_from_value(json.0)
        .map_err(|fields| dossier_core::Error::Invalid { fields }.into())
}

/// Saves the whole profile, or nothing, with every problem at its field.
#[tauri::command]
#[specta::specta]
pub async fn profile_save(state: State<'_, AppState>, profile: ProfileJson) -> Result<Profile> {
    let profile = read_profile(profile)?;
    let now = state.clock.now();
    state.write(|store| profile::save_profile(store, profile, now))
}

/// Every country a candidate can name, marked member or not, with where membership comes from.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CountryChoices {
    /// Sorted by name.
    pub countries: Vec<Country>,
    pub members_as_of: NaiveDate,
    pub members_source: String,
}

#[tauri::command]
#[specta::specta]
pub async fn profile_countries() -> Result<CountryChoices> {
    let list = countries::member_list();
    Ok(CountryChoices {
        countries: countries::all_countries().to_vec(),
        members_as_of: list.as_of,
        members_source: list.source.clone(),
    })
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LanguageChoices {
    /// Sorted by code.
    pub languages: Vec<Language>,
    pub source: String,
}

#[tauri::command]
#[specta::specta]
pub async fn profile_languages() -> Result<LanguageChoices> {
    Ok(LanguageChoices {
        languages: profile::all_languages().to_vec(),
        source: profile::languages_source().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_the_types_refuse_is_reported_at_its_field() {
        let json: ProfileJson = serde_json::from_value(serde_json::json!({
            "fullName": "Amina Diallo", "email": "", "dateOfBirth": null,
            "nationalities": ["FR"], "countryOfOrigin": null, "residences": [],
            "languages": [{ "language": "en", "level": "D1", "certificate": null }],
            "lawEnforcement": { "serving": null, "country": null, "agency": null },
            "education": [], "employment": [], "references": [],
        }))
        .unwrap();
        let body = read_profile(json).unwrap_err().body();
        let fields = body.fields;
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].field, "languages[0].level");
        assert!(fields[0].message.contains("D1"), "{}", fields[0].message);
    }
}

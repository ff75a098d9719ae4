//! Countries: names for every ISO 3166-1 code, and which of them are INTERPOL member countries.
//!
//! Names come from the `iso3166` crate (CLDR-style short English names such as "North Korea",
//! "Vatican City"), so none is typed here by hand, with one exception: Kosovo. It has no ISO
//! 3166-1 code, but its citizens hold passports under the user-assigned code `XK` (used by the
//! European Commission and by ICAO travel documents); a candidate from Kosovo must be able to
//! enter that nationality and be told plainly that it is not a member country, rather than be
//! refused as having "no country". So `XK` is a known code, named "Kosovo", and not a member.
//!
//! Membership is data (`data/member_countries.json`), built the way docs/domain.md#nationality
//! describes it, with its `as_of` date and source, so a maintainer updates one file when
//! INTERPOL admits a country.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The user-assigned code for Kosovo (see the module documentation).
pub const KOSOVO: &str = "XK";
const KOSOVO_NAME: &str = "Kosovo";

/// A country the candidate can pick (nationality, residence, ...), and whether it is a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case (or `XK`).
    pub code: String,
    pub name: String,
    pub interpol_member: bool,
}

/// INTERPOL's member countries with the date the list describes and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MemberList {
    pub as_of: NaiveDate,
    pub source: String,
    /// Sorted by name.
    pub countries: Vec<Country>,
}

/// The data file as written: the derivation is kept in the data, so a reviewer can check each
/// step against its source instead of trusting a bare list of 196 codes.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MemberData {
    as_of: NaiveDate,
    source: String,
    /// Prose for the reader of the file; required so the file keeps explaining itself.
    #[serde(rename = "derivation")]
    _derivation: String,
    un_member_states: Vec<String>,
    un_member_states_not_in_interpol: Vec<String>,
    members_outside_un: Vec<String>,
}

const MEMBER_DATA: &str = include_str!("../../data/member_countries.json");

struct Tables {
    member_list: MemberList,
    member_codes: BTreeSet<&'static str>,
    all: Vec<Country>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The file is compiled in and checked by the tests below, so a failure here is a
        // build mistake, never something a user's input can cause.
        let data: MemberData = serde_json::from_str(MEMBER_DATA)
            .expect("data/member_countries.json is compiled in and must parse");
        build_tables(data)
    })
}

fn build_tables(data: MemberData) -> Tables {
    let excluded: BTreeSet<&str> = data
        .un_member_states_not_in_interpol
        .iter()
        .map(String::as_str)
        .collect();
    let member_codes: BTreeSet<&'static str> = data
        .un_member_states
        .iter()
        .filter(|c| !excluded.contains(c.as_str()))
        .chain(data.members_outside_un.iter())
        .filter_map(|c| canonical_code(c))
        .collect();
    let mut all: Vec<Country> = iso3166::LIST
        .iter()
        .map(|c| (c.alpha2, c.name))
        .chain(std::iter::once((KOSOVO, KOSOVO_NAME)))
        .map(|(code, name)| Country {
            code: code.to_string(),
            name: name.to_string(),
            interpol_member: member_codes.contains(code),
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    let countries = all.iter().filter(|c| c.interpol_member).cloned().collect();
    Tables {
        member_list: MemberList {
            as_of: data.as_of,
            source: data.source,
            countries,
        },
        member_codes,
        all,
    }
}

/// The code as this module spells it (`'static`), accepting any letter case; `None` when the
/// code names no country.
fn canonical_code(code: &str) -> Option<&'static str> {
    if code.eq_ignore_ascii_case(KOSOVO) {
        return Some(KOSOVO);
    }
    iso3166::Country::from_alpha2_ignore_case(code).map(|c| c.alpha2)
}

/// INTERPOL's member countries, their `as_of` date and source.
pub fn member_list() -> &'static MemberList {
    &tables().member_list
}

/// The member countries, sorted by name.
pub fn members() -> &'static [Country] {
    &tables().member_list.countries
}

/// Every country a candidate can name (ISO 3166-1 and Kosovo), sorted by name, each marked
/// member or not: the UI offers all of them for residence and says which are members.
pub fn all_countries() -> &'static [Country] {
    &tables().all
}

/// Whether `code` (ISO 3166-1 alpha-2, any letter case) is an INTERPOL member country.
pub fn is_member(code: &str) -> bool {
    canonical_code(code).is_some_and(|c| tables().member_codes.contains(c))
}

/// Whether `code` names a country: any ISO 3166-1 alpha-2 code, or `XK` for Kosovo.
pub fn is_known_code(code: &str) -> bool {
    canonical_code(code).is_some()
}

/// The English short name of a country, for any known code.
pub fn name(code: &str) -> Option<&'static str> {
    if code.eq_ignore_ascii_case(KOSOVO) {
        return Some(KOSOVO_NAME);
    }
    iso3166::Country::from_alpha2_ignore_case(code).map(|c| c.name)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NameData {
    #[allow(dead_code)] // Says where the names come from, for whoever updates the file.
    source: String,
    names: std::collections::HashMap<String, LocalNames>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalNames {
    en: String,
    fr: String,
    es: String,
    ar: String,
}

const NAME_DATA: &str = include_str!("../../data/country_names.json");

fn local_names() -> &'static NameData {
    static DATA: std::sync::OnceLock<NameData> = std::sync::OnceLock::new();
    // Compiled in and checked by the tests below: a failure is a build mistake.
    DATA.get_or_init(|| {
        serde_json::from_str(NAME_DATA)
            .expect("data/country_names.json is compiled in and must parse")
    })
}

/// A country's name in the language of `tag` (`en`, `fr`, `es`, `ar`), from Debian's
/// iso-codes translations, for texts Rust writes (notifications, `.ics`, pack files); the
/// window names countries through `Intl` instead. Another tag gets the English name.
pub fn name_in(code: &str, tag: &str) -> Option<&'static str> {
    let names = local_names().names.get(&code.trim().to_ascii_uppercase())?;
    Some(match tag {
        "fr" => &names.fr,
        "es" => &names.es,
        "ar" => &names.ar,
        _ => &names.en,
    })
}

/// "Kosovo (XK)" for a message to the candidate; an unknown code is shown as given, in quotes.
pub fn describe(code: &str) -> String {
    match (name(code), canonical_code(code)) {
        (Some(name), Some(code)) => format!("{name} ({code})"),
        _ => format!("\u{201c}{code}\u{201d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_country_has_a_name_in_each_language() {
        for member in members() {
            for tag in ["en", "fr", "es", "ar"] {
                let named = name_in(&member.code, tag);
                assert!(
                    named.is_some_and(|n| !n.is_empty()),
                    "{} in {tag}",
                    member.code
                );
            }
            // Arabic is written in its own script for every member.
            let arabic = name_in(&member.code, "ar").unwrap();
            assert!(
                arabic
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{}: {arabic}",
                member.code
            );
        }
        assert_eq!(name_in("fr", "fr"), Some("France"));
        assert_eq!(name_in("DE", "fr"), Some("Allemagne"));
        assert_eq!(name_in("DE", "es"), Some("Alemania"));
        assert_eq!(name_in("SN", "ar"), Some("السّنغال"));
        assert_eq!(name_in("XK", "ar"), Some("كوسوفو"));
        assert_eq!(name_in("ZZ", "fr"), None);
    }

    fn data() -> MemberData {
        serde_json::from_str(MEMBER_DATA).unwrap()
    }

    #[test]
    fn the_data_file_derives_196_members_from_193_un_states() {
        let data = data();
        assert_eq!(data.un_member_states.len(), 193);
        let distinct: BTreeSet<_> = data.un_member_states.iter().collect();
        assert_eq!(distinct.len(), 193, "a UN member state is listed twice");
        for code in data
            .un_member_states
            .iter()
            .chain(&data.un_member_states_not_in_interpol)
            .chain(&data.members_outside_un)
        {
            assert!(
                iso3166::Country::from_alpha2(code).is_some(),
                "{code} is not an ISO 3166-1 alpha-2 code in upper case"
            );
        }
        for code in &data.un_member_states_not_in_interpol {
            assert!(data.un_member_states.contains(code), "{code}");
        }
        for code in &data.members_outside_un {
            assert!(!data.un_member_states.contains(code), "{code}");
        }
        assert_eq!(members().len(), 196);
        assert_eq!(tables().member_codes.len(), 196);
    }

    #[test]
    fn the_list_says_when_it_was_true_and_where_it_comes_from() {
        let list = member_list();
        assert_eq!(list.as_of, NaiveDate::from_ymd_opt(2023, 11, 29).unwrap());
        assert!(list.source.contains("Palau"), "{}", list.source);
        assert!(list.countries.windows(2).all(|w| w[0].name <= w[1].name));
    }
}

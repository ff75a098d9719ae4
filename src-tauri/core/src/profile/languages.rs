//! ISO 639-1 language codes and their English names, from Debian's iso-codes (the data file
//! names the version), so the rules can say "French" rather than "fr".

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Language {
    /// ISO 639-1, lower case.
    pub code: String,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageData {
    source: String,
    languages: Vec<Language>,
}

const LANGUAGE_DATA: &str = include_str!("../../data/iso639_1.json");

fn data() -> &'static LanguageData {
    static DATA: OnceLock<LanguageData> = OnceLock::new();
    DATA.get_or_init(|| {
        // Compiled in and checked by the tests below: a failure is a build mistake.
        let mut data: LanguageData = serde_json::from_str(LANGUAGE_DATA)
            .expect("data/iso639_1.json is compiled in and must parse");
        data.languages.sort_by(|a, b| a.code.cmp(&b.code));
        data
    })
}

fn find(code: &str) -> Option<&'static Language> {
    let languages = &data().languages;
    languages
        .binary_search_by(|l| {
            l.code
                .as_bytes()
                .iter()
                .map(u8::to_ascii_lowercase)
                .cmp(code.as_bytes().iter().map(u8::to_ascii_lowercase))
        })
        .ok()
        .map(|i| &languages[i])
}

/// Every ISO 639-1 language, sorted by code.
pub fn all_languages() -> &'static [Language] {
    &data().languages
}

/// Where the language names come from.
pub fn languages_source() -> &'static str {
    &data().source
}

/// Whether `code` is an ISO 639-1 code (any letter case).
pub fn is_language_code(code: &str) -> bool {
    find(code).is_some()
}

/// The English name of an ISO 639-1 language.
pub fn language_name(code: &str) -> Option<&'static str> {
    find(code).map(|l| l.name.as_str())
}

/// "French" for a message to the candidate; an unknown code is shown as given, in quotes.
pub fn describe_language(code: &str) -> String {
    match language_name(code) {
        Some(name) => name.to_string(),
        None => format!("\u{201c}{code}\u{201d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_holds_the_184_iso_639_1_codes_once_each_in_lower_case() {
        let languages = all_languages();
        assert_eq!(languages.len(), 184);
        assert!(languages.windows(2).all(|w| w[0].code < w[1].code));
        for l in languages {
            assert!(
                l.code.len() == 2 && l.code.bytes().all(|b| b.is_ascii_lowercase()),
                "{l:?}"
            );
            assert!(
                !l.name.is_empty() && !l.name.contains("macrolanguage"),
                "{l:?}"
            );
        }
        assert!(languages_source().contains("iso-codes"));
    }

    #[test]
    fn the_working_languages_are_named_and_case_does_not_matter() {
        assert_eq!(language_name("en"), Some("English"));
        assert_eq!(language_name("FR"), Some("French"));
        assert_eq!(language_name("es"), Some("Spanish"));
        assert_eq!(language_name("ar"), Some("Arabic"));
        assert_eq!(language_name("sw"), Some("Swahili"));
        assert!(!is_language_code("xx"));
        assert!(!is_language_code("eng"));
        assert!(!is_language_code(""));
        assert_eq!(describe_language("zz"), "\u{201c}zz\u{201d}");
    }
}

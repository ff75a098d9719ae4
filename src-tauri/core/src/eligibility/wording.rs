//! How a notice's words for a language level ("working knowledge", "fluent") read as CEFR
//! levels. INTERPOL gives no such table, so Dossier's default (docs/domain.md#languages) is
//! a setting the candidate can change; notices keep their wording, so a change re-reads every
//! notice.

use crate::Result;
use crate::profile::Cefr;
use crate::store::Store;
use serde::{Deserialize, Serialize};

/// The `settings` key the mapping is kept under (value: this type as JSON).
pub const WORDING_SETTING: &str = "eligibility.language_wording";

/// One phrase and the level it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WordingLevel {
    pub wording: String,
    pub level: Cefr,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LanguageWordingMap {
    pub entries: Vec<WordingLevel>,
}

/// The wording assumed when a notice names no English requirement: a working knowledge of
/// English is required for most posts (docs/domain.md#languages).
pub const USUAL_ENGLISH_WORDING: &str = "working knowledge";
/// Internships ask for fluent English (docs/domain.md#internships).
pub const INTERNSHIP_ENGLISH_WORDING: &str = "fluent";

impl Default for LanguageWordingMap {
    /// docs/domain.md#languages: fluent/excellent = C1, working/good knowledge = B2,
    /// knowledge/basic = B1. The wordings notices also use are placed on the same scale:
    /// "proficiency in" and "excellent command" with fluent (C1), "good command" with good
    /// knowledge (B2), "mother tongue" / "native" above them all (C2).
    fn default() -> Self {
        let entry = |wording: &str, level| WordingLevel {
            wording: wording.to_string(),
            level,
        };
        LanguageWordingMap {
            entries: vec![
                entry("native", Cefr::C2),
                entry("mother tongue", Cefr::C2),
                entry("fluent", Cefr::C1),
                entry("proficiency", Cefr::C1),
                entry("excellent command", Cefr::C1),
                entry("good command", Cefr::B2),
                entry("fluency", Cefr::C1),
                entry("excellent", Cefr::C1),
                entry("working knowledge", Cefr::B2),
                entry("good knowledge", Cefr::B2),
                entry("knowledge", Cefr::B1),
                entry("basic", Cefr::B1),
            ],
        }
    }
}

impl LanguageWordingMap {
    /// The level a notice's wording stands for, or `None` when no entry matches.
    ///
    /// An entry matching the whole wording wins. Otherwise notices wrap the phrase in other
    /// words ("Excellent knowledge of English, written and spoken"), so the entries found
    /// inside the wording as whole words are considered, the longest (in words) first:
    /// "good working knowledge" reads as "working knowledge", not "knowledge". Among equally
    /// long phrases ("excellent" and "knowledge") the higher level wins, since a qualifier
    /// such as "excellent" raises what the bare noun asks.
    pub fn level_for(&self, wording: &str) -> Option<Cefr> {
        let words = words_of(wording);
        if words.is_empty() {
            return None;
        }
        let mut best: Option<(usize, Cefr)> = None;
        for entry in &self.entries {
            let phrase = words_of(&entry.wording);
            if phrase.is_empty() {
                continue;
            }
            if phrase == words {
                return Some(entry.level);
            }
            if contains_phrase(&words, &phrase) && best < Some((phrase.len(), entry.level)) {
                best = Some((phrase.len(), entry.level));
            }
        }
        best.map(|(_, level)| level)
    }
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    words.windows(phrase.len()).any(|w| w == phrase)
}

/// The candidate's mapping, or the default when none was saved.
pub fn load_wording_map(store: &Store) -> Result<LanguageWordingMap> {
    match crate::settings::read_setting(store, WORDING_SETTING)? {
        None => Ok(LanguageWordingMap::default()),
        Some(json) => serde_json::from_str(&json).map_err(|e| {
            crate::Error::field(
                "languageWording",
                crate::error::FieldProblem::StoredDamaged {
                    detail: e.to_string(),
                },
                format!("the saved language settings cannot be read ({e})"),
            )
        }),
    }
}

/// Saves the mapping after checking it: every wording has words, and none appears twice
/// (two levels for one phrase would make the result depend on the order of the list).
pub fn save_wording_map(store: &mut Store, map: &LanguageWordingMap) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in map.entries.iter().enumerate() {
        let words = words_of(&entry.wording);
        if words.is_empty() {
            return Err(crate::Error::field(
                format!("entries[{i}].wording"),
                crate::error::FieldProblem::WordingMissing,
                "Enter the words a notice uses, such as \u{201c}working knowledge\u{201d}.",
            ));
        }
        if !seen.insert(words) {
            return Err(crate::Error::field(
                format!("entries[{i}].wording"),
                crate::error::FieldProblem::WordingTwice {
                    wording: entry.wording.trim().to_string(),
                },
                format!(
                    "\u{201c}{}\u{201d} is listed twice; keep one level for it.",
                    entry.wording.trim()
                ),
            ));
        }
    }
    crate::settings::save_setting(store, WORDING_SETTING, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_reads_the_wordings_domain_md_names() {
        let map = LanguageWordingMap::default();
        for (wording, level) in [
            ("fluent", Cefr::C1),
            ("Excellent", Cefr::C1),
            ("working knowledge", Cefr::B2),
            ("Good knowledge", Cefr::B2),
            ("knowledge", Cefr::B1),
            ("basic", Cefr::B1),
        ] {
            assert_eq!(map.level_for(wording), Some(level), "{wording}");
        }
    }

    #[test]
    fn wording_inside_a_sentence_reads_as_its_most_specific_phrase() {
        let map = LanguageWordingMap::default();
        assert_eq!(
            map.level_for("A good working knowledge of English"),
            Some(Cefr::B2)
        );
        assert_eq!(
            map.level_for("Excellent knowledge of French, written and spoken"),
            Some(Cefr::C1)
        );
        assert_eq!(map.level_for("Fluency in Arabic"), Some(Cefr::C1));
        assert_eq!(map.level_for("Basic knowledge"), Some(Cefr::B1));
        // Whole words only: "knowledgeable" is not "knowledge".
        assert_eq!(map.level_for("knowledgeable"), None);
        assert_eq!(map.level_for("conversational"), None);
    }

    #[test]
    fn wordings_notices_also_use_have_a_level() {
        let map = LanguageWordingMap::default();
        assert_eq!(map.level_for("native"), Some(Cefr::C2));
        assert_eq!(map.level_for("English as a mother tongue"), Some(Cefr::C2));
        assert_eq!(map.level_for("proficiency"), Some(Cefr::C1));
        assert_eq!(
            map.level_for("Excellent command of English"),
            Some(Cefr::C1)
        );
        assert_eq!(map.level_for("Good command of French"), Some(Cefr::B2));
        assert_eq!(map.level_for("   "), None);
    }
}

//! Which of Dossier's four languages the window, the notifications and the files it writes use.

use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{self, Preferences};
use dossier_core::store::Store;
use dossier_core::words::Wording;

/// The candidate's choice in Settings, or else the operating system's first preferred language
/// that Dossier speaks, or else English.
pub fn resolved_language(preferences: &Preferences) -> DisplayLanguage {
    preferences.language.unwrap_or_else(system_language)
}

/// The language the candidate reads now, as stored in their preferences: read at each use, so
/// a change in Settings applies to the next notification or file without a restart.
pub fn stored_language(store: &Store) -> dossier_core::Result<DisplayLanguage> {
    Ok(resolved_language(&preferences::load_preferences(store)?))
}

/// The language and the date and hour styles the candidate reads now, as stored in their
/// preferences: read at each use, like [`stored_language`].
pub fn stored_wording(store: &Store) -> dossier_core::Result<Wording> {
    Ok(preferences::load_preferences(store)?.wording(system_language))
}

/// The operating system's language, read where the desktop keeps it (`LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES`, `LANG` on Linux, through `sys-locale`).
pub fn system_language() -> DisplayLanguage {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    DisplayLanguage::first_spoken(locales.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_wins_over_the_system() {
        let preferences = Preferences {
            language: Some(DisplayLanguage::Ar),
            ..Preferences::default()
        };
        assert_eq!(resolved_language(&preferences), DisplayLanguage::Ar);
    }
}

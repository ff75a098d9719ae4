//! The four languages Dossier speaks, INTERPOL's working languages, and how a locale tag from the
//! operating system or a browser maps onto one of them.

use serde::{Deserialize, Serialize};

/// A language every word of Dossier is written in. The wire form is the BCP 47 primary tag
/// (`"en"`, `"fr"`, `"es"`, `"ar"`), the same name the catalogues' files carry.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "lowercase")]
pub enum DisplayLanguage {
    #[default]
    En,
    Fr,
    Es,
    Ar,
}

impl DisplayLanguage {
    pub const ALL: [DisplayLanguage; 4] = [
        DisplayLanguage::En,
        DisplayLanguage::Fr,
        DisplayLanguage::Es,
        DisplayLanguage::Ar,
    ];

    pub fn tag(self) -> &'static str {
        match self {
            DisplayLanguage::En => "en",
            DisplayLanguage::Fr => "fr",
            DisplayLanguage::Es => "es",
            DisplayLanguage::Ar => "ar",
        }
    }

    /// Arabic is written right to left; the window mirrors its layout for it.
    pub fn is_right_to_left(self) -> bool {
        self == DisplayLanguage::Ar
    }

    /// The language of a locale tag such as `fr-CA`, `es_419.UTF-8` or `ar-EG`, if Dossier
    /// speaks it. Only the primary subtag counts: a Canadian French system gets French.
    pub fn from_locale_tag(tag: &str) -> Option<DisplayLanguage> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        DisplayLanguage::ALL
            .into_iter()
            .find(|language| language.tag() == primary)
    }

    /// The first of the system's preferred locales that Dossier speaks, English otherwise.
    pub fn first_spoken<'a>(tags: impl IntoIterator<Item = &'a str>) -> DisplayLanguage {
        tags.into_iter()
            .find_map(DisplayLanguage::from_locale_tag)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_map_on_their_primary_subtag() {
        assert_eq!(
            DisplayLanguage::from_locale_tag("fr-CA"),
            Some(DisplayLanguage::Fr)
        );
        assert_eq!(
            DisplayLanguage::from_locale_tag("es_419.UTF-8"),
            Some(DisplayLanguage::Es)
        );
        assert_eq!(
            DisplayLanguage::from_locale_tag("AR-eg"),
            Some(DisplayLanguage::Ar)
        );
        assert_eq!(
            DisplayLanguage::from_locale_tag("en"),
            Some(DisplayLanguage::En)
        );
        assert_eq!(DisplayLanguage::from_locale_tag("de-DE"), None);
        assert_eq!(DisplayLanguage::from_locale_tag("C"), None);
        assert_eq!(DisplayLanguage::from_locale_tag(""), None);
    }

    #[test]
    fn the_first_spoken_system_locale_wins_and_english_is_the_fallback() {
        assert_eq!(
            DisplayLanguage::first_spoken(["de-DE", "es-ES", "fr-FR"]),
            DisplayLanguage::Es
        );
        assert_eq!(
            DisplayLanguage::first_spoken(["de-DE", "ja-JP"]),
            DisplayLanguage::En
        );
        assert_eq!(DisplayLanguage::first_spoken([]), DisplayLanguage::En);
    }

    #[test]
    fn the_wire_form_is_the_catalogue_name() {
        for language in DisplayLanguage::ALL {
            let wire = serde_json::to_value(language).unwrap();
            assert_eq!(wire, serde_json::Value::String(language.tag().to_owned()));
        }
        assert!(DisplayLanguage::Ar.is_right_to_left());
        assert!(!DisplayLanguage::Fr.is_right_to_left());
    }
}

//! Characters that do not show but change what is shown: bidirectional overrides and isolates
//! (`01 CV - \u{202E}gpj.exe.pdf` displays as `01 CV - fdp.exe.jpg`), control characters,
//! and the zero-width and other default-ignorable marks that make two names look alike.
//! Names the candidate types or pastes (vacancy titles, document titles, profile names) and
//! the file names Dossier proposes are cleaned of them here, in one place.
//!
//! The zero-width joiner and non-joiner (U+200D, U+200C) are kept in names: Persian and the
//! Indic scripts need them to spell words, and they cannot reorder text. A web address has no
//! use for them, so [`is_invisible`] counts them.

use std::borrow::Cow;

/// Whether `c` is a hidden character that names lose: a control character, a bidirectional
/// formatting mark, or an invisible format character.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Arabic letter mark, left-to-right and right-to-left marks.
            '\u{061C}' | '\u{200E}' | '\u{200F}'
            // Embeddings, overrides and their pop; isolates and their pop.
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            // Soft hyphen, combining grapheme joiner, Hangul fillers, Mongolian vowel separator.
            | '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
            | '\u{180E}'
            // Zero-width space, word joiner and the invisible operators.
            | '\u{200B}' | '\u{2060}'..='\u{2064}'
            // Deprecated format characters, line and paragraph separators.
            | '\u{206A}'..='\u{206F}' | '\u{2028}' | '\u{2029}'
            // Byte order mark (zero-width no-break space), interlinear annotation marks.
            | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
            // Tag characters.
            | '\u{E0000}'..='\u{E007F}'
        )
}

/// Whether `c` does not show at all: [`is_hidden`], and the zero-width joiners names keep.
pub fn is_invisible(c: char) -> bool {
    is_hidden(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// `text` without its hidden characters, for a one-line name: tabs, line breaks and the
/// other hidden spaces become plain spaces, the rest go. Borrowed when there are none (the
/// usual case).
pub fn strip_hidden(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hidden) {
        Cow::Owned(
            text.chars()
                .filter_map(|c| match c {
                    c if is_hidden(c) && c.is_whitespace() => Some(' '),
                    c if is_hidden(c) => None,
                    c => Some(c),
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_invisible_marks_go_and_letters_stay() {
        assert_eq!(strip_hidden("01 CV - \u{202E}gpj.exe"), "01 CV - gpj.exe");
        assert_eq!(
            strip_hidden("A\u{200B}mina\u{FEFF}\t\u{2067}Diallo\u{2069}\u{7}"),
            "Amina Diallo"
        );
        // Persian needs the zero-width non-joiner: می‌خواهم.
        assert_eq!(strip_hidden("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert!(matches!(strip_hidden("Jörg Müller"), Cow::Borrowed(_)));
        assert!(is_invisible('\u{200D}') && !is_hidden('\u{200D}'));
    }
}

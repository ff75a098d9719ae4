//! File names built from what the candidate typed (titles, names, employers), made safe for
//! Windows, macOS and Linux alike, since a pack is often copied to a USB stick or mailed on.

use crate::hidden_chars::is_hidden;

/// The most bytes of UTF-8 a whole name may take: 255 is the limit of ext4, APFS and NTFS
/// (NTFS counts UTF-16 units, never more than UTF-8 bytes), less room for a copy suffix such as
/// " (2)" that a file manager may add.
pub const MAX_NAME_BYTES: usize = 240;

/// Characters Windows refuses in a name; `/` is also the Unix separator and `:` the old macOS one.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Device names Windows reserves whatever the extension: `CON.pdf` cannot be created there.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$",
];

/// `stem` and `extension` joined into one file name every common file system accepts:
/// forbidden and control characters become `_`, other hidden characters (bidirectional
/// overrides, zero-width marks) go, runs of spaces one space, no leading dot (a
/// hidden file) and no trailing dot or space (Windows drops them), never a reserved device
/// name, at most [`MAX_NAME_BYTES`] bytes cut on a character boundary, and never empty
/// (`fallback` is used then). `extension` is given without its dot and is trusted.
pub fn safe_file_name(stem: &str, extension: &str, fallback: &str) -> String {
    let mut clean = clean_stem(stem);
    if clean.is_empty() {
        clean = clean_stem(fallback);
    }
    if clean.is_empty() {
        clean = "file".into();
    }
    let stem_of = clean.split('.').next().unwrap_or("").trim_end();
    if RESERVED
        .iter()
        .any(|r| r.eq_ignore_ascii_case(stem_of) || *r == stem_of.to_uppercase())
    {
        clean.insert(0, '_');
    }
    let suffix = if extension.is_empty() {
        String::new()
    } else {
        format!(".{extension}")
    };
    let room = MAX_NAME_BYTES.saturating_sub(suffix.len());
    if clean.len() > room {
        let mut cut = room;
        while !clean.is_char_boundary(cut) {
            cut -= 1;
        }
        clean.truncate(cut);
        // A cut may leave a trailing space or dot again.
        clean = clean.trim_end_matches([' ', '.']).to_string();
        if clean.is_empty() {
            clean = "file".into();
        }
    }
    format!("{clean}{suffix}")
}

fn clean_stem(stem: &str) -> String {
    let mut out = String::with_capacity(stem.len());
    let mut last_space = true; // drops leading spaces
    for c in stem.chars() {
        // Tabs and line breaks are control characters too, but read as spaces.
        let c = if c.is_whitespace() {
            ' '
        } else if is_hidden(c) && !c.is_control() {
            // A right-to-left override would show `gpj.exe.pdf` as `fdp.exe.jpg`.
            continue;
        } else if c.is_control() || FORBIDDEN.contains(&c) {
            '_'
        } else {
            c
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    let trimmed = out
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forbidden_characters_become_underscores() {
        assert_eq!(
            safe_file_name("CV: Jane/Doe <final>?", "pdf", "x"),
            "CV_ Jane_Doe _final__.pdf"
        );
        assert_eq!(safe_file_name("a\\b|c*d\"e", "pdf", "x"), "a_b_c_d_e.pdf");
        assert_eq!(
            safe_file_name("tab\there\u{7}", "pdf", "x"),
            "tab here_.pdf"
        );
    }

    #[test]
    fn hidden_characters_cannot_disguise_the_extension() {
        assert_eq!(
            safe_file_name("01 CV - \u{202E}gpj.exe", "pdf", "x"),
            "01 CV - gpj.exe.pdf"
        );
        assert_eq!(
            safe_file_name("\u{2067}Passport\u{200B}\u{FEFF}", "jpg", "x"),
            "Passport.jpg"
        );
    }

    #[test]
    fn reserved_device_names_are_prefixed() {
        assert_eq!(safe_file_name("CON", "pdf", "x"), "_CON.pdf");
        assert_eq!(safe_file_name("con", "pdf", "x"), "_con.pdf");
        assert_eq!(
            safe_file_name("lpt1.backup", "pdf", "x"),
            "_lpt1.backup.pdf"
        );
        assert_eq!(safe_file_name("Console", "pdf", "x"), "Console.pdf");
    }

    #[test]
    fn dots_and_spaces_at_the_ends_go() {
        assert_eq!(safe_file_name("..hidden", "pdf", "x"), "hidden.pdf");
        assert_eq!(safe_file_name("name. . ", "pdf", "x"), "name.pdf");
        assert_eq!(safe_file_name("  a   b  ", "pdf", "x"), "a b.pdf");
        assert_eq!(safe_file_name("...", "pdf", "Document 4"), "Document 4.pdf");
        assert_eq!(safe_file_name("", "", ""), "file");
    }

    #[test]
    fn long_names_are_cut_on_a_character_boundary() {
        let name = safe_file_name(&"é".repeat(300), "pdf", "x");
        assert!(name.len() <= MAX_NAME_BYTES, "{}", name.len());
        assert!(name.ends_with("é.pdf"));
    }

    proptest! {
        #[test]
        fn any_input_gives_a_portable_name(stem in "(\\PC|\\p{Cc}|\\p{Cf}){0,300}", fallback in "\\PC{0,20}") {
            let name = safe_file_name(&stem, "pdf", &fallback);
            prop_assert!(name.len() <= MAX_NAME_BYTES);
            prop_assert!(name.ends_with(".pdf"));
            let stem = name.trim_end_matches(".pdf");
            prop_assert!(!stem.is_empty());
            prop_assert!(!name.chars().any(|c| is_hidden(c) || FORBIDDEN.contains(&c)));
            prop_assert!(!stem.ends_with(['.', ' ']) && !stem.starts_with(['.', ' ']));
            let device = stem.split('.').next().unwrap_or("").trim_end().to_uppercase();
            prop_assert!(!RESERVED.contains(&device.as_str()));
            // Cleaning a clean name changes nothing.
            prop_assert_eq!(safe_file_name(stem, "pdf", "x"), name.clone());
        }
    }
}

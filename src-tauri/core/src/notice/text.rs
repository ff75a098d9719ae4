//! Evens out how copies of a notice differ in their characters, so the readers that follow see
//! one kind of space, one kind of line break and one kind of hyphen.

/// The longest prefix of `text` no longer than `max` bytes that ends on a character boundary.
pub fn truncate_to(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// CRLF and lone CR become LF; the many Unicode spaces become a space (a tab stays a tab: copied
/// tables separate label and value with one); zero-width characters and soft hyphens go;
/// hyphen-like characters become `-` (en and em dashes are kept: titles are shown as written);
/// other control characters become spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => out.push(' '),
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\u{2010}'..='\u{2012}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => out.push('-'),
            '\u{ff1a}' => out.push(':'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Runs of whitespace become one space; the ends are trimmed.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value as it should be shown: spaces collapsed, footnote markers (`Lyon*`, `Roster**`,
/// `Lyon†`) and dangling punctuation removed. `None` when nothing readable is left.
pub fn clean_value(raw: &str) -> Option<String> {
    let without_markers: String = raw
        .chars()
        .filter(|c| !matches!(c, '*' | '†' | '‡' | '¹' | '²' | '³'))
        .collect();
    let collapsed = collapse_spaces(&without_markers);
    let trimmed = collapsed
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '-' | '–' | '—' | '•' | '·')
        })
        .trim();
    trimmed
        .chars()
        .any(char::is_alphanumeric)
        .then(|| trimmed.to_string())
}

/// Lower case with French accents folded, for matching words whichever way they were typed.
/// ASCII, most of any notice, takes a short path: this runs over the whole text several times.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(match lower {
                'à' | 'â' | 'ä' | 'á' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' => 'i',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                '’' | '‘' | '`' => '\'',
                '–' | '—' => '-',
                c => c,
            });
        }
    }
    out
}

/// Words looked for together, found in one pass over a text rather than one per word.
pub struct WordSet(aho_corasick::AhoCorasick);

impl WordSet {
    pub fn new(words: &[&str]) -> Self {
        WordSet(aho_corasick::AhoCorasick::new(words).expect("word lists are small"))
    }

    /// True when one of the words occurs in `folded` as a whole word, as `has_word` reads it.
    pub fn any_in(&self, folded: &str) -> bool {
        self.0.find_overlapping_iter(folded).any(|m| {
            let before = folded[..m.start()].chars().next_back();
            let after = folded[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }
}

/// True when `word` occurs in `folded` (already folded) with no letter or digit on either side.
pub fn has_word(folded: &str, word: &str) -> bool {
    folded.match_indices(word).any(|(at, _)| {
        let before = folded[..at].chars().next_back();
        let after = folded[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// True when the digits at `start..end` of `text` are a number of their own: no digit right
/// before or after. Copies glue fields together (`1611Location:`, `2025Title`), so a word
/// boundary cannot be asked for there.
pub fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_never_splits_a_character() {
        assert_eq!(truncate_to("aé", 2), "a");
        assert_eq!(truncate_to("aé", 3), "aé");
        assert_eq!(truncate_to("", 0), "");
    }

    #[test]
    fn line_breaks_spaces_and_hyphens_are_evened_out() {
        let text =
            "Grade:\u{a0}6\r\nPosts:\r1\u{200b}\u{feff}\nSECONDMENT \u{2013} X\u{2011}Y\u{7}";
        assert_eq!(
            normalize(text),
            "Grade: 6\nPosts:\n1\nSECONDMENT \u{2013} X-Y "
        );
    }

    #[test]
    fn values_lose_markers_and_dangling_punctuation() {
        assert_eq!(clean_value("  Lyon*  ").as_deref(), Some("Lyon"));
        assert_eq!(clean_value("Roster** ,").as_deref(), Some("Roster"));
        assert_eq!(
            clean_value("Lyon,   France ").as_deref(),
            Some("Lyon, France")
        );
        assert_eq!(clean_value(" ** - "), None);
    }

    #[test]
    fn words_match_only_whole() {
        assert!(has_word("mise a disposition", "disposition"));
        assert!(!has_word("predisposition", "disposition"));
        assert_eq!(fold("Renforcée À"), "renforcee a");
        assert_eq!(fold("L’AFFECTATION `x` İ"), "l'affectation 'x' i\u{307}");
        let set = WordSet::new(&["asset", "would be an asset"]);
        assert!(set.any_in("french would be an asset."));
        assert!(!set.any_in("assets"));
    }
}

//! Finds English left in a page meant for another language: the words of English's catalogue
//! values (the core's `words/en.ftl` and, for the window, the UI's `en*.json`), once the
//! candidate's own values and the markup are taken out. Shared by the core's manifest test and
//! the end-to-end French journey (`#[path]`), so both hold the page to the same list.
#![allow(dead_code)]

use std::collections::BTreeSet;

/// Names and codes that read the same in every language, and words French or Spanish share
/// with English's catalogue ("document", "date", French's "personne candidate").
pub const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "interpol",
    "dossier",
    "talentlink",
    "linux",
    "macos",
    "windows",
    "sha",
    "json",
    "zip",
    "pdf",
    "ics",
    "icalendar",
    "lyon",
    "master",
    "france",
    "documents",
    "document",
    "date",
    "type",
    "code",
    "cv",
    "recruitment",
    "hub",
    "candidate",
];

/// Adds the words of `text` (three letters or more, lower case) to `words`.
pub fn add_words(text: &str, words: &mut BTreeSet<String>) {
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() >= 3 {
            words.insert(word.to_lowercase());
        }
    }
}

/// The words of a Fluent catalogue's values: placeables, ids and comments left out.
pub fn fluent_words(source: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let trimmed = line.trim_start();
        let value = if trimmed.starts_with(['[', '*']) {
            trimmed.split_once(']').map_or("", |(_, v)| v)
        } else {
            line.split_once('=').map_or("", |(_, v)| v)
        };
        let mut text = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => text.push(c),
                _ => {}
            }
        }
        add_words(&text, &mut words);
    }
    words
}

/// The catalogue's words in `page`, once markup, the style sheet and the candidate's own
/// values (`own`) are taken out, and without [`SAME_IN_EVERY_LANGUAGE`]. Sorted, once each.
pub fn english_left_in(page: &str, own: &[&str], english: &BTreeSet<String>) -> Vec<String> {
    let page = page.rsplit("</style>").next().unwrap_or_default();
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let mut text = text.replace("&#39;", "'").replace("&amp;", "&");
    for value in own {
        text = text.replace(value, " ");
    }
    let mut left: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| english.contains(w) && !SAME_IN_EVERY_LANGUAGE.contains(&w.as_str()))
        .collect();
    left.sort();
    left.dedup();
    left
}

//! What a notice requires of the candidate in its free text: languages, minimum education and
//! years of experience. Only what is stated as required counts; anything "an asset",
//! "desirable" or "an advantage" is left out, and so is anything offered as an alternative
//! ("English or French"), which a single requirement cannot express.

use super::text::{WordSet, fold, has_word};
use crate::profile::{Cefr, EducationLevel};
use crate::vacancy::LanguageRequirement;
use regex::Regex;
use std::sync::LazyLock;

/// Words that make what they qualify optional.
const ASSET_MARKERS: &[&str] = &[
    "asset",
    "assets",
    "desirable",
    "desired",
    "advantage",
    "advantageous",
    "a plus",
    "added value",
    "preferred",
    "preferable",
    "preferably",
    "preference",
    "appreciated",
    "nice to have",
    "beneficial",
    "ideally",
    "optional",
    "welcome",
    "valued",
    "atout",
    "un plus",
    "souhaitable",
    "souhaite",
    "apprecie",
    "appreciee",
    "serait un",
];

/// Words that state a requirement.
const REQUIRED_MARKERS: &[&str] = &[
    "required",
    "require",
    "requires",
    "requirement",
    "requirements",
    "essential",
    "mandatory",
    "must",
    "necessary",
    "needed",
    "compulsory",
    "indispensable",
    "minimum",
    "at least",
    "exige",
    "exigee",
    "requis",
    "requise",
    "obligatoire",
];

fn has_any(folded: &str, words: &[&str]) -> bool {
    words.iter().any(|w| has_word(folded, w))
}

static ASSETS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ASSET_MARKERS));
static REQUIRED: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(REQUIRED_MARKERS));

/// Whether the lines that follow are required or optional, as a notice's headings say
/// ("Essential:", "Desirable:").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Neutral,
    Essential,
    Desirable,
}

/// What the lines that follow are about, as a sub-heading says ("Education:", "Languages:").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Other,
    Education,
    Experience,
    Languages,
}

static ESSENTIAL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:essential|required|requirements?|mandatory|minimum\s+(?:requirements?|qualifications?)|(?:qualifications?|profile)\s+required|exigences|criteres\s+essentiels)\b")
        .expect("valid regex")
});
static DESIRABLE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:desirable|desired|assets?|advantageous|preferred|nice\s+to\s+have|additional\s+assets?|souhaitable|atouts?)\b")
        .expect("valid regex")
});
static NEUTRAL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:main|key|principal)\s+(?:duties|responsibilities|tasks)|duties|responsibilities|functions|tasks|about|how\s+to\s+apply|(?:working\s+)?conditions|benefits|what\s+we\s+offer|salary|remuneration|position\s+summary|job\s+summary|summary|context|background|note|important|general\s+information|additional\s+information|selection\s+process|interpol|the\s+organi[sz]ation)\b")
        .expect("valid regex")
});
static EDUCATION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:education(?:al)?|academic|qualifications?|diplomas?|degrees?)\b")
        .expect("valid regex")
});
static EXPERIENCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:professional|work|relevant)\s+)?experience\b").expect("valid regex")
});
static LANGUAGES_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:languages?|langues?)\b").expect("valid regex"));

/// One sentence of the notice, with the heading mode and topic in force and its
/// comma-separated parts.
struct Sentence {
    mode: Mode,
    topic: Topic,
    folded: String,
    /// Whether the sentence itself says something is required ("must", "required").
    states_requirement: bool,
    parts: Vec<String>,
    /// Each part folded, once: three readers look at every part.
    folded_parts: Vec<String>,
}

/// A line read as a heading: a label with a colon near its start ("Desirable: French"), or a
/// short line of a few words with no sentence in it ("Required Knowledge and Skills").
struct Heading<'a> {
    mode: Option<Mode>,
    topic: Option<Topic>,
    content: &'a str,
}

fn heading(line: &str) -> Option<Heading<'_>> {
    let colon_at = line.find(':').filter(|c| *c <= 60);
    // A long line with no colon near its start is a sentence: not worth folding to see.
    if colon_at.is_none()
        && line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            > 5
    {
        return None;
    }
    let folded = fold(line);
    let head = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let colon = line.find(':').filter(|c| *c <= 60);
    let words = head.split_whitespace().count();
    let looks_like_title = colon.is_none()
        && words <= 5
        && !head.ends_with('.')
        && !["is", "are", "must", "will", "should", "would"]
            .iter()
            .any(|verb| has_word(head, verb));
    if colon.is_none() && !looks_like_title {
        return None;
    }
    // The words before the colon are the heading; a long run before it is a sentence.
    let label = colon.map_or(head, |_| head.split(':').next().unwrap_or(head));
    if label.split_whitespace().count() > 6 {
        return None;
    }
    let mode = if ESSENTIAL_HEADING.is_match(label) {
        Some(Mode::Essential)
    } else if DESIRABLE_HEADING.is_match(label) {
        Some(Mode::Desirable)
    } else if NEUTRAL_HEADING.is_match(label) {
        Some(Mode::Neutral)
    } else {
        None
    };
    let topic = if EDUCATION_HEADING.is_match(label) {
        Some(Topic::Education)
    } else if EXPERIENCE_HEADING.is_match(label) {
        Some(Topic::Experience)
    } else if LANGUAGES_HEADING.is_match(label) {
        Some(Topic::Languages)
    } else if mode.is_some() {
        // "Required Languages" sets both; "Duties" ends any topic.
        ["language", "education", "experience"]
            .iter()
            .all(|w| !label.contains(w))
            .then_some(Topic::Other)
    } else {
        None
    };
    let topic = topic.or_else(|| {
        if label.contains("language") {
            Some(Topic::Languages)
        } else if label.contains("education") {
            Some(Topic::Education)
        } else if label.contains("experience") {
            Some(Topic::Experience)
        } else {
            None
        }
    });
    if mode.is_none() && topic.is_none() {
        return None;
    }
    // A short heading line may itself say something ("Essential English skills").
    let content = colon.map_or(line, |c| &line[c + 1..]);
    Some(Heading {
        mode,
        topic,
        content,
    })
}

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r";|\.(?:\s|$)").expect("valid regex"));
static PART_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),|\s(?:while|whereas|but|alors\s+que|tandis\s+que|mais)\s")
        .expect("valid regex")
});

/// The notice's sentences, line by line: a heading line changes the mode or topic for the
/// lines after it (a neutral one such as "Duties" ends both).
fn sentences(text: &str) -> Vec<Sentence> {
    let mut mode = Mode::Neutral;
    let mut topic = Topic::Other;
    let mut found = Vec::new();
    for line in text.lines() {
        let line = line
            .trim()
            .trim_start_matches(['-', '•', '·', '*', '–', '—', '▪', '○', '●'])
            .trim();
        if line.is_empty() {
            continue;
        }
        let content = match heading(line) {
            Some(h) => {
                if let Some(new_mode) = h.mode {
                    mode = new_mode;
                    if new_mode == Mode::Neutral && h.topic.is_none() {
                        topic = Topic::Other;
                    }
                }
                if let Some(new_topic) = h.topic {
                    topic = new_topic;
                }
                h.content
            }
            None => line,
        };
        for sentence in SENTENCE_END.split(content) {
            let sentence = sentence.trim();
            if sentence.is_empty() {
                continue;
            }
            let folded = fold(sentence);
            let parts = split_parts(sentence);
            found.push(Sentence {
                mode,
                topic,
                states_requirement: REQUIRED.any_in(&folded),
                folded,
                folded_parts: parts.iter().map(|p| fold(p)).collect(),
                parts,
            });
        }
    }
    found
}

static LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:english|anglais|ingl[ée]s|french|fran[çc]ais|franc[ée]s|spanish|espagnol|espa[ñn]ol|arabic|arabe|[áa]rabe|russian|russe|chinese|chinois|portuguese|portugais|german|allemand)\b")
        .expect("valid regex")
});

fn language_code(word: &str) -> Option<&'static str> {
    let w = fold(word);
    let code = match w.as_str() {
        "english" | "anglais" | "ingles" => "en",
        "french" | "francais" | "frances" => "fr",
        "spanish" | "espagnol" | "espanol" => "es",
        "arabic" | "arabe" => "ar",
        "russian" | "russe" => "ru",
        "chinese" | "chinois" => "zh",
        "portuguese" | "portugais" => "pt",
        "german" | "allemand" => "de",
        _ => return None,
    };
    Some(code)
}

/// Splits a sentence at commas and contrasting words, but keeps a list of languages together
/// ("Arabic, French or Spanish would be an asset" is one part, so the asset covers all three).
fn split_parts(sentence: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut last = 0;
    let mut pieces = Vec::new();
    for m in PART_BREAK.find_iter(sentence) {
        pieces.push(&sentence[last..m.start()]);
        last = m.end();
    }
    pieces.push(&sentence[last..]);
    for piece in pieces {
        let joins_list = parts.last().is_some_and(|prev| ends_with_language(prev))
            && starts_with_language(piece);
        match parts.last_mut() {
            Some(prev) if joins_list => {
                prev.push_str(", ");
                prev.push_str(piece);
            }
            _ => parts.push(piece.to_string()),
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// True when the last word of `text` is a language's name. Only the end is looked at: a list
/// grows as its parts are joined, and scanning all of it each time would be quadratic.
fn ends_with_language(text: &str) -> bool {
    let trimmed = text.trim_end();
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    language_code(&trimmed[word_start..]).is_some()
}

fn starts_with_language(text: &str) -> bool {
    let folded = fold(text);
    let trimmed = folded.trim_start();
    let rest = ["and/or ", "and ", "or ", "et ", "ou ", "y ", "o "]
        .iter()
        .find_map(|c| trimmed.strip_prefix(c))
        .unwrap_or(trimmed);
    LANGUAGE.find(rest).is_some_and(|m| m.start() == 0)
}

/// Words that may follow a language's name when it names the language, not an adjective
/// ("French law", "Spanish National Police", "English-speaking").
const AFTER_LANGUAGE: &[&str] = &[
    "is",
    "are",
    "was",
    "be",
    "would",
    "will",
    "should",
    "must",
    "may",
    "can",
    "language",
    "languages",
    "and",
    "or",
    "at",
    "to",
    "as",
    "both",
    "level",
    "levels",
    "skills",
    "skill",
    "proficiency",
    "knowledge",
    "required",
    "essential",
    "mandatory",
    "desirable",
    "being",
    "in",
    "with",
    "plus",
    "also",
    "an",
    "a",
    "written",
    "spoken",
    "oral",
    "mother",
    "native",
    "working",
    "good",
    "excellent",
    "fluent",
    "fluency",
    "et",
    "ou",
    "est",
    "sont",
    "serait",
    "requis",
    "exige",
    "obligatoire",
    "souhaite",
    "courant",
    "lu",
    "ecrit",
    "parle",
    "y",
    "o",
    "es",
    "preferred",
    "considered",
];

fn names_the_language(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\t']);
    let Some(first) = after.chars().next() else {
        return true;
    };
    if !first.is_alphanumeric() {
        // "English-speaking" is an adjective; "English (fluent)", "English," name it.
        return !(first == '-' && after[1..].starts_with(char::is_alphabetic));
    }
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    let folded = fold(&word);
    AFTER_LANGUAGE.contains(&folded.as_str())
        || cefr(&word).is_some()
        || language_code(&word).is_some()
}

fn cefr(word: &str) -> Option<Cefr> {
    match word {
        "A1" => Some(Cefr::A1),
        "A2" => Some(Cefr::A2),
        "B1" => Some(Cefr::B1),
        "B2" => Some(Cefr::B2),
        "C1" => Some(Cefr::C1),
        "C2" => Some(Cefr::C2),
        _ => None,
    }
}

static CEFR_LEVEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[ABC][12]\b").expect("valid regex"));

/// Proficiency wordings, most telling first, and the word Dossier keeps for each (the
/// vocabulary of docs/domain.md#languages: the eligibility settings map these to CEFR levels).
const WORDINGS: &[(&str, &str)] = &[
    (
        r"\b(?:mother\s+tongue|native|langue\s+maternelle)\b",
        "native",
    ),
    (
        r"\b(?:excellent|excellente|perfect|parfaite?|full\s+professional)\b",
        "excellent",
    ),
    (
        r"\b(?:fluen(?:t|cy|tly)|courant|couramment|bilingual|bilingue)\b",
        "fluent",
    ),
    (
        r"\b(?:working\s+(?:knowledge|level|proficiency)|connaissance\s+pratique|professional\s+working)\b",
        "working knowledge",
    ),
    (
        r"\b(?:(?:very\s+)?good|sound|solid|thorough|bonne|tres\s+bonne)\s+(?:knowledge|command|level|understanding|connaissance|maitrise|niveau)\b",
        "good knowledge",
    ),
    (
        r"\b(?:full\s+)?(?:proficien(?:cy|t)\s+(?:in|en)|dominio\s+del)\b",
        "proficiency",
    ),
    (r"\b(?:basic|elementary|notions|de\s+base)\b", "basic"),
    (
        r"\b(?:knowledge|command|proficiency|proficient|connaissance|maitrise)\b",
        "knowledge",
    ),
];

static WORDING_PATTERNS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    WORDINGS
        .iter()
        .map(|(p, w)| (Regex::new(p).expect("valid regex"), *w))
        .collect()
});

fn wording_in(folded: &str) -> Option<&'static str> {
    WORDING_PATTERNS
        .iter()
        .find(|(re, _)| re.is_match(folded))
        .map(|(_, w)| *w)
}

static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),|\b(?:and|et|or|ou|y|as\s+well\s+as)\b").expect("valid regex")
});
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid regex"));

/// The part of `window` nearest to the mention after it: past the last connector.
fn nearest_before(window: &str) -> String {
    let without_brackets = BRACKETED.replace_all(window, " ");
    let start = CONNECTOR
        .find_iter(&without_brackets)
        .last()
        .map_or(0, |m| m.end());
    without_brackets[start..].to_string()
}

/// The part of `window` nearest to the mention before it: up to the first connector.
fn nearest_after(window: &str) -> &str {
    let end = CONNECTOR.find(window).map_or(window.len(), |m| m.start());
    &window[..end]
}

/// True when the words between two mentions only join them into a list.
fn only_joins(between: &str) -> bool {
    fold(between)
        .split(|c: char| !c.is_alphanumeric() && c != '/')
        .filter(|w| !w.is_empty())
        .all(|w| ["and", "or", "and/or", "et", "ou", "y", "o", "/"].contains(&w))
}

fn offers_alternatives(between: &str) -> bool {
    let folded = fold(between);
    ["or", "ou", "and/or", "o", "either"]
        .iter()
        .any(|w| has_word(&folded, w))
        || folded.contains('/')
}

struct Mention {
    code: &'static str,
    start: usize,
    end: usize,
}

#[cfg(test)]
/// The same, from the text, for tests.
pub fn languages(text: &str) -> Option<Vec<LanguageRequirement>> {
    languages_in(&sentences(text))
}

/// Languages the notice requires, each with the wording it uses and a CEFR level only when one
/// is written. `None` when no language is stated as required.
fn languages_in(sentences: &[Sentence]) -> Option<Vec<LanguageRequirement>> {
    let mut required: Vec<LanguageRequirement> = Vec::new();
    for sentence in sentences {
        // Most sentences name no language: one search of the whole sentence settles that.
        if sentence.mode == Mode::Desirable || !LANGUAGE.is_match(&sentence.folded) {
            continue;
        }
        let sentence_requires = sentence.mode == Mode::Essential
            || sentence.topic == Topic::Languages
            || sentence.states_requirement;
        for (part, folded_part) in sentence.parts.iter().zip(&sentence.folded_parts) {
            for found in part_languages(part, folded_part, sentence_requires) {
                match required.iter_mut().find(|r| r.language == found.language) {
                    Some(known) => {
                        known.level = known.level.or(found.level);
                        known.wording = known.wording.take().or(found.wording);
                    }
                    None => required.push(found),
                }
            }
        }
    }
    (!required.is_empty()).then_some(required)
}

fn part_languages(
    part: &str,
    folded_part: &str,
    sentence_requires: bool,
) -> Vec<LanguageRequirement> {
    if [
        "one of",
        "any of",
        "either",
        "another",
        "other official",
        "l'une des",
        "une des",
    ]
    .iter()
    .any(|w| folded_part.contains(w))
    {
        return Vec::new();
    }
    let mentions: Vec<Mention> = LANGUAGE
        .find_iter(part)
        .filter(|m| names_the_language(&part[m.end()..]))
        .filter_map(|m| {
            Some(Mention {
                code: language_code(m.as_str())?,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect();
    if mentions.is_empty() {
        return Vec::new();
    }
    let labelled = folded_part.trim_start().starts_with("language");
    let optional = asset_flags(part, &mentions);
    let mut found: Vec<LanguageRequirement> = Vec::new();
    // Whether each found language was named with no wording or level.
    let mut bare: Vec<bool> = Vec::new();
    let mut previous_wording: Option<&'static str> = None;
    for (i, mention) in mentions.iter().enumerate() {
        let window_start = if i == 0 { 0 } else { mentions[i - 1].end };
        let window_end = mentions.get(i + 1).map_or(part.len(), |m| m.start);
        let before = &part[window_start..mention.start];
        let after = &part[mention.end..window_end];
        let paired_with_alternative = (i > 0 && offers_alternatives(before))
            || (i + 1 < mentions.len() && offers_alternatives(after));
        if paired_with_alternative {
            previous_wording = None;
            continue;
        }
        if optional[i] {
            previous_wording = None;
            continue;
        }
        let joined_to_previous = i > 0 && only_joins(before);
        let wording = wording_in(&fold(&nearest_before(before)))
            .or_else(|| wording_in(&fold(nearest_after(after))))
            .or(if joined_to_previous {
                previous_wording
            } else {
                None
            });
        let level = CEFR_LEVEL
            .find(nearest_after(after))
            .and_then(|m| cefr(m.as_str()))
            .or_else(|| {
                let near = nearest_before(before);
                CEFR_LEVEL.find(&near).and_then(|m| cefr(m.as_str()))
            });
        previous_wording = wording;
        let said_how = wording.is_some() || level.is_some();
        if !said_how && !sentence_requires && !labelled {
            continue;
        }
        if !found.iter().any(|f| f.language == mention.code) {
            found.push(LanguageRequirement {
                language: mention.code.to_string(),
                level,
                wording: wording.map(str::to_string),
            });
            bare.push(!said_how);
        }
    }
    // Three or more languages named with no word on the level ("Languages: Arabic, English,
    // French, Spanish") list the Organization's languages, not what the post requires.
    if bare.iter().filter(|b| **b).count() >= 3 {
        return found
            .into_iter()
            .zip(bare)
            .filter(|(_, bare)| !bare)
            .map(|(f, _)| f)
            .collect();
    }
    found
}

/// For each mention, whether an asset marker qualifies it: one stands in the text around the
/// mention (up to the neighbouring mentions), or around the list the mention belongs to
/// ("Arabic, French and Spanish would be an asset"). Each list is looked at once.
fn asset_flags(part: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut flags = vec![false; mentions.len()];
    let mut first = 0;
    while first < mentions.len() {
        let mut last = first;
        while last + 1 < mentions.len()
            && only_joins(&part[mentions[last].end..mentions[last + 1].start])
        {
            last += 1;
        }
        let window_start = first.checked_sub(1).map_or(0, |p| mentions[p].end);
        let window_end = mentions.get(last + 1).map_or(part.len(), |m| m.start);
        let asset = ASSETS.any_in(&fold(&part[window_start..window_end]));
        for flag in &mut flags[first..=last] {
            *flag = asset;
        }
        first = last + 1;
    }
    flags
}

/// What the free text of a notice requires.
pub struct Requirements {
    pub languages: Option<Vec<LanguageRequirement>>,
    pub min_education: Option<EducationLevel>,
    pub min_experience_years: Option<u32>,
}

/// Reads languages, education and experience, splitting the text into sentences once.
pub fn read(text: &str) -> Requirements {
    let sentences = sentences(text);
    Requirements {
        languages: languages_in(&sentences),
        min_education: min_education_in(&sentences),
        min_experience_years: min_experience_years_in(&sentences),
    }
}

/// Levels of study named in a text (folded), most specific reading: "advanced university
/// degree" is a master's, a bare "university degree" a bachelor's only when no level is named.
fn education_levels(folded: &str) -> Vec<EducationLevel> {
    static DOCTORATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:ph\.?\s?d|doctorate|doctoral\s+degree|doctorat)\b").expect("valid regex")
    });
    static MASTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bmaster(?:'s|s)?\s+(?:degree|level|diploma|of|in|ou)\b|\bmaster's\b|\b(?:advanced|post-?graduate)\s+(?:university\s+)?degree\b|\bmastere\b")
            .expect("valid regex")
    });
    static BACHELOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bbachelor(?:'s|s)?\b|\b(?:first[- ]level|undergraduate)\s+(?:university\s+)?degree\b|\blicence\b")
            .expect("valid regex")
    });
    static POST_SECONDARY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bpost-?\s?secondary\b|\btechnical\s+(?:college\s+)?diploma\b|\bvocational\b|\bassociate\s+degree\b|\bhigher\s+national\s+diploma\b")
            .expect("valid regex")
    });
    static SECONDARY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bsecondary\s+(?:school|education|level|diploma)\b|\bhigh\s+school\b|\bbaccalaureat\b")
            .expect("valid regex")
    });
    static UNIVERSITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\buniversity\s+(?:degree|diploma)\b|\bdiplome\s+universitaire\b")
            .expect("valid regex")
    });
    let without_post_secondary = POST_SECONDARY.replace_all(folded, " ");
    let mut levels = Vec::new();
    if DOCTORATE.is_match(folded) {
        levels.push(EducationLevel::Doctorate);
    }
    if MASTER.is_match(folded) {
        levels.push(EducationLevel::Master);
    }
    if BACHELOR.is_match(folded) {
        levels.push(EducationLevel::Bachelor);
    }
    if POST_SECONDARY.is_match(folded) {
        levels.push(EducationLevel::PostSecondary);
    }
    if SECONDARY.is_match(&without_post_secondary) {
        levels.push(EducationLevel::Secondary);
    }
    if levels.is_empty() && UNIVERSITY.is_match(folded) {
        levels.push(EducationLevel::Bachelor);
    }
    levels
}

#[cfg(test)]
/// The same, from the text, for tests.
pub fn min_education(text: &str) -> Option<EducationLevel> {
    min_education_in(&sentences(text))
}

/// The lowest level of study the notice accepts, from sentences that state a requirement
/// (alternatives such as "a master's, or a bachelor's with two more years" give the lower).
/// Sentences about being enrolled (internships) are left out: they say nothing of a
/// completed level.
fn min_education_in(sentences: &[Sentence]) -> Option<EducationLevel> {
    let mut lowest: Option<EducationLevel> = None;
    for sentence in sentences {
        if sentence.mode == Mode::Desirable {
            continue;
        }
        let starts_as_label = [
            "education",
            "academic",
            "qualification",
            "degree",
            "diploma",
        ]
        .iter()
        .any(|w| sentence.folded.starts_with(w));
        let requires = sentence.mode == Mode::Essential
            || sentence.topic == Topic::Education
            || sentence.states_requirement
            || starts_as_label;
        if !requires
            || has_any(
                &sentence.folded,
                &["enrolled", "enrol", "student", "studying", "inscrit"],
            )
        {
            continue;
        }
        for folded in &sentence.folded_parts {
            if ASSETS.any_in(folded) {
                continue;
            }
            for level in education_levels(folded) {
                lowest = Some(lowest.map_or(level, |l| l.min(level)));
            }
        }
    }
    lowest
}

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<word>[a-z]+)\s*\(\s*(?P<n1>\d{1,2})\s*\)|(?P<n2>\d{1,2})|(?P<w2>[a-z]+))\s*\+?\s*(?:full[- ]time\s+)?(?:years?|ans|annees)\b")
        .expect("valid regex")
});

#[cfg(test)]
/// The same, from the text, for tests.
pub fn min_experience_years(text: &str) -> Option<u32> {
    min_experience_years_in(&sentences(text))
}

/// Years of experience stated as a minimum ("a minimum of 5 years", "at least three (3)
/// years of relevant experience"). Several different figures (alternatives, or parts of the
/// experience) give nothing: the notice then says more than one number can carry.
fn min_experience_years_in(sentences: &[Sentence]) -> Option<u32> {
    let mut values: Vec<u32> = Vec::new();
    for sentence in sentences {
        if sentence.mode == Mode::Desirable || !sentence.folded.contains("experience") {
            continue;
        }
        let in_requirements =
            sentence.mode == Mode::Essential || sentence.topic == Topic::Experience;
        if !in_requirements && !sentence.states_requirement {
            continue;
        }
        let mut stated = Vec::new();
        let mut qualifies = false;
        for folded in &sentence.folded_parts {
            if ASSETS.any_in(folded) {
                continue;
            }
            for (count, is_minimum) in year_counts(folded, in_requirements) {
                stated.push(count);
                qualifies |= is_minimum;
            }
        }
        // Every figure in a sentence that states a minimum counts, so that "at least 5 years,
        // or 3 years with a master's" is seen as two figures, not as 5.
        if qualifies {
            values.extend(stated);
        }
    }
    values.sort_unstable();
    values.dedup();
    match values.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Each "N years" in a part (folded) that is not about age or a recent period, and whether it
/// is stated as a minimum of experience: after "at least"/"minimum", or as "N years of …
/// experience" in a requirement (a required sentence, or under a requirements heading).
fn year_counts(folded: &str, in_requirements: bool) -> Vec<(u32, bool)> {
    let mut found = Vec::new();
    for caps in YEARS.captures_iter(folded) {
        let Some(whole) = caps.get(0) else { continue };
        let count = if let (Some(word), Some(n)) = (caps.name("word"), caps.name("n1")) {
            let n: Option<u32> = n.as_str().parse().ok();
            match super::values::number_word(word.as_str()) {
                Some(w) if Some(w) == n => n,
                // "of three (3) years": the word before the bracket is not a number.
                None => n,
                Some(_) => None,
            }
        } else if let Some(n) = caps.name("n2") {
            n.as_str().parse().ok()
        } else {
            caps.name("w2")
                .and_then(|w| super::values::number_word(w.as_str()))
        };
        let Some(count) = count.filter(|c| (1..=40).contains(c)) else {
            continue;
        };
        let before = folded[..whole.start()].trim_end();
        let after = folded[whole.end()..].trim_start();
        let recent_period = ["past", "last", "within", "next", "previous", "over"]
            .iter()
            .any(|w| before.ends_with(w));
        if recent_period || after.starts_with("old") || after.starts_with("of age") {
            continue;
        }
        let minimum_before = [
            "minimum of",
            "minimum",
            "at least",
            "no less than",
            "not less than",
            "au moins",
            "minimum de",
        ]
        .iter()
        .any(|m| before.ends_with(m));
        let near_after: String = after.chars().take(80).collect();
        let experience_after = near_after.contains("experience");
        let experience_before = before.contains("experience");
        let is_minimum = minimum_before && (experience_after || experience_before)
            || experience_after && (in_requirements || REQUIRED.any_in(folded));
        found.push((count, is_minimum));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(text: &str) -> Vec<(String, Option<Cefr>, Option<String>)> {
        languages(text)
            .unwrap_or_default()
            .into_iter()
            .map(|l| (l.language, l.level, l.wording))
            .collect()
    }

    fn req(
        code: &str,
        level: Option<Cefr>,
        wording: Option<&str>,
    ) -> (String, Option<Cefr>, Option<String>) {
        (code.to_string(), level, wording.map(str::to_string))
    }

    #[test]
    fn required_languages_with_their_wording() {
        assert_eq!(
            langs("Excellent knowledge of English and working knowledge of French are required."),
            vec![
                req("en", None, Some("excellent")),
                req("fr", None, Some("working knowledge"))
            ]
        );
        assert_eq!(
            langs("Fluency in English and French is essential."),
            vec![
                req("en", None, Some("fluent")),
                req("fr", None, Some("fluent"))
            ]
        );
    }

    #[test]
    fn languages_that_are_an_asset_are_left_out() {
        assert_eq!(
            langs(
                "Excellent command of English; knowledge of Arabic, French or Spanish would be an asset."
            ),
            vec![req("en", None, Some("excellent"))]
        );
        assert_eq!(
            langs("Excellent command of English, knowledge of French would be an advantage."),
            vec![req("en", None, Some("excellent"))]
        );
        assert_eq!(
            langs("Languages: English (fluent) French (desirable)"),
            vec![req("en", None, Some("fluent"))]
        );
    }

    #[test]
    fn desirable_headings_make_what_follows_optional() {
        let text =
            "Essential:\n- Working knowledge of English\nDesirable:\n- Good knowledge of French\n";
        assert_eq!(
            langs(text),
            vec![req("en", None, Some("working knowledge"))]
        );
    }

    #[test]
    fn a_bare_list_of_the_organizations_languages_is_not_a_requirement() {
        assert_eq!(langs("Languages: Arabic, English, French, Spanish"), vec![]);
        assert_eq!(
            langs("Languages: English, French"),
            vec![req("en", None, None), req("fr", None, None)]
        );
    }

    #[test]
    fn cefr_levels_only_when_written() {
        assert_eq!(
            langs("Required languages: English (C1) and French (B2)"),
            vec![
                req("en", Some(Cefr::C1), None),
                req("fr", Some(Cefr::B2), None)
            ]
        );
    }

    #[test]
    fn alternatives_and_adjectives_are_not_requirements() {
        assert_eq!(
            langs("Excellent knowledge of English or French is required."),
            vec![]
        );
        assert_eq!(
            langs(
                "Fluency in one of the working languages (Arabic, English, French, Spanish) is required."
            ),
            vec![]
        );
        assert_eq!(langs("Knowledge of French law is required."), vec![]);
        assert_eq!(
            langs("Experience with the Spanish National Police is required."),
            vec![]
        );
        assert_eq!(languages("The post is based in Lyon."), None);
    }

    #[test]
    fn education_minimum() {
        assert_eq!(
            min_education("Education: Master's degree in law or a related field."),
            Some(EducationLevel::Master)
        );
        assert_eq!(
            min_education(
                "A Master's degree, or a Bachelor's degree with two additional years of experience, is required."
            ),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(
            min_education("A university degree is required; a Master's degree would be an asset."),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(
            min_education("Completed post-secondary education is required."),
            Some(EducationLevel::PostSecondary)
        );
        assert_eq!(min_education("A PhD would be an asset."), None);
        assert_eq!(
            min_education("Be enrolled in a Master's programme (required)."),
            None
        );
    }

    #[test]
    fn experience_minimum() {
        assert_eq!(
            min_experience_years("A minimum of 5 years of relevant professional experience."),
            Some(5)
        );
        assert_eq!(
            min_experience_years("At least three (3) years of experience in law enforcement."),
            Some(3)
        );
        assert_eq!(
            min_experience_years("Experience of at least 4 years in IT is required."),
            Some(4)
        );
        assert_eq!(
            min_experience_years("Five years of experience would be an asset."),
            None
        );
        assert_eq!(
            min_experience_years(
                "At least 5 years of experience, or 3 years with a Master's degree, are required."
            ),
            None
        );
        assert_eq!(
            min_experience_years(
                "Lived in the country in the past five years; experience required."
            ),
            None
        );
    }
}

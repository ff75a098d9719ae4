//! What each labelled value means: contract kinds, grades, posts, screening level, duration,
//! duty station, title, reference and the notice's address. Each reader returns `None` (or
//! nothing) for a value it does not recognise: a wrong field is worse than a missing one.

use super::text::{clean_value, fold, has_word, stands_alone};
use crate::vacancy::{ContractKind, SecurityScreening};
use regex::Regex;
use std::sync::LazyLock;

/// Contract kinds a value names, in English or French (docs/domain.md#grades-and-contracts;
/// `Mise à disposition` = secondment, "Vacancy notices as published"). Several kinds mean the
/// value is ambiguous, and the caller keeps none.
pub fn contract_kinds(value: &str) -> Vec<ContractKind> {
    let v = fold(value);
    let any = |words: &[&str]| words.iter().any(|w| has_word(&v, w));
    let mut kinds = Vec::new();
    let secondment = any(&[
        "secondment",
        "seconded",
        "mise a disposition",
        "detachement",
        "detache",
    ]);
    let fixed_term = any(&[
        "fixed-term",
        "fixed term",
        "duree determinee",
        "cdd",
        "contrat a duree determinee",
        "duracion determinada",
        "plazo fijo",
    ]);
    let project = any(&["project", "projet"]);
    if secondment {
        // A "short-term secondment" is still a secondment.
        kinds.push(ContractKind::Secondment);
    }
    if fixed_term {
        kinds.push(if project {
            ContractKind::ProjectFixedTerm
        } else {
            ContractKind::FixedTerm
        });
    }
    if !secondment
        && !fixed_term
        && any(&["short-term", "short term", "court terme", "courte duree"])
    {
        kinds.push(ContractKind::ShortTerm);
    }
    if any(&["temporary", "temporaire"]) {
        kinds.push(ContractKind::Temporary);
    }
    if any(&["internship", "intern", "stage", "stagiaire"]) {
        kinds.push(ContractKind::Internship);
    }
    if any(&["mentorship", "mentoring", "mentorat"]) {
        kinds.push(ContractKind::Mentorship);
    }
    kinds
}

/// True when a value says the exercise builds a roster (docs/domain.md#rosters: notices say
/// "Reserve list exercise", "Roster", "Roster Grade 6").
pub fn mentions_roster(value: &str) -> bool {
    let v = fold(value);
    has_word(&v, "roster")
        || has_word(&v, "reserve list")
        || has_word(&v, "liste de reserve")
        || has_word(&v, "rostering")
}

static BRACKETED_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid regex"));

static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:grades?[ \t]*|g[ \t]*)?(?P<a>\d{1,2})(?:[ \t]*(?P<sep>or|ou|to|and|/|-|–)[ \t]*(?:grade[ \t]*|g[ \t]*)?(?P<b>\d{1,2}))?$",
    )
    .expect("valid regex")
});

/// A grade as notices write it (`6`, `Grade 6`, `Roster Grade 6`, `7 or 6`, `Unclassified`)
/// and whether the value also marks a roster. Grades run from 1 (highest) to 10
/// (docs/domain.md#grades-and-contracts); anything else is not read.
pub fn grade(value: &str) -> (Option<String>, bool) {
    let roster = mentions_roster(value);
    // A note in brackets ("4 (seconded official)", "6 (Roster)") says nothing of the grade.
    let without_notes = BRACKETED_NOTE.replace_all(value, " ");
    let kept_words: Vec<&str> = without_notes
        .split_whitespace()
        .filter(|w| !w.trim_matches('*').eq_ignore_ascii_case("roster"))
        .collect();
    let Some(without_roster) = clean_value(&kept_words.join(" ")) else {
        return (None, roster);
    };
    let folded = fold(&without_roster);
    if [
        "unclassified",
        "non classe",
        "non-classe",
        "not classified",
        "non-classified",
    ]
    .contains(&folded.as_str())
    {
        return (Some("Unclassified".to_string()), roster);
    }
    let Some(caps) = GRADE.captures(&without_roster) else {
        return (None, roster);
    };
    let in_range = |name: &str| {
        caps.name(name)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .filter(|g| (1..=10).contains(g))
    };
    let Some(first) = in_range("a") else {
        return (None, roster);
    };
    let grade = match (caps.name("sep"), caps.name("b")) {
        (Some(sep), Some(_)) => match in_range("b") {
            Some(second) => format!("{first} {} {second}", sep.as_str().to_lowercase())
                .replace(" / ", "/")
                .replace(" - ", "-")
                .replace(" – ", "–"),
            None => return (None, roster),
        },
        _ => first.to_string(),
    };
    (Some(grade), roster)
}

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];
const NUMBER_WORDS_FR: [&str; 12] = [
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
];

pub fn number_word(word: &str) -> Option<u32> {
    let w = fold(word);
    let w = w.trim();
    let index = NUMBER_WORDS
        .iter()
        .position(|n| *n == w)
        .or_else(|| NUMBER_WORDS_FR.iter().position(|n| *n == w))
        .or_else(|| (w == "une").then_some(0))?;
    u32::try_from(index + 1).ok()
}

static LEADING_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<word>\p{L}+)[ \t]*\([ \t]*(?P<n1>\d{1,3})[ \t]*\)|\(?(?P<n2>\d{1,3})\)?|(?P<w2>\p{L}+))(?:\W|$)")
        .expect("valid regex")
});

/// A count written at the start of a value: `2`, `2 posts`, `two (2)`, `one post`. A word and
/// a figure that disagree give nothing.
pub fn leading_count(value: &str) -> Option<u32> {
    let caps = LEADING_COUNT.captures(value.trim())?;
    if let (Some(word), Some(n)) = (caps.name("word"), caps.name("n1")) {
        let n: u32 = n.as_str().parse().ok()?;
        return (number_word(word.as_str()) == Some(n)).then_some(n);
    }
    if let Some(n) = caps.name("n2") {
        return n.as_str().parse().ok();
    }
    number_word(caps.name("w2")?.as_str())
}

/// Number of posts (`1`, `2 posts`, `1 post (s)`) and whether the value marks a roster
/// (`Reserve list exercise`: no number of posts, a roster instead).
pub fn posts(value: &str) -> (Option<u32>, bool) {
    let roster = mentions_roster(value);
    let count = clean_value(value)
        .and_then(|v| leading_count(&v))
        .filter(|n| (1..=500).contains(n));
    (count, roster)
}

/// Basic ("INTERPOL Restricted") or Enhanced ("INTERPOL Confidential"), in English or French
/// (`Renforcé` = Enhanced; docs/domain.md#grades-and-contracts and #vacancy-notices). A value
/// naming both gives nothing.
pub fn security(value: &str) -> Option<SecurityScreening> {
    let v = fold(value);
    let any = |words: &[&str]| words.iter().any(|w| has_word(&v, w));
    let basic = any(&[
        "basic",
        "basique",
        "de base",
        "restricted",
        "restreint",
        "restreinte",
    ]);
    let enhanced = any(&[
        "enhanced",
        "renforce",
        "renforcee",
        "confidential",
        "confidentiel",
        "confidentielle",
    ]);
    match (basic, enhanced) {
        (true, false) => Some(SecurityScreening::Basic),
        (false, true) => Some(SecurityScreening::Enhanced),
        _ => None,
    }
}

static EXACT_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?P<word>\p{L}+)[ \t]*\([ \t]*(?P<n1>\d{1,3})[ \t]*\)|(?P<n2>\d{1,3})|(?P<w2>\p{L}+))[ \t]*(?P<unit>years?|months?|ans?|ann[ée]es?|mois)$",
    )
    .expect("valid regex")
});
static MONTHS_FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,3})(?:[.,]0+)?$").expect("valid regex"));

/// A duration that is exactly a number of months or years: `24.00` under a label that gives
/// months, `3 years`, `two (2) years`, `18 mois`.
fn exact_months(value: &str, label_gives_months: bool) -> Option<u32> {
    let value = value.trim();
    if label_gives_months && let Some(caps) = MONTHS_FIGURE.captures(value) {
        return caps.name("n")?.as_str().parse().ok().filter(|n| *n > 0);
    }
    let caps = EXACT_DURATION.captures(value)?;
    let count = if let (Some(word), Some(n)) = (caps.name("word"), caps.name("n1")) {
        let n: u32 = n.as_str().parse().ok()?;
        (number_word(word.as_str()) == Some(n)).then_some(n)?
    } else if let Some(n) = caps.name("n2") {
        n.as_str().parse().ok()?
    } else {
        number_word(caps.name("w2")?.as_str())?
    };
    let unit = fold(caps.name("unit")?.as_str());
    let months = if unit.starts_with("mo") {
        count
    } else {
        count.checked_mul(12)?
    };
    (months > 0).then_some(months)
}

/// A duration: months when it is exactly a number of months or years, otherwise the words as
/// written (`through 4 August 2026`, `up to 3 years`).
pub fn duration(value: &str, label_gives_months: bool) -> (Option<u32>, Option<String>) {
    let Some(cleaned) = clean_value(value) else {
        return (None, None);
    };
    match exact_months(&cleaned, label_gives_months) {
        Some(months) => (Some(months), None),
        None => (None, Some(cleaned)),
    }
}

/// Splits Talentlink's `Length and type of contract: 3 years, Secondment` into its duration
/// and its contract kinds.
pub fn length_and_type(value: &str) -> (Option<u32>, Option<String>, Vec<ContractKind>) {
    let mut kinds = Vec::new();
    let mut duration_parts = Vec::new();
    // " - " separates like a comma; a hyphen inside a word ("Fixed-term") does not.
    let value = value.replace(" - ", ",");
    for part in value.split([',', ';', '–', '—', '|']) {
        let part_kinds = contract_kinds(part);
        if part_kinds.is_empty() {
            if clean_value(part).is_some() {
                duration_parts.push(part.trim());
            }
        } else {
            kinds.extend(part_kinds);
        }
    }
    let duration_text = duration_parts.join(", ");
    let (months, text) = duration(&duration_text, false);
    (months, text, kinds)
}

/// The duty station as written, cleaned of markers; `None` when it is not a place name: too
/// long to be one (a sentence after a `Location:` label), or no letters.
pub fn station(value: &str) -> Option<String> {
    let cleaned = clean_value(value)?;
    let short = cleaned.chars().count() <= 60 && cleaned.split_whitespace().count() <= 6;
    (short && cleaned.chars().any(char::is_alphabetic)).then_some(cleaned)
}

/// A title as written, and the contract kind a prefix announces (`SECONDMENT - …`,
/// `INTERNSHIP – …`, `Mise à disposition — …`; docs/domain.md#vacancy-notices: secondments have
/// no contract line, only this prefix).
///
/// The prefix is removed from the title: the contract kind records it, and the title then
/// reads like every other ("Criminal Intelligence Officer"). A title that is only the word
/// stays as written.
pub fn title(value: &str) -> (Option<String>, Option<ContractKind>) {
    let Some(cleaned) = clean_value(value) else {
        return (None, None);
    };
    if cleaned.chars().count() > 200 || !cleaned.chars().any(char::is_alphabetic) {
        return (None, None);
    }
    let Some((rest, kind)) = kind_prefix_rest(&cleaned) else {
        return (Some(cleaned), None);
    };
    let stripped = rest
        .trim_start_matches(|c: char| c.is_whitespace() || is_prefix_separator(c))
        .trim();
    if stripped.chars().any(char::is_alphanumeric) {
        (Some(stripped.to_string()), Some(kind))
    } else {
        (Some(cleaned), Some(kind))
    }
}

/// Every dash a copy may put after a prefix, and the colon and bar sites use instead.
fn is_prefix_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '–' | '—' | '―' | '‒' | '⸺' | '⸻' | '~' | ':' | '|' | '/'
    )
}

/// The words that announce a contract kind at the start of a title. `shouted` says whether the
/// word in capitals alone is enough (`SECONDMENT Analyst`); otherwise a separator must follow
/// ("Secondment Officer" and "Internship Coordinator" are job titles).
const TITLE_PREFIXES: &[(&str, ContractKind, bool)] = &[
    ("secondment", ContractKind::Secondment, true),
    ("mise a disposition", ContractKind::Secondment, false),
    ("internship", ContractKind::Internship, false),
    ("stage", ContractKind::Internship, false),
    ("pasantia", ContractKind::Internship, false),
];

/// What follows a kind prefix, and the kind.
fn kind_prefix_rest(title: &str) -> Option<(&str, ContractKind)> {
    TITLE_PREFIXES
        .iter()
        .find_map(|(word, kind, shouted_alone)| {
            let (head, rest) = split_folded_prefix(title, word)?;
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                return None;
            }
            let shouted = *shouted_alone && head.chars().all(|c| !c.is_lowercase());
            let separated = rest.trim_start().starts_with(is_prefix_separator);
            (shouted || separated).then_some((rest, *kind))
        })
}

/// `title` split after its first characters when they fold to `word` (case and accents aside).
fn split_folded_prefix<'a>(title: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let count = word.chars().count();
    let end = title
        .char_indices()
        .nth(count)
        .map_or(title.len(), |(i, _)| i);
    let head = &title[..end];
    (head.chars().count() == count && fold(head) == word).then(|| (head, &title[end..]))
}

/// "One of INTERPOL's duty stations" and the like, in English, French or Spanish: the value of
/// a duty-station line that names no city (rosters, posts open in several places). The words
/// are returned as written, up to the end of the phrase; whatever follows ("subject to the
/// needs of the Organization") is left out.
pub fn any_station(value: &str) -> Option<String> {
    let cleaned = clean_value(value)?;
    let folded = fold(&cleaned);
    let found = ANY_STATION.find(&folded)?;
    // Folding keeps every character's place only when it maps one character to one; otherwise
    // the phrase is kept whole, which is still the notice's own words.
    let chars_same = folded.chars().count() == cleaned.chars().count();
    let phrase = if chars_same {
        let start = folded[..found.start()].chars().count();
        let len = found.as_str().chars().count();
        cleaned.chars().skip(start).take(len).collect::<String>()
    } else {
        cleaned.clone()
    };
    clean_value(&phrase).filter(|p| p.chars().count() <= 80)
}

static ANY_STATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:any|one|either|all|each)\s+(?:of\s+)?(?:the\s+)?(?:interpol'?s?\s+|organi[sz]ation'?s?\s+|our\s+)?
            (?:duty\s+stations?|offices|locations|sites)\b
        | \b(?:various|several|multiple|different)\s+(?:interpol\s+)?duty\s+stations\b
        | \binterpol\s+duty\s+stations\b
        | \b(?:tout|tous\s+les|n'importe\s+quel|l'un\s+des|un\s+des|l'un\s+quelconque\s+des)\s+(?:lieux?|sites?)\s+d'affectation\b
        | \bcualquier(?:a)?\s+(?:de\s+los\s+)?(?:lugar(?:es)?\s+de\s+destino|oficinas?)\b
        ",
    )
    .expect("valid regex")
});

/// True when the body states the conditions only seconded posts carry: the notice then is a
/// secondment even with no contract line (docs/domain.md#eligibility: seconded officials are
/// paid by their home administration, with a written agreement through the NCB).
/// `folded` is the whole text, folded.
pub fn states_secondment_conditions(folded: &str) -> bool {
    const PHRASES: &[&str] = &[
        "conditions of secondment",
        "secondment conditions",
        "terms of secondment",
        "terms and conditions of the secondment",
        "secondment agreement",
        "seconded officials",
        "seconded official",
        "seconded officers",
        "conditions de mise a disposition",
        "conditions de la mise a disposition",
        "conditions de detachement",
        "fonctionnaires mis a disposition",
        "condiciones de la adscripcion",
        "condiciones de adscripcion",
    ];
    PHRASES.iter().any(|phrase| {
        folded.match_indices(phrase).any(|(at, _)| {
            // "not open to seconded officials" says the opposite.
            let before = &folded[..at];
            let recent: Vec<&str> = before.split_whitespace().rev().take(4).collect();
            !recent
                .iter()
                .any(|w| matches!(*w, "not" | "no" | "pas" | "non" | "excluding" | "except"))
        })
    })
}

static INT_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"INT[ \t]*[-/]?[ \t]*(?P<n>\d{4,6})").expect("valid regex"));
static INTERNSHIP_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^internship[ \t]*(?:n[o°º]\.?|#)?[ \t]*(?P<n>\d{3,6})$").expect("valid regex")
});
static NUMBER_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:vacancy[ \t]+notice[ \t]*)?(?:n[o°º]\.?|#)?[ \t]*(?P<n>\d{3,6})$")
        .expect("valid regex")
});

/// Talentlink references (`INT04606`) in `text`, written the platform's way without
/// separators. "INT" must not end a longer word in capitals ("PRINT12345"); the figures may be
/// glued to the next field, as in copies.
fn int_matches(text: &str) -> impl Iterator<Item = String> + '_ {
    INT_REFERENCE.captures_iter(text).filter_map(move |caps| {
        let (whole, number) = (caps.get(0)?, caps.name("n")?);
        let before = text[..whole.start()].chars().next_back();
        let clean_start = !before.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        (clean_start && stands_alone(text, number.start(), number.end()))
            .then(|| format!("INT{}", number.as_str()))
    })
}

/// The first Talentlink reference in `text`.
pub fn int_reference(text: &str) -> Option<String> {
    int_matches(text).next()
}

/// Every distinct Talentlink reference written anywhere in `text`.
pub fn int_references(text: &str) -> Vec<String> {
    let mut found: Vec<String> = int_matches(text).collect();
    found.sort();
    found.dedup();
    found
}

/// A reference in one of the forms the platforms use: `INT04606` (Talentlink), `1503`
/// (Recruitment Hub vacancy notice), `Internship 1468` (Recruitment Hub internship).
pub fn reference(value: &str) -> Option<String> {
    let cleaned = clean_value(value)?;
    if let Some(int) = int_reference(&cleaned) {
        return Some(int);
    }
    if let Some(caps) = INTERNSHIP_REFERENCE.captures(&cleaned) {
        return Some(format!("Internship {}", caps.name("n")?.as_str()));
    }
    NUMBER_REFERENCE
        .captures(&cleaned)
        .and_then(|c| c.name("n"))
        .map(|n| n.as_str().to_string())
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\bhttps?://[^\s<>"'\\]+"#).expect("valid regex"));

/// True when `url` is on a host that publishes INTERPOL notices: the two platforms'
/// (SuccessFactors for the Recruitment Hub, Talentlink), a careers site, or INTERPOL's own
/// site on a careers page.
pub fn is_notice_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let after_scheme = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let host = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let platform_host = [
        "successfactors",
        "sapsf",
        "talentlink",
        "talent-link",
        "recruitmentplatform",
        "mrted",
    ]
    .iter()
    .any(|h| host.contains(h));
    let careers_host = host.starts_with("careers.") || host.starts_with("career.");
    let interpol_careers = host.contains("interpol")
        && ["career", "job", "vacanc", "recruit"]
            .iter()
            .any(|w| after_scheme.contains(w));
    platform_host || careers_host || interpol_careers
}

/// The first address in `text` that looks like where the notice is published.
pub fn notice_url(text: &str) -> Option<String> {
    URL.find_iter(text)
        .map(|m| trim_url(m.as_str()))
        .find(|url| is_notice_address(url))
}

/// Drops punctuation that ends the sentence rather than the address, and a closing bracket
/// that has no opening one in the address.
fn trim_url(url: &str) -> String {
    let mut url = url
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"'])
        .to_string();
    while let Some(last) = url.chars().last() {
        let (open, close) = match last {
            ')' => ('(', ')'),
            ']' => ('[', ']'),
            '}' => ('{', '}'),
            _ => break,
        };
        if url.matches(open).count() >= url.matches(close).count() {
            break;
        }
        url.pop();
        url = url
            .trim_end_matches(['.', ',', ';', ':', '!', '?'])
            .to_string();
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContractKind::*;

    #[test]
    fn contract_kinds_in_english_and_french() {
        assert_eq!(contract_kinds("Fixed-term Contract"), vec![FixedTerm]);
        assert_eq!(
            contract_kinds("Project Fixed-term Contract"),
            vec![ProjectFixedTerm]
        );
        assert_eq!(contract_kinds("Mise à disposition"), vec![Secondment]);
        assert_eq!(
            contract_kinds("Contrat à durée déterminée"),
            vec![FixedTerm]
        );
        assert_eq!(contract_kinds("Short-term secondment"), vec![Secondment]);
        assert_eq!(contract_kinds("Short-term contract"), vec![ShortTerm]);
        assert_eq!(contract_kinds("Internship"), vec![Internship]);
        assert_eq!(contract_kinds("Fixed-term or secondment").len(), 2);
        assert!(contract_kinds("Permanent").is_empty());
        assert!(contract_kinds("Stagecoach").is_empty());
    }

    #[test]
    fn grades_as_written() {
        assert_eq!(grade("6"), (Some("6".into()), false));
        assert_eq!(grade("Roster Grade 6"), (Some("6".into()), true));
        assert_eq!(grade("7 or 6"), (Some("7 or 6".into()), false));
        assert_eq!(grade("Grade 5/4"), (Some("5/4".into()), false));
        assert_eq!(grade("Unclassified"), (Some("Unclassified".into()), false));
        assert_eq!(grade("Roster**"), (None, true));
        assert_eq!(grade("6 (Roster)"), (Some("6".into()), true));
        assert_eq!(grade("Grade 6 – Roster"), (Some("6".into()), true));
        assert_eq!(grade("4 (seconded official)"), (Some("4".into()), false));
        assert_eq!(grade("11"), (None, false));
        assert_eq!(grade("see below"), (None, false));
    }

    #[test]
    fn posts_and_reserve_lists() {
        assert_eq!(posts("1"), (Some(1), false));
        assert_eq!(posts("2 posts"), (Some(2), false));
        assert_eq!(posts("1 post (s)"), (Some(1), false));
        assert_eq!(posts("two (2)"), (Some(2), false));
        assert_eq!(posts("two (3)"), (None, false));
        assert_eq!(posts("Reserve list exercise"), (None, true));
        assert_eq!(posts("0"), (None, false));
    }

    #[test]
    fn screening_levels() {
        assert_eq!(security("Basic"), Some(SecurityScreening::Basic));
        assert_eq!(security("Renforcé"), Some(SecurityScreening::Enhanced));
        assert_eq!(security("Renforcée"), Some(SecurityScreening::Enhanced));
        assert_eq!(security("De base"), Some(SecurityScreening::Basic));
        assert_eq!(
            security("INTERPOL Confidential"),
            Some(SecurityScreening::Enhanced)
        );
        assert_eq!(
            security("INTERPOL Restricted"),
            Some(SecurityScreening::Basic)
        );
        assert_eq!(security("Basic or Enhanced"), None);
        assert_eq!(security("Yes"), None);
    }

    #[test]
    fn durations_exact_or_as_written() {
        assert_eq!(duration("24.00", true), (Some(24), None));
        assert_eq!(duration("24.50", true), (None, Some("24.50".into())));
        assert_eq!(duration("3 years", false), (Some(36), None));
        assert_eq!(duration("two (2) years", false), (Some(24), None));
        assert_eq!(duration("18 mois", false), (Some(18), None));
        assert_eq!(duration("24", false), (None, Some("24".into())));
        assert_eq!(
            duration("through 4 August 2026", true),
            (None, Some("through 4 August 2026".into()))
        );
        assert_eq!(
            duration("up to 3 years", false),
            (None, Some("up to 3 years".into()))
        );
    }

    #[test]
    fn length_and_type_splits() {
        assert_eq!(
            length_and_type("3 years, Secondment"),
            (Some(36), None, vec![Secondment])
        );
        assert_eq!(
            length_and_type("3 ans, Mise à disposition"),
            (Some(36), None, vec![Secondment])
        );
        assert_eq!(
            length_and_type("Secondment"),
            (None, None, vec![Secondment])
        );
    }

    #[test]
    fn secondment_titles() {
        let s = Some(Secondment);
        assert_eq!(
            title("SECONDMENT - Criminal Intelligence Officer"),
            (Some("Criminal Intelligence Officer".into()), s)
        );
        assert_eq!(title("SECONDMENT – Analyst"), (Some("Analyst".into()), s));
        assert_eq!(title("SECONDMENT — Analyst"), (Some("Analyst".into()), s));
        assert_eq!(title("SECONDMENT Analyst"), (Some("Analyst".into()), s));
        assert_eq!(title("Secondment: Analyst"), (Some("Analyst".into()), s));
        assert_eq!(
            title("Secondment Officer"),
            (Some("Secondment Officer".into()), None)
        );
        assert_eq!(
            title("SECONDMENTS Unit Head"),
            (Some("SECONDMENTS Unit Head".into()), None)
        );
        assert_eq!(title("SECONDMENT"), (Some("SECONDMENT".into()), s));
    }

    #[test]
    fn internship_and_french_prefixes_in_any_dash_form() {
        let i = Some(Internship);
        for written in [
            "INTERNSHIP - Data Analysis",
            "Internship – Data Analysis",
            "INTERNSHIP — Data Analysis",
            "Internship—Data Analysis",
            "internship ― Data Analysis",
            "Internship | Data Analysis",
            "STAGE – Data Analysis",
        ] {
            assert_eq!(
                title(written),
                (Some("Data Analysis".into()), i),
                "{written}"
            );
        }
        assert_eq!(
            title("MISE À DISPOSITION — Analyste"),
            (Some("Analyste".into()), Some(Secondment))
        );
        assert_eq!(
            title("Internship Programme Coordinator"),
            (Some("Internship Programme Coordinator".into()), None)
        );
        assert_eq!(
            title("INTERNSHIPS OFFICE ASSISTANT"),
            (Some("INTERNSHIPS OFFICE ASSISTANT".into()), None)
        );
        assert_eq!(
            title("Stagecoach - Driver"),
            (Some("Stagecoach - Driver".into()), None)
        );
    }

    #[test]
    fn any_duty_station_phrases() {
        for (written, phrase) in [
            ("Any INTERPOL duty station", "Any INTERPOL duty station"),
            (
                "One of INTERPOL's duty stations, depending on operational needs",
                "One of INTERPOL's duty stations",
            ),
            (
                "any of the Organization's duty stations*",
                "any of the Organization's duty stations",
            ),
            ("Various duty stations", "Various duty stations"),
            (
                "L'un des lieux d'affectation d'INTERPOL",
                "L'un des lieux d'affectation",
            ),
            (
                "Cualquier lugar de destino de INTERPOL",
                "Cualquier lugar de destino",
            ),
        ] {
            assert_eq!(any_station(written).as_deref(), Some(phrase), "{written}");
        }
        for city in [
            "Lyon, France",
            "Singapore",
            "New York",
            "Stations of the Cross",
        ] {
            assert_eq!(any_station(city), None, "{city}");
        }
    }

    #[test]
    fn secondment_conditions_in_the_body() {
        let says = |text: &str| states_secondment_conditions(&fold(text));
        assert!(says(
            "Conditions of secondment: the seconded official remains paid by the home administration."
        ));
        assert!(says(
            "Les conditions de mise à disposition sont les suivantes"
        ));
        assert!(!says("This post is not open to seconded officials."));
        assert!(!says("Fixed-term contract of three years."));
    }

    #[test]
    fn references_in_platform_forms() {
        assert_eq!(reference("INT04606").as_deref(), Some("INT04606"));
        assert_eq!(reference("INT-04606").as_deref(), Some("INT04606"));
        assert_eq!(reference("1503").as_deref(), Some("1503"));
        assert_eq!(
            reference("INTERNSHIP 1468").as_deref(),
            Some("Internship 1468")
        );
        assert_eq!(reference("Vacancy Notice 1503").as_deref(), Some("1503"));
        assert_eq!(reference("see the website"), None);
    }

    #[test]
    fn notice_addresses() {
        assert_eq!(
            notice_url(
                "See https://example.org/x and (https://career5.successfactors.eu/career?job=1503)."
            )
            .as_deref(),
            Some("https://career5.successfactors.eu/career?job=1503")
        );
        assert!(is_notice_address("https://careers.interpol.int/job/1503"));
        assert!(is_notice_address(
            "https://www.interpol.int/en/Careers/Job-opportunities"
        ));
        assert!(!is_notice_address("https://www.interpol.int/en/News"));
        assert!(!is_notice_address("https://jobs.example.com/1503"));
    }
}

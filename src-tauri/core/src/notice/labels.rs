//! Finds the `Label: value` pairs of a notice, however a copy laid them out: one per line, run
//! together with no line breaks (`Grade: 6Number of posts: 1`), the value on the next line, no
//! space after the colon, or a label alone on its line (docs/domain.md#vacancy-notices
//! published").

use crate::vacancy::Platform;
use regex::Regex;
use std::sync::LazyLock;

/// What a label says its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Reference,
    DutyStation,
    Location,
    Contract,
    LengthAndContract,
    Duration,
    Grade,
    Posts,
    Security,
    Published,
    /// `Deadline for application(s)`: the notice's own deadline.
    OfficialDeadline,
    /// A date an aggregator adds (`Closing Date`, `Deadline`).
    ExtraDeadline,
    /// `Vacancy Notice 1503`: the value is the number.
    VacancyNoticeHeader,
    /// `Internship 1468`: the value is the number.
    InternshipHeader,
    /// A label Dossier does not read; it still ends the value before it.
    Other,
}

/// A label Dossier knows: a regex for its words (case-insensitive, words separated by spaces
/// or tabs), what it labels, and which platform writes it (evidence for `platform`).
struct LabelDef {
    pattern: &'static str,
    key: Key,
    evidence: Option<Platform>,
}

const fn def(pattern: &'static str, key: Key, evidence: Option<Platform>) -> LabelDef {
    LabelDef {
        pattern,
        key,
        evidence,
    }
}

const TL: Option<Platform> = Some(Platform::Talentlink);
const RH: Option<Platform> = Some(Platform::RecruitmentHub);

/// At one position the first matching entry wins, so longer labels come before the labels
/// they start with (`Title of the post` before `Title`, `Deadline for application` before
/// `Deadline`). Sources: docs/domain.md#vacancy-notices; the `Other` labels are
/// those aggregators and both platforms add, listed so they end the value before them.
const LABELS: &[LabelDef] = &[
    def(r"title\s+of\s+(?:the\s+)?post", Key::Title, TL),
    def(r"reference\s+of\s+(?:the\s+)?post", Key::Reference, TL),
    def(
        r"length\s+and\s+type\s+of\s+(?:the\s+)?contract",
        Key::LengthAndContract,
        TL,
    ),
    def(
        r"(?:type\s+and\s+length|duration\s+and\s+type)\s+of\s+(?:the\s+)?contract|dur[ée]e\s+et\s+type\s+(?:de\s+|du\s+)contrat|duraci[óo]n\s+y\s+tipo\s+de\s+contrato",
        Key::LengthAndContract,
        None,
    ),
    def(r"job\s+title", Key::Title, RH),
    def(r"publication\s+starting\s+date", Key::Published, RH),
    def(
        r"(?:post|position|vacancy)\s+title|intitul[ée]\s+(?:du\s+poste|de\s+l['’]emploi)|titre\s+du\s+poste|t[íi]tulo\s+del\s+puesto|denominaci[óo]n\s+del\s+puesto",
        Key::Title,
        None,
    ),
    def(r"title|intitul[ée]|t[íi]tulo|puesto", Key::Title, None),
    def(
        r"(?:vacancy|job|post)\s+reference(?:\s+(?:number|no\.?))?|reference\s+(?:number|no\.?)|r[ée]f[ée]rence\s+(?:du\s+poste|de\s+l['’]avis)|num[ée]ro\s+de\s+r[ée]f[ée]rence|referencia(?:\s+del\s+puesto)?|r[ée]f[ée]rence|ref\.?|r[ée]f\.?",
        Key::Reference,
        None,
    ),
    def(
        r"duty\s+stations?|place\s+of\s+assignment|lieu\s+d['’]\s*affectation|lieu\s+de\s+travail|lugar\s+de\s+destino",
        Key::DutyStation,
        None,
    ),
    def(
        r"(?:job\s+|work\s+)?location|localisation|ubicaci[óo]n",
        Key::Location,
        None,
    ),
    def(
        r"type\s+of\s+(?:contract|appointment|employment)|contract\s+type|type\s+de\s+contrat|nature\s+du\s+contrat|tipo\s+de\s+contrato",
        Key::Contract,
        None,
    ),
    def(
        r"(?:contract\s+)?duration(?:\s+of\s+(?:the\s+)?(?:contract|assignment|internship|secondment))?|length\s+of\s+(?:the\s+)?(?:contract|assignment)|dur[ée]e(?:\s+du\s+(?:contrat|stage)|\s+de\s+(?:la\s+mise\s+[àa]\s+disposition|l['’]affectation))?|duraci[óo]n(?:\s+del\s+contrato)?",
        Key::Duration,
        None,
    ),
    def(r"contract|contrat|contrato", Key::Contract, None),
    def(r"grade(?:\s+level)?|grado", Key::Grade, None),
    def(
        r"(?:number|no\.?)\s+of\s+(?:posts?|positions?|vacancies)|nombre\s+de\s+postes?|n[úu]mero\s+de\s+(?:puestos|plazas|vacantes)",
        Key::Posts,
        None,
    ),
    def(
        r"level\s+of\s+security\s+(?:screening|clearance)|security\s+clearance\s+level|security\s+(?:screening\s+)?level|security\s+screening|security\s+clearance|niveau\s+(?:d['’]habilitation|de\s+s[ée]curit[ée]|de\s+contr[ôo]le\s+de\s+s[ée]curit[ée])|habilitation(?:\s+de\s+s[ée]curit[ée])?|nivel\s+de\s+seguridad",
        Key::Security,
        None,
    ),
    def(
        r"publication\s+date|date\s+of\s+publication|date\s+de\s+publication|fecha\s+de\s+publicaci[óo]n",
        Key::Published,
        None,
    ),
    def(
        r"deadline\s+for\s+(?:the\s+)?(?:submission\s+of\s+)?applications?|date\s+limite\s+(?:de\s+(?:d[ée]p[ôo]t\s+des\s+)?candidatures?|d['’]envoi\s+des\s+candidatures|pour\s+(?:postuler|candidater|les\s+candidatures))|fecha\s+l[íi]mite\s+(?:de|para)\s+(?:la\s+)?(?:presentaci[óo]n\s+de\s+)?(?:solicitudes|candidaturas|postulaci[óo]n)",
        Key::OfficialDeadline,
        None,
    ),
    def(
        r"closing\s+date(?:\s+for\s+applications?)?|application\s+deadline|deadline|apply\s+(?:by|before)|date\s+limite|date\s+de\s+cl[ôo]ture|fecha\s+(?:l[íi]mite|de\s+cierre)",
        Key::ExtraDeadline,
        None,
    ),
    def(
        r"reporting\s+to|sub-?directorate|directorate|department|division|unit|service|job\s+(?:id|number|category|type|family|function)|req(?:uisition)?\s*(?:id|number)|date\s+posted|posted(?:\s+on)?|posting\s+date|start\s+date|salary(?:\s+range)?|remuneration|employment\s+type|schedule|category|organi[sz]ation|company|employer|country|city|region|sector|industry|required\s+languages?|languages?(?:\s+(?:requirements?|skills|required))?|education(?:al\s+(?:background|requirements?))?|experience|expir(?:y|ation)\s+date|nationality|seniority\s+level|direction|sous-direction|rattachement|sup[ée]rieur\s+hi[ée]rarchique|langues?|formation|exp[ée]rience|r[ée]mun[ée]ration|salaire|pays|ville|idiomas?|salario|pa[íi]s|ciudad",
        Key::Other,
        None,
    ),
];

/// A label found in the text, with the span of the value after it.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: Key,
    pub evidence: Option<Platform>,
    /// Words in brackets between label and colon: `Duration (in months):`.
    pub note: Option<String>,
    pub value: String,
    /// False when the label was recognised only as a near miss of a known one (a typo, a
    /// missing word): what it gives is shown to the candidate to check.
    pub exact: bool,
}

struct Mark {
    start: usize,
    end: usize,
    kind: MarkKind,
}

enum MarkKind {
    /// Index into `LABELS`, and the note in brackets after the label.
    Label(usize, Option<String>),
    /// A header, whose value is part of the match.
    Header(Key, String),
    /// A near miss of a known label: its key and note.
    Fuzzy(Key, Option<String>),
}

fn label_alternation() -> String {
    LABELS
        .iter()
        .map(|l| format!("({})", l.pattern.replace(r"\s", r"[ \t]")))
        .collect::<Vec<_>>()
        .join("|")
}

/// `Label:`, `Label (note):`, or `Label` then a tab (table cells copied as text). Markers a copy
/// sticks to the label (`**Grade**:`, `Grade*:`) are allowed around it.
static COLON_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?:{})\*{{0,3}}(?:[ \t]*\((?P<note>[^()\n]{{0,40}})\))?\*{{0,3}}(?:[ \t]*:\*{{0,3}}|[ ]*\t)",
        label_alternation()
    );
    Regex::new(&pattern).expect("label vocabulary is a valid regex")
});

/// A label alone on its line, its value on the next line.
static BARE_LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?im)^[ \t*]*(?:{})\*{{0,3}}(?:[ \t]*\((?P<note>[^()\n]{{0,40}})\))?[ \t*]*$",
        label_alternation()
    );
    Regex::new(&pattern).expect("label vocabulary is a valid regex")
});

static VACANCY_NOTICE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)vacancy[ \t]+notice[ \t]*(?:(?:n[o°º]\.?|#|:)[ \t]*)?(?P<n>\d{3,6})")
        .expect("valid regex")
});

static INTERNSHIP_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)internship[ \t]*(?:(?:n[o°º]\.?|#|:)[ \t]*)?(?P<n>\d{3,6})")
        .expect("valid regex")
});

/// Labels that are not part of a larger word: a label glued to the text before it counts only
/// when it starts with a capital, as when a copy runs fields together (`6Number of posts:`),
/// never as the end of a word (`upgrade:`).
fn starts_cleanly(text: &str, start: usize) -> bool {
    let before = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    !before.is_some_and(char::is_alphanumeric) || first.is_some_and(char::is_uppercase)
}

fn label_index(caps: &regex::Captures<'_>) -> Option<usize> {
    (0..LABELS.len()).find(|i| caps.get(i + 1).is_some())
}

fn colon_marks(text: &str, marks: &mut Vec<Mark>) {
    let mut pos = 0;
    // The search finds where a label is with the fast engine; which label it is needs the
    // slower one, run on the label alone: over the whole text it would cost four times more.
    while let Some(whole) = COLON_LABEL.find_at(text, pos) {
        if starts_cleanly(text, whole.start()) {
            let Some(caps) = COLON_LABEL.captures(whole.as_str()) else {
                break;
            };
            let Some(label) = label_index(&caps) else {
                break;
            };
            marks.push(Mark {
                start: whole.start(),
                end: whole.end(),
                kind: MarkKind::Label(label, caps.name("note").map(|m| m.as_str().to_string())),
            });
            pos = whole.end();
        } else {
            // Try again just after the rejected start: a real label may begin inside it.
            pos = whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        if pos >= text.len() {
            break;
        }
    }
}

fn bare_line_marks(text: &str, marks: &mut Vec<Mark>) {
    for whole in BARE_LABEL_LINE.find_iter(text) {
        let Some(caps) = BARE_LABEL_LINE.captures(whole.as_str()) else {
            continue;
        };
        let Some(label) = label_index(&caps) else {
            continue;
        };
        marks.push(Mark {
            start: whole.start(),
            end: whole.end(),
            kind: MarkKind::Label(label, caps.name("note").map(|m| m.as_str().to_string())),
        });
    }
}

fn header_marks(text: &str, marks: &mut Vec<Mark>) {
    for (regex, key) in [
        (&*VACANCY_NOTICE_HEADER, Key::VacancyNoticeHeader),
        (&*INTERNSHIP_HEADER, Key::InternshipHeader),
    ] {
        for caps in regex.captures_iter(text) {
            let (Some(whole), Some(number)) = (caps.get(0), caps.name("n")) else {
                continue;
            };
            if !starts_cleanly(text, whole.start())
                || !super::text::stands_alone(text, number.start(), number.end())
            {
                continue;
            }
            marks.push(Mark {
                start: whole.start(),
                end: whole.end(),
                kind: MarkKind::Header(key, number.as_str().to_string()),
            });
        }
    }
}

/// The labels read also when slightly misspelt or run short (`Dealine for application`,
/// `Duty statoin`, `Lieu daffectation`), folded (lower case, no accents). Short labels are
/// left out: one letter off in `Grade` is another word.
const NEAR_LABELS: &[(&str, Key)] = &[
    ("title of the post", Key::Title),
    ("job title", Key::Title),
    ("post title", Key::Title),
    ("intitule du poste", Key::Title),
    ("titulo del puesto", Key::Title),
    ("reference of the post", Key::Reference),
    ("vacancy reference", Key::Reference),
    ("reference", Key::Reference),
    ("reference du poste", Key::Reference),
    ("duty station", Key::DutyStation),
    ("lieu d'affectation", Key::DutyStation),
    ("lugar de destino", Key::DutyStation),
    ("location", Key::Location),
    ("type of contract", Key::Contract),
    ("contract type", Key::Contract),
    ("type de contrat", Key::Contract),
    ("tipo de contrato", Key::Contract),
    ("length and type of contract", Key::LengthAndContract),
    ("duration (in months)", Key::Duration),
    ("number of posts", Key::Posts),
    ("nombre de postes", Key::Posts),
    ("level of security screening", Key::Security),
    ("security clearance level", Key::Security),
    ("publication starting date", Key::Published),
    ("deadline for application", Key::OfficialDeadline),
    ("deadline for applications", Key::OfficialDeadline),
    ("date limite de candidature", Key::OfficialDeadline),
    ("date limite de candidatures", Key::OfficialDeadline),
    ("fecha limite de solicitud", Key::OfficialDeadline),
    ("closing date", Key::ExtraDeadline),
];

/// Edits allowed between a near label and the known one: none under 8 letters, one up to 15,
/// two beyond.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..8 => 0,
        8..16 => 1,
        _ => 2,
    }
}

/// A near miss of a known label: the closest within the edits its length allows.
fn near_label(candidate: &str) -> Option<Key> {
    let folded = super::text::collapse_spaces(&super::text::fold(candidate).replace('*', " "));
    let len = folded.chars().count();
    let allowed = allowed_edits(len);
    if allowed == 0 {
        return None;
    }
    // A typo seldom hits the first letter, and asking for it keeps this cheap on every line.
    let first = folded.chars().next();
    NEAR_LABELS
        .iter()
        .filter(|(known, _)| known.chars().next() == first)
        .filter(|(known, _)| known.len().abs_diff(folded.len()) <= allowed)
        .map(|(known, key)| (strsim::osa_distance(known, &folded), *key))
        .filter(|(edits, _)| *edits <= allowed)
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, key)| key)
}

/// Words that may be a label: letters, spaces, apostrophes and brackets, two to six words.
fn label_like(candidate: &str) -> bool {
    let words = candidate.split_whitespace().count();
    (1..=6).contains(&words)
        && candidate.chars().any(char::is_alphabetic)
        && candidate
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\t' | '\'' | '’' | '(' | ')' | '*'))
}

/// Near misses of known labels at the start of a line: `Near label: value`, or a near label
/// alone on its line. Lines where a known label starts are left alone, so an exact label always
/// wins. Each line is looked at once, and only its first 48 bytes: the reader stays linear.
fn fuzzy_marks(text: &str, marks: &mut Vec<Mark>) {
    const LONGEST: usize = 48;
    let mut exact_starts: Vec<usize> = marks.iter().map(|m| m.start).collect();
    exact_starts.sort_unstable();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let this_start = line_start;
        line_start += line.len();
        let body = line.trim_end_matches(['\n', ' ', '\t']);
        let lead = body.len() - body.trim_start().len();
        let begin = this_start + lead;
        let body = body.trim_start();
        if body.is_empty() {
            continue;
        }
        let (candidate, end) = match body.find(':') {
            Some(colon) if colon <= LONGEST => (&body[..colon], begin + colon + 1),
            Some(_) => continue,
            None if body.len() <= LONGEST => (body, begin + body.len()),
            None => continue,
        };
        let first_exact = exact_starts.partition_point(|&s| s < this_start);
        if exact_starts
            .get(first_exact)
            .is_some_and(|&s| s < this_start + line.len())
        {
            continue;
        }
        let (name, note) = match candidate.find('(') {
            Some(open) if candidate.trim_end().ends_with(')') => (
                &candidate[..open],
                Some(
                    candidate[open + 1..candidate.trim_end().len() - 1]
                        .trim()
                        .to_string(),
                ),
            ),
            _ => (candidate, None),
        };
        if !label_like(candidate) {
            continue;
        }
        // A bracketed note may be part of the label itself (`Duration (in months)`).
        let key = near_label(candidate).or_else(|| near_label(name));
        if let Some(key) = key {
            marks.push(Mark {
                start: begin,
                end,
                kind: MarkKind::Fuzzy(key, note),
            });
        }
    }
}

/// Where the lines of a text start and end, found once: a copy run together on one line can
/// hold thousands of labels, and searching for the line's ends from each would be quadratic.
struct Lines {
    newlines: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Self {
        Lines {
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    fn start(&self, at: usize) -> usize {
        let before = self.newlines.partition_point(|&n| n < at);
        before.checked_sub(1).map_or(0, |i| self.newlines[i] + 1)
    }

    fn end(&self, at: usize) -> usize {
        let index = self.newlines.partition_point(|&n| n < at);
        self.newlines.get(index).copied().unwrap_or(self.len)
    }
}

/// "Internship 1468" is a header only when it stands alone: at the start of its line (or glued
/// to the previous value) and followed by nothing but the next label, so that a sentence such
/// as "the internship 2026 programme" is never read as a reference.
fn internship_header_stands_alone(
    text: &str,
    lines: &Lines,
    mark: &Mark,
    next_start: Option<usize>,
) -> bool {
    let starts_line = text[lines.start(mark.start)..mark.start].trim().is_empty();
    let glued = text[..mark.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let end = lines.end(mark.end);
    let rest_end = next_start.map_or(end, |n| n.min(end));
    let rest = &text[mark.end..rest_end.max(mark.end)];
    (starts_line || glued)
        && rest
            .trim_matches(|c: char| c.is_whitespace() || c == '-')
            .is_empty()
}

/// Every label in `text` (already normalised) with its value, in the order they appear.
pub fn fields(text: &str) -> Vec<Field> {
    let mut marks = Vec::new();
    colon_marks(text, &mut marks);
    bare_line_marks(text, &mut marks);
    header_marks(text, &mut marks);
    fuzzy_marks(text, &mut marks);
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    for mark in marks {
        if kept.last().is_none_or(|last| mark.start >= last.end) {
            kept.push(mark);
        }
    }

    let lines = Lines::new(text);
    let mut found = Vec::with_capacity(kept.len());
    for (i, mark) in kept.iter().enumerate() {
        let next_start = kept.get(i + 1).map(|m| m.start);
        match &mark.kind {
            MarkKind::Header(key, number) => {
                if *key == Key::InternshipHeader
                    && !internship_header_stands_alone(text, &lines, mark, next_start)
                {
                    continue;
                }
                found.push(Field {
                    key: *key,
                    evidence: Some(Platform::RecruitmentHub),
                    note: None,
                    value: number.clone(),
                    exact: true,
                });
            }
            MarkKind::Label(index, note) => {
                let Some(label) = LABELS.get(*index) else {
                    continue;
                };
                found.push(Field {
                    key: label.key,
                    evidence: label.evidence,
                    note: note.clone(),
                    value: value_after(text, &lines, mark.end, next_start),
                    exact: true,
                });
            }
            MarkKind::Fuzzy(key, note) => found.push(Field {
                key: *key,
                evidence: None,
                note: note.clone(),
                value: value_after(text, &lines, mark.end, next_start),
                exact: false,
            }),
        }
    }
    found
}

/// The value after a label ending at `from`: the rest of the line up to the next label, or,
/// when that is blank and no label follows on the line, the next non-blank line (up to its
/// first label) unless that line starts with a label itself.
fn value_after(text: &str, lines: &Lines, from: usize, next_label: Option<usize>) -> String {
    let end_of_line = lines.end(from);
    let same_line_end = next_label.map_or(end_of_line, |n| n.min(end_of_line));
    let same_line = &text[from..same_line_end.max(from)];
    if !same_line.trim().is_empty() || next_label.is_some_and(|n| n <= end_of_line) {
        return same_line.to_string();
    }
    let mut at = end_of_line;
    while at < text.len() {
        let start = at + 1;
        if start > text.len() {
            break;
        }
        let end = lines.end(start);
        let line = &text[start..end];
        if !line.trim().is_empty() {
            let first_char = start + (line.len() - line.trim_start().len());
            if next_label.is_some_and(|n| n <= first_char) {
                return String::new();
            }
            let stop = next_label.map_or(end, |n| n.min(end));
            return text[start..stop.max(start)].to_string();
        }
        at = end;
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(Key, String)> {
        fields(text)
            .into_iter()
            .map(|f| (f.key, f.value.trim().to_string()))
            .collect()
    }

    #[test]
    fn one_label_per_line() {
        assert_eq!(
            pairs("Job Title: Analyst\nGrade: 6\n"),
            vec![(Key::Title, "Analyst".into()), (Key::Grade, "6".into())]
        );
    }

    #[test]
    fn run_together_labels_end_each_other() {
        assert_eq!(
            pairs("Grade: 6Number of posts: 1Duty station: Lyon"),
            vec![
                (Key::Grade, "6".into()),
                (Key::Posts, "1".into()),
                (Key::DutyStation, "Lyon".into())
            ]
        );
    }

    #[test]
    fn value_on_the_next_line_and_bare_label_lines() {
        assert_eq!(
            pairs("Grade:\n\n  6 \nLocation\nLyon, France\nTitle:\nNumber of posts: 2"),
            vec![
                (Key::Grade, "6".into()),
                (Key::Location, "Lyon, France".into()),
                (Key::Title, "".into()),
                (Key::Posts, "2".into())
            ]
        );
    }

    #[test]
    fn longer_labels_win_and_words_ending_in_a_label_do_not_count() {
        assert_eq!(
            pairs("Title of the post: A\nupgrade: no\nDeadline for application:12 February 2025"),
            vec![
                (Key::Title, "A".into()),
                (Key::OfficialDeadline, "12 February 2025".into())
            ]
        );
    }

    #[test]
    fn notes_between_label_and_colon_are_kept() {
        let found = fields("Duration (in months): 24.00");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].note.as_deref(), Some("in months"));
        assert_eq!(found[0].value.trim(), "24.00");
    }

    #[test]
    fn headers_give_their_number() {
        assert_eq!(
            pairs("VACANCY NOTICE 1574\nInternship 1468\nthe internship 2026 programme"),
            vec![
                (Key::VacancyNoticeHeader, "1574".into()),
                (Key::InternshipHeader, "1468".into())
            ]
        );
    }

    #[test]
    fn markers_stuck_to_labels_and_values() {
        assert_eq!(
            pairs("**Grade**: 6*\nDuty station*: Lyon**Type of contract:Fixed-term"),
            vec![
                (Key::Grade, "6*".into()),
                (Key::DutyStation, "Lyon**".into()),
                (Key::Contract, "Fixed-term".into())
            ]
        );
    }

    #[test]
    fn french_and_spanish_labels_whatever_the_case_and_accents() {
        assert_eq!(
            pairs(
                "DATE LIMITE DE CANDIDATURE : 3 mars 2026\nLieu d’affectation: Lyon\nReferencia: INT05177\nIntitule du poste:\nAnalyste"
            ),
            vec![
                (Key::OfficialDeadline, "3 mars 2026".into()),
                (Key::DutyStation, "Lyon".into()),
                (Key::Reference, "INT05177".into()),
                (Key::Title, "Analyste".into())
            ]
        );
    }

    #[test]
    fn near_misses_of_long_labels_are_read_but_not_as_exact() {
        let found = fields("Dealine for application: 3 May 2026\nDuty statoin\nLyon\n");
        let read: Vec<_> = found
            .iter()
            .map(|f| (f.key, f.value.trim().to_string(), f.exact))
            .collect();
        assert_eq!(
            read,
            vec![
                (Key::OfficialDeadline, "3 May 2026".into(), false),
                (Key::DutyStation, "Lyon".into(), false)
            ]
        );
        // Short words one letter off a label are other words.
        assert!(fields("Grades: see below\nRefer: x\n").is_empty());
    }

    #[test]
    fn tab_separates_label_and_value_in_copied_tables() {
        assert_eq!(pairs("Grade\t6"), vec![(Key::Grade, "6".into())]);
    }
}

//! Whatever it is given, the parser returns without panicking and its draft keeps its
//! invariants: text fields trimmed and non-empty, a zone only with a station, a deadline or
//! its unreadable text but not both, numbers in range.

use dossier_core::notice::{NoticeDraft, notice_text_from_html, parse_notice};
use proptest::prelude::*;

const VOCABULARY: &[&str] = &[
    "Vacancy Notice 1503",
    "VACANCY NOTICE 1574",
    "Internship 1468",
    "Internship ",
    "Job Title:",
    "Job title:",
    "Title:",
    "Title of the post:",
    "Reference of the post:",
    "INT04606",
    "INT",
    "Reporting To:",
    "Directorate:",
    "Location:",
    "Duty station:",
    "Duty station",
    "Lyon*",
    "Singapour",
    "Yaoundé",
    "Type of contract:",
    "Length and type of contract:",
    "3 years, Secondment",
    "Mise à disposition",
    "SECONDMENT –",
    "SECONDMENT",
    "Duration (in months):",
    "24.00",
    "through 4 August 2026",
    "Grade:",
    "Roster Grade 6",
    "7 or 6",
    "Unclassified",
    "Roster**",
    "Number of post:",
    "Number of posts:",
    "post (s)",
    "Reserve list exercise",
    "Level of Security screening:",
    "Security Clearance Level:",
    "Security level:",
    "Renforcé",
    "Basic",
    "INTERPOL Confidential",
    "Publication Starting Date:",
    "Oct 30, 2025",
    "Deadline for application:",
    "Deadline for applications:",
    "Deadline:",
    "Closing Date:",
    "10 April 2026, 23h59 SGT",
    "12 février 2025",
    "2026-03-31",
    "11:59 PM",
    "CEST",
    "GMT+8",
    "(",
    ")",
    "Essential:",
    "Desirable:",
    "Excellent knowledge of English",
    "French or Spanish would be an asset",
    "C1",
    "Master's degree",
    "at least three (3) years of experience",
    "https://career2.successfactors.eu/career?x=1",
    "<p>",
    "</div>",
    "<br>",
    "&nbsp;",
    "&#x2014;",
    "<script>",
    "Intitulé du poste :",
    "Lieu d'affectation :",
    "Date limite de candidature :",
    "Type de contrat :",
    "Référence :",
    "Fecha límite de presentación de solicitudes:",
    "20 de abril de 2026",
    "Dealine for application:",
    "Duty statoin:",
    "Job titel",
    "One of INTERPOL's duty stations",
    "any duty station",
    "Lyon or Singapore",
    "Vienna",
    "up to 3 years, Fixed-term contracts",
    "Conditions of secondment",
    "not open to seconded officials",
    "INTERNSHIP —",
    "Internship –",
    "MISE À DISPOSITION -",
    "good command of English",
    "mother tongue",
    "**",
    ":",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{200b}",
    "–",
    "*",
    ".",
    ";",
    ",",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => any::<String>(),
        1 => "[0-9]{1,8}",
    ]
}

fn label_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

fn trimmed_and_non_empty(name: &str, value: &Option<String>) {
    if let Some(v) = value {
        assert!(!v.is_empty(), "{name} is Some but empty");
        assert_eq!(v, v.trim(), "{name} is not trimmed");
    }
}

fn check_invariants(draft: &NoticeDraft) {
    for (name, value) in [
        ("reference", &draft.reference),
        ("title", &draft.title),
        ("duty_station", &draft.duty_station),
        ("duty_zone", &draft.duty_zone),
        ("grade", &draft.grade),
        ("duration_text", &draft.duration_text),
        ("deadline_unreadable", &draft.deadline_unreadable),
        ("notice_url", &draft.notice_url),
    ] {
        trimmed_and_non_empty(name, value);
    }
    assert!(draft.duty_zone.is_none() || draft.duty_station.is_some());
    if let Some(zone) = &draft.duty_zone {
        assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "duty zone {zone}");
    }
    let deadline_forms = [
        draft.deadline.is_some(),
        draft.deadline_unreadable.is_some(),
        draft.deadline_without_zone.is_some(),
    ];
    assert!(
        deadline_forms.iter().filter(|f| **f).count() <= 1,
        "a deadline is read with its zone, without one, or left as written: one of them"
    );
    assert_ne!(draft.duty_station_any, Some(false));
    if draft.duty_station_any.is_some() {
        assert!(draft.duty_station.is_some() && draft.duty_zone.is_none());
    }
    // A confidence only for a field that was read: it never stands for an invented one.
    let c = &draft.confidence;
    assert_eq!(c.platform.is_some(), draft.platform.is_some());
    assert_eq!(c.reference.is_some(), draft.reference.is_some());
    assert_eq!(c.title.is_some(), draft.title.is_some());
    assert_eq!(c.duty_station.is_some(), draft.duty_station.is_some());
    assert_eq!(c.contract_kind.is_some(), draft.contract_kind.is_some());
    assert_eq!(c.grade.is_some(), draft.grade.is_some());
    assert_eq!(c.posts.is_some(), draft.posts.is_some());
    assert_eq!(
        c.security_screening.is_some(),
        draft.security_screening.is_some()
    );
    assert_eq!(
        c.duration.is_some(),
        draft.duration_months.is_some() || draft.duration_text.is_some()
    );
    assert_eq!(c.published_on.is_some(), draft.published_on.is_some());
    assert_eq!(
        c.deadline.is_some(),
        draft.deadline.is_some() || draft.deadline_without_zone.is_some()
    );
    if let Some(deadline) = &draft.deadline {
        assert!(
            deadline.zone.parse::<chrono_tz::Tz>().is_ok(),
            "deadline zone {}",
            deadline.zone
        );
    }
    assert_ne!(
        draft.is_roster,
        Some(false),
        "roster is only ever Some(true)"
    );
    assert!(draft.posts.is_none_or(|p| p > 0));
    assert!(draft.duration_months.is_none_or(|m| m > 0));
    assert!(draft.duration_months.is_none() || draft.duration_text.is_none());
    if let Some(languages) = &draft.languages {
        assert!(!languages.is_empty(), "languages is Some but empty");
        for l in languages {
            assert!(l.language.len() == 2 && l.language.chars().all(|c| c.is_ascii_lowercase()));
            trimmed_and_non_empty("wording", &l.wording);
        }
    }
    if let Some(url) = &draft.notice_url {
        assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "{url}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_invariants(&parse_notice(&text));
    }

    #[test]
    fn label_soup_never_panics(text in label_soup()) {
        check_invariants(&parse_notice(&text));
    }

    #[test]
    fn html_soup_never_panics(text in label_soup()) {
        let html = format!("<html><body><div>{text}</div></body></html>");
        check_invariants(&parse_notice(&html));
        let _ = notice_text_from_html(&text);
    }

    #[test]
    fn parsing_is_deterministic(text in label_soup()) {
        prop_assert_eq!(parse_notice(&text), parse_notice(&text));
    }
}

/// A megabyte built by repeating `unit`, the most `parse_notice` is ever given.
fn megabyte_of(unit: &str) -> String {
    unit.repeat(dossier_core::notice::MAX_NOTICE_BYTES / unit.len() + 1)
}

fn assert_quick(text: &str) {
    let started = std::time::Instant::now();
    check_invariants(&parse_notice(text));
    // Generous for a debug build on a shared machine; what matters is no quadratic blow-up,
    // which would take hours here.
    let took = started.elapsed();
    println!("{took:?} for {:?}…", &text[..20]);
    assert!(took.as_secs() < 30, "took {took:?} on {:?}…", &text[..40]);
}

#[test]
fn a_megabyte_of_label_soup_is_read_in_reasonable_time() {
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < dossier_core::notice::MAX_NOTICE_BYTES + 1000 {
        text.push_str(VOCABULARY[i % VOCABULARY.len()]);
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    assert_quick(&text);
}

#[test]
fn a_megabyte_on_one_line_is_read_in_reasonable_time() {
    assert_quick(&megabyte_of("Grade: 6Number of posts: 1"));
    assert_quick(&megabyte_of("Internship 1468 "));
    assert_quick(&megabyte_of("Excellent English, French, "));
    assert_quick(&megabyte_of("English or "));
    assert_quick(&megabyte_of("Deadline for application:"));
    assert_quick(&megabyte_of("at least 5 years of experience is required, "));
    assert_quick(&megabyte_of("<p>Grade:</p>"));
    assert_quick(&megabyte_of("<div class=hidden>"));
}

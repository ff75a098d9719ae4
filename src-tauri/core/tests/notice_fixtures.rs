//! Whole notices in the published layouts (tests/fixtures/notices), each compared field by
//! field with what the parser must read, including the fields that must stay empty.

use chrono::{NaiveDate, NaiveTime};
use dossier_core::notice::{
    Confidence, DraftConfidence, LocalDeadline, NoticeDraft, notice_text_from_html, parse_notice,
};
use dossier_core::profile::{Cefr, EducationLevel};
use dossier_core::vacancy::{
    ContractKind, Deadline, LanguageRequirement, Platform, SecurityScreening,
};
use std::path::Path;

mod support;
use support::date;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/notices")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn deadline(d: NaiveDate, time: Option<(u32, u32)>, zone: &str) -> Option<Deadline> {
    Some(Deadline {
        date: d,
        time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
        zone: zone.to_string(),
    })
}

fn language(code: &str, level: Option<Cefr>, wording: Option<&str>) -> LanguageRequirement {
    LanguageRequirement {
        language: code.to_string(),
        level,
        wording: wording.map(str::to_string),
    }
}

/// The draft without its confidences, which the tests of each kind check on their own.
fn parsed(text: &str) -> NoticeDraft {
    NoticeDraft {
        confidence: Default::default(),
        ..parse_notice(text)
    }
}

fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn recruitment_hub_fixed_term_notice() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("1503"),
        title: text("Criminal Intelligence Officer"),
        duty_station: text("Lyon, France"),
        duty_zone: text("Europe/Paris"),
        contract_kind: Some(ContractKind::FixedTerm),
        is_roster: None,
        grade: text("6"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Enhanced),
        duration_months: Some(24),
        duration_text: None,
        published_on: Some(date(2025, 10, 30)),
        deadline: deadline(date(2025, 11, 23), None, "Europe/Paris"),
        deadline_unreadable: None,
        // French, Arabic and Spanish are "an asset": only English is required.
        languages: Some(vec![language("en", None, Some("excellent"))]),
        min_education: Some(EducationLevel::Bachelor),
        min_experience_years: Some(3),
        notice_url: text(
            "https://career2.successfactors.eu/career?company=interpol&career_job_req_id=1503",
        ),
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("rh_fixed_term.txt")), expected);
}

#[test]
fn recruitment_hub_internship_with_deadline_time_and_zone() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("Internship 1468"),
        title: text("Intern - Cyber Threat Intelligence"),
        duty_station: text("Singapore"),
        duty_zone: text("Asia/Singapore"),
        contract_kind: Some(ContractKind::Internship),
        is_roster: None,
        grade: text("Unclassified"),
        posts: Some(2),
        security_screening: Some(SecurityScreening::Basic),
        duration_months: Some(6),
        duration_text: None,
        published_on: Some(date(2026, 2, 16)),
        deadline: deadline(date(2026, 4, 10), Some((23, 59)), "Asia/Singapore"),
        deadline_unreadable: None,
        languages: Some(vec![language("en", Some(Cefr::C1), Some("fluent"))]),
        // Being enrolled is not a completed level of study.
        min_education: None,
        min_experience_years: None,
        notice_url: None,
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("rh_internship_sgt.txt")), expected);
}

#[test]
fn recruitment_hub_secondment_known_only_from_its_title() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("1574"),
        title: text("Specialized Officer, Counter-Terrorism"),
        duty_station: text("Lyon, France"),
        duty_zone: text("Europe/Paris"),
        contract_kind: Some(ContractKind::Secondment),
        is_roster: None,
        grade: text("5"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Enhanced),
        duration_months: None,
        duration_text: text("up to 3 years"),
        published_on: Some(date(2026, 1, 12)),
        deadline: deadline(date(2026, 2, 15), None, "Europe/Paris"),
        deadline_unreadable: None,
        // "Arabic or French" sits under "Desirable:".
        languages: Some(vec![language("en", None, Some("excellent"))]),
        min_education: None,
        min_experience_years: Some(5),
        notice_url: None,
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("rh_secondment_title_only.txt")), expected);
}

#[test]
fn recruitment_hub_roster_reserve_list() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("1590"),
        title: text("Administrative Assistant"),
        duty_station: text("Lyon, France"),
        duty_zone: text("Europe/Paris"),
        contract_kind: Some(ContractKind::FixedTerm),
        is_roster: Some(true),
        grade: text("8"),
        posts: None,
        security_screening: Some(SecurityScreening::Basic),
        duration_months: Some(24),
        duration_text: None,
        published_on: Some(date(2026, 3, 3)),
        deadline: deadline(date(2026, 3, 31), Some((23, 59)), "Europe/Paris"),
        deadline_unreadable: None,
        languages: Some(vec![
            language("en", None, Some("good knowledge")),
            language("fr", None, Some("good knowledge")),
        ]),
        min_education: Some(EducationLevel::Secondary),
        min_experience_years: Some(2),
        notice_url: None,
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("rh_roster_reserve_list.txt")), expected);
}

#[test]
fn talentlink_secondment_with_french_values_and_no_space_after_colons() {
    let expected = NoticeDraft {
        platform: Some(Platform::Talentlink),
        reference: text("INT04606"),
        title: text("Officier spécialisé - Criminalité financière"),
        duty_station: text("Singapour"),
        duty_zone: text("Asia/Singapore"),
        contract_kind: Some(ContractKind::Secondment),
        is_roster: None,
        grade: text("4"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Enhanced),
        duration_months: Some(36),
        duration_text: None,
        published_on: None,
        deadline: deadline(date(2025, 2, 12), None, "Asia/Singapore"),
        deadline_unreadable: None,
        languages: Some(vec![
            language("en", None, Some("excellent")),
            language("fr", None, Some("excellent")),
        ]),
        min_education: None,
        min_experience_years: Some(6),
        notice_url: None,
        ..NoticeDraft::default()
    };
    assert_eq!(
        parsed(&fixture("talentlink_secondment_french.txt")),
        expected
    );
}

#[test]
fn aggregator_copy_with_fields_run_together() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("1611"),
        title: text("Crime Analyst (Drugs)"),
        duty_station: text("Buenos Aires, Argentina"),
        duty_zone: text("America/Argentina/Buenos_Aires"),
        contract_kind: Some(ContractKind::ProjectFixedTerm),
        is_roster: None,
        grade: text("7 or 6"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Basic),
        duration_months: Some(12),
        duration_text: None,
        published_on: None,
        // The official deadline (on the line after its label) wins over the site's Closing Date.
        deadline: deadline(date(2026, 7, 9), None, "America/Argentina/Buenos_Aires"),
        deadline_unreadable: None,
        languages: Some(vec![
            language("es", None, Some("fluent")),
            language("en", None, Some("fluent")),
        ]),
        min_education: Some(EducationLevel::Bachelor),
        min_experience_years: Some(4),
        notice_url: text(
            "https://career2.successfactors.eu/career?career_job_req_id=1611&company=interpol",
        ),
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("aggregator_run_together.txt")), expected);
}

#[test]
fn aggregator_partial_notice_reports_only_what_it_has() {
    let expected = NoticeDraft {
        platform: None,
        reference: None,
        title: None,
        duty_station: text("Nairobi"),
        duty_zone: text("Africa/Nairobi"),
        contract_kind: None,
        is_roster: None,
        grade: text("9"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Basic),
        duration_months: None,
        duration_text: None,
        published_on: None,
        deadline: None,
        deadline_unreadable: None,
        languages: None,
        min_education: None,
        min_experience_years: None,
        notice_url: None,
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("aggregator_partial.txt")), expected);
}

#[test]
fn saved_recruitment_hub_page_in_html() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("1522"),
        title: text("Liaison Officer"),
        duty_station: text("Brussels, Belgium"),
        duty_zone: text("Europe/Brussels"),
        contract_kind: Some(ContractKind::FixedTerm),
        is_roster: None,
        // The hidden "Grade: 10" and the script's "Grade: 3" are not what a reader sees.
        grade: text("4"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Enhanced),
        duration_months: Some(36),
        duration_text: None,
        published_on: Some(date(2025, 12, 1)),
        deadline: deadline(date(2026, 1, 5), None, "Europe/Brussels"),
        deadline_unreadable: None,
        languages: Some(vec![
            language("en", None, Some("excellent")),
            language("fr", Some(Cefr::C1), Some("excellent")),
        ]),
        min_education: Some(EducationLevel::Master),
        min_experience_years: Some(7),
        notice_url: text(
            "https://career2.successfactors.eu/career?career_ns=job_listing&company=interpol&career_job_req_id=1522",
        ),
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("rh_saved_page.html")), expected);
}

#[test]
fn saved_page_text_is_what_a_reader_sees() {
    let visible = notice_text_from_html(&fixture("rh_saved_page.html"));
    assert!(
        visible.starts_with("Home | Search jobs\nLiaison Officer\u{a0}– Brussels\n"),
        "{visible}"
    );
    assert!(
        visible.contains("Job Title:\tLiaison Officer\n"),
        "{visible}"
    );
    assert!(
        visible.contains("- Master’s degree in international relations"),
        "{visible}"
    );
    assert!(visible.ends_with("© INTERPOL 2025 · Privacy"), "{visible}");
    for hidden in [
        "jobData",
        "not text",
        "Grade: 10",
        "Number of post: 9",
        "INTERPOL Careers",
        "font-family",
    ] {
        assert!(!visible.contains(hidden), "{hidden} leaked into: {visible}");
    }
}

// --- Notices in layouts and languages beyond the published ones (fixtures written for Dossier) ---

const HIGH: Option<Confidence> = Some(Confidence::High);
const CHECK: Option<Confidence> = Some(Confidence::Check);

fn unzoned(d: NaiveDate) -> Option<LocalDeadline> {
    Some(LocalDeadline {
        date: d,
        time: None,
    })
}

#[test]
fn french_labels_with_values_on_the_next_line_and_markers() {
    let expected = NoticeDraft {
        platform: Some(Platform::Talentlink),
        reference: text("INT05120"),
        title: text("Analyste en criminalité financière"),
        duty_station: text("Lyon (France)"),
        duty_zone: text("Europe/Paris"),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: text("6"),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Enhanced),
        deadline: deadline(date(2026, 3, 3), None, "Europe/Paris"),
        confidence: DraftConfidence {
            platform: HIGH,
            reference: HIGH,
            title: HIGH,
            duty_station: HIGH,
            contract_kind: HIGH,
            grade: HIGH,
            posts: HIGH,
            security_screening: HIGH,
            deadline: HIGH,
            ..DraftConfidence::default()
        },
        ..NoticeDraft::default()
    };
    assert_eq!(
        parse_notice(&fixture("fr_labels_value_next_line.txt")),
        expected
    );
}

#[test]
fn spanish_labels_and_dates() {
    let expected = NoticeDraft {
        platform: Some(Platform::Talentlink),
        reference: text("INT05177"),
        title: text("Oficial de enlace regional"),
        duty_station: text("San Salvador, El Salvador"),
        duty_zone: text("America/El_Salvador"),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: text("5"),
        posts: Some(1),
        deadline: deadline(date(2026, 4, 20), None, "America/El_Salvador"),
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("es_labels.txt")), expected);
}

#[test]
fn misspelt_labels_are_read_and_flagged_to_check() {
    let draft = parse_notice(&fixture("near_labels_typos.txt"));
    let expected = NoticeDraft {
        platform: Some(Platform::Talentlink),
        reference: text("INT05201"),
        title: text("Forensic Data Specialist"),
        duty_station: text("Singapore"),
        duty_zone: text("Asia/Singapore"),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: text("5"),
        deadline: deadline(date(2026, 5, 14), None, "Asia/Singapore"),
        confidence: DraftConfidence {
            platform: HIGH,
            // Every one of these came from a label one or two letters off.
            reference: CHECK,
            title: CHECK,
            duty_station: CHECK,
            contract_kind: CHECK,
            grade: HIGH,
            deadline: CHECK,
            ..DraftConfidence::default()
        },
        ..NoticeDraft::default()
    };
    assert_eq!(draft, expected);
}

#[test]
fn any_duty_station_is_read_as_such_and_its_deadline_kept_without_a_zone() {
    let draft = parse_notice(&fixture("roster_any_duty_station.txt"));
    // The notice's own duty-station line wins over the site header's "Location: Lyon".
    assert_eq!(
        draft.duty_station.as_deref(),
        Some("One of INTERPOL's duty stations")
    );
    assert_eq!(draft.duty_station_any, Some(true));
    assert_eq!(draft.duty_zone, None);
    assert_eq!(draft.deadline, None);
    assert_eq!(draft.deadline_unreadable, None);
    assert_eq!(draft.deadline_without_zone, unzoned(date(2026, 3, 30)));
    assert_eq!(draft.confidence.deadline, CHECK);
    assert_eq!(draft.is_roster, Some(true));
    assert_eq!(draft.grade.as_deref(), Some("8"));
    assert_eq!(draft.posts, None);
}

#[test]
fn several_stations_give_no_zone_and_keep_the_date() {
    let draft = parse_notice(&fixture("several_stations_deadline.txt"));
    assert_eq!(
        draft.duty_station.as_deref(),
        Some("Nairobi, Kenya or Abidjan, Côte d'Ivoire")
    );
    assert_eq!(draft.duty_station_any, None);
    assert_eq!(draft.duty_zone, None, "neither city is guessed");
    assert_eq!(draft.confidence.duty_station, CHECK);
    assert_eq!(draft.deadline, None);
    assert_eq!(draft.deadline_without_zone, unzoned(date(2026, 4, 12)));
}

#[test]
fn a_station_dossier_does_not_know_keeps_the_deadline_date() {
    let draft = parse_notice(&fixture("unknown_station_deadline.txt"));
    assert_eq!(draft.duty_station.as_deref(), Some("Vienna, Austria"));
    assert_eq!(draft.duty_zone, None);
    assert_eq!(draft.deadline_without_zone, unzoned(date(2026, 6, 2)));
    assert_eq!(draft.deadline_unreadable, None);
    assert_eq!(draft.contract_kind, Some(ContractKind::FixedTerm));
    assert_eq!(draft.duration_months, Some(24));
}

#[test]
fn contract_written_in_the_duration_line() {
    let draft = parse_notice(&fixture("contract_in_duration_line.txt"));
    assert_eq!(draft.contract_kind, Some(ContractKind::FixedTerm));
    assert_eq!(draft.confidence.contract_kind, CHECK);
    assert_eq!(draft.duration_text.as_deref(), Some("up to 3 years"));
    assert_eq!(draft.duration_months, None);
    assert_eq!(
        draft.deadline,
        deadline(date(2026, 3, 9), None, "Asia/Singapore")
    );
}

#[test]
fn secondment_known_only_from_the_conditions_in_the_body() {
    let draft = parse_notice(&fixture("secondment_known_from_body.txt"));
    assert_eq!(draft.contract_kind, Some(ContractKind::Secondment));
    assert_eq!(draft.confidence.contract_kind, CHECK);
    assert_eq!(
        draft.title.as_deref(),
        Some("Specialized Officer, Environmental Crime")
    );
    assert_eq!(draft.duration_months, Some(36));
}

#[test]
fn aggregator_copy_of_an_internship_with_an_em_dash_prefix() {
    let expected = NoticeDraft {
        platform: Some(Platform::RecruitmentHub),
        reference: text("Internship 1750"),
        // The notice's own "Job Title", not the site's "Title" header.
        title: text("Data Analysis"),
        // The notice's "Duty station", not the site's "Location: France".
        duty_station: text("Lyon, France"),
        duty_zone: text("Europe/Paris"),
        contract_kind: Some(ContractKind::Internship),
        duration_months: Some(6),
        // The notice's deadline, not the site's "Deadline: Mar 31, 2026".
        deadline: deadline(date(2026, 3, 15), None, "Europe/Paris"),
        // Spanish as a mother tongue is "an asset": not required.
        languages: Some(vec![
            language("en", None, Some("good knowledge")),
            language("fr", None, Some("proficiency")),
        ]),
        ..NoticeDraft::default()
    };
    assert_eq!(parsed(&fixture("aggregator_internship_dash.txt")), expected);
}

#[test]
fn language_wordings_map_to_levels_through_the_setting() {
    use dossier_core::eligibility::LanguageWordingMap;
    let draft = parse_notice(&fixture("languages_wording.txt"));
    let languages = draft.languages.expect("languages are read");
    let map = LanguageWordingMap::default();
    let levels: Vec<(String, Option<Cefr>)> = languages
        .iter()
        .map(|l| {
            (
                l.language.clone(),
                l.wording.as_deref().and_then(|w| map.level_for(w)),
            )
        })
        .collect();
    assert_eq!(
        levels,
        vec![
            ("en".to_string(), Some(Cefr::C1)),
            ("fr".to_string(), Some(Cefr::C1)),
            ("ar".to_string(), Some(Cefr::C2)),
        ]
    );
}

// --- Text that must yield nothing ---

#[test]
fn prose_that_uses_the_labels_words_yields_nothing() {
    let draft = parse_notice(&fixture("negative_prose.txt"));
    assert!(draft.is_empty(), "{draft:#?}");
}

#[test]
fn near_labels_that_are_other_words_give_no_field() {
    let draft = parse_notice(&fixture("negative_near_labels.txt"));
    assert_eq!(draft.grade, None);
    assert_eq!(draft.duty_station, None);
    assert_eq!(draft.reference, None);
    assert_eq!(draft.contract_kind, None);
    assert_eq!(draft.deadline, None);
    assert_eq!(draft.deadline_without_zone, None);
    // There is a deadline line; what it says is shown as written, not read as a date.
    assert_eq!(
        draft.deadline_unreadable.as_deref(),
        Some("to be announced")
    );
}

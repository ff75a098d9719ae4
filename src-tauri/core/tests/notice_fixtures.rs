//! Whole notices in the published layouts (tests/fixtures/notices), each compared field by
//! field with what the parser must read, including the fields that must stay empty.

use chrono::{NaiveDate, NaiveTime};
use dossier_core::notice::{NoticeDraft, notice_text_from_html, parse_notice};
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
    };
    assert_eq!(parse_notice(&fixture("rh_fixed_term.txt")), expected);
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
    };
    assert_eq!(parse_notice(&fixture("rh_internship_sgt.txt")), expected);
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
    };
    assert_eq!(
        parse_notice(&fixture("rh_secondment_title_only.txt")),
        expected
    );
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
    };
    assert_eq!(
        parse_notice(&fixture("rh_roster_reserve_list.txt")),
        expected
    );
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
    };
    assert_eq!(
        parse_notice(&fixture("talentlink_secondment_french.txt")),
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
    };
    assert_eq!(
        parse_notice(&fixture("aggregator_run_together.txt")),
        expected
    );
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
    };
    assert_eq!(parse_notice(&fixture("aggregator_partial.txt")), expected);
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
    };
    assert_eq!(parse_notice(&fixture("rh_saved_page.html")), expected);
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

//! One test per format variant of docs/domain.md#vacancy-notices, each named after
//! the variant it covers.

use super::*;
use chrono::NaiveTime;

use crate::time::fixtures::date;

fn deadline(d: NaiveDate, time: Option<(u32, u32)>, zone: &str) -> Option<Deadline> {
    Some(Deadline {
        date: d,
        time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
        zone: zone.to_string(),
    })
}

// --- Recruitment Hub ---

#[test]
fn recruitment_hub_title_header_line_before_publication_date() {
    let n = parse_notice(
        "Criminal Intelligence Officer\nPublication Starting Date: Oct 30, 2025\nLocation: Lyon, France\n",
    );
    assert_eq!(n.title.as_deref(), Some("Criminal Intelligence Officer"));
    assert_eq!(n.published_on, Some(date(2025, 10, 30)));
    assert_eq!(n.platform, Some(Platform::RecruitmentHub));
}

#[test]
fn recruitment_hub_first_line_is_not_a_title_without_the_header_that_follows_it() {
    let n = parse_notice("Welcome to our job board\nLocation: Lyon, France\n");
    assert_eq!(n.title, None);
}

#[test]
fn recruitment_hub_publication_starting_date() {
    let n = parse_notice("Publication Starting Date: Oct 30, 2025");
    assert_eq!(n.published_on, Some(date(2025, 10, 30)));
}

#[test]
fn recruitment_hub_location_line() {
    let n = parse_notice("Location: Lyon, France");
    assert_eq!(n.duty_station.as_deref(), Some("Lyon, France"));
    assert_eq!(n.duty_zone.as_deref(), Some("Europe/Paris"));
}

#[test]
fn recruitment_hub_vacancy_notice_header() {
    let n = parse_notice("Vacancy Notice 1503\nJob Title: Analyst");
    assert_eq!(n.reference.as_deref(), Some("1503"));
    assert_eq!(n.platform, Some(Platform::RecruitmentHub));
    assert_eq!(n.contract_kind, None);
}

#[test]
fn recruitment_hub_vacancy_notice_header_in_capitals() {
    let n = parse_notice("VACANCY NOTICE 1574\n");
    assert_eq!(n.reference.as_deref(), Some("1574"));
    assert_eq!(n.platform, Some(Platform::RecruitmentHub));
}

#[test]
fn recruitment_hub_internship_header() {
    let n = parse_notice("Internship 1468\nJob title: Intern - Cybercrime\n");
    assert_eq!(n.reference.as_deref(), Some("Internship 1468"));
    assert_eq!(n.contract_kind, Some(ContractKind::Internship));
    assert_eq!(n.platform, Some(Platform::RecruitmentHub));
}

#[test]
fn recruitment_hub_job_title_label_in_every_case() {
    for label in ["Job Title:", "Job title:", "Title:", "JOB TITLE:"] {
        let n = parse_notice(&format!("{label} Crime Analyst\n"));
        assert_eq!(n.title.as_deref(), Some("Crime Analyst"), "{label}");
    }
}

#[test]
fn recruitment_hub_reporting_to_ends_the_value_before_it() {
    let n = parse_notice("Job Title: Crime AnalystReporting To: Head of Unit\n");
    assert_eq!(n.title.as_deref(), Some("Crime Analyst"));
}

#[test]
fn recruitment_hub_internship_duty_station() {
    let n = parse_notice("Internship 1468\nDuty station: Singapore\n");
    assert_eq!(n.duty_station.as_deref(), Some("Singapore"));
    assert_eq!(n.duty_zone.as_deref(), Some("Asia/Singapore"));
}

#[test]
fn recruitment_hub_type_of_contract_fixed_term() {
    let n = parse_notice("Type of contract: Fixed-term Contract\n");
    assert_eq!(n.contract_kind, Some(ContractKind::FixedTerm));
}

#[test]
fn recruitment_hub_type_of_contract_project_fixed_term() {
    let n = parse_notice("Type of contract: Project Fixed-term Contract\n");
    assert_eq!(n.contract_kind, Some(ContractKind::ProjectFixedTerm));
}

#[test]
fn recruitment_hub_secondment_known_only_from_title() {
    for title in [
        "SECONDMENT Criminal Intelligence Officer",
        "SECONDMENT - Criminal Intelligence Officer",
        "SECONDMENT – Criminal Intelligence Officer",
    ] {
        let n = parse_notice(&format!("Job Title: {title}\nGrade: 4\n"));
        assert_eq!(n.contract_kind, Some(ContractKind::Secondment), "{title}");
        assert_eq!(
            n.title.as_deref(),
            Some("Criminal Intelligence Officer"),
            "{title}"
        );
    }
}

#[test]
fn recruitment_hub_secondment_title_that_contradicts_the_contract_line_gives_no_kind() {
    let n =
        parse_notice("Job Title: SECONDMENT - Analyst\nType of contract: Fixed-term Contract\n");
    assert_eq!(n.contract_kind, None);
}

#[test]
fn recruitment_hub_duration_in_months() {
    let n = parse_notice("Duration (in months): 24.00\n");
    assert_eq!(n.duration_months, Some(24));
    assert_eq!(n.duration_text, None);
}

#[test]
fn recruitment_hub_duration_free_text() {
    let n = parse_notice("Duration (in months): through 4 August 2026\n");
    assert_eq!(n.duration_months, None);
    assert_eq!(n.duration_text.as_deref(), Some("through 4 August 2026"));
    let n = parse_notice("Duration (in months): up to 3 years\n");
    assert_eq!(n.duration_text.as_deref(), Some("up to 3 years"));
}

#[test]
fn recruitment_hub_grade_number() {
    assert_eq!(parse_notice("Grade: 6\n").grade.as_deref(), Some("6"));
    assert_eq!(parse_notice("Grade: 1\n").grade.as_deref(), Some("1"));
    assert_eq!(parse_notice("Grade: 10\n").grade.as_deref(), Some("10"));
}

#[test]
fn recruitment_hub_grade_unclassified() {
    assert_eq!(
        parse_notice("Grade: Unclassified\n").grade.as_deref(),
        Some("Unclassified")
    );
}

#[test]
fn recruitment_hub_roster_grade() {
    let n = parse_notice("Grade: Roster Grade 6\n");
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(n.is_roster, Some(true));
}

#[test]
fn recruitment_hub_grade_alternatives() {
    let n = parse_notice("Grade: 7 or 6\n");
    assert_eq!(n.grade.as_deref(), Some("7 or 6"));
    assert_eq!(n.is_roster, None);
}

#[test]
fn recruitment_hub_number_of_post_forms() {
    assert_eq!(parse_notice("Number of post: 1\n").posts, Some(1));
    assert_eq!(parse_notice("Number of posts: 2 posts\n").posts, Some(2));
    assert_eq!(
        parse_notice("Number of post (s): 1 post (s)\n").posts,
        Some(1)
    );
}

#[test]
fn recruitment_hub_reserve_list_exercise() {
    let n = parse_notice("Number of post: Reserve list exercise\n");
    assert_eq!(n.posts, None);
    assert_eq!(n.is_roster, Some(true));
}

#[test]
fn recruitment_hub_level_of_security_screening() {
    let n = parse_notice("Level of Security screening: Enhanced\n");
    assert_eq!(n.security_screening, Some(SecurityScreening::Enhanced));
}

#[test]
fn recruitment_hub_security_clearance_level() {
    let n = parse_notice("Security Clearance Level: Basic\n");
    assert_eq!(n.security_screening, Some(SecurityScreening::Basic));
}

#[test]
fn recruitment_hub_deadline_for_application_date_only() {
    let n = parse_notice("Location: Lyon, France\nDeadline for application: 23 November 2025\n");
    assert_eq!(
        n.deadline,
        deadline(date(2025, 11, 23), None, "Europe/Paris")
    );
    assert_eq!(n.deadline_unreadable, None);
}

#[test]
fn recruitment_hub_internship_deadline_for_applications_with_time_and_zone() {
    let n = parse_notice(
        "Internship 1468\nDuty station: Singapore\nDeadline for applications: 10 April 2026, 23h59 SGT\n",
    );
    assert_eq!(
        n.deadline,
        deadline(date(2026, 4, 10), Some((23, 59)), "Asia/Singapore")
    );
}

// --- Talentlink ---

#[test]
fn talentlink_title_of_the_post() {
    let n = parse_notice("Title of the post: Specialized Officer\n");
    assert_eq!(n.title.as_deref(), Some("Specialized Officer"));
    assert_eq!(n.platform, Some(Platform::Talentlink));
}

#[test]
fn talentlink_reference_of_the_post() {
    let n = parse_notice("Reference of the post: INT04606\n");
    assert_eq!(n.reference.as_deref(), Some("INT04606"));
    assert_eq!(n.platform, Some(Platform::Talentlink));
}

#[test]
fn talentlink_directorate_ends_the_value_before_it() {
    let n = parse_notice("Title of the post: AnalystDirectorate: Cybercrime\n");
    assert_eq!(n.title.as_deref(), Some("Analyst"));
}

#[test]
fn talentlink_duty_station() {
    let n = parse_notice("Duty station: Lyon, France\n");
    assert_eq!(n.duty_station.as_deref(), Some("Lyon, France"));
    assert_eq!(n.duty_zone.as_deref(), Some("Europe/Paris"));
}

#[test]
fn talentlink_length_and_type_of_contract() {
    let n = parse_notice("Length and type of contract: 3 years, Secondment\n");
    assert_eq!(n.contract_kind, Some(ContractKind::Secondment));
    assert_eq!(n.duration_months, Some(36));
    assert_eq!(n.platform, Some(Platform::Talentlink));
}

#[test]
fn talentlink_grade_posts_and_security_level() {
    let n = parse_notice("Grade: 4\nNumber of posts: 1\nSecurity level: Enhanced\n");
    assert_eq!(n.grade.as_deref(), Some("4"));
    assert_eq!(n.posts, Some(1));
    assert_eq!(n.security_screening, Some(SecurityScreening::Enhanced));
}

#[test]
fn talentlink_deadline_without_space_after_colon() {
    let n = parse_notice("Duty station: Lyon\nDeadline for application:12 February 2025\n");
    assert_eq!(
        n.deadline,
        deadline(date(2025, 2, 12), None, "Europe/Paris")
    );
}

#[test]
fn talentlink_french_values_under_english_labels() {
    let n = parse_notice(
        "Duty station: Singapour\nLength and type of contract: 2 ans, Mise à disposition\n\
         Security level: Renforcé\nDeadline for application: 12 février 2025\n",
    );
    assert_eq!(n.duty_station.as_deref(), Some("Singapour"));
    assert_eq!(n.duty_zone.as_deref(), Some("Asia/Singapore"));
    assert_eq!(n.contract_kind, Some(ContractKind::Secondment));
    assert_eq!(n.duration_months, Some(24));
    assert_eq!(n.security_screening, Some(SecurityScreening::Enhanced));
    assert_eq!(
        n.deadline,
        deadline(date(2025, 2, 12), None, "Asia/Singapore")
    );
}

#[test]
fn talentlink_french_basic_security() {
    assert_eq!(
        parse_notice("Security level: Basique\n").security_screening,
        Some(SecurityScreening::Basic)
    );
    assert_eq!(
        parse_notice("Security level: Renforcée\n").security_screening,
        Some(SecurityScreening::Enhanced)
    );
}

// --- Aggregator copies ---

#[test]
fn aggregator_fields_run_together() {
    let n = parse_notice(
        "Grade: 6Number of posts: 1Duty station: LyonDeadline for application: 23 November 2025",
    );
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(n.posts, Some(1));
    assert_eq!(n.duty_station.as_deref(), Some("Lyon"));
    assert_eq!(
        n.deadline,
        deadline(date(2025, 11, 23), None, "Europe/Paris")
    );
}

#[test]
fn aggregator_label_and_value_on_separate_lines() {
    let n = parse_notice("Grade:\n6\nDuty station\nLyon, France\nNumber of posts:\n\n2\n");
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(n.duty_station.as_deref(), Some("Lyon, France"));
    assert_eq!(n.posts, Some(2));
}

#[test]
fn aggregator_markers_stuck_to_values() {
    let n = parse_notice("Duty station: Lyon*\nGrade: Roster**\n");
    assert_eq!(n.duty_station.as_deref(), Some("Lyon"));
    assert_eq!(n.duty_zone.as_deref(), Some("Europe/Paris"));
    assert_eq!(n.is_roster, Some(true));
    assert_eq!(n.grade, None);
}

#[test]
fn aggregator_closing_date_when_no_official_deadline() {
    let n = parse_notice("Location: Lyon, France\nClosing Date: 2026-03-31\n");
    assert_eq!(
        n.deadline,
        deadline(date(2026, 3, 31), None, "Europe/Paris")
    );
    let n = parse_notice("Location: Lyon, France\nDeadline: Jul 9, 2026\n");
    assert_eq!(n.deadline, deadline(date(2026, 7, 9), None, "Europe/Paris"));
}

#[test]
fn aggregator_dates_lose_to_the_official_deadline() {
    let n = parse_notice(
        "Closing Date: 2026-03-31\nLocation: Lyon\nDeadline for application: 23 March 2026\nDeadline: Jul 9, 2026\n",
    );
    assert_eq!(
        n.deadline,
        deadline(date(2026, 3, 23), None, "Europe/Paris")
    );
}

#[test]
fn aggregator_trailing_spaces_tabs_crlf_and_non_breaking_spaces() {
    let n =
        parse_notice("Job Title:\u{a0}Analyst   \r\nGrade:\t6 \t\r\nLocation:  Lyon, France  \r\n");
    assert_eq!(n.title.as_deref(), Some("Analyst"));
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(n.duty_station.as_deref(), Some("Lyon, France"));
}

#[test]
fn aggregator_partial_notice_without_title_or_deadline() {
    let n = parse_notice("Grade: 5\nLocation: Nairobi, Kenya\n");
    assert_eq!(n.title, None);
    assert_eq!(n.deadline, None);
    assert_eq!(n.deadline_unreadable, None);
    assert_eq!(n.duty_zone.as_deref(), Some("Africa/Nairobi"));
}

// --- Deadlines and zones ---

#[test]
fn deadline_without_any_zone_keeps_its_date_and_asks_for_the_zone() {
    let n = parse_notice("Deadline for application: 23 November 2025\n");
    assert_eq!(n.deadline, None);
    assert_eq!(n.deadline_unreadable, None);
    assert_eq!(
        n.deadline_without_zone,
        Some(LocalDeadline {
            date: NaiveDate::from_ymd_opt(2025, 11, 23).unwrap(),
            time: None,
        })
    );
    assert_eq!(n.confidence.deadline, Some(Confidence::Check));
}

#[test]
fn deadline_unreadable_is_flagged_as_written() {
    let n = parse_notice("Location: Lyon\nDeadline for application: until the post is filled \n");
    assert_eq!(n.deadline, None);
    assert_eq!(
        n.deadline_unreadable.as_deref(),
        Some("until the post is filled")
    );
}

#[test]
fn deadline_zone_abbreviation_without_station_gives_a_fixed_zone() {
    let n = parse_notice("Deadline for application: 10 April 2026, 23h59 SGT\n");
    assert_eq!(
        n.deadline,
        deadline(date(2026, 4, 10), Some((23, 59)), "Etc/GMT-8")
    );
}

#[test]
fn deadline_lyon_on_cet_and_cest() {
    let winter =
        parse_notice("Location: Lyon\nDeadline for application: 23 November 2025, 23:59 CET\n");
    assert_eq!(
        winter.deadline,
        deadline(date(2025, 11, 23), Some((23, 59)), "Europe/Paris")
    );
    let summer =
        parse_notice("Location: Lyon\nDeadline for application: 9 July 2026, 11:59 PM CEST\n");
    assert_eq!(
        summer.deadline,
        deadline(date(2026, 7, 9), Some((23, 59)), "Europe/Paris")
    );
}

#[test]
fn deadline_in_a_zone_other_than_the_station_keeps_the_written_offset() {
    let n =
        parse_notice("Location: Singapore\nDeadline for application: 10 April 2026, 23:59 CET\n");
    assert_eq!(
        n.deadline,
        deadline(date(2026, 4, 10), Some((23, 59)), "Etc/GMT-1")
    );
}

#[test]
fn every_duty_station_gives_its_zone() {
    for (station, zone) in [
        ("Lyon", "Europe/Paris"),
        ("Singapore", "Asia/Singapore"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("San Salvador", "America/El_Salvador"),
        ("Abidjan", "Africa/Abidjan"),
        ("Nairobi", "Africa/Nairobi"),
        ("Harare", "Africa/Harare"),
        ("Yaoundé", "Africa/Douala"),
        ("Bangkok", "Asia/Bangkok"),
        ("Brussels", "Europe/Brussels"),
        ("New York", "America/New_York"),
        ("Addis Ababa", "Africa/Addis_Ababa"),
        ("London", "Europe/London"),
    ] {
        let n = parse_notice(&format!("Duty station: {station}\n"));
        assert_eq!(n.duty_zone.as_deref(), Some(zone), "{station}");
    }
    let unknown = parse_notice("Duty station: Paris\n");
    assert_eq!(unknown.duty_station.as_deref(), Some("Paris"));
    assert_eq!(unknown.duty_zone, None);
}

// --- Security wording ---

#[test]
fn security_interpol_restricted_and_confidential() {
    assert_eq!(
        parse_notice("Level of Security screening: INTERPOL Restricted\n").security_screening,
        Some(SecurityScreening::Basic)
    );
    assert_eq!(
        parse_notice("The post requires clearance to INTERPOL Confidential level.")
            .security_screening,
        Some(SecurityScreening::Enhanced)
    );
}

// --- Platform evidence ---

#[test]
fn platform_from_evidence_only() {
    assert_eq!(parse_notice("Grade: 6\nLocation: Lyon\n").platform, None);
    assert_eq!(
        parse_notice("Apply at https://career5.successfactors.eu/career?company=interpol").platform,
        Some(Platform::RecruitmentHub)
    );
    assert_eq!(
        parse_notice("Reference: INT04606").platform,
        Some(Platform::Talentlink)
    );
    assert_eq!(
        parse_notice("Vacancy Notice 1503\nReference of the post: INT04606").platform,
        None
    );
}

#[test]
fn conflicting_references_give_none() {
    let n = parse_notice("Vacancy Notice 1503\nReference: 1504\n");
    assert_eq!(n.reference, None);
    let same = parse_notice("Internship 1468\nReference: 1468\n");
    assert_eq!(same.reference.as_deref(), Some("Internship 1468"));
}

// --- Languages, education, experience ---

#[test]
fn languages_required_in_the_notice_wording() {
    let n = parse_notice(
        "Required skills:\n- Excellent knowledge of English.\n- Working knowledge of French would be an asset.\n",
    );
    assert_eq!(
        n.languages,
        Some(vec![LanguageRequirement {
            language: "en".into(),
            level: None,
            wording: Some("excellent".into()),
        }])
    );
    assert_eq!(parse_notice("Grade: 6").languages, None);
}

#[test]
fn education_and_experience_when_stated_as_required() {
    let n = parse_notice(
        "Required education: a Bachelor's degree in law.\nA minimum of 5 years of relevant experience is required.\n",
    );
    assert_eq!(n.min_education, Some(EducationLevel::Bachelor));
    assert_eq!(n.min_experience_years, Some(5));
}

// --- Notice address ---

#[test]
fn notice_url_only_from_a_notice_host() {
    let n = parse_notice(
        "Shared from https://www.example.com/share\nSee https://careers.interpol.int/job/Lyon-Analyst/1503/ for details.",
    );
    assert_eq!(
        n.notice_url.as_deref(),
        Some("https://careers.interpol.int/job/Lyon-Analyst/1503/")
    );
    assert_eq!(parse_notice("https://www.example.com/x").notice_url, None);
}

// --- HTML and limits ---

#[test]
fn html_is_converted_before_reading() {
    let n = parse_notice(
        "<html><head><link rel=\"canonical\" href=\"https://career5.successfactors.eu/job/1503\">\
         <script>var grade = 'Grade: 9';</script></head><body><h1>Vacancy Notice 1503</h1>\
         <table><tr><td>Job Title:</td><td>Crime Analyst</td></tr><tr><td>Grade</td><td>6</td></tr>\
         <tr><td>Location:</td><td>Lyon, France</td></tr></table>\
         <p>Deadline for application: 23&nbsp;November&nbsp;2025</p></body></html>",
    );
    assert_eq!(n.reference.as_deref(), Some("1503"));
    assert_eq!(n.title.as_deref(), Some("Crime Analyst"));
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(
        n.deadline,
        deadline(date(2025, 11, 23), None, "Europe/Paris")
    );
    assert_eq!(
        n.notice_url.as_deref(),
        Some("https://career5.successfactors.eu/job/1503")
    );
}

#[test]
fn text_beyond_the_limit_is_ignored_without_panicking() {
    let mut text = "Grade: 6\n".to_string();
    text.push_str(&"é".repeat(MAX_NOTICE_BYTES));
    text.push_str("\nNumber of posts: 3");
    let n = parse_notice(&text);
    assert_eq!(n.grade.as_deref(), Some("6"));
    assert_eq!(n.posts, None);
}

#[test]
fn text_that_is_not_a_notice_gives_an_empty_draft() {
    assert!(parse_notice("").is_empty());
    assert!(parse_notice("Hello, this is a letter about something else entirely.").is_empty());
}

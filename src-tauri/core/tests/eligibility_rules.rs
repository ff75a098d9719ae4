//! The eligibility rules (docs/domain.md#eligibility) and the member-country data they use:
//! every rule's pass, fail and unknown, and property tests for the age boundary and for
//! overlapping employment.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use dossier_core::countries;
use dossier_core::eligibility::age::{age_on, birthday_in, turns};
use dossier_core::eligibility::experience::{days_in_years, union_days};
use dossier_core::eligibility::{
    AgeDay, Assessment, LanguageWordingMap, NoticePart, Reason, RuleId, RuleOutcome, RuleStatus,
    Source, Tense, Verdict, WordingLevel, assess, assess_with,
};
use dossier_core::profile::{
    Cefr, Education, EducationLevel, Employment, LanguageSkill, LawEnforcement, Profile,
    StudyStatus, WorkTime,
};
use dossier_core::sources;
use dossier_core::vacancy::{
    ApplyRoute, ContractKind, Deadline, LanguageRequirement, Platform, Vacancy, VacancyInput,
};
use proptest::prelude::*;

/// The INTERPOL pages an outcome cites, in its order.
fn pages_cited(o: &RuleOutcome) -> Vec<sources::PageId> {
    o.source
        .iter()
        .filter_map(|s| match s {
            Source::Page { page } => Some(*page),
            _ => None,
        })
        .collect()
}

mod support;
use support::date;

/// The day the candidate looks at the notice.
fn today() -> NaiveDate {
    date(2025, 11, 10)
}

fn notice() -> VacancyInput {
    VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: Some("6".into()),
        posts: Some(1),
        duration_months: Some(24),
        published_on: Some(date(2025, 10, 30)),
        deadline: Some(Deadline {
            date: date(2025, 11, 23),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..VacancyInput::new(
            Platform::RecruitmentHub,
            "1503",
            "Criminal Intelligence Officer",
        )
    }
}

fn vacancy(input: VacancyInput) -> Vacancy {
    let stamp: DateTime<Utc> = "2025-11-01T09:00:00Z".parse().unwrap();
    Vacancy {
        id: 7,
        apply_route: ApplyRoute::for_contract(input.contract_kind),
        input,
        deadline_utc: None,
        created_utc: stamp,
        updated_utc: stamp,
    }
}

fn skill(language: &str, level: Cefr) -> LanguageSkill {
    LanguageSkill {
        language: language.into(),
        level,
        certificate: None,
    }
}

fn study(level: EducationLevel, status: StudyStatus, to: Option<NaiveDate>) -> Education {
    Education {
        id: 0,
        level,
        field: "Criminology".into(),
        institution: "Université Lyon 3".into(),
        from: Some(date(2015, 9, 1)),
        to,
        status,
    }
}

fn job(from: NaiveDate, to: Option<NaiveDate>, work_time: WorkTime) -> Employment {
    Employment {
        id: 0,
        employer: "Police nationale".into(),
        title: "Analyst".into(),
        from,
        to,
        work_time,
        duties: None,
    }
}

/// A candidate who meets every rule of the default notice.
fn candidate() -> Profile {
    Profile {
        full_name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        date_of_birth: Some(date(1990, 4, 23)),
        nationalities: vec!["SN".into()],
        country_of_origin: Some("SN".into()),
        residences: vec![],
        languages: vec![skill("en", Cefr::C1), skill("fr", Cefr::C2)],
        law_enforcement: LawEnforcement::default(),
        education: vec![study(
            EducationLevel::Master,
            StudyStatus::Completed,
            Some(date(2017, 6, 30)),
        )],
        employment: vec![job(date(2017, 9, 1), None, WorkTime::FullTime)],
        references: vec![],
    }
}

fn run(profile: &Profile, input: VacancyInput) -> Assessment {
    assess(profile, &vacancy(input), today())
}

fn rule(a: &Assessment, id: RuleId) -> &RuleOutcome {
    let mut found = a.rules.iter().filter(|r| r.rule == id);
    let first = found
        .next()
        .unwrap_or_else(|| panic!("no {id:?} rule in {a:#?}"));
    assert!(found.next().is_none(), "{id:?} listed twice");
    first
}

fn language_rule<'a>(a: &'a Assessment, code: &str) -> &'a RuleOutcome {
    a.rules
        .iter()
        .find(|r| r.rule == RuleId::Language && r.subject.as_deref() == Some(code))
        .unwrap_or_else(|| panic!("no language rule for {code} in {a:#?}"))
}

fn assert_status(outcome: &RuleOutcome, status: RuleStatus) {
    assert_eq!(outcome.status, status, "{outcome:#?}");
    assert!(!outcome.source.is_empty());
    assert_eq!(
        outcome.missing.is_some(),
        status == RuleStatus::Unknown
            && !matches!(outcome.reason, Reason::LanguageUnknownWording { .. }),
        "{outcome:#?}"
    );
}

// ---------------------------------------------------------------- member countries

#[test]
fn there_are_196_member_countries_with_an_as_of_date_and_a_source() {
    assert_eq!(countries::members().len(), 196);
    let list = countries::member_list();
    assert_eq!(list.countries.len(), 196);
    assert_eq!(list.as_of, date(2023, 11, 29));
    assert!(
        list.source.contains(sources::MEMBER_COUNTRIES.title)
            && list.source.contains(sources::MEMBER_COUNTRIES.address),
        "{}",
        list.source
    );
    assert!(list.countries.iter().all(|c| c.interpol_member));
}

#[test]
fn the_members_outside_the_un_are_members_and_the_un_states_outside_interpol_are_not() {
    for (code, name) in [
        ("PW", "Palau"),
        ("VA", "Vatican City"),
        ("CW", "Curaçao"),
        ("AW", "Aruba"),
        ("SX", "Sint Maarten"),
        ("PS", "Palestine"),
        ("FR", "France"),
        ("FM", "Micronesia"),
        ("SB", "Solomon Islands"),
    ] {
        assert!(countries::is_member(code), "{code}");
        assert_eq!(countries::name(code), Some(name));
    }
    for code in ["KP", "TV", "XK", "TW", "PR", "HK", "GL"] {
        assert!(!countries::is_member(code), "{code}");
        assert!(countries::is_known_code(code), "{code}");
    }
}

#[test]
fn known_codes_are_iso_3166_alpha_2_and_kosovo_in_any_case() {
    assert_eq!(countries::name("XK"), Some("Kosovo"));
    assert_eq!(countries::name("kp"), Some("North Korea"));
    assert!(countries::is_member("fr"));
    for bad in ["", "F", "FRA", "ZZ", "EU", "UK", "1A", "É"] {
        assert!(!countries::is_known_code(bad), "{bad:?}");
        assert!(!countries::is_member(bad), "{bad:?}");
        assert_eq!(countries::name(bad), None, "{bad:?}");
    }
    assert_eq!(countries::describe("XK"), "Kosovo (XK)");
    assert_eq!(countries::describe("tv"), "Tuvalu (TV)");
}

#[test]
fn every_country_can_be_offered_with_its_membership() {
    let all = countries::all_countries();
    // The 248 ISO 3166-1 codes the iso3166 crate knows, plus Kosovo.
    assert_eq!(all.len(), 249);
    assert_eq!(all.iter().filter(|c| c.interpol_member).count(), 196);
    let kosovo = all.iter().find(|c| c.code == "XK").unwrap();
    assert!(!kosovo.interpol_member);
    assert!(all.windows(2).all(|w| w[0].name <= w[1].name));
    let json = serde_json::to_value(&all[0]).unwrap();
    assert!(json.get("interpolMember").is_some(), "{json}");
}

// ---------------------------------------------------------------- nationality

#[test]
fn a_national_of_a_member_country_passes() {
    let a = run(&candidate(), notice());
    let r = rule(&a, RuleId::Nationality);
    assert_status(r, RuleStatus::Pass);
    assert_eq!(
        r.reason,
        Reason::NationalityMember {
            country: "SN".into()
        }
    );
    assert_eq!(
        r.source,
        [
            Source::Page {
                page: sources::PageId::Vacancies
            },
            Source::Page {
                page: sources::PageId::MemberCountries
            },
            Source::MemberList {
                as_of: date(2023, 11, 29)
            },
        ]
    );
}

#[test]
fn one_member_nationality_among_several_suffices() {
    let mut p = candidate();
    p.nationalities = vec!["XK".into(), "AL".into()];
    let a = run(&p, notice());
    assert_status(rule(&a, RuleId::Nationality), RuleStatus::Pass);
    assert_eq!(
        rule(&a, RuleId::Nationality).reason,
        Reason::NationalityMember {
            country: "AL".into()
        }
    );
}

#[test]
fn a_national_of_kosovo_only_fails_and_is_told_why() {
    let mut p = candidate();
    p.nationalities = vec!["XK".into()];
    let a = run(&p, notice());
    let r = rule(&a, RuleId::Nationality);
    assert_status(r, RuleStatus::Fail);
    assert_eq!(
        r.reason,
        Reason::NationalityNotMember {
            countries: vec!["XK".into()]
        }
    );
    assert_eq!(a.verdict, Verdict::NotEligible);
}

#[test]
fn several_non_member_nationalities_are_all_named() {
    let mut p = candidate();
    p.nationalities = vec!["KP".into(), "TV".into()];
    let r = rule(&run(&p, notice()), RuleId::Nationality).clone();
    assert_status(&r, RuleStatus::Fail);
    assert_eq!(
        r.reason,
        Reason::NationalityNotMember {
            countries: vec!["KP".into(), "TV".into()]
        }
    );
}

#[test]
fn no_nationality_is_unknown_and_points_at_the_field() {
    let mut p = candidate();
    p.nationalities.clear();
    let a = run(&p, notice());
    let r = rule(&a, RuleId::Nationality);
    assert_status(r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("nationalities"));
    assert_eq!(a.verdict, Verdict::Incomplete);
}

// ---------------------------------------------------------------- age

#[test]
fn an_adult_passes_the_age_rule_on_the_deadline() {
    let r = rule(&run(&candidate(), notice()), RuleId::Age).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(
            r.reason,
            Reason::AgeMet { age: 35, minimum: 18, day: AgeDay::Deadline, counted_on, .. }
                if counted_on == date(2025, 11, 23)
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn turning_18_on_the_deadline_day_counts_and_the_day_after_does_not() {
    let mut p = candidate();
    p.date_of_birth = Some(date(2007, 11, 23));
    assert_status(rule(&run(&p, notice()), RuleId::Age), RuleStatus::Pass);

    p.date_of_birth = Some(date(2007, 11, 24));
    let a = run(&p, notice());
    let r = rule(&a, RuleId::Age);
    assert_status(r, RuleStatus::Fail);
    assert!(
        matches!(
            r.reason,
            Reason::AgeUnder { age: 17, tense: Tense::Future, turns_on: Some(turns), .. }
                if turns == date(2025, 11, 24)
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn without_a_deadline_the_age_is_taken_today() {
    let mut input = notice();
    input.deadline = None;
    let mut p = candidate();
    // 18 on the deadline of the default notice, but not today.
    p.date_of_birth = Some(date(2007, 11, 20));
    let r = rule(&run(&p, input), RuleId::Age).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(
            r.reason,
            Reason::AgeUnder {
                day: AgeDay::TodayNoDeadline,
                tense: Tense::Present,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn a_29_february_birthday_turns_18_on_1_march_in_a_common_year() {
    let mut input = notice();
    let mut p = candidate();
    p.date_of_birth = Some(date(2008, 2, 29));
    input.deadline.as_mut().unwrap().date = date(2026, 2, 28);
    let a = assess(&p, &vacancy(input.clone()), date(2026, 2, 1));
    assert_status(rule(&a, RuleId::Age), RuleStatus::Fail);
    assert!(matches!(
        rule(&a, RuleId::Age).reason,
        Reason::AgeUnder { turns_on: Some(turns), .. } if turns == date(2026, 3, 1)
    ));

    input.deadline.as_mut().unwrap().date = date(2026, 3, 1);
    let a = assess(&p, &vacancy(input), date(2026, 2, 1));
    assert_status(rule(&a, RuleId::Age), RuleStatus::Pass);
}

#[test]
fn no_birth_date_is_unknown() {
    let mut p = candidate();
    p.date_of_birth = None;
    let r = rule(&run(&p, notice()), RuleId::Age).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("dateOfBirth"));
}

// ---------------------------------------------------------------- English

fn english(language: &str, level: Option<Cefr>, wording: Option<&str>) -> LanguageRequirement {
    LanguageRequirement {
        language: language.into(),
        level,
        wording: wording.map(str::to_string),
    }
}

#[test]
fn without_an_english_requirement_a_working_knowledge_b2_is_asked() {
    let mut p = candidate();
    p.languages = vec![skill("en", Cefr::B2)];
    let r = rule(&run(&p, notice()), RuleId::English).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(matches!(
        &r.reason,
        Reason::LanguageMet { needed: Cefr::B2, wording: Some(w), .. } if w == "working knowledge"
    ));
    assert_eq!(
        r.source,
        [
            Source::Page {
                page: sources::PageId::Vacancies
            },
            Source::Wording
        ]
    );
    assert_eq!(r.subject.as_deref(), Some("en"));

    p.languages = vec![skill("en", Cefr::B1)];
    let r = rule(&run(&p, notice()), RuleId::English).clone();
    assert_status(&r, RuleStatus::Fail);
    assert_eq!(
        r.reason,
        Reason::LanguageBelow {
            language: "en".into(),
            have: Cefr::B1,
            needed: Cefr::B2,
            wording: Some("working knowledge".into()),
        }
    );
}

#[test]
fn an_explicit_english_level_is_used_as_is() {
    let mut input = notice();
    input.languages = vec![english("en", Some(Cefr::C2), None)];
    let r = rule(&run(&candidate(), input), RuleId::English).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(matches!(
        r.reason,
        Reason::LanguageBelow {
            have: Cefr::C1,
            needed: Cefr::C2,
            wording: None,
            ..
        }
    ));
    assert_eq!(
        r.source,
        [Source::Notice {
            reference: Some("1503".into()),
            part: NoticePart::Languages
        }]
    );
}

#[test]
fn english_wording_goes_through_the_mapping() {
    let mut input = notice();
    input.languages = vec![english("EN", None, Some("Excellent knowledge of English"))];
    let mut p = candidate();
    p.languages = vec![skill("en", Cefr::B2)];
    let r = rule(&run(&p, input.clone()), RuleId::English).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(
            r.reason,
            Reason::LanguageBelow {
                needed: Cefr::C1,
                wording: Some(_),
                ..
            }
        ),
        "{:?}",
        r.reason
    );
    assert_eq!(r.source.last(), Some(&Source::Wording), "{:?}", r.source);

    // The candidate's own mapping decides: here "excellent" reads as B2.
    let map = LanguageWordingMap {
        entries: vec![WordingLevel {
            wording: "excellent".into(),
            level: Cefr::B2,
        }],
    };
    let a = assess_with(&p, &vacancy(input), today(), &map);
    assert_status(rule(&a, RuleId::English), RuleStatus::Pass);
}

#[test]
fn the_usual_english_requirement_follows_the_mapping_too() {
    let mut p = candidate();
    p.languages = vec![skill("en", Cefr::B1)];
    let map = LanguageWordingMap {
        entries: vec![WordingLevel {
            wording: "working knowledge".into(),
            level: Cefr::B1,
        }],
    };
    let a = assess_with(&p, &vacancy(notice()), today(), &map);
    assert_status(rule(&a, RuleId::English), RuleStatus::Pass);
}

#[test]
fn english_not_in_the_profile_is_unknown() {
    let mut p = candidate();
    p.languages = vec![skill("fr", Cefr::C2)];
    let r = rule(&run(&p, notice()), RuleId::English).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("languages"));
}

#[test]
fn an_english_wording_the_mapping_does_not_know_is_unknown_with_the_wording_named() {
    let mut input = notice();
    // "mother tongue" and "native" are in the default mapping now (issue 19); this one is not.
    input.languages = vec![english("en", None, Some("conversational"))];
    let a = run(&candidate(), input);
    let r = rule(&a, RuleId::English);
    assert_status(r, RuleStatus::Unknown);
    assert!(matches!(
        &r.reason,
        Reason::LanguageUnknownWording { wording, .. } if wording.contains("conversational")
    ));
    assert_eq!(a.verdict, Verdict::Incomplete);
}

#[test]
fn internships_ask_for_fluent_english_when_the_notice_says_nothing() {
    let mut input = notice();
    input.contract_kind = Some(ContractKind::Internship);
    let mut p = candidate();
    p.languages = vec![skill("en", Cefr::B2)];
    let r = rule(&run(&p, input), RuleId::English).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(
            &r.reason,
            Reason::LanguageBelow { needed: Cefr::C1, wording: Some(w), .. } if w == "fluent"
        ),
        "{:?}",
        r.reason
    );
    assert_eq!(
        pages_cited(&r),
        [sources::PageId::Internships],
        "{:?}",
        r.source
    );
}

// ---------------------------------------------------------------- other languages

#[test]
fn each_other_language_required_is_checked_at_its_level() {
    let mut input = notice();
    input.languages = vec![
        english("en", Some(Cefr::B2), None),
        english("fr", None, Some("fluent")),
        english("ar", Some(Cefr::B1), None),
        english("es", None, Some("working knowledge")),
    ];
    let mut p = candidate();
    p.languages = vec![
        skill("en", Cefr::C1),
        skill("fr", Cefr::B2),
        skill("ar", Cefr::B1),
    ];
    let a = run(&p, input);
    let fr = language_rule(&a, "fr");
    assert_status(fr, RuleStatus::Fail);
    assert_eq!(
        fr.reason,
        Reason::LanguageBelow {
            language: "fr".into(),
            have: Cefr::B2,
            needed: Cefr::C1,
            wording: Some("fluent".into()),
        }
    );
    assert_status(language_rule(&a, "ar"), RuleStatus::Pass);
    let es = language_rule(&a, "es");
    assert_status(es, RuleStatus::Unknown);
    assert!(
        matches!(&es.reason, Reason::LanguageMissing { language, .. } if language == "es"),
        "{:?}",
        es.reason
    );
    // English is checked once, by its own rule.
    assert_eq!(
        a.rules
            .iter()
            .filter(|r| r.rule == RuleId::Language)
            .count(),
        3
    );
    assert_eq!(a.verdict, Verdict::NotEligible);
}

#[test]
fn another_language_in_an_unknown_wording_is_unknown() {
    let mut input = notice();
    input.languages = vec![english("fr", None, Some("conversational level"))];
    let r = language_rule(&run(&candidate(), input), "fr").clone();
    assert_eq!(r.status, RuleStatus::Unknown);
    assert!(matches!(
        &r.reason,
        Reason::LanguageUnknownWording { language, wording }
            if language == "fr" && wording.contains("conversational level")
    ));
}

#[test]
fn native_and_mother_tongue_ask_for_the_highest_level() {
    let mut input = notice();
    input.languages = vec![english("fr", None, Some("native"))];
    let r = language_rule(&run(&candidate(), input), "fr").clone();
    assert_ne!(r.status, RuleStatus::Unknown, "{r:#?}");
}

// ---------------------------------------------------------------- secondment

fn secondment() -> VacancyInput {
    VacancyInput {
        contract_kind: Some(ContractKind::Secondment),
        ..notice()
    }
}

#[test]
fn the_secondment_rule_does_not_apply_to_other_posts() {
    let a = run(&candidate(), notice());
    let r = rule(&a, RuleId::Secondment);
    assert_eq!(r.status, RuleStatus::NotApplicable);
    assert_eq!(a.verdict, Verdict::Eligible);
}

#[test]
fn a_serving_official_of_a_member_country_passes_the_secondment_rule() {
    let mut p = candidate();
    p.law_enforcement = LawEnforcement {
        serving: Some(true),
        country: Some("SN".into()),
        agency: Some("Police nationale".into()),
    };
    let r = rule(&run(&p, secondment()), RuleId::Secondment).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(r.reason, Reason::SecondmentMet { .. }),
        "{:?}",
        r.reason
    );
}

#[test]
fn not_serving_fails_the_secondment_rule() {
    let mut p = candidate();
    p.law_enforcement.serving = Some(false);
    assert_status(
        rule(&run(&p, secondment()), RuleId::Secondment),
        RuleStatus::Fail,
    );
}

#[test]
fn serving_a_country_that_is_not_a_member_fails_the_secondment_rule() {
    let mut p = candidate();
    p.law_enforcement = LawEnforcement {
        serving: Some(true),
        country: Some("XK".into()),
        agency: None,
    };
    let r = rule(&run(&p, secondment()), RuleId::Secondment).clone();
    assert_status(&r, RuleStatus::Fail);
    assert_eq!(
        r.reason,
        Reason::SecondmentCountryNotMember {
            country: "XK".into()
        }
    );
}

#[test]
fn an_unanswered_serving_question_or_country_is_unknown() {
    let mut p = candidate();
    let r = rule(&run(&p, secondment()), RuleId::Secondment).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("lawEnforcement.serving"));

    p.law_enforcement.serving = Some(true);
    let r = rule(&run(&p, secondment()), RuleId::Secondment).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("lawEnforcement.country"));
}

// ---------------------------------------------------------------- internship

fn internship() -> VacancyInput {
    VacancyInput {
        contract_kind: Some(ContractKind::Internship),
        reference: "Internship 1468".into(),
        ..notice()
    }
}

#[test]
fn the_internship_rule_does_not_apply_to_other_posts() {
    assert_eq!(
        rule(&run(&candidate(), notice()), RuleId::Internship).status,
        RuleStatus::NotApplicable
    );
}

#[test]
fn a_student_enrolled_in_post_secondary_studies_passes() {
    let mut p = candidate();
    p.education = vec![study(EducationLevel::Bachelor, StudyStatus::Enrolled, None)];
    assert_status(
        rule(&run(&p, internship()), RuleId::Internship),
        RuleStatus::Pass,
    );
}

#[test]
fn a_graduate_of_the_past_year_passes_and_an_older_graduate_fails() {
    let mut p = candidate();
    p.education = vec![study(
        EducationLevel::PostSecondary,
        StudyStatus::Completed,
        Some(today() - Duration::days(200)),
    )];
    assert_status(
        rule(&run(&p, internship()), RuleId::Internship),
        RuleStatus::Pass,
    );

    // Exactly a year ago still counts; a day more does not.
    p.education[0].to = Some(date(2024, 11, 10));
    assert_status(
        rule(&run(&p, internship()), RuleId::Internship),
        RuleStatus::Pass,
    );
    p.education[0].to = Some(date(2024, 11, 9));
    let r = rule(&run(&p, internship()), RuleId::Internship).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(r.reason, Reason::InternshipGraduatedTooLongAgo { last_ended, .. }
            if last_ended == date(2024, 11, 9)),
        "{:?}",
        r.reason
    );
}

#[test]
fn secondary_school_alone_does_not_open_an_internship() {
    let mut p = candidate();
    p.education = vec![study(
        EducationLevel::Secondary,
        StudyStatus::Enrolled,
        None,
    )];
    let r = rule(&run(&p, internship()), RuleId::Internship).clone();
    assert_status(&r, RuleStatus::Fail);
    assert_eq!(r.reason, Reason::InternshipNoPostSecondary);
}

#[test]
fn no_studies_or_no_completion_date_is_unknown() {
    let mut p = candidate();
    p.education.clear();
    let r = rule(&run(&p, internship()), RuleId::Internship).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("education"));

    p.education = vec![
        study(
            EducationLevel::Secondary,
            StudyStatus::Completed,
            Some(date(2012, 6, 30)),
        ),
        study(EducationLevel::Bachelor, StudyStatus::Completed, None),
    ];
    let r = rule(&run(&p, internship()), RuleId::Internship).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("education[1].to"));
}

// ---------------------------------------------------------------- education

#[test]
fn the_education_rule_applies_only_when_the_notice_names_a_minimum() {
    assert_eq!(
        rule(&run(&candidate(), notice()), RuleId::Education).status,
        RuleStatus::NotApplicable
    );
}

#[test]
fn completed_studies_at_or_above_the_minimum_pass() {
    let mut input = notice();
    input.min_education = Some(EducationLevel::Bachelor);
    let r = rule(&run(&candidate(), input.clone()), RuleId::Education).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(
            r.reason,
            Reason::EducationMet {
                completed: EducationLevel::Master,
                ..
            }
        ),
        "{:?}",
        r.reason
    );

    input.min_education = Some(EducationLevel::Master);
    assert_status(
        rule(&run(&candidate(), input), RuleId::Education),
        RuleStatus::Pass,
    );
}

#[test]
fn studies_below_the_minimum_or_in_progress_fail() {
    let mut input = notice();
    input.min_education = Some(EducationLevel::Master);
    let mut p = candidate();
    p.education = vec![
        study(
            EducationLevel::Bachelor,
            StudyStatus::Completed,
            Some(date(2014, 6, 30)),
        ),
        study(EducationLevel::Master, StudyStatus::Enrolled, None),
    ];
    let r = rule(&run(&p, input), RuleId::Education).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(
            r.reason,
            Reason::EducationBelow {
                highest: Some(EducationLevel::Bachelor),
                in_progress: true,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn no_studies_listed_is_unknown_for_the_education_rule() {
    let mut input = notice();
    input.min_education = Some(EducationLevel::Bachelor);
    let mut p = candidate();
    p.education.clear();
    let r = rule(&run(&p, input), RuleId::Education).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("education"));
}

// ---------------------------------------------------------------- experience

fn wants_years(years: u32) -> VacancyInput {
    VacancyInput {
        min_experience_years: Some(years),
        ..notice()
    }
}

#[test]
fn the_experience_rule_applies_only_when_the_notice_names_a_minimum() {
    assert_eq!(
        rule(&run(&candidate(), notice()), RuleId::Experience).status,
        RuleStatus::NotApplicable
    );
}

#[test]
fn a_position_still_held_counts_up_to_today() {
    // From 1 September 2017 to 10 November 2025: 8 years and 2 months.
    let r = rule(&run(&candidate(), wants_years(8)), RuleId::Experience).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(
            r.reason,
            Reason::ExperienceCounted {
                years: 8,
                months: 2,
                met: true,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
    assert_status(
        rule(&run(&candidate(), wants_years(9)), RuleId::Experience),
        RuleStatus::Fail,
    );
}

#[test]
fn overlapping_positions_count_once() {
    let mut p = candidate();
    p.employment = vec![
        job(
            date(2018, 1, 1),
            Some(date(2020, 12, 31)),
            WorkTime::FullTime,
        ),
        job(
            date(2019, 1, 1),
            Some(date(2021, 12, 31)),
            WorkTime::FullTime,
        ),
    ];
    // Four calendar years, though the positions add up to six.
    assert_status(
        rule(&run(&p, wants_years(4)), RuleId::Experience),
        RuleStatus::Pass,
    );
    let r = rule(&run(&p, wants_years(5)), RuleId::Experience).clone();
    assert_status(&r, RuleStatus::Fail);
    assert!(
        matches!(
            r.reason,
            Reason::ExperienceCounted {
                years: 4,
                minimum_years: 5,
                met: false,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn part_time_counts_as_calendar_time_and_the_reason_says_so() {
    let mut p = candidate();
    p.employment = vec![job(
        date(2020, 1, 1),
        Some(date(2022, 12, 31)),
        WorkTime::PartTime,
    )];
    let r = rule(&run(&p, wants_years(3)), RuleId::Experience).clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(
            r.reason,
            Reason::ExperienceCounted {
                part_time: true,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
}

#[test]
fn no_employment_listed_is_unknown() {
    let mut p = candidate();
    p.employment.clear();
    let r = rule(&run(&p, wants_years(2)), RuleId::Experience).clone();
    assert_status(&r, RuleStatus::Unknown);
    assert_eq!(r.missing.as_deref(), Some("employment"));
}

// ---------------------------------------------------------------- verdict and shape

#[test]
fn a_candidate_meeting_every_rule_is_eligible_and_every_rule_is_listed() {
    let mut input = notice();
    input.min_education = Some(EducationLevel::Bachelor);
    input.min_experience_years = Some(5);
    let a = run(&candidate(), input);
    assert_eq!(a.verdict, Verdict::Eligible, "{a:#?}");
    assert_eq!(a.assessed_on, today());
    let ids: Vec<RuleId> = a.rules.iter().map(|r| r.rule).collect();
    assert_eq!(
        ids,
        vec![
            RuleId::Nationality,
            RuleId::Age,
            RuleId::English,
            RuleId::Secondment,
            RuleId::Internship,
            RuleId::Education,
            RuleId::Experience,
        ]
    );
}

#[test]
fn a_failed_rule_outweighs_an_unknown_one() {
    let mut p = candidate();
    p.date_of_birth = None;
    p.nationalities = vec!["TV".into()];
    assert_eq!(run(&p, notice()).verdict, Verdict::NotEligible);
}

#[test]
fn the_assessment_serializes_for_the_ui_in_camel_case_with_snake_case_enums() {
    let mut p = candidate();
    p.date_of_birth = None;
    let json = serde_json::to_value(run(&p, secondment())).unwrap();
    assert_eq!(json["verdict"], "incomplete");
    assert_eq!(json["assessedOn"], "2025-11-10");
    let secondment = &json["rules"][3];
    assert_eq!(secondment["rule"], "secondment");
    assert_eq!(secondment["status"], "unknown");
    assert_eq!(secondment["missing"], "lawEnforcement.serving");
    let english = &json["rules"][2];
    assert_eq!(english["subject"], "en");
    let not_applicable = serde_json::to_value(RuleStatus::NotApplicable).unwrap();
    assert_eq!(not_applicable, "not_applicable");
    assert_eq!(
        serde_json::to_value(Verdict::NotEligible).unwrap(),
        "not_eligible"
    );
}

// ---------------------------------------------------------------- properties

fn any_birth() -> impl Strategy<Value = NaiveDate> {
    (0i64..365 * 80).prop_map(|n| date(1940, 1, 1) + Duration::days(n))
}

fn leap_day_birth() -> impl Strategy<Value = NaiveDate> {
    (0i32..20).prop_map(|n| date(1948 + 4 * n, 2, 29))
}

fn period() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (0i64..4000, 0i64..1500).prop_map(|(start, len)| {
        let from = date(2010, 1, 1) + Duration::days(start);
        (from, from + Duration::days(len))
    })
}

proptest! {
    #[test]
    fn on_the_18th_birthday_one_is_18_and_the_day_before_17(birth in any_birth()) {
        let birthday = turns(birth, 18).unwrap();
        prop_assert_eq!(age_on(birth, birthday), 18);
        prop_assert_eq!(age_on(birth, birthday - Duration::days(1)), 17);
        prop_assert!(birthday > birth);
    }

    #[test]
    fn the_age_rule_passes_from_the_deadline_that_is_the_18th_birthday(
        birth in prop_oneof![any_birth(), leap_day_birth()],
    ) {
        let birthday = turns(birth, 18).unwrap();
        let mut p = candidate();
        p.date_of_birth = Some(birth);
        let mut input = notice();
        input.deadline.as_mut().unwrap().date = birthday;
        let on = birthday - Duration::days(30);
        let a = assess(&p, &vacancy(input.clone()), on);
        prop_assert_eq!(rule(&a, RuleId::Age).status, RuleStatus::Pass);
        input.deadline.as_mut().unwrap().date = birthday - Duration::days(1);
        let a = assess(&p, &vacancy(input), on);
        prop_assert_eq!(rule(&a, RuleId::Age).status, RuleStatus::Fail);
    }

    #[test]
    fn a_29_february_birthday_is_1_march_in_common_years(birth in leap_day_birth(), years in 1u32..80) {
        let year = birth.year() + years as i32;
        let birthday = birthday_in(birth, year).unwrap();
        let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
        prop_assert_eq!(birthday, if leap { date(year, 2, 29) } else { date(year, 3, 1) });
        prop_assert_eq!(age_on(birth, birthday), years as i32);
        prop_assert_eq!(age_on(birth, birthday - Duration::days(1)), years as i32 - 1);
    }

    #[test]
    fn overlapping_time_is_never_more_than_the_sum(periods in prop::collection::vec(period(), 0..8)) {
        let sum: u64 = periods.iter().map(|(f, t)| ((*t - *f).num_days() + 1) as u64).sum();
        let longest = periods.iter().map(|(f, t)| ((*t - *f).num_days() + 1) as u64).max().unwrap_or(0);
        let union = union_days(&periods);
        prop_assert!(union <= sum);
        prop_assert!(union >= longest);
    }

    #[test]
    fn disjoint_periods_add_up_exactly(lengths in prop::collection::vec((0i64..400, 1i64..300), 0..8)) {
        let mut start = date(2000, 1, 1);
        let mut periods = Vec::new();
        let mut sum = 0u64;
        for (len, gap) in lengths {
            let end = start + Duration::days(len);
            periods.push((start, end));
            sum += len as u64 + 1;
            start = end + Duration::days(gap + 1);
        }
        prop_assert_eq!(union_days(&periods), sum);
    }

    #[test]
    fn the_order_of_the_periods_does_not_matter(
        periods in prop::collection::vec(period(), 0..8),
        seed in any::<u64>(),
    ) {
        let mut shuffled = periods.clone();
        // A deterministic shuffle from the seed keeps failures reproducible.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        shuffled.reverse();
        prop_assert_eq!(union_days(&periods), union_days(&shuffled));
    }

    #[test]
    fn the_experience_rule_agrees_with_the_union(
        periods in prop::collection::vec(period(), 1..6),
        years in 1u32..12,
    ) {
        let on = date(2025, 1, 1);
        let mut p = candidate();
        p.employment = periods.iter().map(|(f, t)| job(*f, Some(*t), WorkTime::FullTime)).collect();
        let clipped: Vec<_> = periods.iter().filter(|(f, _)| *f <= on).map(|(f, t)| (*f, (*t).min(on))).collect();
        let expected = if union_days(&clipped) >= days_in_years(years) { RuleStatus::Pass } else { RuleStatus::Fail };
        let a = assess(&p, &vacancy(wants_years(years)), on);
        prop_assert_eq!(rule(&a, RuleId::Experience).status, expected);
    }
}

#[test]
fn a_birth_after_the_deadline_fails_without_an_odd_age() {
    let mut p = candidate();
    p.date_of_birth = Some(date(2025, 12, 1));
    let a = assess(&p, &vacancy(notice()), date(2026, 1, 1));
    let r = rule(&a, RuleId::Age);
    assert_status(r, RuleStatus::Fail);
    assert!(
        matches!(r.reason, Reason::AgeBornAfter { birth, .. } if birth == date(2025, 12, 1)),
        "{:?}",
        r.reason
    );
}

#[test]
fn a_language_named_without_level_or_wording_is_read_as_working_knowledge() {
    let mut input = notice();
    input.languages = vec![english("fr", None, None)];
    let r = language_rule(&run(&candidate(), input), "fr").clone();
    assert_status(&r, RuleStatus::Pass);
    assert!(
        matches!(
            r.reason,
            Reason::LanguageMet {
                needed: Cefr::B2,
                ..
            }
        ),
        "{:?}",
        r.reason
    );
    assert!(
        matches!(
            r.source.as_slice(),
            [
                Source::Notice {
                    part: NoticePart::LanguagesNoLevel,
                    ..
                },
                Source::Wording
            ]
        ),
        "{:?}",
        r.source
    );
}

// ---------------------------------------------------------------- sources shown to the candidate

/// Every outcome's source, for notices and profiles that reach every rule's pass, fail, unknown
/// and not-applicable branches.
fn outcomes_of_every_kind() -> Vec<RuleOutcome> {
    let mut notices = vec![notice()];
    let mut languages = notice();
    languages.languages = vec![
        LanguageRequirement {
            language: "en".into(),
            level: None,
            wording: Some("fluent".into()),
        },
        LanguageRequirement {
            language: "fr".into(),
            level: Some(Cefr::B2),
            wording: None,
        },
        LanguageRequirement {
            language: "es".into(),
            level: None,
            wording: Some("passable".into()),
        },
    ];
    languages.min_education = Some(EducationLevel::Doctorate);
    languages.min_experience_years = Some(3);
    notices.push(languages);
    let mut internship = notice();
    internship.contract_kind = Some(ContractKind::Internship);
    internship.reference = String::new();
    notices.push(internship);
    let mut secondment = notice();
    secondment.contract_kind = Some(ContractKind::Secondment);
    notices.push(secondment);

    let mut serving = candidate();
    serving.law_enforcement.serving = Some(true);
    serving.law_enforcement.country = Some("SN".into());
    let profiles = [candidate(), Profile::default(), serving];
    let mut outcomes = Vec::new();
    for p in &profiles {
        for n in &notices {
            outcomes.extend(run(p, n.clone()).rules);
        }
    }
    outcomes
}

#[test]
fn every_source_a_candidate_reads_is_an_interpol_page_or_the_notice() {
    let outcomes = outcomes_of_every_kind();
    let statuses: std::collections::HashSet<_> = outcomes.iter().map(|o| o.status).collect();
    assert_eq!(statuses.len(), 4, "every status is reached: {statuses:?}");
    for o in &outcomes {
        let pages = pages_cited(o);
        let from_notice = o.source.iter().any(|s| matches!(s, Source::Notice { .. }));
        assert!(!pages.is_empty() || from_notice, "{o:#?}");
        let expected: &[sources::PageId] = match o.rule {
            RuleId::Nationality => &[sources::PageId::Vacancies, sources::PageId::MemberCountries],
            RuleId::Age => &[sources::PageId::Vacancies],
            RuleId::Secondment => &[sources::PageId::Secondments],
            RuleId::Internship => &[sources::PageId::Internships],
            RuleId::Experience => &[sources::PageId::VacanciesFaqDocuments],
            RuleId::English | RuleId::Language | RuleId::Education => continue,
        };
        assert_eq!(pages, expected, "{o:#?}");
    }
}

//! Assessing the vacancies in the store against the saved profile and wording settings: the
//! detail's assessment and the list's verdicts, before and after the profile changes.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::applications::{
    ApplicationInput, EventInput, Stage, create_application, record_event,
};
use dossier_core::eligibility::{
    LanguageWordingMap, Reason, RuleId, RuleOutcome, RuleStatus, StudiesDay, VacancyVerdict,
    Verdict, WordingLevel, assess_saved, save_wording_map, verdicts_for,
};
use dossier_core::profile::{
    Cefr, Education, EducationLevel, LanguageSkill, Profile, StudyStatus, save_profile,
};
use dossier_core::store::Store;
use dossier_core::vacancy::{
    ContractKind, Platform, SaveOutcome, VacancyInput, create_vacancy, delete_vacancy,
};

fn now() -> DateTime<Utc> {
    "2026-11-22T09:00:00Z".parse().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn notice(reference: &str, kind: ContractKind) -> VacancyInput {
    VacancyInput {
        contract_kind: Some(kind),
        ..VacancyInput::new(
            Platform::RecruitmentHub,
            reference,
            format!("Post {reference}"),
        )
    }
}

fn add(store: &mut Store, input: VacancyInput) -> u32 {
    match create_vacancy(store, input, now()).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    }
}

fn candidate(nationality: &str) -> Profile {
    Profile {
        full_name: "Amina Diallo".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1990, 4, 23),
        nationalities: vec![nationality.into()],
        languages: vec![LanguageSkill {
            language: "en".into(),
            level: Cefr::B2,
            certificate: None,
        }],
        ..Profile::default()
    }
}

#[test]
fn without_a_profile_the_rules_say_what_to_add() {
    let mut store = Store::open_in_memory().unwrap();
    let id = add(&mut store, notice("1", ContractKind::FixedTerm));
    let assessment = assess_saved(&store, id, today()).unwrap();
    assert_eq!(assessment.verdict, Verdict::Incomplete);
    assert_eq!(assessment.assessed_on, today());
    let nationality = assessment
        .rules
        .iter()
        .find(|r| r.rule == RuleId::Nationality)
        .unwrap();
    assert_eq!(nationality.status, RuleStatus::Unknown);
    assert_eq!(nationality.missing.as_deref(), Some("nationalities"));
}

#[test]
fn verdicts_follow_the_saved_profile_and_settings_and_skip_deleted_vacancies() {
    let mut store = Store::open_in_memory().unwrap();
    let fixed = add(&mut store, notice("1", ContractKind::FixedTerm));
    let seconded = add(&mut store, notice("2", ContractKind::Secondment));
    let gone = add(&mut store, notice("3", ContractKind::FixedTerm));
    delete_vacancy(&mut store, gone).unwrap();

    save_profile(&mut store, candidate("FR"), now()).unwrap();
    let verdicts = verdicts_for(&store, &[seconded, gone, fixed], today()).unwrap();
    assert_eq!(
        verdicts,
        vec![
            // The profile does not say whether the candidate serves.
            VacancyVerdict {
                id: seconded,
                verdict: Verdict::Incomplete
            },
            VacancyVerdict {
                id: fixed,
                verdict: Verdict::Eligible
            },
        ]
    );

    // A non-member nationality fails everywhere.
    save_profile(&mut store, candidate("KP"), now()).unwrap();
    let verdicts = verdicts_for(&store, &[fixed, seconded], today()).unwrap();
    assert!(verdicts.iter().all(|v| v.verdict == Verdict::NotEligible));

    // Reading "working knowledge" as C1 makes a B2 too little.
    save_profile(&mut store, candidate("FR"), now()).unwrap();
    save_wording_map(
        &mut store,
        &LanguageWordingMap {
            entries: vec![WordingLevel {
                wording: "working knowledge".into(),
                level: Cefr::C1,
            }],
        },
    )
    .unwrap();
    let assessment = assess_saved(&store, fixed, today()).unwrap();
    assert_eq!(assessment.verdict, Verdict::NotEligible);
    assert!(matches!(
        assess_saved(&store, gone, today()),
        Err(dossier_core::Error::NotFound(_))
    ));
}

fn graduate(completed: NaiveDate) -> Profile {
    Profile {
        education: vec![Education {
            id: 0,
            level: EducationLevel::Bachelor,
            field: "Law".into(),
            institution: "Université Lyon 3".into(),
            from: NaiveDate::from_ymd_opt(2022, 9, 1),
            to: Some(completed),
            status: StudyStatus::Completed,
        }],
        ..candidate("FR")
    }
}

fn internship_rule(store: &Store, id: u32) -> RuleOutcome {
    assess_saved(store, id, today())
        .unwrap()
        .rules
        .into_iter()
        .find(|r| r.rule == RuleId::Internship)
        .unwrap()
}

#[test]
fn an_internship_is_judged_on_the_day_the_application_was_submitted() {
    let mut store = Store::open_in_memory().unwrap();
    // Graduated in June 2025: within a year of a May 2026 submission, not of today.
    let june_2025 = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    save_profile(&mut store, graduate(june_2025), now()).unwrap();
    let id = add(&mut store, notice("INT04700", ContractKind::Internship));

    // Not yet applied: judged on today, and the reason says so.
    let r = internship_rule(&store, id);
    assert_eq!(r.status, RuleStatus::Fail, "{:?}", r.reason);
    assert!(
        matches!(r.reason, Reason::InternshipGraduatedTooLongAgo { judged: StudiesDay::Today, judged_on, .. }
            if judged_on == NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
        "{:?}",
        r.reason
    );

    let draft = |stage: Stage, date: NaiveDate| EventInput {
        stage,
        date,
        time: None,
        zone: Some("Europe/Paris".into()),
        note: String::new(),
    };
    let application = create_application(
        &mut store,
        &ApplicationInput {
            vacancy_id: id,
            platform: None,
            first_step: draft(
                Stage::Preparing,
                NaiveDate::from_ymd_opt(2026, 4, 20).unwrap(),
            ),
        },
        now(),
    )
    .unwrap()
    .application
    .id;
    // A draft is not a submission: still today.
    assert_eq!(internship_rule(&store, id).status, RuleStatus::Fail);

    record_event(
        &mut store,
        application,
        &draft(
            Stage::Submitted,
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        ),
        now(),
    )
    .unwrap();
    let r = internship_rule(&store, id);
    assert_eq!(r.status, RuleStatus::Pass, "{:?}", r.reason);
    assert!(
        matches!(r.reason, Reason::InternshipRecentGraduate { judged: StudiesDay::Submission, judged_on, .. }
            if judged_on == NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()),
        "{:?}",
        r.reason
    );
}

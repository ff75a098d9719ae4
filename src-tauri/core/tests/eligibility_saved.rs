//! Assessing the vacancies in the store against the saved profile and wording settings: the
//! detail's assessment and the list's verdicts, before and after the profile changes.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::eligibility::{
    LanguageWordingMap, RuleId, RuleStatus, VacancyVerdict, Verdict, WordingLevel, assess_saved,
    save_wording_map, verdicts_for,
};
use dossier_core::profile::{Cefr, LanguageSkill, Profile, save_profile};
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

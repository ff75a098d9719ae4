//! The profile: validation at the field, reading the UI's JSON, and storage (all or nothing,
//! entry ids, the schema-3 migration) plus the language-wording setting.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::eligibility::{
    LanguageWordingMap, WORDING_SETTING, WordingLevel, load_wording_map, save_wording_map,
};
use dossier_core::profile::{
    Cefr, Education, EducationLevel, Employment, FieldError, LanguageSkill, LawEnforcement,
    Profile, Reference, Residence, StudyStatus, WorkTime, load_profile, profile_from_json,
    profile_from_value, save_profile,
};
use dossier_core::store::Store;
use dossier_core::{Error, countries, profile};
use rusqlite_migration::{M, Migrations};

mod support;
use support::date;

fn today() -> NaiveDate {
    date(2025, 11, 10)
}

fn now() -> DateTime<Utc> {
    "2025-11-10T08:30:00Z".parse().unwrap()
}

fn education(field: &str) -> Education {
    Education {
        id: 0,
        level: EducationLevel::Master,
        field: field.into(),
        institution: "Université Lyon 3".into(),
        from: Some(date(2013, 9, 1)),
        to: Some(date(2015, 6, 30)),
        status: StudyStatus::Completed,
    }
}

fn employment(employer: &str) -> Employment {
    Employment {
        id: 0,
        employer: employer.into(),
        title: "Analyst".into(),
        from: date(2016, 1, 4),
        to: None,
        work_time: WorkTime::FullTime,
        duties: None,
    }
}

fn reference(name: &str) -> Reference {
    Reference {
        id: 0,
        name: name.into(),
        contact: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        relation: "Former head of unit".into(),
        worked_directly: Some(true),
        hierarchical: Some(true),
        family_member: Some(false),
        interpol_staff: Some(false),
    }
}

fn valid() -> Profile {
    Profile {
        full_name: "Amina Diallo".into(),
        email: "amina.diallo@example.org".into(),
        date_of_birth: Some(date(1990, 4, 23)),
        nationalities: vec!["SN".into(), "FR".into()],
        country_of_origin: Some("SN".into()),
        residences: vec![
            Residence {
                country: "SN".into(),
                from: date(1990, 4, 23),
                to: Some(date(2012, 8, 31)),
            },
            Residence {
                country: "FR".into(),
                from: date(2012, 9, 1),
                to: None,
            },
        ],
        languages: vec![
            LanguageSkill {
                language: "fr".into(),
                level: Cefr::C2,
                certificate: None,
            },
            LanguageSkill {
                language: "en".into(),
                level: Cefr::C1,
                certificate: Some("IELTS 7.5".into()),
            },
        ],
        law_enforcement: LawEnforcement {
            serving: Some(true),
            country: Some("FR".into()),
            agency: Some("Police nationale".into()),
        },
        education: vec![education("Criminology")],
        employment: vec![employment("Police nationale")],
        references: vec![reference("Jean Martin"), reference("Fatou Sow")],
    }
}

fn errors_of(p: &Profile) -> Vec<FieldError> {
    p.validate(today())
        .expect_err("the profile should be refused")
}

fn message_at<'a>(errors: &'a [FieldError], field: &str) -> &'a str {
    &errors
        .iter()
        .find(|e| e.field == field)
        .unwrap_or_else(|| panic!("no error at {field}: {errors:#?}"))
        .message
}

// ---------------------------------------------------------------- validation

#[test]
fn each_refusal_carries_its_code_and_values_for_the_catalogue() {
    use dossier_core::{FieldProblem, RequiredField};
    let mut p = valid();
    p.full_name = " ".into();
    p.employment[0].title = "x".repeat(301);
    p.nationalities.push(p.nationalities[0].clone());
    let errors = errors_of(&p);
    let problem_at = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .unwrap_or_else(|| panic!("no error at {field}: {errors:#?}"))
            .problem
            .clone()
    };
    assert_eq!(
        problem_at("fullName"),
        FieldProblem::Required {
            what: RequiredField::FullName
        }
    );
    assert!(
        matches!(
            problem_at("employment[0].title"),
            FieldProblem::TooLong { count: 301, .. }
        ),
        "{errors:#?}"
    );
    let twice = format!("nationalities[{}]", p.nationalities.len() - 1);
    assert_eq!(
        problem_at(&twice),
        FieldProblem::NationalityTwice {
            country: p.nationalities[0].to_uppercase()
        }
    );
    let json = serde_json::to_value(&errors).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|e| e["problem"] == serde_json::json!({ "code": "required", "what": "full_name" })),
        "{json}"
    );
}

#[test]
fn a_complete_profile_is_valid() {
    assert_eq!(valid().validate(today()), Ok(()));
    // So is one that gives only a name: the rest can come later.
    let minimal = Profile {
        full_name: "Amina Diallo".into(),
        ..Profile::default()
    };
    assert_eq!(minimal.validate(today()), Ok(()));
}

#[test]
fn a_date_of_birth_in_the_future_is_refused() {
    let mut p = valid();
    p.date_of_birth = Some(today().succ_opt().unwrap());
    let errors = errors_of(&p);
    assert_eq!(
        message_at(&errors, "dateOfBirth"),
        "Your date of birth is in the future."
    );
    p.date_of_birth = Some(today());
    // Today is not the future (and the age rule will say the rest).
    assert!(
        p.validate(today())
            .err()
            .unwrap_or_default()
            .iter()
            .all(|e| e.field != "dateOfBirth")
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused_at_its_end() {
    let mut p = valid();
    p.residences[1].to = Some(date(2012, 8, 1));
    p.employment[0].to = Some(date(2015, 12, 31));
    p.education[0].to = Some(date(2013, 1, 1));
    let errors = errors_of(&p);
    assert!(message_at(&errors, "residences[1].to").contains("ends"));
    assert!(message_at(&errors, "employment[0].to").contains("before it starts"));
    assert!(message_at(&errors, "education[0].to").contains("before it starts"));
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn a_period_that_starts_in_the_future_or_before_birth_is_refused() {
    let mut p = valid();
    p.employment[0].from = date(2026, 1, 5);
    p.residences[0].from = date(1989, 1, 1);
    let errors = errors_of(&p);
    assert_eq!(
        message_at(&errors, "employment[0].from"),
        "This period starts in the future."
    );
    assert!(message_at(&errors, "residences[0].from").contains("before your date of birth"));
}

#[test]
fn completed_studies_cannot_end_in_the_future_but_studies_in_progress_can() {
    let mut p = valid();
    p.education[0].to = Some(date(2026, 6, 30));
    assert!(message_at(&errors_of(&p), "education[0].to").contains("enrolled"));
    p.education[0].status = StudyStatus::Enrolled;
    assert_eq!(p.validate(today()), Ok(()));
}

#[test]
fn unknown_country_codes_are_refused_wherever_they_appear() {
    let mut p = valid();
    p.nationalities = vec!["ZZ".into()];
    p.country_of_origin = Some("EU".into());
    p.residences[0].country = "SEN".into();
    p.law_enforcement.country = Some("UK".into());
    let errors = errors_of(&p);
    for field in [
        "nationalities[0]",
        "countryOfOrigin",
        "residences[0].country",
        "lawEnforcement.country",
    ] {
        assert!(
            message_at(&errors, field).contains("not a country code"),
            "{field}"
        );
    }
    assert_eq!(errors.len(), 4, "{errors:#?}");
    // Kosovo is a country a candidate can name, though not a member.
    p = valid();
    p.nationalities = vec!["XK".into()];
    assert_eq!(p.validate(today()), Ok(()));
}

#[test]
fn languages_must_be_iso_639_1_codes() {
    let mut p = valid();
    p.languages[0].language = "fra".into();
    p.languages[1].language = "".into();
    let errors = errors_of(&p);
    assert!(message_at(&errors, "languages[0].language").contains("ISO 639-1"));
    assert!(message_at(&errors, "languages[1].language").contains("Choose a language"));
}

#[test]
fn duplicates_are_refused_at_the_second_occurrence() {
    let mut p = valid();
    p.nationalities.push("SN".into());
    p.languages.push(LanguageSkill {
        language: "en".into(),
        level: Cefr::B2,
        certificate: None,
    });
    p.residences.push(p.residences[0].clone());
    p.references.push(p.references[1].clone());
    p.education.push(education("Criminology"));
    let errors = errors_of(&p);
    assert_eq!(
        message_at(&errors, "nationalities[2]"),
        "Senegal (SN) is listed twice; keep it once."
    );
    assert!(message_at(&errors, "languages[2].language").starts_with("English is listed twice"));
    assert!(message_at(&errors, "residences[2]").contains("repeats entry 1"));
    assert!(message_at(&errors, "references[2]").contains("repeats entry 2"));
    assert!(message_at(&errors, "education[1]").contains("repeats entry 1"));
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn the_same_entry_id_twice_is_refused() {
    let mut p = valid();
    p.employment.push(employment("Gendarmerie nationale"));
    p.employment[0].id = 4;
    p.employment[1].id = 4;
    assert!(message_at(&errors_of(&p), "employment[1].id").contains("same number"));
}

#[test]
fn an_email_address_must_look_like_one_when_given() {
    for bad in [
        "amina",
        "amina@",
        "@example.org",
        "amina@example",
        "amina diallo@example.org",
        "amina@example..org",
    ] {
        let mut p = valid();
        p.email = bad.into();
        assert!(
            message_at(&errors_of(&p), "email").contains("does not look like an e-mail address"),
            "{bad}"
        );
    }
    for good in [
        "",
        "a.b+dossier@mail.example.co.uk",
        "amina@xn--bcher-kva.example",
    ] {
        let mut p = valid();
        p.email = good.into();
        assert_eq!(p.validate(today()), Ok(()), "{good}");
    }
}

#[test]
fn required_text_cannot_be_blank() {
    let mut p = valid();
    p.full_name = "   ".into();
    p.education[0].institution = "".into();
    p.employment[0].title = " ".into();
    p.references[0].contact = "".into();
    let errors = errors_of(&p);
    assert_eq!(message_at(&errors, "fullName"), "Enter your full name.");
    assert!(message_at(&errors, "education[0].institution").starts_with("Enter"));
    assert!(message_at(&errors, "employment[0].title").starts_with("Enter"));
    assert!(message_at(&errors, "references[0].contact").starts_with("Enter"));
    assert_eq!(errors.len(), 4);
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut p = valid();
    p.date_of_birth = Some(date(2030, 1, 1));
    p.email = "nope".into();
    p.nationalities = vec!["QQ".into()];
    let fields: Vec<String> = errors_of(&p).into_iter().map(|e| e.field).collect();
    for f in ["dateOfBirth", "email", "nationalities[0]"] {
        assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
    }
}

// ---------------------------------------------------------------- JSON from the UI

#[test]
fn the_ui_json_round_trips() {
    let json = serde_json::to_string(&valid()).unwrap();
    assert!(json.contains("\"dateOfBirth\":\"1990-04-23\""), "{json}");
    assert!(json.contains("\"workTime\":\"full_time\""), "{json}");
    assert_eq!(profile_from_json(&json), Ok(valid()));
    assert_eq!(
        profile_from_value(serde_json::to_value(valid()).unwrap()),
        Ok(valid())
    );
}

#[test]
fn a_language_level_outside_a1_to_c2_is_refused_at_the_field_in_plain_words() {
    let mut value = serde_json::to_value(valid()).unwrap();
    value["languages"][1]["level"] = "D1".into();
    let errors = profile_from_value(value.clone()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "languages[1].level");
    assert_eq!(
        errors[0].problem,
        dossier_core::FieldProblem::NotALanguageLevel {
            found: "D1".into(),
            choices: "A1, A2, B1, B2, C1, C2".into(),
        }
    );
    assert_eq!(
        errors[0].message,
        "\u{201c}D1\u{201d} is not a language level. Levels follow the CEFR scale: A1, A2, B1, B2, C1, C2."
    );
    // The same through text, with no line and column in the message.
    let from_text = profile_from_json(&value.to_string()).unwrap_err();
    assert_eq!(from_text, errors);
    // Lower case is not a level either: the scale is written in capitals.
    value["languages"][1]["level"] = "c1".into();
    assert_eq!(
        profile_from_value(value).unwrap_err()[0].field,
        "languages[1].level"
    );
}

#[test]
fn other_unreadable_json_names_the_field() {
    let mut value = serde_json::to_value(valid()).unwrap();
    value["residences"][0]["from"] = "23/04/1990".into();
    let e = &profile_from_value(value).unwrap_err()[0];
    assert_eq!(e.field, "residences[0].from");
    assert_eq!(e.problem, dossier_core::FieldProblem::InvalidDate);
    assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);

    let mut value = serde_json::to_value(valid()).unwrap();
    value["education"][0]["status"] = "dropped".into();
    let e = &profile_from_value(value).unwrap_err()[0];
    assert_eq!(e.field, "education[0].status");
    assert!(e.message.contains("completed or enrolled"), "{}", e.message);

    let mut value = serde_json::to_value(valid()).unwrap();
    value.as_object_mut().unwrap().remove("fullName");
    let e = &profile_from_value(value).unwrap_err()[0];
    assert_eq!(e.field, "fullName");
    assert_eq!(e.problem, dossier_core::FieldProblem::Missing);
    assert_eq!(e.message, "This field is missing.");

    let e = &profile_from_json("{ not json").unwrap_err()[0];
    assert!(
        e.message.starts_with("This value cannot be read"),
        "{}",
        e.message
    );
}

#[test]
fn field_errors_serialize_for_the_ui() {
    let json = serde_json::to_value(FieldError::new(
        "residences[1].to",
        dossier_core::FieldProblem::PeriodEndsBeforeStart {
            from: "2020-05-01".into(),
            to: "2019-01-31".into(),
        },
        "x",
    ))
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "field": "residences[1].to",
            "problem": { "code": "period_ends_before_start", "from": "2020-05-01", "to": "2019-01-31" },
            "message": "x",
        })
    );
}

// ---------------------------------------------------------------- storage

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

#[test]
fn there_is_no_profile_before_the_first_save() {
    let s = store();
    assert_eq!(load_profile(&s).unwrap(), None);
    assert!(!s.overview().unwrap().profile_started);
}

#[test]
fn a_saved_profile_loads_back_as_saved_with_ids_and_the_overview_sees_it() {
    let mut s = store();
    let saved = save_profile(&mut s, valid(), now()).unwrap();
    assert_eq!(load_profile(&s).unwrap(), Some(saved.clone()));
    assert!(s.overview().unwrap().profile_started);

    let mut expected = valid();
    expected.education[0].id = 1;
    expected.employment[0].id = 2;
    expected.references[0].id = 3;
    expected.references[1].id = 4;
    assert_eq!(saved, expected);
}

#[test]
fn the_scalar_columns_follow_the_document() {
    let mut s = store();
    save_profile(&mut s, valid(), now()).unwrap();
    let mut p = load_profile(&s).unwrap().unwrap();
    p.email = String::new();
    p.country_of_origin = Some("FR".into());
    let later: DateTime<Utc> = "2025-11-11T10:00:00Z".parse().unwrap();
    save_profile(&mut s, p, later).unwrap();
    let row: (String, Option<String>, String, String, String) = s
        .read(|c| {
            Ok(c.query_row(
                "SELECT full_name, email, date_of_birth, country_of_origin, updated_utc FROM profile",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?)
        })
        .unwrap();
    assert_eq!(
        row,
        (
            "Amina Diallo".to_string(),
            None,
            "1990-04-23".to_string(),
            "FR".to_string(),
            "2025-11-11T10:00:00Z".to_string()
        )
    );
}

#[test]
fn ids_stay_put_and_a_removed_entry_s_id_is_never_given_again() {
    let mut s = store();
    let mut p = save_profile(&mut s, valid(), now()).unwrap();
    let kept_reference = p.references[1].clone();
    // Remove the first reference and the employment, add new ones.
    p.references.remove(0);
    p.employment.clear();
    p.employment.push(employment("Gendarmerie nationale"));
    p.references.push(reference("Ana Pereira"));
    let p = save_profile(&mut s, p, now()).unwrap();
    assert_eq!(p.education[0].id, 1);
    assert_eq!(p.references[0], kept_reference);
    assert_eq!(p.employment[0].id, 5);
    assert_eq!(p.references[1].id, 6);

    // Saving again, unchanged, changes no id.
    let again = save_profile(&mut s, p.clone(), now()).unwrap();
    assert_eq!(again, p);
}

#[test]
fn an_id_the_saved_profile_does_not_hold_is_refused() {
    let mut s = store();
    let mut p = save_profile(&mut s, valid(), now()).unwrap();
    let removed = p.references.remove(0);
    let p = save_profile(&mut s, p, now()).unwrap();

    // A stale screen sends the removed reference back with its old number.
    let mut stale = p.clone();
    stale.references.push(removed);
    // An education id moved to employment is not that list's either.
    stale.employment[0].id = p.education[0].id;
    let err = save_profile(&mut s, stale, now()).unwrap_err();
    let fields: Vec<&str> = err
        .field_errors()
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(fields, vec!["employment[0].id", "references[1].id"]);
    assert_eq!(load_profile(&s).unwrap(), Some(p));
}

#[test]
fn an_invalid_profile_saves_nothing_at_first_or_later() {
    let mut s = store();
    let mut bad = valid();
    bad.date_of_birth = Some(date(2031, 1, 1));
    let err = save_profile(&mut s, bad.clone(), now()).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    assert_eq!(load_profile(&s).unwrap(), None);
    assert!(!s.overview().unwrap().profile_started);

    let saved = save_profile(&mut s, valid(), now()).unwrap();
    let mut changed = saved.clone();
    changed.full_name = "Someone Else".into();
    changed.email = "not an address".into();
    changed.references.push(reference("New Person"));
    let err = save_profile(&mut s, changed, now()).unwrap_err();
    assert_eq!(err.field_errors().len(), 1);
    // The field is named beside the message (the UI marks it there), not inside it.
    assert_eq!(err.field_errors()[0].field, "email", "{err:?}");
    assert!(err.to_string().contains("e-mail address"), "{err}");
    assert_eq!(load_profile(&s).unwrap(), Some(saved.clone()));
    // The refused save used no entry number either.
    let mut next = saved;
    next.references.push(reference("New Person"));
    assert_eq!(
        save_profile(&mut s, next, now()).unwrap().references[2].id,
        5
    );
}

#[test]
fn saving_tidies_case_and_spaces_before_checking() {
    let mut s = store();
    let mut p = valid();
    p.full_name = "  Amina Diallo ".into();
    p.nationalities = vec![" sn".into()];
    p.languages[0].language = "FR".into();
    p.languages[1].certificate = Some("  ".into());
    p.law_enforcement.country = Some("fr".into());
    let saved = save_profile(&mut s, p, now()).unwrap();
    assert_eq!(saved.full_name, "Amina Diallo");
    assert_eq!(saved.nationalities, vec!["SN".to_string()]);
    assert_eq!(saved.languages[0].language, "fr");
    assert_eq!(saved.languages[1].certificate, None);
    assert_eq!(saved.law_enforcement.country.as_deref(), Some("FR"));
}

#[test]
fn a_date_that_is_today_somewhere_on_earth_is_not_refused_as_future() {
    let mut s = store();
    let mut p = valid();
    // 20:00 UTC on 10 November is already 11 November in Kiribati and in New Zealand.
    let evening: DateTime<Utc> = "2025-11-10T20:00:00Z".parse().unwrap();
    p.employment.push(Employment {
        from: date(2025, 11, 11),
        ..employment("INTERPOL")
    });
    save_profile(&mut s, p.clone(), evening).unwrap();
    p.employment[1].from = date(2025, 11, 12);
    let p = load_with(&s, p);
    let err = save_profile(&mut s, p, evening).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "employment[1].from");
}

/// `p` with the ids the store gave its entries, matched by position.
fn load_with(s: &Store, mut p: Profile) -> Profile {
    let saved = load_profile(s).unwrap().unwrap();
    for (e, saved) in p.employment.iter_mut().zip(&saved.employment) {
        e.id = saved.id;
    }
    for (e, saved) in p.education.iter_mut().zip(&saved.education) {
        e.id = saved.id;
    }
    for (r, saved) in p.references.iter_mut().zip(&saved.references) {
        r.id = saved.id;
    }
    p
}

#[test]
fn the_profile_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.db");
    let saved = save_profile(&mut Store::open(&path).unwrap(), valid(), now()).unwrap();
    assert_eq!(
        load_profile(&Store::open(&path).unwrap()).unwrap(),
        Some(saved)
    );
}

#[test]
fn a_profile_row_from_schema_2_is_read_from_its_columns_after_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        Migrations::new(vec![
            M::up(include_str!("../migrations/0001_initial.sql")),
            M::up(include_str!("../migrations/0002_vacancies.sql")),
        ])
        .to_latest(&mut conn)
        .unwrap();
        conn.execute(
            "INSERT INTO profile (id, full_name, email, date_of_birth, country_of_origin, updated_utc)
             VALUES (1, 'Amina Diallo', 'amina@example.org', '1990-04-23', 'SN', '2025-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let p = load_profile(&s).unwrap().unwrap();
    assert_eq!(p.full_name, "Amina Diallo");
    assert_eq!(p.email, "amina@example.org");
    assert_eq!(p.date_of_birth, Some(date(1990, 4, 23)));
    assert_eq!(p.country_of_origin.as_deref(), Some("SN"));
    assert!(p.nationalities.is_empty());
    // The first save numbers entries from 1.
    let mut p = p;
    p.education.push(education("Law"));
    assert_eq!(save_profile(&mut s, p, now()).unwrap().education[0].id, 1);
}

#[test]
fn a_refused_profile_is_the_core_error_naming_the_fields() {
    let mut s = store();
    let mut bad = valid();
    bad.email = "not an address".into();
    let err = save_profile(&mut s, bad, now()).unwrap_err();
    match &err {
        Error::Invalid { fields } => {
            assert_eq!(fields.len(), 1, "{fields:?}");
            assert_eq!(fields[0].field, "email");
            assert!(err.to_string().contains(&fields[0].message), "{err}");
        }
        other => panic!("{other:?}"),
    }
    let err = Error::Invalid {
        fields: vec![FieldError::untranslated("email", "Bad.")],
    };
    assert_eq!(err.to_string(), "Nothing was saved: Bad.");
    assert_eq!(
        err.field_errors(),
        &[FieldError::untranslated("email", "Bad.")]
    );
    assert!(Error::NotFound("Profile".into()).field_errors().is_empty());
}

// ---------------------------------------------------------------- wording setting

#[test]
fn the_wording_map_defaults_to_domain_md_and_a_saved_one_is_loaded_back() {
    let mut s = store();
    let default = load_wording_map(&s).unwrap();
    assert_eq!(default, LanguageWordingMap::default());
    assert_eq!(default.level_for("working knowledge"), Some(Cefr::B2));
    assert_eq!(default.level_for("fluent"), Some(Cefr::C1));
    assert_eq!(default.level_for("basic"), Some(Cefr::B1));

    let mine = LanguageWordingMap {
        entries: vec![
            WordingLevel {
                wording: "working knowledge".into(),
                level: Cefr::B1,
            },
            WordingLevel {
                wording: "mother tongue".into(),
                level: Cefr::C2,
            },
        ],
    };
    save_wording_map(&mut s, &mine).unwrap();
    assert_eq!(load_wording_map(&s).unwrap(), mine);
    let stored: String = s
        .read(|c| {
            Ok(c.query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [WORDING_SETTING],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(stored.contains("mother tongue"), "{stored}");
}

#[test]
fn a_wording_map_with_a_blank_or_repeated_wording_is_refused_and_saves_nothing() {
    let mut s = store();
    for entries in [
        vec![("  ", Cefr::B2)],
        vec![("Fluent", Cefr::C1), ("fluent ", Cefr::B2)],
    ] {
        let map = LanguageWordingMap {
            entries: entries
                .into_iter()
                .map(|(wording, level)| WordingLevel {
                    wording: wording.into(),
                    level,
                })
                .collect(),
        };
        let err = save_wording_map(&mut s, &map).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    }
    assert_eq!(load_wording_map(&s).unwrap(), LanguageWordingMap::default());
}

#[test]
fn every_ui_country_and_language_list_is_available() {
    assert!(countries::all_countries().iter().any(|c| c.code == "PS"));
    assert_eq!(profile::all_languages().len(), 184);
    assert_eq!(profile::language_name("en"), Some("English"));
}

#[test]
fn hidden_characters_are_taken_out_of_names() {
    let mut s = Store::open_in_memory().unwrap();
    let mut p = valid();
    p.full_name = "Amina \u{202E}Diallo\u{200B}".into();
    p.employment[0].employer = "\u{2067}Police nationale\u{2069}".into();
    p.references[0].name = "Jean\u{FEFF} Martin".into();
    let saved = save_profile(&mut s, p, now()).unwrap();
    assert_eq!(saved.full_name, "Amina Diallo");
    assert_eq!(saved.employment[0].employer, "Police nationale");
    assert_eq!(saved.references[0].name, "Jean Martin");
}

#[test]
fn overlong_text_is_refused_at_its_field() {
    let mut p = valid();
    p.full_name = "A".repeat(1024 * 1024);
    p.email = format!("{}@example.org", "a".repeat(300));
    p.education[0].institution = "U".repeat(201);
    p.employment[0].title = "T".repeat(201);
    p.references[0].contact = "c".repeat(301);
    p.law_enforcement.agency = Some("G".repeat(201));
    let errors = errors_of(&p);
    for field in [
        "fullName",
        "email",
        "education[0].institution",
        "employment[0].title",
        "references[0].contact",
        "lawEnforcement.agency",
    ] {
        assert!(
            message_at(&errors, field).contains("at most"),
            "{field}: {errors:#?}"
        );
    }
    // The longest allowed still saves; lengths count characters, not bytes.
    let mut p = valid();
    p.full_name = "é".repeat(200);
    p.employment[0].title = "T".repeat(200);
    assert_eq!(p.validate(today()), Ok(()));

    let mut s = Store::open_in_memory().unwrap();
    let mut p = valid();
    p.full_name = "A".repeat(1024 * 1024);
    assert!(save_profile(&mut s, p, now()).is_err());
    assert!(profile::load_profile(&s).unwrap().is_none());
}

#[test]
fn duties_keep_their_lines_and_a_profile_saved_before_them_reads_with_none() {
    let mut s = store();
    let mut p = valid();
    p.employment[0].duties = Some("  Analysed networks.\r\nBriefed officers.\n\n ".into());
    p.employment.push(Employment {
        duties: Some(" \n ".into()),
        ..employment("Police nationale")
    });
    save_profile(&mut s, p, now()).unwrap();
    let saved = load_profile(&s).unwrap().unwrap();
    assert_eq!(
        saved.employment[0].duties.as_deref(),
        Some("Analysed networks.\nBriefed officers.")
    );
    assert_eq!(saved.employment[1].duties, None, "blank duties are none");

    // A document written before the field existed has no `duties` key at all.
    let mut value = serde_json::to_value(&saved).unwrap();
    for job in value["employment"].as_array_mut().unwrap() {
        job.as_object_mut().unwrap().remove("duties");
    }
    let older = profile_from_value(value).unwrap();
    assert!(older.employment.iter().all(|e| e.duties.is_none()));

    let mut long = valid();
    long.employment[0].duties = Some("x".repeat(4001));
    let err = save_profile(&mut s, long, now()).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "employment[0].duties");
}

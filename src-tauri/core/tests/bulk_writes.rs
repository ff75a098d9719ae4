//! The bulk path (`create_vacancies`, `Store::write_batch`) stores exactly what one write at a
//! time stores, and a batch that fails leaves nothing behind.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use dossier_core::{Error, Result};

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

const STATIONS: &[&str] = &["Lyon, France", "Singapore", "Buenos Aires, Argentina"];
const WORDS: &[&str] = &[
    "cyber",
    "investigation",
    "operations",
    "analysis",
    "liaison",
];

fn input(i: usize) -> VacancyInput {
    VacancyInput {
        duty_station: Some(STATIONS[i % STATIONS.len()].into()),
        duty_zone: Some("Europe/Paris".into()),
        contract_kind: Some(ContractKind::ALL[i % ContractKind::ALL.len()]),
        grade: Some(format!("{}", 1 + i % 9)),
        deadline: Some(Deadline {
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(i as i64),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        notice_text: Some(format!(
            "{} {} notice {i}",
            WORDS[i % WORDS.len()],
            WORDS[(i * 3 + 1) % WORDS.len()]
        )),
        notes: if i.is_multiple_of(4) {
            format!("note {}", WORDS[i % WORDS.len()])
        } else {
            String::new()
        },
        ..VacancyInput::new(
            Platform::RecruitmentHub,
            format!("{}", 1000 + i),
            format!("Officer {} {i}", WORDS[(i + 2) % WORDS.len()]),
        )
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("dossier.db")).unwrap();
    (dir, store)
}

fn queries() -> Vec<VacancyQuery> {
    let text = |t: &str| VacancyQuery {
        text: Some(t.into()),
        limit: Some(1000),
        ..Default::default()
    };
    vec![
        VacancyQuery {
            limit: Some(1000),
            ..Default::default()
        },
        text("cyber"),
        text("oper liaison"),
        text("note"),
        text("1042"),
        VacancyQuery {
            duty_station: Some("Singapore".into()),
            limit: Some(1000),
            ..Default::default()
        },
    ]
}

const N: usize = 120;

#[test]
fn bulk_saves_the_same_rows_and_search_results_as_one_at_a_time() {
    let (_a, mut single) = store();
    for i in 0..N {
        assert!(matches!(
            create_vacancy(&mut single, input(i), now()).unwrap(),
            SaveOutcome::Saved { .. }
        ));
    }
    let (_b, mut bulk) = store();
    let BulkOutcome::Saved { ids } =
        create_vacancies(&mut bulk, (0..N).map(input).collect(), now()).unwrap()
    else {
        panic!("the batch was refused")
    };
    assert_eq!(ids.len(), N);
    for &id in &ids {
        assert_eq!(
            get_vacancy(&single, id).unwrap(),
            get_vacancy(&bulk, id).unwrap()
        );
    }
    for query in queries() {
        let one = list_vacancies(&single, &query, now()).unwrap();
        let many = list_vacancies(&bulk, &query, now()).unwrap();
        assert!(one.total > 0, "{query:?} matched nothing");
        assert_eq!(one, many, "{query:?}");
    }
    assert!(bulk.change_stamp().unwrap().is_some());
}

fn count(store: &Store) -> u32 {
    list_vacancies(store, &VacancyQuery::default(), now())
        .unwrap()
        .total
}

#[test]
fn an_invalid_input_saves_none_of_the_batch() {
    let (_d, mut store) = store();
    let mut inputs: Vec<_> = (0..10).map(input).collect();
    inputs[7].title = "   ".into();
    assert!(matches!(
        create_vacancies(&mut store, inputs, now()),
        Err(Error::Invalid { .. })
    ));
    assert_eq!(count(&store), 0);
}

#[test]
fn a_duplicate_saves_none_of_the_batch() {
    let (_d, mut store) = store();
    create_vacancy(&mut store, input(3), now()).unwrap();
    let outcome = create_vacancies(&mut store, (4..10).chain(3..4).map(input).collect(), now());
    assert!(
        matches!(
            outcome,
            Ok(BulkOutcome::Duplicate {
                index: 6,
                existing_id: Some(1),
                ..
            })
        ),
        "{outcome:?}"
    );
    // Within the batch itself, references compared as the store compares them.
    let mut twice: Vec<_> = (10..14).map(input).collect();
    twice.push(input(11));
    let outcome = create_vacancies(&mut store, twice, now());
    assert!(
        matches!(
            outcome,
            Ok(BulkOutcome::Duplicate {
                index: 4,
                existing_id: None,
                ..
            })
        ),
        "{outcome:?}"
    );
    assert_eq!(count(&store), 1);
    let search = VacancyQuery {
        text: Some("notice".into()),
        ..Default::default()
    };
    assert_eq!(list_vacancies(&store, &search, now()).unwrap().total, 1);
}

#[test]
fn a_batch_that_fails_part_way_rolls_every_write_back() {
    let (_d, mut store) = store();
    let before = store.change_stamp().unwrap();
    let result: Result<()> = store.write_batch(|store| {
        create_vacancies(store, (0..20).map(input).collect(), now())?;
        let created = applications::create_application(
            store,
            &ApplicationInput {
                vacancy_id: 1,
                platform: None,
                first_step: EventInput {
                    stage: Stage::Interested,
                    date: NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
                    time: None,
                    zone: None,
                    note: String::new(),
                },
            },
            now(),
        )?;
        assert!(created.application.id > 0);
        // Seen inside the batch, before it is committed.
        assert_eq!(count(store), 20);
        Err(Error::invalid("test", "fails on purpose"))
    });
    assert!(result.is_err());
    assert_eq!(count(&store), 0);
    assert_eq!(store.overview().unwrap().applications, 0);
    let search = VacancyQuery {
        text: Some("cyber".into()),
        ..Default::default()
    };
    assert_eq!(list_vacancies(&store, &search, now()).unwrap().total, 0);
    assert_eq!(store.change_stamp().unwrap(), before);
    // The store takes ordinary writes again afterwards.
    create_vacancy(&mut store, input(0), now()).unwrap();
    assert_eq!(count(&store), 1);
}

#[test]
fn a_failed_write_inside_a_batch_undoes_only_itself() {
    let (_d, mut store) = store();
    store
        .write_batch(|store| {
            create_vacancies(store, (0..5).map(input).collect(), now())?;
            let failed: Result<()> = store.write(|tx| {
                tx.execute("UPDATE vacancies SET title = 'changed' WHERE id = 1", [])?;
                Err(Error::invalid("test", "fails on purpose"))
            });
            assert!(failed.is_err());
            Ok(())
        })
        .unwrap();
    assert_eq!(count(&store), 5);
    assert_ne!(get_vacancy(&store, 1).unwrap().input.title, "changed");
}

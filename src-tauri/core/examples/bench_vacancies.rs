//! Vacancy list, filter and search at 10,000 vacancies, as a candidate with years of history
//! would have. Prints `name=value` lines; run by `make bench`. Target: each p95 <= 20 ms.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use std::time::Instant;
use support::{AREAS, ROLES, STATIONS, Sequence, WORDS};

mod support;

const VACANCIES: u32 = 10_000;
const RUNS: usize = 200;

fn generate(store: &mut Store, now: DateTime<Utc>) {
    let mut seq = Sequence(42);
    let inputs: Vec<VacancyInput> = (0..VACANCIES)
        .map(|i| {
            let (station, zone) = STATIONS[seq.next(STATIONS.len() as u64) as usize];
            let platform = if seq.next(3) == 0 {
                Platform::Talentlink
            } else {
                Platform::RecruitmentHub
            };
            let reference = match platform {
                Platform::Talentlink => format!("INT{:05}", i),
                Platform::RecruitmentHub => format!("{}", 1000 + i),
            };
            let notice: Vec<&str> = (0..450).map(|_| seq.pick(WORDS)).collect();
            // Five years of history, ending a few months from now.
            let date = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()
                + Duration::days(seq.next(5 * 365 + 120) as i64);
            VacancyInput {
                duty_station: Some(station.into()),
                duty_zone: Some(zone.into()),
                contract_kind: Some(ContractKind::ALL[seq.next(7) as usize]),
                is_roster: seq.next(10) == 0,
                grade: Some(format!("{}", 1 + seq.next(10))),
                posts: Some(1),
                security_screening: Some(SecurityScreening::Basic),
                duration_months: Some(24),
                published_on: Some(date - Duration::days(30)),
                deadline: Some(Deadline {
                    date,
                    time: None,
                    zone: zone.into(),
                }),
                min_experience_years: Some(seq.next(10) as u32),
                notice_text: Some(notice.join(" ")),
                notes: if seq.next(4) == 0 {
                    "Asked a former colleague about the team".into()
                } else {
                    String::new()
                },
                status: if date < now.date_naive() {
                    VacancyStatus::Closed
                } else {
                    VacancyStatus::Open
                },
                ..VacancyInput::new(
                    platform,
                    reference,
                    format!("{} ({})", seq.pick(ROLES), seq.pick(AREAS)),
                )
            }
        })
        .collect();
    // The bulk path the history generator and imports use: one transaction, one fsync.
    let started = Instant::now();
    let outcome = create_vacancies(store, inputs, now).expect("generated vacancies");
    assert!(matches!(outcome, BulkOutcome::Saved { .. }));
    println!(
        "bulk_insert_10k_vacancies_ms={:.0}",
        started.elapsed().as_secs_f64() * 1000.0
    );
}

fn p95_ms(mut run: impl FnMut()) -> f64 {
    run(); // warm the page cache and statement cache
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[(samples.len() * 95).div_ceil(100) - 1]
}

fn main() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let now: DateTime<Utc> = "2026-11-22T09:00:00Z".parse().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).expect("store");
    generate(&mut store, now);
    let list = |query: VacancyQuery| {
        let store = &store;
        move || {
            let page = list_vacancies(store, &query, now).expect("list");
            assert!(page.total > 0, "the benchmark query matched nothing");
        }
    };
    println!(
        "vacancy_list_p95_ms={:.2}",
        p95_ms(list(VacancyQuery::default()))
    );
    println!(
        "vacancy_filter_p95_ms={:.2}",
        p95_ms(list(VacancyQuery {
            platform: Some(Platform::RecruitmentHub),
            duty_station: Some("Lyon, France".into()),
            status: Some(VacancyStatus::Closed),
            ..Default::default()
        }))
    );
    println!(
        "vacancy_search_p95_ms={:.2}",
        p95_ms(list(VacancyQuery {
            text: Some("cyber invest".into()),
            ..Default::default()
        }))
    );
    println!(
        "vacancy_search_common_word_p95_ms={:.2}",
        p95_ms(list(VacancyQuery {
            text: Some("operations".into()),
            ..Default::default()
        }))
    );
}

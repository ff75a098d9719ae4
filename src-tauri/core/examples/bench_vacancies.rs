//! Vacancy list, filter and search at 10,000 vacancies, as a candidate with years of history
//! would have, and again at 100,000, so the cost of growth shows. Prints `name=value` lines
//! (each figure with the size it was measured at: `_10k`, `_100k`); run by `make bench`.
//! Targets: each p95 <= 5 ms at 10k and <= 20 ms at 100k.

use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use std::time::Instant;
use support::Sequence;
use support::vacancies as generated;

mod support;

/// The sizes measured, each with the suffix its figures get.
const SIZES: [(u32, &str); 2] = [(10_000, "10k"), (100_000, "100k")];
/// Vacancies saved per bulk call when growing the store: the notices of 90,000 vacancies
/// need not all be in memory at once.
const SLICE: u32 = 10_000;
const RUNS: usize = 200;

/// Adds vacancies `range` to the store through the bulk path the history generator and imports
/// use (one transaction, one fsync); returns how long that took, in milliseconds.
fn grow(
    store: &mut Store,
    seq: &mut Sequence,
    range: std::ops::Range<u32>,
    now: DateTime<Utc>,
) -> f64 {
    // Five years of history, ending a few months after `now`.
    let first = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let today = now.date_naive();
    let started = Instant::now();
    store
        .write_batch(|store| {
            for start in range.clone().step_by(SLICE as usize) {
                let end = (start + SLICE).min(range.end);
                let inputs = generated::vacancies(seq, start..end, first, today);
                let outcome = create_vacancies(store, inputs, now)?;
                assert!(matches!(outcome, BulkOutcome::Saved { .. }));
            }
            Ok(())
        })
        .expect("generated vacancies");
    started.elapsed().as_secs_f64() * 1000.0
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

/// The four figures at the store's present size.
fn measure(store: &Store, now: DateTime<Utc>, suffix: &str) {
    let list = |query: VacancyQuery| {
        move || {
            let page = list_vacancies(store, &query, now).expect("list");
            assert!(page.total > 0, "the benchmark query matched nothing");
        }
    };
    let queries = [
        ("vacancy_list", VacancyQuery::default()),
        (
            "vacancy_filter",
            VacancyQuery {
                platform: Some(Platform::RecruitmentHub),
                duty_station: Some("Lyon, France".into()),
                status: Some(VacancyStatus::Closed),
                ..Default::default()
            },
        ),
        (
            "vacancy_search",
            VacancyQuery {
                text: Some("cyber invest".into()),
                ..Default::default()
            },
        ),
        // A word every notice holds: the search that finds the most.
        (
            "vacancy_search_common_word",
            VacancyQuery {
                text: Some("operations".into()),
                ..Default::default()
            },
        ),
    ];
    for (name, query) in queries {
        println!("{name}_p95_ms_{suffix}={:.2}", p95_ms(list(query)));
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let now: DateTime<Utc> = "2026-11-22T09:00:00Z".parse().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).expect("store");
    let mut seq = Sequence(42);
    let mut saved = 0;
    for (size, suffix) in SIZES {
        let ms = grow(&mut store, &mut seq, saved..size, now);
        if saved == 0 {
            println!("bulk_insert_{suffix}_vacancies_ms={ms:.0}");
        } else {
            eprintln!("grew to {size} vacancies in {:.1} s", ms / 1000.0);
        }
        saved = size;
        measure(&store, now, suffix);
    }
}

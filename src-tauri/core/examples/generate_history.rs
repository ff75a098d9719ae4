//! Fills a Dossier data folder with the history of a long, busy search, for `make bench` to
//! start the real app on: 10,000 vacancies over both platforms, 2,000 applications with their
//! stage events, 5,000 documents (a few real files in the vault, the rest rows that point at
//! them, as versions and re-issues of the same scans would) and a full profile.
//!
//! cargo run --release -p dossier-core --example generate_history -- [--scale N] <empty data dir>
//!
//! `--scale 10` makes ten times the history (100,000 vacancies, 20,000 applications, 50,000
//! documents), for the cost of each figure as the history grows.
//!
//! The content comes from a fixed seed, so every run builds the same history; its dates are
//! laid out around today, because the shipped app runs on the real clock and the Dashboard must
//! show the same mix of coming deadlines and past steps whenever the benchmark runs.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::profile;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::*;
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use std::path::PathBuf;
use std::time::Instant;
use support::Sequence;
use support::vacancies as generated;

mod support;

/// At `--scale 1`; `--scale N` makes N times as many of each.
const VACANCIES: u32 = 10_000;
/// One vacancy in five was applied for.
const APPLICATIONS: u32 = 2_000;
const DOCUMENTS: u32 = 5_000;
/// Vacancies generated and saved at a time.
const SLICE: u32 = 5_000;
/// Distinct scans stored in the vault; the other documents are versions that share them.
const REAL_FILES: u32 = 24;

fn main() {
    let Some((scale, dir)) = arguments() else {
        eprintln!("usage: generate_history [--scale N] <empty data dir>");
        std::process::exit(2);
    };
    // Never mixed into someone's real data: the folder must be new or empty.
    if std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some()) {
        eprintln!("{} is not empty; give a new folder", dir.display());
        std::process::exit(2);
    }
    std::fs::create_dir_all(&dir).expect("create the data folder");
    let now = Utc::now();
    let today = now.date_naive();
    let started = Instant::now();
    let mut store = Store::open(&dir.join(DATABASE_FILE)).expect("open the store");
    let mut seq = Sequence(42);

    save_profile(&mut store, today, now);
    let vacancies = vacancies(&mut store, &mut seq, VACANCIES * scale, today, now);
    // One commit for all of them: the same writes, without an fsync each.
    store
        .write_batch(|store| {
            applications(
                store,
                &mut seq,
                &vacancies,
                APPLICATIONS * scale,
                today,
                now,
            );
            Ok(())
        })
        .expect("record the applications");
    documents(&mut store, &dir, &mut seq, DOCUMENTS * scale, today, now);

    let overview = store.overview().expect("overview");
    eprintln!(
        "generated {} vacancies, {} applications, {} documents in {:.1} s",
        overview.vacancies,
        overview.applications,
        overview.documents,
        started.elapsed().as_secs_f64()
    );
}

/// `[--scale N] <dir>`, N a whole number from 1 (the default).
fn arguments() -> Option<(u32, PathBuf)> {
    let mut args = std::env::args_os().skip(1);
    let mut scale = 1;
    let mut dir = None;
    while let Some(arg) = args.next() {
        if arg == "--scale" {
            scale = args.next()?.to_str()?.parse().ok().filter(|n| *n > 0)?;
        } else if dir.is_none() {
            dir = Some(PathBuf::from(arg));
        } else {
            return None;
        }
    }
    Some((scale, dir?))
}

fn save_profile(store: &mut Store, today: NaiveDate, now: DateTime<Utc>) {
    let years_ago = |years: i64| (today - Duration::days(years * 365)).to_string();
    let value = serde_json::json!({
        "fullName": "Camille Moreau",
        "email": "camille.moreau@example.org",
        "dateOfBirth": years_ago(38),
        "nationalities": ["FR", "CA"],
        "countryOfOrigin": "FR",
        "residences": [
            { "country": "FR", "from": years_ago(38), "to": years_ago(12) },
            { "country": "CA", "from": years_ago(12), "to": years_ago(4) },
            { "country": "BE", "from": years_ago(4), "to": null }
        ],
        "languages": [
            { "language": "fr", "level": "C2", "certificate": null },
            { "language": "en", "level": "C1", "certificate": "IELTS 8.0" },
            { "language": "es", "level": "B2", "certificate": "DELE B2" },
            { "language": "ar", "level": "A2", "certificate": null }
        ],
        "lawEnforcement": { "serving": true, "country": "BE", "agency": "Federal Police" },
        "education": [
            { "id": 0, "level": "master", "field": "Criminology", "institution": "Université de Montréal",
              "from": years_ago(16), "to": years_ago(14), "status": "completed" },
            { "id": 0, "level": "bachelor", "field": "Law", "institution": "Université Lyon 3",
              "from": years_ago(19), "to": years_ago(16), "status": "completed" }
        ],
        "employment": [
            { "id": 0, "employer": "Federal Police", "title": "Financial crime investigator",
              "from": years_ago(4), "to": null, "workTime": "full_time" },
            { "id": 0, "employer": "Royal Canadian Mounted Police", "title": "Intelligence analyst",
              "from": years_ago(12), "to": years_ago(4), "workTime": "full_time" },
            { "id": 0, "employer": "Police nationale", "title": "Officer",
              "from": years_ago(14), "to": years_ago(12), "workTime": "full_time" }
        ],
        "references": [
            { "id": 0, "name": "Jan Peeters", "contact": "jan.peeters@example.org",
              "relation": "Head of unit", "workedDirectly": true, "hierarchical": true,
              "familyMember": false, "interpolStaff": false },
            { "id": 0, "name": "Sarah Thompson", "contact": "+1 613 555 0100",
              "relation": "Former supervisor", "workedDirectly": true, "hierarchical": true,
              "familyMember": false, "interpolStaff": false },
            { "id": 0, "name": "Luc Bernard", "contact": "luc.bernard@example.org",
              "relation": "Colleague", "workedDirectly": true, "hierarchical": false,
              "familyMember": false, "interpolStaff": false }
        ]
    });
    let profile = profile::profile_from_value(value)
        .unwrap_or_else(|errors| panic!("the generated profile is invalid: {errors:?}"));
    profile::save_profile(store, profile, now)
        .unwrap_or_else(|e| panic!("the generated profile was refused: {e:?}"));
}

/// The vacancies, each with its deadline; returns (id, deadline date) in creation order.
/// Written in slices of one batch, so the notices of a large history are never all in memory.
fn vacancies(
    store: &mut Store,
    seq: &mut Sequence,
    count: u32,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<(u32, NaiveDate)> {
    // Five years of history, ending a few months from now.
    let first = today - Duration::days(5 * 365);
    let mut saved = Vec::with_capacity(count as usize);
    store
        .write_batch(|store| {
            for start in (0..count).step_by(SLICE as usize) {
                let inputs =
                    generated::vacancies(seq, start..(start + SLICE).min(count), first, today);
                let dates: Vec<NaiveDate> = inputs
                    .iter()
                    .map(|v| v.deadline.as_ref().expect("generated deadline").date)
                    .collect();
                match create_vacancies(store, inputs, now)? {
                    BulkOutcome::Saved { ids } => saved.extend(ids.into_iter().zip(dates)),
                    BulkOutcome::Duplicate { index, .. } => {
                        panic!(
                            "generated vacancy {} is a duplicate",
                            start as usize + index
                        )
                    }
                }
            }
            Ok(())
        })
        .expect("generated vacancies");
    saved
}

/// The path an application took after submission, ending in one of the usual outcomes.
const PATHS: &[&[Stage]] = &[
    &[Stage::Unsuccessful],
    &[Stage::Shortlisted, Stage::Unsuccessful],
    &[
        Stage::Shortlisted,
        Stage::TestOrAssessment,
        Stage::Unsuccessful,
    ],
    &[
        Stage::Shortlisted,
        Stage::TestOrAssessment,
        Stage::Interview,
        Stage::Unsuccessful,
        Stage::Rostered,
    ],
    &[
        Stage::Shortlisted,
        Stage::Interview,
        Stage::Offer,
        Stage::Declined,
    ],
    &[Stage::Withdrawn],
    &[Stage::NoResponse],
    &[Stage::Shortlisted],
    &[],
];

fn applications(
    store: &mut Store,
    seq: &mut Sequence,
    vacancies: &[(u32, NaiveDate)],
    count: u32,
    today: NaiveDate,
    now: DateTime<Utc>,
) {
    let step = vacancies.len() / count as usize;
    for &(vacancy_id, deadline) in vacancies.iter().step_by(step).take(count as usize) {
        let event = |stage: Stage, date: NaiveDate, note: &str| EventInput {
            stage,
            date,
            time: None,
            zone: None,
            note: note.into(),
        };
        // Never today: a date-only step counts from the start of the day in the vacancy's zone,
        // which may still be ahead of now.
        let interested =
            (deadline - Duration::days(20 + seq.next(10) as i64)).min(today - Duration::days(1));
        let created = applications::create_application(
            store,
            &ApplicationInput {
                vacancy_id,
                platform: None,
                first_step: event(Stage::Interested, interested, "Looks like a fit"),
            },
            now,
        )
        .expect("generated application");
        let id = created.application.id;
        let record = |store: &mut Store, stage: Stage, date: NaiveDate| {
            applications::record_event(store, id, &event(stage, date, ""), now)
                .unwrap_or_else(|e| panic!("application {id} to {stage:?}: {e}"));
        };
        // Applications for vacancies still open are being prepared; the others were sent.
        let mut date = interested + Duration::days(3);
        if date >= today {
            continue;
        }
        record(store, Stage::Preparing, date);
        date = (deadline - Duration::days(2)).max(date);
        if date >= today {
            continue;
        }
        record(store, Stage::Submitted, date);
        for &stage in PATHS[seq.next(PATHS.len() as u64) as usize] {
            date += Duration::days(14 + seq.next(30) as i64);
            if date >= today {
                break;
            }
            record(store, stage, date);
        }
    }
}

/// A small but well-formed one-page PDF, different for each `n`.
fn pdf(n: u32) -> Vec<u8> {
    let text = format!("Scan {n}");
    let stream = format!("BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn documents(
    store: &mut Store,
    dir: &std::path::Path,
    seq: &mut Sequence,
    count: u32,
    today: NaiveDate,
    now: DateTime<Utc>,
) {
    let vault = Vault::open(dir).expect("open the vault");
    let mut stored = Vec::new();
    for n in 0..REAL_FILES {
        let kind = DocumentKind::ALL[n as usize % DocumentKind::ALL.len()];
        let imported = vault
            .import_reader(
                store,
                &mut pdf(n).as_slice(),
                &format!("scan {n:02}.pdf"),
                &ImportOptions {
                    kind,
                    supersedes: None,
                },
                now,
            )
            .expect("import a generated scan");
        stored.push(imported.document);
    }
    // The rest are rows through the store's one write path, each pointing at a stored scan:
    // importing thousands of distinct files would only measure the disk.
    let countries = ["FR", "CA", "BE"];
    let first = today - Duration::days(5 * 365);
    store
        .write(|tx| {
            let mut insert = tx.prepare(
                "INSERT INTO documents (kind, title, content_hash, original_name, media_type,
                     size_bytes, issued_on, issuing_country, supersedes_id, notes, created_utc)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10)",
            )?;
            for i in REAL_FILES..count {
                let scan = &stored[seq.next(stored.len() as u64) as usize];
                let kind = DocumentKind::ALL[i as usize % DocumentKind::ALL.len()];
                let issued = first + Duration::days(seq.next(5 * 365) as i64);
                // One document in five is a newer version of the one before it.
                let supersedes = i.is_multiple_of(5).then_some(i);
                let created = issued.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap());
                insert.execute(rusqlite::params![
                    kind.as_str(),
                    format!("{} {i}", kind_title(kind)),
                    scan.content_hash,
                    format!("document {i}.pdf"),
                    scan.media_type.mime(),
                    scan.size_bytes,
                    issued.to_string(),
                    countries[i as usize % countries.len()],
                    supersedes,
                    format!("{}Z", created.format("%Y-%m-%dT%H:%M:%S")),
                ])?;
            }
            Ok(())
        })
        .expect("record the documents");
}

fn kind_title(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Cv => "CV",
        DocumentKind::Diploma => "Diploma",
        DocumentKind::ProofOfEmployment => "Proof of employment",
        DocumentKind::CriminalRecord => "Criminal record certificate",
        DocumentKind::ReferenceLetter => "Reference letter",
        DocumentKind::LanguageCertificate => "Language certificate",
        DocumentKind::Identity => "Passport",
        DocumentKind::CoverLetter => "Cover letter",
        DocumentKind::TalentlinkApplication => "Talentlink application",
        DocumentKind::Other => "Scan",
    }
}

//! Document pack benchmark: exporting a pack of about 200 MB of scans to a zip, against
//! `zip -0 -q -r` over the same files. Prints `name=value` lines.
//!
//! cargo run --release -p dossier-core --example bench_packs -- <scratch dir>
//!
//! `BENCH_PACKS_MB` (default 200) sets the size of the pack, `BENCH_PACKS_RUNS` (default 5)
//! how many times each side runs, alternating; the median counts. The export checks every
//! file's SHA-256 against the vault, then writes and syncs the zip; `zip -0` does neither, so
//! a figure with `sync` after `zip` is printed too. The scratch dir's `bench-*` entries are
//! replaced.

use chrono::{NaiveDate, TimeZone, Utc};
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::packs::{PackFormat, checklist_for_application, export_pack, pack_plan};
use dossier_core::profile::{
    Education, EducationLevel, Employment, Profile, Reference, Residence, StudyStatus, WorkTime,
    load_profile, save_profile,
};
use dossier_core::store::Store;
use dossier_core::vacancy::{self, Platform, SaveOutcome, VacancyInput};
use dossier_core::vault::{
    self, DocumentKind, DocumentMetadata, ImportOptions, ProvenEntry, Vault,
};
use dossier_core::words::Wording;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;
use support::env_u64;

mod support;

const MIB: u64 = 1024 * 1024;
/// Scans as candidates make them: phone photos of a page, and multi-page PDFs.
const SIZES_MB: [u64; 6] = [2, 5, 3, 8, 4, 6];

fn main() {
    let Some(scratch) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_packs <scratch dir>");
        std::process::exit(2);
    };
    let total_mb = env_u64("BENCH_PACKS_MB", 200);
    let runs = env_u64("BENCH_PACKS_RUNS", 5);
    fs::create_dir_all(&scratch).expect("create the scratch dir");

    let sources = generate(&scratch.join("bench-pack-src"), total_mb * MIB);
    let bytes: u64 = sources.iter().map(|s| s.size).sum();
    let mb = bytes as f64 / MIB as f64;
    println!("bench_packs_mb={mb:.0}");
    println!("files={}", sources.len());

    let data = scratch.join("bench-pack-data");
    let (store, vault, application_id) = seed(&data, &sources);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let checklist = checklist_for_application(
        &store,
        application_id,
        today,
        Wording::from(DisplayLanguage::En),
    )
    .expect("checklist");
    assert!(checklist.complete, "{}", checklist.summary);
    let profile = load_profile(&store).expect("profile");
    let plan = pack_plan(
        &vault,
        &store,
        &checklist,
        profile.as_ref(),
        DisplayLanguage::En,
    )
    .expect("plan");
    assert_eq!(
        plan.entries.len(),
        sources.len() + 1,
        "every scan and the references"
    );

    let out = scratch.join("bench-pack-out");
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).expect("create the output dir");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let mut ours = Vec::new();
    let mut zip0 = Vec::new();
    let mut zip0_synced = Vec::new();
    for _ in 0..runs {
        let dest = out.join("pack.zip");
        let _ = fs::remove_file(&dest);
        let cancel = AtomicBool::new(false);
        let start = Instant::now();
        export_pack(
            &plan,
            &dest,
            PackFormat::Zip,
            false,
            now,
            &cancel,
            &mut |_| {},
        )
        .expect("export the pack");
        ours.push(start.elapsed().as_secs_f64());
        let _ = fs::remove_file(&dest);
        if let Some(s) = zip_seconds(&scratch.join("bench-pack-src"), &out, false) {
            zip0.push(s);
        }
        if let Some(s) = zip_seconds(&scratch.join("bench-pack-src"), &out, true) {
            zip0_synced.push(s);
        }
    }
    let ours_mb_s = mb / median(&mut ours);
    println!("pack_export_mb_s={ours_mb_s:.1}");
    if zip0.is_empty() {
        println!("zip0_mb_s=unavailable");
    } else {
        let zip_mb_s = mb / median(&mut zip0);
        println!("zip0_mb_s={zip_mb_s:.1}");
        println!("pack_export_ratio={:.2}", ours_mb_s / zip_mb_s);
    }
    if !zip0_synced.is_empty() {
        let synced_mb_s = mb / median(&mut zip0_synced);
        println!("zip0_sync_mb_s={synced_mb_s:.1}");
        println!("pack_export_ratio_vs_synced={:.2}", ours_mb_s / synced_mb_s);
    }
    drop(store);
    for dir in ["bench-pack-src", "bench-pack-data", "bench-pack-out"] {
        let _ = fs::remove_dir_all(scratch.join(dir));
    }
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

struct Source {
    path: PathBuf,
    size: u64,
}

/// Files adding up to about `total` bytes, alternating JPEG and PDF, with content no two share.
fn generate(dir: &Path, total: u64) -> Vec<Source> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).expect("create the source dir");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut block = vec![0u8; MIB as usize];
    let mut sources = Vec::new();
    let mut written_total = 0;
    let mut i = 0;
    while written_total < total {
        let size = (SIZES_MB[i % SIZES_MB.len()] * MIB).min(total - written_total);
        let (ext, head): (&str, &[u8]) = if i % 2 == 0 {
            ("pdf", b"%PDF-1.7\n")
        } else {
            ("jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
        };
        let path = dir.join(format!("scan {i:03}.{ext}"));
        let mut file = fs::File::create(&path).expect("create a source file");
        let mut written = 0;
        while written < size {
            for chunk in block.chunks_exact_mut(8) {
                // xorshift64: fast, and as incompressible as a scan.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                chunk.copy_from_slice(&state.to_le_bytes());
            }
            if written == 0 {
                block[..head.len()].copy_from_slice(head);
            }
            let n = (size - written).min(MIB) as usize;
            file.write_all(&block[..n]).expect("write a source file");
            written += n as u64;
        }
        sources.push(Source { path, size });
        written_total += size;
        i += 1;
    }
    sources
}

/// A profile whose checklist the files meet: the first is the CV, the last two the criminal
/// record certificates (France, Germany), half the rest diplomas and half proofs of employment.
fn seed(data: &Path, sources: &[Source]) -> (Store, Vault, u32) {
    let _ = fs::remove_dir_all(data);
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut store = Store::open(&data.join("dossier.db")).expect("open the store");
    let vault = Vault::open(data).expect("open the vault");
    let middle = sources.len().saturating_sub(3);
    let diplomas = middle / 2;
    let positions = middle - diplomas;
    let reference = |name: &str| Reference {
        id: 0,
        name: name.into(),
        contact: format!("{name}@example.org"),
        relation: "Former manager".into(),
        worked_directly: Some(true),
        hierarchical: Some(true),
        family_member: Some(false),
        interpol_staff: Some(false),
    };
    let profile = Profile {
        full_name: "Camille Martin".into(),
        email: "camille@example.org".into(),
        date_of_birth: Some(date(1980, 4, 2)),
        nationalities: vec!["FR".into()],
        country_of_origin: Some("FR".into()),
        residences: vec![Residence {
            country: "DE".into(),
            from: date(2020, 1, 1),
            to: None,
        }],
        education: (0..diplomas)
            .map(|i| Education {
                id: 0,
                level: EducationLevel::Master,
                field: format!("Field {i}"),
                institution: format!("University {i}"),
                from: Some(date(2000, 9, 1)),
                to: Some(date(2002, 6, 30)),
                status: StudyStatus::Completed,
            })
            .collect(),
        employment: (0..positions)
            .map(|i| Employment {
                id: 0,
                employer: format!("Employer {i}"),
                title: "Analyst".into(),
                from: date(2003, 1, 1),
                to: Some(date(2004, 1, 1)),
                work_time: WorkTime::FullTime,
                duties: None,
            })
            .collect(),
        references: vec![reference("jonas"), reference("amelie")],
        ..Profile::default()
    };
    save_profile(&mut store, profile, now).expect("save the profile");
    let profile = load_profile(&store).expect("load").expect("profile");

    for (i, source) in sources.iter().enumerate() {
        let (kind, proves, country) = if i == 0 {
            (DocumentKind::Cv, None, None)
        } else if i > middle {
            let country = if i == middle + 1 { "FR" } else { "DE" };
            (DocumentKind::CriminalRecord, None, Some(country))
        } else if i <= diplomas {
            let entry = ProvenEntry::Education(profile.education[i - 1].id);
            (DocumentKind::Diploma, Some(entry), None)
        } else {
            let entry = ProvenEntry::Employment(profile.employment[i - 1 - diplomas].id);
            (DocumentKind::ProofOfEmployment, Some(entry), None)
        };
        let options = ImportOptions {
            kind,
            supersedes: None,
        };
        let imported = vault
            .import_file(&mut store, &source.path, &options, now)
            .expect("import a scan");
        let metadata = DocumentMetadata {
            title: format!("Scan {i}"),
            kind,
            issued_on: country.map(|_| date(2026, 11, 1)),
            expires_on: None,
            issuing_country: country.map(str::to_string),
            proves,
            notes: String::new(),
            supersedes: None,
        };
        vault::update_metadata(&mut store, imported.document.id, &metadata, today)
            .expect("describe a scan");
    }

    let input = VacancyInput::new(
        Platform::RecruitmentHub,
        "1503",
        "Criminal Intelligence Officer",
    );
    let vacancy_id = match vacancy::create_vacancy(&mut store, input, now).expect("vacancy") {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("vacancy not saved: {other:?}"),
    };
    let application = applications::create_application(
        &mut store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: EventInput {
                stage: Stage::Submitted,
                date: date(2026, 11, 1),
                time: None,
                zone: None,
                note: String::new(),
            },
        },
        now,
    )
    .expect("application");
    (store, vault, application.application.id)
}

/// `zip -0 -q -r` of the source folder; `None` without `zip`. With `sync`, the zip is flushed
/// to disk before the clock stops, as the export does.
fn zip_seconds(src: &Path, out: &Path, sync: bool) -> Option<f64> {
    let dest = out.join("baseline.zip");
    let _ = fs::remove_file(&dest);
    let start = Instant::now();
    let zipped = Command::new("zip")
        .args(["-0", "-q", "-r"])
        .arg(&dest)
        .arg(".")
        .current_dir(src)
        .status()
        .ok()?;
    if !zipped.success() {
        return None;
    }
    if sync {
        let synced = Command::new("sync").arg("-f").arg(&dest).status().ok()?;
        if !synced.success() {
            return None;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let _ = fs::remove_file(&dest);
    Some(seconds)
}

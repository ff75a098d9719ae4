//! Backup benchmark on the large history (`generate_history`): the first backup against `cp -r`
//! of the same files followed by `sync`, measured in the same run; a second backup after one new
//! document; a restore. Prints `name=value` lines.
//!
//! cargo run --release -p dossier-core --example bench_backup -- <data dir> <scratch dir>
//!
//! The data dir is changed (one document added, then the backup restored over it); the scratch
//! dir's `bench-*` folders are replaced. `BENCH_BACKUP_RUNS` (default 2) sets how many times the
//! first backup and `cp -r` each run (the best run counts).

use chrono::{Duration, Utc};
use dossier_core::backup;
use dossier_core::store::{self, DATABASE_FILE, Store};
use dossier_core::vault::{DocumentKind, ImportOptions, VAULT_FOLDER, Vault};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use support::env_u64;

mod support;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(data), Some(scratch)) = (args.next(), args.next()) else {
        eprintln!("usage: bench_backup <data dir> <scratch dir>");
        std::process::exit(2);
    };
    let runs = env_u64("BENCH_BACKUP_RUNS", 2).max(1);
    fs::create_dir_all(&scratch).expect("create the scratch dir");
    let now = Utc::now();

    let mut first = f64::MAX;
    let mut cp = f64::MAX;
    let backups = scratch.join("bench-backups");
    for _ in 0..runs {
        let _ = fs::remove_dir_all(&backups);
        // The database and the scans are read once beforehand, so both sides copy from the
        // page cache, and pending writes are flushed so neither pays for the other's.
        warm(&data);
        sync();
        let store = Store::open(&data.join(DATABASE_FILE)).expect("open the store");
        let vault = Vault::open(&data).expect("open the vault");
        let start = Instant::now();
        backup::create(&store, &vault, &backups, now, "bench").expect("first backup");
        first = first.min(start.elapsed().as_secs_f64());
        drop(store);
        sync();
        if let Some(s) = cp_seconds(&data, &scratch.join("bench-cp")) {
            cp = cp.min(s);
        }
    }
    println!("backup_first_s={first:.3}");
    if cp < f64::MAX {
        println!("cp_r_s={cp:.3}");
        // Speed relative to `cp -r`: 1.0 is as fast, 0.5 takes twice as long.
        println!("backup_first_vs_cp_ratio={:.2}", cp / first);
    } else {
        println!("cp_r_s=unavailable");
    }

    let mut store = Store::open(&data.join(DATABASE_FILE)).expect("open the store");
    let vault = Vault::open(&data).expect("open the vault");
    let mut scan = b"%PDF-1.7\n".to_vec();
    scan.extend_from_slice(format!("new scan {now}").as_bytes());
    scan.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    vault
        .import_reader(
            &mut store,
            &mut scan.as_slice(),
            "new certificate.pdf",
            &ImportOptions {
                kind: DocumentKind::CriminalRecord,
                supersedes: None,
            },
            now,
        )
        .expect("import one new document");
    sync();
    let start = Instant::now();
    let second = backup::create(&store, &vault, &backups, now + Duration::days(1), "bench")
        .expect("second backup");
    println!("backup_second_s={:.3}", start.elapsed().as_secs_f64());
    println!("backup_mib={:.1}", second.bytes / (1024.0 * 1024.0));
    drop(store);

    sync();
    let start = Instant::now();
    let aside = backup::restore(
        &backups,
        &second.id,
        &data,
        now + Duration::days(1),
        store::latest_schema_version(),
    )
    .expect("restore");
    println!("restore_s={:.3}", start.elapsed().as_secs_f64());
    let restored = Store::open(&data.join(DATABASE_FILE)).expect("open the restored store");
    let overview = restored.overview().expect("overview");
    assert_eq!(
        (
            overview.vacancies,
            overview.applications,
            overview.documents
        ),
        (second.vacancies, second.applications, second.documents)
    );
    let _ = fs::remove_dir_all(aside);
    let _ = fs::remove_dir_all(&backups);
    let _ = fs::remove_dir_all(scratch.join("bench-cp"));
}

fn warm(data: &Path) {
    for path in [data.join(DATABASE_FILE), data.join(VAULT_FOLDER)] {
        let _ = read_all(&path);
    }
}

fn read_all(path: &Path) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in fs::read_dir(path)? {
            read_all(&entry?.path())?;
        }
        Ok(())
    } else {
        fs::read(path).map(|_| ())
    }
}

/// `cp -r` of the database and the vault folder into a fresh folder, then `sync`; `None`
/// without the tools.
fn cp_seconds(data: &Path, dest: &Path) -> Option<f64> {
    let _ = fs::remove_dir_all(dest);
    fs::create_dir_all(dest).ok()?;
    let start = Instant::now();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(data.join(DATABASE_FILE))
        .arg(data.join(VAULT_FOLDER))
        .arg(dest)
        .status()
        .ok()?;
    let synced = Command::new("sync").status().ok()?;
    let seconds = start.elapsed().as_secs_f64();
    (copied.success() && synced.success()).then_some(seconds)
}

fn sync() {
    let _ = Command::new("sync").status();
}

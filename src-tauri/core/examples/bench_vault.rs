//! Vault benchmark: import throughput against `cp` + `sha256sum` of the same files, and the
//! document list and search at 5,000 and 50,000 documents (figures suffixed `_5k`, `_50k`).
//! Prints `name=value` lines.
//!
//! cargo run --release -p dossier-core --example bench_vault -- <scratch dir>
//!
//! With encryption at rest on (issue 16) the import is measured again (`vault_import_ratio_
//! encrypted`, sealed as it is imported), and the list and search at 5,000 documents with the
//! database under SQLCipher (`…_encrypted`, and each one's `…_encrypted_ratio` to the clear
//! figure).
//!
//! `BENCH_VAULT_MB` (default 1024) sets how much to import, `BENCH_VAULT_FILE_MB` (default 8)
//! the size of each file, `BENCH_VAULT_RUNS` (default 2) how many times each side runs (the
//! best run counts). The scratch dir's `bench-*` folders are replaced.

use chrono::{Duration, TimeZone, Utc};
use dossier_core::encryption::at_rest;
use dossier_core::encryption::key_file::KdfParams;
use dossier_core::store::Store;
use dossier_core::vault::{self, DocumentKind, DocumentQuery, ImportOutcome, Vault};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;
use support::env_u64;

mod support;

const MIB: u64 = 1024 * 1024;
/// The document counts the list is measured at, each with the suffix its figures get.
const LIST_SIZES: [(u32, &str); 2] = [(5_000, "5k"), (50_000, "50k")];
const LIST_SAMPLES: usize = 200;

fn main() {
    let Some(scratch) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_vault <scratch dir>");
        std::process::exit(2);
    };
    let total_mb = env_u64("BENCH_VAULT_MB", 1024);
    let file_mb = env_u64("BENCH_VAULT_FILE_MB", 8).min(total_mb);
    let runs = env_u64("BENCH_VAULT_RUNS", 2);
    fs::create_dir_all(&scratch).expect("create the scratch dir");

    let sources = generate(
        &scratch.join("bench-src"),
        total_mb / file_mb,
        file_mb * MIB,
    );
    let bytes: u64 = sources.len() as u64 * file_mb * MIB;
    let mb = bytes as f64 / MIB as f64;
    println!("bench_vault_mb={mb:.0}");
    println!("files={}", sources.len());

    let mut ours = f64::MAX;
    let mut ours_encrypted = f64::MAX;
    let mut baseline = f64::MAX;
    let mut baseline_synced = f64::MAX;
    for run in 0..runs {
        ours = ours.min(import_seconds(&scratch, &sources, run, false));
        ours_encrypted = ours_encrypted.min(import_seconds(&scratch, &sources, run, true));
        if let Some(s) = baseline_seconds(&scratch, &sources, false) {
            baseline = baseline.min(s);
        }
        if let Some(s) = baseline_seconds(&scratch, &sources, true) {
            baseline_synced = baseline_synced.min(s);
        }
    }
    let ours_mb_s = mb / ours;
    println!("vault_import_mb_s={ours_mb_s:.1}");
    if baseline < f64::MAX {
        let base_mb_s = mb / baseline;
        println!("baseline_cp_sha256sum_mb_s={base_mb_s:.1}");
        println!("vault_import_ratio={:.2}", ours_mb_s / base_mb_s);
        println!("vault_import_mb_s_encrypted={:.1}", mb / ours_encrypted);
        println!(
            "vault_import_ratio_encrypted={:.2}",
            mb / ours_encrypted / base_mb_s
        );
    } else {
        println!("baseline_cp_sha256sum_mb_s=unavailable");
    }
    if baseline_synced < f64::MAX {
        // The vault syncs every file before recording it; `cp` alone does not.
        let synced_mb_s = mb / baseline_synced;
        println!("baseline_cp_sync_sha256sum_mb_s={synced_mb_s:.1}");
        println!(
            "vault_import_ratio_vs_synced={:.2}",
            ours_mb_s / synced_mb_s
        );
    }
    let _ = fs::remove_dir_all(scratch.join("bench-src"));

    let mut clear_5k = Vec::new();
    for (documents, suffix) in LIST_SIZES {
        let figures = list_benchmark(&scratch, documents, suffix, false);
        if documents == 5_000 {
            clear_5k = figures;
        }
    }
    let encrypted = list_benchmark(&scratch, 5_000, "5k", true);
    let mut worst: f64 = 0.0;
    for ((name, clear), (_, encrypted)) in clear_5k.iter().zip(&encrypted) {
        let ratio = encrypted / clear.max(0.001);
        worst = worst.max(ratio);
        println!("{name}_5k_encrypted_ratio={ratio:.2}");
    }
    println!("list_search_encrypted_ratio_max={worst:.2}");
    write_benchmark(&scratch);
}

const WRITE_SAMPLES: usize = 200;

/// One small committed write (a document row), as the store makes it (`synchronous=FULL`,
/// which survives a power cut) and as it was made before (`NORMAL`, which may lose the last
/// commits), in the same run on the same disk: the ratio is the figure, not the absolute time.
fn write_benchmark(scratch: &Path) {
    let dir = scratch.join("bench-writes");
    let _ = fs::remove_dir_all(&dir);
    let path = dir.join("dossier.db");
    let mut store = Store::open(&path).expect("open the store");
    let mut full = Vec::with_capacity(WRITE_SAMPLES);
    for i in 0..WRITE_SAMPLES {
        let start = Instant::now();
        store
            .write(|tx| insert_document(tx, i, "full"))
            .expect("write a row");
        full.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    drop(store);
    // The same transaction on the same file, through a connection set up as the store used to.
    let mut conn = rusqlite::Connection::open(&path).expect("open the database");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("WAL");
    conn.pragma_update(None, "foreign_keys", "ON")
        .expect("foreign keys");
    conn.pragma_update(None, "synchronous", "NORMAL")
        .expect("synchronous");
    let mut normal = Vec::with_capacity(WRITE_SAMPLES);
    for i in 0..WRITE_SAMPLES {
        let start = Instant::now();
        let tx = conn.transaction().expect("begin");
        insert_document(&tx, i, "normal").expect("write a row");
        tx.commit().expect("commit");
        normal.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let full_p50 = p50(&mut full);
    let normal_p50 = p50(&mut normal);
    println!("write_p50_ms_full={full_p50:.3}");
    println!("write_p50_ms_normal={normal_p50:.3}");
    println!(
        "write_full_vs_normal_ratio={:.2}",
        full_p50 / normal_p50.max(1e-9)
    );
    let _ = fs::remove_dir_all(&dir);
}

fn insert_document(tx: &rusqlite::Connection, i: usize, tag: &str) -> dossier_core::Result<()> {
    tx.execute(
        "INSERT INTO documents (kind, title, content_hash, original_name, media_type,
             size_bytes, notes, created_utc)
         VALUES ('other', ?1, ?2, 'w.pdf', 'application/pdf', 1, '', '2026-01-01T00:00:00Z')",
        rusqlite::params![
            format!("Write {tag} {i}"),
            vault::sha256_hex(format!("{tag}{i}").as_bytes())
        ],
    )?;
    Ok(())
}

fn p50(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `count` files of `size` bytes that sniff as PDF, with content no two files share.
fn generate(dir: &Path, count: u64, size: u64) -> Vec<PathBuf> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).expect("create the source dir");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut block = vec![0u8; MIB as usize];
    (0..count.max(1))
        .map(|i| {
            let path = dir.join(format!("scan {i:04}.pdf"));
            let mut file = fs::File::create(&path).expect("create a source file");
            let mut written = 0;
            while written < size {
                for chunk in block.chunks_exact_mut(8) {
                    // xorshift64: fast, and incompressible enough for a copy benchmark.
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    chunk.copy_from_slice(&state.to_le_bytes());
                }
                if written == 0 {
                    block[..9].copy_from_slice(b"%PDF-1.7\n");
                }
                let n = (size - written).min(MIB) as usize;
                file.write_all(&block[..n]).expect("write a source file");
                written += n as u64;
            }
            path
        })
        .collect()
}

fn import_seconds(scratch: &Path, sources: &[PathBuf], run: u64, encrypted: bool) -> f64 {
    let data = scratch.join(format!("bench-data-{run}"));
    let _ = fs::remove_dir_all(&data);
    let (mut store, vault) = open(&data, encrypted);
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let start = Instant::now();
    let items = vault.import_batch(&mut store, sources, DocumentKind::Other, now, None);
    let seconds = start.elapsed().as_secs_f64();
    let imported = items
        .iter()
        .filter(|i| matches!(i.outcome, ImportOutcome::Imported { .. }))
        .count();
    assert_eq!(
        imported,
        sources.len(),
        "every file should import: {items:?}"
    );
    drop(store);
    let _ = fs::remove_dir_all(&data);
    seconds
}

/// `cp` of the files into a fresh folder, then `sha256sum` of the copies; `None` without the
/// tools. With `sync`, the copies are flushed to disk before hashing, as the vault does.
fn baseline_seconds(scratch: &Path, sources: &[PathBuf], sync: bool) -> Option<f64> {
    let dest = scratch.join("bench-baseline");
    let _ = fs::remove_dir_all(&dest);
    fs::create_dir_all(&dest).ok()?;
    let start = Instant::now();
    let copied = Command::new("cp").args(sources).arg(&dest).status().ok()?;
    if !copied.success() {
        return None;
    }
    if sync {
        let synced = Command::new("sync").arg("-f").arg(&dest).status().ok()?;
        if !synced.success() {
            return None;
        }
    }
    let copies: Vec<PathBuf> = sources
        .iter()
        .filter_map(|s| Some(dest.join(s.file_name()?)))
        .collect();
    let hashed = Command::new("sha256sum").args(&copies).output().ok()?;
    let seconds = start.elapsed().as_secs_f64();
    let _ = fs::remove_dir_all(&dest);
    hashed.status.success().then_some(seconds)
}

/// A fresh store and vault in `data`, with encryption at rest on when `encrypted` (quick
/// Argon2id parameters: the unlock is `bench_encryption`'s figure).
fn open(data: &Path, encrypted: bool) -> (Store, Vault) {
    let path = data.join("dossier.db");
    if !encrypted {
        return (
            Store::open(&path).expect("open the store"),
            Vault::open(data).expect("open the vault"),
        );
    }
    drop(Store::open(&path).expect("open the store"));
    drop(Vault::open(data).expect("open the vault"));
    let (key, _) = at_rest::turn_on_with(data, b"bench", KdfParams::FAST_FOR_TESTS)
        .expect("turn encryption on");
    (
        Store::open_keyed(&path, Some(&key)).expect("open the encrypted store"),
        Vault::open_keyed(data, Some(Arc::new(key))).expect("open the encrypted vault"),
    )
}

fn list_benchmark(
    scratch: &Path,
    documents: u32,
    suffix: &str,
    encrypted: bool,
) -> Vec<(&'static str, f64)> {
    let path = scratch.join("bench-list").join("dossier.db");
    let _ = fs::remove_dir_all(path.parent().unwrap_or(scratch));
    let (mut store, _vault) = open(path.parent().unwrap_or(scratch), encrypted);
    let mut figures = Vec::new();
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    store
        .write(|tx| {
            let mut insert = tx.prepare(
                "INSERT INTO documents (kind, title, content_hash, original_name, media_type,
                     size_bytes, issued_on, issuing_country, supersedes_id, notes, created_utc)
                 VALUES (?1, ?2, ?3, ?4, 'application/pdf', ?5, '2025-01-01', 'FR', ?6, '', ?7)",
            )?;
            for i in 1..=documents {
                let kind = DocumentKind::ALL[i as usize % DocumentKind::ALL.len()];
                // One document in five is a newer version of the one before it.
                let supersedes = (i % 5 == 0).then(|| i - 1);
                let created = start + Duration::minutes(i64::from(i));
                insert.execute(rusqlite::params![
                    kind.as_str(),
                    format!("Document {i} – scan of the original"),
                    vault::sha256_hex(&i.to_le_bytes()),
                    format!("document {i}.pdf"),
                    100_000 + i,
                    supersedes,
                    created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                ])?;
            }
            Ok(())
        })
        .expect("seed the documents");

    let queries = [
        ("documents_list_p95_ms", DocumentQuery::default()),
        (
            "documents_list_all_p95_ms",
            DocumentQuery {
                kind: None,
                include_superseded: true,
                ..Default::default()
            },
        ),
        (
            "documents_list_kind_p95_ms",
            DocumentQuery {
                kind: Some(DocumentKind::Diploma),
                include_superseded: false,
                ..Default::default()
            },
        ),
        // Words as the candidate types them: one that finds a single document, and one that
        // every title holds, which costs the most.
        (
            "documents_search_p95_ms",
            DocumentQuery {
                text: Some("docum 4321".into()),
                ..Default::default()
            },
        ),
        (
            "documents_search_common_word_p95_ms",
            DocumentQuery {
                text: Some("scan".into()),
                ..Default::default()
            },
        ),
    ];
    for (name, query) in queries {
        let mut samples: Vec<f64> = (0..LIST_SAMPLES)
            .map(|_| {
                let t = Instant::now();
                let docs = vault::list_documents(&store, &query).expect("list");
                assert!(!docs.is_empty());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        let p95 = samples[(samples.len() * 95).div_ceil(100) - 1];
        let tail = if encrypted { "_encrypted" } else { "" };
        println!("{name}_{suffix}{tail}={p95:.2}");
        figures.push((name, p95));
    }
    drop(store);
    let _ = fs::remove_dir_all(path.parent().unwrap_or(scratch));
    figures
}

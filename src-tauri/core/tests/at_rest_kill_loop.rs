//! Kills the at-rest worker (`crash/at_rest_worker.rs`) with SIGKILL at random moments while it
//! turns encryption on and off, and after each kill does what the app does at start
//! (`at_rest::state`, then the store and the vault opened, keyed when encrypted), then checks
//! that the data folder is wholly in one state: no conversion folder left, every vacancy there
//! and found by the search, every document's bytes read back exactly, the vault check healthy,
//! and the database and every object in the form the state says (encrypted or clear).
//!
//! `AT_REST_KILLS` sets the number of kills (default 20; `make crash-test` runs more),
//! `DOSSIER_CRASH_SEED` replays a run (the seed is printed at the start).

#![cfg(unix)]

use chrono::{DateTime, Utc};
use dossier_core::encryption::at_rest::{self, AtRest, Secret};
use dossier_core::encryption::sealed::MAGIC;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{
    Platform, SaveOutcome, VacancyInput, VacancyQuery, create_vacancy, list_vacancies,
};
use dossier_core::vault::{DocumentKind, ImportOptions, VAULT_FOLDER, Vault};
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PASSPHRASE: &[u8] = b"kill loop passphrase";
const VACANCIES: u32 = 40;
const SIGKILL: i32 = 9;

fn now() -> DateTime<Utc> {
    "2026-12-07T10:00:00Z".parse().unwrap()
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Vacancies and documents of several sizes (one over several sealed chunks).
fn fill(root: &Path, data: &Path) -> BTreeMap<u32, Vec<u8>> {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data).unwrap();
    for n in 0..VACANCIES {
        let input = VacancyInput::new(
            Platform::RecruitmentHub,
            format!("R{n:04}"),
            format!("Analyst {n}"),
        );
        assert!(matches!(
            create_vacancy(&mut store, input, now()).unwrap(),
            SaveOutcome::Saved { .. }
        ));
    }
    let mut documents = BTreeMap::new();
    for (n, size) in [10usize, 4_000, 65_536, 140_000].into_iter().enumerate() {
        let mut bytes = format!("%PDF-1.4\n% document {n}\n").into_bytes();
        let mut x = n as u32 + 1;
        while bytes.len() < size {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            bytes.push((x >> 16) as u8);
        }
        let source = root.join(format!("doc{n}.pdf"));
        fs::write(&source, &bytes).unwrap();
        let imported = vault
            .import_file(
                &mut store,
                &source,
                &ImportOptions {
                    kind: DocumentKind::Other,
                    supersedes: None,
                },
                now(),
            )
            .unwrap();
        documents.insert(imported.document.id, bytes);
    }
    documents
}

#[test]
fn a_kill_at_any_moment_of_a_conversion_leaves_one_whole_state() {
    let kills = env_u64("AT_REST_KILLS").unwrap_or(20);
    let seed = env_u64("DOSSIER_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    });
    eprintln!("at-rest kill loop: {kills} kills, DOSSIER_CRASH_SEED={seed}");
    let mut rng = SplitMix(seed);
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let documents = fill(root.path(), &data);
    let started = Instant::now();
    let mut acks = 0u64;
    let mut seen = [0u64; 2];
    for run in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_at-rest-worker"))
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        assert_eq!(line.trim_end(), "ready", "the worker started");
        // The moment of the kill: after a random number of finished conversions, then a
        // random fraction of the next one.
        for _ in 0..rng.below(3) {
            line.clear();
            if lines.read_line(&mut line).unwrap() == 0 {
                break;
            }
            acks += 1;
        }
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert_eq!(
            status.signal(),
            Some(SIGKILL),
            "the worker stopped by itself (DOSSIER_CRASH_SEED={seed}): {stderr}"
        );
        let mut rest = String::new();
        lines.read_to_string(&mut rest).unwrap();
        acks += rest.lines().filter(|l| l.starts_with("ack")).count() as u64;
        let state = check_one_whole_state(
            &data,
            &documents,
            &format!("kill {run} (DOSSIER_CRASH_SEED={seed})"),
        );
        seen[usize::from(state == AtRest::Encrypted)] += 1;
    }
    eprintln!(
        "at-rest kill loop: {kills} kills, {acks} conversions finished, found clear {} and encrypted {} times, {:.1} s",
        seen[0],
        seen[1],
        started.elapsed().as_secs_f64()
    );
    assert!(acks >= 1, "no conversion ever finished: nothing was tested");
}

fn check_one_whole_state(data: &Path, documents: &BTreeMap<u32, Vec<u8>>, when: &str) -> AtRest {
    let state = at_rest::state(data).unwrap_or_else(|e| panic!("{when}: state: {e}"));
    assert!(
        !data.join(at_rest::CONVERSION_FOLDER).exists(),
        "{when}: a conversion folder is left"
    );
    let key = match state {
        AtRest::Clear => None,
        AtRest::Encrypted => Some(
            at_rest::unlock(data, Secret::Passphrase(PASSPHRASE))
                .unwrap_or_else(|e| panic!("{when}: unlock: {e}")),
        ),
    };
    let db = fs::read(data.join(DATABASE_FILE)).unwrap();
    assert_eq!(
        db.starts_with(b"SQLite format 3\0"),
        key.is_none(),
        "{when}: the database is not in the form of the state {state:?}"
    );
    for object in objects(data) {
        let sealed = fs::read(&object).unwrap().starts_with(MAGIC);
        assert_eq!(
            sealed,
            key.is_some(),
            "{when}: {} in the wrong form for {state:?}",
            object.display()
        );
    }
    let store = Store::open_keyed(&data.join(DATABASE_FILE), key.as_ref())
        .unwrap_or_else(|e| panic!("{when}: open the store: {e}"));
    let vault = Vault::open_keyed(data, key.clone().map(Arc::new))
        .unwrap_or_else(|e| panic!("{when}: open the vault: {e}"));
    assert_eq!(store.overview().unwrap().vacancies, VACANCIES, "{when}");
    let found = list_vacancies(
        &store,
        &VacancyQuery {
            text: Some("Analyst".into()),
            limit: Some(1000),
            ..VacancyQuery::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(found.items.len() as u32, VACANCIES, "{when}: the search");
    for (id, bytes) in documents {
        let read = vault
            .read_bytes(&store, *id)
            .unwrap_or_else(|e| panic!("{when}: document {id}: {e}"));
        assert!(
            read == *bytes,
            "{when}: document {id} reads back other bytes"
        );
    }
    let report = vault.check_integrity(&store).unwrap();
    assert!(report.healthy, "{when}: the vault check: {report:?}");
    let integrity: String = store
        .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(integrity, "ok", "{when}");
    state
}

fn objects(data: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for shard in fs::read_dir(data.join(VAULT_FOLDER)).unwrap().flatten() {
        if shard.path().is_dir() {
            out.extend(
                fs::read_dir(shard.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
        }
    }
    out
}

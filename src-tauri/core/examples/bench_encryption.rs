//! Encryption benchmark (issue 16): what an unlock costs with the default Argon2id parameters,
//! and how fast vault content is sealed and opened, beside SHA-256 of the same bytes (what an
//! import already pays). In memory, so the disk does not blur the cipher's own speed. Prints
//! `name=value` lines.
//!
//! cargo run --release -p dossier-core --example bench_encryption
//!
//! `BENCH_ENCRYPTION_MB` (default 256) sets how much content is sealed, `BENCH_UNLOCK_RUNS`
//! (default 5) how many unlocks are timed (the median counts).
//! `unlock_cpu_ms` is the process's CPU time per Argon2id run, which a busy machine does not
//! inflate as it does `unlock_ms`.

use dossier_core::encryption::MasterKey;
use dossier_core::encryption::key_file::{KdfParams, KeyFile};
use dossier_core::encryption::recovery::RecoveryKey;
use dossier_core::encryption::sealed::{SealedReader, SealedWriter};
use sha2::{Digest, Sha256};
use std::io::{self, Read, Write};
use std::time::Instant;
use support::env_u64;

mod support;

const MIB: usize = 1024 * 1024;

fn main() {
    let mb = env_u64("BENCH_ENCRYPTION_MB", 256) as usize;
    let runs = env_u64("BENCH_UNLOCK_RUNS", 5).max(1) as usize;

    // The defaults unless `BENCH_ARGON2_MEMORY_KIB` / `BENCH_ARGON2_ITERATIONS` try others.
    let params = KdfParams {
        memory_kib: env_u64(
            "BENCH_ARGON2_MEMORY_KIB",
            KdfParams::DEFAULT.memory_kib.into(),
        ) as u32,
        iterations: env_u64(
            "BENCH_ARGON2_ITERATIONS",
            KdfParams::DEFAULT.iterations.into(),
        ) as u32,
        ..KdfParams::DEFAULT
    };
    println!("argon2id_memory_kib={}", params.memory_kib);
    println!("argon2id_iterations={}", params.iterations);
    println!("argon2id_lanes={}", params.lanes);
    let master = MasterKey::generate().expect("random");
    let recovery = RecoveryKey::generate().expect("random");
    let file = KeyFile::create(&master, b"bench passphrase", &recovery, params).expect("key file");
    let cpu_before = cpu_ns();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let key = file
                .unlock_with_passphrase(b"bench passphrase")
                .expect("unlock");
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(key, master);
            ms
        })
        .collect();
    let cpu_after = cpu_ns();
    times.sort_by(f64::total_cmp);
    println!("unlock_ms={:.0}", times[times.len() / 2]);
    match (cpu_before, cpu_after) {
        (Some(a), Some(b)) => println!("unlock_cpu_ms={:.0}", (b - a) as f64 / 1e6 / runs as f64),
        _ => println!("unlock_cpu_ms=unavailable"),
    }
    let start = Instant::now();
    let _ = file.unlock_with_passphrase(b"a wrong passphrase");
    println!(
        "wrong_passphrase_ms={:.0}",
        start.elapsed().as_secs_f64() * 1000.0
    );

    let content: Vec<u8> = (0..mb * MIB).map(|i| (i * 31 + i / 4093) as u8).collect();
    let start = Instant::now();
    let mut writer = SealedWriter::new(Vec::with_capacity(content.len() + MIB), &master, b"bench")
        .expect("header");
    // In import-sized pieces, as the vault copies (256 KiB).
    for piece in content.chunks(256 * 1024) {
        writer.write_all(piece).expect("seal");
    }
    let sealed = writer.finish().expect("seal");
    let seal_s = start.elapsed().as_secs_f64();
    println!("vault_encrypt_mib_per_s={:.0}", mb as f64 / seal_s);

    let start = Instant::now();
    let mut reader = SealedReader::new(&sealed[..], &master, b"bench").expect("header");
    let mut buf = vec![0u8; 256 * 1024];
    let mut opened = 0usize;
    loop {
        let n = reader.read(&mut buf).expect("open");
        if n == 0 {
            break;
        }
        opened += n;
    }
    let open_s = start.elapsed().as_secs_f64();
    assert_eq!(opened, content.len());
    println!("vault_decrypt_mib_per_s={:.0}", mb as f64 / open_s);

    let start = Instant::now();
    let digest = Sha256::digest(&content);
    let sha_s = start.elapsed().as_secs_f64();
    io::sink().write_all(&digest).expect("sink");
    println!("sha256_mib_per_s={:.0}", mb as f64 / sha_s);
    println!(
        "sealed_overhead_percent={:.2}",
        (sealed.len() - content.len()) as f64 * 100.0 / content.len() as f64
    );
}

/// CPU time of this thread so far, in nanoseconds (Linux's schedstat); Argon2id with one lane
/// runs on the calling thread.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

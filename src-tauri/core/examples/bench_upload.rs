//! Upload-ready PDF benchmark: twenty phone photos of about 3 MB each (12 MP, sensor-like
//! noise over smooth shading, so they do not compress to nothing) made into one PDF under
//! 5 MB. Prints `name=value` lines; the made file is checked by `qpdf --check` and `pdfinfo`
//! when they are installed, and the run fails if either complains. The make is also printed
//! as a ratio to decoding the twenty photos once, in the same run, which load on the machine
//! slows alike.
//!
//! cargo run --release -p dossier-core --example bench_upload [scratch folder]

use dossier_core::upload::{MakeOptions, Purpose, SourceFile, make_pdf};
use dossier_core::vault::MediaType;
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use std::process::Command;
use std::time::Instant;

const PHOTOS: u32 = 20;
const LIMIT: u64 = 5_000_000;

fn photo(seed: u32) -> Vec<u8> {
    let (w, h) = (4032, 3024);
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let img = RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let n = (state % 25) as i32 - 12;
        let shade = ((x / 7 + y / 5 + seed * 13) % 256) as i32;
        Rgb([
            shade + n,
            (x * 255 / w) as i32 + n,
            (y * 255 / h) as i32 - n,
        ]
        .map(|v| v.clamp(0, 255) as u8))
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&img)
        .expect("encoding into memory");
    bytes
}

fn main() {
    let sources: Vec<SourceFile> = (0..PHOTOS)
        .map(|i| SourceFile {
            document_id: i + 1,
            title: format!("Scan {}", i + 1),
            media: MediaType::Jpeg,
            bytes: Some(photo(i)),
        })
        .collect();
    let input: usize = sources
        .iter()
        .map(|s| s.bytes.as_ref().map_or(0, Vec::len))
        .sum();
    eprintln!("input: {PHOTOS} photos, {:.1} MB", input as f64 / 1e6);
    let options = MakeOptions {
        limit_bytes: LIMIT,
        purpose: Purpose::Proof,
        title: "Scans".into(),
    };
    // The reference, on the same machine in the same minute: one full decode of every photo,
    // one after another. The make is printed against it too, so its figure still says
    // something when other work shares the cores.
    let started = Instant::now();
    for source in &sources {
        let bytes = source.bytes.as_deref().expect("made above");
        image::load_from_memory(bytes).expect("decoding a photo made above");
    }
    let reference_ms = started.elapsed().as_millis().max(1);
    let started = Instant::now();
    let made = make_pdf(&sources, &options).expect("twenty photos fit in 5 MB");
    let ms = started.elapsed().as_millis();
    println!("upload_pdf_20_scans_ms={ms}");
    println!("upload_pdf_20_scans_decode_once_ms={reference_ms}");
    println!(
        "upload_pdf_20_scans_vs_decode_once={:.2}",
        ms as f64 / reference_ms as f64
    );
    println!(
        "upload_pdf_20_scans_mb={:.2}",
        made.bytes.len() as f64 / 1e6
    );
    println!(
        "upload_pdf_20_scans_recompressed={}",
        made.report.pages_recompressed
    );
    assert!(made.bytes.len() as u64 <= LIMIT);

    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let path = dir.join("bench_upload.pdf");
    std::fs::write(&path, &made.bytes).expect("writing the made file");
    for (tool, args) in [("qpdf", vec!["--check"]), ("pdfinfo", vec![])] {
        match Command::new(tool).args(args).arg(&path).output() {
            Ok(out) => {
                let text = String::from_utf8_lossy(&out.stderr).to_string()
                    + &String::from_utf8_lossy(&out.stdout);
                let warned = text.to_lowercase().contains("warning")
                    || (tool == "pdfinfo" && !out.stderr.is_empty());
                assert!(out.status.success() && !warned, "{tool} complained: {text}");
                eprintln!("{tool}: clean");
            }
            Err(_) => eprintln!("{tool} is not installed: not checked"),
        }
    }
    let _ = std::fs::remove_file(&path);
}

//! Upload-ready PDFs: made from images and PDFs in order, under the limit, with unusable
//! sources named; the result is checked by qpdf and pdfinfo when they are installed.

use dossier_core::error::Error;
use dossier_core::upload::{MakeOptions, Note, Purpose, SkipReason, SourceFile, make_pdf};
use dossier_core::vault::MediaType;
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use lopdf::{Document, Object, Stream, dictionary};
use std::process::Command;

/// A photo-like image: smooth gradients under pseudo-random noise, so it does not compress
/// to nothing.
fn noisy_jpeg(w: u32, h: u32, quality: u8, seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let img = RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let n = (state % 48) as i32 - 24;
        let base = [(x * 255 / w) as i32, (y * 255 / h) as i32, 128];
        Rgb(base.map(|b| (b + n).clamp(0, 255) as u8))
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, quality)
        .encode_image(&img)
        .unwrap();
    bytes
}

fn text_pdf(text: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = format!("BT /F1 24 Tf 72 700 Td ({text}) Tj ET");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    // MediaBox and Resources on the tree, so the merge must carry inherited attributes over.
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn source(id: u32, media: MediaType, bytes: Option<Vec<u8>>) -> SourceFile {
    SourceFile {
        document_id: id,
        title: format!("Pièce {id}"),
        media,
        bytes,
    }
}

fn options(limit_bytes: u64) -> MakeOptions {
    MakeOptions {
        limit_bytes,
        purpose: Purpose::Proof,
        title: "Diplôme de master".into(),
    }
}

/// qpdf and pdfinfo on the made file, when installed: no error, no warning, and its pages.
fn check_with_tools(bytes: &[u8]) -> Option<u32> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("made.pdf");
    std::fs::write(&path, bytes).unwrap();
    let qpdf = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .ok()?;
    let out =
        String::from_utf8_lossy(&qpdf.stdout).to_string() + &String::from_utf8_lossy(&qpdf.stderr);
    assert!(qpdf.status.success(), "qpdf --check failed: {out}");
    assert!(
        !out.to_lowercase().contains("warning"),
        "qpdf warned: {out}"
    );
    let info = Command::new("pdfinfo").arg(&path).output().ok()?;
    let stderr = String::from_utf8_lossy(&info.stderr);
    assert!(
        info.status.success() && stderr.trim().is_empty(),
        "pdfinfo: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&info.stdout);
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
}

#[test]
fn images_and_a_pdf_make_one_file_in_order_with_bookmarks() {
    let sources = vec![
        source(1, MediaType::Jpeg, Some(noisy_jpeg(800, 1100, 85, 1))),
        source(2, MediaType::Pdf, Some(text_pdf("Master of Laws"))),
        source(3, MediaType::Jpeg, Some(noisy_jpeg(1100, 800, 85, 3))),
    ];
    let made = make_pdf(&sources, &options(2_000_000)).unwrap();
    assert_eq!(made.report.pages, 3);
    assert_eq!(made.report.pages_recompressed, 0, "it fit as it was");
    assert_eq!(made.report.file_name, "Diplome_de_master.pdf");
    assert!(made.report.skipped.is_empty());
    assert_eq!(made.report.size_bytes, made.bytes.len() as u64);

    let doc = Document::load_mem(&made.bytes).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 3);
    // The PDF's text survived the merge, on page 2.
    assert!(doc.extract_text(&[2]).unwrap().contains("Master of Laws"));
    // Landscape photo on a landscape A4 page, no DPI written: fitted to A4.
    let page3 = doc.get_dictionary(pages[&3]).unwrap();
    let mb = page3.get(b"MediaBox").unwrap().as_array().unwrap();
    let (w, h) = (mb[2].as_float().unwrap(), mb[3].as_float().unwrap());
    assert!(w > h && w <= 842.0 && (h - 595.276).abs() < 0.5, "{mb:?}");
    // One bookmark per source.
    let catalog = doc.catalog().unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 3);
    if let Some(n) = check_with_tools(&made.bytes) {
        assert_eq!(n, 3);
    }
}

#[test]
fn over_the_limit_pages_are_recompressed_only_as_far_as_needed() {
    let sources: Vec<_> = (0..3)
        .map(|i| source(i, MediaType::Jpeg, Some(noisy_jpeg(2480, 3508, 95, i))))
        .collect();
    let total: usize = sources
        .iter()
        .map(|s| s.bytes.as_ref().unwrap().len())
        .sum();
    let limit = 2_000_000;
    assert!(
        total as u64 > limit,
        "the sources must not fit as they are: {total}"
    );
    let made = make_pdf(&sources, &options(limit)).unwrap();
    assert!(made.bytes.len() as u64 <= limit, "{}", made.bytes.len());
    assert!(made.report.pages_recompressed >= 1);
    // Never below the legible floor: an A4 page keeps at least 150 dpi across.
    let doc = Document::load_mem(&made.bytes).unwrap();
    for (_, obj) in doc.objects.iter() {
        if let Ok(s) = obj.as_stream()
            && s.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() == Some(b"Image")
        {
            let w = s.dict.get(b"Width").unwrap().as_i64().unwrap();
            assert!(w >= 1240, "{w} px across an A4 page is under 150 dpi");
        }
    }
    check_with_tools(&made.bytes);
}

#[test]
fn a_limit_no_legible_page_fits_is_refused_with_the_figure_and_the_page() {
    let sources = vec![
        source(7, MediaType::Jpeg, Some(noisy_jpeg(300, 400, 80, 7))),
        source(8, MediaType::Jpeg, Some(noisy_jpeg(2480, 3508, 95, 8))),
    ];
    let err = make_pdf(&sources, &options(50_000)).unwrap_err();
    match err {
        Error::UploadTooLarge {
            limit_bytes,
            needed_bytes,
            biggest_document_id,
            biggest_page,
        } => {
            assert_eq!(limit_bytes, 50_000);
            assert!(needed_bytes > 50_000);
            assert_eq!((biggest_document_id, biggest_page), (8, 2));
        }
        other => panic!("expected UploadTooLarge, got {other:?}"),
    }
}

#[test]
fn unusable_sources_are_named_and_the_rest_is_made() {
    let good = noisy_jpeg(600, 800, 80, 2);
    let mut truncated = text_pdf("x");
    truncated.truncate(truncated.len() / 3);
    let sources = vec![
        source(
            1,
            MediaType::Jpeg,
            Some(b"\xFF\xD8\xFF\xE0 not really a jpeg".to_vec()),
        ),
        source(2, MediaType::Jpeg, Some(good)),
        source(3, MediaType::Pdf, None),
        source(4, MediaType::Pdf, Some(truncated)),
    ];
    let made = make_pdf(&sources, &options(1_000_000)).unwrap();
    assert_eq!(made.report.pages, 1);
    let reasons: Vec<_> = made
        .report
        .skipped
        .iter()
        .map(|s| (s.document_id, s.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (1, SkipReason::ImageUnreadable),
            (3, SkipReason::Missing),
            (4, SkipReason::PdfDamaged)
        ]
    );
    check_with_tools(&made.bytes);

    let none = make_pdf(&sources[2..], &options(1_000_000)).unwrap_err();
    assert!(matches!(none, Error::UploadNothingToMake { ref skipped } if skipped == &[3, 4]));
}

#[test]
fn a_password_protected_pdf_is_flagged_not_passed_on() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.pdf");
    let locked = dir.path().join("locked.pdf");
    std::fs::write(&plain, text_pdf("secret")).unwrap();
    let Ok(status) = Command::new("qpdf")
        .args(["--encrypt", "user", "owner", "256", "--"])
        .arg(&plain)
        .arg(&locked)
        .status()
    else {
        eprintln!("qpdf is not installed: the locked PDF case is not checked");
        return;
    };
    assert!(status.success());
    let sources = vec![
        source(1, MediaType::Pdf, Some(std::fs::read(&locked).unwrap())),
        source(2, MediaType::Pdf, Some(text_pdf("open"))),
    ];
    let made = make_pdf(&sources, &options(1_000_000)).unwrap();
    assert_eq!(made.report.skipped[0].reason, SkipReason::PdfLocked);
    assert_eq!(made.report.pages, 1);
}

#[test]
fn a_cv_made_of_pictures_is_noted() {
    let sources = vec![source(
        5,
        MediaType::Jpeg,
        Some(noisy_jpeg(600, 800, 80, 5)),
    )];
    let mut opts = options(1_000_000);
    opts.purpose = Purpose::Cv;
    let made = make_pdf(&sources, &opts).unwrap();
    assert_eq!(
        made.report.notes,
        vec![Note::ImageOnlyCv { document_id: 5 }]
    );
    let text = vec![source(
        6,
        MediaType::Pdf,
        Some(text_pdf("Curriculum vitae")),
    )];
    assert!(make_pdf(&text, &opts).unwrap().report.notes.is_empty());
}

/// A JPEG whose start and end are sound but whose middle is damaged: the import checks only
/// its ends (a photo that fits is never decoded), so the damage shows when the photo must be
/// recompressed. That photo is named and the others made, whether it is the largest page (the
/// one tried first) or not.
#[test]
fn a_jpeg_damaged_in_the_middle_is_named_when_it_must_be_recompressed() {
    // A4 at 150 dpi: small enough to be quick, large enough that three need recompressing.
    let damaged = |seed: u32, quality: u8| {
        let mut bytes = noisy_jpeg(1240, 1754, quality, seed);
        damage_middle(&mut bytes);
        bytes
    };
    // Largest: made at quality 98 against the others' 90.
    for (bad, quality) in [(1u32, 98u8), (2, 80)] {
        let sources: Vec<_> = (0..3u32)
            .map(|i| {
                let bytes = if i == bad {
                    damaged(i, quality)
                } else {
                    noisy_jpeg(1240, 1754, 90, i)
                };
                source(i, MediaType::Jpeg, Some(bytes))
            })
            .collect();
        let total: usize = sources
            .iter()
            .flat_map(|s| s.bytes.as_ref())
            .map(Vec::len)
            .sum();
        assert!(
            total > 1_000_000,
            "the sources must need recompressing: {total}"
        );
        let made = make_pdf(&sources, &options(1_000_000))
            .unwrap_or_else(|e| panic!("damaged source {bad}: {e:?}"));
        let skipped: Vec<_> = made
            .report
            .skipped
            .iter()
            .map(|s| (s.document_id, s.reason, s.title.as_str()))
            .collect();
        let title = format!("Pièce {bad}");
        assert_eq!(
            skipped,
            vec![(bad, SkipReason::ImageUnreadable, title.as_str())],
            "damaged source {bad}"
        );
        assert_eq!(made.report.pages, 2, "damaged source {bad}");
        assert!(made.bytes.len() as u64 <= 1_000_000);
        check_with_tools(&made.bytes);
    }
}

/// Overwrites the middle of a JPEG's coded picture with a marker no scan may hold, keeping
/// its start, headers and end marker as they were.
fn damage_middle(bytes: &mut [u8]) {
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4].copy_from_slice(&[0xFF, 0xC4, 0xFF, 0xFF]);
}

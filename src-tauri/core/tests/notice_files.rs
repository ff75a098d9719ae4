//! Saved notices read from files: pages, text and PDFs (made here with lopdf's writer), several
//! at once, with duplicates pointed out, and a PDF kept in the vault with the vacancy it became.

use chrono::{DateTime, TimeZone, Utc};
use dossier_core::notice_files::{
    self, DuplicateOf, FileDraftOutcome, FileRefusal, MAX_NOTICE_FILE_BYTES, NoticeFileType,
};
use dossier_core::store::Store;
use dossier_core::vacancy::{self, Platform, SaveOutcome, VacancyInput};
use dossier_core::vault::{self, DocumentQuery, MediaType, Vault};
use dossier_core::{Error, FieldProblem};
use lopdf::content::{Content, Operation};
use lopdf::{
    Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream, dictionary,
};
use std::path::{Path, PathBuf};

/// A notice in the Recruitment Hub's layout, written for these tests.
const NOTICE_LINES: &[&str] = &[
    "Vacancy Notice 2207",
    "Job Title: Digital Forensics Specialist",
    "Location: Singapore, Singapore",
    "Type of contract: Fixed-term Contract",
    "Duration (in months): 36.00",
    "Grade: 5",
    "Number of post: 1",
    "Deadline for application: 14 January 2026",
    "Position Summary",
    "The incumbent examines seized devices for member countries.",
];

const NOTICE_HTML: &str = "<html><head><title>Vacancy</title><style>p{color:red}</style></head>\
<body><h1>Vacancy Notice 2318</h1><p>Job Title: Cybercrime Analyst</p>\
<p>Location: Lyon, France</p><p>Type of contract: Fixed-term Contract</p><p>Grade: 4</p>\
<p>Deadline for application: 2 February 2026</p><script>var x = 1;</script></body></html>";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, 9, 0, 0).unwrap()
}

/// One page drawn by `operations`, added to `doc` (which may already hold what they draw).
fn page_document(
    mut doc: Document,
    operations: Vec<Operation>,
    resources: lopdf::Dictionary,
) -> Document {
    let pages_id = doc.new_object_id();
    let resources_id = doc.add_object(resources);
    let content = Content { operations };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal("dossier-test-id"),
            Object::string_literal("dossier-test-id"),
        ],
    );
    doc
}

fn text_document(lines: &[&str]) -> Document {
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![50.into(), 800.into()]),
    ];
    for line in lines {
        operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    };
    page_document(
        Document::with_version("1.5"),
        operations,
        dictionary! { "Font" => dictionary! { "F1" => font } },
    )
}

fn bytes_of(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A PDF as a browser saves a notice: a text layer.
fn text_pdf(lines: &[&str]) -> Vec<u8> {
    bytes_of(text_document(lines))
}

/// A scan: one page that only draws a picture (a 2 x 2 grey image).
fn image_only_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let image_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0x20, 0x80, 0x80, 0x20],
    ));
    let operations = vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            vec![
                500.into(),
                0.into(),
                0.into(),
                700.into(),
                40.into(),
                80.into(),
            ],
        ),
        Operation::new("Do", vec!["Im1".into()]),
        Operation::new("Q", vec![]),
    ];
    let resources = dictionary! { "XObject" => dictionary! { "Im1" => image_id } };
    bytes_of(page_document(doc, operations, resources))
}

/// A notice saved with a password to open it.
fn locked_pdf() -> Vec<u8> {
    let mut doc = text_document(NOTICE_LINES);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "open sesame",
        key_length: 128,
        permissions: Permissions::default(),
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    bytes_of(doc)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_pdf_with_a_text_layer_reads_like_a_paste() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "notice.pdf", &text_pdf(NOTICE_LINES));
    let capture = notice_files::read_notice_file(&path).unwrap();
    assert_eq!(capture.draft.reference.as_deref(), Some("2207"));
    assert_eq!(
        capture.draft.title.as_deref(),
        Some("Digital Forensics Specialist")
    );
    assert_eq!(capture.draft.grade.as_deref(), Some("5"));
    assert!(capture.text.contains("seized devices"), "{}", capture.text);
}

#[test]
fn a_saved_page_and_a_text_file_are_read_for_their_visible_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = write(dir.path(), "Notice.HTM", NOTICE_HTML.as_bytes());
    let capture = notice_files::read_notice_file(&html).unwrap();
    assert_eq!(capture.draft.reference.as_deref(), Some("2318"));
    assert!(!capture.text.contains("var x"), "{}", capture.text);
    let txt = write(dir.path(), "notice.txt", NOTICE_LINES.join("\n").as_bytes());
    let capture = notice_files::read_notice_file(&txt).unwrap();
    assert_eq!(capture.draft.reference.as_deref(), Some("2207"));
}

#[test]
fn a_scanned_pdf_is_told_apart_from_a_damaged_or_locked_one() {
    let dir = tempfile::tempdir().unwrap();
    let scan = write(dir.path(), "scan.pdf", &image_only_pdf());
    assert!(
        matches!(notice_files::read_notice_file(&scan), Err(Error::PdfWithoutText { path }) if path == scan)
    );

    let locked = write(dir.path(), "locked.pdf", &locked_pdf());
    assert!(
        matches!(notice_files::read_notice_file(&locked), Err(Error::PdfLocked { path }) if path == locked)
    );

    let whole = text_pdf(NOTICE_LINES);
    let truncated = write(dir.path(), "cut.pdf", &whole[..whole.len() / 3]);
    assert!(
        matches!(notice_files::read_notice_file(&truncated), Err(Error::PdfDamaged { path }) if path == truncated)
    );
    let not_a_pdf = write(dir.path(), "photo.pdf", &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    assert!(matches!(
        notice_files::read_notice_file(&not_a_pdf),
        Err(Error::PdfDamaged { .. })
    ));
}

#[test]
fn a_file_over_100_mb_is_refused_from_its_size_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    // Sparse: the size is in the metadata, the bytes were never written, and reading them all
    // would cost 100 MB of memory; the refusal must come first.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_NOTICE_FILE_BYTES + 1).unwrap();
    match notice_files::read_notice_file(&path) {
        Err(Error::NoticeFileTooLarge {
            path: named,
            size_bytes,
            limit_bytes,
        }) => {
            assert_eq!(named, path);
            assert_eq!(size_bytes, MAX_NOTICE_FILE_BYTES + 1);
            assert_eq!(limit_bytes, 100 * 1024 * 1024);
        }
        other => panic!("expected a size refusal, got {other:?}"),
    }
}

#[test]
fn an_unknown_type_is_refused_by_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "notice.docx", b"PK\x03\x04");
    assert!(matches!(
        notice_files::read_notice_file(&path),
        Err(Error::NoticeFileUnknownType { extension: Some(e), .. }) if e == "docx"
    ));
    assert_eq!(
        notice_files::notice_file_type(Path::new("a.PDF")).unwrap(),
        NoticeFileType::Pdf
    );
    assert!(notice_files::notice_file_type(Path::new("README")).is_err());
}

fn saved(store: &mut Store, reference: &str, title: &str) -> u32 {
    let input = VacancyInput::new(Platform::RecruitmentHub, reference, title);
    match vacancy::create_vacancy(store, input, now()).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_batch_gives_one_draft_per_file_in_order_and_points_out_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let kept = saved(&mut store, "2318", "Cybercrime Analyst");
    let paths = vec![
        write(dir.path(), "a.pdf", &text_pdf(NOTICE_LINES)),
        write(dir.path(), "b.html", NOTICE_HTML.as_bytes()),
        write(dir.path(), "c.txt", NOTICE_LINES.join("\n").as_bytes()),
        write(dir.path(), "scan.pdf", &image_only_pdf()),
        write(dir.path(), "locked.pdf", &locked_pdf()),
        write(dir.path(), "list.csv", b"a,b\n"),
        write(dir.path(), "shopping.txt", b"milk, eggs, bread"),
    ];
    let drafts = notice_files::capture_notice_files(&store, &paths).unwrap();
    assert_eq!(drafts.len(), paths.len());
    let names: Vec<&str> = drafts.iter().map(|d| d.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "a.pdf",
            "b.html",
            "c.txt",
            "scan.pdf",
            "locked.pdf",
            "list.csv",
            "shopping.txt"
        ]
    );
    let duplicate = |i: usize| match &drafts[i].outcome {
        FileDraftOutcome::Draft { duplicate, capture } => {
            assert_eq!(capture.draft.platform, Some(Platform::RecruitmentHub));
            duplicate.clone()
        }
        other => panic!("draft {i}: {other:?}"),
    };
    assert_eq!(duplicate(0), None);
    assert_eq!(
        duplicate(1),
        Some(DuplicateOf::Saved {
            vacancy_id: kept,
            title: "Cybercrime Analyst".into()
        })
    );
    assert_eq!(duplicate(2), Some(DuplicateOf::InBatch { draft: 0 }));
    assert_eq!(drafts[3].outcome, FileDraftOutcome::ImageOnly);
    assert_eq!(
        drafts[4].outcome,
        FileDraftOutcome::Refused {
            refusal: FileRefusal::PdfLocked
        }
    );
    assert_eq!(
        drafts[5].outcome,
        FileDraftOutcome::Refused {
            refusal: FileRefusal::UnknownType {
                extension: Some("csv".into())
            }
        }
    );
    assert!(
        matches!(
            &drafts[6].outcome,
            FileDraftOutcome::Refused {
                refusal: FileRefusal::NotANotice { problem: FieldProblem::NotANotice, message }
            } if message.contains("does not look like a vacancy notice")
        ),
        "{:?}",
        drafts[6].outcome
    );
    assert_eq!(drafts[0].file_type, Some(NoticeFileType::Pdf));
    assert_eq!(drafts[5].file_type, None);
}

fn documents(store: &Store) -> usize {
    vault::list_documents(store, &DocumentQuery::default())
        .unwrap()
        .len()
}

#[test]
fn a_pdf_notice_is_kept_in_the_vault_with_its_vacancy() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = text_pdf(NOTICE_LINES);
    let pdf = write(dir.path(), "Forensics notice.pdf", &bytes);
    let input = VacancyInput::new(
        Platform::RecruitmentHub,
        "2207",
        "Digital Forensics Specialist",
    );
    let outcome = notice_files::save_vacancy_with_notice_file(
        &mut store,
        &vault,
        input,
        Some(&copy_of(&pdf)),
        now(),
    )
    .unwrap();
    let SaveOutcome::Saved { vacancy } = outcome else {
        panic!("{outcome:?}")
    };
    let copy = notice_files::notice_copy_of(&store, vacancy.id)
        .unwrap()
        .expect("the posting's copy");
    assert_eq!(copy.media_type, MediaType::Pdf);
    assert_eq!(copy.original_name, "Forensics notice.pdf");
    assert_eq!(vault.read_bytes(&store, copy.id).unwrap(), bytes);

    // The same reference again is a duplicate: nothing saved, no second copy imported.
    let other = write(dir.path(), "again.pdf", &text_pdf(&NOTICE_LINES[..3]));
    let input = VacancyInput::new(
        Platform::RecruitmentHub,
        "2207",
        "Digital Forensics Specialist",
    );
    let outcome = notice_files::save_vacancy_with_notice_file(
        &mut store,
        &vault,
        input,
        Some(&copy_of(&other)),
        now(),
    )
    .unwrap();
    assert!(
        matches!(outcome, SaveOutcome::Duplicate { .. }),
        "{outcome:?}"
    );
    assert_eq!(documents(&store), 1);

    // Deleting the document lets go of the link; the vacancy stays.
    vault.delete(&mut store, copy.id).unwrap();
    assert_eq!(
        notice_files::notice_copy_of(&store, vacancy.id).unwrap(),
        None
    );
    assert!(vacancy::get_vacancy(&store, vacancy.id).is_ok());
}

fn copy_of(path: &Path) -> notice_files::NoticeFileCopy {
    notice_files::read_notice_copy(path).unwrap()
}

/// A saved page written to do harm if it ever ran in Dossier's window, or reached out.
const HOSTILE_HTML: &str = r#"<!DOCTYPE html><html><head><title>Vacancy</title>
<script>document.title = 'PWNED'; localStorage.setItem('pwned', '1');</script>
<link rel="stylesheet" href="http://tracker.example/a.css"></head>
<body onload="document.title='PWNED'"><h1>Vacancy Notice 2318</h1>
<p>Job Title: Cybercrime Analyst</p><p>Location: Lyon, France</p>
<p>Type of contract: Fixed-term Contract</p><p>Grade: 4</p>
<p>Deadline for application: 2 February 2026</p>
<img src="http://tracker.example/pixel.gif" onerror="alert(1)">
<a href="javascript:alert(2)">Apply</a></body></html>"#;

#[test]
fn a_saved_page_is_kept_as_it_was_and_opens_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let html = write(
        dir.path(),
        "Cybercrime notice.html",
        HOSTILE_HTML.as_bytes(),
    );
    // The draft reads the page's text, as a paste would.
    let drafts = notice_files::read_notice_files(std::slice::from_ref(&html));
    let FileDraftOutcome::Draft { capture, .. } = &drafts[0].outcome else {
        panic!("{:?}", drafts[0].outcome)
    };
    assert_eq!(capture.draft.reference.as_deref(), Some("2318"));
    let input = VacancyInput::new(Platform::RecruitmentHub, "2318", "Cybercrime Analyst");
    let SaveOutcome::Saved { vacancy } = notice_files::save_vacancy_with_notice_file(
        &mut store,
        &vault,
        input,
        Some(&copy_of(&html)),
        now(),
    )
    .unwrap() else {
        panic!()
    };
    let copy = notice_files::notice_copy_of(&store, vacancy.id)
        .unwrap()
        .expect("the posting's own copy");
    assert_eq!(copy.media_type, MediaType::Html);
    assert_eq!(copy.original_name, "Cybercrime notice.html");
    assert_eq!(copy.kind, vault::DocumentKind::Other);
    // "Save a copy" gives back the page as it was saved, byte for byte.
    assert_eq!(
        vault.read_bytes(&store, copy.id).unwrap(),
        HOSTILE_HTML.as_bytes()
    );
    assert!(
        vault
            .file_path(&store, copy.id)
            .unwrap()
            .ends_with(format!("{}.html", copy.content_hash))
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let saved = elsewhere.path().join("saved.html");
    vault.export_copy(&store, copy.id, &saved, false).unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), HOSTILE_HTML.as_bytes());

    // The system viewer gets a copy that runs and loads nothing, with the notice's words.
    let viewed = dir.path().join("viewing").join("notice.html");
    std::fs::create_dir_all(viewed.parent().unwrap()).unwrap();
    vault.view_copy(&store, copy.id, &viewed).unwrap();
    let page = std::fs::read_to_string(&viewed).unwrap();
    for gone in [
        "<script",
        "PWNED",
        "pwned",
        "onload",
        "onerror",
        "javascript:",
        "http://",
        "<img",
        "<link",
    ] {
        assert!(!page.contains(gone), "{gone} in {page}");
    }
    assert!(page.contains("Job Title: Cybercrime Analyst"), "{page}");
    assert!(page.contains("Apply"), "{page}");

    // The vault check knows the new type: nothing missing, damaged or stray.
    let report = vault.check_integrity(&store).unwrap();
    assert!(report.healthy, "{report:?}");
    assert_eq!(report.files_checked, 1, "{report:?}");
    assert!(report.files_without_document.is_empty(), "{report:?}");
}

#[test]
fn a_text_notice_is_kept_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let text = NOTICE_LINES.join("\n");
    let txt = write(dir.path(), "notice.txt", text.as_bytes());
    let input = VacancyInput::new(
        Platform::RecruitmentHub,
        "2207",
        "Digital Forensics Specialist",
    );
    let SaveOutcome::Saved { vacancy } = notice_files::save_vacancy_with_notice_file(
        &mut store,
        &vault,
        input,
        Some(&copy_of(&txt)),
        now(),
    )
    .unwrap() else {
        panic!()
    };
    let copy = notice_files::notice_copy_of(&store, vacancy.id)
        .unwrap()
        .unwrap();
    assert_eq!(copy.media_type, MediaType::Text);
    assert_eq!(vault.read_bytes(&store, copy.id).unwrap(), text.as_bytes());
}

#[test]
fn no_file_keeps_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let input = VacancyInput::new(Platform::RecruitmentHub, "2318", "Cybercrime Analyst");
    let SaveOutcome::Saved { vacancy } =
        notice_files::save_vacancy_with_notice_file(&mut store, &vault, input, None, now())
            .unwrap()
    else {
        panic!()
    };
    assert_eq!(
        notice_files::notice_copy_of(&store, vacancy.id).unwrap(),
        None
    );
    assert_eq!(documents(&store), 0);
}

#[test]
fn a_page_is_never_imported_as_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let html = write(dir.path(), "page.pdf", HOSTILE_HTML.as_bytes());
    assert!(
        vault
            .import_file(&mut store, &html, &vault::ImportOptions::default(), now())
            .is_err()
    );
    // Nor kept as the "PDF" its name claims.
    let input = VacancyInput::new(Platform::RecruitmentHub, "2318", "Cybercrime Analyst");
    assert!(
        notice_files::save_vacancy_with_notice_file(
            &mut store,
            &vault,
            input,
            Some(&copy_of(&html)),
            now()
        )
        .is_err()
    );
    assert_eq!(documents(&store), 0);
    assert_eq!(
        vacancy::find_by_reference(&store, Platform::RecruitmentHub, "2318").unwrap(),
        None
    );
}

#[test]
fn a_copy_that_cannot_be_kept_takes_the_vacancy_back_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let gone = dir.path().join("gone.pdf");
    assert!(notice_files::read_notice_copy(&gone).is_err());
    // Read, but not a PDF inside: the vault refuses it after the vacancy was written.
    let fake = write(dir.path(), "fake.pdf", b"not a pdf at all");
    let input = VacancyInput::new(
        Platform::RecruitmentHub,
        "2207",
        "Digital Forensics Specialist",
    );
    assert!(
        notice_files::save_vacancy_with_notice_file(
            &mut store,
            &vault,
            input,
            Some(&copy_of(&fake)),
            now()
        )
        .is_err()
    );
    assert_eq!(
        vacancy::find_by_reference(&store, Platform::RecruitmentHub, "2207").unwrap(),
        None
    );
}

/// A notice as a browser's "Save as PDF" writes it: subset TrueType fonts embedded as CID fonts
/// with ToUnicode maps, a header and footer, accents, two pages. Made once by the script beside
/// it (`fixtures/pdf/make_embedded_font_notice.py`), from a notice written for these tests.
#[test]
fn a_pdf_with_embedded_subset_fonts_is_read_with_its_accents() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/embedded_font_notice.pdf");
    let bytes = std::fs::read(&path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/FontFile2") && raw.contains("/ToUnicode") && raw.contains("/Identity-H"),
        "the fixture embeds its fonts"
    );
    let capture = notice_files::read_notice_file(&path).unwrap();
    for words in [
        "Spécialiste en criminalité environnementale",
        "Contrat à durée déterminée",
        "17 février 2026",
        "Une excellente maîtrise du français",
        "Conditions d'emploi",
    ] {
        assert!(
            capture.text.contains(words),
            "{words:?} not in {:?}",
            capture.text
        );
    }
    let draft = &capture.draft;
    assert_eq!(draft.reference.as_deref(), Some("INT05231"));
    assert_eq!(
        draft.title.as_deref(),
        Some("Spécialiste en criminalité environnementale")
    );
    assert_eq!(draft.duty_station.as_deref(), Some("Lyon (France)"));
    assert_eq!(draft.duty_zone.as_deref(), Some("Europe/Paris"));
    assert_eq!(
        draft.contract_kind,
        Some(dossier_core::vacancy::ContractKind::FixedTerm)
    );
    assert_eq!(draft.grade.as_deref(), Some("5"));
    assert_eq!(draft.posts, Some(1));
    let deadline = draft.deadline.as_ref().expect("the deadline");
    assert_eq!(
        deadline.date,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 17).unwrap()
    );
}

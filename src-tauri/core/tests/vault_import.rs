//! Importing into the vault: hashing, deduplication, type sniffing, refusals, batches, atomic
//! writes and file names that must never reach a stored path.

use chrono::{DateTime, TimeZone, Utc};
use dossier_core::Error;
use dossier_core::error::{FieldProblem, FoundFileType};
use dossier_core::store::Store;
use dossier_core::vault::{
    self, DocumentKind, DocumentQuery, ImportOptions, ImportOutcome, ImportProgress,
    MAX_DOCUMENT_BYTES, MediaType, RefusalReason, Vault,
};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

const FIXTURE_PDF: &[u8] = b"%PDF-1.7\n%Dossier test fixture\n";
/// `printf '%%PDF-1.7\n%%Dossier test fixture\n' | sha256sum`
const FIXTURE_PDF_SHA256: &str = "de5d18ff0f044ffa0216e2c8c435179b982a5896ae827b08c8b97e7f2ad14bdc";
const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

struct Setup {
    dir: tempfile::TempDir,
    store: Store,
    vault: Vault,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    Setup { dir, store, vault }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn pdf(label: &str) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(label.as_bytes());
    bytes
}

/// The first 64 bytes of a Linux program: what an executable renamed `.pdf` starts with.
fn elf() -> Vec<u8> {
    let mut bytes = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0];
    bytes.resize(64, 0);
    bytes
}

fn png(label: &str) -> Vec<u8> {
    let mut bytes = PNG_SIGNATURE.to_vec();
    bytes.extend_from_slice(label.as_bytes());
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Every file under `dir`, recursively, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn document_count(store: &Store) -> usize {
    vault::list_documents(
        store,
        &DocumentQuery {
            kind: None,
            include_superseded: true,
            ..Default::default()
        },
    )
    .unwrap()
    .len()
}

#[test]
fn sha256_of_known_bytes() {
    assert_eq!(
        vault::sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        vault::sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

#[test]
fn an_import_stores_the_file_under_its_hash_and_records_it() {
    let mut s = setup();
    let src = write(s.dir.path(), "CV 2026.pdf", FIXTURE_PDF);
    let imported = s
        .vault
        .import_file(
            &mut s.store,
            &src,
            &ImportOptions {
                kind: DocumentKind::Cv,
                supersedes: None,
            },
            now(),
        )
        .unwrap();
    assert!(!imported.already_in_vault);
    let doc = imported.document;
    assert_eq!(doc.content_hash, FIXTURE_PDF_SHA256);
    assert_eq!(doc.media_type, MediaType::Pdf);
    assert_eq!(doc.size_bytes as usize, FIXTURE_PDF.len());
    assert_eq!(doc.kind, DocumentKind::Cv);
    assert_eq!(doc.title, "CV 2026");
    assert_eq!(doc.original_name, "CV 2026.pdf");
    assert_eq!(doc.created_utc, now());
    assert!(doc.is_current());

    let expected = format!("de/{FIXTURE_PDF_SHA256}.pdf");
    assert_eq!(files_under(s.vault.dir()), vec![expected.clone()]);
    assert_eq!(
        s.vault.file_path(&s.store, doc.id).unwrap(),
        s.vault.dir().join(expected)
    );
    assert_eq!(s.vault.read_bytes(&s.store, doc.id).unwrap(), FIXTURE_PDF);
    // The source is copied, never moved.
    assert_eq!(fs::read(&src).unwrap(), FIXTURE_PDF);
}

#[test]
fn the_same_bytes_twice_are_stored_once_and_reported_as_already_there() {
    let mut s = setup();
    let first = write(s.dir.path(), "diploma.pdf", &pdf("diploma"));
    let again = write(s.dir.path(), "diploma (copy).pdf", &pdf("diploma"));
    let a = s
        .vault
        .import_file(&mut s.store, &first, &ImportOptions::default(), now())
        .unwrap();
    let b = s
        .vault
        .import_file(&mut s.store, &again, &ImportOptions::default(), now())
        .unwrap();
    assert!(!a.already_in_vault);
    assert!(b.already_in_vault);
    assert_eq!(b.document.id, a.document.id);
    assert_eq!(b.document.original_name, "diploma.pdf");
    assert_eq!(document_count(&s.store), 1);
    assert_eq!(files_under(s.vault.dir()).len(), 1);
}

#[test]
fn importing_again_repairs_a_missing_stored_file() {
    let mut s = setup();
    let src = write(s.dir.path(), "passport.pdf", &pdf("passport"));
    let doc = s
        .vault
        .import_file(&mut s.store, &src, &ImportOptions::default(), now())
        .unwrap()
        .document;
    let stored = s.vault.file_path(&s.store, doc.id).unwrap();
    fs::write(&stored, b"bit rot").unwrap();
    assert!(s.vault.read_bytes(&s.store, doc.id).is_err());

    let again = s
        .vault
        .import_file(&mut s.store, &src, &ImportOptions::default(), now())
        .unwrap();
    assert!(again.already_in_vault);
    assert_eq!(
        s.vault.read_bytes(&s.store, doc.id).unwrap(),
        pdf("passport")
    );
}

#[test]
fn the_type_comes_from_the_content_not_the_name() {
    let mut s = setup();
    let exe = write(s.dir.path(), "cv.pdf", &elf());
    let err = s
        .vault
        .import_file(&mut s.store, &exe, &ImportOptions::default(), now())
        .unwrap_err();
    // A code the window words in the candidate's language, with the name as given and what
    // the content is: never a media type.
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileTypeNotKept {
            name: "cv.pdf".into(),
            found: FoundFileType::Program
        }),
        "{err:?}"
    );

    let windows = write(s.dir.path(), "diploma.pdf", b"MZ\x90\0\x03\0\0\0");
    let err = s
        .vault
        .import_file(&mut s.store, &windows, &ImportOptions::default(), now())
        .unwrap_err();
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileTypeNotKept {
            name: "diploma.pdf".into(),
            found: FoundFileType::Program
        }),
        "{err:?}"
    );

    let unknown = write(s.dir.path(), "notes.pdf", b"plain words, no magic here");
    let err = s
        .vault
        .import_file(&mut s.store, &unknown, &ImportOptions::default(), now())
        .unwrap_err();
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileTypeNotKept {
            name: "notes.pdf".into(),
            found: FoundFileType::Unknown
        }),
        "{err:?}"
    );

    let picture = write(s.dir.path(), "scan.pdf", &png("scan"));
    let doc = s
        .vault
        .import_file(&mut s.store, &picture, &ImportOptions::default(), now())
        .unwrap()
        .document;
    assert_eq!(doc.media_type, MediaType::Png);
    assert!(
        s.vault
            .file_path(&s.store, doc.id)
            .unwrap()
            .to_string_lossy()
            .ends_with(".png")
    );
    assert_eq!(document_count(&s.store), 1);
}

#[test]
fn every_supported_type_is_recognised() {
    let mut s = setup();
    let samples: [(&str, Vec<u8>, MediaType); 5] = [
        ("a", pdf("a"), MediaType::Pdf),
        ("b", vec![0xff, 0xd8, 0xff, 0xe0, 1, 2, 3], MediaType::Jpeg),
        ("c", png("c"), MediaType::Png),
        ("d", b"RIFF\x10\0\0\0WEBPVP8 xx".to_vec(), MediaType::Webp),
        ("e", b"II*\0\x08\0\0\0\0\0\0\0xx".to_vec(), MediaType::Tiff),
    ];
    for (name, bytes, media) in samples {
        let doc = s
            .vault
            .import_reader(
                &mut s.store,
                &mut bytes.as_slice(),
                name,
                &ImportOptions::default(),
                now(),
            )
            .unwrap()
            .document;
        assert_eq!(doc.media_type, media, "{name}");
    }
}

#[test]
fn empty_too_large_and_unreadable_files_are_refused_with_their_name() {
    let mut s = setup();
    let empty = write(s.dir.path(), "empty.pdf", b"");
    let err = s
        .vault
        .import_file(&mut s.store, &empty, &ImportOptions::default(), now())
        .unwrap_err();
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileEmpty {
            name: "empty.pdf".into()
        }),
        "{err:?}"
    );

    // A sparse file: over the limit without writing 100 MB.
    let huge = s.dir.path().join("huge scan.pdf");
    let f = fs::File::create(&huge).unwrap();
    f.set_len(u64::from(MAX_DOCUMENT_BYTES) + 1).unwrap();
    let err = s
        .vault
        .import_file(&mut s.store, &huge, &ImportOptions::default(), now())
        .unwrap_err();
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileTooLarge {
            name: "huge scan.pdf".into(),
            size_kib: MAX_DOCUMENT_BYTES / 1024 + 1,
            max_kib: MAX_DOCUMENT_BYTES / 1024,
        }),
        "{err:?}"
    );

    let missing = s.dir.path().join("gone.pdf");
    let err = s
        .vault
        .import_file(&mut s.store, &missing, &ImportOptions::default(), now())
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("gone.pdf"), "{err}");

    let folder = s.dir.path().join("scans.pdf");
    fs::create_dir(&folder).unwrap();
    let err = s
        .vault
        .import_file(&mut s.store, &folder, &ImportOptions::default(), now())
        .unwrap_err();
    assert_eq!(
        err.field_problem(),
        Some(&FieldProblem::FileIsFolder {
            name: "scans.pdf".into()
        }),
        "{err:?}"
    );

    assert_eq!(document_count(&s.store), 0);
    assert!(files_under(s.vault.dir()).is_empty());
}

#[test]
fn a_stream_that_grows_past_the_limit_is_refused_and_leaves_nothing() {
    let mut s = setup();
    let head = pdf("big");
    let mut source = head
        .as_slice()
        .chain(io::repeat(0).take(u64::from(MAX_DOCUMENT_BYTES)));
    let err = s
        .vault
        .import_reader(
            &mut s.store,
            &mut source,
            "endless.pdf",
            &ImportOptions::default(),
            now(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err.field_problem(),
            Some(FieldProblem::FileTooLarge { name, max_kib, .. })
                if name == "endless.pdf" && *max_kib == MAX_DOCUMENT_BYTES / 1024
        ),
        "{err:?}"
    );
    assert!(files_under(s.vault.dir()).is_empty());
    assert_eq!(document_count(&s.store), 0);
}

/// Gives `good` bytes, then fails, like a disk unplugged half-way through a copy.
struct FailingReader {
    good: Vec<u8>,
    pos: usize,
}

impl Read for FailingReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.good.len() {
            return Err(io::Error::other("the USB stick was unplugged"));
        }
        let n = buf.len().min(self.good.len() - self.pos).min(64 * 1024);
        buf[..n].copy_from_slice(&self.good[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn a_read_failure_half_way_leaves_no_file_and_no_row() {
    let mut s = setup();
    // Larger than one copy buffer, so the failure comes after the temporary file was written to.
    let mut good = pdf("start");
    good.resize(700 * 1024, b'x');
    let mut reader = FailingReader { good, pos: 0 };
    let err = s
        .vault
        .import_reader(
            &mut s.store,
            &mut reader,
            "contract.pdf",
            &ImportOptions::default(),
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("contract.pdf"), "{err}");
    assert!(err.to_string().contains("unplugged"), "{err}");
    assert!(reader.pos > 256 * 1024);
    assert!(
        files_under(s.vault.dir()).is_empty(),
        "{:?}",
        files_under(s.vault.dir())
    );
    assert_eq!(document_count(&s.store), 0);
}

#[test]
fn a_database_failure_after_the_file_is_placed_takes_the_file_back() {
    let mut s = setup();
    s.store
        .write(|tx| {
            tx.execute_batch(
                "CREATE TEMP TRIGGER refuse_documents BEFORE INSERT ON documents
                 BEGIN SELECT RAISE(ABORT, 'database full'); END;",
            )?;
            Ok(())
        })
        .unwrap();
    let src = write(s.dir.path(), "letter.pdf", &pdf("letter"));
    let err = s
        .vault
        .import_file(&mut s.store, &src, &ImportOptions::default(), now())
        .unwrap_err();
    assert!(err.to_string().contains("database full"), "{err}");
    assert!(
        files_under(s.vault.dir()).is_empty(),
        "{:?}",
        files_under(s.vault.dir())
    );
    assert_eq!(document_count(&s.store), 0);
}

#[test]
fn a_successful_import_leaves_no_temporary_file() {
    let mut s = setup();
    let mut big = pdf("multi-buffer");
    big.resize(1024 * 1024 + 17, b'z');
    let src = write(s.dir.path(), "big.pdf", &big);
    let doc = s
        .vault
        .import_file(&mut s.store, &src, &ImportOptions::default(), now())
        .unwrap()
        .document;
    assert_eq!(doc.content_hash, vault::sha256_hex(&big));
    let files = files_under(s.vault.dir());
    assert_eq!(files.len(), 1);
    assert!(!files[0].contains(".partial"), "{files:?}");
}

#[test]
fn temporary_files_of_a_killed_import_are_removed_on_open_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let vault_dir = dir.path().join("vault");
    fs::create_dir_all(vault_dir.join("ab")).unwrap();
    fs::write(
        vault_dir.join(".import-4000000-123-0.partial"),
        b"half a scan",
    )
    .unwrap();
    fs::write(vault_dir.join("keep-me.txt"), b"not ours to delete").unwrap();
    let object = format!("ab/ab{}.pdf", "0".repeat(62));
    fs::write(vault_dir.join(&object), b"%PDF").unwrap();

    Vault::open(dir.path()).unwrap();

    assert_eq!(
        files_under(&vault_dir),
        vec![object, "keep-me.txt".to_string()]
    );
}

#[test]
fn names_with_spaces_accents_rtl_text_or_dot_dots_never_reach_a_stored_path() {
    let mut s = setup();
    let names = [
        "CV final 2026 (v2).pdf",
        "Diplôme d'ingénieur – Lyon.pdf",
        "شهادة الخبرة.pdf",
        "דו\"ח.pdf",
    ];
    for (i, name) in names.iter().enumerate() {
        let src = write(s.dir.path(), name, &pdf(&format!("doc {i}")));
        let doc = s
            .vault
            .import_file(&mut s.store, &src, &ImportOptions::default(), now())
            .unwrap()
            .document;
        assert_eq!(&doc.original_name, name);
        let stored = s.vault.file_path(&s.store, doc.id).unwrap();
        let stored_name = stored.file_name().unwrap().to_str().unwrap();
        assert_eq!(stored_name, format!("{}.pdf", doc.content_hash));
    }

    // A name handed over with the content (drag and drop) may hold anything.
    let sneaky = "../../outside/evil name.pdf";
    let doc = s
        .vault
        .import_reader(
            &mut s.store,
            &mut pdf("sneaky").as_slice(),
            sneaky,
            &ImportOptions::default(),
            now(),
        )
        .unwrap()
        .document;
    assert_eq!(doc.original_name, sneaky);
    assert_eq!(doc.title, "evil name");
    assert!(!s.dir.path().join("outside").exists());
    assert!(
        s.vault
            .file_path(&s.store, doc.id)
            .unwrap()
            .starts_with(s.vault.dir())
    );
    let mut files = files_under(s.vault.dir());
    files.retain(|f| !(f.len() == 3 + 64 + 4 && f.ends_with(".pdf")));
    assert!(files.is_empty(), "unexpected stored names: {files:?}");
}

#[test]
fn a_batch_imports_the_good_files_and_explains_each_refusal() {
    let mut s = setup();
    let d = s.dir.path();
    let good = write(d, "cv.pdf", &pdf("cv"));
    let empty = write(d, "empty.png", b"");
    let huge = d.join("huge.tif");
    fs::File::create(&huge)
        .unwrap()
        .set_len(u64::from(MAX_DOCUMENT_BYTES) + 1)
        .unwrap();
    let missing = d.join("missing.jpg");
    let exe = write(d, "setup.pdf", &elf());
    let picture = write(d, "photo.png", &png("photo"));
    let duplicate = write(d, "cv again.pdf", &pdf("cv"));
    let paths = vec![good, empty, huge, missing, exe, picture, duplicate];

    let mut reports: Vec<ImportProgress> = Vec::new();
    let mut on_progress = |p: &ImportProgress| reports.push(*p);
    let items = s.vault.import_batch(
        &mut s.store,
        &paths,
        DocumentKind::Diploma,
        now(),
        Some(&mut on_progress),
    );

    assert_eq!(items.len(), 7);
    let first_id = match &items[0].outcome {
        ImportOutcome::Imported { document } => {
            assert_eq!(document.kind, DocumentKind::Diploma);
            document.id
        }
        other => panic!("cv.pdf: {other:?}"),
    };
    let refusal = |i: usize| match &items[i].outcome {
        ImportOutcome::Refused {
            reason,
            problem,
            detail,
            message,
        } => (*reason, problem.clone(), detail.clone(), message.clone()),
        other => panic!("{}: {other:?}", items[i].original_name),
    };
    for (i, reason) in [
        (1, RefusalReason::Empty),
        (2, RefusalReason::TooLarge),
        (3, RefusalReason::Unreadable),
        (4, RefusalReason::UnsupportedType),
    ] {
        let (found, problem, detail, message) = refusal(i);
        assert_eq!(found, reason, "{message}");
        // Worded by the window from a code naming the file, or, for a read that failed, from
        // the reason with the system's own words.
        match problem {
            Some(problem) => assert!(
                format!("{problem:?}").contains(&items[i].original_name),
                "{problem:?} should name {}",
                items[i].original_name
            ),
            None => assert!(
                reason == RefusalReason::Unreadable && detail.is_some(),
                "{message}"
            ),
        }
    }
    assert!(
        matches!(&items[5].outcome, ImportOutcome::Imported { document } if document.media_type == MediaType::Png)
    );
    assert!(
        matches!(&items[6].outcome, ImportOutcome::AlreadyInVault { document } if document.id == first_id)
    );
    assert_eq!(document_count(&s.store), 2);

    let last = reports.last().unwrap();
    assert_eq!(last.files_done, 7);
    assert_eq!(last.files_total, 7);
    let expected_total = (pdf("cv").len() * 2 + png("photo").len() + elf().len()) as f64;
    assert_eq!(last.bytes_total, expected_total);
    assert_eq!(last.bytes_done, last.bytes_total);
    assert!(
        reports
            .windows(2)
            .all(|w| w[0].bytes_done <= w[1].bytes_done && w[0].files_done <= w[1].files_done)
    );
}

#[test]
fn a_batch_without_a_progress_callback_still_imports() {
    let mut s = setup();
    let a = write(s.dir.path(), "a.pdf", &pdf("a"));
    let items = s
        .vault
        .import_batch(&mut s.store, &[a], DocumentKind::Other, now(), None);
    assert!(matches!(items[0].outcome, ImportOutcome::Imported { .. }));
}

#[test]
fn a_new_version_supersedes_the_old_one_which_stays_available() {
    let mut s = setup();
    let old = write(s.dir.path(), "cv 2024.pdf", &pdf("cv 2024"));
    let new = write(s.dir.path(), "cv 2026.pdf", &pdf("cv 2026"));
    let cv = ImportOptions {
        kind: DocumentKind::Cv,
        supersedes: None,
    };
    let old = s
        .vault
        .import_file(&mut s.store, &old, &cv, now())
        .unwrap()
        .document;
    let new = s
        .vault
        .import_file(
            &mut s.store,
            &new,
            &ImportOptions {
                supersedes: Some(old.id),
                ..cv
            },
            now(),
        )
        .unwrap()
        .document;
    assert_eq!(new.supersedes, Some(old.id));
    let current = vault::list_documents(&s.store, &DocumentQuery::default()).unwrap();
    assert_eq!(
        current.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![new.id]
    );
    let old_again = vault::get_document(&s.store, old.id).unwrap();
    assert_eq!(old_again.superseded_by, Some(new.id));
    assert_eq!(
        s.vault.read_bytes(&s.store, old.id).unwrap(),
        pdf("cv 2024")
    );

    // A version already replaced cannot be replaced a second time; nothing is copied.
    let third = write(s.dir.path(), "cv 2027.pdf", &pdf("cv 2027"));
    let err = s
        .vault
        .import_file(
            &mut s.store,
            &third,
            &ImportOptions {
                supersedes: Some(old.id),
                ..cv
            },
            now(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("already replaced"), "{err}");
    assert_eq!(files_under(s.vault.dir()).len(), 2);
}

//! Documents once in the vault: metadata, versions, lists, delete, reading, exporting, and the
//! integrity check.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use dossier_core::store::Store;
use dossier_core::vault::{
    self, Document, DocumentKind, DocumentMetadata, DocumentQuery, ImportOptions, ProvenEntry,
    Vault,
};
use dossier_core::{Error, FieldProblem};
use std::fs;
use std::path::Path;

mod support;
use support::date;

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

fn today() -> NaiveDate {
    date(2026, 3, 1)
}

fn pdf(label: &str) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(label.as_bytes());
    bytes
}

fn import(s: &mut Setup, name: &str, kind: DocumentKind) -> Document {
    import_at(s, name, kind, now())
}

fn import_at(s: &mut Setup, name: &str, kind: DocumentKind, at: DateTime<Utc>) -> Document {
    s.vault
        .import_reader(
            &mut s.store,
            &mut pdf(name).as_slice(),
            name,
            &ImportOptions {
                kind,
                supersedes: None,
            },
            at,
        )
        .unwrap()
        .document
}

fn all() -> DocumentQuery {
    DocumentQuery {
        kind: None,
        include_superseded: true,
        ..Default::default()
    }
}

fn ids(documents: &[Document]) -> Vec<u32> {
    documents.iter().map(|d| d.id).collect()
}

fn stored_file_count(vault_dir: &Path) -> usize {
    fs::read_dir(vault_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|d| fs::read_dir(d).unwrap().count())
        .sum()
}

// --- metadata -------------------------------------------------------------------------------

#[test]
fn metadata_is_updated_and_normalised() {
    let mut s = setup();
    let doc = import(&mut s, "casier.pdf", DocumentKind::Other);
    let updated = vault::update_metadata(
        &mut s.store,
        doc.id,
        &DocumentMetadata {
            title: "  Casier judiciaire (France)  ".into(),
            kind: DocumentKind::CriminalRecord,
            issued_on: Some(date(2026, 2, 10)),
            expires_on: None,
            issuing_country: Some(" fr ".into()),
            proves: None,
            notes: "Bulletin n°3".into(),
            supersedes: None,
        },
        today(),
    )
    .unwrap();
    assert_eq!(updated.title, "Casier judiciaire (France)");
    assert_eq!(updated.kind, DocumentKind::CriminalRecord);
    assert_eq!(updated.issuing_country.as_deref(), Some("FR"));
    assert_eq!(updated.issued_on, Some(date(2026, 2, 10)));
    assert_eq!(updated.notes, "Bulletin n°3");
    // What the file is does not change.
    assert_eq!(updated.content_hash, doc.content_hash);
    assert_eq!(updated.original_name, "casier.pdf");
    assert_eq!(vault::get_document(&s.store, doc.id).unwrap(), updated);
}

#[test]
fn inconsistent_metadata_is_refused_and_nothing_changes() {
    let mut s = setup();
    let doc = import(&mut s, "passport.pdf", DocumentKind::Identity);
    let base = DocumentMetadata::from(&doc);
    let cases: Vec<(DocumentMetadata, &str)> = vec![
        (
            DocumentMetadata {
                issued_on: Some(date(2025, 5, 1)),
                expires_on: Some(date(2025, 4, 30)),
                ..base.clone()
            },
            "before the issue date",
        ),
        (
            DocumentMetadata {
                issued_on: Some(date(2026, 3, 2)),
                ..base.clone()
            },
            "in the future",
        ),
        (
            DocumentMetadata {
                title: "   ".into(),
                ..base.clone()
            },
            "needs a title",
        ),
        (
            DocumentMetadata {
                issuing_country: Some("France".into()),
                ..base.clone()
            },
            "two-letter",
        ),
        (
            DocumentMetadata {
                proves: Some(ProvenEntry::Education(3)),
                ..base.clone()
            },
            "cannot prove",
        ),
        (
            DocumentMetadata {
                kind: DocumentKind::Diploma,
                proves: Some(ProvenEntry::Education(0)),
                ..base.clone()
            },
            "save the profile entry first",
        ),
        (
            DocumentMetadata {
                supersedes: Some(doc.id),
                ..base.clone()
            },
            "cannot replace itself",
        ),
        (
            DocumentMetadata {
                supersedes: Some(999),
                ..base.clone()
            },
            "Document 999 was not found",
        ),
    ];
    for (metadata, expected) in cases {
        let err = vault::update_metadata(&mut s.store, doc.id, &metadata, today()).unwrap_err();
        assert!(
            err.to_string().contains(expected),
            "{err} (wanted {expected})"
        );
    }
    assert_eq!(vault::get_document(&s.store, doc.id).unwrap(), doc);
    // The window words these from their codes.
    let mut problem = |m: DocumentMetadata| {
        vault::update_metadata(&mut s.store, doc.id, &m, today())
            .unwrap_err()
            .field_problem()
            .cloned()
    };
    assert_eq!(
        problem(DocumentMetadata {
            issued_on: Some(date(2025, 5, 1)),
            expires_on: Some(date(2025, 4, 30)),
            ..base.clone()
        }),
        Some(FieldProblem::ExpiresBeforeIssue {
            expires: "2025-04-30".into(),
            issued: "2025-05-01".into()
        })
    );
    assert_eq!(
        problem(DocumentMetadata {
            issued_on: Some(date(2026, 3, 2)),
            ..base.clone()
        }),
        Some(FieldProblem::IssuedInFuture {
            date: "2026-03-02".into()
        })
    );
    assert_eq!(
        problem(DocumentMetadata {
            title: "   ".into(),
            ..base.clone()
        }),
        Some(FieldProblem::TitleMissing)
    );
    assert_eq!(
        problem(DocumentMetadata {
            issuing_country: Some("France".into()),
            ..base.clone()
        }),
        Some(FieldProblem::NotACountryCode {
            value: "France".into()
        })
    );

    // Same-day issue and expiry, and an issue date of today, are fine.
    let ok = DocumentMetadata {
        issued_on: Some(today()),
        expires_on: Some(today()),
        ..base
    };
    vault::update_metadata(&mut s.store, doc.id, &ok, today()).unwrap();
    let err = vault::update_metadata(&mut s.store, 4242, &ok, today()).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[test]
fn documents_prove_the_profile_entries_their_kind_can_prove() {
    let mut s = setup();
    let diploma = import(&mut s, "master.pdf", DocumentKind::Diploma);
    let letter = import(&mut s, "letter.pdf", DocumentKind::ReferenceLetter);
    let set = |s: &mut Setup, d: &Document, proves| {
        vault::update_metadata(
            &mut s.store,
            d.id,
            &DocumentMetadata {
                proves: Some(proves),
                ..DocumentMetadata::from(d)
            },
            today(),
        )
    };
    assert_eq!(
        set(&mut s, &diploma, ProvenEntry::Education(4))
            .unwrap()
            .proves,
        Some(ProvenEntry::Education(4))
    );
    assert!(set(&mut s, &diploma, ProvenEntry::Employment(4)).is_err());
    // A recommendation letter is also a proof of employment (docs/domain.md#proof-of-employment).
    assert!(set(&mut s, &letter, ProvenEntry::Employment(2)).is_ok());
    assert_eq!(
        set(&mut s, &letter, ProvenEntry::Reference(7))
            .unwrap()
            .proves,
        Some(ProvenEntry::Reference(7))
    );
}

// --- versions and lists ---------------------------------------------------------------------

#[test]
fn versions_are_linked_without_forks_or_loops() {
    let mut s = setup();
    let v1 = import(&mut s, "cv1.pdf", DocumentKind::Cv);
    let v2 = import(&mut s, "cv2.pdf", DocumentKind::Cv);
    let v3 = import(&mut s, "cv3.pdf", DocumentKind::Cv);
    let link = |s: &mut Setup, newer: &Document, older: u32| {
        let newer = vault::get_document(&s.store, newer.id).unwrap();
        vault::update_metadata(
            &mut s.store,
            newer.id,
            &DocumentMetadata {
                supersedes: Some(older),
                ..DocumentMetadata::from(&newer)
            },
            today(),
        )
    };
    link(&mut s, &v2, v1.id).unwrap();
    link(&mut s, &v3, v2.id).unwrap();
    let err = link(&mut s, &v1, v3.id).unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");
    let other = import(&mut s, "cv-other.pdf", DocumentKind::Cv);
    let err = link(&mut s, &other, v1.id).unwrap_err();
    assert!(
        err.to_string().contains("already replaced by document"),
        "{err}"
    );
    // Saving a document with the link it already has is not a fork.
    link(&mut s, &v2, v1.id).unwrap();

    let current = vault::list_documents(
        &s.store,
        &DocumentQuery {
            kind: Some(DocumentKind::Cv),
            include_superseded: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&current), vec![other.id, v3.id]);
}

#[test]
fn lists_show_current_versions_newest_first_and_filter_by_kind() {
    let mut s = setup();
    let t0 = now();
    let cv_old = import_at(&mut s, "cv-2024.pdf", DocumentKind::Cv, t0);
    let diploma = import_at(
        &mut s,
        "diploma.pdf",
        DocumentKind::Diploma,
        t0 + Duration::hours(1),
    );
    let cv_new = s
        .vault
        .import_reader(
            &mut s.store,
            &mut pdf("cv-2026").as_slice(),
            "cv-2026.pdf",
            &ImportOptions {
                kind: DocumentKind::Cv,
                supersedes: Some(cv_old.id),
            },
            t0 + Duration::hours(2),
        )
        .unwrap()
        .document;

    let current = vault::list_documents(&s.store, &DocumentQuery::default()).unwrap();
    assert_eq!(ids(&current), vec![cv_new.id, diploma.id]);
    let everything = vault::list_documents(&s.store, &all()).unwrap();
    assert_eq!(ids(&everything), vec![cv_new.id, diploma.id, cv_old.id]);
    assert_eq!(everything[2].superseded_by, Some(cv_new.id));
    let cvs = vault::list_documents(
        &s.store,
        &DocumentQuery {
            kind: Some(DocumentKind::Cv),
            include_superseded: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&cvs), vec![cv_new.id, cv_old.id]);
    let none = vault::list_documents(
        &s.store,
        &DocumentQuery {
            kind: Some(DocumentKind::Identity),
            include_superseded: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(none.is_empty());
}

// --- delete ---------------------------------------------------------------------------------

#[test]
fn a_shared_file_stays_until_the_last_document_using_it_is_deleted() {
    let mut s = setup();
    let letter = import(&mut s, "letter.pdf", DocumentKind::ReferenceLetter);
    let copy = vault::duplicate_document(&mut s.store, letter.id, now()).unwrap();
    assert_ne!(copy.id, letter.id);
    assert_eq!(copy.content_hash, letter.content_hash);
    let path = s.vault.file_path(&s.store, letter.id).unwrap();

    let first = s.vault.delete(&mut s.store, letter.id).unwrap();
    assert!(!first.file_removed);
    assert!(
        first.message.contains("1 other document"),
        "{}",
        first.message
    );
    assert!(path.exists());
    assert_eq!(
        s.vault.read_bytes(&s.store, copy.id).unwrap(),
        pdf("letter.pdf")
    );

    let last = s.vault.delete(&mut s.store, copy.id).unwrap();
    assert!(last.file_removed);
    assert!(!path.exists());
    assert_eq!(stored_file_count(s.vault.dir()), 0);
    assert!(matches!(
        s.vault.delete(&mut s.store, copy.id).unwrap_err(),
        Error::NotFound(_)
    ));
}

#[test]
fn a_document_attached_to_an_application_is_not_deleted() {
    let mut s = setup();
    let cv = import(&mut s, "cv.pdf", DocumentKind::Cv);
    s.store
        .write(|tx| {
            tx.execute_batch(&format!(
                "INSERT INTO vacancies (id, platform, reference, title, created_utc, updated_utc)
                 VALUES (1, 'recruitment_hub', '1503', 'Criminal Intelligence Officer', 'x', 'x');
                 INSERT INTO applications (id, vacancy_id, stage, created_utc, updated_utc)
                 VALUES (1, 1, 'submitted', 'x', 'x');
                 INSERT INTO application_documents (application_id, document_id) VALUES (1, {});",
                cv.id
            ))?;
            Ok(())
        })
        .unwrap();
    let err = s.vault.delete(&mut s.store, cv.id).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(
            err.field_problem(),
            Some(dossier_core::FieldProblem::DocumentAttached { count: 1, applications, .. })
                if applications.contains("Criminal Intelligence Officer (1503)")
        ),
        "{err:?}"
    );
    assert!(
        message.contains("Criminal Intelligence Officer (1503)")
            && message.contains("Nothing was deleted"),
        "{message}"
    );
    assert_eq!(vault::get_document(&s.store, cv.id).unwrap(), cv);
    assert!(s.vault.file_path(&s.store, cv.id).unwrap().exists());
}

#[test]
fn deleting_the_middle_of_a_version_chain_keeps_the_chain() {
    let mut s = setup();
    let v1 = import(&mut s, "v1.pdf", DocumentKind::Cv);
    let newer = |s: &mut Setup, name: &str, older: u32| {
        s.vault
            .import_reader(
                &mut s.store,
                &mut pdf(name).as_slice(),
                name,
                &ImportOptions {
                    kind: DocumentKind::Cv,
                    supersedes: Some(older),
                },
                now(),
            )
            .unwrap()
            .document
    };
    let v2 = newer(&mut s, "v2.pdf", v1.id);
    let v3 = newer(&mut s, "v3.pdf", v2.id);
    s.vault.delete(&mut s.store, v2.id).unwrap();
    assert_eq!(
        vault::get_document(&s.store, v3.id).unwrap().supersedes,
        Some(v1.id)
    );
    let current = vault::list_documents(&s.store, &DocumentQuery::default()).unwrap();
    assert_eq!(ids(&current), vec![v3.id]);
}

// --- read and export ------------------------------------------------------------------------

#[test]
fn a_copy_is_exported_atomically_and_never_overwrites_unless_asked() {
    let mut s = setup();
    let doc = import(&mut s, "diploma.pdf", DocumentKind::Diploma);
    // The candidate's own folder, outside the data folder.
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out");
    fs::create_dir(&out).unwrap();
    let dest = out.join("Mon diplôme.pdf");

    s.vault.export_copy(&s.store, doc.id, &dest, false).unwrap();
    assert_eq!(fs::read(&dest).unwrap(), pdf("diploma.pdf"));

    fs::write(&dest, b"the candidate's own edit").unwrap();
    let err = s
        .vault
        .export_copy(&s.store, doc.id, &dest, false)
        .unwrap_err();
    assert!(matches!(err, Error::AlreadyExists { .. }), "{err:?}");
    assert_eq!(fs::read(&dest).unwrap(), b"the candidate's own edit");

    s.vault.export_copy(&s.store, doc.id, &dest, true).unwrap();
    assert_eq!(fs::read(&dest).unwrap(), pdf("diploma.pdf"));
    let names: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["Mon diplôme.pdf".to_string()]);

    let err = s
        .vault
        .export_copy(&s.store, doc.id, &out, true)
        .unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    let inside = s.vault.dir().join("copy.pdf");
    let err = s
        .vault
        .export_copy(&s.store, doc.id, &inside, true)
        .unwrap_err();
    assert!(err.to_string().contains("vault folder"), "{err}");
    assert!(!inside.exists());
}

#[test]
fn a_copy_is_never_written_inside_dossiers_data_folder() {
    let mut s = setup();
    let doc = import(&mut s, "diploma.pdf", DocumentKind::Diploma);
    let data = s.dir.path();
    fs::create_dir(data.join("sub")).unwrap();
    let database = fs::read(data.join("dossier.db")).unwrap();
    for dest in [
        data.join("dossier.db"),
        data.join("sub").join("..").join("dossier.db"),
        data.join("dossier.db-wal"),
        data.join("copy.pdf"),
        data.join("sub").join("copy.pdf"),
        s.vault.dir().join("copy.pdf"),
    ] {
        let err = s
            .vault
            .export_copy(&s.store, doc.id, &dest, true)
            .unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{dest:?}: {err:?}");
        assert!(
            err.to_string().contains("Dossier's own data folder"),
            "{err}"
        );
        assert!(
            err.to_string().contains(&dest.display().to_string()),
            "{err}"
        );
    }
    assert_eq!(fs::read(data.join("dossier.db")).unwrap(), database);
    assert!(!data.join("copy.pdf").exists() && !data.join("sub").join("copy.pdf").exists());
    assert_eq!(
        s.vault.read_bytes(&s.store, doc.id).unwrap(),
        pdf("diploma.pdf")
    );
}

#[test]
fn a_damaged_file_is_reported_not_read_or_exported() {
    let mut s = setup();
    let doc = import(&mut s, "contract.pdf", DocumentKind::ProofOfEmployment);
    let path = s.vault.file_path(&s.store, doc.id).unwrap();
    fs::write(&path, b"%PDF-1.7\ntampered").unwrap();
    let err = s.vault.read_bytes(&s.store, doc.id).unwrap_err();
    assert!(err.to_string().contains("may be damaged"), "{err}");
    let home = tempfile::tempdir().unwrap();
    let dest = home.path().join("copy.pdf");
    let err = s
        .vault
        .export_copy(&s.store, doc.id, &dest, false)
        .unwrap_err();
    assert!(err.to_string().contains("may be damaged"), "{err}");
    assert!(!dest.exists());

    fs::remove_file(&path).unwrap();
    assert!(matches!(
        s.vault.read_bytes(&s.store, doc.id).unwrap_err(),
        Error::NotFound(_)
    ));
    assert!(matches!(
        s.vault.file_path(&s.store, doc.id).unwrap_err(),
        Error::NotFound(_)
    ));
}

// --- integrity ------------------------------------------------------------------------------

#[test]
fn the_integrity_check_finds_each_problem_and_deletes_nothing() {
    let mut s = setup();
    let empty = s.vault.check_integrity(&s.store).unwrap();
    assert!(
        empty.healthy && empty.documents_checked == 0 && empty.files_without_document.is_empty(),
        "{empty:?}"
    );
    let healthy = import(&mut s, "healthy.pdf", DocumentKind::Cv);
    let report = s.vault.check_integrity(&s.store).unwrap();
    assert!(report.healthy, "{report:?}");
    assert_eq!(report.documents_checked, 1);
    assert_eq!(report.files_checked, 1);

    let lost = import(&mut s, "lost.pdf", DocumentKind::Diploma);
    let damaged = import(&mut s, "damaged.pdf", DocumentKind::Identity);
    let lost_path = s.vault.file_path(&s.store, lost.id).unwrap();
    fs::remove_file(&lost_path).unwrap();
    let damaged_path = s.vault.file_path(&s.store, damaged.id).unwrap();
    fs::write(&damaged_path, b"%PDF-1.7\nnot what was imported").unwrap();
    // A file stored by an import that died before its row, and one nobody should have put there.
    let orphan_bytes = pdf("orphan");
    let orphan_hash = vault::sha256_hex(&orphan_bytes);
    let orphan_dir = s.vault.dir().join(&orphan_hash[..2]);
    fs::create_dir_all(&orphan_dir).unwrap();
    let orphan = orphan_dir.join(format!("{orphan_hash}.pdf"));
    fs::write(&orphan, &orphan_bytes).unwrap();
    let stray = s.vault.dir().join("notes.txt");
    fs::write(&stray, b"hello").unwrap();

    let report = vault::check_integrity(&s.store, s.vault.dir()).unwrap();
    assert!(!report.healthy);
    assert_eq!(report.documents_checked, 3);
    assert_eq!(
        report
            .documents_without_file
            .iter()
            .map(|m| (m.document_id, m.expected_path.clone()))
            .collect::<Vec<_>>(),
        vec![(lost.id, lost_path.display().to_string())]
    );
    assert_eq!(report.damaged_files.len(), 1);
    let bad = &report.damaged_files[0];
    assert_eq!(bad.path, damaged_path.display().to_string());
    assert_eq!(bad.document_ids, vec![damaged.id]);
    assert_eq!(bad.expected_hash, damaged.content_hash);
    assert_eq!(
        bad.actual_hash.as_deref(),
        Some(vault::sha256_hex(b"%PDF-1.7\nnot what was imported").as_str())
    );
    let strays: Vec<_> = report
        .files_without_document
        .iter()
        .map(|f| f.path.clone())
        .collect();
    let mut expected = vec![orphan.display().to_string(), stray.display().to_string()];
    expected.sort();
    assert_eq!(strays, expected);
    assert_eq!(
        report.files_without_document[0].size_bytes,
        orphan_bytes.len() as f64
    );
    assert_eq!(bad.why, vault::Damage::Changed);
    let kinds: Vec<_> = report
        .files_without_document
        .iter()
        .map(|f| f.why)
        .collect();
    // The orphan is a stored object no row uses; notes.txt is not Dossier's at all.
    assert_eq!(
        kinds,
        [vault::StrayKind::Unused, vault::StrayKind::NotStored],
        "{:?}",
        report.files_without_document
    );

    // Reported, not repaired: everything is where it was.
    assert!(orphan.exists() && stray.exists() && damaged_path.exists());
    assert_eq!(vault::list_documents(&s.store, &all()).unwrap().len(), 3);
    assert!(s.vault.file_path(&s.store, healthy.id).is_ok());
}

#[test]
fn hidden_characters_are_taken_out_of_a_title() {
    let mut s = setup();
    let doc = import(&mut s, "cv.pdf", DocumentKind::Other);
    let updated = vault::update_metadata(
        &mut s.store,
        doc.id,
        &DocumentMetadata {
            title: "CV - \u{202E}gpj.exe\u{200B}".into(),
            ..DocumentMetadata::from(&doc)
        },
        today(),
    )
    .unwrap();
    assert_eq!(updated.title, "CV - gpj.exe");
}

/// A stored object no row names, as an import killed between its file and its row leaves.
fn place_orphan(s: &Setup, label: &str) -> std::path::PathBuf {
    let bytes = pdf(label);
    let hash = vault::sha256_hex(&bytes);
    let dir = s.vault.dir().join(&hash[..2]);
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{hash}.pdf"));
    fs::write(&path, &bytes).unwrap();
    path
}

#[test]
fn an_orphan_the_check_found_is_removed_once_confirmed() {
    let mut s = setup();
    let kept = import(&mut s, "cv.pdf", DocumentKind::Cv);
    let orphan = place_orphan(&s, "orphan");
    let report = s.vault.check_integrity(&s.store).unwrap();
    let stray: Vec<_> = report.files_without_document.iter().collect();
    assert_eq!(stray.len(), 1);
    assert!(stray[0].removable);

    let paths: Vec<String> = stray.iter().map(|f| f.path.clone()).collect();
    let outcome = s.vault.remove_stray_files(&mut s.store, &paths).unwrap();
    assert_eq!(outcome.removed, paths);
    assert_eq!(outcome.bytes_removed, pdf("orphan").len() as f64);
    assert!(outcome.left_alone.is_empty());
    assert!(!orphan.exists());
    let after = s.vault.check_integrity(&s.store).unwrap();
    assert!(after.healthy, "{after:?}");
    assert!(s.vault.file_path(&s.store, kept.id).is_ok());
    // Asked again, it is already gone, and says so.
    let again = s.vault.remove_stray_files(&mut s.store, &paths).unwrap();
    assert!(again.removed.is_empty());
    assert_eq!(again.left_alone[0].why, vault::StrayRefusal::Missing);
}

#[test]
fn only_stray_objects_are_ever_removed_whatever_paths_are_passed() {
    let mut s = setup();
    let used = import(&mut s, "diploma.pdf", DocumentKind::Diploma);
    let used_path = s.vault.file_path(&s.store, used.id).unwrap();
    // Outside the object folders: the vault folder itself, the data folder, and a file
    // elsewhere named exactly like an object.
    let hash = vault::sha256_hex(b"elsewhere");
    let in_root = s.vault.dir().join(format!("{hash}.pdf"));
    fs::write(&in_root, b"x").unwrap();
    let elsewhere_dir = s.dir.path().join("Documents").join(&hash[..2]);
    fs::create_dir_all(&elsewhere_dir).unwrap();
    let elsewhere = elsewhere_dir.join(format!("{hash}.pdf"));
    fs::write(&elsewhere, b"mine").unwrap();
    // In an object folder, but not named like an object.
    let orphan = place_orphan(&s, "orphan");
    let shard = orphan.parent().unwrap().to_path_buf();
    let odd_names = [
        shard.join("notes.txt"),
        shard.join(format!(
            "{}.exe",
            &orphan.file_stem().unwrap().to_string_lossy()
        )),
        shard.join(format!("{}.pdf", "f".repeat(64))),
    ];
    for path in &odd_names {
        fs::write(path, b"x").unwrap();
    }
    // Through `..`: the database, written as if it sat in an object folder.
    let database = shard.join("..").join("..").join("dossier.db");
    // A link named like an object, to a file of the candidate's.
    let target = s.dir.path().join("Documents").join("passport.pdf");
    fs::write(&target, b"passport").unwrap();
    let link_hash = vault::sha256_hex(b"link");
    let link_dir = s.vault.dir().join(&link_hash[..2]);
    fs::create_dir_all(&link_dir).unwrap();
    let link = link_dir.join(format!("{link_hash}.pdf"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let mut paths: Vec<String> = [&used_path, &in_root, &elsewhere, &database]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    paths.extend(odd_names.iter().map(|p| p.display().to_string()));
    #[cfg(unix)]
    paths.push(link.display().to_string());
    let outcome = s.vault.remove_stray_files(&mut s.store, &paths).unwrap();
    assert!(outcome.removed.is_empty(), "{outcome:?}");
    let why: Vec<_> = outcome.left_alone.iter().map(|l| l.why).collect();
    use vault::StrayRefusal::*;
    let mut expected = vec![
        InUse,
        OutsideObjects,
        OutsideObjects,
        OutsideObjects,
        NotAnObjectName,
        NotAnObjectName,
        NotAnObjectName,
    ];
    #[cfg(unix)]
    expected.push(NotARegularFile);
    assert_eq!(why, expected);
    for path in [&used_path, &in_root, &elsewhere, &target, &orphan] {
        assert!(path.exists(), "{path:?}");
    }
    assert!(s.dir.path().join("dossier.db").exists());
    for path in &odd_names {
        assert!(path.exists(), "{path:?}");
    }
    // The check itself never offers them.
    let report = s.vault.check_integrity(&s.store).unwrap();
    let removable: Vec<_> = report
        .files_without_document
        .iter()
        .filter(|f| f.removable)
        .map(|f| f.path.clone())
        .collect();
    assert_eq!(removable, [orphan.display().to_string()]);
}

// --- search and filters ---------------------------------------------------------------------

fn metadata(title: &str, kind: DocumentKind, country: Option<&str>) -> DocumentMetadata {
    DocumentMetadata {
        title: title.into(),
        kind,
        issued_on: None,
        expires_on: None,
        issuing_country: country.map(Into::into),
        proves: None,
        notes: String::new(),
        supersedes: None,
    }
}

fn found(s: &Setup, query: DocumentQuery) -> Vec<u32> {
    vault::listed_documents(&s.store, &query, today())
        .unwrap()
        .iter()
        .map(|l| l.document.id)
        .collect()
}

fn text(words: &str) -> DocumentQuery {
    DocumentQuery {
        text: Some(words.into()),
        ..Default::default()
    }
}

#[test]
fn the_vault_is_searched_by_title_notes_and_file_name_accents_aside() {
    let mut s = setup();
    let crc = import(&mut s, "casier_2026.pdf", DocumentKind::Other);
    let mut m = metadata(
        "Extrait de casier judiciaire",
        DocumentKind::CriminalRecord,
        Some("fr"),
    );
    m.issued_on = Some(date(2026, 2, 1));
    vault::update_metadata(&mut s.store, crc.id, &m, today()).unwrap();
    let work = import(&mut s, "attestation.pdf", DocumentKind::Other);
    let mut m = metadata(
        "Attestation d'emploi Montréal",
        DocumentKind::ProofOfEmployment,
        Some("CA"),
    );
    m.notes = "Signed by the Québec director".into();
    vault::update_metadata(&mut s.store, work.id, &m, today()).unwrap();
    let cv = import(&mut s, "CV-Marie.pdf", DocumentKind::Cv);

    assert_eq!(found(&s, text("casier")), [crc.id]);
    assert_eq!(found(&s, text("judic extr")), [crc.id]);
    assert_eq!(found(&s, text("montreal")), [work.id]);
    assert_eq!(found(&s, text("MONTRÉAL")), [work.id]);
    assert_eq!(found(&s, text("quebec")), [work.id]);
    assert_eq!(found(&s, text("marie")), [cv.id]);
    assert_eq!(found(&s, text("2026")), [crc.id]);
    assert!(found(&s, text("casier montreal")).is_empty());
    // Blank or punctuation is no search; what would be FTS syntax is taken as plain words.
    for blank in ["", "  ", "-", "\"", "()"] {
        assert_eq!(
            found(&s, text(blank)),
            [cv.id, work.id, crc.id],
            "{blank:?}"
        );
    }
    for odd in ["NEAR(casier", "casier OR", "a*b", "^cv", "title:cv"] {
        vault::listed_documents(&s.store, &text(odd), today()).unwrap();
    }

    // A changed title is found at once and the old one no longer; a deleted document is gone.
    vault::update_metadata(
        &mut s.store,
        cv.id,
        &metadata("Curriculum vitae", DocumentKind::Cv, None),
        today(),
    )
    .unwrap();
    assert_eq!(found(&s, text("curric")), [cv.id]);
    assert_eq!(
        found(&s, text("marie")),
        [cv.id],
        "the file name still counts"
    );
    vault::update_metadata(
        &mut s.store,
        work.id,
        &metadata(
            "Attestation d'emploi",
            DocumentKind::ProofOfEmployment,
            Some("CA"),
        ),
        today(),
    )
    .unwrap();
    assert!(found(&s, text("montreal")).is_empty());
    s.vault.delete(&mut s.store, crc.id).unwrap();
    assert!(found(&s, text("casier")).is_empty());
}

#[test]
fn filters_by_kind_country_standing_and_version_combine_with_the_words() {
    let mut s = setup();
    let old_crc = import(&mut s, "casier-2025.pdf", DocumentKind::CriminalRecord);
    let mut m = metadata(
        "Casier judiciaire 2025",
        DocumentKind::CriminalRecord,
        Some("FR"),
    );
    m.issued_on = Some(date(2025, 6, 1));
    vault::update_metadata(&mut s.store, old_crc.id, &m, today()).unwrap();
    let stale_sg = import(&mut s, "sg.pdf", DocumentKind::CriminalRecord);
    let mut m = metadata(
        "Certificate of no criminal conviction",
        DocumentKind::CriminalRecord,
        Some("SG"),
    );
    m.issued_on = Some(date(2025, 10, 1));
    vault::update_metadata(&mut s.store, stale_sg.id, &m, today()).unwrap();
    let passport = import(&mut s, "passport.pdf", DocumentKind::Identity);
    let mut m = metadata("Passeport", DocumentKind::Identity, Some("FR"));
    m.expires_on = Some(date(2026, 2, 1));
    vault::update_metadata(&mut s.store, passport.id, &m, today()).unwrap();
    // A fresh certificate replaces the 2025 one.
    let new_crc = s
        .vault
        .import_reader(
            &mut s.store,
            &mut pdf("casier-2026").as_slice(),
            "casier-2026.pdf",
            &ImportOptions {
                kind: DocumentKind::CriminalRecord,
                supersedes: Some(old_crc.id),
            },
            now(),
        )
        .unwrap()
        .document;
    let mut m = metadata(
        "Casier judiciaire 2026",
        DocumentKind::CriminalRecord,
        Some("FR"),
    );
    m.issued_on = Some(date(2026, 2, 20));
    m.supersedes = Some(old_crc.id);
    vault::update_metadata(&mut s.store, new_crc.id, &m, today()).unwrap();

    let crc = Some(DocumentKind::CriminalRecord);
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                kind: crc,
                ..Default::default()
            }
        ),
        [new_crc.id, stale_sg.id]
    );
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                kind: crc,
                include_superseded: true,
                ..Default::default()
            }
        ),
        [new_crc.id, stale_sg.id, old_crc.id]
    );
    let fr = || Some("fr".to_string());
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                country: fr(),
                ..Default::default()
            }
        ),
        [new_crc.id, passport.id]
    );
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                country: fr(),
                kind: crc,
                ..Default::default()
            }
        ),
        [new_crc.id]
    );
    // Out of date: the certificate past its three months and the expired passport; the older
    // version is replaced, not out of date, and the fresh certificate is valid.
    let stale = || DocumentQuery {
        out_of_date: true,
        ..Default::default()
    };
    assert_eq!(found(&s, stale()), [passport.id, stale_sg.id]);
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                include_superseded: true,
                ..stale()
            }
        ),
        [passport.id, stale_sg.id]
    );
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                country: fr(),
                ..stale()
            }
        ),
        [passport.id]
    );
    assert_eq!(
        found(
            &s,
            DocumentQuery {
                text: Some("casier".into()),
                include_superseded: true,
                ..Default::default()
            }
        ),
        [new_crc.id, old_crc.id]
    );
    assert!(
        found(
            &s,
            DocumentQuery {
                text: Some("casier".into()),
                ..stale()
            }
        )
        .is_empty()
    );
    assert!(
        found(
            &s,
            DocumentQuery {
                country: Some("DE".into()),
                ..Default::default()
            }
        )
        .is_empty()
    );
    assert_eq!(vault::document_countries(&s.store).unwrap(), ["FR", "SG"]);
}

// --- pages of the list ------------------------------------------------------------------------

fn page_ids(
    s: &Setup,
    query: &DocumentQuery,
    on: NaiveDate,
    offset: u32,
    limit: u32,
) -> (Vec<u32>, u32) {
    let page = vault::document_page(&s.store, query, on, offset, limit).unwrap();
    (
        page.items.iter().map(|l| l.document.id).collect(),
        page.total,
    )
}

#[test]
fn pages_cover_the_whole_list_in_order_with_its_count_and_filters() {
    let mut s = setup();
    let mut crcs = Vec::new();
    for i in 0..23 {
        let kind = if i % 3 == 0 {
            DocumentKind::CriminalRecord
        } else {
            DocumentKind::Cv
        };
        let d = import(&mut s, &format!("scan-{i}.pdf"), kind);
        if kind == DocumentKind::CriminalRecord {
            crcs.push(d.id);
        }
    }
    // One replaced version: not listed, nor counted, unless older versions are asked for.
    let older = import(&mut s, "older.pdf", DocumentKind::Cv);
    let newer = s
        .vault
        .import_reader(
            &mut s.store,
            &mut pdf("newer").as_slice(),
            "newer.pdf",
            &ImportOptions {
                kind: DocumentKind::Cv,
                supersedes: Some(older.id),
            },
            now(),
        )
        .unwrap()
        .document;

    for query in [
        DocumentQuery::default(),
        all(),
        DocumentQuery {
            kind: Some(DocumentKind::CriminalRecord),
            ..Default::default()
        },
        text("scan"),
    ] {
        let whole = found(&s, query.clone());
        let mut paged = Vec::new();
        for offset in (0..30).step_by(10) {
            let (ids, total) = page_ids(&s, &query, today(), offset, 10);
            assert_eq!(total as usize, whole.len(), "{query:?}");
            assert!(ids.len() <= 10);
            paged.extend(ids);
        }
        assert_eq!(paged, whole, "{query:?}");
    }
    assert_eq!(page_ids(&s, &DocumentQuery::default(), today(), 0, 3).1, 24);
    assert_eq!(
        page_ids(&s, &all(), today(), 0, 3).0[..2],
        [newer.id, older.id]
    );
    let mut newest_crcs = crcs.clone();
    newest_crcs.reverse();
    let crc = DocumentQuery {
        kind: Some(DocumentKind::CriminalRecord),
        ..Default::default()
    };
    assert_eq!(page_ids(&s, &crc, today(), 0, 100), (newest_crcs, 8));
    // Past the end: no rows, the count still said.
    assert_eq!(
        page_ids(&s, &DocumentQuery::default(), today(), 500, 10),
        (vec![], 24)
    );
    assert_eq!(page_ids(&s, &text("nothing"), today(), 0, 10), (vec![], 0));
    // A page is a screenful, however many are asked for.
    let many = vault::document_page(&s.store, &all(), today(), 0, u32::MAX).unwrap();
    assert_eq!(many.items.len(), 25);
}

#[test]
fn a_page_of_out_of_date_documents_holds_exactly_those_the_badges_call_out_of_date() {
    let mut s = setup();
    let late = date(2030, 1, 1);
    // Certificates issued on every day around the three-month edge, month ends included, and
    // documents expiring around the day.
    let mut day = date(2026, 10, 25);
    while day <= date(2027, 3, 5) {
        let d = import(
            &mut s,
            &format!("crc-{day}.pdf"),
            DocumentKind::CriminalRecord,
        );
        let mut m = metadata("Casier", DocumentKind::CriminalRecord, None);
        m.issued_on = Some(day);
        vault::update_metadata(&mut s.store, d.id, &m, late).unwrap();
        let p = import(
            &mut s,
            &format!("passport-{day}.pdf"),
            DocumentKind::Identity,
        );
        let mut m = metadata("Passport", DocumentKind::Identity, None);
        m.issued_on = Some(date(2020, 1, 1));
        m.expires_on = Some(day + Duration::days(90));
        vault::update_metadata(&mut s.store, p.id, &m, late).unwrap();
        day += Duration::days(1);
    }
    import(&mut s, "no-date.pdf", DocumentKind::CriminalRecord);
    let stale = DocumentQuery {
        out_of_date: true,
        include_superseded: true,
        ..Default::default()
    };
    for on in [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 1),
        date(2027, 3, 31),
        date(2027, 5, 30),
        date(2027, 5, 31),
        date(2027, 6, 1),
    ] {
        let by_badge: Vec<u32> = vault::listed_documents(&s.store, &all(), on)
            .unwrap()
            .into_iter()
            .filter(|l| l.standing.is_out_of_date())
            .map(|l| l.document.id)
            .collect();
        assert!(!by_badge.is_empty(), "{on}");
        let (ids, total) = page_ids(&s, &stale, on, 0, 1_000);
        assert_eq!(ids, by_badge, "{on}");
        assert_eq!(total as usize, by_badge.len(), "{on}");
        let listed: Vec<u32> = vault::listed_documents(&s.store, &stale, on)
            .unwrap()
            .iter()
            .map(|l| l.document.id)
            .collect();
        assert_eq!(listed, by_badge, "{on}");
    }
}

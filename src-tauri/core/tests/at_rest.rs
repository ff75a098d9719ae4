//! Encryption at rest, turned on and off in place (issue 16): what each state leaves on disk,
//! and that every vacancy, search and document survives the round trip.

use chrono::{DateTime, Utc};
use dossier_core::Error;
use dossier_core::encryption::EncryptionError;
use dossier_core::encryption::at_rest::{self, AtRest, Secret};
use dossier_core::encryption::key_file::{KdfParams, KeyFile};
use dossier_core::encryption::sealed::MAGIC;
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{
    Platform, SaveOutcome, VacancyInput, VacancyQuery, create_vacancy, list_vacancies,
};
use dossier_core::vault::{DocumentKind, ImportOptions, VAULT_FOLDER, Vault};
use std::fs;
use std::path::{Path, PathBuf};

const SCAN: &[u8] =
    b"%PDF-1.4\n% SCAN-MARKER-Zq81 criminal record certificate of the candidate\n%%EOF\n";
const TITLE: &str = "Analyst NOTICE-MARKER-Kp27";
const FAST: KdfParams = KdfParams::FAST_FOR_TESTS;

fn now() -> DateTime<Utc> {
    "2026-12-07T10:00:00Z".parse().unwrap()
}

/// A data folder with one vacancy and one imported scan.
fn a_data_folder(root: &Path) -> (PathBuf, u32) {
    let data = root.join("data");
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(&data).unwrap();
    let input = VacancyInput::new(Platform::RecruitmentHub, "1503", TITLE);
    assert!(matches!(
        create_vacancy(&mut store, input, now()).unwrap(),
        SaveOutcome::Saved { .. }
    ));
    let scan = root.join("certificate.pdf");
    fs::write(&scan, SCAN).unwrap();
    let imported = vault
        .import_file(
            &mut store,
            &scan,
            &ImportOptions {
                kind: DocumentKind::Other,
                supersedes: None,
            },
            now(),
        )
        .unwrap();
    (data, imported.document.id)
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

fn found_by_search(store: &Store) -> usize {
    let query = VacancyQuery {
        text: Some("Analyst".into()),
        ..VacancyQuery::default()
    };
    list_vacancies(store, &query, now()).unwrap().items.len()
}

#[test]
fn names_match_the_store_and_the_vault() {
    assert_eq!(DATABASE_FILE, "dossier.db");
    assert_eq!(VAULT_FOLDER, "vault");
}

#[test]
fn turned_on_then_off_keeps_every_vacancy_search_and_document() {
    let root = tempfile::tempdir().unwrap();
    let (data, doc) = a_data_folder(root.path());
    assert_eq!(at_rest::state(&data).unwrap(), AtRest::Clear);

    let (key, recovery) = at_rest::turn_on_with(&data, b"correct horse", FAST).unwrap();
    assert_eq!(at_rest::state(&data).unwrap(), AtRest::Encrypted);
    assert!(!data.join(at_rest::CONVERSION_FOLDER).exists());
    let db = fs::read(data.join(DATABASE_FILE)).unwrap();
    assert!(
        !db.starts_with(b"SQLite format 3"),
        "the database is encrypted"
    );
    for object in objects(&data) {
        assert!(
            fs::read(&object).unwrap().starts_with(MAGIC),
            "{}",
            object.display()
        );
    }

    // Locked: neither the store nor the vault opens without the key, and nothing is set aside.
    assert!(matches!(
        Store::open(&data.join(DATABASE_FILE)),
        Err(Error::Encryption(EncryptionError::Locked))
    ));
    let store = Store::open_keyed(&data.join(DATABASE_FILE), Some(&key)).unwrap();
    assert_eq!(store.overview().unwrap().vacancies, 1);
    assert_eq!(found_by_search(&store), 1, "the search index came across");
    let vault = Vault::open_keyed(&data, Some(std::sync::Arc::new(key.clone()))).unwrap();
    assert_eq!(vault.read_bytes(&store, doc).unwrap(), SCAN);
    drop(store);
    let db = fs::read(data.join(DATABASE_FILE)).unwrap();

    // Both secrets unlock the same key; a wrong one is told as wrong.
    assert_eq!(
        at_rest::unlock(&data, Secret::Passphrase(b"correct horse")).unwrap(),
        key
    );
    assert_eq!(
        at_rest::unlock(&data, Secret::RecoveryKey(&recovery.to_text())).unwrap(),
        key
    );
    assert!(matches!(
        at_rest::unlock(&data, Secret::Passphrase(b"wrong horse")),
        Err(Error::Encryption(EncryptionError::WrongPassphrase))
    ));

    // A new passphrase re-wraps the key only: the database is the same file, byte for byte.
    at_rest::change_passphrase(
        &data,
        Secret::RecoveryKey(&recovery.to_text()),
        b"new horse",
    )
    .unwrap();
    assert!(
        fs::read(data.join(DATABASE_FILE)).unwrap() == db,
        "the database was not rewritten"
    );
    assert_eq!(
        at_rest::unlock(&data, Secret::Passphrase(b"new horse")).unwrap(),
        key
    );
    assert!(at_rest::unlock(&data, Secret::Passphrase(b"correct horse")).is_err());
    let second = at_rest::new_recovery_key(&data, &key).unwrap();
    assert!(at_rest::unlock(&data, Secret::RecoveryKey(&recovery.to_text())).is_err());
    assert_eq!(
        at_rest::unlock(&data, Secret::RecoveryKey(&second.to_text())).unwrap(),
        key
    );

    at_rest::turn_off(&data, &key).unwrap();
    assert_eq!(at_rest::state(&data).unwrap(), AtRest::Clear);
    assert!(
        fs::read(data.join(DATABASE_FILE))
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
    let store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    assert_eq!(store.overview().unwrap().vacancies, 1);
    assert_eq!(found_by_search(&store), 1);
    assert_eq!(
        Vault::open(&data).unwrap().read_bytes(&store, doc).unwrap(),
        SCAN
    );
}

#[test]
fn an_unfinished_conversion_is_undone_and_a_committed_one_finished() {
    let root = tempfile::tempdir().unwrap();
    let (data, doc) = a_data_folder(root.path());
    // Killed before the commit point: a half-built folder, which the next start removes.
    let conversion = data.join(at_rest::CONVERSION_FOLDER);
    fs::create_dir_all(conversion.join("vault/ab")).unwrap();
    fs::write(conversion.join(DATABASE_FILE), b"half").unwrap();
    assert!(matches!(
        Store::open(&data.join(DATABASE_FILE)),
        Err(Error::Encryption(EncryptionError::Locked))
    ));
    assert_eq!(at_rest::state(&data).unwrap(), AtRest::Clear);
    assert!(!conversion.exists());
    let store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    assert_eq!(
        Vault::open(&data).unwrap().read_bytes(&store, doc).unwrap(),
        SCAN
    );
}

#[test]
fn turning_on_twice_or_off_when_clear_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let (data, _) = a_data_folder(root.path());
    assert!(matches!(
        at_rest::turn_on_with(&data, b"", FAST),
        Err(Error::Encryption(EncryptionError::PassphraseEmpty))
    ));
    let (key, _) = at_rest::turn_on_with(&data, b"p", FAST).unwrap();
    assert!(matches!(
        at_rest::turn_on_with(&data, b"p", FAST),
        Err(Error::Encryption(EncryptionError::AlreadyOn))
    ));
    at_rest::turn_off(&data, &key).unwrap();
    assert!(matches!(
        at_rest::turn_off(&data, &key),
        Err(Error::Encryption(EncryptionError::AlreadyOff))
    ));
}

#[test]
fn a_passphrase_with_accents_unlocks_however_it_is_typed_and_an_old_key_file_is_upgraded() {
    // "Élève", composed (as most keyboards send it) and decomposed (as some input methods and
    // pasted text do).
    let composed = "\u{c9}l\u{e8}ve d\u{e9}j\u{e0} l\u{e0}";
    let decomposed = "E\u{301}le\u{300}ve de\u{301}ja\u{300} la\u{300}";
    let root = tempfile::tempdir().unwrap();
    let (data, doc) = a_data_folder(root.path());
    let (key, _) = at_rest::turn_on_with(&data, composed.as_bytes(), FAST).unwrap();
    let key_path = KeyFile::path_in(&data);
    for typed in [composed, decomposed] {
        at_rest::unlock(&data, Secret::Passphrase(typed.as_bytes())).unwrap();
    }
    at_rest::change_passphrase(
        &data,
        Secret::Passphrase(composed.as_bytes()),
        decomposed.as_bytes(),
    )
    .unwrap();
    at_rest::unlock(&data, Secret::Passphrase(composed.as_bytes())).unwrap();

    // A key file as this build wrote it before normalising: the decomposed bytes as typed.
    let old = KeyFile::read(&key_path)
        .unwrap()
        .with_passphrase_as_typed_for_tests(&key, decomposed.as_bytes(), FAST)
        .unwrap();
    old.write(&key_path).unwrap();
    assert!(
        !KeyFile::read(&key_path)
            .unwrap()
            .passphrase_slot_is_normalised()
    );
    assert!(matches!(
        at_rest::unlock(&data, Secret::Passphrase("Eleve deja la".as_bytes())),
        Err(Error::Encryption(EncryptionError::WrongPassphrase))
    ));
    assert!(
        !KeyFile::read(&key_path)
            .unwrap()
            .passphrase_slot_is_normalised(),
        "a wrong passphrase writes nothing"
    );
    // Typed composed this time: it still opens, and the slot is written again in NFC.
    let unlocked = at_rest::unlock(&data, Secret::Passphrase(composed.as_bytes())).unwrap();
    assert!(
        KeyFile::read(&key_path)
            .unwrap()
            .passphrase_slot_is_normalised()
    );
    for typed in [composed, decomposed] {
        at_rest::unlock(&data, Secret::Passphrase(typed.as_bytes())).unwrap();
    }
    let store = Store::open_keyed(&data.join(DATABASE_FILE), Some(&unlocked)).unwrap();
    let vault = Vault::open_keyed(&data, Some(std::sync::Arc::new(unlocked))).unwrap();
    assert_eq!(vault.read_bytes(&store, doc).unwrap(), SCAN);
}

/// Every file under `root`, recursively.
fn every_file(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn with_encryption_on_no_byte_of_the_data_folder_holds_a_profile_field_a_notice_or_a_scan() {
    use dossier_core::profile::{Profile, save_profile};
    const NAME: &str = "Profile-Marker-Wq93 Lefebvre";
    const EMAIL: &str = "email-marker-x7@example.org";
    const NOTICE: &str = "NOTICE-TEXT-MARKER-Hb55 The Analyst supports criminal intelligence";
    const LATER: &str = "LATER-MARKER-Ty02 Officer";
    let root = tempfile::tempdir().unwrap();
    let (data, _) = a_data_folder(root.path());
    {
        let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        let profile = Profile {
            full_name: NAME.into(),
            email: EMAIL.into(),
            ..Profile::default()
        };
        save_profile(&mut store, profile, now()).unwrap();
        let mut input = VacancyInput::new(Platform::RecruitmentHub, "1504", "Officer");
        input.notice_text = Some(NOTICE.into());
        create_vacancy(&mut store, input, now()).unwrap();
    }
    let (key, _) = at_rest::turn_on_with(&data, b"scan", FAST).unwrap();
    // Written after: the WAL and the shared memory are there while the store is open, and a
    // new scan is sealed as it is imported.
    let mut store = Store::open_keyed(&data.join(DATABASE_FILE), Some(&key)).unwrap();
    let vault = Vault::open_keyed(&data, Some(std::sync::Arc::new(key))).unwrap();
    create_vacancy(
        &mut store,
        VacancyInput::new(Platform::RecruitmentHub, "1505", LATER),
        now(),
    )
    .unwrap();
    let later_scan = root.path().join("passport.jpg");
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
    jpeg.extend_from_slice(b"SCAN-MARKER-LATER-Vv61 passport");
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    fs::write(&later_scan, &jpeg).unwrap();
    vault
        .import_file(
            &mut store,
            &later_scan,
            &ImportOptions {
                kind: DocumentKind::Other,
                supersedes: None,
            },
            now(),
        )
        .unwrap();
    assert!(
        data.join("dossier.db-wal").is_file(),
        "the WAL is scanned too"
    );
    let files = every_file(&data);
    assert!(files.len() >= 5, "{files:?}");
    let markers: [&[u8]; 9] = [
        b"Profile-Marker-Wq93",
        b"email-marker-x7",
        b"NOTICE-TEXT-MARKER-Hb55",
        b"NOTICE-MARKER-Kp27",
        b"LATER-MARKER-Ty02",
        b"SCAN-MARKER-Zq81",
        b"SCAN-MARKER-LATER-Vv61",
        b"%PDF-1.4",
        b"SQLite format 3",
    ];
    for file in &files {
        let bytes = fs::read(file).unwrap();
        for marker in markers {
            assert!(
                !contains(&bytes, marker),
                "{} holds {:?} in the clear",
                file.display(),
                String::from_utf8_lossy(marker)
            );
        }
    }
    // And the same data reads back through the key.
    let found = list_vacancies(
        &store,
        &VacancyQuery {
            text: Some("Officer".into()),
            ..VacancyQuery::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(found.items.len(), 2);
}

#[test]
fn copies_and_exports_of_an_encrypted_vault_are_in_the_clear_and_an_altered_file_is_named() {
    use dossier_core::export::{self, ExportFormat};
    let root = tempfile::tempdir().unwrap();
    let (data, doc) = a_data_folder(root.path());
    let (key, _) = at_rest::turn_on_with(&data, b"p", FAST).unwrap();
    let store = Store::open_keyed(&data.join(DATABASE_FILE), Some(&key)).unwrap();
    let vault = Vault::open_keyed(&data, Some(std::sync::Arc::new(key))).unwrap();
    let saved = root.path().join("Documents");
    fs::create_dir_all(&saved).unwrap();
    let copy = saved.join("certificate.pdf");
    vault.export_copy(&store, doc, &copy, false).unwrap();
    assert_eq!(
        fs::read(&copy).unwrap(),
        SCAN,
        "a saved copy is the clear document"
    );
    let view = data.join("view-copy.pdf");
    vault.view_copy(&store, doc, &view).unwrap();
    assert_eq!(fs::read(&view).unwrap(), SCAN);
    let plan = export::plan_export(&store, &vault, now(), "1.0.0").unwrap();
    let folder = saved.join("export");
    export::write_export(&plan, &folder, ExportFormat::Folder).unwrap();
    let exported: Vec<Vec<u8>> = every_file(&folder)
        .into_iter()
        .map(|p| fs::read(p).unwrap())
        .collect();
    assert!(
        exported.iter().any(|b| b == SCAN),
        "the export holds the clear scan"
    );
    assert!(vault.check_integrity(&store).unwrap().healthy);

    // One byte of the sealed object changed: named, never shown, never removed.
    let object = objects(&data).pop().unwrap();
    let mut sealed = fs::read(&object).unwrap();
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    fs::write(&object, &sealed).unwrap();
    match vault.read_bytes(&store, doc) {
        Err(Error::Encryption(EncryptionError::StoredFileAltered { title, .. })) => {
            assert_eq!(title, "certificate");
        }
        other => panic!("expected the altered file to be named, got {other:?}"),
    }
    assert!(object.exists(), "the altered file is kept");
    let report = vault.check_integrity(&store).unwrap();
    assert_eq!(report.damaged_files.len(), 1, "{report:?}");
}

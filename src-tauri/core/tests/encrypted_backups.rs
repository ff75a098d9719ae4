//! Backups of an encrypted Dossier (issue 16, "backups stay encrypted"): made of the sealed
//! objects, the SQLCipher database and the key file as they are; nothing in the clear in the
//! backup folder; verified by decrypting in memory; restored with the right key file.

use chrono::{DateTime, Utc};
use dossier_core::Error;
use dossier_core::backup;
use dossier_core::encryption::at_rest::{self, AtRest, Secret};
use dossier_core::encryption::key_file::{KEY_FILE, KdfParams};
use dossier_core::encryption::{EncryptionError, MasterKey};
use dossier_core::profile::{Profile, save_profile};
use dossier_core::store::{DATABASE_FILE, Store, latest_schema_version};
use dossier_core::vacancy::{Platform, VacancyInput, create_vacancy};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SCAN: &[u8] =
    b"%PDF-1.4\n% SCAN-MARKER-Bk40 criminal record certificate of the candidate\n%%EOF\n";
const FAST: KdfParams = KdfParams::FAST_FOR_TESTS;
const MARKERS: [&[u8]; 7] = [
    b"Profile-Marker-Bq11",
    b"email-marker-b2",
    b"NOTICE-TEXT-MARKER-Bn77",
    b"TITLE-MARKER-Bt19",
    b"SCAN-MARKER-Bk40",
    b"%PDF-1.4",
    b"SQLite format 3",
];

fn now() -> DateTime<Utc> {
    "2026-12-07T10:00:00Z".parse().unwrap()
}

/// A data folder with a profile, a vacancy with its notice and one scan, then encrypted.
/// Returns the data folder, the master key and the scan's document id.
fn an_encrypted_dossier(root: &Path) -> (PathBuf, MasterKey, u32) {
    let data = root.join("data");
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(&data).unwrap();
    let profile = Profile {
        full_name: "Profile-Marker-Bq11 Okafor".into(),
        email: "email-marker-b2@example.org".into(),
        ..Profile::default()
    };
    save_profile(&mut store, profile, now()).unwrap();
    let mut input = VacancyInput::new(Platform::RecruitmentHub, "2101", "TITLE-MARKER-Bt19");
    input.notice_text = Some("NOTICE-TEXT-MARKER-Bn77 supports criminal intelligence".into());
    create_vacancy(&mut store, input, now()).unwrap();
    let scan = root.join("certificate.pdf");
    fs::write(&scan, SCAN).unwrap();
    let doc = vault
        .import_file(
            &mut store,
            &scan,
            &ImportOptions {
                kind: DocumentKind::Other,
                supersedes: None,
            },
            now(),
        )
        .unwrap()
        .document
        .id;
    drop(store);
    let (key, _) = at_rest::turn_on_with(&data, b"first passphrase", FAST).unwrap();
    (data, key, doc)
}

fn open(data: &Path, key: &MasterKey) -> (Store, Vault) {
    let store = Store::open_keyed(&data.join(DATABASE_FILE), Some(key)).unwrap();
    let vault = Vault::open_keyed(data, Some(Arc::new(key.clone()))).unwrap();
    (store, vault)
}

fn every_file(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                todo.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The one sealed object of the backups in `backups`.
fn sealed_object(backups: &Path) -> PathBuf {
    let objects: Vec<PathBuf> = every_file(backups)
        .into_iter()
        .filter(|p| {
            p.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with("objects-"))
        })
        .collect();
    assert_eq!(objects.len(), 1, "{objects:?}");
    objects[0].clone()
}

fn vacancies(data: &Path, key: &MasterKey) -> u32 {
    open(data, key).0.overview().unwrap().vacancies
}

#[test]
fn an_encrypted_backup_holds_nothing_in_the_clear_verifies_and_restores() {
    let root = tempfile::tempdir().unwrap();
    let (data, key, doc) = an_encrypted_dossier(root.path());
    let backups = root.path().join("backups");
    let (mut store, vault) = open(&data, &key);
    let made = backup::create(&store, &vault, &backups, now(), "1.0.0").unwrap();
    assert_eq!((made.vacancies, made.documents, made.files), (1, 1, 1));
    assert_eq!(
        backup::verify_keyed(&backups, &made.id, Some(&key))
            .unwrap()
            .id,
        made.id
    );
    // Without the key, its bytes are still checked against the manifest.
    backup::verify(&backups, &made.id).unwrap();

    let files = every_file(&backups);
    assert!(
        files
            .iter()
            .any(|p| p.ends_with(format!("backups/{}/{KEY_FILE}", made.id))),
        "the key file is in the backup: {files:?}"
    );
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let bytes = fs::read(file).unwrap();
        for marker in MARKERS {
            assert!(
                !contains(&bytes, marker),
                "{} holds {:?} in the clear",
                file.display(),
                String::from_utf8_lossy(marker)
            );
        }
    }

    // A second backup after a change reuses the sealed object, and verifies too.
    let object = sealed_object(&backups);
    let written = fs::metadata(&object).unwrap().modified().unwrap();
    create_vacancy(
        &mut store,
        VacancyInput::new(Platform::RecruitmentHub, "2102", "Later"),
        now(),
    )
    .unwrap();
    let later = "2026-12-08T10:00:00Z".parse().unwrap();
    let second = backup::create(&store, &vault, &backups, later, "1.0.0").unwrap();
    assert_eq!(fs::metadata(&object).unwrap().modified().unwrap(), written);
    backup::verify_keyed(&backups, &second.id, Some(&key)).unwrap();
    drop((store, vault));

    // Restored into the same Dossier: the first backup's one vacancy, the scan readable, the
    // key file unchanged.
    let key_file = fs::read(data.join(KEY_FILE)).unwrap();
    assert_eq!(vacancies(&data, &key), 2);
    let aside = backup::restore_keyed(
        &backups,
        &made.id,
        &data,
        later,
        latest_schema_version(),
        Some(&key),
    )
    .unwrap();
    assert!(aside.join(DATABASE_FILE).is_file());
    assert_eq!(fs::read(data.join(KEY_FILE)).unwrap(), key_file);
    let (store, vault) = open(&data, &key);
    assert_eq!(store.overview().unwrap().vacancies, 1);
    assert_eq!(vault.read_bytes(&store, doc).unwrap(), SCAN);
    // The data folder after the restore holds nothing in the clear either.
    for file in every_file(&data) {
        if file.starts_with(&aside) {
            continue;
        }
        let bytes = fs::read(&file).unwrap();
        for marker in MARKERS {
            assert!(!contains(&bytes, marker), "{}", file.display());
        }
    }
}

#[test]
fn after_a_passphrase_change_a_restore_keeps_todays_passphrase() {
    let root = tempfile::tempdir().unwrap();
    let (data, key, _) = an_encrypted_dossier(root.path());
    let backups = root.path().join("backups");
    let (store, vault) = open(&data, &key);
    let made = backup::create(&store, &vault, &backups, now(), "1.0.0").unwrap();
    drop((store, vault));
    at_rest::change_passphrase(&data, Secret::Passphrase(b"first passphrase"), b"today").unwrap();

    backup::restore_keyed(
        &backups,
        &made.id,
        &data,
        now(),
        latest_schema_version(),
        Some(&key),
    )
    .unwrap();
    assert_eq!(
        at_rest::unlock(&data, Secret::Passphrase(b"today")).unwrap(),
        key
    );
    assert!(matches!(
        at_rest::unlock(&data, Secret::Passphrase(b"first passphrase")),
        Err(Error::Encryption(EncryptionError::WrongPassphrase))
    ));
    assert_eq!(vacancies(&data, &key), 1);
}

#[test]
fn an_encrypted_backup_restored_without_its_key_brings_its_key_file_and_locks() {
    let root = tempfile::tempdir().unwrap();
    let (data, key, doc) = an_encrypted_dossier(root.path());
    let backups = root.path().join("backups");
    let (store, vault) = open(&data, &key);
    let made = backup::create(&store, &vault, &backups, now(), "1.0.0").unwrap();
    drop((store, vault));

    // A new computer: a fresh, clear Dossier, then the backup folder restored into it.
    let fresh = root.path().join("fresh");
    drop(Store::open(&fresh.join(DATABASE_FILE)).unwrap());
    backup::restore_keyed(
        &backups,
        &made.id,
        &fresh,
        now(),
        latest_schema_version(),
        None,
    )
    .unwrap();
    assert_eq!(at_rest::state(&fresh).unwrap(), AtRest::Encrypted);
    assert!(matches!(
        Store::open(&fresh.join(DATABASE_FILE)),
        Err(Error::Encryption(EncryptionError::Locked))
    ));
    let unlocked = at_rest::unlock(&fresh, Secret::Passphrase(b"first passphrase")).unwrap();
    let (store, vault) = open(&fresh, &unlocked);
    assert_eq!(store.overview().unwrap().vacancies, 1);
    assert_eq!(vault.read_bytes(&store, doc).unwrap(), SCAN);
    drop((store, vault));

    // Encryption turned off and on again since: a new key, which does not open the backup.
    // The backup's key file comes back, so the passphrase of its time is the one asked for.
    at_rest::turn_off(&data, &key).unwrap();
    let (new_key, _) = at_rest::turn_on_with(&data, b"second passphrase", FAST).unwrap();
    assert_ne!(new_key, key);
    backup::restore_keyed(
        &backups,
        &made.id,
        &data,
        now(),
        latest_schema_version(),
        Some(&new_key),
    )
    .unwrap();
    assert!(matches!(
        Store::open_keyed(&data.join(DATABASE_FILE), Some(&new_key)),
        Err(Error::Encryption(
            EncryptionError::DatabaseKeyMismatch { .. }
        ))
    ));
    assert!(at_rest::unlock(&data, Secret::Passphrase(b"second passphrase")).is_err());
    let old = at_rest::unlock(&data, Secret::Passphrase(b"first passphrase")).unwrap();
    assert_eq!(vacancies(&data, &old), 1);
}

#[test]
fn a_clear_backup_is_refused_by_an_encrypted_dossier_and_nothing_changes() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let backups = root.path().join("backups");
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    create_vacancy(
        &mut store,
        VacancyInput::new(Platform::RecruitmentHub, "2103", "Clear"),
        now(),
    )
    .unwrap();
    let vault = Vault::open(&data).unwrap();
    let clear = backup::create(&store, &vault, &backups, now(), "1.0.0").unwrap();
    drop((store, vault));
    let (key, _) = at_rest::turn_on_with(&data, b"p", FAST).unwrap();
    let database = fs::read(data.join(DATABASE_FILE)).unwrap();
    let refused = backup::restore_keyed(
        &backups,
        &clear.id,
        &data,
        now(),
        latest_schema_version(),
        Some(&key),
    );
    assert!(
        matches!(
            &refused,
            Err(Error::Encryption(EncryptionError::ClearBackupWhileEncrypted { id })) if *id == clear.id
        ),
        "{refused:?}"
    );
    assert_eq!(fs::read(data.join(DATABASE_FILE)).unwrap(), database);
    assert_eq!(vacancies(&data, &key), 1);
}

/// Rewrites backup `id`'s manifest so that it names the sealed object's current bytes: what a
/// tamperer who also edits the manifest would do. Only decrypting can then tell.
fn rehash_in_manifest(backups: &Path, id: &str, object: &Path, old_sha: &str) {
    let folder = backups.join("backups").join(id);
    let text = fs::read_to_string(folder.join("manifest.json")).unwrap();
    let new_sha = hex(&Sha256::digest(fs::read(object).unwrap()));
    assert!(text.contains(old_sha));
    let text = text.replace(old_sha, &new_sha);
    fs::write(folder.join("manifest.json"), &text).unwrap();
    fs::write(
        folder.join("manifest.sha256"),
        format!("{}\n", hex(&Sha256::digest(text.as_bytes()))),
    )
    .unwrap();
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_tampered_sealed_object_is_named_by_verification_and_never_restored() {
    let root = tempfile::tempdir().unwrap();
    let (data, key, doc) = an_encrypted_dossier(root.path());
    let backups = root.path().join("backups");
    let (mut store, vault) = open(&data, &key);
    let made = backup::create(&store, &vault, &backups, now(), "1.0.0").unwrap();
    create_vacancy(
        &mut store,
        VacancyInput::new(Platform::RecruitmentHub, "2104", "Since"),
        now(),
    )
    .unwrap();
    drop((store, vault));
    let object = sealed_object(&backups);
    let label = format!(
        "{}/{}",
        object
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy(),
        object
            .strip_prefix(object.parent().unwrap().parent().unwrap())
            .unwrap()
            .display()
    );
    let old_sha = hex(&Sha256::digest(fs::read(&object).unwrap()));
    let mut bytes = fs::read(&object).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    fs::write(&object, &bytes).unwrap();

    // Its bytes no longer match: named with or without the key.
    for key in [None, Some(&key)] {
        match backup::verify_keyed(&backups, &made.id, key) {
            Err(Error::BackupDamaged { items, .. }) => assert_eq!(items, vec![label.clone()]),
            other => panic!("expected the object to be named, got {other:?}"),
        }
    }
    // The manifest edited to match: only the decryption in memory finds it, and names it.
    rehash_in_manifest(&backups, &made.id, &object, &old_sha);
    match backup::verify_keyed(&backups, &made.id, Some(&key)) {
        Err(Error::BackupDamaged { items, .. }) => assert_eq!(items, vec![label.clone()]),
        other => panic!("expected the object to be named, got {other:?}"),
    }
    let refused = backup::restore_keyed(
        &backups,
        &made.id,
        &data,
        now(),
        latest_schema_version(),
        Some(&key),
    );
    assert!(
        matches!(&refused, Err(Error::BackupDamaged { items, .. }) if *items == vec![label.clone()]),
        "{refused:?}"
    );
    // Nothing of the current data was touched.
    assert!(!data.join(backup::RESTORE_STAGING).exists());
    let (store, vault) = open(&data, &key);
    assert_eq!(store.overview().unwrap().vacancies, 2);
    assert_eq!(vault.read_bytes(&store, doc).unwrap(), SCAN);
}

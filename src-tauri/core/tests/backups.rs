//! Whole backups: what a backup holds, how it is checked, restored, pruned, and when the next
//! one is due.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use dossier_core::Error;
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::backup::{self, BackupOutcome, BackupSettings};
use dossier_core::store::{self, DATABASE_FILE, Store};
use dossier_core::vacancy::{Platform, SaveOutcome, VacancyInput, create_vacancy};
use dossier_core::vault::{DocumentKind, DocumentQuery, ImportOptions, Vault, list_documents};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const APP_VERSION: &str = "1.4.0";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap()
}

struct Data {
    _dir: tempfile::TempDir,
    data: PathBuf,
    backups: PathBuf,
    store: Store,
    vault: Vault,
}

impl Data {
    fn new() -> Data {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let backups = dir.path().join("elsewhere");
        let store = Store::open(&data.join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(&data).unwrap();
        Data {
            _dir: dir,
            data,
            backups,
            store,
            vault,
        }
    }

    /// Closes the store (as the shell does before a restore) and opens it again afterwards.
    fn reopen(&mut self) {
        self.store = Store::open_in_memory().unwrap();
        self.store = Store::open(&self.data.join(DATABASE_FILE)).unwrap();
        self.vault = Vault::open(&self.data).unwrap();
    }

    fn close(&mut self) {
        self.store = Store::open_in_memory().unwrap();
    }

    fn vacancy(&mut self, reference: &str) -> u32 {
        match create_vacancy(
            &mut self.store,
            VacancyInput::new(
                Platform::RecruitmentHub,
                reference,
                format!("Criminal Intelligence Officer {reference}"),
            ),
            now(),
        )
        .unwrap()
        {
            SaveOutcome::Saved { vacancy } => vacancy.id,
            other => panic!("{other:?}"),
        }
    }

    fn application(&mut self, vacancy_id: u32) {
        applications::create_application(
            &mut self.store,
            &ApplicationInput {
                vacancy_id,
                platform: None,
                first_step: EventInput {
                    stage: Stage::Interested,
                    date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                    time: None,
                    zone: None,
                    note: "Looks like a fit".into(),
                },
            },
            now(),
        )
        .unwrap();
    }

    fn document(&mut self, label: &str) -> u32 {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend_from_slice(label.as_bytes());
        bytes.extend((0..4000u32).map(|i| (i * 31 + label.len() as u32) as u8));
        self.vault
            .import_reader(
                &mut self.store,
                &mut bytes.as_slice(),
                &format!("{label}.pdf"),
                &ImportOptions {
                    kind: DocumentKind::Diploma,
                    supersedes: None,
                },
                now(),
            )
            .unwrap()
            .document
            .id
    }

    /// A small history: three vacancies, two applications, three documents over two files.
    fn filled() -> Data {
        let mut d = Data::new();
        let a = d.vacancy("1501");
        let b = d.vacancy("1502");
        d.vacancy("1503");
        d.application(a);
        d.application(b);
        let master = d.document("master");
        d.document("criminal-record");
        // One letter filed twice shares its stored file.
        dossier_core::vault::duplicate_document(&mut d.store, master, now()).unwrap();
        d
    }

    fn backup(&self, at: DateTime<Utc>) -> backup::BackupSummary {
        backup::create(&self.store, &self.vault, &self.backups, at, APP_VERSION).unwrap()
    }

    /// Every row of every table, and every document's bytes: what "the same data" means.
    fn contents(&self) -> Contents {
        let tables = self
            .store
            .read(|c| {
                let names: Vec<String> = c
                    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut out = BTreeMap::new();
                for name in names {
                    let mut stmt = c.prepare(&format!("SELECT * FROM \"{name}\""))?;
                    let width = stmt.column_count();
                    let mut rows: Vec<String> = stmt
                        .query_map([], |r| {
                            Ok((0..width)
                                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                                .collect::<Vec<_>>()
                                .join("|"))
                        })?
                        .collect::<rusqlite::Result<_>>()?;
                    rows.sort();
                    out.insert(name, rows);
                }
                Ok(out)
            })
            .unwrap();
        let documents = list_documents(
            &self.store,
            &DocumentQuery {
                kind: None,
                include_superseded: true,
                ..Default::default()
            },
        )
        .unwrap();
        let files = documents
            .iter()
            .map(|doc| (doc.id, self.vault.read_bytes(&self.store, doc.id).unwrap()))
            .collect();
        Contents { tables, files }
    }
}

#[derive(Debug, PartialEq)]
struct Contents {
    tables: BTreeMap<String, Vec<String>>,
    files: BTreeMap<u32, Vec<u8>>,
}

/// Every file under `dir`, by its path below it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.map(|e| e.unwrap()) {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn objects(backups: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(&backups.join("objects"))
}

fn flip_a_byte(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x20;
    fs::write(path, bytes).unwrap();
}

fn damaged_items(err: Error) -> (String, Vec<String>) {
    match err {
        Error::BackupDamaged { id, items } => (id, items),
        other => panic!("expected BackupDamaged, got {other:?}"),
    }
}

#[test]
fn a_backup_holds_the_database_and_every_file_and_is_listed_and_verified() {
    let d = Data::filled();
    let made = d.backup(now());
    assert_eq!(made.id, "20261201T093000Z");
    assert_eq!(made.created_at, now());
    assert_eq!(made.app_version, APP_VERSION);
    assert_eq!(made.schema_version, store::latest_schema_version());
    assert_eq!(
        (
            made.vacancies,
            made.applications,
            made.documents,
            made.files
        ),
        (3, 2, 3, 2)
    );
    assert!(made.damaged.is_empty());
    let db_size = fs::metadata(d.backups.join("backups").join(&made.id).join("dossier.db"))
        .unwrap()
        .len();
    let stored = objects(&d.backups);
    assert_eq!(stored.len(), 2, "{:?}", stored.keys());
    let file_bytes: usize = stored.values().map(Vec::len).sum();
    assert_eq!(made.bytes, (db_size as usize + file_bytes) as f64);
    // The objects are the vault's files, under the vault's own names.
    assert_eq!(stored, tree(&d.data.join("vault")));

    assert_eq!(backup::list(&d.backups).unwrap(), vec![made.clone()]);
    assert_eq!(backup::verify(&d.backups, &made.id).unwrap(), made);

    let later = d.backup(now() + Duration::hours(30));
    let listed = backup::list(&d.backups).unwrap();
    assert_eq!(
        listed.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        vec![later.id.as_str(), made.id.as_str()],
        "newest first"
    );
    // Nothing under a temporary name is left beside them.
    let names: Vec<String> = fs::read_dir(d.backups.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn two_backups_in_the_same_second_get_their_own_ids() {
    let d = Data::filled();
    let first = d.backup(now());
    let second = d.backup(now());
    assert_ne!(first.id, second.id);
    assert_eq!(second.id, "20261201T093000Z-2");
    assert_eq!(backup::list(&d.backups).unwrap().len(), 2);
}

#[test]
fn a_second_backup_stores_no_new_object_for_unchanged_scans() {
    let mut d = Data::filled();
    d.backup(now());
    let before = objects(&d.backups);
    let modified: Vec<_> = fs::read_dir(d.backups.join("objects"))
        .unwrap()
        .flat_map(|e| fs::read_dir(e.unwrap().path()).unwrap())
        .map(|e| {
            let e = e.unwrap();
            (e.path(), e.metadata().unwrap().modified().unwrap())
        })
        .collect();
    d.vacancy("2001");
    let second = d.backup(now() + Duration::days(1));
    assert_eq!(second.vacancies, 4);
    assert_eq!(objects(&d.backups), before);
    for (path, at) in modified {
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            at,
            "{path:?}"
        );
    }

    d.document("new-scan");
    let third = d.backup(now() + Duration::days(2));
    assert_eq!(objects(&d.backups).len(), before.len() + 1);
    assert_eq!(third.files, 3);
}

#[test]
fn a_document_whose_stored_file_is_damaged_fails_the_backup_naming_it_and_lists_nothing() {
    let d = Data::filled();
    let vault_files: Vec<PathBuf> = tree(&d.data.join("vault"))
        .keys()
        .map(|k| d.data.join("vault").join(k))
        .collect();
    flip_a_byte(&vault_files[0]);
    let err = backup::create(&d.store, &d.vault, &d.backups, now(), APP_VERSION).unwrap_err();
    assert!(err.to_string().contains("may be damaged"), "{err}");
    assert!(backup::list(&d.backups).unwrap().is_empty());
    assert!(objects(&d.backups).len() <= 1);
    let left: Vec<_> = fs::read_dir(d.backups.join("backups")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Every name under `dir` (at any depth) Dossier gives what it is still writing.
fn partials(dir: &Path) -> Vec<String> {
    tree(dir)
        .keys()
        .filter(|k| k.split('/').any(|part| part.starts_with(".dossier-")))
        .cloned()
        .collect()
}

#[test]
fn a_backup_killed_before_its_rename_leaves_nothing_partial_after_the_next_start() {
    let d = Data::filled();
    backup::create_killed_before_rename(&d.store, &d.vault, &d.backups, now(), APP_VERSION)
        .unwrap();
    // The kill left the whole snapshot under a temporary name in the candidate's folder.
    let left = partials(&d.backups);
    assert!(
        left.iter().any(|k| k.ends_with("/dossier.db")),
        "the simulated kill left no partial backup: {left:?}"
    );
    assert!(backup::list(&d.backups).unwrap().is_empty());

    let report = dossier_core::fsio::journal::clean_up(&d.data).unwrap();
    assert_eq!(report.removed.len(), 1, "{report:?}");
    assert_eq!(partials(&d.backups), Vec::<String>::new());
    // What was complete stays: objects a later backup reuses (or prune removes).
    assert_eq!(objects(&d.backups).len(), 2);
    let made = d.backup(now());
    backup::verify(&d.backups, &made.id).unwrap();
}

#[test]
fn a_prune_killed_during_a_removal_leaves_nothing_partial_after_the_next_start() {
    let d = Data::filled();
    let old = d.backup(now() - Duration::days(60));
    for day in 0..8 {
        d.backup(now() - Duration::days(day));
    }
    // Killed half way through removing the old backup: its folder renamed to a recorded
    // temporary name, partly removed, and the record never finished.
    let folder = d.backups.join("backups").join(&old.id);
    let pending = d
        .vault
        .journal()
        .begin(&folder, dossier_core::fsio::journal::TempKind::Folder)
        .unwrap();
    fs::rename(&folder, pending.temp()).unwrap();
    fs::remove_file(pending.temp().join("manifest.json")).unwrap();
    std::mem::forget(pending);
    assert_eq!(partials(&d.backups).len(), 2);

    dossier_core::fsio::journal::clean_up(&d.data).unwrap();
    assert_eq!(partials(&d.backups), Vec::<String>::new());
    backup::prune(&d.backups, now().date_naive(), &d.vault.journal()).unwrap();
    assert_eq!(partials(&d.backups), Vec::<String>::new());
    assert!(
        backup::list(&d.backups)
            .unwrap()
            .iter()
            .all(|b| b.id != old.id)
    );
}

#[test]
fn a_damaged_object_database_or_manifest_is_refused_naming_it_before_the_data_is_touched() {
    let mut d = Data::filled();
    let made = d.backup(now());
    let folder = d.backups.join("backups").join(&made.id);
    let object = objects(&d.backups).keys().next().unwrap().clone();
    d.vacancy("9999");
    let current = d.contents();
    d.close();
    let data_before = tree(&d.data);

    flip_a_byte(&d.backups.join("objects").join(&object));
    let (id, items) = damaged_items(backup::verify(&d.backups, &made.id).unwrap_err());
    assert_eq!(id, made.id);
    assert_eq!(items, vec![format!("objects/{object}")]);
    let (_, items) = damaged_items(
        backup::restore(
            &d.backups,
            &made.id,
            &d.data,
            now(),
            store::latest_schema_version(),
        )
        .unwrap_err(),
    );
    assert_eq!(items, vec![format!("objects/{object}")]);
    assert_eq!(tree(&d.data), data_before, "the current data is untouched");

    flip_a_byte(&folder.join("dossier.db"));
    let (_, items) = damaged_items(backup::verify(&d.backups, &made.id).unwrap_err());
    assert_eq!(
        items,
        vec!["dossier.db".to_string(), format!("objects/{object}")]
    );
    let err = backup::restore(
        &d.backups,
        &made.id,
        &d.data,
        now(),
        store::latest_schema_version(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("dossier.db"), "{err}");
    assert_eq!(tree(&d.data), data_before);

    flip_a_byte(&folder.join("manifest.json"));
    let (_, items) = damaged_items(backup::verify(&d.backups, &made.id).unwrap_err());
    assert_eq!(items, vec!["manifest.json".to_string()]);
    let listed = backup::list(&d.backups).unwrap();
    assert_eq!(listed.len(), 1, "a damaged backup is still listed");
    assert_eq!(listed[0].id, made.id);
    assert_eq!(listed[0].created_at, now(), "its time comes from its id");
    assert_eq!(listed[0].damaged, vec!["manifest.json".to_string()]);
    let (_, items) = damaged_items(
        backup::restore(
            &d.backups,
            &made.id,
            &d.data,
            now(),
            store::latest_schema_version(),
        )
        .unwrap_err(),
    );
    assert_eq!(items, vec!["manifest.json".to_string()]);
    assert_eq!(tree(&d.data), data_before);

    d.reopen();
    assert_eq!(d.contents(), current);
}

#[test]
fn a_missing_object_is_named_as_damaged() {
    let d = Data::filled();
    let made = d.backup(now());
    let object = objects(&d.backups).keys().next().unwrap().clone();
    fs::remove_file(d.backups.join("objects").join(&object)).unwrap();
    let (_, items) = damaged_items(backup::verify(&d.backups, &made.id).unwrap_err());
    assert_eq!(items, vec![format!("objects/{object}")]);
}

#[test]
fn an_unknown_or_malicious_id_is_not_found() {
    let d = Data::filled();
    d.backup(now());
    for id in ["20200101T000000Z", "../data", "", ".dossier-x.partial"] {
        let err = backup::verify(&d.backups, id).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)), "{id}: {err:?}");
    }
}

#[test]
fn a_backup_from_a_newer_dossier_is_refused_naming_both_versions() {
    let mut d = Data::filled();
    let made = d.backup(now());
    d.close();
    let before = tree(&d.data);
    let running = made.schema_version - 1;
    let err = backup::restore(&d.backups, &made.id, &d.data, now(), running).unwrap_err();
    let message = err.to_string();
    match err {
        Error::BackupTooNew {
            id,
            backup_version,
            running_version,
        } => {
            assert_eq!(id, made.id);
            assert_eq!(backup_version, made.schema_version);
            assert_eq!(running_version, running);
        }
        other => panic!("expected BackupTooNew, got {other:?}"),
    }
    assert!(
        message.contains(&format!("schema version {}", made.schema_version))
            && message.contains(&format!("schema version {running}")),
        "{message}"
    );
    assert_eq!(tree(&d.data), before);
}

#[test]
fn restore_gives_back_every_row_and_file_and_keeps_the_current_data_aside() {
    let mut d = Data::filled();
    let backed_up = d.contents();
    let made = d.backup(now());

    // Changes after the backup, including a new scan and a lost one.
    d.vacancy("3001");
    d.document("late-scan");
    let later = d.contents();
    d.close();
    let current_files = tree(&d.data);

    let at = now() + Duration::days(3);
    let aside = backup::restore(
        &d.backups,
        &made.id,
        &d.data,
        at,
        store::latest_schema_version(),
    )
    .unwrap();
    assert_eq!(aside, d.data.join("before-restore-20261204T093000Z"));
    assert!(!d.data.join(backup::RESTORE_STAGING).exists());
    assert!(!d.data.join(backup::RESTORE_JOURNAL).exists());

    d.reopen();
    assert_eq!(d.contents(), backed_up);
    assert_eq!(d.store.overview().unwrap().vacancies, 3);
    assert_eq!(
        d.vault
            .check_integrity(&d.store)
            .unwrap()
            .damaged_files
            .len(),
        0
    );

    // The data as it was before the restore, whole, in the folder kept aside.
    let kept = tree(&aside);
    for (rel, bytes) in &current_files {
        if rel.starts_with("dossier.db") || rel.starts_with("vault") {
            assert_eq!(kept.get(rel), Some(bytes), "{rel}");
        }
    }
    let old = Data {
        _dir: tempfile::tempdir().unwrap(),
        data: aside.clone(),
        backups: PathBuf::new(),
        store: Store::open(&aside.join(DATABASE_FILE)).unwrap(),
        vault: Vault::open(&aside).unwrap(),
    };
    assert_eq!(old.contents(), later);
}

#[test]
fn restore_works_into_a_data_folder_whose_database_is_damaged() {
    let mut d = Data::filled();
    let backed_up = d.contents();
    let made = d.backup(now());
    d.close();
    fs::write(d.data.join(DATABASE_FILE), vec![0x5a; 8192]).unwrap();
    let aside = backup::restore(
        &d.backups,
        &made.id,
        &d.data,
        now(),
        store::latest_schema_version(),
    )
    .unwrap();
    assert_eq!(
        fs::read(aside.join(DATABASE_FILE)).unwrap(),
        vec![0x5a; 8192]
    );
    d.reopen();
    assert_eq!(d.contents(), backed_up);
}

#[test]
fn a_restore_killed_at_any_step_leaves_the_old_or_the_restored_data_once_finished() {
    let template = Data::filled();
    let backed_up = template.contents();
    let made = template.backup(now());
    let mut outcomes = Vec::new();
    for steps in 0.. {
        let mut d = Data::filled();
        // The same backup in each run, restored over data that has changed since.
        copy_tree(&template.backups, &d.backups);
        d.vacancy("4001");
        d.document("after-the-backup");
        let current = d.contents();
        d.close();

        let done = backup::restore_killed_after(
            &d.backups,
            &made.id,
            &d.data,
            now(),
            store::latest_schema_version(),
            steps,
        )
        .unwrap();
        if done.is_some() {
            d.reopen();
            assert_eq!(d.contents(), backed_up);
            break;
        }
        backup::finish_interrupted_restore(&d.data).unwrap();
        assert!(
            !d.data.join(backup::RESTORE_STAGING).exists(),
            "step {steps}"
        );
        assert!(
            !d.data.join(backup::RESTORE_JOURNAL).exists(),
            "step {steps}"
        );
        d.reopen();
        let found = d.contents();
        if found == backed_up {
            outcomes.push("restored");
            let aside = d.data.join("before-restore-20261201T093000Z");
            let old = Store::open(&aside.join(DATABASE_FILE)).unwrap();
            assert_eq!(old.overview().unwrap().vacancies, 4, "step {steps}");
        } else {
            assert_eq!(
                found, current,
                "step {steps}: neither the old nor the restored data"
            );
            outcomes.push("old");
        }
        assert!(steps < 50, "the restore never completed");
    }
    // Killed before the journal, the old data stays; after it, the restore completes.
    assert!(outcomes.len() >= 6, "{outcomes:?}");
    let first_restored = outcomes.iter().position(|o| *o == "restored").unwrap();
    assert!(first_restored >= 1, "{outcomes:?}");
    assert!(
        outcomes[first_restored..].iter().all(|o| *o == "restored"),
        "{outcomes:?}"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in tree(from) {
        let dest = to.join(rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::write(dest, bytes).unwrap();
    }
}

#[test]
fn finishing_with_nothing_interrupted_changes_nothing() {
    let mut d = Data::filled();
    d.close();
    let before = tree(&d.data);
    backup::finish_interrupted_restore(&d.data).unwrap();
    assert_eq!(tree(&d.data), before);
}

#[test]
fn prune_keeps_seven_daily_and_four_weekly_backups_and_only_unnamed_objects_go() {
    let mut d = Data::filled();
    let start = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    // A scan only the oldest backups hold.
    let gone = d.document("only-in-old-backups");
    d.backup(start);
    let only_old: Vec<String> = {
        let all = objects(&d.backups);
        let doc = dossier_core::vault::get_document(&d.store, gone).unwrap();
        all.keys()
            .filter(|k| k.contains(&doc.content_hash))
            .cloned()
            .collect()
    };
    assert_eq!(only_old.len(), 1);
    d.vault.delete(&mut d.store, gone).unwrap();
    // Then a backup every day for 60 days, two on some days.
    let mut ids = Vec::new();
    for day in 1..=60 {
        let at = start + Duration::days(day);
        ids.push((at, d.backup(at).id));
        if day % 10 == 0 {
            let later = at + Duration::hours(5);
            ids.push((later, d.backup(later).id));
        }
    }
    let today = (start + Duration::days(60)).date_naive();
    let removed = backup::prune(&d.backups, today, &d.vault.journal()).unwrap();

    let kept: Vec<String> = backup::list(&d.backups)
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    let mut expected: Vec<String> = Vec::new();
    // The last 7 days: the newest of each (day 60 had two).
    for day in (54..=60).rev() {
        let newest = ids
            .iter()
            .filter(|(at, _)| at.date_naive() == (start + Duration::days(day)).date_naive())
            .max()
            .unwrap();
        expected.push(newest.1.clone());
    }
    // Then the newest of each of the 4 weeks before the week of day 54.
    let week_of = |at: DateTime<Utc>| {
        use chrono::Datelike;
        let w = at.date_naive().iso_week();
        (w.year(), w.week())
    };
    let daily_weeks: Vec<_> = (54..=60)
        .map(|day| week_of(start + Duration::days(day)))
        .collect();
    let mut weeks = Vec::new();
    for (at, id) in ids.iter().rev() {
        let w = week_of(*at);
        if at.date_naive() < (start + Duration::days(54)).date_naive()
            && !daily_weeks.contains(&w)
            && !weeks.contains(&w)
            && weeks.len() < 4
        {
            weeks.push(w);
            expected.push(id.clone());
        }
    }
    assert_eq!(kept, expected);
    assert_eq!(kept.len(), 11);
    assert_eq!(removed as usize, ids.len() + 1 - 11);

    // The scan only the removed backups held is gone; every kept backup is whole.
    let left = objects(&d.backups);
    assert!(!left.contains_key(&only_old[0]));
    assert_eq!(left.len(), 2);
    for id in &kept {
        backup::verify(&d.backups, id).unwrap();
    }
    // A second prune has nothing more to do.
    assert_eq!(
        backup::prune(&d.backups, today, &d.vault.journal()).unwrap(),
        0
    );
}

#[test]
fn prune_removes_no_object_while_a_backup_it_cannot_read_may_name_it() {
    let mut d = Data::filled();
    let gone = d.document("only-in-the-damaged-backup");
    let old = d.backup(now() - Duration::days(40));
    d.vault.delete(&mut d.store, gone).unwrap();
    for day in 0..8 {
        d.backup(now() - Duration::days(day));
    }
    let before = objects(&d.backups);
    assert_eq!(before.len(), 3);
    flip_a_byte(
        &d.backups
            .join("backups")
            .join(&old.id)
            .join("manifest.json"),
    );
    backup::prune(&d.backups, now().date_naive(), &d.vault.journal()).unwrap();
    assert_eq!(objects(&d.backups), before);
    let listed = backup::list(&d.backups).unwrap();
    assert!(
        listed
            .iter()
            .any(|b| b.id == old.id && !b.damaged.is_empty())
    );
}

#[test]
fn a_fresh_empty_dossier_waits_for_something_to_back_up() {
    let mut d = Data::new();
    assert!(
        !backup::is_due(&d.store, &d.backups, now()).unwrap(),
        "nothing to lose yet"
    );
    d.vacancy("1601");
    assert!(
        backup::is_due(&d.store, &d.backups, now()).unwrap(),
        "the first vacancy is worth a backup at once"
    );
}

#[test]
fn a_backup_is_due_when_there_is_none_or_after_changes_at_most_daily() {
    let mut d = Data::filled();
    assert!(
        backup::is_due(&d.store, &d.backups, now()).unwrap(),
        "no backup yet"
    );
    d.backup(now());
    assert!(!backup::is_due(&d.store, &d.backups, now()).unwrap());
    assert!(
        !backup::is_due(&d.store, &d.backups, now() + Duration::days(30)).unwrap(),
        "nothing changed"
    );
    // A write that fails changes nothing.
    let failed = create_vacancy(
        &mut d.store,
        VacancyInput::new(Platform::RecruitmentHub, "", ""),
        now(),
    );
    assert!(failed.is_err());
    assert!(!backup::is_due(&d.store, &d.backups, now() + Duration::days(2)).unwrap());

    d.vacancy("5001");
    assert!(
        !backup::is_due(&d.store, &d.backups, now() + Duration::hours(23)).unwrap(),
        "at most daily"
    );
    assert!(backup::is_due(&d.store, &d.backups, now() + Duration::hours(24)).unwrap());
    // The change is remembered across a restart.
    d.reopen();
    assert!(backup::is_due(&d.store, &d.backups, now() + Duration::hours(24)).unwrap());
    d.backup(now() + Duration::hours(24));
    assert!(!backup::is_due(&d.store, &d.backups, now() + Duration::days(5)).unwrap());
}

#[test]
fn after_restoring_an_older_backup_changes_are_still_seen() {
    let mut d = Data::filled();
    let first = d.backup(now());
    d.vacancy("6001");
    d.backup(now() + Duration::days(1));
    d.close();
    backup::restore(
        &d.backups,
        &first.id,
        &d.data,
        now() + Duration::days(2),
        store::latest_schema_version(),
    )
    .unwrap();
    d.reopen();
    // The restored data differs from the newest backup: a new backup is due.
    assert!(backup::is_due(&d.store, &d.backups, now() + Duration::days(2)).unwrap());
    // One change after the restore, as the newest backup had: still not the same data.
    d.vacancy("6002");
    assert!(backup::is_due(&d.store, &d.backups, now() + Duration::days(2)).unwrap());
}

#[test]
fn settings_and_the_last_outcome_live_in_files_readable_without_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let defaults = backup::load_settings(data).unwrap();
    assert_eq!(defaults, BackupSettings::default());
    assert_eq!(backup::backup_folder(data, &defaults), data.join("backups"));
    let chosen = BackupSettings {
        folder: Some(dir.path().join("usb")),
    };
    backup::save_settings(data, &chosen).unwrap();
    assert_eq!(backup::load_settings(data).unwrap(), chosen);
    assert_eq!(backup::backup_folder(data, &chosen), dir.path().join("usb"));

    assert_eq!(backup::last_outcome(data).unwrap(), None);
    let failed = BackupOutcome {
        at: now(),
        ok: false,
        error_code: Some("io".into()),
    };
    backup::record_outcome(data, &failed).unwrap();
    assert_eq!(backup::last_outcome(data).unwrap(), Some(failed));

    // A damaged settings file falls back to the defaults rather than stopping backups.
    fs::write(data.join("backup-settings.json"), b"{ not json").unwrap();
    assert_eq!(
        backup::load_settings(data).unwrap(),
        BackupSettings::default()
    );
}

#[test]
fn a_saved_page_kept_with_its_vacancy_is_backed_up_and_restored() {
    let mut d = Data::new();
    let page = d._dir.path().join("notice.html");
    let html = "<html><body><h1>Vacancy Notice 2318</h1><script>x()</script></body></html>";
    fs::write(&page, html).unwrap();
    let copy = dossier_core::notice_files::read_notice_copy(&page).unwrap();
    let input = VacancyInput::new(Platform::RecruitmentHub, "2318", "Cybercrime Analyst");
    let SaveOutcome::Saved { vacancy } = dossier_core::notice_files::save_vacancy_with_notice_file(
        &mut d.store,
        &d.vault,
        input,
        Some(&copy),
        now(),
    )
    .unwrap() else {
        panic!()
    };
    let made = d.backup(now());
    backup::verify(&d.backups, &made.id).unwrap();
    let backed_up = d.contents();
    // Lost after the backup: the restore brings the page back.
    let doc = dossier_core::notice_files::notice_copy_of(&d.store, vacancy.id)
        .unwrap()
        .unwrap();
    fs::remove_file(d.vault.file_path(&d.store, doc.id).unwrap()).unwrap();
    d.close();
    backup::restore(
        &d.backups,
        &made.id,
        &d.data,
        now() + Duration::days(1),
        store::latest_schema_version(),
    )
    .unwrap();
    d.reopen();
    assert_eq!(d.contents(), backed_up);
    let restored = dossier_core::notice_files::notice_copy_of(&d.store, vacancy.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        d.vault.read_bytes(&d.store, restored.id).unwrap(),
        html.as_bytes()
    );
    assert!(d.vault.check_integrity(&d.store).unwrap().healthy);
}

//! Open exports: a whole Dossier out to a documented zip or folder and back into an empty one,
//! unchanged; the refusals of an import; the applications report as CSV and as a page.

use chrono::{DateTime, NaiveTime, Utc};
use dossier_core::Error;
use dossier_core::applications::*;
use dossier_core::export::{self, ExportFormat, ReportFormat, ReportWords};
use dossier_core::form_ticks::{FormSection, done_sections, set_section_done, ticks};
use dossier_core::preferences::{Preferences, Theme, save_preferences};
use dossier_core::reminders::{ReminderSettings, save_reminder_settings};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::*;
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";

fn now() -> DateTime<Utc> {
    utc("2026-06-01T08:00:00Z")
}

struct Dossier {
    _dir: tempfile::TempDir,
    data: PathBuf,
    store: Store,
    vault: Vault,
}

fn empty() -> Dossier {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(&data).unwrap();
    Dossier {
        _dir: dir,
        data,
        store,
        vault,
    }
}

fn pdf(label: &str) -> Vec<u8> {
    format!("%PDF-1.7\n{label}\n%%EOF\n").into_bytes()
}

fn png(label: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend_from_slice(label.as_bytes());
    bytes
}

fn step(stage: Stage, date: &str) -> EventInput {
    EventInput {
        stage,
        date: d(date),
        time: None,
        zone: None,
        note: String::new(),
    }
}

const SCRIPT_TITLE: &str = "Analyst <script>alert('x')</script> & \"co\"";

/// A history with something in every table: a profile, vacancies on both platforms (with
/// notices, accents, commas, quotes and markup in their text), applications at many stages with
/// rounds, an interview, versions of documents sent, a Talentlink saved copy, settings and a
/// fired reminder.
fn varied() -> Dossier {
    let mut s = empty();
    let profile = dossier_core::profile::profile_from_value(serde_json::json!({
        "fullName": "Camille Moreau-Lefèvre",
        "email": "camille@example.org",
        "dateOfBirth": "1988-04-02",
        "nationalities": ["FR"],
        "countryOfOrigin": "FR",
        "residences": [{ "country": "FR", "from": "1988-04-02", "to": null }],
        "languages": [{ "language": "fr", "level": "C2", "certificate": null }],
        "lawEnforcement": { "serving": true, "country": "FR", "agency": "Police nationale" },
        "employment": [{ "id": 0, "employer": "Police nationale", "title": "Officer",
            "from": "2012-01-01", "to": null, "workTime": "full_time" }],
        "references": [{ "id": 0, "name": "Jan Peeters", "contact": "jan@example.org",
            "relation": "Head of unit", "workedDirectly": true, "hierarchical": true,
            "familyMember": false, "interpolStaff": false }],
        "education": [{ "id": 0, "level": "master", "field": "Criminology",
            "institution": "Université de Montréal", "from": "2008-09-01", "to": "2010-06-30",
            "status": "completed" }]
    }))
    .unwrap();
    dossier_core::profile::save_profile(&mut s.store, profile, now()).unwrap();

    let vacancy = |store: &mut Store, platform, reference: &str, title: &str, notice: &str| {
        let input = VacancyInput {
            duty_station: Some("Lyon, France".into()),
            duty_zone: Some(PARIS.into()),
            deadline: Some(Deadline {
                date: d("2026-05-15"),
                time: Some(NaiveTime::from_hms_opt(23, 59, 0).unwrap()),
                zone: PARIS.into(),
            }),
            notice_text: Some(notice.into()),
            notes: "Asked a colleague, \"very good team\", about it".into(),
            ..VacancyInput::new(platform, reference, title)
        };
        match create_vacancy(store, input, now()).unwrap() {
            SaveOutcome::Saved { vacancy } => vacancy.id,
            other => panic!("{other:?}"),
        }
    };
    let hub = vacancy(
        &mut s.store,
        Platform::RecruitmentHub,
        "1503",
        "Criminal Intelligence Officer, Lyon",
        "Analyse de la criminalité financière « transfrontalière ».",
    );
    let tl = vacancy(
        &mut s.store,
        Platform::Talentlink,
        "INT04606",
        SCRIPT_TITLE,
        "Assessing cyber threats.",
    );
    let third = vacancy(
        &mut s.store,
        Platform::RecruitmentHub,
        "1777",
        "Data Protection Officer",
        "Privacy.",
    );
    vacancy(
        &mut s.store,
        Platform::RecruitmentHub,
        "1800",
        "Never applied",
        "Nothing.",
    );

    let import = |s: &mut Dossier, bytes: Vec<u8>, name: &str, kind, supersedes| {
        s.vault
            .import_reader(
                &mut s.store,
                &mut bytes.as_slice(),
                name,
                &ImportOptions { kind, supersedes },
                now(),
            )
            .unwrap()
            .document
            .id
    };
    let cv = import(&mut s, pdf("cv 2025"), "cv.pdf", DocumentKind::Cv, None);
    let cv2 = import(&mut s, pdf("cv 2026"), "cv.pdf", DocumentKind::Cv, Some(cv));
    let id_scan = import(
        &mut s,
        png("passport"),
        "passport.png",
        DocumentKind::Identity,
        None,
    );
    let copy = import(
        &mut s,
        pdf("talentlink copy"),
        "copy.pdf",
        DocumentKind::TalentlinkApplication,
        None,
    );
    // A second row with the same content as another: one file, two documents.
    dossier_core::vault::duplicate_document(&mut s.store, id_scan, now()).unwrap();

    let start = |store: &mut Store, vacancy_id, first: EventInput| {
        create_application(
            store,
            &ApplicationInput {
                vacancy_id,
                platform: None,
                first_step: first,
            },
            now(),
        )
        .unwrap()
        .application
        .id
    };
    let a = start(&mut s.store, hub, step(Stage::Interested, "2026-04-01"));
    for (stage, date) in [
        (Stage::Preparing, "2026-04-03"),
        (Stage::Submitted, "2026-04-10"),
        (Stage::Shortlisted, "2026-04-20"),
        (Stage::Interview, "2026-04-28"),
        (Stage::Interview, "2026-05-05"),
        (Stage::Offer, "2026-05-20"),
    ] {
        let mut event = step(stage, date);
        event.note = "a note, with \"quotes\"".into();
        record_event(&mut s.store, a, &event, now()).unwrap();
    }
    add_interview(
        &mut s.store,
        a,
        &InterviewInput {
            date: d("2026-05-05"),
            time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            zone: "Asia/Singapore".into(),
            mode: InterviewMode::VideoConference,
            duration_minutes: Some(60),
            place: "https://meet.example.org/x".into(),
            note: "Panel".into(),
        },
        now(),
    )
    .unwrap();
    set_sent_documents(&mut s.store, a, &[cv, id_scan]).unwrap();

    let mut submitted = step(Stage::Submitted, "2026-04-12");
    submitted.time = Some(NaiveTime::from_hms_opt(18, 30, 0).unwrap());
    let b = start(&mut s.store, tl, submitted);
    record_event(
        &mut s.store,
        b,
        &step(Stage::Unsuccessful, "2026-05-25"),
        now(),
    )
    .unwrap();
    set_saved_copy(&mut s.store, b, Some(copy)).unwrap();
    set_sent_documents(&mut s.store, b, &[cv2]).unwrap();
    set_notes(&mut s.store, b, "Ask for feedback", now()).unwrap();

    start(&mut s.store, third, step(Stage::Preparing, "2026-05-01"));

    save_preferences(
        &mut s.store,
        &Preferences {
            platform_note_dismissed: true,
            theme: Theme::Dark,
            getting_started_done: true,
            ..Preferences::default()
        },
    )
    .unwrap();
    save_reminder_settings(
        &mut s.store,
        &ReminderSettings {
            deadlines: false,
            ..ReminderSettings::default()
        },
    )
    .unwrap();
    s.store
        .write(|tx| {
            tx.execute(
                "INSERT INTO fired_reminders (reminder_key, fired_utc) VALUES ('deadline:1:7d', '2026-05-08T08:00:00Z')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    set_section_done(
        &mut s.store,
        Platform::RecruitmentHub,
        FormSection::Education,
        true,
    )
    .unwrap();
    s
}

fn export_to(s: &Dossier, dest: &Path, format: ExportFormat) -> export::ExportSummary {
    let plan = export::plan_export(&s.store, &s.vault, now(), "0.1.0").unwrap();
    export::write_export(&plan, dest, format).unwrap()
}

/// The parts of a zip export, by name.
fn zip_parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        parts.insert(entry.name().unwrap().into_owned(), bytes);
    }
    parts
}

fn index_without_time(bytes: &[u8]) -> Value {
    let mut index: Value = serde_json::from_slice(bytes).unwrap();
    index.as_object_mut().unwrap().remove("exported_at");
    index
}

#[test]
fn an_export_imported_into_an_empty_dossier_exports_again_identically() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("first.zip");
    let summary = export_to(&original, &first, ExportFormat::Zip);
    assert_eq!(
        (
            summary.vacancies,
            summary.applications,
            summary.documents,
            summary.files
        ),
        (4, 3, 5, 4)
    );

    let mut fresh = empty();
    let imported = export::import_export(&mut fresh.store, &fresh.vault, &first).unwrap();
    assert_eq!(
        (
            imported.vacancies,
            imported.applications,
            imported.documents,
            imported.files
        ),
        (4, 3, 5, 4)
    );
    let second = out.path().join("second.zip");
    export_to(&fresh, &second, ExportFormat::Zip);

    let (a, b) = (zip_parts(&first), zip_parts(&second));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert_eq!(a.len(), 5, "the index and four files: {:?}", a.keys());
    for (name, bytes) in &a {
        if name == export::INDEX_FILE {
            assert_eq!(index_without_time(bytes), index_without_time(&b[name]));
        } else {
            assert_eq!(bytes, &b[name], "{name} differs");
            let hash = name.trim_start_matches("files/").split('.').next().unwrap();
            assert_eq!(dossier_core::vault::sha256_hex(bytes), hash);
        }
    }

    // The imported Dossier works as the original did: search, the timeline, the documents.
    let found = list_vacancies(
        &fresh.store,
        &VacancyQuery {
            text: Some("transfrontaliere".into()),
            ..VacancyQuery::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(found.total, 1);
    let apps = list_applications(&fresh.store).unwrap();
    assert_eq!(apps, list_applications(&original.store).unwrap());
    let all = dossier_core::vault::DocumentQuery {
        kind: None,
        include_superseded: true,
        ..Default::default()
    };
    let docs = dossier_core::vault::list_documents(&fresh.store, &all).unwrap();
    assert_eq!(docs.len(), 5);
    // The vault's index is built by the rows' own triggers as the import writes them.
    for doc in &docs {
        let word = doc.title.split_whitespace().next().unwrap().to_string();
        let found = dossier_core::vault::list_documents(
            &fresh.store,
            &dossier_core::vault::DocumentQuery {
                text: Some(word.clone()),
                include_superseded: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(
            found.iter().any(|d| d.id == doc.id),
            "{word} finds document {}",
            doc.id
        );
    }
    for doc in docs {
        assert_eq!(
            fresh.vault.read_bytes(&fresh.store, doc.id).unwrap(),
            original.vault.read_bytes(&original.store, doc.id).unwrap()
        );
    }
    let report = fresh.vault.check_integrity(&fresh.store).unwrap();
    assert!(report.healthy, "{report:?}");
    assert_eq!(report.files_checked, 4);
}

#[test]
fn a_folder_export_round_trips_too_and_names_files_by_their_hash() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("Dossier export");
    export_to(&original, &folder, ExportFormat::Folder);
    let names: Vec<String> = fs::read_dir(folder.join("files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4);
    assert!(names.iter().any(|n| n.ends_with(".png")), "{names:?}");

    let mut fresh = empty();
    // The dossier-export.json inside the folder is what an open dialog picks.
    export::import_export(
        &mut fresh.store,
        &fresh.vault,
        &folder.join(export::INDEX_FILE),
    )
    .unwrap();
    let again = out.path().join("again");
    export_to(&fresh, &again, ExportFormat::Folder);
    assert_eq!(
        index_without_time(&fs::read(folder.join(export::INDEX_FILE)).unwrap()),
        index_without_time(&fs::read(again.join(export::INDEX_FILE)).unwrap())
    );
    for name in names {
        assert_eq!(
            fs::read(folder.join("files").join(&name)).unwrap(),
            fs::read(again.join("files").join(&name)).unwrap()
        );
    }
    // No temporary folder is left beside the export.
    let beside: Vec<_> = fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(beside.len(), 2);
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/export-schema.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_real_export_is_valid_against_the_published_schema() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("export");
    export_to(&original, &folder, ExportFormat::Folder);
    let index: Value =
        serde_json::from_slice(&fs::read(folder.join(export::INDEX_FILE)).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&index)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // The schema can fail: a row with a column it does not know is refused.
    let mut tampered = index.clone();
    tampered["tables"]["vacancies"][0]["salary"] = Value::from(1);
    assert!(!validator.is_valid(&tampered));
}

/// Every table of the database is in the export (or rebuilt from it), and the schema lists
/// every column of each: a migration that adds one without the export fails here.
#[test]
fn every_table_and_column_of_the_database_is_covered_by_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(tables.len() >= 10, "{tables:?}");
    let schema = schema();
    let described = &schema["properties"]["tables"]["properties"];
    for table in &tables {
        if export::DERIVED_TABLE_PREFIXES
            .iter()
            .any(|prefix| table.starts_with(prefix))
        {
            continue;
        }
        assert!(
            export::EXPORTED_TABLES.contains(&table.as_str()),
            "table {table} is not in the export"
        );
        let columns: Vec<String> = conn
            .prepare(&format!("PRAGMA table_info(\"{table}\")"))
            .unwrap()
            .query_map([], |r| r.get(1))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let row = &described[table]["items"];
        let mut required: Vec<String> = row["required"]
            .as_array()
            .unwrap_or_else(|| panic!("the schema does not describe table {table}"))
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let mut sorted = columns.clone();
        sorted.sort();
        required.sort();
        assert_eq!(
            required, sorted,
            "columns of {table} in docs/export-schema.json"
        );
        for column in &columns {
            assert!(
                row["properties"][column].is_object(),
                "{table}.{column} is not described"
            );
        }
    }
    for table in export::EXPORTED_TABLES {
        assert!(tables.contains(&table.to_string()), "{table} is gone");
    }
}

fn assert_still_empty(s: &Dossier) {
    let overview = s.store.overview().unwrap();
    assert_eq!(
        (
            overview.vacancies,
            overview.applications,
            overview.documents
        ),
        (0, 0, 0)
    );
    assert!(!overview.profile_started);
    let leftovers: Vec<_> = walk(&s.data.join("vault"));
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn an_import_into_a_dossier_that_holds_data_is_refused() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let zip = out.path().join("e.zip");
    export_to(&original, &zip, ExportFormat::Zip);
    let mut target = varied();
    let err = export::import_export(&mut target.store, &target.vault, &zip).unwrap_err();
    match err {
        Error::ImportTargetNotEmpty {
            vacancies,
            applications,
            documents,
            profile,
        } => assert_eq!(
            (vacancies, applications, documents, profile),
            (4, 3, 5, true)
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(target.store.overview().unwrap().vacancies, 4);
}

#[test]
fn an_export_in_a_newer_format_is_refused_naming_both_versions() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("e");
    export_to(&original, &folder, ExportFormat::Folder);
    let index_path = folder.join(export::INDEX_FILE);
    let mut index: Value = serde_json::from_slice(&fs::read(&index_path).unwrap()).unwrap();
    index["format"] = "dossier-export/2".into();
    fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
    let mut fresh = empty();
    let err = export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap_err();
    match &err {
        Error::ExportFormatTooNew { found, supported } => {
            assert_eq!(
                (found.as_str(), supported.as_str()),
                ("dossier-export/2", "dossier-export/1")
            );
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("dossier-export/2") && message.contains("dossier-export/1"));
    assert_still_empty(&fresh);
}

#[test]
fn a_damaged_export_is_refused_naming_what_is_damaged_and_changes_nothing() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("e");
    export_to(&original, &folder, ExportFormat::Folder);
    let mut names: Vec<PathBuf> = walk(&folder.join("files"));
    names.sort();
    // One scan changed on disk: every other file is sound and placed first, then taken back.
    let victim = names.last().unwrap().clone();
    let mut bytes = fs::read(&victim).unwrap();
    bytes.push(b'!');
    fs::write(&victim, &bytes).unwrap();
    let victim_part = format!("files/{}", victim.file_name().unwrap().to_string_lossy());
    let mut fresh = empty();
    let err = export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap_err();
    match &err {
        Error::ExportDamaged { parts, .. } => assert_eq!(parts, &vec![victim_part.clone()]),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains(&victim_part), "{err}");
    assert_still_empty(&fresh);

    // A missing file is named the same way.
    fs::remove_file(&victim).unwrap();
    let err = export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap_err();
    assert!(
        matches!(&err, Error::ExportDamaged { parts, .. } if parts == &vec![victim_part.clone()]),
        "{err:?}"
    );
    assert_still_empty(&fresh);

    // A row the schema refuses (a vacancy on an unknown platform) names where it is.
    let mut sound = empty();
    let folder2 = out.path().join("e2");
    export_to(&original, &folder2, ExportFormat::Folder);
    let index_path = folder2.join(export::INDEX_FILE);
    let mut index: Value = serde_json::from_slice(&fs::read(&index_path).unwrap()).unwrap();
    index["tables"]["vacancies"][1]["platform"] = "monster".into();
    fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
    let err = export::import_export(&mut sound.store, &sound.vault, &folder2).unwrap_err();
    match &err {
        Error::ExportDamaged { parts, .. } => {
            assert_eq!(
                parts,
                &vec!["dossier-export.json: tables.vacancies[1]".to_string()]
            );
        }
        other => panic!("{other:?}"),
    }
    assert_still_empty(&sound);

    // A truncated index is damaged, not "not an export".
    let bytes = fs::read(&index_path).unwrap();
    fs::write(&index_path, &bytes[..bytes.len() / 2]).unwrap();
    let err = export::import_export(&mut sound.store, &sound.vault, &folder2).unwrap_err();
    assert!(
        matches!(&err, Error::ExportDamaged { parts, .. } if parts == &vec!["dossier-export.json".to_string()]),
        "{err:?}"
    );

    // A zip whose scan was changed fails its own checksum.
    let zip = out.path().join("e.zip");
    export_to(&original, &zip, ExportFormat::Zip);
    let mut raw = fs::read(&zip).unwrap();
    let at = raw
        .windows(9)
        .position(|w| w == b"%PDF-1.7\n")
        .expect("a stored PDF in the zip");
    raw[at + 9] ^= 0x20;
    fs::write(&zip, &raw).unwrap();
    let err = export::import_export(&mut sound.store, &sound.vault, &zip).unwrap_err();
    assert!(
        matches!(&err, Error::ExportDamaged { parts, .. } if parts.len() == 1 && parts[0].starts_with("files/")),
        "{err:?}"
    );
    assert_still_empty(&sound);
}

/// An export written before the form ticks existed (schema 7) has no `form_ticks` table: it
/// imports whole, with no section ticked, rather than being refused.
#[test]
fn an_export_from_before_the_form_ticks_imports_with_none_ticked() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("e");
    export_to(&original, &folder, ExportFormat::Folder);
    let index_path = folder.join(export::INDEX_FILE);
    let mut index: Value = serde_json::from_slice(&fs::read(&index_path).unwrap()).unwrap();
    assert_eq!(
        index["tables"]["form_ticks"].as_array().map(Vec::len),
        Some(1)
    );
    for table in ["form_ticks", "form_entry_ticks"] {
        index["tables"].as_object_mut().unwrap().remove(table);
    }
    fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();

    let mut fresh = empty();
    export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap();
    assert_eq!(
        fresh.store.overview().unwrap().vacancies,
        original.store.overview().unwrap().vacancies
    );
    assert!(
        done_sections(&fresh.store, Platform::RecruitmentHub)
            .unwrap()
            .is_empty()
    );
}

/// An export written before entries had ticks of their own (schema 8 to 10) has block ticks
/// only: a ticked list stays done, each of its entries ticked, as a migrated database has it.
#[test]
fn an_export_from_before_the_entry_ticks_keeps_its_blocks_done() {
    let original = varied();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("e");
    export_to(&original, &folder, ExportFormat::Folder);
    let index_path = folder.join(export::INDEX_FILE);
    let mut index: Value = serde_json::from_slice(&fs::read(&index_path).unwrap()).unwrap();
    assert_eq!(
        index["tables"]["form_entry_ticks"].as_array().map(Vec::len),
        Some(1)
    );
    index["tables"]
        .as_object_mut()
        .unwrap()
        .remove("form_entry_ticks");
    fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();

    let mut fresh = empty();
    export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap();
    let was = ticks(&original.store, Platform::RecruitmentHub).unwrap();
    assert_eq!(was.sections, vec![FormSection::Education]);
    assert_eq!(ticks(&fresh.store, Platform::RecruitmentHub).unwrap(), was);
}

#[test]
fn what_is_not_an_export_is_refused_as_such() {
    let out = tempfile::tempdir().unwrap();
    let mut fresh = empty();
    let folder = out.path().join("holiday photos");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("beach.jpg"), b"\xff\xd8\xff").unwrap();
    let text = out.path().join("notes.txt");
    fs::write(&text, b"not a zip").unwrap();
    let other_json = folder.join(export::INDEX_FILE);
    for path in [&folder, &text] {
        let err = export::import_export(&mut fresh.store, &fresh.vault, path).unwrap_err();
        assert!(
            matches!(&err, Error::NotAnExport { path: p } if p == path),
            "{err:?}"
        );
        assert!(err.to_string().contains(&path.display().to_string()));
    }
    fs::write(&other_json, br#"{"format": "something-else/1"}"#).unwrap();
    let err = export::import_export(&mut fresh.store, &fresh.vault, &folder).unwrap_err();
    assert!(matches!(&err, Error::NotAnExport { .. }), "{err:?}");
    assert_still_empty(&fresh);
}

#[test]
fn an_export_is_never_written_inside_the_data_folder() {
    let s = varied();
    let plan = export::plan_export(&s.store, &s.vault, now(), "0.1.0").unwrap();
    for dest in [s.data.join("e.zip"), s.data.join("vault").join("e.zip")] {
        let err = export::write_export(&plan, &dest, ExportFormat::Zip).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
        assert!(!dest.exists());
    }
}

fn words() -> ReportWords {
    serde_json::from_value(serde_json::json!({
        "title": "Applications",
        "subtitle": "Camille <b>Moreau</b>",
        "platform": "Platform",
        "reference": "Reference",
        "vacancyTitle": "Title",
        "outcome": "Outcome",
        "stages": Stage::ALL.iter().map(|s| serde_json::json!({
            "stage": s, "name": format!("Stage {}", s.as_str())
        })).collect::<Vec<_>>(),
        "platforms": [
            { "platform": "talentlink", "name": "Talentlink" },
            { "platform": "recruitment_hub", "name": "Recruitment Hub" }
        ]
    }))
    .unwrap()
}

#[test]
fn the_report_csv_opens_in_a_spreadsheet_and_parses_back() {
    let s = varied();
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("report.csv");
    export::write_report(&s.store, &s.data, &dest, ReportFormat::Csv, &words()).unwrap();
    let bytes = fs::read(&dest).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "Platform",
            "Reference",
            "Title",
            "Stage interested",
            "Stage preparing",
            "Stage submitted",
            "Stage shortlisted",
            "Stage interview",
            "Stage offer",
            "Stage unsuccessful",
            "Outcome"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0],
        [
            "Recruitment Hub",
            "1503",
            "Criminal Intelligence Officer, Lyon",
            "2026-04-01",
            "2026-04-03",
            "2026-04-10",
            "2026-04-20",
            "2026-04-28, 2026-05-05",
            "2026-05-20",
            "",
            "Stage offer"
        ]
    );
    assert_eq!(rows[1][0], "Talentlink");
    assert_eq!(rows[1][2], SCRIPT_TITLE);
    assert_eq!(rows[1][5], "2026-04-12");
    assert_eq!(rows[1][9], "2026-05-25");
    assert_eq!(rows[1][10], "Stage unsuccessful");
    assert_eq!(rows[2][1], "1777");
    assert_eq!(rows[2][10], "Stage preparing");

    let err = export::write_report(
        &s.store,
        &s.data,
        &s.data.join("r.csv"),
        ReportFormat::Csv,
        &words(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
}

#[test]
fn the_report_page_is_printable_and_escapes_what_the_candidate_typed() {
    let s = varied();
    let rows = export::applications_report(&s.store).unwrap();
    let html = export::report_html(&rows, &words());
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<b>"));
    assert!(
        html.contains(
            "Analyst &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"
        )
    );
    assert!(html.contains("Camille &lt;b&gt;Moreau&lt;/b&gt;"));
    assert!(html.contains("@page"), "print-ready CSS");
    assert!(html.contains("display: table-header-group"));
    assert_eq!(
        html.matches("<tr>").count(),
        4,
        "the heading row and three applications"
    );
    assert!(html.contains("<td class=\"date\">2026-04-28, 2026-05-05</td>"));
}

/// A vacancy captured from a saved web page, whose own copy is the page as saved.
const SAVED_PAGE: &str = "<html><body onload=\"x()\"><h1>Vacancy Notice 2318</h1>\
<p>Job Title: Cybercrime Analyst</p><script>document.title='PWNED'</script></body></html>";

#[test]
fn a_saved_page_kept_with_its_vacancy_exports_and_imports_as_it_was() {
    let mut s = empty();
    let page = s._dir.path().join("Cybercrime notice.html");
    fs::write(&page, SAVED_PAGE).unwrap();
    let copy = dossier_core::notice_files::read_notice_copy(&page).unwrap();
    let input = VacancyInput::new(Platform::RecruitmentHub, "2318", "Cybercrime Analyst");
    let SaveOutcome::Saved { vacancy } = dossier_core::notice_files::save_vacancy_with_notice_file(
        &mut s.store,
        &s.vault,
        input,
        Some(&copy),
        now(),
    )
    .unwrap() else {
        panic!()
    };
    let out = tempfile::tempdir().unwrap();
    let zip = out.path().join("export.zip");
    export_to(&s, &zip, ExportFormat::Zip);
    let parts = zip_parts(&zip);
    let hash = dossier_core::vault::sha256_hex(SAVED_PAGE.as_bytes());
    assert_eq!(
        parts.get(&format!("files/{hash}.html")).map(Vec::as_slice),
        Some(SAVED_PAGE.as_bytes()),
        "{:?}",
        parts.keys()
    );
    let index: Value = serde_json::from_slice(&parts["dossier-export.json"]).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&index)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(index["tables"]["documents"][0]["media_type"], "text/html");

    let mut fresh = empty();
    export::import_export(&mut fresh.store, &fresh.vault, &zip).unwrap();
    let kept = dossier_core::notice_files::notice_copy_of(&fresh.store, vacancy.id)
        .unwrap()
        .expect("the posting's own copy after the import");
    assert_eq!(kept.media_type, dossier_core::vault::MediaType::Html);
    assert_eq!(
        fresh.vault.read_bytes(&fresh.store, kept.id).unwrap(),
        SAVED_PAGE.as_bytes()
    );
    assert!(fresh.vault.check_integrity(&fresh.store).unwrap().healthy);
}

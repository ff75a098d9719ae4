//! Document packs in the real window: an application's checklist shows the one paper still
//! missing (the CV) with a link to fix it; once the CV is imported through the file dialog the
//! checklist turns green, and the pack is exported to a zip through the save dialog. The zip
//! is opened and every file, the manifest and each checksum are checked; a second export to
//! the same name asks before replacing it.

use std::io::Read;
use std::path::{Path, PathBuf};

use dossier_core::applications::{self, Stage};
use dossier_core::packs::safe_file_name;
use dossier_core::profile::{
    Education, EducationLevel, Employment, Profile, Reference, Residence, StudyStatus, WorkTime,
    load_profile, save_profile,
};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{
    self, DocumentKind, DocumentMetadata, ImportOptions, ProvenEntry, Vault, sha256_hex,
};
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};

const NAME: &str = "Camille Martin";

#[path = "../../src-tauri/core/tests/support/english.rs"]
mod english;

/// A small PDF readers accept, made distinct by a comment so each file is its own document.
fn pdf(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let body = format!(
        "%PDF-1.4\n% {name}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    );
    std::fs::write(&path, body).unwrap();
    path
}

fn reference(name: &str, contact: &str) -> Reference {
    Reference {
        id: 0,
        name: name.into(),
        contact: contact.into(),
        relation: "Former head of unit".into(),
        worked_directly: Some(true),
        hierarchical: Some(true),
        family_member: Some(false),
        interpol_staff: Some(false),
    }
}

struct Seeded {
    /// Title and source file of each seeded document, in checklist order (after the CV).
    documents: Vec<(String, PathBuf)>,
}

/// A complete profile and vault, but for the CV: French by origin, in Germany since mid-2023
/// (so certificates from both), one degree, one position, two references that meet the rules.
fn seed(data: &Path, scans: &Path) -> Seeded {
    let now = DEFAULT_NOW.parse().unwrap();
    let today = "2026-11-22".parse().unwrap();
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: NAME.into(),
        email: "camille@example.org".into(),
        date_of_birth: Some("1990-04-02".parse().unwrap()),
        nationalities: vec!["FR".into()],
        country_of_origin: Some("FR".into()),
        residences: vec![
            Residence {
                country: "FR".into(),
                from: "1990-04-02".parse().unwrap(),
                to: Some("2023-06-01".parse().unwrap()),
            },
            Residence {
                country: "DE".into(),
                from: "2023-06-01".parse().unwrap(),
                to: None,
            },
        ],
        education: vec![Education {
            id: 0,
            level: EducationLevel::Master,
            field: "Criminology".into(),
            institution: "Université de Lyon".into(),
            from: Some("2012-09-01".parse().unwrap()),
            to: Some("2014-06-30".parse().unwrap()),
            status: StudyStatus::Completed,
        }],
        employment: vec![Employment {
            id: 0,
            employer: "Bundeskriminalamt".into(),
            title: "Analyst".into(),
            from: "2014-09-01".parse().unwrap(),
            to: None,
            work_time: WorkTime::FullTime,
            duties: None,
        }],
        references: vec![
            reference("Jonas Weber", "jonas.weber@example.de"),
            reference("Amélie Roux", "+33 4 72 00 00 00"),
        ],
        ..Profile::default()
    };
    save_profile(&mut store, profile, now).unwrap_or_else(|e| panic!("seed profile: {e}"));
    let profile = load_profile(&store).unwrap().unwrap();

    let vacancy_id = seed::vacancy(
        &mut store,
        VacancyInput {
            duty_station: Some("Lyon, France".into()),
            duty_zone: Some("Europe/Paris".into()),
            grade: Some("6".into()),
            posts: Some(1),
            deadline: Some(Deadline {
                date: "2026-12-04".parse().unwrap(),
                time: None,
                zone: "Europe/Paris".into(),
            }),
            ..seed::vacancy_input(
                Platform::RecruitmentHub,
                "1503",
                "Criminal Intelligence Officer",
            )
        },
        now,
    );
    seed::application(&mut store, vacancy_id, Stage::Submitted, "2026-11-20", now);

    let vault = Vault::open(data).unwrap();
    let mut documents = Vec::new();
    let mut import = |file: &str,
                      title: &str,
                      kind: DocumentKind,
                      proves: Option<ProvenEntry>,
                      country: Option<&str>,
                      issued: Option<&str>| {
        let path = pdf(scans, file);
        let options = ImportOptions {
            kind,
            supersedes: None,
        };
        let imported = vault.import_file(&mut store, &path, &options, now).unwrap();
        let metadata = DocumentMetadata {
            title: title.into(),
            kind,
            issued_on: issued.map(|d| d.parse().unwrap()),
            expires_on: None,
            issuing_country: country.map(str::to_string),
            proves,
            notes: String::new(),
            supersedes: None,
        };
        vault::update_metadata(&mut store, imported.document.id, &metadata, today).unwrap();
        documents.push((title.to_string(), path));
    };
    import(
        "master.pdf",
        "Master's diploma, Lyon",
        DocumentKind::Diploma,
        Some(ProvenEntry::Education(profile.education[0].id)),
        None,
        None,
    );
    import(
        "contract.pdf",
        "BKA contract",
        DocumentKind::ProofOfEmployment,
        Some(ProvenEntry::Employment(profile.employment[0].id)),
        None,
        None,
    );
    import(
        "casier.pdf",
        "Casier judiciaire",
        DocumentKind::CriminalRecord,
        None,
        Some("FR"),
        Some("2026-11-02"),
    );
    import(
        "fuehrungszeugnis.pdf",
        "Führungszeugnis",
        DocumentKind::CriminalRecord,
        None,
        Some("DE"),
        Some("2026-10-20"),
    );
    Seeded { documents }
}

fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(
                file.compression(),
                zip::CompressionMethod::Stored,
                "{:?}",
                file.name()
            );
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// Opens the one application from the table of the Applications view.
async fn open_application(app: &App) {
    app.open_view("applications").await;
    app.click("[data-testid='show-table']").await;
    app.click("[data-testid='application-row'] a").await;
}

/// Scrolls the pack section to the top of the window, for the screenshots.
async fn show_pack(app: &App) {
    app.client
        .execute(
            "document.querySelector(\"[data-testid='pack-section']\").scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .expect("scroll to the pack");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checklist_turns_green_and_the_pack_is_exported_and_verified() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let scans = home.path().join("scans");
    std::fs::create_dir(&scans).unwrap();
    let seeded = seed(data.path(), &scans);
    let cv = pdf(&scans, "CV Camille Martin.pdf");
    let zip_path = home.path().join("INTERPOL pack.zip");
    let mut launch = Launch::new(data.path());
    launch.open_paths = Some(vec![cv.clone()]);
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    // Everything but the CV: one line missing, with a link to fix it.
    open_application(&app).await;
    app.wait_for("[data-testid='pack-checklist']").await;
    // CV, diploma, proof, France, Germany, references.
    app.until(
        "the checklist misses only the CV",
        || {
            app.read_all("[data-testid='pack-item']", |item| async move {
                item.attr("data-state").await.map(Option::unwrap_or_default)
            })
        },
        |states: &Vec<String>| {
            states
                == &[
                    "missing",
                    "satisfied",
                    "satisfied",
                    "satisfied",
                    "satisfied",
                    "satisfied",
                ]
        },
    )
    .await;
    let first = app.text_of("[data-testid='pack-item']").await;
    assert!(first.contains("CV") && first.contains("No CV"), "{first}");
    assert!(
        app.text_of("[data-testid='pack-summary']")
            .await
            .contains("1 missing")
    );
    show_pack(&app).await;
    app.screenshot("pack-checklist-missing").await;

    // The fix link leads to Documents, where the CV is imported through the file dialog.
    app.click("[data-testid='pack-fix']").await;
    app.wait_for("main[data-view='documents']").await;
    app.choose("[data-testid='import-kind']", "cv").await;
    app.click("[data-testid='import-files']").await;
    app.wait_for("[data-testid='import-result']").await;

    // Back on the application, every line is green.
    open_application(&app).await;
    app.wait_for("[data-testid='pack-checklist']").await;
    app.eventually("every line of the checklist is satisfied", || async {
        let states = app
            .read_all("[data-testid='pack-item']", |item| async move {
                item.attr("data-state").await.map(Option::unwrap_or_default)
            })
            .await;
        states.len() == 6 && states.iter().all(|s| s == "satisfied")
    })
    .await;
    let summary = app.text_of("[data-testid='pack-summary']").await;
    assert!(summary.starts_with("Everything"), "{summary}");
    show_pack(&app).await;
    app.screenshot("pack-checklist").await;

    // Exported through the save dialog (complete, so no confirmation).
    app.click("[data-testid='pack-export-zip']").await;
    app.eventually("the export reports where the pack is", || async {
        app.exists("[data-testid='pack-message']").await
            && app
                .text_of("[data-testid='pack-message']")
                .await
                .contains(&zip_path.display().to_string())
    })
    .await;

    // The zip: manifests first, then every document in checklist order, byte for byte.
    let entries = zip_entries(&zip_path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let titles: Vec<&str> = seeded.documents.iter().map(|(t, _)| t.as_str()).collect();
    let expected = vec![
        "00 Manifest.html".to_string(),
        "00 Manifest.json".to_string(),
        format!("01 CV - {NAME}.pdf"),
        safe_file_name(&format!("02 Diploma - {}", titles[0]), "pdf", "x"),
        safe_file_name(
            &format!("03 Proof of employment - {}", titles[1]),
            "pdf",
            "x",
        ),
        "04 Criminal record - France.pdf".to_string(),
        "05 Criminal record - Germany.pdf".to_string(),
        format!("06 References - {NAME}.txt"),
    ];
    assert_eq!(names, expected);
    let bytes_of = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap()
    };
    assert_eq!(bytes_of(&expected[2]), std::fs::read(&cv).unwrap());
    for (i, (_, source)) in seeded.documents.iter().enumerate() {
        assert_eq!(
            bytes_of(&expected[3 + i]),
            std::fs::read(source).unwrap(),
            "{}",
            expected[3 + i]
        );
    }
    let references = String::from_utf8(bytes_of(&expected[7])).unwrap();
    assert!(
        references.contains("Jonas Weber") && references.contains("+33 4 72 00 00 00"),
        "{references}"
    );

    // The manifest lists every item as included, with each file's checksum.
    let manifest: serde_json::Value =
        serde_json::from_slice(&bytes_of("00 Manifest.json")).unwrap();
    assert_eq!(manifest["complete"], true);
    assert_eq!(manifest["candidate"], NAME);
    let items = manifest["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert!(items.iter().all(|i| i["state"] == "satisfied"), "{items:?}");
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 6);
    let html = String::from_utf8(bytes_of("00 Manifest.html")).unwrap();
    for file in files {
        let name = file["name"].as_str().unwrap();
        let bytes = bytes_of(name);
        assert_eq!(file["sha256"], sha256_hex(&bytes), "{name}");
        assert_eq!(file["sizeBytes"], bytes.len(), "{name}");
        assert!(html.contains(&sha256_hex(&bytes)), "{name} in the page");
    }
    assert!(html.contains("Complete: every item is included."));

    // The same name again: nothing is replaced until the candidate confirms.
    let before = std::fs::metadata(&zip_path).unwrap().modified().unwrap();
    app.click("[data-testid='pack-export-zip']").await;
    app.wait_for("[data-testid='pack-replace-dialog']").await;
    assert_eq!(
        std::fs::metadata(&zip_path).unwrap().modified().unwrap(),
        before
    );
    app.click("[data-testid='pack-replace-dialog'] [data-testid='confirm']")
        .await;
    // The message was cleared when this export started: it shows again once it is done.
    app.text_until(
        "[data-testid='pack-message']",
        "the replaced pack is reported",
        |message| message.contains(&zip_path.display().to_string()),
    )
    .await;
    assert_eq!(zip_entries(&zip_path).len(), 8);
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left: {left:?}");
    app.close().await;
}

/// A Talentlink vacancy with its notice text, an application on it, and in the vault the copy
/// downloaded from Talentlink and a CV; their ids.
fn seed_talentlink(data: &Path, scans: &Path) -> (u32, u32) {
    let now = DEFAULT_NOW.parse().unwrap();
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vacancy_id = seed::vacancy(
        &mut store,
        VacancyInput {
            duty_station: Some("Singapore".into()),
            duty_zone: Some("Asia/Singapore".into()),
            notice_text: Some("Internship 1468\nDuty station: Singapore".into()),
            ..seed::vacancy_input(
                Platform::Talentlink,
                "1468",
                "Intern, Cybercrime Directorate",
            )
        },
        now,
    );
    seed::application(&mut store, vacancy_id, Stage::Submitted, "2026-11-20", now);
    let vault = Vault::open(data).unwrap();
    let mut import = |file: &str, kind: DocumentKind| {
        let options = ImportOptions {
            kind,
            supersedes: None,
        };
        vault
            .import_file(&mut store, &pdf(scans, file), &options, now)
            .unwrap()
            .document
            .id
    };
    (
        import("talentlink 1468.pdf", DocumentKind::TalentlinkApplication),
        import("cv 2026.pdf", DocumentKind::Cv),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_talentlink_application_is_archived_with_its_copy_documents_and_notice() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let (copy, cv) = seed_talentlink(data.path(), home.path());
    // Recorded as the application page's documents section records them.
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let id = applications::list_applications(&store).unwrap()[0].id;
        applications::set_saved_copy(&mut store, id, Some(copy)).unwrap();
        applications::set_sent_documents(&mut store, id, &[cv]).unwrap();
    }
    let zip_path = home.path().join("archive.zip");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    open_application(&app).await;
    app.wait_for("[data-testid='pack-archive']").await;
    show_pack(&app).await;
    app.wait_for("[data-testid='pack-item']").await;
    app.screenshot("pack-checklist-ar").await;
    app.click("[data-testid='pack-archive']").await;
    app.eventually("the archive reports where it is", || async {
        app.exists("[data-testid='pack-message']").await
            && app
                .text_of("[data-testid='pack-message']")
                .await
                .contains(&zip_path.display().to_string())
    })
    .await;
    show_pack(&app).await;
    app.screenshot("pack-talentlink-archive").await;

    let entries = zip_entries(&zip_path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 Application copy - talentlink 1468.pdf",
            "02 Sent - cv 2026.pdf",
            "03 Notice - 1468.txt",
        ]
    );
    assert_eq!(
        entries[2].1,
        std::fs::read(home.path().join("talentlink 1468.pdf")).unwrap()
    );
    assert!(String::from_utf8_lossy(&entries[4].1).contains("Duty station: Singapore"));
    let manifest: serde_json::Value = serde_json::from_slice(&entries[1].1).unwrap();
    assert_eq!(manifest["complete"], true);
    for file in manifest["files"].as_array().unwrap() {
        let (_, bytes) = entries.iter().find(|(n, _)| *n == file["name"]).unwrap();
        assert_eq!(file["sha256"], sha256_hex(bytes));
    }
    app.close().await;
}

/// The form view of a Talentlink application, where the candidate is reminded that nothing is
/// carried over, keeps the copy itself: the same archive as the pack section's, from there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_talentlink_form_view_archives_its_application_where_it_reminds() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let (copy, cv) = seed_talentlink(data.path(), home.path());
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let id = applications::list_applications(&store).unwrap()[0].id;
        applications::set_saved_copy(&mut store, id, Some(copy)).unwrap();
        applications::set_sent_documents(&mut store, id, &[cv]).unwrap();
    }
    let zip_path = home.path().join("from the form.zip");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    open_application(&app).await;
    app.click("[data-testid='application-open-form']").await;
    app.wait_for("[data-testid='form-platform-note'][data-platform='talentlink']")
        .await;
    app.click("[data-testid='form-archive']").await;
    app.text_until(
        "[data-testid='form-archive-message']",
        "the archive made from the form view says where it is",
        |text| text.contains(&zip_path.display().to_string()),
    )
    .await;
    app.screenshot("form-view-talentlink-archived").await;
    let entries = zip_entries(&zip_path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 Application copy - talentlink 1468.pdf",
            "02 Sent - cv 2026.pdf",
            "03 Notice - 1468.txt",
        ]
    );
    app.close().await;
}

/// The check "the manifest rendered in Arabic": a candidate who chose Arabic gets the
/// archive's file names and its manifest page in Arabic, the page set right to left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_arabic_candidates_archive_is_named_and_described_in_arabic() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let (copy, cv) = seed_talentlink(data.path(), home.path());
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let id = applications::list_applications(&store).unwrap()[0].id;
        applications::set_saved_copy(&mut store, id, Some(copy)).unwrap();
        applications::set_sent_documents(&mut store, id, &[cv]).unwrap();
        let preferences = dossier_core::preferences::Preferences {
            language: Some(dossier_core::display_language::DisplayLanguage::Ar),
            ..Default::default()
        };
        dossier_core::preferences::save_preferences(&mut store, &preferences).unwrap();
    }
    let zip_path = home.path().join("archive.zip");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    open_application(&app).await;
    app.wait_for("[data-testid='pack-archive']").await;
    show_pack(&app).await;
    app.wait_for("[data-testid='pack-item']").await;
    app.screenshot("pack-checklist-ar").await;
    app.click("[data-testid='pack-archive']").await;
    app.eventually("the archive reports where it is", || async {
        app.exists("[data-testid='pack-message']").await
            && app
                .text_of("[data-testid='pack-message']")
                .await
                .contains(&zip_path.display().to_string())
    })
    .await;

    let entries = zip_entries(&zip_path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 نسخة الطلب - talentlink 1468.pdf",
            "02 مُرسَل - cv 2026.pdf",
            "03 إعلان الوظيفة - 1468.txt",
        ]
    );
    let html = String::from_utf8(entries[0].1.clone()).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("مكتمل: جميع الوثائق مُدرَجة."), "{html}");
    assert!(html.contains("النسخة المحفوظة من طلب Talentlink"), "{html}");
    let manifest: serde_json::Value = serde_json::from_slice(&entries[1].1).unwrap();
    assert_eq!(manifest["language"], "ar");
    app.close().await;
}

/// English's words, as a French page must not show them: the core's catalogue (the manifest,
/// the checklist) and the window's (`ui/src/locales/en*.json`).
fn english_catalogue_words() -> std::collections::BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut words = english::fluent_words(
        &std::fs::read_to_string(root.join("src-tauri/core/src/words/en.ftl")).unwrap(),
    );
    fn strings(value: &serde_json::Value, words: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::String(text) => {
                // `{{name}}` is a placeholder, not a word.
                let without: String = text
                    .split("{{")
                    .map(|part| part.split_once("}}").map_or(part, |(_, rest)| rest))
                    .collect();
                english::add_words(&without, words);
            }
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, words)),
            serde_json::Value::Array(list) => list.iter().for_each(|v| strings(v, words)),
            _ => {}
        }
    }
    for entry in std::fs::read_dir(root.join("ui/src/locales")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("en.") && name.ends_with(".json") {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            strings(&json, &mut words);
        }
    }
    assert!(
        words.len() > 500,
        "the catalogues were read: {}",
        words.len()
    );
    words
}

/// The done-when: a French candidate sees the pack's checklist, and exports the pack,
/// without a word of English's catalogues (their own values and proper names aside).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_french_candidates_checklist_and_pack_carry_no_english() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let scans = home.path().join("scans");
    std::fs::create_dir(&scans).unwrap();
    let seeded = seed(data.path(), &scans);
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(data.path()).unwrap();
        let options = ImportOptions {
            kind: DocumentKind::Cv,
            supersedes: None,
        };
        let cv = pdf(&scans, "CV Camille Martin.pdf");
        vault
            .import_file(&mut store, &cv, &options, DEFAULT_NOW.parse().unwrap())
            .unwrap();
        let preferences = dossier_core::preferences::Preferences {
            language: Some(dossier_core::display_language::DisplayLanguage::Fr),
            ..Default::default()
        };
        dossier_core::preferences::save_preferences(&mut store, &preferences).unwrap();
    }
    let zip_path = home.path().join("pack.zip");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    open_application(&app).await;
    app.wait_for("[data-testid='pack-checklist']").await;
    app.eventually("every line of the checklist is satisfied", || async {
        let states = app
            .read_all("[data-testid='pack-item']", |item| async move {
                item.attr("data-state").await.map(Option::unwrap_or_default)
            })
            .await;
        states.len() == 6 && states.iter().all(|s| s == "satisfied")
    })
    .await;
    let english = english_catalogue_words();
    let mut own: Vec<&str> = seeded.documents.iter().map(|(t, _)| t.as_str()).collect();
    own.extend([
        NAME,
        "CV Camille Martin",
        "Criminal Intelligence Officer",
        "Criminology",
        "Université de Lyon",
        "Analyst",
        "Bundeskriminalamt",
        "Jonas Weber",
        "Amélie Roux",
    ]);
    let pack = app.text_of("[data-testid='pack-section']").await;
    assert!(
        pack.contains("Extrait de casier judiciaire : Allemagne"),
        "{pack}"
    );
    assert_eq!(
        english::english_left_in(&pack, &own, &english),
        Vec::<String>::new(),
        "{pack}"
    );
    show_pack(&app).await;
    app.screenshot("pack-checklist-fr").await;

    app.click("[data-testid='pack-export-zip']").await;
    app.eventually("the export reports where the pack is", || async {
        app.exists("[data-testid='pack-message']").await
            && app
                .text_of("[data-testid='pack-message']")
                .await
                .contains(&zip_path.display().to_string())
    })
    .await;
    let entries = zip_entries(&zip_path);
    let (_, page) = entries
        .iter()
        .find(|(n, _)| n.ends_with(".html"))
        .expect("a manifest page");
    let html = String::from_utf8(page.clone()).unwrap();
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    own.extend(&names);
    // The files' extensions ("… Camille Martin.txt") are the files' own, not English.
    own.extend(
        names
            .iter()
            .filter_map(|n| n.rsplit_once('.').map(|(_, ext)| ext)),
    );
    own.extend(["sha256sum", "shasum", "Get-FileHash", "dossier-pack"]);
    assert_eq!(
        english::english_left_in(&html, &own, &english),
        Vec::<String>::new(),
        "{html}"
    );
    app.close().await;
}

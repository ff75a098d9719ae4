//! Open exports in the real window: everything exported from Settings to a zip through the save
//! dialog (checked with `unzip -t` and read back), the applications report saved as CSV from the
//! Applications view and parsed, and an export imported into an empty Dossier through the open
//! dialog.

use std::io::Read;
use std::path::Path;

use dossier_core::applications::{self, EventInput, Stage};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::Platform;
use dossier_core::vault::{DocumentKind, ImportOptions, Vault, sha256_hex};
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};

const SCAN: &[u8] = b"%PDF-1.4\n% passport scan\ntrailer << >>\n%%EOF\n";

/// Two applications (one on each platform, one with several steps) and one scan.
fn seed_history(data: &Path) {
    let now = DEFAULT_NOW.parse().unwrap();
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let hub = seed::vacancy(
        &mut store,
        seed::vacancy_input(
            Platform::RecruitmentHub,
            "1503",
            "Criminal Intelligence Officer",
        ),
        now,
    );
    let tl = seed::vacancy(
        &mut store,
        seed::vacancy_input(
            Platform::Talentlink,
            "INT04606",
            "Analyste, « cybercriminalité »",
        ),
        now,
    );
    let a = seed::application(&mut store, hub, Stage::Submitted, "2026-10-01", now);
    for (stage, on) in [
        (Stage::Shortlisted, "2026-10-20"),
        (Stage::Interview, "2026-11-05"),
    ] {
        let event = EventInput {
            stage,
            date: on.parse().unwrap(),
            time: None,
            zone: None,
            note: String::new(),
        };
        applications::record_event(&mut store, a, &event, now).unwrap();
    }
    seed::application(&mut store, tl, Stage::Preparing, "2026-11-10", now);
    let vault = Vault::open(data).unwrap();
    vault
        .import_reader(
            &mut store,
            &mut &SCAN[..],
            "passport.pdf",
            &ImportOptions {
                kind: DocumentKind::Identity,
                supersedes: None,
            },
            now,
        )
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everything_is_exported_to_a_sound_zip_from_settings() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    seed_history(data.path());
    let zip_path = home.path().join("Dossier export.zip");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(zip_path.clone());
    let app = App::launch(launch).await;

    app.open_view("settings").await;
    app.click("[data-testid='export-zip']").await;
    let message = app
        .text_until(
            "[data-testid='export-message']",
            "the export is written",
            |t| t.starts_with("Exported to"),
        )
        .await;
    assert!(
        message.contains("2 vacancies, 2 applications, 1 documents, 1 files"),
        "{message}"
    );
    app.screenshot("exports-done").await;
    app.close().await;

    let tested = std::process::Command::new("unzip")
        .arg("-t")
        .arg(&zip_path)
        .output()
        .expect("unzip runs");
    let said = String::from_utf8_lossy(&tested.stdout);
    assert!(tested.status.success(), "{said}");
    assert!(said.contains("No errors detected"), "{said}");

    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let mut index = String::new();
    archive
        .by_name("dossier-export.json")
        .unwrap()
        .read_to_string(&mut index)
        .unwrap();
    let index: serde_json::Value = serde_json::from_str(&index).unwrap();
    assert_eq!(index["format"], "dossier-export/1");
    assert_eq!(index["tables"]["vacancies"].as_array().unwrap().len(), 2);
    assert_eq!(
        index["tables"]["application_events"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let mut scan = Vec::new();
    archive
        .by_name(&format!("files/{}.pdf", sha256_hex(SCAN)))
        .unwrap()
        .read_to_end(&mut scan)
        .unwrap();
    assert_eq!(scan, SCAN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_applications_report_is_saved_as_csv_with_a_row_per_application() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    seed_history(data.path());
    let csv_path = home.path().join("applications.csv");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(csv_path.clone());
    let app = App::launch(launch).await;

    app.open_view("applications").await;
    app.click("[data-testid='report-menu']").await;
    app.screenshot("exports-report-menu").await;
    app.click("[data-testid='report-csv']").await;
    app.text_until(
        "[data-testid='report-message']",
        "the report is saved",
        |t| t.starts_with("Report saved"),
    )
    .await;
    app.close().await;

    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "Platform",
            "Reference",
            "Title",
            "Preparing",
            "Submitted",
            "Shortlisted",
            "Interview",
            "Outcome"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec![
                "Recruitment Hub",
                "1503",
                "Criminal Intelligence Officer",
                "",
                "2026-10-01",
                "2026-10-20",
                "2026-11-05",
                "Interview"
            ],
            vec![
                "Talentlink",
                "INT04606",
                "Analyste, « cybercriminalité »",
                "2026-11-10",
                "",
                "",
                "",
                "Preparing"
            ],
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_is_imported_into_an_empty_dossier_through_the_open_dialog() {
    let source = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    seed_history(source.path());
    let zip_path = home.path().join("from the old computer.zip");
    {
        let store = Store::open(&source.path().join(DATABASE_FILE)).unwrap();
        let vault = Vault::open(source.path()).unwrap();
        let plan = dossier_core::export::plan_export(
            &store,
            &vault,
            DEFAULT_NOW.parse().unwrap(),
            "0.1.0",
        )
        .unwrap();
        dossier_core::export::write_export(
            &plan,
            &zip_path,
            dossier_core::export::ExportFormat::Zip,
        )
        .unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    launch.open_paths = Some(vec![zip_path.clone()]);
    let app = App::launch(launch).await;

    app.open_view("settings").await;
    app.click("[data-testid='export-import']").await;
    app.text_until(
        "[data-testid='export-message']",
        "the import is done",
        |t| t == "Imported 2 vacancies, 2 applications and 1 documents (1 files).",
    )
    .await;
    // A second import is refused: the Dossier is no longer empty.
    app.click("[data-testid='export-import']").await;
    let refused = app
        .text_until(
            "[data-testid='export-message']",
            "the second import is refused",
            |t| t.starts_with("This Dossier already holds data"),
        )
        .await;
    assert!(refused.contains("2 vacancies"), "{refused}");
    app.screenshot("exports-import-refused").await;
    app.open_view("applications").await;
    app.text_until(
        "[data-testid='summary']",
        "the applications are listed",
        |t| t.contains('2'),
    )
    .await;
    app.close().await;

    let store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data.path()).unwrap();
    let documents = dossier_core::vault::list_documents(&store, &Default::default()).unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(vault.read_bytes(&store, documents[0].id).unwrap(), SCAN);
}

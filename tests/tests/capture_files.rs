//! Saved notices captured from files in the real window: a PDF (with a text layer, as a browser
//! saves one) and a saved Talentlink page dropped together become two drafts checked one after
//! the other, both saved and found in the list, each file kept with its vacancy as the
//! posting's own copy. Opened again through the file dialog, both are pointed out as already
//! saved. A hostile saved page is kept too, and nothing in it ever runs: not in the window, and
//! not in the cleaned copy the system viewer is handed.

use std::path::{Path, PathBuf};

use dossier_e2e::{App, Launch, workspace_root};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use serde_json::json;

/// A Recruitment Hub notice written for this test.
const PDF_NOTICE: &[&str] = &[
    "Vacancy Notice 2207",
    "Job Title: Digital Forensics Specialist",
    "Location: Lyon, France",
    "Type of contract: Fixed-term Contract",
    "Duration (in months): 36.00",
    "Grade: 5",
    "Number of post: 1",
    "Deadline for application: 14 December 2026",
    "Position Summary",
    "The incumbent examines seized devices for member countries.",
];

/// A one-page PDF whose text layer holds `lines`, in a standard font.
fn write_pdf(path: &Path, lines: &[&str]) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
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
    let content = Content { operations }.encode().unwrap();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
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
    doc.save(path).unwrap();
}

/// Drops files onto the window through the e2e-only hook, which feeds the app's drag-and-drop
/// handler the events Tauri sends for a real drop (WebDriver cannot drag from the desktop).
async fn drop_files(app: &App, paths: &[&Path]) {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let answer = app
        .client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('e2e_drop_files', { paths: arguments[0] })
                 .then(() => 'dropped', (e) => 'refused: ' + JSON.stringify(e));",
            vec![json!(paths)],
        )
        .await
        .expect("drop files");
    assert_eq!(answer, json!("dropped"));
}

/// The list's titles once it has answered.
async fn list_titles(app: &App) -> Vec<String> {
    app.wait_for("[data-testid='vacancy-results'][aria-busy='false']")
        .await;
    app.texts_of_all("[data-testid='vacancy-row'] a").await
}

async fn wait_for_draft(app: &App, position: &str, reference: &str) {
    app.eventually(&format!("{position} shows {reference}"), || async {
        app.text_of("[data-testid='batch-position']").await == position
            && app.value_of("input[name='reference']").await == reference
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_pdf_and_page_dropped_together_become_two_vacancies() {
    let data = tempfile::tempdir().unwrap();
    let saved = tempfile::tempdir().unwrap();
    let pdf: PathBuf = saved.path().join("Digital Forensics Specialist.pdf");
    write_pdf(&pdf, PDF_NOTICE);
    let html = saved.path().join("INT04606.html");
    std::fs::copy(
        workspace_root().join("tests/fixtures/talentlink-INT04606.html"),
        &html,
    )
    .unwrap();
    let mut launch = Launch::new(data.path());
    // For the second round, through the open dialog.
    launch.open_paths = Some(vec![pdf.clone(), html.clone()]);
    let app = App::launch(launch).await;

    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.wait_for("[data-testid='notice-paste']").await;
    drop_files(&app, &[&pdf, &html]).await;

    // The PDF first, read from its text layer, its file to be kept with the vacancy.
    wait_for_draft(&app, "Draft 1 of 2", "2207").await;
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Digital Forensics Specialist"
    );
    assert_eq!(
        app.value_of("select[name='platform']").await,
        "recruitment_hub"
    );
    assert_eq!(
        app.date_of("input[name='deadlineDate']").await,
        "2026-12-14"
    );
    assert!(
        app.text_of("[data-testid='batch-file']")
            .await
            .contains("Digital Forensics Specialist.pdf")
    );
    app.wait_for("[data-testid='draft-copy-kept']").await;
    app.assert_absent(
        "[data-testid='draft-duplicate']",
        "nothing like it is saved yet",
    )
    .await;
    app.screenshot("capture-files-draft-1-of-2").await;
    app.click("[data-testid='save-vacancy']").await;

    // Then the saved page: read for its visible text, the page itself kept too, opened only
    // as a cleaned copy.
    wait_for_draft(&app, "Draft 2 of 2", "INT04606").await;
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Specialized Officer (Cybercrime)"
    );
    app.wait_for("[data-testid='draft-copy-kept']").await;
    app.wait_for("[data-testid='draft-page-cleaned']").await;
    app.screenshot("capture-files-draft-2-of-2").await;
    app.click("[data-testid='save-vacancy']").await;

    // Both are in the list.
    app.wait_for("main[data-view='vacancies'] [data-testid='vacancy-results']")
        .await;
    app.eventually("both vacancies are listed", || async {
        let mut titles = list_titles(&app).await;
        titles.sort();
        titles
            == [
                "Digital Forensics Specialist",
                "Specialized Officer (Cybercrime)",
            ]
    })
    .await;
    app.screenshot("capture-files-both-listed").await;

    // The PDF's vacancy links the posting's own copy, kept in the vault.
    app.click("[data-testid='vacancy-row'][data-id='1'] a.title")
        .await;
    app.eventually("the PDF's vacancy opens", || async {
        app.text_of("main h1").await == "Digital Forensics Specialist"
    })
    .await;
    let copy = app.text_of("[data-testid='notice-copy-link']").await;
    assert!(copy.contains("Digital Forensics Specialist.pdf"), "{copy}");
    app.screenshot("capture-files-posting-copy").await;

    // The same files again, through the dialog: both pointed out as saved already.
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='open-notice-file']").await;
    wait_for_draft(&app, "Draft 1 of 2", "2207").await;
    let warning = app.text_of("[data-testid='draft-duplicate']").await;
    assert!(
        warning.contains("Already saved") && warning.contains("Digital Forensics Specialist"),
        "{warning}"
    );
    app.screenshot("capture-files-duplicate").await;
    app.click("[data-testid='batch-skip']").await;
    wait_for_draft(&app, "Draft 2 of 2", "INT04606").await;
    assert!(
        app.text_of("[data-testid='draft-duplicate']")
            .await
            .contains("Specialized Officer (Cybercrime)")
    );
    app.click("[data-testid='batch-skip']").await;
    app.wait_for("[data-testid='notice-paste']").await;
    app.close().await;

    let store = dossier_core::store::Store::open(&data.path().join("dossier.db")).unwrap();
    assert_eq!(
        store.overview().unwrap().vacancies,
        2,
        "nothing saved twice"
    );
    let mut documents: Vec<(String, dossier_core::vault::MediaType)> =
        dossier_core::vault::list_documents(&store, &Default::default())
            .unwrap()
            .into_iter()
            .map(|d| (d.original_name, d.media_type))
            .collect();
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        documents,
        [
            (
                "Digital Forensics Specialist.pdf".to_string(),
                dossier_core::vault::MediaType::Pdf
            ),
            (
                "INT04606.html".to_string(),
                dossier_core::vault::MediaType::Html
            ),
        ],
        "each file is kept once, as what it is"
    );
}

/// A notice page written for this test to do harm if anything in it ever ran in Dossier's
/// window: each way it tries leaves a mark the test looks for.
const HOSTILE_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Vacancy</title>
<script>document.title = 'PWNED'; localStorage.setItem('pwned', 'script');
window.top.__pwned = 'script';</script>
<link rel="stylesheet" href="http://127.0.0.1:9/a.css"></head>
<body onload="localStorage.setItem('pwned', 'onload')">
<h1>Vacancy Notice 2318</h1>
<p>Job Title: Cybercrime Analyst</p>
<p>Location: Lyon, France</p>
<p>Type of contract: Fixed-term Contract</p>
<p>Grade: 4</p>
<p>Deadline for application: 2 February 2027</p>
<img src="http://127.0.0.1:9/pixel.gif" onerror="localStorage.setItem('pwned', 'onerror')">
<p><a href="javascript:localStorage.setItem('pwned', 'link')">Apply now</a></p>
</body></html>"#;

/// What the window would show had the page's script, handlers or link run in it.
async fn marks_in_window(app: &App) -> serde_json::Value {
    app.client
        .execute(
            "return [document.title, localStorage.getItem('pwned'), window.__pwned ?? null];",
            vec![],
        )
        .await
        .expect("read the window's state")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_saved_page_is_kept_and_nothing_in_it_runs() {
    let data = tempfile::tempdir().unwrap();
    let saved = tempfile::tempdir().unwrap();
    let page = saved.path().join("Cybercrime Analyst.html");
    std::fs::write(&page, HOSTILE_PAGE).unwrap();
    let opened = saved.path().join("opened.txt");
    let mut launch = Launch::new(data.path());
    launch.opened_log = Some(opened.clone());
    let app = App::launch(launch).await;
    let title_before = marks_in_window(&app).await[0].clone();

    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.wait_for("[data-testid='notice-paste']").await;
    drop_files(&app, &[&page]).await;
    wait_for_draft(&app, "Draft 1 of 1", "2318").await;
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Cybercrime Analyst"
    );
    app.wait_for("[data-testid='draft-page-cleaned']").await;
    app.screenshot("capture-files-hostile-draft").await;
    app.click("[data-testid='save-vacancy']").await;

    // A batch of one opens the saved vacancy, which lists the page as its own copy.
    app.eventually("the saved vacancy opens", || async {
        app.text_of("main h1").await == "Cybercrime Analyst"
    })
    .await;
    let link = app.text_of("[data-testid='notice-copy-link']").await;
    assert!(link.contains("Cybercrime Analyst.html"), "{link}");
    app.wait_for("[data-testid='notice-copy-cleaned']").await;
    app.screenshot("capture-files-hostile-posting-copy").await;

    // Opened from the vault: the viewer is handed a cleaned copy with the notice's words.
    app.click("[data-testid='notice-copy-link']").await;
    app.click("[data-testid='document-open']").await;
    app.eventually("the copy is handed to the viewer", || async {
        std::fs::read_to_string(&opened)
            .unwrap_or_default()
            .starts_with("open ")
    })
    .await;
    let log = std::fs::read_to_string(&opened).unwrap();
    let copy = PathBuf::from(log.trim().strip_prefix("open ").unwrap());
    assert!(copy.starts_with(data.path().join("viewing")), "{log}");
    let cleaned = std::fs::read_to_string(&copy).unwrap();
    assert!(
        cleaned.contains("Job Title: Cybercrime Analyst"),
        "{cleaned}"
    );
    assert!(cleaned.contains("Apply now"), "{cleaned}");
    for gone in [
        "<script",
        "pwned",
        "PWNED",
        "onload",
        "onerror",
        "javascript:",
        "<img",
        "<link",
        "http://",
    ] {
        assert!(
            !cleaned.contains(gone),
            "{gone} in the viewer's copy: {cleaned}"
        );
    }
    app.screenshot("capture-files-hostile-document").await;

    // The page was read, saved, listed and opened: had anything in it run in the window, its
    // marks would be there.
    let marks = marks_in_window(&app).await;
    assert_eq!(marks[0], title_before, "the window's title: {marks}");
    assert_eq!(marks[1], serde_json::Value::Null, "{marks}");
    assert_eq!(marks[2], serde_json::Value::Null, "{marks}");
    app.close().await;

    // "Save a copy" would give the page as saved: the vault holds it byte for byte.
    let store = dossier_core::store::Store::open(&data.path().join("dossier.db")).unwrap();
    let documents = dossier_core::vault::list_documents(&store, &Default::default()).unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(
        documents[0].content_hash,
        dossier_core::vault::sha256_hex(HOSTILE_PAGE.as_bytes())
    );
}

//! The document vault in the real window: scans imported through the file dialog and by a drop,
//! a PNG thumbnail actually drawn from the `vault:` scheme, a renamed program refused by name
//! while the rest of the batch imports, a four-month-old criminal record certificate flagged
//! stale and a country with no certificate listed as missing; the viewer, the save dialog, the
//! vault check and a delete.

use std::path::{Path, PathBuf};

use dossier_core::profile::{Profile, Reference, Residence, save_profile};
use dossier_core::store::Store;
use dossier_e2e::{App, DEFAULT_NOW, Launch};
use fantoccini::Locator;
use serde_json::json;

/// Small but real files, written where a candidate keeps scans (outside the data folder).
struct Scans {
    photo: PathBuf,
    certificate: PathBuf,
    program: PathBuf,
    diploma: PathBuf,
}

/// The smallest PDF readers accept: a catalogue, a page tree with one empty page, the
/// cross-reference table and the trailer.
const MINIMAL_PDF: &str = "%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
xref
0 4
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
trailer << /Size 4 /Root 1 0 R >>
startxref
186
%%EOF
";

fn png(path: &Path, width: u32, height: u32, seed: u8) {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 4) as u8 ^ seed,
            (y * 4) as u8,
            if (x / 8 + y / 8) % 2 == 0 { 40 } else { 220 },
        ])
    });
    image.save(path).expect("write a PNG");
}

fn write_scans(dir: &Path) -> Scans {
    let photo = dir.join("passport photo.png");
    png(&photo, 96, 64, 0);
    let certificate = dir.join("casier judiciaire.pdf");
    std::fs::write(&certificate, MINIMAL_PDF).unwrap();
    // A Linux program renamed to look like a CV: the vault reads the type from the content.
    let program = dir.join("cv.pdf");
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0".to_vec();
    elf.resize(512, 0);
    std::fs::write(&program, elf).unwrap();
    let diploma = dir.join("diplôme master.png");
    png(&diploma, 64, 64, 0x5a);
    Scans {
        photo,
        certificate,
        program,
        diploma,
    }
}

/// A profile saved before launch: French by origin, in Germany since mid-2023, so France
/// (origin) and Germany (over a year in the last five) both need a certificate.
fn seed_profile(data_dir: &Path) {
    let mut store = Store::open(&data_dir.join("dossier.db")).unwrap();
    let profile = Profile {
        full_name: "Camille Martin".into(),
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
        references: vec![Reference {
            id: 0,
            name: "Jonas Weber".into(),
            contact: "jonas.weber@example.de".into(),
            relation: "Head of unit at the BKA".into(),
            worked_directly: Some(true),
            hierarchical: Some(true),
            family_member: Some(false),
            interpol_staff: Some(false),
        }],
        ..Profile::default()
    };
    save_profile(&mut store, profile, DEFAULT_NOW.parse().unwrap())
        .unwrap_or_else(|e| panic!("seed profile: {e}"));
}

/// Sets a form field as typing would end, and tells the page: WebKit's date fields take typed
/// digits in the order of the desktop's locale, which the suite should not depend on.
async fn set_value(app: &App, css: &str, value: &str) {
    app.wait_for(css).await;
    app.client
        .execute(
            "const field = document.querySelector(arguments[0]);
             field.value = arguments[1];
             field.dispatchEvent(new Event('input', { bubbles: true }));
             field.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(css), json!(value)],
        )
        .await
        .unwrap_or_else(|e| panic!("set {css}: {e}"));
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

/// The outcome of each file of the last import, in order, once the results are shown.
async fn outcomes(app: &App, count: usize) -> Vec<(String, String)> {
    app.eventually(&format!("{count} import results are shown"), || async {
        app.texts_of_all("[data-testid='import-result']")
            .await
            .len()
            == count
    })
    .await;
    app.read_all("[data-testid='import-result']", |row| async move {
        let outcome = row.attr("data-outcome").await?.unwrap_or_default();
        Ok((outcome, row.text().await?))
    })
    .await
}

fn row_titled(title: &str) -> String {
    format!(
        "//a[@data-testid='document-row'][.//span[@data-testid='document-title'][normalize-space()='{title}']]"
    )
}

async fn open_document(app: &App, title: &str) {
    app.client
        .wait()
        .for_element(Locator::XPath(&row_titled(title)))
        .await
        .unwrap_or_else(|e| panic!("no row for {title}: {e}"))
        .click()
        .await
        .unwrap();
    app.eventually(&format!("{title} opens"), || async {
        app.text_of("main h1").await == title
    })
    .await;
    app.wait_for("[data-testid='document-form']").await;
}

/// Whether the row titled `title` shows a thumbnail the webview decoded (not a broken image).
async fn thumbnail_width(app: &App, title: &str) -> u64 {
    app.client
        .execute(
            "const row = [...document.querySelectorAll('[data-testid=document-row]')]
                 .find((r) => r.querySelector('[data-testid=document-title]').textContent === arguments[0]);
             const img = row && row.querySelector('img');
             return img && img.complete ? img.naturalWidth : 0;",
            vec![json!(title)],
        )
        .await
        .expect("read the thumbnail")
        .as_u64()
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scans_are_imported_shown_and_checked_against_the_certificate_rule() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let scans = write_scans(home.path());
    seed_profile(data.path());
    let opened = home.path().join("opened.txt");
    let exported = home.path().join("exported copy.pdf");
    let mut launch = Launch::new(data.path());
    launch.open_paths = Some(vec![
        scans.photo.clone(),
        scans.program.clone(),
        scans.certificate.clone(),
    ]);
    launch.save_path = Some(exported.clone());
    launch.opened_log = Some(opened.clone());
    let app = App::launch(launch).await;

    // Through the dialog: the renamed program is refused by name, the rest imports.
    app.open_view("documents").await;
    app.wait_for("[data-testid='empty-state']").await;
    app.screenshot("documents-empty").await;
    app.click("[data-testid='import-files']").await;
    let results = outcomes(&app, 3).await;
    assert_eq!(
        results.iter().map(|(o, _)| o.as_str()).collect::<Vec<_>>(),
        ["imported", "refused", "imported"],
        "{results:?}"
    );
    let refusal = app.text_of("[data-testid='refusal']").await;
    assert!(
        refusal.contains("cv.pdf") && refusal.contains("program"),
        "{refusal}"
    );
    assert_eq!(
        app.text_of("[data-testid='import-summary']").await,
        "2 added · 1 refused"
    );

    // By a drop onto the window, filed as diplomas: a new scan, and one already kept.
    app.choose("[data-testid='import-kind']", "diploma").await;
    drop_files(&app, &[&scans.diploma, &scans.photo]).await;
    let results = outcomes(&app, 2).await;
    assert_eq!(results[0].0, "imported", "{results:?}");
    assert!(results[0].1.contains("diplôme master"), "{results:?}");
    assert_eq!(results[1].0, "already_in_vault", "{results:?}");
    app.eventually("the list shows the three documents", || async {
        app.texts_of_all("[data-testid='document-title']")
            .await
            .len()
            == 3
    })
    .await;
    assert!(
        app.client
            .find(Locator::XPath(&format!(
                "{}//span[normalize-space()='Diploma, degree or certificate']",
                row_titled("diplôme master")
            )))
            .await
            .is_ok(),
        "the dropped file was filed as the chosen kind"
    );

    // The PNG thumbnails are drawn from the vault scheme; the PDF shows an icon.
    app.eventually("the photo's thumbnail is decoded", || async {
        thumbnail_width(&app, "passport photo").await == 96
    })
    .await;
    // Each image decodes on its own time: wait for this one too, rather than read it once.
    app.eventually("the diploma's thumbnail is decoded", || async {
        thumbnail_width(&app, "diplôme master").await == 64
    })
    .await;
    assert_eq!(thumbnail_width(&app, "casier judiciaire").await, 0);
    app.screenshot("documents").await;

    // The certificate: a date in the future is refused at its field, then the real one saved.
    open_document(&app, "casier judiciaire").await;
    app.choose("select[name='kind']", "criminal_record").await;
    app.choose("select[name='issuingCountry']", "FR").await;
    set_value(&app, "input[name='issuedOn']", "2027-01-05").await;
    app.click("[data-testid='save-document']").await;
    let error = app.text_of("[data-testid='error-issuedOn']").await;
    assert!(error.contains("in the future"), "{error}");
    // Four months before the test clock (2026-11-22).
    set_value(&app, "input[name='issuedOn']", "2026-07-22").await;
    app.click("[data-testid='save-document']").await;
    app.wait_for("[data-testid='form-status']").await;
    app.assert_absent(
        "[data-testid='error-issuedOn']",
        "a saved date has no error",
    )
    .await;
    app.eventually("the saved certificate is flagged stale", || async {
        app.exists(".preview [data-standing='stale']").await
    })
    .await;
    app.screenshot("document-detail").await;

    // The viewer gets a copy named after the document; the save dialog gets the same bytes.
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
    assert!(copy.ends_with("casier judiciaire.pdf"), "{log}");
    assert_eq!(std::fs::read(&copy).unwrap(), MINIMAL_PDF.as_bytes());
    app.click("[data-testid='document-export']").await;
    app.eventually("the copy is saved", || async {
        std::fs::read(&exported).ok().as_deref() == Some(MINIMAL_PDF.as_bytes())
    })
    .await;
    app.text_until(
        "[data-testid='action-message']",
        "the page says where the copy went",
        |message| message.contains("exported copy.pdf"),
    )
    .await;
    app.click("[data-testid='document-reveal']").await;
    app.eventually("the stored file is shown in the file manager", || async {
        std::fs::read_to_string(&opened)
            .unwrap_or_default()
            .lines()
            .any(|l| l.starts_with("reveal ") && l.contains("/vault/"))
    })
    .await;

    // The list flags it too. The detail, taller with the date fields' format hints, is scrolled
    // down by now, and WebKitWebDriver does not click a link scrolled out above the page.
    app.client
        .execute(
            "document.getElementById('main').scrollTo({ top: 0 });",
            vec![],
        )
        .await
        .expect("scroll to the top");
    app.click("main a.back").await;
    app.eventually("the list flags the certificate", || async {
        app.client
            .find(Locator::XPath(&format!(
                "{}//span[@data-standing='stale']",
                row_titled("casier judiciaire")
            )))
            .await
            .is_ok()
    })
    .await;

    // Country by country: France has a stale certificate, Germany none.
    app.click("[data-testid='tab-certificates']").await;
    app.wait_for("[data-testid='crc-country']").await;
    let states = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=crc-country]')]
                 .map((c) => [c.dataset.country, c.dataset.state]);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(states, json!([["FR", "stale"], ["DE", "missing"]]));
    let france = app
        .text_of("[data-testid='crc-country'][data-country='FR']")
        .await;
    assert!(
        france.contains("France")
            && france.contains("Country of origin")
            && france.contains("Out of date for 31 days"),
        "{france}"
    );
    let germany = app
        .text_of("[data-testid='crc-country'][data-country='DE']")
        .await;
    // In Germany from 1 June 2023 to the test clock's day.
    assert!(
        germany.contains("Germany") && germany.contains("Missing") && germany.contains("1270 days"),
        "{germany}"
    );
    assert!(
        app.text_of("[data-testid='crc-summary']")
            .await
            .contains("0 of 2 countries covered")
    );
    app.screenshot("documents-crc").await;

    // References from the profile, checked against the rules.
    app.click("[data-testid='tab-references']").await;
    let reference = app.text_of("[data-testid='reference']").await;
    assert!(
        reference.contains("Jonas Weber") && reference.contains("Meets the rules"),
        "{reference}"
    );

    // A delete asks first; the diploma's file leaves the disk with it.
    app.click("[data-testid='tab-documents']").await;
    open_document(&app, "diplôme master").await;
    app.click("[data-testid='document-delete']").await;
    app.click("[data-testid='delete-dialog'] [data-testid='confirm']")
        .await;
    let notice = app.text_of("[data-testid='vault-notice']").await;
    assert!(notice.contains("diplôme master"), "{notice}");
    app.eventually("the list has two documents left", || async {
        app.texts_of_all("[data-testid='document-title']")
            .await
            .len()
            == 2
    })
    .await;

    // The vault check finds every file in place.
    app.open_view("settings").await;
    app.click("[data-testid='check-vault']").await;
    assert_eq!(
        app.attr_of("[data-testid='integrity-report']", "data-healthy")
            .await
            .as_deref(),
        Some("true")
    );
    assert!(
        app.text_of("[data-testid='integrity-report']")
            .await
            .contains("2 documents and 2 files checked")
    );
    app.screenshot("settings-vault-check").await;

    app.close().await;
}

//! Upload-ready files in the real window: from an application's diploma line, three phone-sized
//! images and a two-page PDF are put in order (the PDF moved down by keyboard-reachable
//! buttons), the Recruitment Hub limit set to 2 MB, and one PDF made. The saved copy is checked
//! with `qpdf --check`, its pages counted with `pdfinfo`, and page 1 rendered with `pdftoppm`
//! and compared with the source photo; then the file is marked sent and the application's
//! checklist says so, dated by the app's clock. And from Documents: the same four ticked in the
//! list, reordered by keyboard, made under 2 MB, checked, and listed as a made file.

use std::path::Path;
use std::process::Command;

use dossier_core::applications::Stage;
use dossier_core::made_files::{made_file, set_upload_limit, upload_limits};
use dossier_core::profile::{
    Education, EducationLevel, Profile, StudyStatus, load_profile, save_profile,
};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::Platform;
use dossier_core::vault::{
    self, DocumentKind, DocumentMetadata, ImportOptions, ProvenEntry, Vault,
};
use dossier_e2e::{App, DEFAULT_NOW, Launch, seed};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use lopdf::{Document, Object, Stream, dictionary};

/// A scan-like photo: a light page with dark "lines of text" and a coloured stamp, under
/// sensor noise, so it neither compresses to nothing nor looks like another page.
fn photo(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 13) as i32 - 6;
        let line = (y / 60) % 3 == 0 && x > width / 10 && x < width * 9 / 10;
        let stamp = {
            let (dx, dy) = (
                x as i32 - width as i32 * 3 / 4,
                y as i32 - height as i32 / 5,
            );
            dx * dx + dy * dy < (width as i32 / 8).pow(2)
        };
        let base = if stamp {
            [40, 60, 170]
        } else if line {
            [50, 50, 50]
        } else {
            [235, 230, 215 - (y * 40 / height) as i32]
        };
        Rgb(base.map(|b| (b + noise).clamp(0, 255) as u8))
    })
}

fn jpeg(img: &RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(img)
        .unwrap();
    bytes
}

fn png(img: &RgbImage) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img.clone())
        .write_to(&mut bytes, ImageFormat::Png)
        .unwrap();
    bytes.into_inner()
}

/// A PDF of `pages` A4 pages with a line of text each.
fn text_pdf(pages: u32) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = format!("BT /F1 24 Tf 72 700 Td (Transcript page {n}) Tj ET");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

struct Seeded {
    /// The vault ids of: the first photo (proving the diploma), the PDF, the two other photos.
    first: u32,
    pdf: u32,
    second: u32,
    third: u32,
    first_photo: RgbImage,
    source_bytes: u64,
}

fn seed(data: &Path) -> Seeded {
    let now = DEFAULT_NOW.parse().unwrap();
    let today = "2026-11-22".parse().unwrap();
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: "Camille Martin".into(),
        email: "camille@example.org".into(),
        nationalities: vec!["FR".into()],
        country_of_origin: Some("FR".into()),
        education: vec![Education {
            id: 0,
            level: EducationLevel::Master,
            field: "Criminology".into(),
            institution: "Université de Lyon".into(),
            from: Some("2012-09-01".parse().unwrap()),
            to: Some("2014-06-30".parse().unwrap()),
            status: StudyStatus::Completed,
        }],
        ..Profile::default()
    };
    save_profile(&mut store, profile, now).unwrap();
    let education_id = load_profile(&store).unwrap().unwrap().education[0].id;
    let vacancy_id = seed::vacancy(
        &mut store,
        seed::vacancy_input(
            Platform::RecruitmentHub,
            "1503",
            "Criminal Intelligence Officer",
        ),
        now,
    );
    seed::application(&mut store, vacancy_id, Stage::Submitted, "2026-11-20", now);
    // Remembered from an earlier application; the test brings it down to 2 MB in the window.
    set_upload_limit(&mut store, Platform::RecruitmentHub, 10_000_000).unwrap();

    let vault = Vault::open(data).unwrap();
    let mut import = |name: &str, title: &str, bytes: &[u8], proves: Option<ProvenEntry>| {
        let options = ImportOptions {
            kind: DocumentKind::Diploma,
            supersedes: None,
        };
        let imported = vault
            .import_reader(&mut store, &mut &bytes[..], name, &options, now)
            .unwrap();
        let metadata = DocumentMetadata {
            title: title.into(),
            proves,
            ..DocumentMetadata::from(&imported.document)
        };
        vault::update_metadata(&mut store, imported.document.id, &metadata, today).unwrap();
        imported.document.id
    };
    let first_photo = photo(2480, 3508, 1);
    let first_bytes = jpeg(&first_photo);
    let second_bytes = png(&photo(1240, 1754, 2));
    let third_bytes = jpeg(&photo(2480, 3508, 3));
    let pdf_bytes = text_pdf(2);
    let source_bytes =
        (first_bytes.len() + second_bytes.len() + third_bytes.len() + pdf_bytes.len()) as u64;
    Seeded {
        first: import(
            "IMG_0001.jpg",
            "Master diploma, front",
            &first_bytes,
            Some(ProvenEntry::Education(education_id)),
        ),
        pdf: import("transcript.pdf", "Transcript of records", &pdf_bytes, None),
        second: import("IMG_0002.png", "Master diploma, back", &second_bytes, None),
        third: import("IMG_0003.jpg", "Diploma supplement", &third_bytes, None),
        first_photo,
        source_bytes,
    }
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test: {e}"))
}

/// `qpdf --check` passes on the file at `path` without a warning, `pdfinfo` reads it without
/// one; the pages `pdfinfo` counts.
fn checked_pages(path: &str) -> u32 {
    let qpdf = tool("qpdf", &["--check", path]);
    let qpdf_out = String::from_utf8_lossy(&qpdf.stdout);
    assert!(qpdf.status.success(), "qpdf --check: {qpdf_out}");
    assert!(!qpdf_out.contains("WARNING"), "{qpdf_out}");
    let info = tool("pdfinfo", &[path]);
    assert!(info.status.success() && info.stderr.is_empty(), "{info:?}");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<u32>().unwrap())
        })
        .expect("pdfinfo prints the pages")
}

/// Mean absolute difference per channel (0-255) of two images of the same size.
fn mean_difference(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / a.as_raw().len() as f64
}

async fn source_ids(app: &App) -> Vec<String> {
    app.read_all("[data-testid='upload-source']", |e| async move {
        e.attr("data-id").await.map(Option::unwrap_or_default)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_diploma_file_is_made_under_2_mb_checked_and_marked_sent() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let seeded = seed(data.path());
    assert!(
        seeded.source_bytes > 2_000_000,
        "the sources ({} bytes) must need recompressing to fit 2 MB",
        seeded.source_bytes
    );
    let saved = home.path().join("Master diploma.pdf");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(saved.clone());
    let app = App::launch(launch).await;

    app.open_view("applications").await;
    app.click("[data-testid='show-table']").await;
    app.click("[data-testid='application-row'] a").await;
    app.wait_for("[data-testid='pack-checklist']").await;
    // The diploma line (after the CV) offers its file.
    app.click("[data-testid='pack-item']:nth-child(2) [data-testid='pack-make-upload']")
        .await;
    app.wait_for("[data-testid='upload-dialog']").await;
    let first = seeded.first.to_string();
    app.until(
        "the dialog starts from the diploma line's document",
        || source_ids(&app),
        |ids: &Vec<String>| ids == std::slice::from_ref(&first),
    )
    .await;
    // Tab goes round the dialog's fields and buttons, held in the dialog but never on one.
    let stops = app.tab_through("[data-testid='upload-dialog']", 60).await;
    assert!(stops.iter().any(|s| s == "upload-limit"), "{stops:?}");
    assert_eq!(
        app.value_of("[data-testid='upload-limit']").await,
        "10000000",
        "the remembered limit"
    );

    for id in [seeded.pdf, seeded.second, seeded.third] {
        app.choose("[data-testid='upload-add-select']", &id.to_string())
            .await;
        app.click("[data-testid='upload-add']").await;
    }
    let ids = |list: &[u32]| list.iter().map(u32::to_string).collect::<Vec<_>>();
    app.until(
        "the three added documents follow the first",
        || source_ids(&app),
        |got: &Vec<String>| got == &ids(&[seeded.first, seeded.pdf, seeded.second, seeded.third]),
    )
    .await;
    // The PDF goes last, with its "move down" button, twice.
    for expected in [
        [seeded.first, seeded.second, seeded.pdf, seeded.third],
        [seeded.first, seeded.second, seeded.third, seeded.pdf],
    ] {
        app.click(&format!(
            "[data-testid='upload-source'][data-id='{}'] [data-testid='upload-move-down']",
            seeded.pdf
        ))
        .await;
        app.until(
            "the PDF moved down",
            || source_ids(&app),
            |got: &Vec<String>| got == &ids(&expected),
        )
        .await;
    }
    app.choose("[data-testid='upload-limit']", "2000000").await;
    app.assert_centred_dialog("[data-testid='upload-dialog']")
        .await;
    app.screenshot("upload-dialog").await;

    app.click("[data-testid='upload-make']").await;
    let summary = app.text_of("[data-testid='upload-summary']").await;
    assert!(summary.starts_with("5 pages, "), "{summary}");
    assert!(
        summary.contains("recompressed") && !summary.contains("nothing"),
        "{summary}"
    );
    assert!(summary.contains("(limit 2 MB)"), "{summary}");
    app.screenshot("upload-made").await;

    app.click("[data-testid='upload-save']").await;
    app.eventually("the copy is saved", || async { saved.exists() })
        .await;
    let size = std::fs::metadata(&saved).unwrap().len();
    assert!(size <= 2_000_000, "{size} bytes");
    let path = saved.to_str().unwrap();
    let pages = checked_pages(path);
    assert_eq!(pages, 3 + 2, "three photos and the PDF's two pages");

    let render = home.path().join("page");
    let ppm = tool(
        "pdftoppm",
        &[
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path,
            render.to_str().unwrap(),
        ],
    );
    assert!(ppm.status.success(), "{ppm:?}");
    let rendered = image::open(render.with_extension("png")).unwrap().to_rgb8();
    let source = image::imageops::resize(
        &seeded.first_photo,
        rendered.width(),
        rendered.height(),
        image::imageops::FilterType::Triangle,
    );
    let difference = mean_difference(&rendered, &source);
    println!(
        "upload e2e: {size} bytes, {pages} pages, page 1 {}x{} at 50 dpi, mean difference {difference:.2}",
        rendered.width(),
        rendered.height()
    );
    assert!(
        difference < 12.0,
        "page 1 looks like the first photo (mean difference {difference:.2})"
    );

    app.wait_for("[data-testid='documents-sent']").await;
    app.assert_absent(
        "[data-testid='sent-document']",
        "nothing is recorded as sent before the made file is",
    )
    .await;
    app.click("[data-testid='upload-mark-sent']").await;
    // Dated by the app's clock (22 November 2026), in the window's own date style.
    let dated = |text: &str| {
        text.starts_with("Sent ")
            && text.contains("November")
            && text.contains("22")
            && text.contains("2026")
    };
    let sent = app.text_of("[data-testid='upload-sent']").await;
    assert!(dated(&sent), "{sent}");
    app.click("[data-testid='upload-close']").await;
    let line = app
        .text_until(
            "[data-testid='pack-item']:nth-child(2) [data-testid='pack-upload-sent']",
            "the application shows the file as sent",
            |text| text.starts_with("Sent"),
        )
        .await;
    assert!(dated(&line), "{line}");
    // The application's "Documents sent" lists it too, at once: the page is not reloaded.
    app.texts_until(
        "[data-testid='documents-sent'] [data-testid='sent-document']",
        "the made file is listed among the documents sent",
        |texts| texts.len() == 1,
    )
    .await;
    app.screenshot("upload-sent").await;
    app.close().await;

    let store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
    assert_eq!(
        upload_limits(&store).unwrap().recruitment_hub,
        2_000_000,
        "the limit chosen is remembered"
    );
}

/// "Or from any selection in Documents": the three photos and the PDF ticked in the list, in
/// the order ticked, become the dialog's sources; put in another order by keyboard alone (the
/// focus stays on the moved document's button, so Enter again moves it on), made into one PDF
/// under 2 MB, and kept in the vault as a made file the list then shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_selected_in_the_list_make_one_file_in_the_order_chosen() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let seeded = seed(data.path());
    let saved = home.path().join("Selection.pdf");
    let mut launch = Launch::new(data.path());
    launch.save_path = Some(saved.clone());
    let app = App::launch(launch).await;

    app.open_view("documents").await;
    let ticked = [seeded.third, seeded.pdf, seeded.first, seeded.second];
    for id in ticked {
        app.click(&format!("[data-testid='document-pick'][data-id='{id}']"))
            .await;
    }
    app.text_until(
        "[data-testid='documents-make-pdf']",
        "the button counts the selection",
        |text| text.contains("4 selected"),
    )
    .await;
    app.screenshot("documents-selected").await;
    app.click("[data-testid='documents-make-pdf']").await;
    app.wait_for("[data-testid='upload-dialog']").await;
    let ids = |list: &[u32]| list.iter().map(u32::to_string).collect::<Vec<_>>();
    app.until(
        "the dialog starts from the selection, in the order ticked",
        || source_ids(&app),
        |got: &Vec<String>| got == &ids(&ticked),
    )
    .await;

    // The first photo to the top by keyboard: its "move up" button focused, Enter twice.
    // WebDriver's pointer actions start no HTML5 drag in WebKitGTK; the drag is covered by the
    // dialog's component test.
    app.client
        .execute(
            &format!(
                "document.querySelector(\"[data-testid='upload-source'][data-id='{}'] [data-testid='upload-move-up']\").focus();",
                seeded.first
            ),
            vec![],
        )
        .await
        .expect("focus the photo's move-up button");
    for expected in [
        [seeded.third, seeded.first, seeded.pdf, seeded.second],
        [seeded.first, seeded.third, seeded.pdf, seeded.second],
    ] {
        app.press("\u{E007}").await;
        app.until(
            "the photo moved up by keyboard",
            || source_ids(&app),
            |got: &Vec<String>| got == &ids(&expected),
        )
        .await;
    }

    app.choose("[data-testid='upload-limit']", "2000000").await;
    app.click("[data-testid='upload-make']").await;
    let summary = app.text_of("[data-testid='upload-summary']").await;
    assert!(summary.starts_with("5 pages, "), "{summary}");
    assert!(summary.contains("(limit 2 MB)"), "{summary}");
    app.screenshot("documents-selection-made").await;
    app.click("[data-testid='upload-save']").await;
    app.eventually("the copy is saved", || async { saved.exists() })
        .await;
    let size = std::fs::metadata(&saved).unwrap().len();
    assert!(size <= 2_000_000, "{size} bytes");
    assert_eq!(
        checked_pages(saved.to_str().unwrap()),
        3 + 2,
        "three photos and the PDF's two pages"
    );
    app.click("[data-testid='upload-close']").await;
    // The made file is in the vault: the list shows it beside its sources.
    let listed = app
        .until(
            "the made file listed among the documents",
            || {
                app.read_all("[data-testid='document-row']", |e| async move {
                    e.attr("data-id").await.map(Option::unwrap_or_default)
                })
            },
            |rows: &Vec<String>| rows.len() == 5,
        )
        .await;
    let made: u32 = listed
        .iter()
        .map(|id| id.parse().unwrap())
        .find(|id| !ticked.contains(id))
        .expect("a row that is none of the sources");
    app.close().await;

    let store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
    let file = made_file(&store, made).unwrap();
    assert_eq!(
        file.source_ids,
        [seeded.first, seeded.third, seeded.pdf, seeded.second],
        "made in the order chosen"
    );
    assert_eq!(file.application_id, None);
    assert_eq!(file.limit_bytes, 2_000_000);
}

/// The selection in Arabic, mirrored: two documents ticked are counted in the dual, and the
/// dialog starts from them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_selection_in_arabic_is_counted_in_the_dual() {
    let data = tempfile::tempdir().unwrap();
    let seeded = seed(data.path());
    let mut launch = Launch::new(data.path());
    for (name, value) in [
        ("LANG", "ar_EG.UTF-8"),
        ("LANGUAGE", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
    ] {
        launch.env.push((name.into(), value.into()));
    }
    let app = App::launch(launch).await;

    app.open_view("documents").await;
    assert_eq!(app.attr_of("html", "dir").await.as_deref(), Some("rtl"));
    for id in [seeded.pdf, seeded.first] {
        app.click(&format!("[data-testid='document-pick'][data-id='{id}']"))
            .await;
    }
    app.text_until(
        "[data-testid='documents-make-pdf']",
        "the button counts two documents in the dual",
        |text| text.contains("المستندَين المحددَين"),
    )
    .await;
    app.screenshot("documents-selected-ar").await;
    app.click("[data-testid='documents-make-pdf']").await;
    app.wait_for("[data-testid='upload-dialog']").await;
    let expected = [seeded.pdf, seeded.first].map(|id| id.to_string());
    app.until(
        "the dialog starts from the two ticked",
        || source_ids(&app),
        |got: &Vec<String>| got == &expected,
    )
    .await;
    app.screenshot("documents-selection-ar").await;
    app.close().await;
}

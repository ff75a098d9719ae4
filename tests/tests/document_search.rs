//! The vault's list on a long history in the real window: searched by words (accents aside),
//! narrowed by kind, country and standing with the matching count read each time, a clear
//! "nothing matches"; only the rows on screen drawn, yet every row reached by keyboard; and the
//! rows still laid out right to left in Arabic.

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use dossier_core::store::Store;
use dossier_core::vault::{self, DocumentKind, DocumentMetadata, ImportOptions, Vault};
use dossier_e2e::{App, Launch};

/// Scans filed over the years, the newest first in the list, plus four the test looks for.
const FILLERS: u32 = 236;
const TOTAL: u32 = FILLERS + 4;

struct Seeded<'a> {
    title: &'a str,
    kind: DocumentKind,
    country: Option<&'a str>,
    issued_on: Option<&'a str>,
    expires_on: Option<&'a str>,
}

fn seed_vault(data_dir: &Path) {
    let mut store = Store::open(&data_dir.join("dossier.db")).unwrap();
    let vault = Vault::open(data_dir).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut add = |n: u32, seeded: &Seeded<'_>| {
        let at =
            Utc.with_ymd_and_hms(2020, 1, 1, 9, 0, 0).unwrap() + chrono::Duration::hours(n.into());
        let bytes = format!("%PDF-1.4\n% scan {n}\n");
        let imported = vault
            .import_reader(
                &mut store,
                &mut bytes.as_bytes(),
                &format!("scan-{n:04}.pdf"),
                &ImportOptions {
                    kind: seeded.kind,
                    supersedes: None,
                },
                at,
            )
            .unwrap_or_else(|e| panic!("seed document {n}: {e}"));
        let date = |d: Option<&str>| d.map(|d| d.parse().unwrap());
        vault::update_metadata(
            &mut store,
            imported.document.id,
            &DocumentMetadata {
                title: seeded.title.into(),
                kind: seeded.kind,
                issued_on: date(seeded.issued_on),
                expires_on: date(seeded.expires_on),
                issuing_country: seeded.country.map(Into::into),
                proves: None,
                notes: String::new(),
                supersedes: None,
            },
            today,
        )
        .unwrap_or_else(|e| panic!("seed metadata {n}: {e}"));
    };
    for n in 0..FILLERS {
        let title = format!("Payslip {:04}", n + 1);
        add(
            n,
            &Seeded {
                title: &title,
                kind: DocumentKind::ProofOfEmployment,
                country: None,
                issued_on: None,
                expires_on: None,
            },
        );
    }
    let named = [
        Seeded {
            // Four months before the test clock: stale.
            title: "Casier judiciaire",
            kind: DocumentKind::CriminalRecord,
            country: Some("FR"),
            issued_on: Some("2026-07-22"),
            expires_on: None,
        },
        Seeded {
            title: "Casier judiciaire (Allemagne)",
            kind: DocumentKind::CriminalRecord,
            country: Some("DE"),
            issued_on: Some("2026-10-01"),
            expires_on: None,
        },
        Seeded {
            title: "Attestation d'emploi Montréal",
            kind: DocumentKind::ProofOfEmployment,
            country: Some("CA"),
            issued_on: Some("2024-03-01"),
            expires_on: None,
        },
        Seeded {
            title: "Passeport",
            kind: DocumentKind::Identity,
            country: Some("FR"),
            issued_on: Some("2016-10-01"),
            expires_on: Some("2026-10-01"),
        },
    ];
    for (i, seeded) in named.iter().enumerate() {
        add(FILLERS + i as u32, seeded);
    }
}

/// Waits until the list answers the words `text` (the page says so on its results, and that
/// it is not awaiting another answer), then reads the count it shows.
async fn count_once_answered(app: &App, text: &str, expected: &str) -> String {
    app.eventually(&format!("the list answers “{text}”"), || async {
        app.attr_of("[data-testid='document-results']", "data-answered-text")
            .await
            .as_deref()
            == Some(text)
            && app
                .attr_of("[data-testid='document-results']", "aria-busy")
                .await
                .as_deref()
                == Some("false")
    })
    .await;
    app.text_until(
        "[data-testid='document-count']",
        &format!("the count says {expected}"),
        |count| count == expected,
    )
    .await
}

async fn titles(app: &App) -> Vec<String> {
    app.texts_of_all("[data-testid='document-title']").await
}

/// The row index and title of the focused element, if it is in a document row: the row's link,
/// or the check box that picks the row for one PDF (Tab reaches it first).
async fn focused_row(app: &App) -> (Option<u64>, String) {
    let seen = app
        .client
        .execute(
            "const row = document.activeElement.closest('[data-index]');
             const title = row && row.querySelector('[data-testid=document-title]');
             return title ? [Number(row.dataset.index), title.textContent] : [null, ''];",
            vec![],
        )
        .await
        .expect("read the focus");
    (
        seen[0].as_u64(),
        seen[1].as_str().unwrap_or_default().to_string(),
    )
}

async fn press_until_focused(app: &App, key: &str, index: u64) -> String {
    app.press(key).await;
    app.until(
        &format!("row {index} has the focus"),
        || focused_row(app),
        |(at, _)| *at == Some(index),
    )
    .await
    .1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_vault_is_searched_filtered_and_walked_by_keyboard() {
    let data = tempfile::tempdir().unwrap();
    seed_vault(data.path());
    let app = App::launch(Launch::new(data.path())).await;
    app.open_view("documents").await;
    let all = format!("{TOTAL} documents");
    count_once_answered(&app, "", &all).await;

    // Only what is on screen is drawn, newest first.
    let drawn = titles(&app).await;
    assert!(
        !drawn.is_empty() && drawn.len() < 60,
        "{} of {TOTAL} rows drawn",
        drawn.len()
    );
    assert_eq!(drawn[0], "Passeport");
    app.screenshot("document-search-long").await;

    // Words, accents aside, from the title; more words narrow further.
    app.fill("[data-testid='document-search']", "casier").await;
    count_once_answered(&app, "casier", "2 documents match").await;
    assert_eq!(
        titles(&app).await,
        ["Casier judiciaire (Allemagne)", "Casier judiciaire"]
    );
    app.fill("[data-testid='document-search']", "montreal")
        .await;
    count_once_answered(&app, "montreal", "1 document matches").await;
    assert_eq!(titles(&app).await, ["Attestation d'emploi Montréal"]);

    // The kind, then the country; words on top of them that match nothing there say so.
    app.fill("[data-testid='document-search']", "").await;
    count_once_answered(&app, "", &all).await;
    app.choose("[data-testid='filter-kind']", "criminal_record")
        .await;
    count_once_answered(&app, "", "2 documents match").await;
    assert_eq!(
        titles(&app).await,
        ["Casier judiciaire (Allemagne)", "Casier judiciaire"]
    );
    app.choose("[data-testid='filter-country']", "DE").await;
    count_once_answered(&app, "", "1 document matches").await;
    assert_eq!(titles(&app).await, ["Casier judiciaire (Allemagne)"]);
    app.screenshot("document-search-filtered").await;
    app.fill("[data-testid='document-search']", "passeport")
        .await;
    count_once_answered(&app, "passeport", "0 documents match").await;
    let none = app.text_of("[data-testid='no-documents']").await;
    assert!(none.contains("No document matches"), "{none}");

    // Clearing brings every document back; out of date alone finds the stale certificate and
    // the expired passport.
    app.click("[data-testid='clear-document-filters']").await;
    app.until(
        "the search field is emptied",
        || app.value_of("[data-testid='document-search']"),
        |value| value.is_empty(),
    )
    .await;
    count_once_answered(&app, "", &all).await;
    app.click("[data-testid='filter-out-of-date']").await;
    count_once_answered(&app, "", "2 documents match").await;
    assert_eq!(titles(&app).await, ["Passeport", "Casier judiciaire"]);
    app.click("[data-testid='filter-out-of-date']").await;
    count_once_answered(&app, "", &all).await;

    // By keyboard: the arrows step, Tab moves on as before, End reaches the oldest row, which
    // was never drawn until then, and Home comes back; the count stays in view.
    app.client
        .execute(
            "document.querySelector('[data-testid=document-row][data-index=\"0\"]').focus();",
            vec![],
        )
        .await
        .expect("focus the first row");
    app.until(
        "the first row has the focus",
        || focused_row(&app),
        |(at, _)| *at == Some(0),
    )
    .await;
    press_until_focused(&app, "\u{E015}", 1).await; // ArrowDown
    press_until_focused(&app, "\u{E004}", 2).await; // Tab
    press_until_focused(&app, "\u{E013}", 1).await; // ArrowUp
    let last = press_until_focused(&app, "\u{E010}", u64::from(TOTAL) - 1).await; // End
    assert_eq!(last, "Payslip 0001");
    assert_eq!(app.text_of("[data-testid='document-count']").await, all);
    app.screenshot("document-search-end").await;
    let first = press_until_focused(&app, "\u{E011}", 0).await; // Home
    assert_eq!(first, "Passeport");

    // Right to left in Arabic: each row's thumbnail stands at its start, on the right.
    app.open_view("settings").await;
    app.choose("[data-testid='language-choice']", "ar").await;
    app.eventually("the window is right to left", || async {
        app.attr_of("html", "dir").await.as_deref() == Some("rtl")
    })
    .await;
    app.open_view("documents").await;
    app.wait_for("[data-testid='document-row']").await;
    let sides = app
        .client
        .execute(
            "const row = document.querySelector('[data-testid=document-row]');
             const thumb = row.firstElementChild.getBoundingClientRect();
             const title = row.querySelector('[data-testid=document-title]').getBoundingClientRect();
             return [thumb.left, title.right];",
            vec![],
        )
        .await
        .expect("read the row's layout");
    assert!(
        sides[0].as_f64() >= sides[1].as_f64(),
        "the thumbnail is right of the title: {sides}"
    );
    app.screenshot("document-search-rtl").await;
    app.close().await;
}

//! A long history: the vacancy list, the applications board and the vault list hold every row
//! and card, say how many, and draw only those on screen. The last vacancy is reached by
//! scrolling and by the keyboard and opened; a card moved by keyboard into the far end of a long
//! lane keeps the focus there; the oldest document, pages away, by scrolling and by End.

use chrono::{Duration, NaiveDate};
use dossier_core::applications::{self, EventInput, Stage};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use dossier_e2e::{App, Launch, seed};
use std::path::Path;

const ENTER: &str = "\u{E007}";
const ARROW_DOWN: &str = "\u{E015}";
const END: &str = "\u{E010}";
const HOME: &str = "\u{E011}";

/// More vacancies than several pages of the list (200 rows each).
const VACANCIES: u32 = 800;
const SHORTLISTED: u32 = 240;
const SUBMITTED: u32 = 60;

/// More documents than two pages of the vault list (200 rows each).
const DOCUMENTS: u32 = 450;

/// Document `i` is filed an hour after document `i - 1`: the list (newest first) ends with
/// the first, "scan-0000.pdf".
fn seed_documents(data: &Path) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let vault = Vault::open(data).unwrap();
    let first: chrono::DateTime<chrono::Utc> = "2025-01-01T09:00:00Z".parse().unwrap();
    for i in 0..DOCUMENTS {
        vault
            .import_reader(
                &mut store,
                &mut format!("%PDF-1.4\n% scan {i}\n").as_bytes(),
                &format!("scan-{i:04}.pdf"),
                &ImportOptions {
                    kind: DocumentKind::Other,
                    supersedes: None,
                },
                first + Duration::hours(i64::from(i)),
            )
            .unwrap_or_else(|e| panic!("seed document {i}: {e}"));
    }
}

/// The focused document row's place in the list, if a document row has the focus.
async fn focused_document(app: &App) -> Option<u64> {
    app.client
        .execute(
            "const row = document.activeElement?.closest('[data-testid=document-row]');
             return row ? Number(row.dataset.index) : null;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_u64())
}

fn title(i: u32) -> String {
    format!("Analyst post {i:04}")
}

/// Vacancy `i` closes `i` days after the first: the list (soonest deadline first) shows them
/// in the order they were made, so the last vacancy is the last row. Returns the id of the
/// application that is moved (at Submitted, the most recently changed there).
fn seed_history(data: &Path) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let first_deadline: NaiveDate = "2026-12-01".parse().unwrap();
    let ids: Vec<u32> = (0..VACANCIES)
        .map(|i| {
            let input = VacancyInput {
                duty_station: Some("Lyon, France".into()),
                duty_zone: Some("Europe/Paris".into()),
                grade: Some("5".into()),
                deadline: Some(Deadline {
                    date: first_deadline + Duration::days(i64::from(i)),
                    time: None,
                    zone: "Europe/Paris".into(),
                }),
                ..seed::vacancy_input(
                    Platform::RecruitmentHub,
                    &format!("{}", 3000 + i),
                    &title(i),
                )
            };
            seed::vacancy(&mut store, input, "2026-11-01T09:00:00Z".parse().unwrap())
        })
        .collect();
    let mut moved = 0;
    for (n, &vacancy) in ids
        .iter()
        .take((SHORTLISTED + SUBMITTED) as usize)
        .enumerate()
    {
        let id = seed::application(
            &mut store,
            vacancy,
            Stage::Submitted,
            "2026-11-05",
            "2026-11-05T09:00:00Z".parse().unwrap(),
        );
        if (n as u32) < SHORTLISTED {
            applications::record_event(
                &mut store,
                id,
                &EventInput {
                    stage: Stage::Shortlisted,
                    date: "2026-11-10".parse().unwrap(),
                    time: None,
                    zone: None,
                    note: String::new(),
                },
                "2026-11-10T09:00:00Z".parse().unwrap(),
            )
            .unwrap();
        }
        moved = id;
    }
    moved
}

/// The number a count shows, whatever the digits are grouped with.
fn number_in(text: &str) -> u32 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

async fn count_of(app: &App, css: &str) -> usize {
    app.client
        .execute(
            "return document.querySelectorAll(arguments[0]).length;",
            vec![css.into()],
        )
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(0) as usize
}

/// The focused vacancy row's place in the list and its title, or what has the focus instead.
async fn focused_row(app: &App) -> (String, String) {
    let seen = app
        .client
        .execute(
            "const e = document.activeElement;
             const row = e?.closest('[data-testid=vacancy-row]');
             return row ? [row.dataset.index, e.textContent.trim()] : [e?.tagName ?? 'none', ''];",
            vec![],
        )
        .await
        .expect("read the focus");
    let pair = seen.as_array().cloned().unwrap_or_default();
    let text = |i: usize| {
        pair.get(i)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    (text(0), text(1))
}

fn card(id: u32) -> String {
    format!("[data-testid='board-card'][data-application='{id}']")
}

async fn focused_card(app: &App) -> Option<String> {
    app.client
        .execute(
            "const card = document.activeElement?.closest('[data-testid=board-card]');
             return card ? `${card.dataset.application}@${card.closest('[data-lane]').dataset.lane}` : null;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_vacancy_and_card_is_reachable_and_only_those_on_screen_are_drawn() {
    let data = tempfile::tempdir().unwrap();
    let moved = seed_history(data.path());
    seed_documents(data.path());
    let app = App::launch(Launch::new(data.path())).await;

    // The list says how many there are, and draws a screenful of them.
    app.open_view("vacancies").await;
    app.wait_for("[data-testid='vacancy-results'][aria-busy='false'] [data-testid='vacancy-row']")
        .await;
    let count = app
        .text_until(
            "[data-testid='vacancy-count']",
            "the list counts every vacancy",
            |text| number_in(text) == VACANCIES,
        )
        .await;
    let drawn = count_of(&app, "[data-testid='vacancy-row']").await;
    assert!(
        drawn > 0 && drawn * 10 < VACANCIES as usize,
        "{count}: {drawn} rows drawn, far fewer than all"
    );
    app.screenshot("long-lists-vacancies").await;

    // Scrolled to the end, the last row comes (its page asked for as it comes into view).
    let last = VACANCIES - 1;
    app.client
        .execute(
            "const box = document.querySelector('[data-testid=vacancy-scroller]');
             box.scrollTop = box.scrollHeight;",
            vec![],
        )
        .await
        .expect("scroll the list");
    let shown = app
        .text_of(&format!(
            "[data-testid='vacancy-row'][data-index='{last}'] a.title"
        ))
        .await;
    assert_eq!(shown, title(last));
    assert!(count_of(&app, "[data-testid='vacancy-row']").await * 10 < VACANCIES as usize);
    app.screenshot("long-lists-vacancies-end").await;

    // By keyboard: Home goes back to the first row, End to the last, and Enter opens it.
    app.client
        .execute(
            "document.querySelector('[data-testid=vacancy-row] a.title').focus();",
            vec![],
        )
        .await
        .expect("focus a row");
    app.press(HOME).await;
    app.until(
        "Home focuses the first vacancy",
        || focused_row(&app),
        |(index, text)| index == "0" && *text == title(0),
    )
    .await;
    app.press(ARROW_DOWN).await;
    app.until(
        "the arrow goes to the next vacancy",
        || focused_row(&app),
        |(index, _)| index == "1",
    )
    .await;
    app.press(END).await;
    app.until(
        "End focuses the last vacancy",
        || focused_row(&app),
        |(index, text)| *index == last.to_string() && *text == title(last),
    )
    .await;
    app.press(ENTER).await;
    app.text_until("#page-title", "the last vacancy opens", |text| {
        text == title(last)
    })
    .await;

    // The board: each lane counts all its cards and draws a few.
    app.open_view("applications").await;
    let selection = "[data-testid='board-lane'][data-lane='selection']";
    app.text_until(
        &format!("{selection} h2 .count"),
        "the selection lane counts every card",
        |text| number_in(text) == SHORTLISTED,
    )
    .await;
    app.text_until(
        "[data-testid='board-lane'][data-lane='submitted'] h2 .count",
        "the submitted lane counts every card",
        |text| number_in(text) == SUBMITTED,
    )
    .await;
    let cards = count_of(&app, &format!("{selection} [data-testid='board-card']")).await;
    assert!(
        cards > 0 && cards * 4 < SHORTLISTED as usize,
        "{cards} cards drawn in a lane of {SHORTLISTED}"
    );
    app.screenshot("long-lists-board").await;

    // A card moved to Interview lands after the 240 shortlisted ones, far below the lane's
    // fold: it is drawn, scrolled to, and keeps the focus.
    let trigger = format!("{} [data-testid='board-move']", card(moved));
    app.wait_for(&trigger)
        .await
        .send_keys(ENTER)
        .await
        .expect("open the card's menu with Enter");
    app.wait_for("[data-testid='board-move-to']").await;
    app.until(
        "the menu reaches Interview",
        || async {
            let on = app
                .attr_of(
                    "[data-testid='board-move-to'][data-highlighted]",
                    "data-stage",
                )
                .await;
            if on.as_deref() != Some("interview") {
                app.press(ARROW_DOWN).await;
            }
            on
        },
        |on| on.as_deref() == Some("interview"),
    )
    .await;
    app.press(ENTER).await;
    app.until(
        "the moved card keeps the focus in its new lane",
        || async {
            (
                focused_card(&app).await,
                app.attr_of(&card(moved), "data-stage").await,
            )
        },
        |(on, stage)| {
            on.as_deref() == Some(format!("{moved}@selection").as_str())
                && stage.as_deref() == Some("interview")
        },
    )
    .await;
    app.text_until(
        &format!("{selection} h2 .count"),
        "the lane counts the card it gained",
        |text| number_in(text) == SHORTLISTED + 1,
    )
    .await;
    app.until(
        "the moved card is scrolled into its lane's view",
        || async {
            app.client
                .execute(
                    "const e = document.activeElement;
                     const card = e?.closest('[data-testid=board-card]');
                     if (!card) return `focus on ${e?.tagName} ${e?.className}`;
                     const lane = card.closest('.cards').getBoundingClientRect();
                     const at = card.getBoundingClientRect();
                     return at.top >= lane.top - 1 && at.bottom <= lane.bottom + 1
                       ? 'in view' : `at ${at.top}..${at.bottom} in ${lane.top}..${lane.bottom}`;",
                    vec![],
                )
                .await
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .unwrap_or_default()
        },
        |seen| seen == "in view",
    )
    .await;
    assert!(
        count_of(&app, &format!("{selection} [data-testid='board-card']")).await * 4
            < SHORTLISTED as usize
    );
    app.screenshot("long-lists-board-moved").await;

    // The table draws a screenful of its rows too.
    app.click("[data-testid='show-table']").await;
    app.wait_for("[data-testid='application-row']").await;
    let rows = count_of(&app, "[data-testid='application-row']").await;
    assert!(
        rows > 0 && rows * 4 < (SHORTLISTED + SUBMITTED) as usize,
        "{rows} table rows drawn of {}",
        SHORTLISTED + SUBMITTED
    );
    app.screenshot("long-lists-table").await;

    // The vault: the count of every document, a screenful drawn, the oldest (pages away)
    // reached by scrolling to the end and by End.
    app.open_view("documents").await;
    app.wait_for(
        "[data-testid='document-results'][aria-busy='false'] [data-testid='document-row']",
    )
    .await;
    app.text_until(
        "[data-testid='document-count']",
        "the vault list counts every document",
        |text| number_in(text) == DOCUMENTS,
    )
    .await;
    let drawn = count_of(&app, "[data-testid='document-row']").await;
    assert!(
        drawn > 0 && drawn * 10 < DOCUMENTS as usize,
        "{drawn} document rows drawn of {DOCUMENTS}"
    );
    let oldest = DOCUMENTS - 1;
    app.client
        .execute(
            "const box = document.querySelector('[data-testid=document-list]');
             box.scrollTop = box.scrollHeight;",
            vec![],
        )
        .await
        .expect("scroll the vault list");
    let shown = app
        .text_of(&format!(
            "[data-testid='document-row'][data-index='{oldest}'] [data-testid='document-title']"
        ))
        .await;
    assert!(shown.contains("0000"), "the oldest document last: {shown}");
    assert!(count_of(&app, "[data-testid='document-row']").await * 10 < DOCUMENTS as usize);
    app.screenshot("long-lists-documents-end").await;
    app.client
        .execute(
            "const box = document.querySelector('[data-testid=document-list]');
             box.scrollTop = 0;",
            vec![],
        )
        .await
        .expect("scroll the vault list back");
    app.client
        .execute(
            "document.querySelector('[data-testid=document-row][data-index=\"0\"]').focus();",
            vec![],
        )
        .await
        .expect("focus the first document");
    app.until(
        "the first document has the focus",
        || focused_document(&app),
        |at| *at == Some(0),
    )
    .await;
    app.press(END).await;
    app.until(
        "End focuses the oldest document",
        || focused_document(&app),
        |at| *at == Some(u64::from(oldest)),
    )
    .await;
    app.press(HOME).await;
    app.until(
        "Home focuses the newest document",
        || focused_document(&app),
        |at| *at == Some(0),
    )
    .await;
    app.close().await;
}

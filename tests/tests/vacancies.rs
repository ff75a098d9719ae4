//! Vacancies in the real window: a Recruitment Hub notice pasted, a Talentlink notice opened from
//! a saved page, both found by search and filter and counted down in the duty station's time;
//! duplicates, bad pastes and markup in a title.

use dossier_e2e::{App, Launch, workspace_root};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(name)
}

fn in_zone(launch: &mut Launch, zone: &str) {
    launch.env.push(("TZ".into(), zone.into()));
}

/// Whether `text` shows the time `hh:mm` in either the 24-hour or the 12-hour style: the app
/// follows the desktop's regional settings, which differ between machines.
fn shows_time(text: &str, hour: u32, minute: u32) -> bool {
    let twelve = match hour % 12 {
        0 => 12,
        h => h,
    };
    let suffix = if hour < 12 { "AM" } else { "PM" };
    text.contains(&format!("{hour:02}:{minute:02}"))
        || text.contains(&format!("{twelve}:{minute:02}\u{202f}{suffix}"))
        || text.contains(&format!("{twelve}:{minute:02} {suffix}"))
}

async fn add_from_paste(app: &App, text: &str) {
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.fill("[data-testid='notice-paste']", text).await;
    app.click("[data-testid='read-notice']").await;
}

async fn search(app: &App, text: &str) -> Vec<String> {
    app.fill("[data-testid='vacancy-search']", text).await;
    app.wait_for(&format!(
        "[data-testid='vacancy-results'][aria-busy='false'][data-answered-text='{text}']"
    ))
    .await;
    settle(app).await
}

/// The list's titles once it has answered the last query (a filter change marks it busy at
/// once, before its answer is asked for).
async fn settle(app: &App) -> Vec<String> {
    app.wait_for("[data-testid='vacancy-results'][aria-busy='false']")
        .await;
    app.texts_of_all("[data-testid='vacancy-row'] a").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_recruitment_hub_notice_is_saved_found_and_counted_down() {
    let data = tempfile::tempdir().unwrap();
    let opened = data.path().join("opened.txt");
    let mut launch = Launch::new(data.path());
    launch.opened_log = Some(opened.clone());
    in_zone(&mut launch, "Asia/Singapore");
    let app = App::launch(launch).await;
    let notice = std::fs::read_to_string(fixture("recruitment-hub-1503.txt")).unwrap();

    // Bad pastes are refused plainly and nothing is saved.
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='read-notice']").await;
    assert!(
        app.text_of("[data-testid='capture-error']")
            .await
            .contains("Nothing was pasted")
    );
    app.fill(
        "[data-testid='notice-paste']",
        "milk, eggs, bread\nremember to call mum",
    )
    .await;
    app.click("[data-testid='read-notice']").await;
    app.eventually("the meaningless paste is refused", || async {
        app.text_of("[data-testid='capture-error']")
            .await
            .contains("does not look like a vacancy notice")
    })
    .await;

    // The draft is filled from the notice, then checked and completed by the candidate.
    app.fill("[data-testid='notice-paste']", &notice).await;
    app.click("[data-testid='read-notice']").await;
    app.wait_for("[data-testid='vacancy-form']").await;
    assert_eq!(
        app.value_of("select[name='platform']").await,
        "recruitment_hub"
    );
    assert_eq!(app.value_of("input[name='reference']").await, "1503");
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Criminal Intelligence Analyst"
    );
    assert_eq!(
        app.value_of("select[name='contractKind']").await,
        "fixed_term"
    );
    assert_eq!(app.value_of("input[name='grade']").await, "6");
    assert_eq!(
        app.date_of("input[name='deadlineDate']").await,
        "2026-11-25"
    );
    assert_eq!(app.value_of("input[name='deadlineTime']").await, "");
    assert_eq!(app.value_of("input[name='dutyZone']").await, "Europe/Paris");
    app.fill(
        "input[name='noticeUrl']",
        "https://careers.interpol.int/job/1503",
    )
    .await;
    app.fill(
        "textarea[name='notes']",
        "Ask Marie about the analysis team",
    )
    .await;
    app.screenshot("vacancy-draft").await;
    app.click("[data-testid='save-vacancy']").await;

    // The detail counts down to 23:59 in Lyon, shown in Singapore time too.
    app.eventually("the saved vacancy opens", || async {
        app.text_of("main h1").await == "Criminal Intelligence Analyst"
    })
    .await;
    let there = app.text_of("[data-testid='closes-there']").await;
    assert!(
        there.contains("25") && shows_time(&there, 23, 59) && there.contains("Lyon"),
        "{there}"
    );
    let here = app.text_of("[data-testid='closes-here']").await;
    assert!(
        shows_time(&here, 6, 59) && here.contains("26") && here.contains("Asia/Singapore"),
        "{here}"
    );
    // 2026-11-22 09:00 UTC to 2026-11-25 22:59 UTC.
    assert_eq!(
        app.text_of("[data-testid='deadline-card'] [data-testid='countdown']")
            .await,
        // 3 d 13 h 59 min: nearest whole day, as the reminders say it.
        "in 4 days"
    );
    app.screenshot("vacancy-detail").await;
    app.click("[data-testid='open-notice']").await;
    app.eventually("the notice address is handed to the browser", || async {
        std::fs::read_to_string(&opened).unwrap_or_default().trim()
            == "https://careers.interpol.int/job/1503"
    })
    .await;

    // A vacancy typed by hand, whose title is markup: shown as text, never run.
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='enter-by-hand']").await;
    app.choose("select[name='platform']", "talentlink").await;
    app.fill("input[name='reference']", "X-1").await;
    app.fill("input[name='title']", "<img src=x onerror=alert(1)>")
        .await;
    app.click("[data-testid='save-vacancy']").await;
    app.eventually("the hand-typed vacancy opens", || async {
        app.text_of("main h1").await == "<img src=x onerror=alert(1)>"
    })
    .await;
    app.assert_absent("main img", "the title is shown as text")
        .await;

    // Search and filters.
    app.open_view("vacancies").await;
    app.wait_for("[data-testid='platform-note']").await;
    assert_eq!(
        settle(&app).await,
        [
            "Criminal Intelligence Analyst",
            "<img src=x onerror=alert(1)>"
        ]
    );
    app.assert_absent(
        "[data-testid='vacancy-table'] img",
        "the title is listed as text",
    )
    .await;
    assert_eq!(
        search(&app, "analy").await,
        ["Criminal Intelligence Analyst"]
    );
    assert_eq!(
        search(&app, "marie").await,
        ["Criminal Intelligence Analyst"]
    );
    assert!(search(&app, "zzzz").await.is_empty());
    app.wait_for("[data-testid='no-match']").await;
    search(&app, "").await;
    app.choose("[data-testid='filter-platform']", "talentlink")
        .await;
    assert_eq!(settle(&app).await, ["<img src=x onerror=alert(1)>"]);
    app.choose("[data-testid='filter-platform']", "recruitment_hub")
        .await;
    app.choose("[data-testid='filter-window']", "next7_days")
        .await;
    assert_eq!(settle(&app).await, ["Criminal Intelligence Analyst"]);
    app.screenshot("vacancies-list").await;

    // The note on the two platforms stays away once dismissed.
    app.click("[data-testid='dismiss-note']").await;
    app.open_view("dashboard").await;
    app.open_view("vacancies").await;
    settle(&app).await;
    app.wait_for("[data-testid='platform-note-slot'][aria-busy='false']")
        .await;
    app.assert_absent(
        "[data-testid='platform-note']",
        "the dismissed note stays away",
    )
    .await;

    // Saving the same notice again offers the one already kept.
    add_from_paste(&app, &notice).await;
    app.wait_for("[data-testid='vacancy-form']").await;
    app.click("[data-testid='save-vacancy']").await;
    let dialog = app.text_of("[data-testid='duplicate-dialog']").await;
    assert!(dialog.contains("Criminal Intelligence Analyst"), "{dialog}");
    app.click("[data-testid='duplicate-dialog'] [data-testid='confirm']")
        .await;
    app.eventually("the existing vacancy opens", || async {
        app.text_of("main h1").await == "Criminal Intelligence Analyst"
    })
    .await;
    app.open_view("vacancies").await;
    assert_eq!(settle(&app).await.len(), 2, "nothing was saved twice");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_talentlink_notice_opened_from_a_saved_page_is_read_in_singapore_time() {
    let data = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    launch.open_paths = Some(vec![fixture("talentlink-INT04606.html")]);
    in_zone(&mut launch, "Europe/Paris");
    let app = App::launch(launch).await;

    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='open-notice-file']").await;
    app.wait_for("[data-testid='vacancy-form']").await;
    assert_eq!(app.value_of("select[name='platform']").await, "talentlink");
    assert_eq!(app.value_of("input[name='reference']").await, "INT04606");
    assert_eq!(
        app.value_of("input[name='title']").await,
        "Specialized Officer (Cybercrime)"
    );
    assert_eq!(
        app.value_of("select[name='contractKind']").await,
        "secondment"
    );
    assert_eq!(
        app.value_of("select[name='securityScreening']").await,
        "enhanced"
    );
    assert_eq!(
        app.date_of("input[name='deadlineDate']").await,
        "2026-12-12"
    );
    assert_eq!(
        app.value_of("input[name='dutyZone']").await,
        "Asia/Singapore"
    );
    let captured = app.value_of("textarea[name='noticeText']").await;
    assert!(
        captured.contains("INT04606") && !captured.contains("<p>") && !captured.contains("alert"),
        "{captured}"
    );
    app.click("[data-testid='save-vacancy']").await;

    app.eventually("the saved vacancy opens", || async {
        app.text_of("main h1").await == "Specialized Officer (Cybercrime)"
    })
    .await;
    let there = app.text_of("[data-testid='closes-there']").await;
    assert!(
        there.contains("12") && shows_time(&there, 23, 59) && there.contains("Singapore"),
        "{there}"
    );
    let here = app.text_of("[data-testid='closes-here']").await;
    assert!(
        shows_time(&here, 16, 59) && here.contains("Europe/Paris"),
        "{here}"
    );
    // 2026-11-22 09:00 UTC to 2026-12-12 15:59 UTC.
    assert_eq!(
        app.text_of("[data-testid='deadline-card'] [data-testid='countdown']")
            .await,
        "in 20 days"
    );
    // A seconded post: applied for through the national administration and the NCB, not on
    // the platform that publishes the notice.
    let apply = app.text_of("[data-testid='apply-on']").await;
    assert!(
        apply.contains("Apply through your national administration")
            && apply.contains("National Central Bureau")
            && apply.contains("written agreement")
            && apply.contains("published on Talentlink")
            && !apply.contains("Apply on Talentlink"),
        "{apply}"
    );

    app.open_view("vacancies").await;
    assert_eq!(
        search(&app, "cybercrime").await,
        ["Specialized Officer (Cybercrime)"]
    );
    search(&app, "").await;
    app.choose("[data-testid='filter-station']", "Singapore")
        .await;
    assert_eq!(settle(&app).await, ["Specialized Officer (Cybercrime)"]);
    app.choose("[data-testid='filter-window']", "next7_days")
        .await;
    assert!(settle(&app).await.is_empty());
    app.choose("[data-testid='filter-window']", "next30_days")
        .await;
    assert_eq!(settle(&app).await, ["Specialized Officer (Cybercrime)"]);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_notice_file_over_one_megabyte_is_refused_and_nothing_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let huge = data.path().join("huge notice.txt");
    std::fs::write(
        &huge,
        "Deadline for application: 25 November 2026\n".repeat(30_000),
    )
    .unwrap();
    let mut launch = Launch::new(data.path());
    launch.open_paths = Some(vec![huge]);
    let app = App::launch(launch).await;
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='open-notice-file']").await;
    let message = app.text_of("[data-testid='batch-refused']").await;
    assert!(
        message.contains("huge notice.txt") && message.contains("over 1 MB"),
        "{message}"
    );
    app.assert_absent(
        "[data-testid='vacancy-form']",
        "no draft from a refused file",
    )
    .await;
    app.close().await;
    let store = dossier_core::store::Store::open(&data.path().join("dossier.db")).unwrap();
    assert_eq!(store.overview().unwrap().vacancies, 0);
}

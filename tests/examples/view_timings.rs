//! How long the long-history views take to show their content in the real window, measured in
//! the page: from the click (sidebar link or the board's Table button) to two animation frames
//! after what the view shows is in the page. A rough figure for issue 21, taken through the
//! end-to-end harness.
//!
//! DOSSIER_E2E_APP=<app with the e2e feature> TAURI_DRIVER=… dbus-run-session … \
//!   cargo run -p dossier-e2e --example view_timings -- <data dir made by generate_history>

use dossier_e2e::{App, Launch};
use std::path::PathBuf;

/// Clicks `click`, waits in the page until `ready` matches, then two frames; gives the time.
const TIMED_CLICK: &str = "const [click, ready, done] = arguments;
    const start = performance.now();
    document.querySelector(click).click();
    const look = () => document.querySelector(ready)
      ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)))
      : requestAnimationFrame(look);
    look();";

async fn timed(app: &App, click: &str, ready: &str) -> f64 {
    app.client
        .execute_async(TIMED_CLICK, vec![click.into(), ready.into()])
        .await
        .unwrap_or_else(|e| panic!("time {click}: {e}"))
        .as_f64()
        .unwrap_or(f64::NAN)
}

fn nav(route: &str) -> String {
    format!("nav a[data-route='{route}']")
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let data: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .expect("usage: view_timings <data dir>");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let mut launch = Launch::new(&data);
    launch.now = chrono::Utc::now().to_rfc3339();
    let app = App::launch(launch).await;
    app.wait_for("main[data-ready='true']").await;
    let mut figures: Vec<(&str, Vec<f64>)> = vec![
        ("vacancies_ms", vec![]),
        ("applications_ms", vec![]),
        ("board_to_table_ms", vec![]),
    ];
    for _ in 0..runs {
        app.open_view("dashboard").await;
        let v = timed(
            &app,
            &nav("vacancies"),
            "[data-testid='vacancy-results'][aria-busy='false'] [data-testid='vacancy-row']",
        )
        .await;
        app.open_view("dashboard").await;
        let a = timed(&app, &nav("applications"), "[data-testid='board-card']").await;
        let t = timed(
            &app,
            "[data-testid='show-table']",
            "[data-testid='application-row']",
        )
        .await;
        figures[0].1.push(v);
        figures[1].1.push(a);
        figures[2].1.push(t);
    }
    let cards = app
        .client
        .execute(
            "return document.querySelectorAll('[data-testid=application-row]').length;",
            vec![],
        )
        .await
        .ok();
    for (name, values) in &figures {
        let shown: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
        println!("{name}={} (each run, ms)", shown.join(","));
    }
    println!("table_rows_drawn={cards:?}");
    app.close().await;
}

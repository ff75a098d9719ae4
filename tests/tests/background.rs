//! Dossier without its window: closed to the tray it hands over to a fresh process of itself
//! that never made a web view (no WebKit process is left), a deadline reminder still arrives
//! (once) and a click on it opens the window again on the vacancy; a second launch hands over
//! to the running Dossier. Where the desktop has no tray, Settings
//! says so and closing quits; starting at login writes and removes the XDG autostart entry.

use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_e2e::background::{Proc, poll, pss_kib};
use dossier_e2e::display::VirtualDisplay;
use dossier_e2e::process::{Guarded, poll_until};
use dossier_e2e::{App, Launch, TrayHost, app_binary, seed};
use std::path::Path;
use std::time::Duration;

const TITLE: &str = "Criminal Intelligence Officer";

/// A vacancy in Lyon closing at the end of 30 November (Paris time): its 7-day reminder is due
/// at 22:59 UTC on the 23rd, after the launch (the 22nd) and before the clock's jump (the 24th).
fn seed_vacancy(data: &Path) -> u32 {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: "2026-11-30".parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(Platform::RecruitmentHub, "1503", TITLE)
    };
    seed::vacancy(&mut store, input, "2026-11-10T09:00:00Z".parse().unwrap())
}

/// Asks the window to close as its close button does (see `unsaved.rs`). The answer is not
/// awaited as proof of anything: callers check what followed.
async fn request_close(app: &App) {
    let _ = app
        .client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('e2e_request_close'); return true;",
            vec![],
        )
        .await;
}

/// The OpenGL driver libraries mapped into process `pid` (Mesa's and the vendors').
fn gl_libraries(pid: u32) -> Vec<String> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    let mut found: Vec<String> = maps
        .lines()
        .filter_map(|l| l.split_whitespace().nth(5))
        .filter(|path| {
            path.contains("/dri/") || path.contains("libGLX_") || path.contains("libLLVM")
        })
        .map(str::to_string)
        .collect();
    found.dedup();
    found
}

fn webkit(processes: &[Proc]) -> Vec<&Proc> {
    processes
        .iter()
        .filter(|p| p.name.starts_with("WebKit"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_to_the_tray_a_reminder_arrives_and_its_click_opens_the_vacancy() {
    let data = tempfile::tempdir().unwrap();
    let vacancy = seed_vacancy(data.path());
    let mut launch = Launch::new(data.path());
    launch.tray = true;
    launch.env.push((
        "DOSSIER_E2E_NOW_AFTER_CLOSE".into(),
        "2026-11-24T10:00:00Z".into(),
    ));
    let mut app = App::launch(launch).await;
    let tray = app.tray.take().expect("a tray host");
    app.eventually(
        "the tray icon registers with the desktop's tray",
        || async { !tray.registered().is_empty() },
    )
    .await;

    // Nothing is due at start; the tray's menu names the reminder that comes next.
    app.wait_for_reminder_passes(1).await;
    assert!(
        app.notifications.received().is_empty(),
        "{:?}",
        app.notifications.received()
    );
    app.eventually("the tray menu names the next reminder", || async {
        app.log_lines("tray.log")
            .iter()
            .any(|l| l.contains("Next reminder") && l.contains(TITLE))
    })
    .await;

    // Settings offers the choice; this desktop has a tray, so there is no note about its lack.
    app.open_view("settings").await;
    let on_close = app.value_of("[data-testid='on-close']").await;
    assert_eq!(on_close, "ask", "not asked yet");
    app.assert_absent("[data-testid='no-tray']", "the desktop has a tray")
        .await;
    app.open_view("dashboard").await;

    // The first close asks, once, what closing should do.
    request_close(&app).await;
    app.wait_for("[data-testid='close-choice-dialog']").await;
    app.screenshot("background-close-choice").await;
    let with_window = app.app_processes();
    assert!(
        !webkit(&with_window).is_empty(),
        "the window runs in WebKit processes: {with_window:?}"
    );
    // GTK is started with its GL switched off for that moment only (see the login start
    // below): the processes Dossier starts get the environment as it was.
    for p in webkit(&with_window) {
        let environ = std::fs::read(format!("/proc/{}/environ", p.pid)).unwrap_or_default();
        assert!(
            !environ
                .split(|&b| b == 0)
                .any(|v| v.starts_with(b"GDK_GL=")),
            "{} {} inherited GDK_GL",
            p.name,
            p.pid
        );
    }
    let first = app.dossier_pids();
    assert_eq!(first.len(), 1, "one Dossier before the close: {first:?}");
    app.click("[data-testid='close-choice-keep']").await;

    // Closed to the tray, Dossier hands over to a fresh process of itself that never made a
    // web view: the first one ends, and no WebKit process is left.
    let mut after_close = Vec::new();
    poll(
        "a fresh Dossier takes over and no WebKit process is left",
        || {
            after_close = app.app_processes();
            let dossiers = app.dossier_pids();
            (dossiers.len() == 1 && dossiers != first && webkit(&after_close).is_empty())
                .then_some(())
        },
    );
    let fresh = app.dossier_pids()[0];
    eprintln!("processes with the window closed to the tray: {after_close:?}");
    for p in &after_close {
        eprintln!("{} {}: {:?} KiB PSS", p.name, p.pid, pss_kib(p.pid));
    }
    let loaded = gl_libraries(fresh);
    assert!(loaded.is_empty(), "GL in the fresh process: {loaded:?}");
    app.eventually("the fresh Dossier's tray icon registers", || async {
        !tray.registered().is_empty()
    })
    .await;

    // The clock moved past the 7-day reminder as the window went: it arrives, once.
    app.eventually("the deadline reminder arrives in the tray", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    // The pass that showed it has ended (nothing else was left to show).
    app.eventually("the pass that showed the reminder has ended", || async {
        app.log_lines("reminder-passes.log")
            .iter()
            .any(|l| l.contains("shown=1"))
    })
    .await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "exactly one notification: {shown:?}");
    assert_eq!(shown[0].summary, format!("Deadline in 7 days: {TITLE}"));
    let passes = app.log_lines("reminder-passes.log");
    assert_eq!(
        passes.iter().filter(|l| !l.contains("shown=0")).count(),
        1,
        "one pass showed something: {passes:?}"
    );

    // A click on it makes the window again in the fresh process, on the vacancy. That process
    // was not started by WebDriver: a session of its own attaches to it to read the page.
    app.notifications.click(&shown[0]).await;
    app.attach_to_fresh_process().await;
    app.eventually("the reopened window shows the vacancy", || async {
        app.exists("main[data-view='vacancies']").await
            && app.text_of("#page-title").await.contains(TITLE)
    })
    .await;
    app.screenshot("background-reopened-in-the-fresh-process")
        .await;
    let opened = format!("open vacancy={vacancy} pid={fresh}");
    poll("the reopened window's page received the vacancy", || {
        app.log_lines("clicks.log").contains(&opened).then_some(())
    });
    poll("the reopened window shows on the display", || {
        let tree = std::process::Command::new("xwininfo")
            .args(["-display", app.display_name(), "-root", "-tree"])
            .output()
            .ok()?;
        String::from_utf8_lossy(&tree.stdout)
            .contains("\"Dossier\"")
            .then_some(())
    });
    poll("the reopened window runs in a WebKit process", || {
        (!webkit(&app.app_processes()).is_empty()).then_some(())
    });

    // A second launch hands its arguments over and ends; the fresh Dossier stays the one.
    let (status, took) = app.launch_again(&["--from-test"]);
    assert!(status.success(), "the second launch ended with {status}");
    eprintln!("the second launch ended after {took:?}");
    poll("the fresh Dossier heard the second launch", || {
        app.log_lines("second-launches.log")
            .iter()
            .any(|l| l.contains("--from-test"))
            .then_some(())
    });
    assert_eq!(app.dossier_pids(), vec![fresh], "one Dossier");
    assert!(took < Duration::from_secs(30), "{took:?}");
    app.close().await;
}

/// Launches Dossier with the vacancy's 7-day reminder already due, waits until the first
/// process has shown it, and closes the window to the tray.
async fn shown_then_closed(data: &Path, gate: Option<&Path>) -> (App, Vec<u32>) {
    let mut launch = Launch::new(data);
    launch.tray = true;
    launch.now = "2026-11-24T10:00:00Z".into();
    if let Some(gate) = gate {
        launch.env.push((
            "DOSSIER_E2E_HANDOVER_GATE".into(),
            gate.display().to_string(),
        ));
    }
    let app = App::launch(launch).await;
    let tray = app.tray.as_ref().expect("a tray host");
    app.eventually("the tray icon registers", || async {
        !tray.registered().is_empty()
    })
    .await;
    app.eventually("the first process shows the due reminder", || async {
        app.log_lines("reminder-passes.log")
            .iter()
            .any(|l| l.contains("shown=1"))
    })
    .await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, format!("Deadline in 7 days: {TITLE}"));
    let first = app.dossier_pids();
    assert_eq!(first.len(), 1, "{first:?}");
    request_close(&app).await;
    app.wait_for("[data-testid='close-choice-dialog']").await;
    app.click("[data-testid='close-choice-keep']").await;
    (app, first)
}

/// A reminder shown before the window was closed outlives the process that showed it: the
/// fresh process shows it again in place (same id, so the desktop still has one) and answers
/// its click with the vacancy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_shown_before_the_hand_over_still_opens_its_vacancy() {
    let data = tempfile::tempdir().unwrap();
    let vacancy = seed_vacancy(data.path());
    let (mut app, first) = shown_then_closed(data.path(), None).await;
    poll("a fresh Dossier takes over and the first ends", || {
        let dossiers = app.dossier_pids();
        (dossiers.len() == 1 && dossiers != first).then_some(())
    });
    let fresh = app.dossier_pids()[0];
    let received = app.notifications.received();
    assert_eq!(received.len(), 2, "shown, then shown again: {received:?}");
    assert_eq!(received[1].id, received[0].id, "in place: {received:?}");
    assert_eq!(received[1].summary, received[0].summary);
    assert!(
        received[1].actions.iter().any(|a| a == "default"),
        "{received:?}"
    );

    app.notifications.click(&received[0]).await;
    app.attach_to_fresh_process().await;
    app.eventually(
        "the reopened window shows the earlier reminder's vacancy",
        || async {
            app.exists("main[data-view='vacancies']").await
                && app.text_of("#page-title").await.contains(TITLE)
        },
    )
    .await;
    let opened = format!("open vacancy={vacancy} pid={fresh}");
    poll("the fresh process opened the vacancy", || {
        app.log_lines("clicks.log").contains(&opened).then_some(())
    });
    assert_eq!(app.log_lines("clicks.log"), vec![opened], "opened once");
    app.close().await;
}

/// A click on a reminder while the hand-over runs opens nothing in the process about to end:
/// it is held and passed on, and the fresh process opens the vacancy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_click_during_the_hand_over_opens_the_vacancy_in_the_fresh_process() {
    let data = tempfile::tempdir().unwrap();
    let vacancy = seed_vacancy(data.path());
    let gate_dir = tempfile::tempdir().unwrap();
    let gate = gate_dir.path().join("gate");
    let (mut app, first) = shown_then_closed(data.path(), Some(&gate)).await;
    poll("the hand-over has begun", || {
        gate.with_extension("waiting").exists().then_some(())
    });
    let shown = app.notifications.received();
    app.notifications.click(&shown[0]).await;
    std::fs::write(&gate, b"").unwrap();
    poll("a fresh Dossier takes over and the first ends", || {
        let dossiers = app.dossier_pids();
        (dossiers.len() == 1 && dossiers != first).then_some(())
    });
    let fresh = app.dossier_pids()[0];
    app.attach_to_fresh_process().await;
    app.eventually(
        "the reopened window shows the vacancy clicked meanwhile",
        || async {
            app.exists("main[data-view='vacancies']").await
                && app.text_of("#page-title").await.contains(TITLE)
        },
    )
    .await;
    let opened = format!("open vacancy={vacancy} pid={fresh}");
    poll("the fresh process opened the vacancy", || {
        app.log_lines("clicks.log").contains(&opened).then_some(())
    });
    assert_eq!(
        app.log_lines("clicks.log"),
        vec![opened],
        "opened once, and not by the process that ended"
    );
    let launches = app.log_lines("second-launches.log");
    assert!(
        launches
            .iter()
            .any(|l| l.contains("--notification-clicked=")),
        "passed on as a second launch: {launches:?}"
    );
    app.close().await;
}

/// When the fresh process cannot be started (here a binary that is not there, as after an
/// upgrade removed it), Dossier stays in the tray in its own process, as before hand-overs:
/// the web process goes, the reminder arrives once and its click opens the vacancy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_no_fresh_process_starts_dossier_stays_in_the_tray_itself() {
    let data = tempfile::tempdir().unwrap();
    seed_vacancy(data.path());
    let mut launch = Launch::new(data.path());
    launch.tray = true;
    launch.env.push((
        "DOSSIER_E2E_NOW_AFTER_CLOSE".into(),
        "2026-11-24T10:00:00Z".into(),
    ));
    let missing = data.path().join("no-such-dossier");
    launch.env.push((
        "DOSSIER_E2E_HANDOVER_BINARY".into(),
        missing.display().to_string(),
    ));
    let app = App::launch(launch).await;
    let tray = app.tray.as_ref().expect("a tray host");
    app.eventually("the tray icon registers", || async {
        !tray.registered().is_empty()
    })
    .await;
    app.wait_for_reminder_passes(1).await;
    let first = app.dossier_pids();
    request_close(&app).await;
    app.wait_for("[data-testid='close-choice-dialog']").await;
    app.click("[data-testid='close-choice-keep']").await;

    // The window and its web process go; Dossier's own process stays.
    let mut after_close = Vec::new();
    poll("the window's web process ends", || {
        after_close = app.app_processes();
        // `comm` names are cut at 15 characters: WebKitWebProces.
        let web = after_close
            .iter()
            .any(|p| p.name.starts_with("WebKitWebProc"));
        let app_runs = after_close.iter().any(|p| p.name == "dossier");
        (app_runs && !web).then_some(())
    });
    eprintln!("processes with the window closed to the tray: {after_close:?}");
    // A figure for people to read (`make bench` has the measured one): WebKit's network
    // process outlives the last web view, as Tauri keeps its web context on Linux.
    for p in &after_close {
        eprintln!("{} {}: {:?} KiB PSS", p.name, p.pid, pss_kib(p.pid));
    }

    // The clock moved past the 7-day reminder as the window went: it arrives, once.
    app.eventually("the deadline reminder arrives in the tray", || async {
        !app.notifications.received().is_empty()
    })
    .await;
    // The pass that showed it has ended (nothing else was left to show).
    app.eventually("the pass that showed the reminder has ended", || async {
        app.log_lines("reminder-passes.log")
            .iter()
            .any(|l| l.contains("shown=1"))
    })
    .await;
    let shown = app.notifications.received();
    assert_eq!(shown.len(), 1, "exactly one notification: {shown:?}");
    assert_eq!(shown[0].summary, format!("Deadline in 7 days: {TITLE}"));

    // A click on it makes the window again, on the vacancy.
    app.notifications.click(&shown[0]).await;
    app.switch_to_new_window().await;
    app.eventually("the vacancy opens from the notification", || async {
        app.exists("main[data-view='vacancies']").await
            && app.text_of("#page-title").await.contains(TITLE)
    })
    .await;
    app.screenshot("background-reopened-on-vacancy").await;

    assert_eq!(app.dossier_pids(), first, "the same Dossier stayed");

    // A second launch hands its arguments over and ends; the first keeps its one window.
    let (status, took) = app.launch_again(&["--from-test"]);
    assert!(status.success(), "the second launch ended with {status}");
    eprintln!("the second launch ended after {took:?}");
    app.eventually("the first Dossier heard the second launch", || async {
        app.log_lines("second-launches.log")
            .iter()
            .any(|l| l.contains("--from-test"))
    })
    .await;
    let dossiers: Vec<Proc> = app
        .app_processes()
        .into_iter()
        .filter(|p| p.name == "dossier")
        .collect();
    assert_eq!(dossiers.len(), 1, "one Dossier: {dossiers:?}");
    let windows = app.client.windows().await.expect("window handles");
    assert_eq!(windows.len(), 1, "still one window: {windows:?}");
    assert!(took < Duration::from_secs(30), "{took:?}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_tray_settings_says_so_closing_quits_and_login_start_is_an_xdg_entry() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    launch
        .env
        .push(("HOME".into(), home.path().display().to_string()));
    let app = App::launch(launch).await;

    app.open_view("settings").await;
    let note = app.text_of("[data-testid='no-tray']").await;
    assert!(note.contains("closing the window quits Dossier"), "{note}");
    app.assert_absent(
        "[data-testid='on-close']",
        "there is no tray to keep Dossier in",
    )
    .await;

    // Starting at login writes the XDG autostart entry, which starts Dossier in the tray.
    let entry = home.path().join(".config/autostart/dossier.desktop");
    app.click("[data-testid='start-at-login']").await;
    poll("the autostart entry is written", || {
        entry.is_file().then_some(())
    });
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(text.contains("[Desktop Entry]"), "{text}");
    let exec = text
        .lines()
        .find(|l| l.starts_with("Exec="))
        .expect("an Exec line");
    assert!(exec.ends_with(" --hidden"), "{exec}");
    app.screenshot("background-settings-no-tray").await;
    app.click("[data-testid='start-at-login']").await;
    poll("the autostart entry is removed", || {
        (!entry.exists()).then_some(())
    });

    // Closing asks nothing and quits, as it always did.
    assert!(!app.app_processes().is_empty(), "Dossier runs");
    request_close(&app).await;
    poll("Dossier quits on close", || {
        app.app_processes()
            .iter()
            .all(|p| p.name != "dossier")
            .then_some(())
    });
    app.close().await;
}

/// Started by the login entry, Dossier waits in the tray with no window and no web view: its
/// process then holds no OpenGL driver either (GTK 3 on X11 opens one at start only to choose
/// visuals; with Mesa that is about 25 MiB of LLVM and driver for a process that never draws).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn started_at_login_it_waits_in_the_tray_without_a_gl_driver() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let display = VirtualDisplay::start();
    let tray = TrayHost::start().await;
    let mut command = std::process::Command::new(app_binary());
    command
        .arg("--hidden")
        .env("DISPLAY", display.name())
        .env("DOSSIER_DATA_DIR", data.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("NO_AT_BRIDGE", "1")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("GDK_GL")
        .stdout(std::process::Stdio::null());
    let app = Guarded::spawn("dossier started at login", command);
    poll_until(
        "Dossier's tray icon registers",
        Duration::from_secs(45),
        || (!tray.registered().is_empty()).then_some(()),
    );
    // The icon comes after GTK's start, so everything GTK opens at start is mapped by now.
    let loaded = gl_libraries(app.pid());
    assert!(loaded.is_empty(), "GL in Dossier's process: {loaded:?}");
    let processes = dossier_e2e::background::descendants(app.pid());
    assert!(
        webkit(&processes).is_empty(),
        "no web view, no WebKit process: {processes:?}"
    );
    eprintln!(
        "started at login: {:?} KiB PSS in Dossier's process",
        pss_kib(app.pid())
    );
}

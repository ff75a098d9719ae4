//! Hooks for the end-to-end suite, compiled only with the `e2e` feature: never in the build a
//! user runs. They let the suite fix the clock and answer file dialogs.

use chrono::{DateTime, Utc};
use dossier_core::clock::{Clock, SettableClock};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tauri::Manager;

/// The stopped clock, kept so the suite can move it (see [`stayed_in_tray`]).
static CLOCK: OnceLock<Arc<SettableClock>> = OnceLock::new();

pub fn settable_clock(now: DateTime<Utc>) -> Arc<dyn Clock> {
    let clock = CLOCK.get_or_init(|| Arc::new(SettableClock::new(now)));
    clock.clone()
}

/// `DOSSIER_E2E_NOW_AFTER_CLOSE`: the instant the stopped clock shows once the window was
/// closed to the tray, so that a reminder comes due while Dossier waits there, as one would in
/// the hours after the candidate closed the window.
fn now_after_close() -> Option<String> {
    let text = std::env::var("DOSSIER_E2E_NOW_AFTER_CLOSE").ok()?;
    DateTime::parse_from_rfc3339(&text)
        .unwrap_or_else(|e| panic!("DOSSIER_E2E_NOW_AFTER_CLOSE={text:?} is not RFC 3339: {e}"));
    Some(text)
}

/// The process a hand-over starts (`handover.rs`) gets the clock this one shows, moved on to
/// `DOSSIER_E2E_NOW_AFTER_CLOSE` when it is set (once: not again at its own hand-over).
pub fn handover_env(command: &mut std::process::Command) {
    command.env_remove("DOSSIER_E2E_HANDOVER_GATE");
    // The suite's WebDriver drove the first process only. Given
    // `DOSSIER_E2E_FRESH_INSPECTOR=<host:port>`, the new one serves WebKit's remote inspector
    // there once it makes a window, under automation, for the suite to attach a WebDriver
    // session of its own (`App::attach_to_fresh_process`); once only, not at its own
    // hand-over. Otherwise its web view is not under automation (it would wait for a session
    // that never comes).
    match std::env::var("DOSSIER_E2E_FRESH_INSPECTOR") {
        Ok(address) => command
            .env("WEBKIT_INSPECTOR_SERVER", address)
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env_remove("DOSSIER_E2E_FRESH_INSPECTOR"),
        Err(_) => command
            .env_remove("TAURI_WEBVIEW_AUTOMATION")
            .env_remove("WEBKIT_INSPECTOR_SERVER"),
    };
    if let Some(later) = now_after_close() {
        command
            .env("DOSSIER_E2E_NOW", later)
            .env_remove("DOSSIER_E2E_NOW_AFTER_CLOSE");
    } else if let Some(clock) = CLOCK.get() {
        command.env("DOSSIER_E2E_NOW", clock.now().to_rfc3339());
    }
}

/// `DOSSIER_E2E_HANDOVER_GATE=<file>` holds a hand-over once it has begun, before the new
/// process starts: it writes `<file>.waiting` and goes on once the suite has made `<file>`, so
/// the suite can click a reminder while the old process is about to end.
pub fn handover_gate() {
    let Some(gate) = std::env::var_os("DOSSIER_E2E_HANDOVER_GATE").map(PathBuf::from) else {
        return;
    };
    let waiting = gate.with_extension("waiting");
    if let Err(e) = std::fs::write(&waiting, b"") {
        eprintln!("e2e: cannot write {waiting:?}: {e}");
        return;
    }
    let began = std::time::Instant::now();
    while !gate.exists() && began.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// `DOSSIER_E2E_HANDOVER_BINARY` starts that file instead of Dossier's own binary at a
/// hand-over: a path that does not exist makes the start fail, as a binary removed by an
/// upgrade would.
pub fn handover_binary() -> Option<PathBuf> {
    std::env::var_os("DOSSIER_E2E_HANDOVER_BINARY").map(PathBuf::from)
}

/// The hand-over failed and this process stayed in the tray: the clock moves on to
/// `DOSSIER_E2E_NOW_AFTER_CLOSE` here, and the reminder timer wakes to see it.
pub fn stayed_in_tray(app: &tauri::AppHandle) {
    let Some(text) = now_after_close() else {
        return;
    };
    let later = DateTime::parse_from_rfc3339(&text)
        .expect("checked by now_after_close")
        .with_timezone(&Utc);
    if let Some(clock) = CLOCK.get() {
        clock.set(later);
    }
    if let Some(timer) = app.state::<crate::state::AppState>().timer() {
        timer.rearm();
    }
}

fn append_line(variable: &str, line: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os(variable) else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| writeln!(file, "{line}"));
    if let Err(e) = written {
        eprintln!("e2e: cannot write to {path:?}: {e}");
    }
}

/// `DOSSIER_E2E_INSTANCE_LOG` names a file where the running Dossier writes the arguments of
/// each second launch it took over, one launch per line.
pub fn record_second_launch(args: &[String]) {
    append_line(
        "DOSSIER_E2E_INSTANCE_LOG",
        &format!("second launch {args:?}"),
    );
}

/// `DOSSIER_E2E_CLICK_LOG` names a file where each request a notification's click sends to a
/// window's page is written as the page receives it (`open vacancy=<id>`, or `open summary`):
/// a window made by a process the suite's WebDriver did not start cannot be read through it.
pub fn record_open_request(request: &crate::notify::OpenRequest) {
    let line = match request.target.as_ref().and_then(|t| t.vacancy_id) {
        Some(id) => format!("open vacancy={id} pid={}", std::process::id()),
        None => format!("open summary pid={}", std::process::id()),
    };
    append_line("DOSSIER_E2E_CLICK_LOG", &line);
}

/// `DOSSIER_E2E_TRAY_LOG` names a file where each new text of the tray's "next reminder" line
/// is written: the suite cannot open a tray menu, so it reads what the menu was given.
pub fn record_tray_next(text: &str) {
    append_line("DOSSIER_E2E_TRAY_LOG", &format!("next {text}"));
}

/// `DOSSIER_E2E_NOW=2026-11-22T09:00:00Z` stops the app's clock at that instant.
pub fn fixed_now() -> Option<DateTime<Utc>> {
    let text = std::env::var("DOSSIER_E2E_NOW").ok()?;
    Some(
        DateTime::parse_from_rfc3339(&text)
            .unwrap_or_else(|e| panic!("DOSSIER_E2E_NOW={text:?} is not RFC 3339: {e}"))
            .with_timezone(&Utc),
    )
}

/// `DOSSIER_E2E_SAVE_PATH` answers the save dialog with that path; set but empty, it cancels.
pub fn save_dialog_answer() -> Option<Option<PathBuf>> {
    let value = std::env::var_os("DOSSIER_E2E_SAVE_PATH")?;
    Some(if value.is_empty() {
        None
    } else {
        Some(PathBuf::from(value))
    })
}

/// `DOSSIER_E2E_OPEN_PATHS` answers the open dialog with these paths, one per line; set but
/// empty, it cancels.
pub fn open_dialog_answer() -> Option<Vec<PathBuf>> {
    let value = std::env::var("DOSSIER_E2E_OPEN_PATHS").ok()?;
    Some(
        value
            .lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
    )
}

/// `DOSSIER_E2E_FOLDER_PATH` answers the folder dialog with that folder; set but empty, it
/// cancels.
pub fn folder_dialog_answer() -> Option<Option<PathBuf>> {
    let value = std::env::var_os("DOSSIER_E2E_FOLDER_PATH")?;
    Some(if value.is_empty() {
        None
    } else {
        Some(PathBuf::from(value))
    })
}

/// `DOSSIER_E2E_OPENED_LOG` names a file where addresses the app would open in the browser are
/// written instead, one per line, so the suite can check them without a browser.
pub fn opened_log() -> Option<PathBuf> {
    std::env::var_os("DOSSIER_E2E_OPENED_LOG").map(PathBuf::from)
}

/// Drops `paths` onto the window as a file manager would: the same handler, fed the events
/// Tauri would send. WebDriver cannot perform an operating-system drag and drop (it only
/// synthesises events inside the page, where a real drop never carries paths), so the suite
/// calls this e2e-only command through the page's IPC instead. Nothing but the event source
/// differs from a real drop.
#[tauri::command]
pub fn e2e_drop_files(app: tauri::AppHandle, paths: Vec<PathBuf>) {
    let position = tauri::PhysicalPosition::new(0.0, 0.0);
    crate::dropped_files::on_drag_drop(
        &app,
        &tauri::DragDropEvent::Enter {
            paths: paths.clone(),
            position,
        },
    );
    crate::dropped_files::on_drag_drop(&app, &tauri::DragDropEvent::Drop { paths, position });
}

/// `DOSSIER_E2E_REMINDER_LOG` names a file where the reminder timer adds a line after each of
/// its passes. A test that checks that nothing was shown waits for a pass first, so it cannot
/// pass by looking before the timer ran.
pub fn record_reminder_pass(shown: usize, outcome: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os("DOSSIER_E2E_REMINDER_LOG") else {
        return;
    };
    let line = format!("pass shown={shown} {outcome}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(line.as_bytes()));
    if let Err(e) = written {
        eprintln!("e2e: cannot record a reminder pass in {path:?}: {e}");
    }
}

/// Asks the window to close as its close button does: Tauri emits the same close request, which
/// the page may hold back to ask about unsaved changes. WebDriver's own "close window" ends the
/// session instead of asking the app, so the suite calls this through the page's IPC.
#[tauri::command]
pub fn e2e_request_close(window: tauri::Window) {
    if let Err(e) = window.close() {
        eprintln!("e2e: the window could not be asked to close: {e}");
    }
}

/// Zooms the page as the desktop's zoom would (the whole layout, media queries included), for
/// the check that text stays legible at 200%. CSS `zoom` would leave the viewport's width as it
/// is, so the page would never see how narrow it has become.
#[tauri::command]
pub fn e2e_set_zoom(webview: tauri::Webview, factor: f64) {
    if let Err(e) = webview.set_zoom(factor) {
        eprintln!("e2e: the page could not be zoomed to {factor}: {e}");
    }
}

/// `DOSSIER_E2E_BACKUP_LOG` names a file where each automatic backup check adds a line:
/// `backup due=no`, `backup ok <id>` or `backup failed <code>`. A test waits for the line it
/// expects instead of guessing how long the background backup takes.
pub fn record_backup_pass(line: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os("DOSSIER_E2E_BACKUP_LOG") else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| writeln!(file, "backup {line}"));
    if let Err(e) = written {
        eprintln!("e2e: cannot record a backup pass in {path:?}: {e}");
    }
}

/// Moves the stopped clock to `now` (RFC 3339) and wakes the timer, as time passing would: the
/// idle lock and the reminders then see the new instant.
#[tauri::command]
pub fn e2e_set_now(app: tauri::AppHandle, now: String) {
    let at = DateTime::parse_from_rfc3339(&now)
        .unwrap_or_else(|e| panic!("e2e_set_now({now:?}) is not RFC 3339: {e}"))
        .with_timezone(&Utc);
    if let Some(clock) = CLOCK.get() {
        clock.set(at);
    }
    if let Some(timer) = app.state::<crate::state::AppState>().timer() {
        timer.rearm();
    }
}

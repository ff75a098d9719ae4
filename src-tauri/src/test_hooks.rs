//! Hooks for the end-to-end suite, compiled only with the `e2e` feature: never in the build a
//! user runs. They let the suite fix the clock and answer file dialogs.

use chrono::{DateTime, Utc};
use dossier_core::clock::{Clock, SettableClock};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tauri::Manager;

/// The stopped clock, kept so the suite can move it (see [`on_window_destroyed`]).
static CLOCK: OnceLock<Arc<SettableClock>> = OnceLock::new();

pub fn settable_clock(now: DateTime<Utc>) -> Arc<dyn Clock> {
    let clock = CLOCK.get_or_init(|| Arc::new(SettableClock::new(now)));
    clock.clone()
}

/// `DOSSIER_E2E_NOW_AFTER_CLOSE` moves the stopped clock to that instant once the window is
/// destroyed, and wakes the reminder timer: a reminder then comes due while Dossier waits in
/// the tray, as one would in the hours after the candidate closed the window.
pub fn on_window_destroyed(app: &tauri::AppHandle) {
    let Ok(text) = std::env::var("DOSSIER_E2E_NOW_AFTER_CLOSE") else {
        return;
    };
    let later = DateTime::parse_from_rfc3339(&text)
        .unwrap_or_else(|e| panic!("DOSSIER_E2E_NOW_AFTER_CLOSE={text:?} is not RFC 3339: {e}"))
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

//! Dossier without its window: one instance, the tray icon, starting at login, and the window
//! made again when it is wanted.
//!
//! Closing the window to the tray destroys it (its web view and WebKit's processes go with it);
//! the Rust process keeps only the reminder timer. [`show_window`] is the one way the window
//! comes back: from the tray, a click on a reminder, a second launch or a normal start.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{self, OnClose};
use dossier_core::words::{self, Arg, Msg, Wording};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::display_language::resolved_language;
use crate::state::AppState;

/// The window's label in `tauri.conf.json`.
pub const MAIN: &str = "main";

/// The tray icon's id: a hand-over takes it down (`handover.rs`).
pub const TRAY_ID: &str = "dossier";

/// Given by the login entry: start in the tray, without a window.
pub const HIDDEN_ARG: &str = "--hidden";

/// The desktop's tray host: StatusNotifierItem icons register with it. Without it an icon
/// would go nowhere, and a window closed "to the tray" could not be found again.
const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// How long the session bus gets to say whether a tray host runs; a bus that does not answer
/// counts as no tray rather than holding up the start.
const WATCHER_CHECK_AT_MOST: Duration = Duration::from_secs(2);

/// What the tray knows: whether there is one, and its "next reminder" line to keep current.
#[derive(Default)]
pub struct Background {
    tray: AtomicBool,
    next_item: Mutex<Option<MenuItem<tauri::Wry>>>,
}

impl Background {
    /// The desktop shows Dossier's tray icon: closing the window may keep Dossier running.
    pub fn has_tray(&self) -> bool {
        self.tray.load(Ordering::Relaxed)
    }
}

/// One of the tray menu's fixed items (`open`, `quit`, `nothing`), from the Rust catalogue.
fn tray_item(language: DisplayLanguage, item: &str) -> String {
    words::reading(language, Msg::TrayItem, &[("item", Arg::Text(item))])
}

fn language(app: &AppHandle) -> DisplayLanguage {
    let preferences = app
        .state::<AppState>()
        .with_store(preferences::load_preferences)
        .unwrap_or_default();
    resolved_language(&preferences)
}

/// The process was started by the login entry, to wait in the tray.
pub fn hidden_start(args: &[String]) -> bool {
    args.iter().any(|a| a == HIDDEN_ARG)
}

/// Brings the window forward, making it again (from the configuration) when it was closed.
pub fn show_window(app: &AppHandle) -> tauri::Result<WebviewWindow> {
    let window = match app.get_webview_window(MAIN) {
        Some(window) => window,
        None => {
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == MAIN)
                .cloned()
                .ok_or(tauri::Error::WindowNotFound)?;
            let window = WebviewWindowBuilder::from_config(app, &config)?.build()?;
            #[cfg(target_os = "linux")]
            window.with_webview(dossier_webview_settings::apply)?;
            window
        }
    };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    Ok(window)
}

/// How long after a start in the tray its memory is given back: the tray icon has registered
/// and the first reminder pass has run by then, so what they mapped goes too.
#[cfg(target_os = "linux")]
const SETTLED_AFTER: Duration = Duration::from_secs(3);

/// Gives back what Dossier without a window does not need (`trim.rs`); nothing while a window
/// is open, whose page may need it any moment.
pub fn release_if_windowless(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    if app.get_webview_window(MAIN).is_none() {
        crate::trim::release();
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// After a start in the tray: gives its memory back once the start has settled.
pub fn release_when_settled(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(SETTLED_AFTER).await;
            release_if_windowless(&app);
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// Whether closing the last window leaves Dossier running: only when there is a tray to come
/// back from and the candidate chose it.
pub fn keeps_running(app: &AppHandle) -> bool {
    if !app.state::<Background>().has_tray() {
        return false;
    }
    app.state::<AppState>()
        .with_store(preferences::load_preferences)
        .is_ok_and(|p| p.on_close == Some(OnClose::KeepInTray))
}

/// Asks the session bus whether a tray host runs.
async fn watcher_present() -> bool {
    let ask = async {
        let connection = zbus::Connection::session().await.ok()?;
        let reply = connection
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                "NameHasOwner",
                &(WATCHER,),
            )
            .await
            .ok()?;
        reply.body().deserialize::<bool>().ok()
    };
    tokio::time::timeout(WATCHER_CHECK_AT_MOST, ask)
        .await
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// Puts Dossier's icon in the tray when the desktop has one; without one Dossier quits on
/// close as it always did.
pub fn start_tray(app: &AppHandle) {
    if !tauri::async_runtime::block_on(watcher_present()) {
        eprintln!("Dossier: no tray on this desktop ({WATCHER} is absent); closing quits");
        return;
    }
    match build_tray(app) {
        Ok(next_item) => {
            let background = app.state::<Background>();
            *background
                .next_item
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = Some(next_item);
            background.tray.store(true, Ordering::Relaxed);
            // A pass that ran before the icon existed had no line to update.
            if let Some(timer) = app.state::<AppState>().timer() {
                timer.rearm();
            }
        }
        Err(e) => eprintln!("Dossier: the tray icon could not be made: {e}"),
    }
}

fn build_tray(app: &AppHandle) -> tauri::Result<MenuItem<tauri::Wry>> {
    let language = language(app);
    let open_text = tray_item(language, "open");
    let nothing_text = tray_item(language, "nothing");
    let quit_text = tray_item(language, "quit");
    let open = MenuItem::with_id(app, "open", open_text, true, None::<&str>)?;
    let next = MenuItem::with_id(app, "next", nothing_text, false, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", quit_text, true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &next, &separator, &quit])?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Dossier")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => {
                if let Err(e) = show_window(app) {
                    eprintln!("Dossier: the window could not be opened: {e}");
                }
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(next)
}

/// Keeps the tray's "next reminder" line current; the timer calls it after each pass.
pub fn show_next(app: &AppHandle, next: Option<(DateTime<Utc>, String)>, wording: Wording) {
    let Some(background) = app.try_state::<Background>() else {
        return;
    };
    let item = background
        .next_item
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let Some(item) = item else {
        return;
    };
    let language = wording.language;
    let text = match next {
        Some((at, title)) => {
            let local = at.with_timezone(&chrono::Local).naive_local();
            let when = wording.short_date_time(local);
            words::reading(
                language,
                Msg::TrayNext,
                &[("when", Arg::Text(&when)), ("title", Arg::Text(&title))],
            )
        }
        None => tray_item(language, "nothing"),
    };
    #[cfg(feature = "e2e")]
    crate::test_hooks::record_tray_next(&text);
    let _ = item.set_text(text);
}

/// A second launch: its arguments reach this instance, whose window comes forward, unless it
/// was the login entry starting a Dossier that already runs.
pub fn on_second_launch(app: &AppHandle, args: Vec<String>) {
    #[cfg(feature = "e2e")]
    crate::test_hooks::record_second_launch(&args);
    // This process is about to end: the new one gets the launch (`handover.rs`).
    if crate::handover::hold_launch(app, &args) {
        return;
    }
    if let Some(id) = crate::notify::clicked_arg(&args) {
        crate::notify::clicked(id);
        return;
    }
    if hidden_start(&args) {
        return;
    }
    if let Err(e) = show_window(app) {
        eprintln!("Dossier: the window could not be opened: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_menu_speaks_every_language() {
        let english = tray_item(DisplayLanguage::En, "open");
        assert_eq!(english, "Open Dossier");
        for language in DisplayLanguage::ALL {
            let open = tray_item(language, "open");
            assert!(open.contains("Dossier"), "{language:?}: {open}");
            if language != DisplayLanguage::En {
                assert_ne!(open, english, "{language:?}");
                assert_ne!(
                    tray_item(language, "quit"),
                    tray_item(DisplayLanguage::En, "quit")
                );
            }
        }
        let next = words::reading(
            DisplayLanguage::Fr,
            Msg::TrayNext,
            &[
                ("when", Arg::Text("7 déc. 2026 09:00")),
                ("title", Arg::Text("Analyst")),
            ],
        );
        assert_eq!(next, "Prochain rappel le 7 déc. 2026 09:00\u{a0}: Analyst");
    }

    #[test]
    fn only_the_login_entry_starts_hidden() {
        assert!(hidden_start(&["dossier".into(), HIDDEN_ARG.into()]));
        assert!(!hidden_start(&["dossier".into()]));
    }
}

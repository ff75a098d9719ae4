//! Native desktop notifications (freedesktop D-Bus on Linux), through notify-rust, and what a
//! click on one of them opens.

use std::path::Path;
use std::sync::{Mutex, OnceLock};

use dossier_core::display_language::DisplayLanguage;
use dossier_core::reminders::{Notification, NotificationTarget};
use dossier_core::words::{self, Msg};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::error::{Error, Result};

pub const APP_NAME: &str = "Dossier";

/// The action every freedesktop server sends for a click on the notification's body.
const DEFAULT_ACTION: &str = "default";

pub async fn show(summary: String, body: String) -> Result<()> {
    // notify-rust blocks on the D-Bus round trip; keep it off the async workers.
    tauri::async_runtime::spawn_blocking(move || {
        notification(&summary, &body)
            .show()
            .map(|_| ())
            .map_err(|e| Error::Notification(e.to_string()))
    })
    .await
    .map_err(|e| Error::Notification(e.to_string()))?
}

/// The app's icon as a file the notification server can read: a desktop finds no icon by name
/// for an app it has not installed (a portable or development build), so the path is given.
static ICON: OnceLock<String> = OnceLock::new();
const ICON_PNG: &[u8] = include_bytes!("../../icons/128x128.png");

/// Writes the icon into `cache_dir` (once per start, atomically), for every notification to
/// carry. Without it notifications still show, with the desktop's generic icon.
pub fn prepare_icon(cache_dir: &Path) {
    let path = cache_dir.join("dossier-notification.png");
    let current = std::fs::read(&path).is_ok_and(|bytes| bytes == ICON_PNG);
    let written = current
        || (std::fs::create_dir_all(cache_dir).is_ok()
            && dossier_core::fsio::write_atomic(&path, ICON_PNG).is_ok());
    if written {
        let _ = ICON.set(path.display().to_string());
    }
}

fn notification(summary: &str, body: &str) -> notify_rust::Notification {
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME).summary(summary).body(body);
    if let Some(icon) = ICON.get() {
        n.icon(icon);
    }
    n
}

/// Shows a reminder. Where the desktop supports actions, a click on it brings Dossier to the
/// front on the item it is about (the Dashboard for a summary).
pub async fn show_reminder(
    app: AppHandle,
    reminder: Notification,
    language: DisplayLanguage,
) -> Result<()> {
    show_as(app, reminder, language, Shown::Unlocked).await
}

/// Shows a reminder of the locked time, which names nothing. A click on it brings the window
/// to the front on the unlock screen, and once the candidate unlocked, on the item the real
/// reminder is about (see [`ClickTarget::take_locked_click`]).
pub async fn show_locked_reminder(
    app: AppHandle,
    reminder: Notification,
    language: DisplayLanguage,
) -> Result<()> {
    show_as(app, reminder, language, Shown::Locked).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Unlocked,
    Locked,
}

async fn show_as(
    app: AppHandle,
    reminder: Notification,
    language: DisplayLanguage,
    shown: Shown,
) -> Result<()> {
    tauri::async_runtime::spawn_blocking(move || {
        let mut n = notification(&reminder.title, &reminder.body);
        let clickable = notify_rust::get_capabilities()
            .map(|caps| caps.iter().any(|c| c == "actions"))
            .unwrap_or(false);
        if clickable {
            n.action(
                DEFAULT_ACTION,
                &words::reading(language, Msg::NotificationOpen, &[]),
            );
        }
        let handle = n.show().map_err(|e| Error::Notification(e.to_string()))?;
        if clickable {
            let target = reminder.target;
            // Waiting for the click blocks until the notification is clicked or closed, which
            // can be hours: a thread of its own, not one of the runtime's.
            std::thread::Builder::new()
                .name("notification-click".into())
                .spawn(move || {
                    handle.wait_for_action(|action| {
                        if action == DEFAULT_ACTION {
                            // Clicked while still locked: what it was about is known only
                            // once the data is open again. Clicked after unlocking: it named
                            // nothing, so the Dashboard, which lists what is due.
                            if shown == Shown::Locked
                                && app.state::<crate::state::AppState>().is_locked()
                            {
                                app.state::<ClickTarget>().note_locked_click();
                            }
                            open_target(&app, OpenRequest { target });
                        }
                    })
                })
                .map_err(|e| Error::Notification(e.to_string()))?;
        }
        Ok(())
    })
    .await
    .map_err(|e| Error::Notification(e.to_string()))?
}

/// What the window is asked to open after a click on a notification.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OpenRequest {
    /// `None` for a summary of several reminders: the Dashboard lists them.
    pub target: Option<NotificationTarget>,
}

/// Where clicks go: the window's channel once the UI has registered it; a click that comes
/// before that waits for it.
#[derive(Default)]
pub struct ClickTarget {
    inner: Mutex<ClickSlot>,
}

#[derive(Default)]
struct ClickSlot {
    channel: Option<Channel<OpenRequest>>,
    waiting: Option<OpenRequest>,
    /// A reminder of the locked time was clicked while locked.
    locked_click: bool,
}

impl ClickTarget {
    pub fn listen(&self, channel: Channel<OpenRequest>) {
        let mut slot = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(waiting) = slot.waiting.take() {
            #[cfg(feature = "e2e")]
            crate::test_hooks::record_open_request(&waiting);
            let _ = channel.send(waiting);
        }
        slot.channel = Some(channel);
    }

    fn note_locked_click(&self) {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .locked_click = true;
    }

    /// Whether a reminder of the locked time was clicked while locked; asked (and forgotten)
    /// by the first reminder pass after the unlock, which delivers the real reminders the
    /// locked time held back and opens what they are about.
    pub fn take_locked_click(&self) -> bool {
        std::mem::take(
            &mut self
                .inner
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .locked_click,
        )
    }

    /// The window was destroyed (closed to the tray): its channel leads nowhere, and a click
    /// waits for the next window's.
    pub fn window_gone(&self) {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).channel = None;
    }

    fn send(&self, request: OpenRequest) {
        let mut slot = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        match &slot.channel {
            Some(channel) => {
                #[cfg(feature = "e2e")]
                crate::test_hooks::record_open_request(&request);
                if channel.send(request.clone()).is_err() {
                    // The page reloaded: its new channel will come, and take this.
                    slot.channel = None;
                    slot.waiting = Some(request);
                }
            }
            None => slot.waiting = Some(request),
        }
    }
}

pub fn open_target(app: &AppHandle, request: OpenRequest) {
    // The request waits for the page first: a window made again registers its channel only
    // once its page has loaded.
    app.state::<ClickTarget>().send(request);
    if let Err(e) = crate::background::show_window(app) {
        eprintln!("Dossier: the window could not be opened for a reminder: {e}");
    }
}

//! Native desktop notifications (freedesktop D-Bus on Linux), through notify-rust, and what a
//! click on one of them opens.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{LazyLock, Mutex, OnceLock};

use dossier_core::display_language::DisplayLanguage;
use dossier_core::reminders::{Notification, NotificationTarget};
use dossier_core::words::{self, Msg};
use serde::{Deserialize, Serialize};
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
pub async fn show_reminder(reminder: Notification, language: DisplayLanguage) -> Result<()> {
    show_as(reminder, language, false).await
}

/// Shows a reminder of the locked time, which names nothing. A click on it brings the window
/// to the front on the unlock screen, and once the candidate unlocked, on the item the real
/// reminder is about (see [`ClickTarget::take_locked_click`]).
pub async fn show_locked_reminder(reminder: Notification, language: DisplayLanguage) -> Result<()> {
    show_as(reminder, language, true).await
}

async fn show_as(reminder: Notification, language: DisplayLanguage, locked: bool) -> Result<()> {
    tauri::async_runtime::spawn_blocking(move || {
        let clickable = notify_rust::get_capabilities()
            .map(|caps| caps.iter().any(|c| c == "actions"))
            .unwrap_or(false);
        let open_label = clickable.then(|| words::reading(language, Msg::NotificationOpen, &[]));
        show_clickable(reminder, open_label, None, locked)
    })
    .await
    .map_err(|e| Error::Notification(e.to_string()))?
}

/// Shows `reminder` (in place of notification `replaces` when given); with an `open_label`, a
/// click on it is answered by [`clicked`] for as long as it stays on the desktop.
fn show_clickable(
    reminder: Notification,
    open_label: Option<String>,
    replaces: Option<u32>,
    locked: bool,
) -> Result<()> {
    let mut n = notification(&reminder.title, &reminder.body);
    if let Some(label) = &open_label {
        n.action(DEFAULT_ACTION, label);
    }
    if let Some(id) = replaces {
        n.id(id);
    }
    let handle = n.show().map_err(|e| Error::Notification(e.to_string()))?;
    let Some(open_label) = open_label else {
        return Ok(());
    };
    let id = handle.id();
    CLICKS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .shown(Shown {
            id,
            reminder,
            open_label,
            locked,
        });
    // Waiting for the click blocks until the notification is clicked or closed, which can be
    // hours: a thread of its own, not one of the runtime's.
    std::thread::Builder::new()
        .name("notification-click".into())
        .spawn(move || {
            handle.wait_for_action(|action| {
                if action == DEFAULT_ACTION {
                    clicked(id);
                } else {
                    // "__closed": dismissed, or gone with its server.
                    CLICKS.lock().unwrap_or_else(|p| p.into_inner()).closed(id);
                }
            })
        })
        .map_err(|e| Error::Notification(e.to_string()))?;
    Ok(())
}

/// A reminder on the desktop whose click is still to be answered: what a hand-over passes to
/// the new process, which shows it again in place (same id) and answers its click.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shown {
    id: u32,
    reminder: Notification,
    open_label: String,
    /// A reminder of the locked time: it names nothing, so a click while still locked is noted
    /// for the first pass after the unlock, which opens what it stood for.
    #[serde(default)]
    locked: bool,
}

/// Set for the process a hand-over starts: the reminders it takes over, as JSON.
pub const SHOWN_VAR: &str = "DOSSIER_HANDOVER_SHOWN";

/// Clicks on reminders, across windows and across a hand-over.
struct Clicks<App> {
    shown: Vec<Shown>,
    /// A click reaching this process twice (from the server and passed on at a hand-over)
    /// opens once.
    answered: HashSet<u32>,
    /// A hand-over is under way: clicks wait for its outcome, to be passed on to the new
    /// process or answered here if this one stays.
    holding: Option<Vec<u32>>,
    app: Option<App>,
    /// Clicks that came before the app was built (in a process that took reminders over).
    early: Vec<OpenRequest>,
}

impl<App> Default for Clicks<App> {
    fn default() -> Self {
        Clicks {
            shown: Vec::new(),
            answered: HashSet::new(),
            holding: None,
            app: None,
            early: Vec::new(),
        }
    }
}

impl<App: Clone> Clicks<App> {
    fn shown(&mut self, shown: Shown) {
        self.shown.retain(|s| s.id != shown.id);
        self.answered.remove(&shown.id);
        self.shown.push(shown);
    }

    fn closed(&mut self, id: u32) {
        if self.holding.is_none() {
            self.shown.retain(|s| s.id != id);
        }
    }

    /// What a click on notification `id` opens now, and in which app.
    fn click(&mut self, id: u32) -> Option<(App, OpenRequest)> {
        if let Some(held) = &mut self.holding {
            if !held.contains(&id) {
                held.push(id);
            }
            return None;
        }
        let at = self.shown.iter().position(|s| s.id == id)?;
        if !self.answered.insert(id) {
            return None;
        }
        let request = OpenRequest {
            target: self.shown.remove(at).reminder.target,
        };
        match &self.app {
            Some(app) => Some((app.clone(), request)),
            None => {
                self.early.push(request);
                None
            }
        }
    }

    fn hold(&mut self) -> Vec<Shown> {
        self.holding.get_or_insert_with(Vec::new);
        self.shown.clone()
    }

    /// Ends the hold, giving the clicks it kept.
    fn release(&mut self) -> Vec<u32> {
        self.holding.take().unwrap_or_default()
    }

    /// Gives the clicks held so far and keeps holding: this process is about to end, and the
    /// new one answers any click from now on.
    fn pass_on(&mut self) -> Vec<u32> {
        self.holding
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn app_ready(&mut self, app: App) -> Vec<OpenRequest> {
        self.app = Some(app);
        std::mem::take(&mut self.early)
    }
}

static CLICKS: LazyLock<Mutex<Clicks<AppHandle>>> = LazyLock::new(Mutex::default);

/// A click on notification `id` (from the server, or passed on by the process that handed
/// over): opens its item, once.
pub fn clicked(id: u32) {
    let (locked, open) = {
        let mut clicks = CLICKS.lock().unwrap_or_else(|p| p.into_inner());
        let locked = clicks.shown.iter().any(|s| s.id == id && s.locked);
        (locked, clicks.click(id))
    };
    if let Some((app, request)) = open {
        // Clicked while still locked: what it was about is known only once the data is open
        // again. Clicked after unlocking: it named nothing, so the Dashboard, which lists what
        // is due.
        if locked && app.state::<crate::state::AppState>().is_locked() {
            app.state::<ClickTarget>().note_locked_click();
        }
        open_target(&app, request);
    }
}

/// The app is built: clicks answered from now on open their item at once, and the ones that
/// came before open now.
pub fn app_ready(app: &AppHandle) {
    let early = CLICKS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .app_ready(app.clone());
    for request in early {
        open_target(app, request);
    }
}

/// A hand-over begins: clicks are held from now on; gives the reminders the new process takes
/// over, as the value of [`SHOWN_VAR`].
pub fn hold_clicks() -> String {
    let shown = CLICKS.lock().unwrap_or_else(|p| p.into_inner()).hold();
    serde_json::to_string(&shown).unwrap_or_else(|_| "[]".into())
}

/// The hand-over is done: the clicks held during it, for the new process to answer.
pub fn pass_on_clicks() -> Vec<u32> {
    CLICKS.lock().unwrap_or_else(|p| p.into_inner()).pass_on()
}

/// The hand-over failed: this process answers the clicks it held.
pub fn answer_held_clicks() {
    let held = CLICKS.lock().unwrap_or_else(|p| p.into_inner()).release();
    for id in held {
        clicked(id);
    }
}

/// How a click held during a hand-over is passed on to the new process: as a second launch's
/// argument (the single-instance call is the one the new process answers).
pub const CLICKED_ARG: &str = "--notification-clicked=";

/// The notification a second launch's arguments say was clicked.
pub fn clicked_arg(args: &[String]) -> Option<u32> {
    args.iter()
        .find_map(|a| a.strip_prefix(CLICKED_ARG)?.parse().ok())
}

/// In a process a hand-over started: shows again, in place, the reminders the old process had
/// on the desktop, so their clicks reach this one once the old one has ended. Before this
/// process takes the single-instance name, which the old one waits for before it ends.
pub fn take_over_shown() {
    let Some(text) = std::env::var_os(SHOWN_VAR) else {
        return;
    };
    let shown: Vec<Shown> = match serde_json::from_str(&text.to_string_lossy()) {
        Ok(shown) => shown,
        Err(e) => {
            eprintln!("Dossier: the reminders handed over could not be read: {e}");
            return;
        }
    };
    for s in shown {
        if let Err(e) = show_clickable(s.reminder, Some(s.open_label), Some(s.id), s.locked) {
            eprintln!("Dossier: a reminder handed over could not be shown again: {e}");
        }
    }
}

/// What the window is asked to open after a click on a notification.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::countdowns::CountdownKind;

    fn shown(id: u32, vacancy: u32) -> Shown {
        Shown {
            id,
            reminder: Notification {
                title: format!("Deadline in 7 days: {vacancy}"),
                body: String::new(),
                target: Some(NotificationTarget {
                    kind: CountdownKind::Deadline,
                    vacancy_id: Some(vacancy),
                    application_id: None,
                    document_id: None,
                    interview_id: None,
                }),
                reminder_keys: vec![format!("deadline:{vacancy}:7")],
            },
            open_label: "Open".into(),
            locked: false,
        }
    }

    fn vacancy_of(open: Option<(&str, OpenRequest)>) -> Option<(&str, u32)> {
        open.map(|(app, r)| (app, r.target.and_then(|t| t.vacancy_id).unwrap()))
    }

    #[test]
    fn a_click_opens_its_item_once_and_a_closed_one_nothing() {
        let mut clicks = Clicks::default();
        clicks.app_ready("app");
        clicks.shown(shown(1, 1503));
        clicks.shown(shown(2, 1574));
        assert_eq!(vacancy_of(clicks.click(1)), Some(("app", 1503)));
        assert_eq!(vacancy_of(clicks.click(1)), None, "answered already");
        clicks.closed(2);
        assert_eq!(vacancy_of(clicks.click(2)), None, "dismissed");
        assert_eq!(vacancy_of(clicks.click(9)), None, "not Dossier's");
    }

    #[test]
    fn during_a_hand_over_clicks_are_held_then_passed_on_or_answered() {
        let mut old = Clicks::default();
        old.app_ready("old");
        old.shown(shown(1, 1503));
        old.shown(shown(2, 1574));
        let handed: Vec<Shown> =
            serde_json::from_str(&serde_json::to_string(&old.hold()).unwrap()).unwrap();
        assert_eq!(handed.len(), 2);
        assert_eq!(vacancy_of(old.click(1)), None, "held, not opened here");
        assert_eq!(vacancy_of(old.click(1)), None);
        assert_eq!(old.pass_on(), vec![1], "passed on once");
        // Between passing them on and its end, the old process opens nothing.
        assert_eq!(vacancy_of(old.click(2)), None);

        // The new process showed them again before it was built: a click waits for the app.
        let mut new = Clicks::default();
        for s in handed {
            new.shown(s);
        }
        assert_eq!(vacancy_of(new.click(2)), None);
        let early = new.app_ready("new");
        assert_eq!(early.len(), 1);
        assert_eq!(early[0].target.as_ref().unwrap().vacancy_id, Some(1574));
        // The click the old one held arrives passed on, and from the server too: one opening.
        assert_eq!(vacancy_of(new.click(1)), Some(("new", 1503)));
        assert_eq!(vacancy_of(new.click(1)), None);
    }

    #[test]
    fn a_passed_on_click_is_read_from_the_second_launch_arguments() {
        let args = vec!["dossier".to_string(), format!("{CLICKED_ARG}7")];
        assert_eq!(clicked_arg(&args), Some(7));
        assert_eq!(clicked_arg(&["dossier".to_string()]), None);
    }

    #[test]
    fn a_failed_hand_over_answers_held_clicks_where_they_came() {
        let mut old = Clicks::default();
        old.app_ready("old");
        old.shown(shown(1, 1503));
        old.hold();
        // Closed while held: it may have gone with a server restart, the click still counts.
        old.click(1);
        old.closed(1);
        let held = old.release();
        assert_eq!(held, vec![1]);
        assert_eq!(vacancy_of(old.click(held[0])), Some(("old", 1503)));
    }
}

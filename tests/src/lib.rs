//! The end-to-end harness: for each test, a private X display (Xvfb), tauri-driver with
//! WebKitWebDriver, the release app built with the `e2e` feature, and a fake
//! `org.freedesktop.Notifications` server on the session bus that records what the app shows.
//!
//! Run it under `dbus-run-session` (the Makefile does) so the bus and everything GLib starts on it
//! end with the suite. Every process the harness starts dies with it, also when a test fails.

pub mod background;
pub mod display;
mod notifications;
pub mod paint;
pub mod process;
mod screenshots;
pub mod seed;
pub mod tray;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub use notifications::{Notification, NotificationServer};
pub use screenshots::assert_not_blank;
pub use tray::TrayHost;

use crate::display::VirtualDisplay;
use crate::process::Guarded;

/// Changes an empty 1-pixel element every frame until it is removed; see `App::screenshot`.
const KEEP_PAINTING: &str = "const dot = document.createElement('div'); dot.id = 'e2e-keep-painting'; \
    dot.style.cssText = 'position: fixed; inset-block-end: 0; inset-inline-end: 0; inline-size: 1px; block-size: 1px; pointer-events: none'; \
    document.body.append(dot); let odd = false; \
    const step = () => { if (!dot.isConnected) return; odd = !odd; dot.style.opacity = odd ? '0.01' : '0.02'; requestAnimationFrame(step); }; \
    requestAnimationFrame(step);";

/// How long any wait lasts before it fails. Generous, since CI machines are shared and slow:
/// a wait returns as soon as what it waits for holds, so a long limit costs nothing when green.
/// `DOSSIER_E2E_WAIT_SECS` changes it (e.g. longer under `make e2e-stress`).
/// Tries `attempt` until it gives a value, or panics after [`wait_limit`] naming `what` with
/// the last answer. For a state only asking can show (a bus's match rules, a WebDriver
/// session): each attempt reads the state again, 50 ms apart.
pub async fn retry_until<T, Fut>(what: &str, mut attempt: impl FnMut() -> Fut) -> T
where
    Fut: std::future::Future<Output = Result<T, String>>,
{
    let deadline = Instant::now() + wait_limit();
    loop {
        match attempt().await {
            Ok(value) => return value,
            Err(last) if Instant::now() < deadline => {
                eprintln!("waiting until {what}: {last}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(last) => panic!("timed out waiting until {what}; last: {last}"),
        }
    }
}

pub fn wait_limit() -> Duration {
    let secs = std::env::var("DOSSIER_E2E_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(45);
    Duration::from_secs(secs)
}

/// The instant the app's clock is stopped at unless a test says otherwise: a Sunday.
pub const DEFAULT_NOW: &str = "2026-11-22T09:00:00Z";

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The app under test: `DOSSIER_E2E_APP`, or the copy `make e2e` builds.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("DOSSIER_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/e2e/dossier"));
    assert!(
        path.is_file(),
        "{} is missing: build it with `make e2e-app` (the release app with the e2e feature)",
        path.display()
    );
    path
}

#[derive(Debug, Clone)]
pub struct Launch {
    pub data_dir: PathBuf,
    pub now: String,
    /// Answer for the save dialog: a path, or `Some("")` to cancel.
    pub save_path: Option<PathBuf>,
    /// Answer for the open dialog: these paths, or an empty list to cancel.
    pub open_paths: Option<Vec<PathBuf>>,
    /// Answer for the folder dialog: a folder, or `Some("")` to cancel.
    pub folder_path: Option<PathBuf>,
    /// Where web addresses the app opens are written instead of starting a browser.
    pub opened_log: Option<PathBuf>,
    /// Extra environment for the app, such as the desktop's theme or time zone.
    pub env: Vec<(String, String)>,
    /// Leaves `DOSSIER_DATA_DIR` unset, so the app finds its data folder as an installed app
    /// does (under `XDG_DATA_HOME`, which the test then sets in `env`); `data_dir` is where the
    /// test expects it.
    pub default_data_folder: bool,
    /// A tray host runs on the session bus (a stand-in for the desktop's); without one the
    /// desktop shows no tray icons, and closing the window quits.
    pub tray: bool,
    /// The app to start instead of `app_binary()`: `make bench` drives its own release build.
    pub app: Option<PathBuf>,
}

impl Launch {
    pub fn new(data_dir: &Path) -> Self {
        Launch {
            data_dir: data_dir.to_path_buf(),
            now: DEFAULT_NOW.into(),
            save_path: None,
            open_paths: None,
            folder_path: None,
            opened_log: None,
            env: Vec::new(),
            default_data_folder: false,
            tray: false,
            app: None,
        }
    }
}

/// One running app, driven through WebDriver.
pub struct App {
    pub client: Client,
    pub notifications: NotificationServer,
    /// The tray host the app registers its icon with, when the launch asked for one.
    pub tray: Option<TrayHost>,
    /// What the app was started with, for a second launch of the same Dossier.
    env: Vec<(String, std::ffi::OsString)>,
    /// Where the app writes a line after each pass of its reminder timer (e2e builds only).
    reminder_passes: PathBuf,
    /// Where the app writes a line after each automatic backup check (e2e builds only).
    backup_passes: PathBuf,
    _scratch: tempfile::TempDir,
    /// Where the process a close to the tray hands over to (`handover.rs`) serves WebKit's
    /// remote inspector once it makes a window again (e2e builds only), for
    /// [`App::attach_to_fresh_process`].
    fresh_inspector: String,
    // Fields drop in declaration order: the drivers (and the app with them) before the display.
    fresh_driver: Option<Guarded>,
    driver: Guarded,
    display: VirtualDisplay,
}

impl App {
    pub async fn launch(launch: Launch) -> App {
        process::adopt_orphans();
        let display = VirtualDisplay::start();
        let notifications = NotificationServer::start().await;
        let tray = if launch.tray {
            Some(TrayHost::start().await)
        } else {
            None
        };
        let port = process::free_port();
        let native_port = process::free_port();
        let scratch = tempfile::tempdir().expect("a scratch folder for the launch");
        let reminder_passes = scratch.path().join("reminder-passes.log");
        let backup_passes = scratch.path().join("backup-passes.log");

        let config_home = scratch.path().join("config");
        let mut env: Vec<(String, std::ffi::OsString)> = vec![
            ("DISPLAY".into(), display.name().into()),
            ("DOSSIER_E2E_NOW".into(), launch.now.clone().into()),
            (
                "DOSSIER_E2E_REMINDER_LOG".into(),
                reminder_passes.clone().into(),
            ),
            (
                "DOSSIER_E2E_BACKUP_LOG".into(),
                backup_passes.clone().into(),
            ),
            (
                "DOSSIER_E2E_INSTANCE_LOG".into(),
                scratch.path().join("second-launches.log").into(),
            ),
            (
                "DOSSIER_E2E_TRAY_LOG".into(),
                scratch.path().join("tray.log").into(),
            ),
            (
                "DOSSIER_E2E_CLICK_LOG".into(),
                scratch.path().join("clicks.log").into(),
            ),
            // A fresh configuration folder: no window size or position saved by an earlier run.
            ("XDG_CONFIG_HOME".into(), config_home.into()),
            // No accessibility bus: it would outlive the test and is not what is tested here.
            ("NO_AT_BRIDGE".into(), "1".into()),
            ("LIBGL_ALWAYS_SOFTWARE".into(), "1".into()),
        ];
        // An installed app finds its data folder under `XDG_DATA_HOME` (set by the test in `env`).
        if !launch.default_data_folder {
            env.push(("DOSSIER_DATA_DIR".into(), launch.data_dir.clone().into()));
        }
        if let Some(path) = &launch.save_path {
            env.push(("DOSSIER_E2E_SAVE_PATH".into(), path.clone().into()));
        }
        if let Some(paths) = &launch.open_paths {
            let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            env.push(("DOSSIER_E2E_OPEN_PATHS".into(), lines.join("\n").into()));
        }
        if let Some(path) = &launch.folder_path {
            env.push(("DOSSIER_E2E_FOLDER_PATH".into(), path.clone().into()));
        }
        if let Some(log) = &launch.opened_log {
            env.push(("DOSSIER_E2E_OPENED_LOG".into(), log.clone().into()));
        }
        let fresh_inspector = format!("127.0.0.1:{}", process::free_port());
        env.push((
            "DOSSIER_E2E_FRESH_INSPECTOR".into(),
            fresh_inspector.clone().into(),
        ));
        env.extend(launch.env.iter().map(|(k, v)| (k.clone(), v.into())));

        let mut command = std::process::Command::new(process::tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .env_remove("WAYLAND_DISPLAY");
        if launch.default_data_folder {
            command.env_remove("DOSSIER_DATA_DIR");
        }
        // The app's and drivers' own output goes to a log per launch, kept for failed runs.
        let logs = workspace_root().join("target/e2e-logs");
        std::fs::create_dir_all(&logs).expect("log folder");
        let log = std::fs::File::create(logs.join(format!("app-{port}.log"))).expect("log file");
        command
            .stdout(log.try_clone().expect("log file"))
            .stderr(log);
        let driver = Guarded::spawn("tauri-driver", command);
        process::wait_for_port(port, wait_limit());

        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": launch.app.clone().unwrap_or_else(app_binary) }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = {
            let deadline = Instant::now() + wait_limit();
            loop {
                match ClientBuilder::new(connector.clone())
                    .capabilities(capabilities.clone())
                    .connect(&format!("http://127.0.0.1:{port}"))
                    .await
                {
                    Ok(client) => break client,
                    Err(e) if Instant::now() < deadline => {
                        eprintln!("waiting for a WebDriver session: {e}");
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                    Err(e) => panic!("no WebDriver session: {e}"),
                }
            }
        };
        let app = App {
            client,
            notifications,
            tray,
            env,
            reminder_passes,
            backup_passes,
            _scratch: scratch,
            fresh_inspector,
            fresh_driver: None,
            driver,
            display,
        };
        app.wait_for("main[data-ready='true']").await;
        app
    }

    /// The private X display the app's window is on (`:N`), for X tools such as `xwininfo`.
    pub fn display_name(&self) -> &str {
        self.display.name()
    }

    /// Ends the WebDriver session and stops every process; also done on drop.
    pub async fn close(self) {
        let App {
            client,
            fresh_driver,
            driver,
            ..
        } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        drop(fresh_driver);
        drop(driver);
    }

    /// Drives the window of the process a close to the tray handed over to, which WebDriver
    /// did not start: a WebKitWebDriver of its own connects to that process's remote inspector
    /// (`webkitgtk:browserOptions.targetAddress`), which it serves once it has made a window
    /// again. Every later read goes to that window's page.
    pub async fn attach_to_fresh_process(&mut self) {
        let port = process::free_port();
        let mut command = std::process::Command::new(
            std::env::var_os("WEBKIT_WEBDRIVER").unwrap_or_else(|| "WebKitWebDriver".into()),
        );
        command.arg(format!("--port={port}"));
        let logs = workspace_root().join("target/e2e-logs");
        let log =
            std::fs::File::create(logs.join(format!("fresh-driver-{port}.log"))).expect("log file");
        command
            .stdout(log.try_clone().expect("log file"))
            .stderr(log);
        let driver = Guarded::spawn("WebKitWebDriver for the fresh process", command);
        process::wait_for_port(port, wait_limit());
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "webkitgtk:browserOptions".into(),
            json!({ "targetAddress": self.fresh_inspector }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let deadline = Instant::now() + wait_limit();
        let address = format!("http://127.0.0.1:{port}");
        let client = retry_until("the fresh process's window takes a session", || {
            let connector = connector.clone();
            let capabilities = capabilities.clone();
            let address = address.clone();
            // WebKitWebDriver answers a new session only once the process's window serves its
            // inspector: each attempt is bounded, so a window that never comes fails the test
            // instead of holding the suite until its timeout.
            async move {
                let mut builder = ClientBuilder::new(connector);
                builder.capabilities(capabilities);
                let left = deadline.saturating_duration_since(Instant::now());
                match tokio::time::timeout(left, builder.connect(&address)).await {
                    Ok(Ok(client)) => Ok(client),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(_) => Err("no answer to the session request".into()),
                }
            }
        })
        .await;
        // The first process has ended: its session leads nowhere.
        let old = std::mem::replace(&mut self.client, client);
        let _ = tokio::time::timeout(Duration::from_secs(5), old.close()).await;
        self.fresh_driver = Some(driver);
        self.wait_for("main[data-ready='true']").await;
    }

    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(wait_limit())
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// The text of the first element matching `css`. A view that re-renders can replace the
    /// element between finding it and reading it; that is retried, not reported.
    pub async fn text_of(&self, css: &str) -> String {
        let deadline = Instant::now() + wait_limit();
        loop {
            match self.wait_for(css).await.text().await {
                Ok(text) => return text,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("retrying the text of {css}: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("text of {css}: {e}"),
            }
        }
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn exists(&self, css: &str) -> bool {
        !self.read_all(css, |_| async { Ok(()) }).await.is_empty()
    }

    /// Runs `read` on every element matching `css`. WebKitWebDriver can report a stale element
    /// from the query itself, or while reading, when the view re-renders in between; the whole
    /// query is then taken again rather than reported, so a result is always one consistent page.
    pub async fn read_all<T, F, Fut>(&self, css: &str, read: F) -> Vec<T>
    where
        F: Fn(fantoccini::elements::Element) -> Fut,
        Fut: std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
    {
        let deadline = Instant::now() + wait_limit();
        loop {
            let attempt = async {
                let mut out = Vec::new();
                for element in self.client.find_all(Locator::Css(css)).await? {
                    out.push(read(element).await?);
                }
                Ok::<_, fantoccini::error::CmdError>(out)
            };
            match attempt.await {
                Ok(out) => return out,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("retrying the query {css}: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("query {css}: {e}"),
            }
        }
    }

    /// Types into a field as a user would, after selecting and deleting what it held (with keys,
    /// so the page sees the same input events a person's typing makes).
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        // Ctrl+A, release Ctrl, Backspace: WebDriver's own clear fires no input event.
        field
            .send_keys("\u{E009}a\u{E000}\u{E003}")
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        if !text.is_empty() {
            // WebDriver has no "\n" key: a line break is the Enter key (U+E007).
            field
                .send_keys(&text.replace('\n', "\u{E007}"))
                .await
                .unwrap_or_else(|e| panic!("type into {css}: {e}"));
        }
    }

    /// Types a date into one of the app's date fields, by keyboard, and waits until the field
    /// holds it. The field reads ISO (`1990-05-04`) whatever the locale, shows the date in the
    /// candidate's own order and keeps the ISO date it stands for in `data-value`.
    pub async fn fill_date(&self, css: &str, iso: &str) {
        self.fill(css, iso).await;
        self.until(
            &format!("{css} holds {iso}"),
            || self.date_of(css),
            |held| held == iso,
        )
        .await;
    }

    /// The ISO date an app date field stands for (`""` for none), whatever it shows.
    pub async fn date_of(&self, css: &str) -> String {
        self.attr_of(css, "data-value").await.unwrap_or_default()
    }

    /// Types a time into a time field. How a time field takes typed digits depends on the
    /// engine (WebKitGTK shows it as a plain text field in some versions); when typing did not
    /// give the value, it is set as the page's own picker would, with the same events.
    pub async fn fill_time(&self, css: &str, time: &str) {
        self.fill(css, time).await;
        if self.value_of(css).await == time {
            return;
        }
        self.client
            .execute(
                "const field = document.querySelector(arguments[0]);
                 const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                 set.call(field, arguments[1]);
                 field.dispatchEvent(new Event('input', { bubbles: true }));
                 field.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![css.into(), time.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("set {css}: {e}"));
        assert_eq!(self.value_of(css).await, time, "{css} holds the time");
    }

    /// Picks an option of a `<select>` by its value.
    pub async fn choose(&self, select_css: &str, value: &str) {
        self.click(&format!("{select_css} option[value='{value}']"))
            .await;
    }

    /// The current value of a form field.
    pub async fn value_of(&self, css: &str) -> String {
        self.wait_for(css).await;
        self.read_all(css, |element| async move { element.prop("value").await })
            .await
            .into_iter()
            .next()
            .flatten()
            .unwrap_or_default()
    }

    /// Drags the first element matching `from` onto the first matching `to` with the mouse, as
    /// a person does: press, move a little, travel, pause over the target, release. The target
    /// is looked for once the drag has started, since a page may show drop targets only then.
    pub async fn drag(&self, from: &str, to: &str) {
        use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
        let step = |x: f64, y: f64| PointerAction::MoveBy {
            duration: Some(Duration::from_millis(50)),
            x,
            y,
        };
        let source = self.wait_for(from).await;
        let press = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: source,
                duration: None,
                x: 0.0,
                y: -10.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(step(4.0, 4.0))
            .then(step(12.0, 8.0));
        self.client
            .perform_actions(press)
            .await
            .unwrap_or_else(|e| panic!("start dragging {from}: {e}"));
        let target = self.wait_for(to).await;
        let release = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: target,
                duration: Some(Duration::from_millis(300)),
                x: 0.0,
                y: 0.0,
            })
            .then(step(2.0, 2.0))
            .then(PointerAction::Pause {
                duration: Duration::from_millis(150),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(release)
            .await
            .unwrap_or_else(|e| panic!("drop {from} onto {to}: {e}"));
        let _ = self.client.release_actions().await;
    }

    /// Sends keys to whatever has the focus, as typing does.
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("an element has the focus")
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("press {keys:?}: {e}"));
    }

    /// Presses Tab from the first field of `scope` until the focus leaves it, or comes round to
    /// where it began (a dialog keeps it inside); fails when a press leaves the focus where it
    /// was (a trap) or `limit` presses do not get through. The stops, by name or test id.
    pub async fn tab_through(&self, scope: &str, limit: usize) -> Vec<String> {
        const WHERE: &str = "const s = document.querySelector(arguments[0]);
             const e = document.activeElement;
             const at = Array.prototype.indexOf.call(document.querySelectorAll('*'), e);
             const name = e && e !== document.body
                 ? e.getAttribute('name') || e.dataset.testid || e.tagName.toLowerCase() : 'body';
             return [`${name}#${at}`, name, !!s && s.contains(e)];";
        self.wait_for(scope).await;
        // A view may draw its fields after it opened: wait for one that takes the focus.
        self.eventually(&format!("{scope} has a field to start from"), || async {
            self.client
                .execute(
                    "const fields = [...document.querySelector(arguments[0])
                     .querySelectorAll('input, select, textarea, button, a[href], [tabindex]')]
                     .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
                 for (const field of fields) {
                     field.focus();
                     if (document.activeElement === field) return true;
                 }
                 return false;",
                    vec![json!(scope)],
                )
                .await
                .ok()
                == Some(json!(true))
        })
        .await;
        let read = || async {
            let seen = self
                .client
                .execute(WHERE, vec![json!(scope)])
                .await
                .expect("read the focus");
            (
                seen[0].as_str().unwrap_or_default().to_string(),
                seen[1].as_str().unwrap_or_default().to_string(),
                seen[2].as_bool().unwrap_or(false),
            )
        };
        let (first, name, _) = read().await;
        let (mut key, mut stops) = (first.clone(), vec![name]);
        for _ in 0..limit {
            self.press("\u{E004}").await;
            let (now, name, inside) = read().await;
            assert_ne!(
                now, key,
                "Tab stayed on {name} in {scope}; stops so far: {stops:?}"
            );
            if !inside || now == first {
                return stops;
            }
            key = now;
            stops.push(name);
        }
        panic!("Tab did not get through {scope} in {limit} presses: {stops:?}");
    }

    /// An attribute of the first element matching `css`, once one exists.
    pub async fn attr_of(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css).await;
        self.read_all(css, |element| async move { element.attr(name).await })
            .await
            .into_iter()
            .next()
            .flatten()
    }

    /// The texts of every element matching `css`, in page order.
    pub async fn texts_of_all(&self, css: &str) -> Vec<String> {
        self.read_all(css, |element| async move { element.text().await })
            .await
    }

    /// Polls until `check` holds, for things that change without a new element appearing.
    pub async fn eventually<F, Fut>(&self, what: &str, check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        self.until(what, check, |held: &bool| *held).await;
    }

    /// Reads with `read` until `expected` holds of what it read, and returns that reading. A
    /// check that follows an action goes through here: the page answers in its own time, so
    /// one early reading proves nothing. On timeout the panic shows the last reading.
    pub async fn until<T, R, Fut, P>(&self, what: &str, mut read: R, expected: P) -> T
    where
        T: std::fmt::Debug,
        R: FnMut() -> Fut,
        Fut: std::future::Future<Output = T>,
        P: Fn(&T) -> bool,
    {
        let deadline = Instant::now() + wait_limit();
        loop {
            let seen = read().await;
            if expected(&seen) {
                return seen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting until {what}; last seen: {seen:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The text of the first element matching `css`, once `expected` holds of it.
    pub async fn text_until(
        &self,
        css: &str,
        what: &str,
        expected: impl Fn(&str) -> bool,
    ) -> String {
        self.until(what, || self.text_of(css), |text: &String| expected(text))
            .await
    }

    /// The texts of every element matching `css`, once `expected` holds of them.
    pub async fn texts_until(
        &self,
        css: &str,
        what: &str,
        expected: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        self.until(
            what,
            || self.texts_of_all(css),
            |texts: &Vec<String>| expected(texts),
        )
        .await
    }

    /// Checks that nothing matches `css`. Only meaningful once the page has shown the state the
    /// absence is checked in: the caller first waits for a positive sign of it, so this cannot
    /// pass merely by being early.
    pub async fn assert_absent(&self, css: &str, why: &str) {
        assert!(!self.exists(css).await, "{why}: {css} is shown");
    }

    /// Waits until the app's reminder timer has finished `passes` passes since this launch:
    /// what a pass delivers has reached the notification server by then, so a test may check
    /// what was (and was not) shown.
    pub async fn wait_for_reminder_passes(&self, passes: usize) {
        self.eventually(
            &format!("the reminder timer has run {passes} pass(es)"),
            || async {
                std::fs::read_to_string(&self.reminder_passes)
                    .unwrap_or_default()
                    .lines()
                    .count()
                    >= passes
            },
        )
        .await;
    }

    /// Waits until the automatic backup checks of this launch, one line each (`due=no`,
    /// `ok <id>`, `failed <code>`), satisfy `expected`, and returns them. A check runs after each
    /// pass of the reminder timer, in the background.
    pub async fn wait_for_backup_passes(
        &self,
        what: &str,
        expected: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        self.until(
            what,
            || async {
                std::fs::read_to_string(&self.backup_passes)
                    .unwrap_or_default()
                    .lines()
                    .map(|line| line.strip_prefix("backup ").unwrap_or(line).to_string())
                    .collect::<Vec<_>>()
            },
            |lines: &Vec<String>| expected(lines),
        )
        .await
    }

    /// Opens a view from the sidebar and waits until it is shown.
    pub async fn open_view(&self, route: &str) {
        self.click(&format!("nav a[data-route='{route}']")).await;
        self.wait_for(&format!("main[data-view='{route}']")).await;
    }

    /// Takes a screenshot of the window, checks it shows something, and keeps it under
    /// `target/e2e-screenshots/` for people to look at.
    /// Checks that the dialog `selector` shows as a dialog: fixed over a dimming overlay, centred
    /// across the window and inside it. The frame's styles are shared by every dialog, and a
    /// dialog loaded on its own once showed unstyled, inline at the foot of the page.
    pub async fn assert_centred_dialog(&self, selector: &str) {
        let frame = self
            .client
            .execute(
                "const d = document.querySelector(arguments[0]);
                 if (!d) return null;
                 const r = d.getBoundingClientRect();
                 const o = document.querySelector('.overlay');
                 return {
                   position: getComputedStyle(d).position,
                   overlay: o ? getComputedStyle(o).position : null,
                   offCentre: Math.abs(r.left + r.width / 2 - innerWidth / 2),
                   inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
                 };",
                vec![json!(selector)],
            )
            .await
            .expect("read the dialog's frame");
        assert_eq!(frame["position"], json!("fixed"), "{selector}: {frame}");
        assert_eq!(frame["overlay"], json!("fixed"), "{selector}: {frame}");
        assert!(
            frame["offCentre"].as_f64().is_some_and(|d| d < 2.0),
            "{selector} is not centred: {frame}"
        );
        assert_eq!(frame["inside"], json!(true), "{selector}: {frame}");
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Two frames, so what was just rendered is painted.
        let _ = self
            .client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await;
        // WebKit paints this window without compositing layers (see the app's
        // `webview_settings`), and WebKitWebDriver's screenshot then waits for the next painted
        // update, which a page at rest never sends: something must keep changing until it is
        // taken. The dot is empty, so nothing of it shows in the image.
        let _ = self.client.execute(KEEP_PAINTING, vec![]).await;
        let png = tokio::time::timeout(Duration::from_secs(30), self.client.screenshot())
            .await
            .unwrap_or_else(|_| panic!("screenshot {name} timed out"))
            .expect("screenshot");
        let _ = self
            .client
            .execute(
                "document.getElementById('e2e-keep-painting')?.remove();",
                vec![],
            )
            .await;
        assert_not_blank(&png, name);
        screenshots::save(name, &png)
    }
}

//! Closing the window to the tray hands Dossier over to a fresh process of itself.
//!
//! A process that has shown a window keeps WebKit's network process and its GL mappings after
//! the window is destroyed (Tauri holds its web context on Linux, tauri issue 14626, and
//! WebKitGTK 4.1 has no call to end it). A fresh `dossier --hidden` never made a web view, so
//! the one that closed its window starts one and ends once it has taken over:
//!
//! 1. this process stops its reminder timer, waiting for a pass under way to end: every
//!    reminder it showed is recorded in the store as delivered, every one it could not show
//!    is given back, so the new process neither repeats nor loses one;
//! 2. it holds the backup lock until it exits, so it never ends in the middle of a backup;
//! 3. it starts the new process (same binary, environment and data folder) and only then lets
//!    go of the single-instance name; the new process waits for the name to be free before it
//!    starts (a bounded wait, logged when it runs out);
//! 4. once the name's owner is another process (the new one, or a Dossier a candidate started
//!    at that moment), this one exits. The new one starts its timer right after taking the
//!    name, and its first pass delivers whatever came due in between.
//!
//! Anything failing on the way (the binary cannot be started, the new process ends or does not
//! take the name in time) leaves this process in the tray as before: window closed, timer
//! running again, and the failure logged.

use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::background;
use crate::state::AppState;

/// Set for the new process: the single-instance name it waits to be free before it starts.
const HANDOVER_VAR: &str = "DOSSIER_HANDOVER_NAME";

/// How long the new process gets to take the name: its start on a loaded machine, GTK's and the
/// session bus's included.
const TAKE_OVER_AT_MOST: Duration = Duration::from_secs(30);

/// How long the new process waits for the old one to let go of the name.
const FREE_AT_MOST: Duration = Duration::from_secs(10);

/// How often the session bus is asked who owns the name while waiting.
const ASK_EVERY: Duration = Duration::from_millis(25);

/// A hand-over is under way: a second close or a second request must not start another.
#[derive(Default)]
pub struct Handover {
    under_way: AtomicBool,
}

#[derive(Debug, thiserror::Error)]
enum Failed {
    #[error("the new process could not be started: {0}")]
    Spawn(std::io::Error),
    #[error("the new process ended ({0}) without taking over")]
    Ended(ExitStatus),
    #[error("the new process did not take over within {0:?}")]
    TooSlow(Duration),
    #[error("the session bus could not be asked: {0}")]
    Bus(zbus::Error),
}

/// The single-instance plugin's D-Bus name (`tauri-plugin-single-instance`, Linux).
fn instance_name(app: &AppHandle) -> String {
    format!("{}.SingleInstance", app.config().identifier)
}

/// The window was closed to the tray: hands over to a fresh hidden process, or stays.
pub fn begin(app: &AppHandle) {
    if app
        .state::<Handover>()
        .under_way
        .swap(true, Ordering::SeqCst)
    {
        return;
    }
    let app = app.clone();
    let thread = std::thread::Builder::new()
        .name("handover".into())
        .spawn(move || run(&app));
    if let Err(e) = thread {
        eprintln!("Dossier: staying in the tray in this process ({e})");
    }
}

fn run(app: &AppHandle) {
    let state = app.state::<AppState>();
    if let Some(timer) = state.timer() {
        timer.stop();
    }
    let backups = state.hold_backups();
    // Its menu would act on a process about to end; the new process puts up its own.
    let _ = app.remove_tray_by_id(background::TRAY_ID);
    match hand_over(app) {
        Ok(()) => {
            app.exit(0);
            // The backup lock stays held until the process has ended.
            let _backups = backups;
            loop {
                std::thread::park();
            }
        }
        Err(e) => {
            eprintln!("Dossier: staying in the tray in this process: {e}");
            drop(backups);
            background::start_tray(app);
            if let Some(timer) = state.timer() {
                timer.resume();
            }
            app.state::<Handover>()
                .under_way
                .store(false, Ordering::SeqCst);
            #[cfg(feature = "e2e")]
            crate::test_hooks::stayed_in_tray(app);
        }
    }
}

fn hand_over(app: &AppHandle) -> Result<(), Failed> {
    let name = instance_name(app);
    let binary = std::env::current_exe().map_err(Failed::Spawn)?;
    #[cfg(feature = "e2e")]
    let binary = crate::test_hooks::handover_binary().unwrap_or(binary);
    let mut command = Command::new(binary);
    command
        .arg(background::HIDDEN_ARG)
        .env(HANDOVER_VAR, &name)
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    #[cfg(feature = "e2e")]
    crate::test_hooks::handover_env(&mut command);
    let mut child = command.spawn().map_err(Failed::Spawn)?;
    // Only now: had the start failed, this process would still hold the name.
    tauri_plugin_single_instance::destroy(app);
    let taken = tauri::async_runtime::block_on(taken_over(&name, &mut child));
    if taken.is_err() {
        let _ = child.kill();
        let _ = child.wait();
    }
    taken
}

/// Waits until `name` belongs to a process other than this one.
async fn taken_over(name: &str, child: &mut Child) -> Result<(), Failed> {
    let connection = zbus::Connection::session().await.map_err(Failed::Bus)?;
    let me = std::process::id();
    let ask = async {
        loop {
            if owner_pid(&connection, name)
                .await
                .is_some_and(|pid| pid != me)
            {
                return Ok(());
            }
            if let Ok(Some(status)) = child.try_wait() {
                // It may have handed its start to a Dossier started meanwhile: that one runs.
                return match owner_pid(&connection, name).await {
                    Some(pid) if pid != me => Ok(()),
                    _ => Err(Failed::Ended(status)),
                };
            }
            tokio::time::sleep(ASK_EVERY).await;
        }
    };
    tokio::time::timeout(TAKE_OVER_AT_MOST, ask)
        .await
        .unwrap_or(Err(Failed::TooSlow(TAKE_OVER_AT_MOST)))
}

/// The process owning `name` on the session bus, if any.
async fn owner_pid(connection: &zbus::Connection, name: &str) -> Option<u32> {
    let call = |method: &'static str, arg: String| async move {
        connection
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                method,
                &(arg,),
            )
            .await
            .ok()
    };
    let owner: String = call("GetNameOwner", name.to_string())
        .await?
        .body()
        .deserialize()
        .ok()?;
    call("GetConnectionUnixProcessID", owner)
        .await?
        .body()
        .deserialize()
        .ok()
}

/// In a process started by a hand-over: waits (bounded) until the old process has let go of
/// the single-instance name, so this one takes it instead of handing its start back.
pub fn wait_for_the_old_process() {
    let Some(name) = std::env::var_os(HANDOVER_VAR) else {
        return;
    };
    let name = name.to_string_lossy().into_owned();
    let free = tauri::async_runtime::block_on(async {
        let connection = zbus::Connection::session().await.ok()?;
        let ask = async {
            while owner_pid(&connection, &name).await.is_some() {
                tokio::time::sleep(ASK_EVERY).await;
            }
        };
        tokio::time::timeout(FREE_AT_MOST, ask).await.ok()
    });
    if free.is_none() {
        eprintln!(
            "Dossier: the process handing over still holds {name} after {FREE_AT_MOST:?} \
             (or the session bus does not answer); starting anyway"
        );
    }
}

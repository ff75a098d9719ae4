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
//! A window must not come back in a process about to end, and a reminder on the desktop must
//! not lose its click with the process that showed it. From the first moment, clicks on
//! reminders and second launches are held here; the reminders still on the desktop are passed
//! to the new process, which shows them again in place (same id, `notify.rs`) before it takes
//! the name. Once it has, what was held is passed on through its single-instance interface, as
//! a second launch would be (a click seen by both processes opens once).
//!
//! Anything failing on the way (the binary cannot be started, the new process ends or does not
//! take the name in time) leaves this process in the tray as before: window closed, timer
//! running again, what was held answered here, and the failure logged.

use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::background;
use crate::state::AppState;

/// Set for the new process: the single-instance name it waits to be free before it starts.
const HANDOVER_VAR: &str = "DOSSIER_HANDOVER_NAME";

/// How long each side of a hand-over waits for the other; a test gives short ones.
#[derive(Debug, Clone, Copy)]
struct Waits {
    /// How long the new process gets to take the name: its start on a loaded machine, GTK's
    /// and the session bus's included.
    take_over_at_most: Duration,
    /// How long the new process waits for the old one to let go of the name.
    free_at_most: Duration,
    /// How often the session bus is asked who owns the name while waiting.
    ask_every: Duration,
}

const WAITS: Waits = Waits {
    take_over_at_most: Duration::from_secs(30),
    free_at_most: Duration::from_secs(10),
    ask_every: Duration::from_millis(25),
};

/// A hand-over is under way: a second close or a second request must not start another.
#[derive(Default)]
pub struct Handover {
    under_way: AtomicBool,
    /// Second launches during a hand-over: passed on to the new process, or answered here if
    /// this one stays.
    launches: Mutex<Vec<Vec<String>>>,
}

/// A second launch while a hand-over is under way: held (`true`), so that no window is made
/// in a process about to end.
pub fn hold_launch(app: &AppHandle, args: &[String]) -> bool {
    // A launch answered before the app's setup has made its state: no hand-over yet.
    let Some(handover) = app.try_state::<Handover>() else {
        return false;
    };
    let mut launches = handover.launches.lock().unwrap_or_else(|p| p.into_inner());
    // Under the lock: `stayed` clears the flag under it before answering what was held.
    if !handover.under_way.load(Ordering::SeqCst) {
        return false;
    }
    launches.push(args.to_vec());
    true
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
    // From the first moment: a click now must not make a window in a process about to end.
    crate::notify::hold_clicks();
    let thread = {
        let app = app.clone();
        std::thread::Builder::new()
            .name("handover".into())
            .spawn(move || run(&app))
    };
    if let Err(e) = thread {
        eprintln!("Dossier: staying in the tray in this process ({e})");
        ThisProcess(app).stayed();
    }
}

fn run(app: &AppHandle) {
    if let Some(backups) = hand_over_or_stay(&ThisProcess(app)) {
        app.exit(0);
        // The backup lock stays held until the process has ended.
        let _backups = backups;
        loop {
            std::thread::park();
        }
    }
}

/// What a hand-over does to the process handing over: a seam, so that a test can see the
/// order of the steps and what a failure puts back.
trait Old {
    /// Held until this process exits once it has handed over.
    type Held;
    fn stop_timer(&self);
    fn hold_backups(&self) -> Self::Held;
    fn take_tray_down(&self);
    fn hand_over(&self) -> Result<(), Failed>;
    fn put_tray_back(&self);
    fn resume_timer(&self);
    fn stayed(&self);
}

/// Hands over, returning the backup lock to hold until the exit; or stays in the tray, as
/// before, when anything failed.
fn hand_over_or_stay<O: Old>(old: &O) -> Option<O::Held> {
    old.stop_timer();
    let backups = old.hold_backups();
    // Its menu would act on a process about to end; the new process puts up its own.
    old.take_tray_down();
    match old.hand_over() {
        Ok(()) => Some(backups),
        Err(e) => {
            eprintln!("Dossier: staying in the tray in this process: {e}");
            drop(backups);
            old.put_tray_back();
            old.resume_timer();
            old.stayed();
            None
        }
    }
}

struct ThisProcess<'a>(&'a AppHandle);

impl<'a> Old for ThisProcess<'a> {
    type Held = std::sync::MutexGuard<'a, ()>;

    fn stop_timer(&self) {
        if let Some(timer) = self.0.state::<AppState>().inner().timer() {
            timer.stop();
        }
    }

    fn hold_backups(&self) -> Self::Held {
        self.0.state::<AppState>().inner().hold_backups()
    }

    fn take_tray_down(&self) {
        let _ = self.0.remove_tray_by_id(background::TRAY_ID);
    }

    fn hand_over(&self) -> Result<(), Failed> {
        let app = self.0;
        #[cfg(feature = "e2e")]
        crate::test_hooks::handover_gate();
        let name = instance_name(app);
        let binary = std::env::current_exe().map_err(Failed::Spawn)?;
        #[cfg(feature = "e2e")]
        let binary = crate::test_hooks::handover_binary().unwrap_or(binary);
        let mut command = Command::new(binary);
        // From here on a click on a reminder waits for the outcome (it must not open a window
        // in a process about to end); the new process shows those reminders again, in place.
        let shown = crate::notify::hold_clicks();
        command
            .arg(background::HIDDEN_ARG)
            .env(HANDOVER_VAR, &name)
            .env(crate::notify::SHOWN_VAR, shown)
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        #[cfg(feature = "e2e")]
        crate::test_hooks::handover_env(&mut command);
        tauri::async_runtime::block_on(async {
            let connection = zbus::Connection::session().await.map_err(Failed::Bus)?;
            start_and_wait(
                command,
                || tauri_plugin_single_instance::destroy(app),
                || owner_pid(&connection, &name),
                WAITS,
            )
            .await?;
            self.pass_on(&connection, &name).await;
            Ok(())
        })
    }

    fn put_tray_back(&self) {
        background::start_tray(self.0);
    }

    fn resume_timer(&self) {
        if let Some(timer) = self.0.state::<AppState>().inner().timer() {
            timer.resume();
        }
    }

    fn stayed(&self) {
        let handover = self.0.state::<Handover>();
        let launches = {
            let mut launches = handover.launches.lock().unwrap_or_else(|p| p.into_inner());
            handover.under_way.store(false, Ordering::SeqCst);
            std::mem::take(&mut *launches)
        };
        crate::notify::answer_held_clicks();
        for args in launches {
            background::on_second_launch(self.0, args);
        }
        #[cfg(feature = "e2e")]
        crate::test_hooks::stayed_in_tray(self.0);
    }
}

impl ThisProcess<'_> {
    /// Passes the clicks and second launches held during the hand-over to the new process,
    /// through its single-instance interface, as a second launch would.
    async fn pass_on(&self, connection: &zbus::Connection, name: &str) {
        let launches = std::mem::take(
            &mut *self
                .0
                .state::<Handover>()
                .launches
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        let clicks = crate::notify::pass_on_clicks().into_iter().map(|id| {
            vec![
                "dossier".to_string(),
                format!("{}{id}", crate::notify::CLICKED_ARG),
            ]
        });
        let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
        let cwd = std::env::current_dir()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for argv in launches.into_iter().chain(clicks) {
            let passed = connection
                .call_method(
                    Some(name),
                    path.as_str(),
                    Some("org.SingleInstance.DBus"),
                    "ExecuteCallback",
                    &(argv, cwd.as_str()),
                )
                .await;
            if let Err(e) = passed {
                eprintln!("Dossier: a request made during the hand-over was lost: {e}");
            }
        }
    }
}

/// Starts the new process, lets go of the name (`release`) and waits until `owner` names a
/// process other than this one; a new process that ends or is too slow is ended.
async fn start_and_wait<Owner, Asked>(
    mut command: Command,
    release: impl FnOnce(),
    owner: Owner,
    waits: Waits,
) -> Result<(), Failed>
where
    Owner: Fn() -> Asked,
    Asked: Future<Output = Option<u32>>,
{
    let mut child = command.spawn().map_err(Failed::Spawn)?;
    // Only now: had the start failed, this process would still hold the name.
    release();
    let taken = taken_over(owner, &mut child, waits).await;
    if taken.is_err() {
        let _ = child.kill();
        let _ = child.wait();
    }
    taken
}

/// Waits until the name belongs to a process other than this one.
async fn taken_over<Owner, Asked>(
    owner: Owner,
    child: &mut Child,
    waits: Waits,
) -> Result<(), Failed>
where
    Owner: Fn() -> Asked,
    Asked: Future<Output = Option<u32>>,
{
    let me = std::process::id();
    let ask = async {
        loop {
            if owner().await.is_some_and(|pid| pid != me) {
                return Ok(());
            }
            if let Ok(Some(status)) = child.try_wait() {
                // It may have handed its start to a Dossier started meanwhile: that one runs.
                return match owner().await {
                    Some(pid) if pid != me => Ok(()),
                    _ => Err(Failed::Ended(status)),
                };
            }
            tokio::time::sleep(waits.ask_every).await;
        }
    };
    tokio::time::timeout(waits.take_over_at_most, ask)
        .await
        .unwrap_or(Err(Failed::TooSlow(waits.take_over_at_most)))
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
        freed(|| owner_pid(&connection, &name), WAITS)
            .await
            .then_some(())
    });
    if free.is_none() {
        eprintln!(
            "Dossier: the process handing over still holds {name} after {:?} \
             (or the session bus does not answer); starting anyway",
            WAITS.free_at_most
        );
    }
}

/// Waits (bounded) until `owner` names nobody: `false` when the wait ran out.
async fn freed<Owner, Asked>(owner: Owner, waits: Waits) -> bool
where
    Owner: Fn() -> Asked,
    Asked: Future<Output = Option<u32>>,
{
    let ask = async {
        while owner().await.is_some() {
            tokio::time::sleep(waits.ask_every).await;
        }
    };
    tokio::time::timeout(waits.free_at_most, ask).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::sync::atomic::AtomicUsize;

    const SHORT: Waits = Waits {
        take_over_at_most: Duration::from_millis(300),
        free_at_most: Duration::from_millis(300),
        ask_every: Duration::from_millis(5),
    };

    fn gone(pid: u32) -> bool {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    }

    /// A new process that starts but never takes the name (a start stuck on a dead display).
    fn stuck() -> Command {
        let mut command = Command::new("sleep");
        command.arg("600");
        command
    }

    #[test]
    fn a_new_process_that_never_takes_the_name_is_ended_after_the_wait() {
        let released = AtomicBool::new(false);
        let asked = AtomicUsize::new(0);
        let outcome = tauri::async_runtime::block_on(start_and_wait(
            stuck(),
            || released.store(true, Ordering::SeqCst),
            || {
                asked.fetch_add(1, Ordering::SeqCst);
                // The name is free: nobody took it.
                std::future::ready(None)
            },
            SHORT,
        ));
        assert!(
            matches!(outcome, Err(Failed::TooSlow(wait)) if wait == SHORT.take_over_at_most),
            "{outcome:?}"
        );
        assert!(released.load(Ordering::SeqCst), "the name was let go");
        assert!(asked.load(Ordering::SeqCst) > 1, "the bus was asked again");
    }

    #[test]
    fn the_stuck_process_is_killed_and_reaped() {
        // The child's pid, read from the only place the seam shows it: the owner's question.
        let child_pid = RefCell::new(None::<u32>);
        let mut command = Command::new("sh");
        // Writes its pid for the test to find, then never takes the name.
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        command
            .arg("-c")
            .arg(format!("echo $$ > {}; exec sleep 600", pid_file.display()));
        let outcome = tauri::async_runtime::block_on(start_and_wait(
            command,
            || {},
            || {
                if child_pid.borrow().is_none() {
                    *child_pid.borrow_mut() = std::fs::read_to_string(&pid_file)
                        .ok()
                        .and_then(|t| t.trim().parse().ok());
                }
                std::future::ready(None)
            },
            Waits {
                // Long enough for `sh` to write its pid on a loaded machine.
                take_over_at_most: Duration::from_secs(5),
                ..SHORT
            },
        ));
        assert!(matches!(outcome, Err(Failed::TooSlow(_))), "{outcome:?}");
        let pid = child_pid.into_inner().expect("the new process started");
        assert!(gone(pid), "the new process {pid} still runs");
    }

    #[test]
    fn a_new_process_that_ends_without_the_name_fails_the_hand_over() {
        let outcome = tauri::async_runtime::block_on(start_and_wait(
            Command::new("true"),
            || {},
            || std::future::ready(None),
            Waits {
                take_over_at_most: Duration::from_secs(30),
                ..SHORT
            },
        ));
        assert!(matches!(outcome, Err(Failed::Ended(_))), "{outcome:?}");
    }

    #[test]
    fn the_name_taken_by_another_process_completes_it() {
        let outcome = tauri::async_runtime::block_on(start_and_wait(
            Command::new("true"),
            || {},
            || std::future::ready(Some(std::process::id() + 1)),
            SHORT,
        ));
        assert!(outcome.is_ok(), "{outcome:?}");
    }

    #[test]
    fn a_name_still_held_runs_the_new_process_out_of_patience_not_forever() {
        let me = std::process::id();
        assert!(!tauri::async_runtime::block_on(freed(
            || std::future::ready(Some(me)),
            SHORT
        )));
        assert!(tauri::async_runtime::block_on(freed(
            || std::future::ready(None),
            SHORT
        )));
    }

    /// Records the steps a hand-over takes, and fails it as a new process that never takes
    /// the name does.
    #[derive(Default)]
    struct Recorded {
        steps: std::sync::Mutex<Vec<&'static str>>,
    }

    impl Recorded {
        fn step(&self, step: &'static str) {
            self.steps.lock().unwrap().push(step);
        }
    }

    impl Old for Recorded {
        type Held = ();
        fn stop_timer(&self) {
            self.step("stop timer");
        }
        fn hold_backups(&self) {
            self.step("hold backups");
        }
        fn take_tray_down(&self) {
            self.step("tray down");
        }
        fn hand_over(&self) -> Result<(), Failed> {
            tauri::async_runtime::block_on(start_and_wait(
                stuck(),
                || self.step("name let go"),
                || std::future::ready(None),
                SHORT,
            ))
        }
        fn put_tray_back(&self) {
            self.step("tray back");
        }
        fn resume_timer(&self) {
            self.step("resume timer");
        }
        fn stayed(&self) {
            self.step("stayed");
        }
    }

    #[test]
    fn a_failed_hand_over_puts_the_tray_back_and_resumes_the_timer() {
        let old = Recorded::default();
        assert!(hand_over_or_stay(&old).is_none(), "it stays");
        assert_eq!(
            *old.steps.lock().unwrap(),
            [
                "stop timer",
                "hold backups",
                "tray down",
                "name let go",
                "tray back",
                "resume timer",
                "stayed"
            ]
        );
    }
}

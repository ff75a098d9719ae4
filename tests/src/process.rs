use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// A child process in its own process group, stopped with everything it started when dropped.
pub struct Guarded {
    name: &'static str,
    child: Child,
}

impl Guarded {
    pub fn spawn(name: &'static str, mut command: Command) -> Guarded {
        command.process_group(0).stdin(Stdio::null());
        // SAFETY: the closure runs between fork and exec and only calls prctl, which is
        // async-signal-safe; it makes the child die if the test process is killed outright.
        #[allow(unsafe_code)]
        unsafe {
            command.pre_exec(|| {
                nix::sys::prctl::set_pdeathsig(Signal::SIGTERM).map_err(std::io::Error::from)
            });
        }
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Guarded { name, child }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The exit status, once the process has ended.
    pub fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        // SIGTERM first: tauri-driver then stops WebKitWebDriver, which closes the app. SIGKILL
        // would orphan them. The whole group gets it, so nothing it started is missed.
        let group = Pid::from_raw(self.child.id() as i32);
        let _ = killpg(group, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                _ => {
                    eprintln!("{} did not stop on SIGTERM; killing it", self.name);
                    let _ = killpg(group, Signal::SIGKILL);
                    let _ = self.child.wait();
                    break;
                }
            }
        }
        // Children that outlived the leader still carry its group id.
        std::thread::sleep(Duration::from_millis(200));
        let _ = killpg(group, Signal::SIGKILL);
        reap_group(group);
    }
}

/// Makes this test process adopt the orphans of the processes it starts (WebKitWebDriver outlives
/// tauri-driver by a moment), so it can reap them instead of leaving zombies behind.
pub fn adopt_orphans() {
    let _ = nix::sys::prctl::set_child_subreaper(true);
}

fn reap_group(group: Pid) {
    use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
    let deadline = Instant::now() + Duration::from_secs(5);
    // A negative pid waits for any child in that process group.
    let members = Pid::from_raw(-group.as_raw());
    while Instant::now() < deadline {
        match waitpid(members, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) => std::thread::sleep(Duration::from_millis(50)),
            Ok(_) => {}
            Err(_) => break, // ECHILD: none left
        }
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub fn wait_for_port(port: u16, limit: Duration) {
    poll_until(&format!("something listens on port {port}"), limit, || {
        TcpStream::connect(("127.0.0.1", port)).ok().map(|_| ())
    });
}

/// Checks `check` until it gives `Some`, failing with `what` once `limit` has passed. For states
/// outside the page (ports, open files), which WebDriver cannot wait on: the harness's one
/// blocking poll, so no test writes its own loop.
pub fn poll_until<T>(what: &str, limit: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("HOME or CARGO_HOME");
    let path = home.join("bin/tauri-driver");
    if path.is_file() {
        path
    } else {
        PathBuf::from("tauri-driver")
    }
}

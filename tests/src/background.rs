//! What the suite sees of Dossier outside its window: its processes, a second launch, and the
//! logs the e2e build keeps of what it did in the tray.

use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::{App, app_binary, process, wait_limit};

/// One process started (directly or not) by this launch's driver.
#[derive(Debug, Clone)]
pub struct Proc {
    pub pid: u32,
    pub name: String,
}

fn parent_and_name(pid: u32) -> Option<(u32, String)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (name) state ppid …`; the name may hold spaces and parentheses.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat[open + 1..close].to_string();
    let ppid = stat[close + 2..].split_whitespace().nth(1)?.parse().ok()?;
    Some((ppid, name))
}

/// Every live process descended from `root`, `root` left out.
pub fn descendants(root: u32) -> Vec<Proc> {
    let all: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| parent_and_name(pid).map(|(ppid, name)| (pid, ppid, name)))
        .collect();
    let mut found = Vec::new();
    let mut frontier = vec![root];
    while let Some(parent) = frontier.pop() {
        for (pid, ppid, name) in &all {
            if *ppid == parent {
                // A zombie has ended: it holds no memory and runs nothing.
                let state =
                    std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                let zombie = state
                    .rsplit(')')
                    .next()
                    .is_some_and(|rest| rest.trim_start().starts_with('Z'));
                if !zombie {
                    found.push(Proc {
                        pid: *pid,
                        name: name.clone(),
                    });
                }
                frontier.push(*pid);
            }
        }
    }
    found
}

/// The proportional set size of `pid` in KiB, from `/proc/<pid>/smaps_rollup`.
pub fn pss_kib(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

impl App {
    /// Dossier and what it started (WebKit's processes), not the drivers.
    pub fn app_processes(&self) -> Vec<Proc> {
        let all = descendants(self.driver.pid());
        let Some(app) = all.iter().find(|p| p.name == "dossier") else {
            return Vec::new();
        };
        let mut mine = vec![app.clone()];
        mine.extend(descendants(app.pid));
        mine
    }

    /// A file in this launch's scratch folder.
    pub fn scratch_file(&self, name: &str) -> PathBuf {
        self._scratch.path().join(name)
    }

    /// The lines the app has written to one of its e2e logs so far.
    pub fn log_lines(&self, name: &str) -> Vec<String> {
        std::fs::read_to_string(self.scratch_file(name))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Starts the same Dossier again, on the same data, display and bus, as a candidate
    /// double-clicking it would, and waits for that second process to end.
    pub fn launch_again(&self, args: &[&str]) -> (ExitStatus, Duration) {
        let mut command = Command::new(app_binary());
        command
            .args(args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let started = Instant::now();
        let mut second = process::Guarded::spawn("the second Dossier", command);
        let status = process::poll_until(
            "the second Dossier ends, handing over to the first",
            wait_limit(),
            || second.try_wait(),
        );
        (status, started.elapsed())
    }

    /// Waits until a window of the app is there again (after it was closed to the tray) and
    /// makes it WebDriver's current one.
    pub async fn switch_to_new_window(&self) {
        self.eventually(
            "a window came back for WebDriver, its page ready",
            || async {
                let Ok(handles) = self.client.windows().await else {
                    return false;
                };
                let Some(handle) = handles.last() else {
                    return false;
                };
                self.client.switch_to_window(handle.clone()).await.is_ok()
                    && self
                        .client
                        .find(fantoccini::Locator::Css("main[data-ready='true']"))
                        .await
                        .is_ok()
            },
        )
        .await;
    }
}

/// How long a check of something outside the page may poll.
pub fn poll(what: &str, check: impl FnMut() -> Option<()>) {
    process::poll_until(what, wait_limit(), check);
}

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

/// A zombie has ended: it holds no memory and runs nothing.
fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .unwrap_or_default()
        .rsplit(')')
        .next()
        .is_some_and(|rest| rest.trim_start().starts_with('Z'))
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
                if !is_zombie(*pid) {
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
    /// Dossier and what it started (WebKit's processes), not the drivers. Followed across a
    /// hand-over: closed to the tray, Dossier starts a fresh process of itself and the first
    /// ends (`handover.rs`), so Dossier's processes are found by this launch's environment,
    /// which the fresh one inherits, not by their parent.
    pub fn app_processes(&self) -> Vec<Proc> {
        let mut mine = Vec::new();
        for pid in self.dossier_pids() {
            mine.push(Proc {
                pid,
                name: "dossier".into(),
            });
            mine.extend(descendants(pid));
        }
        mine
    }

    /// The live Dossier processes of this launch, oldest first.
    pub fn dossier_pids(&self) -> Vec<u32> {
        let mark = format!(
            "DOSSIER_E2E_REMINDER_LOG={}",
            self.reminder_passes.display()
        );
        let mut pids: Vec<u32> = std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                parent_and_name(*pid).is_some_and(|(_, name)| name == "dossier")
                    && !is_zombie(*pid)
                    && std::fs::read(format!("/proc/{pid}/environ"))
                        .unwrap_or_default()
                        .split(|&b| b == 0)
                        .any(|v| v == mark.as_bytes())
            })
            .collect();
        pids.sort_unstable();
        pids
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

/// Where a process's PSS goes: KiB per mapped file (anonymous memory as `[anon]`, the heap as
/// `[heap]`), largest first, from `/proc/<pid>/smaps`.
pub fn pss_by_mapping(pid: u32) -> Vec<(String, u64)> {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut sums: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut current = String::new();
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first.contains('-') && !first.ends_with(':') {
            // A mapping's header: `start-end perms offset dev inode [path]`.
            current = fields.nth(4).unwrap_or("[anon]").to_string();
        } else if first == "Pss:" {
            let kib: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            *sums.entry(current.clone()).or_default() += kib;
        }
    }
    let mut sorted: Vec<(String, u64)> = sums.into_iter().filter(|(_, kib)| *kib > 0).collect();
    sorted.sort_by_key(|(_, kib)| std::cmp::Reverse(*kib));
    sorted
}

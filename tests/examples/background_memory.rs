//! Where the memory of Dossier in the tray goes: Dossier started as the login entry starts it
//! (`--hidden`) beside a stand-in tray host, on a private X display, measured 5 s after its icon
//! registered (as `make bench` measures `background_pss_mib`). Prints `name=value` lines and, on
//! stderr, the PSS of each mapping worth a look.
//!
//! background_memory <dossier binary> <data dir>
//! background_memory --after-close <e2e dossier binary> <data dir>
//!
//! With `--after-close` the window is opened first (through WebDriver, the e2e build's close
//! hook) and closed to the tray: the figure is then the fresh process Dossier hands over to
//! (`handover.rs`), 5 s after its icon registered (`background_pss_mib_after_close`).
//!
//! Run it under a private session bus: `dbus-run-session --config-file=tests/session-bus.conf --`.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use dossier_e2e::background::{pss_by_mapping, pss_kib};
use dossier_e2e::display::VirtualDisplay;
use dossier_e2e::process::{Guarded, poll_until};
use dossier_e2e::{App, Launch, TrayHost};

const IDLE: Duration = Duration::from_secs(5);

fn main() {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args
        .first()
        .is_some_and(|a| a.as_os_str() == "--after-close")
    {
        args.remove(0);
        let [dossier, data_dir] = args.as_slice() else {
            panic!("usage: background_memory --after-close <e2e dossier binary> <data dir>");
        };
        tokio::runtime::Runtime::new()
            .expect("a runtime")
            .block_on(after_close(dossier.clone(), data_dir.clone()));
        return;
    }
    let [dossier, data_dir] = args.as_slice() else {
        panic!("usage: background_memory <dossier binary> <data dir>");
    };
    let home = tempfile::tempdir().expect("a scratch home");
    let display = VirtualDisplay::start();
    let runtime = tokio::runtime::Runtime::new().expect("a runtime for the tray host");
    let tray = runtime.block_on(TrayHost::start());
    let mut command = Command::new(dossier);
    command
        .arg("--hidden")
        .env("DISPLAY", display.name())
        .env("DOSSIER_DATA_DIR", data_dir)
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("NO_AT_BRIDGE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(std::process::Stdio::null());
    let app = Guarded::spawn("dossier in the tray", command);
    poll_until(
        "Dossier's tray icon registers",
        Duration::from_secs(60),
        || (!tray.registered().is_empty()).then_some(()),
    );
    // Not a wait for state: the figure is defined as the memory after 5 s at rest (issue 17).
    std::thread::sleep(IDLE);
    let pid = app.pid();
    let total = pss_kib(pid).expect("Dossier's PSS");
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    eprintln!("{rollup}");
    let mut anon = 0;
    let mut files = 0;
    for (path, kib) in pss_by_mapping(pid) {
        if path.starts_with('/') {
            files += kib;
        } else {
            anon += kib;
        }
        if kib >= 256 {
            eprintln!("{:>8.1} MiB  {path}", kib as f64 / 1024.0);
        }
    }
    let threads = std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|d| d.count())
        .unwrap_or(0);
    println!("background_pss_mib_hidden={:.1}", total as f64 / 1024.0);
    println!(
        "background_pss_mib_hidden_files={:.1}",
        files as f64 / 1024.0
    );
    println!("background_pss_mib_hidden_anon={:.1}", anon as f64 / 1024.0);
    println!("background_threads={threads}");
    drop(app);
    drop(tray);
}

/// Opens Dossier's window, closes it to the tray and measures what runs 5 s after the fresh
/// process's icon registered.
async fn after_close(dossier: PathBuf, data_dir: PathBuf) {
    let mut launch = Launch::new(&data_dir);
    launch.tray = true;
    launch.app = Some(dossier);
    let app = App::launch(launch).await;
    let tray = app.tray.as_ref().expect("a tray host");
    let first = app.dossier_pids();
    let _ = app
        .client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('e2e_request_close'); return true;",
            vec![],
        )
        .await;
    app.click("[data-testid='close-choice-keep']").await;
    let fresh = poll_until(
        "a fresh Dossier takes over",
        Duration::from_secs(60),
        || {
            let now = app.dossier_pids();
            (now.len() == 1 && now != first && tray.registered().len() >= 2).then(|| now[0])
        },
    );
    std::thread::sleep(IDLE);
    let processes = app.app_processes();
    let total: u64 = processes.iter().filter_map(|p| pss_kib(p.pid)).sum();
    let names: Vec<&str> = processes.iter().map(|p| p.name.as_str()).collect();
    eprintln!("after the close, process {fresh} and its children: {names:?}");
    println!(
        "background_pss_mib_after_close={:.1}",
        total as f64 / 1024.0
    );
    app.close().await;
}

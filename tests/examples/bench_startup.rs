//! Start-up time and idle memory of Dossier against an empty Tauri 2 window built in the same
//! profile, launched in turn on one private X display. Prints `name=value` lines (medians);
//! `make bench` runs it under a private D-Bus session, as the end-to-end suite runs.
//!
//! bench_startup <dossier binary> <empty-window binary> <empty-window-same binary> <data dir>
//!   <scratch dir>
//!
//! The empty window comes twice: as Tauri builds it (`startup_ratio`, `pss_ratio`) and built with
//! Dossier's WebKit settings (`dossier-settings` feature: no compositing layers, the
//! document-viewer cache), the fair floor (`startup_ratio_same`, `pss_ratio_same`).
//!
//! Start-up runs from the instant the process is spawned to the line each app prints, with
//! `DOSSIER_REPORT_PAINT` set, two animation frames after its page shows its content (for
//! Dossier, the Dashboard with the data in `<data dir>`). Memory is the PSS summed over the app
//! and every process it started (WebKit's web and network processes), 5 s after that paint.
//! `BENCH_RUNS` (default 5) sets the measured launches of each app, after one warm-up each;
//! `BENCH_FELT_ONLY` runs the page timings alone (the binaries must still be given).
//! `startup_ms_locked` is Dossier started on an encrypted data folder, to its unlock screen
//! painted (the same report, from that screen), against the empty window launched in turn
//! (`startup_ratio_locked`, the floor of `startup_ratio`); `BENCH_LOCKED_ONLY` runs it alone.
//! `background_pss_mib` is Dossier started in the tray (`--hidden`, as the login entry starts
//! it) beside a stand-in tray host, 5 s after its icon registered. `reopen_ms` is that process
//! (what a close to the tray leaves) asked for its window by a second launch, to the reopened
//! Dashboard's paint; `reopen_ratio` sets it against the empty window's start, as
//! `startup_ratio` does. `BENCH_REOPEN_ONLY` measures these two (and the empty window) alone.
//!
//! Idle cost: the CPU time (utime + stime) of all of Dossier's processes over 60 s at rest,
//! with the window open on the Dashboard (`idle_cpu_ms_per_min`, from 5 s after its first
//! paint; those 5 s are `settle_cpu_ms`) and with Dossier in the tray with no window
//! (`idle_cpu_closed_ms_per_min`).
//!
//! What the candidate feels, in the real window on the same history, driven through WebDriver
//! (`dossier_e2e::paint`: from the click or keystroke to the content painted):
//! `search_keystroke_p95_ms` (20 terms typed into the vacancy search), `view_switch_p95_ms`
//! (each view from a click in the sidebar), `open_vacancy_p95_ms` (a vacancy's detail from a
//! click in the list) and `board_paint_ms` (the board of every application, from the Board
//! button).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dossier_e2e::display::VirtualDisplay;
use dossier_e2e::paint::{click_to_paint, typing_to_paint};
use dossier_e2e::process::{Guarded, adopt_orphans, poll_until};
use dossier_e2e::{App, Launch, TrayHost};

const IDLE: Duration = Duration::from_secs(5);
/// The rest over which the idle CPU time is read: long enough for a timer that ticks each
/// minute or less to show.
const IDLE_CPU: Duration = Duration::from_secs(60);
/// `/proc/<pid>/stat` counts CPU time in USER_HZ, 100 a second on Linux.
const TICK_MS: f64 = 10.0;
const PAINT_LIMIT: Duration = Duration::from_secs(60);

struct Subject {
    name: &'static str,
    binary: PathBuf,
    /// The system language the app finds (`LANG`), for Dossier; it speaks it, no choice being
    /// saved in the generated history.
    lang: Option<&'static str>,
}

struct Sample {
    startup_ms: f64,
    /// The part of start-up spent in the page, from its navigation start to the report.
    page_ms: f64,
    pss_mib: f64,
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [dossier, empty, empty_same, data_dir, scratch] = args.as_slice() else {
        eprintln!(
            "usage: bench_startup <dossier binary> <empty-window binary> \
             <empty-window-same binary> <data dir> <scratch dir>"
        );
        std::process::exit(2);
    };
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5);
    let subjects = [
        Subject {
            name: "empty",
            binary: empty.clone(),
            lang: None,
        },
        Subject {
            name: "empty_same",
            binary: empty_same.clone(),
            lang: None,
        },
        Subject {
            name: "dossier",
            binary: dossier.clone(),
            lang: Some("en_US.UTF-8"),
        },
        // Arabic: another catalogue, and the whole layout mirrored.
        Subject {
            name: "dossier_ar",
            binary: dossier.clone(),
            lang: Some("ar_EG.UTF-8"),
        },
    ];
    for subject in &subjects {
        assert!(
            subject.binary.is_file(),
            "{} is missing: `make bench` builds it",
            subject.binary.display()
        );
    }
    // Both apps keep WebKit's caches and settings here, never in the user's home, and find
    // them as the previous launch left them: every measured launch is a warm start.
    let home = scratch.join("xdg");
    let logs = scratch.join("logs");
    std::fs::create_dir_all(&logs).expect("create the log folder");

    adopt_orphans();
    if std::env::var_os("BENCH_LOCKED_ONLY").is_some() {
        print_locked_startup(dossier, &subjects[0], &home, scratch, &logs, runs);
        return;
    }
    // For work on the page's timings alone: start-up, memory and idle take minutes first.
    if std::env::var_os("BENCH_FELT_ONLY").is_some() {
        print_felt_timings(dossier, data_dir, runs);
        return;
    }
    if std::env::var_os("BENCH_REOPEN_ONLY").is_some() {
        print_reopen_alone(&subjects[0], dossier, data_dir, &home, &logs, runs);
        return;
    }
    let display = VirtualDisplay::start();
    let mut samples: HashMap<&str, Vec<Sample>> = HashMap::new();
    for round in 0..=runs {
        // Rotate which app goes first, so none always follows the same one's exit.
        let first = round % subjects.len();
        for subject in subjects[first..].iter().chain(&subjects[..first]) {
            let sample = launch(
                subject,
                &display,
                data_dir,
                &home,
                &logs.join(format!("{}-{round}.log", subject.name)),
            );
            eprintln!(
                "{} run {round}{}: painted after {:.0} ms ({:.0} ms in the page), {:.1} MiB PSS",
                subject.name,
                if round == 0 { " (warm-up)" } else { "" },
                sample.startup_ms,
                sample.page_ms,
                sample.pss_mib
            );
            // Round 0 warms the page cache and lets Dossier deliver the reminders that were
            // already due, which it does once per history.
            if round > 0 {
                samples.entry(subject.name).or_default().push(sample);
            }
        }
    }

    let median_of =
        |name: &str, pick: fn(&Sample) -> f64| median(samples[name].iter().map(pick).collect());
    let startup_dossier = median_of("dossier", |s| s.startup_ms);
    let startup_empty = median_of("empty", |s| s.startup_ms);
    let pss_dossier = median_of("dossier", |s| s.pss_mib);
    let pss_empty = median_of("empty", |s| s.pss_mib);
    println!("startup_runs={runs}");
    println!("startup_ms_dossier={startup_dossier:.0}");
    println!("startup_ms_empty={startup_empty:.0}");
    println!("startup_ratio={:.2}", startup_dossier / startup_empty);
    let startup_arabic = median_of("dossier_ar", |s| s.startup_ms);
    println!("startup_ms_dossier_ar={startup_arabic:.0}");
    println!("startup_ratio_ar={:.2}", startup_arabic / startup_empty);
    // Where the time went: the rest is the process, Tauri and WebKit before the page loads.
    println!(
        "startup_page_ms_dossier={:.0}",
        median_of("dossier", |s| s.page_ms)
    );
    println!(
        "startup_page_ms_empty={:.0}",
        median_of("empty", |s| s.page_ms)
    );
    println!("idle_pss_mib_dossier={pss_dossier:.1}");
    println!("idle_pss_mib_empty={pss_empty:.1}");
    println!("pss_ratio={:.2}", pss_dossier / pss_empty);
    let startup_same = median_of("empty_same", |s| s.startup_ms);
    let pss_same = median_of("empty_same", |s| s.pss_mib);
    println!("startup_ms_empty_same={startup_same:.0}");
    println!("startup_ratio_same={:.2}", startup_dossier / startup_same);
    println!("idle_pss_mib_empty_same={pss_same:.1}");
    println!("pss_ratio_same={:.2}", pss_dossier / pss_same);
    print_locked_startup(dossier, &subjects[0], &home, scratch, &logs, runs);

    let (settle, open) = idle_cpu_open(
        &subjects[2],
        &display,
        data_dir,
        &home,
        &logs.join("idle.log"),
    );
    println!("settle_cpu_ms={settle:.0}");
    println!("idle_cpu_ms_per_min={open:.0}");

    let mut closed_cpu = None;
    let background: Vec<f64> = (0..runs.min(3))
        .map(|run| {
            let (mib, cpu) = background_pss_mib(
                dossier,
                &display,
                data_dir,
                &home,
                &logs.join(format!("background-{run}.log")),
                run == 0,
            );
            eprintln!("dossier in the tray, run {run}: {mib:.1} MiB PSS");
            closed_cpu = closed_cpu.or(cpu);
            mib
        })
        .collect();
    println!("background_pss_mib={:.1}", median(background));
    if let Some(cpu) = closed_cpu {
        println!("idle_cpu_closed_ms_per_min={cpu:.0}");
    }
    print_reopen(
        dossier,
        &display,
        data_dir,
        &home,
        &logs,
        runs,
        startup_empty,
    );
    drop(display);
    print_felt_timings(dossier, data_dir, runs);
}

/// Start-up to the unlock screen: Dossier on a small data folder the core encrypted (what the
/// locked start reads does not grow with the data: the key file and two small settings files,
/// no database), launched in turn with the empty window on a display of their own.
fn print_locked_startup(
    dossier: &Path,
    empty: &Subject,
    home: &Path,
    scratch: &Path,
    logs: &Path,
    runs: usize,
) {
    let data = scratch.join("locked-data");
    encrypted_data_folder(&data);
    let locked = Subject {
        name: "dossier_locked",
        binary: dossier.to_path_buf(),
        lang: Some("en_US.UTF-8"),
    };
    let display = VirtualDisplay::start();
    let mut times: HashMap<&str, Vec<f64>> = HashMap::new();
    for round in 0..=runs {
        let order = if round % 2 == 0 {
            [empty, &locked]
        } else {
            [&locked, empty]
        };
        for subject in order {
            let log = logs.join(format!("{}-locked-{round}.log", subject.name));
            let started = Instant::now();
            let (app, painted, _) = start_painted(subject, &display, &data, home, &log);
            let ms = (painted - started).as_secs_f64() * 1000.0;
            let tree = process_tree(app.pid());
            drop(app);
            make_sure_gone(subject.name, &tree);
            eprintln!(
                "{} (locked round) run {round}{}: painted after {ms:.0} ms",
                subject.name,
                if round == 0 { " (warm-up)" } else { "" }
            );
            if round > 0 {
                times.entry(subject.name).or_default().push(ms);
            }
        }
    }
    let locked_ms = median(times.remove("dossier_locked").unwrap_or_default());
    let empty_ms = median(times.remove(empty.name).unwrap_or_default());
    eprintln!("the empty window beside the locked starts: {empty_ms:.0} ms");
    println!("startup_ms_locked={locked_ms:.0}");
    println!("startup_ratio_locked={:.2}", locked_ms / empty_ms);
}

/// A data folder with one vacancy, encrypted in place by the core with the real Argon2id
/// parameters (the start does not run them; turning on costs two runs, once).
fn encrypted_data_folder(data: &Path) {
    use dossier_core::encryption::at_rest;
    use dossier_core::store::{DATABASE_FILE, Store};
    use dossier_core::vacancy::Platform;
    use dossier_e2e::seed;
    if data
        .join(dossier_core::encryption::key_file::KEY_FILE)
        .exists()
    {
        return;
    }
    let mut store = Store::open(&data.join(DATABASE_FILE)).expect("a small data folder");
    let input = seed::vacancy_input(
        Platform::RecruitmentHub,
        "1503",
        "Criminal Intelligence Officer",
    );
    seed::vacancy(
        &mut store,
        input,
        "2026-11-10T09:00:00Z".parse().expect("an instant"),
    );
    drop(store);
    at_rest::turn_on(data, b"bench passphrase").expect("encryption turned on");
}

fn print_felt_timings(dossier: &Path, data_dir: &Path, runs: usize) {
    let felt = tokio::runtime::Runtime::new()
        .expect("a runtime for WebDriver")
        .block_on(felt_timings(dossier, data_dir, runs));
    for (name, value) in felt {
        println!("{name}={value:.0}");
    }
}

/// The CPU time, in ms per minute, of every process of the tree under `root` over `IDLE_CPU`.
/// A process that started during the rest counts from zero; one that ended is not counted.
fn idle_cpu_ms_per_min(name: &str, root: u32) -> f64 {
    cpu_ms_over(name, root, IDLE_CPU) * 60.0 / IDLE_CPU.as_secs_f64()
}

/// The CPU time, in ms, of every process of the tree under `root` over `span`.
fn cpu_ms_over(name: &str, root: u32, span: Duration) -> f64 {
    let before: HashMap<u32, u64> = process_tree(root)
        .into_iter()
        .filter_map(|pid| Some((pid, cpu_ticks(pid)?)))
        .collect();
    // Not a wait for state: the figure is defined as the CPU used over that span.
    std::thread::sleep(span);
    let mut parts = Vec::new();
    let mut ticks = 0;
    for pid in process_tree(root) {
        let Some(now) = cpu_ticks(pid) else { continue };
        let used = now - before.get(&pid).copied().unwrap_or(0).min(now);
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        parts.push(format!("{} {:.0}", comm.trim(), used as f64 * TICK_MS));
        ticks += used;
    }
    eprintln!("{name}, CPU ms over {span:?}: {}", parts.join(", "));
    ticks as f64 * TICK_MS
}

/// utime + stime of a live process, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    // After the name: state (3rd field of the line) ... utime is the 14th, stime the 15th.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Dossier's window open on the Dashboard with the large history: the CPU time of the 5 s
/// after its first paint (the end of start-up: the Dashboard's later panels, the reminders'
/// first pass, the views' code loading), then its CPU time over a minute at rest.
fn idle_cpu_open(
    subject: &Subject,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    log: &Path,
) -> (f64, f64) {
    let (app, _painted, _page_ms) = start_painted(subject, display, data_dir, home, log);
    // The same 5 s after the paint as the memory figure; measured apart, so that the minute at
    // rest does not count the end of start-up (about 300 ms here, all of it in those 5 s).
    let settle = cpu_ms_over("dossier's window after its first paint", app.pid(), IDLE);
    let tree = process_tree(app.pid());
    let cpu = idle_cpu_ms_per_min("dossier's window at rest", app.pid());
    drop(app);
    make_sure_gone(subject.name, &tree);
    (settle, cpu)
}

/// The view switches, searches and openings a candidate makes, timed in the real window on the
/// large history; medians are taken over `runs` rounds, p95 over every sample.
async fn felt_timings(dossier: &Path, data_dir: &Path, runs: usize) -> Vec<(&'static str, f64)> {
    const RESULTS: &str = "[data-testid='vacancy-results'][aria-busy='false']";
    // What each view shows once its data is in, not its heading alone.
    let views: [(&str, String); 6] = [
        ("vacancies", format!("{RESULTS} [data-testid='vacancy-row']")),
        (
            "applications",
            "main[data-view='applications'] :is([data-testid='board-card'], [data-testid='application-row'])"
                .into(),
        ),
        (
            "documents",
            "[data-testid='document-results'][aria-busy='false'] :is([data-testid='document-row'], [data-testid='no-documents'])"
                .into(),
        ),
        (
            "profile",
            "main[data-view='profile'] :is([data-testid='open-form'], [data-testid='start-profile'], form)"
                .into(),
        ),
        ("settings", "[data-testid='schema-version']".into()),
        (
            "dashboard",
            "main[data-view='dashboard'] :is([data-testid='upcoming-list'], [data-testid='upcoming-empty'])".into(),
        ),
    ];
    // Words a candidate looks for, from the generated history's titles, places and employers.
    const TERMS: [&str; 20] = [
        "analyst",
        "lyon",
        "officer",
        "data",
        "criminal",
        "singapore",
        "cybercrime",
        "project",
        "intelligence",
        "legal",
        "financial",
        "police",
        "forensic",
        "nairobi",
        "buenos",
        "human",
        "maritime",
        "training",
        "support",
        "translator",
    ];
    let mut launch = Launch::new(data_dir);
    launch.app = Some(dossier.to_path_buf());
    let app = App::launch(launch).await;
    app.wait_for(&views[5].1).await;
    let mut switches = Vec::new();
    let mut keystrokes = Vec::new();
    let mut openings = Vec::new();
    let mut boards = Vec::new();
    for round in 0..=runs {
        let mut shown = Vec::new();
        for (route, ready) in &views {
            let ms = click_to_paint(&app, &format!("nav a[data-route='{route}']"), ready).await;
            shown.push(format!("{route} {ms:.0}"));
            // The first visit also loads the view's code, once per window.
            if round > 0 {
                switches.push(ms);
            }
        }
        eprintln!("view switches, round {round} (ms): {}", shown.join(", "));
    }
    // Applications shows the board or the table as last chosen; the table first, then the board.
    app.open_view("applications").await;
    for _ in 0..runs {
        click_to_paint(
            &app,
            "[data-testid='show-table']",
            "[data-testid='application-row']",
        )
        .await;
        boards.push(
            click_to_paint(
                &app,
                "[data-testid='show-board']",
                "[data-testid='board-card']",
            )
            .await,
        );
    }
    app.open_view("vacancies").await;
    app.wait_for(&format!("{RESULTS} [data-testid='vacancy-row']"))
        .await;
    for term in TERMS {
        let ready = format!("{RESULTS}[data-answered-text='{term}']");
        keystrokes
            .push(typing_to_paint(&app, "[data-testid='vacancy-search']", term, &ready).await);
    }
    app.fill("[data-testid='vacancy-search']", "").await;
    app.wait_for(&format!(
        "{RESULTS}[data-answered-text=''] [data-testid='vacancy-row']"
    ))
    .await;
    // The rows on screen at the window's size (the list draws only those), in turn.
    for row in (0..6).cycle().take(runs.max(10)) {
        let link = format!("{RESULTS} [data-testid='vacancy-row'][data-index='{row}'] a.title");
        openings.push(click_to_paint(&app, &link, "[data-testid='detail-reference']").await);
        click_to_paint(
            &app,
            "nav a[data-route='vacancies']",
            &format!("{RESULTS} [data-testid='vacancy-row']"),
        )
        .await;
    }
    eprintln!("search keystrokes (ms): {}", shown(&keystrokes));
    eprintln!("vacancy openings (ms): {}", shown(&openings));
    eprintln!("board paints (ms): {}", shown(&boards));
    app.close().await;
    vec![
        ("search_keystroke_p95_ms", p95(keystrokes)),
        ("view_switch_p95_ms", p95(switches)),
        ("open_vacancy_p95_ms", p95(openings)),
        ("board_paint_ms", median(boards)),
    ]
}

fn shown(values: &[f64]) -> String {
    let each: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
    each.join(", ")
}

/// The 95th percentile, nearest rank.
fn p95(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = (values.len() as f64 * 0.95).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// `reopen_ms` and `reopen_ratio` (against the empty window's start, as `startup_ratio`).
fn print_reopen(
    dossier: &Path,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    logs: &Path,
    runs: usize,
    startup_empty: f64,
) {
    let mut reopens: Vec<f64> = (0..=runs.min(3))
        .map(|run| {
            let ms = reopen_ms(
                dossier,
                display,
                data_dir,
                home,
                &logs.join(format!("reopen-{run}.log")),
            );
            eprintln!(
                "reopened from the tray, run {run}{}: painted after {ms:.0} ms",
                if run == 0 { " (warm-up)" } else { "" }
            );
            ms
        })
        .collect();
    reopens.remove(0);
    let reopen = median(reopens);
    println!("reopen_ms={reopen:.0}");
    println!("reopen_ratio={:.2}", reopen / startup_empty);
}

/// `BENCH_REOPEN_ONLY`: the empty window's start and the reopening, nothing else.
fn print_reopen_alone(
    empty: &Subject,
    dossier: &Path,
    data_dir: &Path,
    home: &Path,
    logs: &Path,
    runs: usize,
) {
    let display = VirtualDisplay::start();
    let mut starts: Vec<f64> = (0..=runs)
        .map(|round| {
            let log = logs.join(format!("empty-{round}.log"));
            launch(empty, &display, data_dir, home, &log).startup_ms
        })
        .collect();
    // Round 0 warms the page cache, as in the main measurement.
    starts.remove(0);
    let startup_empty = median(starts);
    println!("startup_ms_empty={startup_empty:.0}");
    print_reopen(dossier, &display, data_dir, home, logs, runs, startup_empty);
}

/// Dossier as a close to the tray leaves it: the fresh `--hidden` process the window's process
/// hands over to (`handover.rs`), which never made a web view, started here directly beside a
/// stand-in tray host. After the same 5 s at rest as the memory figures, a second launch asks
/// for the window (as the tray's "Open Dossier" does, through the same `show_window`): the
/// milliseconds from that launch to the reopened Dashboard's paint.
fn reopen_ms(
    dossier: &Path,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    log: &Path,
) -> f64 {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime for the tray host");
    let tray = runtime.block_on(TrayHost::start());
    let (reader, writer) = std::io::pipe().expect("pipe");
    let env: Vec<(&str, std::ffi::OsString)> = vec![
        ("DISPLAY", display.name().into()),
        ("DOSSIER_DATA_DIR", data_dir.into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CACHE_HOME", home.join("cache").into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
        ("NO_AT_BRIDGE", "1".into()),
        ("LIBGL_ALWAYS_SOFTWARE", "1".into()),
        ("LANG", "en_US.UTF-8".into()),
    ];
    let mut command = Command::new(dossier);
    command
        .arg("--hidden")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env("DOSSIER_REPORT_PAINT", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(writer)
        .stderr(File::create(log).expect("create a log file"));
    let app = Guarded::spawn("dossier in the tray", command);
    let (painted_tx, painted_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            match line {
                Ok(line) if line.starts_with("painted") => {
                    let _ = painted_tx.send(Instant::now());
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    });
    poll_until("Dossier's tray icon registers", PAINT_LIMIT, || {
        (!tray.registered().is_empty()).then_some(())
    });
    // Not a wait for state: reopening comes after a rest, when the tray process has given its
    // memory back (`trim.rs`), as the memory figures are taken.
    std::thread::sleep(IDLE);
    let mut again = Command::new(dossier);
    again
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env_remove("WAYLAND_DISPLAY")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let asked = Instant::now();
    let mut second = Guarded::spawn("the second launch", again);
    let painted = painted_rx.recv_timeout(PAINT_LIMIT).unwrap_or_else(|_| {
        panic!(
            "the window reopened from the tray did not report its paint within {PAINT_LIMIT:?}; \
             see {}",
            log.display()
        )
    });
    poll_until("the second launch ends", PAINT_LIMIT, || second.try_wait());
    let tree = process_tree(app.pid());
    drop(app);
    make_sure_gone("dossier reopened from the tray", &tree);
    drop(tray);
    (painted - asked).as_secs_f64() * 1000.0
}

/// Dossier started as the login entry starts it (`--hidden`: in the tray, no window) beside
/// a stand-in tray host: the PSS of its processes once the icon is up and 5 s have passed.
fn background_pss_mib(
    dossier: &Path,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    log: &Path,
    measure_cpu: bool,
) -> (f64, Option<f64>) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime for the tray host");
    let tray = runtime.block_on(TrayHost::start());
    let mut command = Command::new(dossier);
    command
        .arg("--hidden")
        .env("DISPLAY", display.name())
        .env("DOSSIER_DATA_DIR", data_dir)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("NO_AT_BRIDGE", "1")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(std::process::Stdio::null())
        .stderr(File::create(log).expect("create a log file"));
    let app = Guarded::spawn("dossier in the tray", command);
    poll_until("Dossier's tray icon registers", PAINT_LIMIT, || {
        (!tray.registered().is_empty()).then_some(())
    });
    // Not a wait for state: the figure is defined as the memory after 5 s at rest (issue 17),
    // as `idle_pss_mib` above measures the open window after the same rest.
    std::thread::sleep(IDLE);
    let tree = process_tree(app.pid());
    let mut parts = Vec::new();
    let mut total_kib = 0;
    for &pid in &tree {
        let kib = pss_kib(pid).unwrap_or_else(|e| panic!("PSS of process {pid}: {e}"));
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        parts.push(format!("{} {:.1}", name.trim(), kib as f64 / 1024.0));
        total_kib += kib;
    }
    eprintln!(
        "dossier in the tray, processes (MiB PSS): {}",
        parts.join(", ")
    );
    let cpu = measure_cpu.then(|| idle_cpu_ms_per_min("dossier in the tray at rest", app.pid()));
    drop(app);
    make_sure_gone("dossier in the tray", &tree);
    drop(tray);
    (total_kib as f64 / 1024.0, cpu)
}

fn launch(
    subject: &Subject,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    log: &Path,
) -> Sample {
    let started = Instant::now();
    let (app, painted, page_ms) = start_painted(subject, display, data_dir, home, log);
    let startup_ms = (painted - started).as_secs_f64() * 1000.0;

    std::thread::sleep(IDLE);
    let tree = process_tree(app.pid());
    let mut parts = Vec::new();
    let mut pss_total_kib = 0;
    for &pid in &tree {
        let kib =
            pss_kib(pid).unwrap_or_else(|e| panic!("PSS of {} process {pid}: {e}", subject.name));
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        parts.push(format!("{} {:.1}", name.trim(), kib as f64 / 1024.0));
        pss_total_kib += kib;
    }
    eprintln!("{} processes (MiB PSS): {}", subject.name, parts.join(", "));
    drop(app);
    make_sure_gone(subject.name, &tree);
    Sample {
        startup_ms,
        page_ms,
        pss_mib: pss_total_kib as f64 / 1024.0,
    }
}

/// Starts the app with `DOSSIER_REPORT_PAINT` and waits for its report: the running app, the
/// instant the report came and the page's own part of the time.
fn start_painted(
    subject: &Subject,
    display: &VirtualDisplay,
    data_dir: &Path,
    home: &Path,
    log: &Path,
) -> (Guarded, Instant, f64) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    let mut command = Command::new(&subject.binary);
    command
        .env("DISPLAY", display.name())
        .env("DOSSIER_REPORT_PAINT", "1")
        .env("DOSSIER_DATA_DIR", data_dir)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        // As in the end-to-end suite: no accessibility bus, software GL on the virtual display.
        .env("NO_AT_BRIDGE", "1")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(writer)
        .stderr(File::create(log).expect("create a log file"));

    if let Some(lang) = subject.lang {
        // Only LANG speaks: the variables that would win over it are cleared.
        command
            .env("LANG", lang)
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
    }

    // The command (and with it our end of the pipe's writing side) is dropped once spawned, so
    // the reader sees the end of the stream when the app and its children are gone.
    let app = Guarded::spawn(subject.name, command);
    let (painted_tx, painted_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            match line {
                Ok(line) if line.starts_with("painted") => {
                    let at = Instant::now();
                    let page_ms = line["painted".len()..].trim().parse().unwrap_or(f64::NAN);
                    let _ = painted_tx.send((at, page_ms));
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    });
    let (painted, page_ms) = painted_rx.recv_timeout(PAINT_LIMIT).unwrap_or_else(|_| {
        panic!(
            "{} did not report its first paint within {PAINT_LIMIT:?}; see {}",
            subject.name,
            log.display()
        )
    });
    (app, painted, page_ms)
}

/// `root` and every process below it, from the parent links in `/proc/<pid>/stat`. WebKit may
/// start its helpers in a sandbox with a session of their own, so the process group does not
/// find them all; the parent links do.
fn process_tree(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if let Some(parent) = parent_of(pid) {
            children.entry(parent).or_default().push(pid);
        }
    }
    let mut tree = vec![root];
    let mut next = 0;
    while next < tree.len() {
        tree.extend(children.get(&tree[next]).into_iter().flatten().copied());
        next += 1;
    }
    tree
}

/// The state letter and parent pid of a live process; `None` once it is gone.
fn stat_of(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may itself hold spaces or parentheses.
    let mut fields = stat[stat.rfind(')')? + 1..].split_whitespace();
    let state = fields.next()?.chars().next()?;
    let parent = fields.next()?.parse().ok()?;
    Some((state, parent))
}

fn parent_of(pid: u32) -> Option<u32> {
    stat_of(pid).map(|(_, parent)| parent)
}

fn pss_kib(pid: u32) -> Result<u64, String> {
    let rollup = match std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) {
        Ok(text) => text,
        // Exited between listing and reading: it holds nothing any more.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e.to_string()),
    };
    if rollup.trim().is_empty() {
        return Ok(0); // a zombie has no memory left to report
    }
    rollup
        .lines()
        .find_map(|line| line.strip_prefix("Pss:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no Pss line in {rollup:?}"))
}

/// Waits for every process of the app's tree to end, kills any that linger, and reaps those
/// that were handed to us as orphans, so nothing outlives its run or skews the next one.
fn make_sure_gone(name: &str, tree: &[u32]) {
    use nix::sys::signal::{Signal, kill};
    use nix::sys::wait::{WaitPidFlag, waitpid};
    use nix::unistd::Pid;

    let alive = |pid: &&u32| stat_of(**pid).is_some_and(|(state, _)| state != 'Z');
    let deadline = Instant::now() + Duration::from_secs(10);
    while tree.iter().any(|pid| alive(&pid)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    for pid in tree.iter().filter(alive) {
        eprintln!("{name}: process {pid} outlived the app; killing it");
        let _ = kill(Pid::from_raw(*pid as i32), Signal::SIGKILL);
    }
    // Orphans come to us (we are their subreaper); collect every one that has ended.
    let deadline = Instant::now() + Duration::from_secs(5);
    while tree.iter().any(|pid| stat_of(*pid).is_some()) && Instant::now() < deadline {
        while let Ok(status) = waitpid(None, Some(WaitPidFlag::WNOHANG)) {
            if status == nix::sys::wait::WaitStatus::StillAlive {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

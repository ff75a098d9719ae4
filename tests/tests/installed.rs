//! The package as a candidate gets it: `make package-test` installs the `.deb` it built, runs
//! these tests against what dpkg put on the machine (`DOSSIER_E2E_APP=/usr/bin/dossier`), then
//! removes the package. Ignored in `make e2e`, which tests the e2e build from the target folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier_core::store::DATABASE_FILE;
use dossier_e2e::{App, Launch, app_binary};

/// The folders of the hicolor theme an app icon goes in, each with its size in pixels.
const HICOLOR_SIZES: [u32; 13] = [16, 22, 24, 32, 36, 48, 64, 72, 96, 128, 192, 256, 512];

const DESKTOP_ENTRY: &str = "/usr/share/applications/Dossier.desktop";
const METAINFO: &str = "/usr/share/metainfo/org.dossier.app.metainfo.xml";

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} could not run ({e}): `make system-deps` installs it")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{program} {args:?} failed ({}):\n{text}",
        out.status
    );
    text
}

/// The libraries `binary` names as NEEDED, where the dynamic loader finds them.
fn linked_libraries(binary: &Path) -> Vec<PathBuf> {
    let binary = binary.to_str().unwrap();
    let resolved = run("ldd", &[binary]);
    run("readelf", &["-d", binary])
        .lines()
        .filter(|l| l.contains("(NEEDED)"))
        .map(|l| {
            let name = l.rsplit('[').next().unwrap().trim_end_matches(']');
            // `libgtk-3.so.0 => /lib/x86_64-linux-gnu/libgtk-3.so.0 (0x...)`
            let path = resolved
                .lines()
                .find_map(|r| r.trim().strip_prefix(&format!("{name} => ")))
                .and_then(|r| r.split_whitespace().next())
                .unwrap_or_else(|| panic!("the loader finds {name}:\n{resolved}"));
            PathBuf::from(path)
        })
        .collect()
}

/// The Debian package a file comes from. The loader may name a library by `/lib/...` where
/// dpkg recorded `/usr/lib/...` (merged /usr), or the other way round.
fn owning_package(file: &Path) -> String {
    let file = file.to_str().unwrap();
    let candidates = [
        file.to_string(),
        format!("/usr{file}"),
        file.strip_prefix("/usr").unwrap_or(file).to_string(),
    ];
    for candidate in candidates {
        let out = Command::new("dpkg-query")
            .args(["-S", &candidate])
            .output()
            .ok()
            .filter(|o| o.status.success());
        if let Some(out) = out {
            let line = String::from_utf8_lossy(&out.stdout);
            // `libgtk-3-0:amd64: /usr/lib/x86_64-linux-gnu/libgtk-3.so.0`
            let package = line.split([':', ',']).next().unwrap_or_default().trim();
            return package.to_string();
        }
    }
    panic!("no package owns {file}");
}

#[test]
#[ignore = "needs the installed package: run by `make package-test`"]
fn the_package_puts_its_files_where_a_desktop_looks() {
    let binary = app_binary();
    assert_eq!(
        binary,
        Path::new("/usr/bin/dossier"),
        "the installed binary is tested"
    );
    let owner = run("dpkg-query", &["-S", "/usr/bin/dossier"]);
    assert!(
        owner.starts_with("dossier:"),
        "/usr/bin/dossier comes from the package: {owner}"
    );

    // What the binary links comes from packages the .deb depends on, so apt brings them all.
    let depends = run("dpkg-query", &["-W", "-f=${Depends}", "dossier"]);
    let depends: Vec<&str> = depends
        .split(',')
        .map(|d| d.split_whitespace().next().unwrap_or_default())
        .collect();
    for library in linked_libraries(&binary) {
        let package = owning_package(&library);
        assert!(
            depends.contains(&package.as_str()),
            "the binary links {} from {package}, which the package does not depend on: {depends:?}",
            library.display()
        );
    }

    // Both validators print their findings; warnings and errors fail them, notes do not.
    let entry = run("desktop-file-validate", &[DESKTOP_ENTRY]);
    assert!(
        entry.trim().is_empty(),
        "the desktop entry is clean: {entry}"
    );
    let desktop = std::fs::read_to_string(DESKTOP_ENTRY).unwrap();
    for line in [
        "Exec=dossier",
        "Icon=dossier",
        "Name=Dossier",
        "Type=Application",
    ] {
        assert!(
            desktop.lines().any(|l| l == line),
            "{DESKTOP_ENTRY} has {line}:\n{desktop}"
        );
    }
    run(
        "appstreamcli",
        &["validate", "--no-net", "--pedantic", METAINFO],
    );

    for size in HICOLOR_SIZES {
        let path = PathBuf::from(format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/dossier.png"
        ));
        let image = image::open(&path)
            .unwrap_or_else(|e| panic!("{} is installed and a PNG: {e}", path.display()));
        assert_eq!(
            (image.width(), image.height()),
            (size, size),
            "{} has its folder's size",
            path.display()
        );
    }
    let svg = std::fs::read_to_string("/usr/share/icons/hicolor/scalable/apps/dossier.svg")
        .expect("the scalable icon is installed");
    assert!(svg.contains("<svg"), "the scalable icon is an SVG");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the installed package: run by `make package-test`"]
async fn the_installed_app_opens_on_the_dashboard_in_a_fresh_home() {
    // A home of its own, as a candidate's first start: the app finds its data folder from the
    // XDG variables, as the desktop's launcher would start it.
    let home = tempfile::tempdir().unwrap();
    let data_home = home.path().join(".local/share");
    let mut launch = Launch::new(&data_home.join("org.dossier.app"));
    launch.default_data_folder = true;
    launch.env = vec![
        ("HOME".into(), home.path().display().to_string()),
        ("XDG_DATA_HOME".into(), data_home.display().to_string()),
        (
            "XDG_CONFIG_HOME".into(),
            home.path().join(".config").display().to_string(),
        ),
        (
            "XDG_CACHE_HOME".into(),
            home.path().join(".cache").display().to_string(),
        ),
        (
            "XDG_STATE_HOME".into(),
            home.path().join(".local/state").display().to_string(),
        ),
    ];
    let before = chrono::Local::now().date_naive();
    let app = App::launch(launch.clone()).await;

    app.wait_for("main[data-view='dashboard']").await;
    app.text_until("main h1", "the Dashboard shows its title", |h1| {
        h1 == "Dashboard"
    })
    .await;
    // The package has no test hooks: the clock the harness would stop at 22 November 2026
    // (`DOSSIER_E2E_NOW`) is ignored, and the Dashboard says the real today.
    let subtitle = app.text_of("main header p").await;
    let after = chrono::Local::now().date_naive();
    let today = |d: chrono::NaiveDate| d.format("%B %-d, %Y").to_string();
    assert!(
        subtitle.contains(&today(before)) || subtitle.contains(&today(after)),
        "the Dashboard reads the real clock, not the test hook's: {subtitle:?}"
    );
    app.screenshot("installed-dashboard").await;

    // The window is the desktop entry's: a dock or task switcher shows it under Dossier's name
    // and icon by matching its X class to the entry's StartupWMClass.
    let entry = std::fs::read_to_string(DESKTOP_ENTRY).unwrap();
    let wm_class = entry
        .lines()
        .find_map(|l| l.strip_prefix("StartupWMClass="))
        .unwrap_or_else(|| panic!("{DESKTOP_ENTRY} names the window's class:\n{entry}"));
    let windows = run(
        "xwininfo",
        &["-display", app.display_name(), "-root", "-children"],
    );
    // A line per window: `0x200003 "Dossier": ("dossier" "Dossier")  1200x780+0+0  +0+0`.
    let class = format!(" \"{wm_class}\")");
    assert!(
        windows
            .lines()
            .any(|l| l.contains("\"Dossier\": (") && l.contains(&class)),
        "the window titled Dossier has the class {wm_class}:\n{windows}"
    );

    app.open_view("settings").await;
    let database = launch.data_dir.join(DATABASE_FILE);
    app.text_until(
        "[data-testid='database-path']",
        "Settings shows the data folder under XDG_DATA_HOME",
        |shown| shown == database.display().to_string(),
    )
    .await;
    assert!(database.is_file(), "{} was created", database.display());
    app.close().await;
}

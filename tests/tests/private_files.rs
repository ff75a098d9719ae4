//! Private by default (issue 16) in the real app: with no umask at all, the data folder the app
//! creates, the scan it imports, the copy it hands to the viewer and the copy it saves for the
//! candidate are readable by their owner only.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use dossier_e2e::{App, Launch};
use fantoccini::Locator;

const CERTIFICATE: &str = "%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Size 4 /Root 1 0 R >>
%%EOF
";

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

/// Every path under `root` (itself included) that is not `0700` (folders) or `0600` (files).
fn not_private(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut wrong = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue; // removed meanwhile (a temporary file)
        };
        let wanted = if meta.is_dir() { 0o700 } else { 0o600 };
        if mode(&path) != wanted {
            wrong.push((path.clone(), mode(&path)));
        }
        if meta.is_dir() {
            pending.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }
    wrong.sort();
    wrong
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_the_app_writes_is_private_whatever_the_umask() {
    let root = tempfile::tempdir().unwrap();
    // A data folder that does not exist yet: the app creates it.
    let data = root.path().join("Dossier");
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let certificate = home.join("casier judiciaire.pdf");
    std::fs::write(&certificate, CERTIFICATE).unwrap();
    let opened = home.join("opened.txt");
    let saved = home.join("certificate copy.pdf");

    // The app inherits the umask of the process that starts it: none at all here, the worst a
    // desktop session could hand it.
    let old = nix::sys::stat::umask(nix::sys::stat::Mode::empty());
    let mut launch = Launch::new(&data);
    launch.open_paths = Some(vec![certificate.clone()]);
    launch.save_path = Some(saved.clone());
    launch.opened_log = Some(opened.clone());
    let app = App::launch(launch).await;
    nix::sys::stat::umask(old);

    app.open_view("documents").await;
    app.click("[data-testid='import-files']").await;
    app.wait_for("[data-testid='import-result']").await;
    app.client
        .wait()
        .for_element(Locator::XPath(
            "//a[@data-testid='document-row'][.//span[@data-testid='document-title'][normalize-space()='casier judiciaire']]",
        ))
        .await
        .expect("the imported certificate is listed")
        .click()
        .await
        .unwrap();
    app.wait_for("[data-testid='document-form']").await;
    app.click("[data-testid='document-open']").await;
    app.eventually("the copy is handed to the viewer", || async {
        std::fs::read_to_string(&opened)
            .unwrap_or_default()
            .starts_with("open ")
    })
    .await;
    app.click("[data-testid='document-export']").await;
    app.eventually("the copy is saved", || async {
        std::fs::read(&saved).ok().as_deref() == Some(CERTIFICATE.as_bytes())
    })
    .await;

    let view_copy = PathBuf::from(
        std::fs::read_to_string(&opened)
            .unwrap()
            .trim()
            .strip_prefix("open ")
            .unwrap(),
    );
    assert!(view_copy.starts_with(data.join("viewing")), "{view_copy:?}");
    assert_eq!(mode(&view_copy), 0o600);
    assert_eq!(mode(&saved), 0o600, "the candidate's saved copy");
    assert!(data.join("dossier.db-wal").is_file(), "the store is open");
    let wrong = not_private(&data);
    app.close().await;
    assert_eq!(wrong, vec![], "with the app running");
}

//! An empty Tauri 2 window: one static page and the one command it calls once it has painted.
//! `make bench` starts it beside Dossier, built in the same profile on the same machine, so
//! Dossier's start-up and memory are read against what Tauri itself costs there. Built with the
//! `dossier-settings` feature it paints with Dossier's WebKit settings, the fair floor.

use std::io::Write;

/// The same hook as Dossier's `startup_painted`, so both apps are timed to the same event.
#[tauri::command]
fn startup_painted(page_ms: f64) {
    if std::env::var_os("DOSSIER_REPORT_PAINT").is_some() {
        let _ = writeln!(std::io::stdout().lock(), "painted {page_ms:.0}");
    }
}

fn main() {
    tauri::Builder::default()
        .setup(|_app| {
            // As Dossier does, right after its window is built and before its page paints.
            #[cfg(all(target_os = "linux", feature = "dossier-settings"))]
            {
                use tauri::Manager;
                if let Some(window) = _app.get_webview_window("main") {
                    window.with_webview(dossier_webview_settings::apply)?;
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![startup_painted])
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}

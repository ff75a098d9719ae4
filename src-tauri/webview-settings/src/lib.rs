//! WebKitGTK settings suited to a window of forms and lists rather than a web browser.
//!
//! A crate of its own so that `bench/empty-window` (with its `dossier-settings` feature) paints
//! with exactly these settings: `make bench` then compares Dossier with an empty window that
//! paints the same way (`startup_ratio_same`, `pss_ratio_same`), not only with WebKit's default.
#![cfg(target_os = "linux")]

use tauri::webview::PlatformWebview;
use webkit2gtk::{CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};

/// The document-viewer cache model drops the browser's back/forward page cache and keeps the
/// memory cache small: a single-page app never navigates back to a cached page.
///
/// Painting without GPU compositing layers suits a page of text, forms and short lists, which
/// has nothing to gain from layers: in `make bench` it saves about a third of the web process's
/// memory (128 against 222 MiB PSS on the large history) and shortens the first paint; the
/// end-to-end screenshots show the same pages. WebKitWebDriver's screenshot waits
/// for the next painted update in this mode, so the suite keeps the page painting while it takes
/// one (`tests/src/lib.rs`).
pub fn apply(webview: PlatformWebview) {
    let view = webview.inner();
    if let Some(context) = view.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
    if let Some(settings) = view.settings() {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}

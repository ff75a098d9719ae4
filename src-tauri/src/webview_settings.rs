//! WebKitGTK settings suited to a window of forms and lists rather than a web browser.

use tauri::webview::PlatformWebview;
use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};

/// The document-viewer cache model drops the browser's back/forward page cache and keeps the
/// memory cache small: a single-page app never navigates back to a cached page.
///
/// Painting without GPU compositing layers (`HardwareAccelerationPolicy::Never`) was tried: in
/// single `make bench` runs it gave start-up 1.24 and memory 0.93 times the empty window, against
/// 1.85 and 1.40 without it, but WebKitWebDriver's screenshots of the Applications view then
/// never completed, so it is left out until that is understood.
pub fn apply(webview: PlatformWebview) {
    if let Some(context) = webview.inner().context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
}

//! WebKitGTK settings suited to a window of forms and lists rather than a web browser.

use tauri::webview::PlatformWebview;
use webkit2gtk::{CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};

/// Painting without GPU compositing layers: each layer keeps a window-sized buffer in the web
/// process, which for pages like these costs tens of MiB and, on the many Linux desktops where
/// the GPU path is software anyway (virtual machines, older drivers), a slower first paint.
/// Nothing here animates enough to need the GPU. The document-viewer cache model drops the
/// browser's back/forward page cache, which a single-page app never uses.
pub fn apply(webview: PlatformWebview) {
    let view = webview.inner();
    if let Some(settings) = WebViewExt::settings(&view) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
    if let Some(context) = view.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
}

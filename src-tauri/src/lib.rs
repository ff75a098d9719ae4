//! Dossier's desktop shell: wires the core to the window. State, thin commands, dialogs and
//! notifications live here; rules and storage live in `dossier-core`.

pub mod bindings;
mod commands;
mod dialog;
mod display_language;
mod dropped_files;
pub mod error;
mod external;
mod notify;
mod scheduler;
mod state;
#[cfg(feature = "e2e")]
mod test_hooks;
mod vault_protocol;
mod view_copies;
#[cfg(target_os = "linux")]
mod webview_settings;
mod zone;

use std::path::PathBuf;
use std::sync::Arc;

use dossier_core::clock::{Clock, SystemClock};
use tauri::Manager;

/// Where the candidate's data lives: `DOSSIER_DATA_DIR` when set (a second profile, a USB stick),
/// else the OS app-data folder.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("DOSSIER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
}

fn clock() -> Arc<dyn Clock> {
    #[cfg(feature = "e2e")]
    if let Some(now) = test_hooks::fixed_now() {
        return Arc::new(dossier_core::clock::SettableClock::new(now));
    }
    Arc::new(SystemClock)
}

/// The typed commands, plus in the end-to-end build the hooks the suite calls through the
/// page's IPC. Those stay out of the generated bindings, which must not change with the feature.
fn invoke_handler(
    specta: &tauri_specta::Builder<tauri::Wry>,
) -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    let typed = specta.invoke_handler();
    #[cfg(feature = "e2e")]
    {
        fn e2e_hooks() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool {
            tauri::generate_handler![test_hooks::e2e_drop_files, test_hooks::e2e_request_close]
        }
        let hooks = e2e_hooks();
        move |invoke: tauri::ipc::Invoke<tauri::Wry>| {
            if invoke.message.command().starts_with("e2e_") {
                hooks(invoke)
            } else {
                typed(invoke)
            }
        }
    }
    #[cfg(not(feature = "e2e"))]
    typed
}

pub fn run() {
    let specta = bindings::builder();
    tauri::Builder::default()
        .invoke_handler(invoke_handler(&specta))
        .register_asynchronous_uri_scheme_protocol(vault_protocol::SCHEME, vault_protocol::handle)
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drag) = event {
                dropped_files::on_drag_drop(window.app_handle(), drag);
            }
        })
        .setup(move |app| {
            specta.mount_events(app);
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                window.with_webview(webview_settings::apply)?;
            }
            let data_dir = data_dir(app)?;
            if let Ok(cache) = app.path().app_cache_dir() {
                notify::prepare_icon(&cache);
            }
            view_copies::clear_view_copies(&data_dir);
            state::manage(app, data_dir, clock());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Dossier could not start its window");
}

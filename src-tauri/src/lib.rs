//! Dossier's desktop shell: wires the core to the window. State, thin commands, dialogs and
//! notifications live here; rules and storage live in `dossier-core`.

mod background;
pub mod bindings;
mod commands;
mod dialog;
mod display_language;
mod dropped_files;
pub mod error;
mod external;
#[cfg(target_os = "linux")]
mod gtk_start;
mod handover;
mod lock;
mod notify;
mod scheduler;
mod state;
#[cfg(feature = "e2e")]
mod test_hooks;
#[cfg(target_os = "linux")]
mod trim;
mod vault_protocol;
mod view_copies;
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
        return test_hooks::settable_clock(now);
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
            tauri::generate_handler![
                test_hooks::e2e_drop_files,
                test_hooks::e2e_request_close,
                test_hooks::e2e_set_zoom,
                test_hooks::e2e_set_now
            ]
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

/// The login entry's arguments: Dossier then starts in the tray, without its window.
const AUTOSTART_ARGS: [&str; 1] = [background::HIDDEN_ARG];

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    #[cfg(target_os = "linux")]
    if background::hidden_start(&args) {
        // Before any thread: the tray process then keeps few malloc arenas (see trim.rs).
        trim::limit_arenas();
    }
    #[cfg(target_os = "linux")]
    gtk_start::start();
    handover::wait_for_the_old_process();
    // Before this process takes the name: the old one ends once it is taken.
    notify::take_over_shown();
    let specta = bindings::builder();
    let app = tauri::Builder::default()
        // First: a second launch must hand over before it starts anything of its own.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            background::on_second_launch(app, args);
        }))
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // Not visibility: a start from the login entry stays in the tray.
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .app_name("dossier")
                .args(AUTOSTART_ARGS)
                .build(),
        )
        .invoke_handler(invoke_handler(&specta))
        .register_asynchronous_uri_scheme_protocol(vault_protocol::SCHEME, vault_protocol::handle)
        .on_window_event(|window, event| match event {
            tauri::WindowEvent::DragDrop(drag) => {
                dropped_files::on_drag_drop(window.app_handle(), drag);
            }
            tauri::WindowEvent::Destroyed => {
                window
                    .app_handle()
                    .state::<notify::ClickTarget>()
                    .window_gone();
            }
            _ => {}
        })
        .setup(move |app| {
            specta.mount_events(app);
            let data_dir = data_dir(app)?;
            if let Ok(cache) = app.path().app_cache_dir() {
                notify::prepare_icon(&cache);
            }
            view_copies::clear_view_copies(&data_dir);
            app.manage(background::Background::default());
            app.manage(handover::Handover::default());
            state::manage(app, data_dir, clock());
            background::start_tray(app.handle());
            // Without a tray a hidden start would leave no way to the window.
            if background::hidden_start(&args) && app.state::<background::Background>().has_tray() {
                // No Dashboard will load: the first pass need not wait for one.
                if let Some(timer) = app.state::<state::AppState>().timer() {
                    timer.window_painted();
                }
                background::release_when_settled(app.handle());
            } else {
                background::show_window(app.handle())?;
            }
            notify::app_ready(app.handle());
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("Dossier could not start");
    app.run(|app, event| {
        // `code: None` is the last window closing; `Some` is Quit, which always quits.
        if let tauri::RunEvent::ExitRequested {
            code: None, api, ..
        } = event
            && background::keeps_running(app)
        {
            api.prevent_exit();
            // Without the WebKit processes this one keeps after its window (see handover.rs).
            handover::begin(app);
        }
    });
}

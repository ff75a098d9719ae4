//! Dossier's desktop shell: wires the core to the window. State, thin commands, dialogs and
//! notifications live here; rules and storage live in `dossier-core`.

pub mod bindings;
mod commands;
mod dialog;
pub mod error;
mod external;
mod notify;
mod scheduler;
mod state;
#[cfg(feature = "e2e")]
mod test_hooks;
mod zone;

use std::path::PathBuf;
use std::sync::Arc;

use dossier_core::clock::{Clock, SystemClock};
use tauri::Manager;

use crate::state::AppState;

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

pub fn run() {
    let specta = bindings::builder();
    tauri::Builder::default()
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            let state = AppState::new(data_dir(app)?, clock());
            app.manage(state);
            // After the state is managed: the scheduler's first pass reads it.
            let scheduler = scheduler::Scheduler::start(app.handle().clone());
            app.manage(scheduler);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Dossier could not start its window");
}

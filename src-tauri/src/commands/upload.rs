use dossier_core::made_files::{self, MadeFile, MakeOutcome, MakeRequest, UploadLimits};
use dossier_core::vacancy::Platform;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// Makes one upload-ready PDF of the documents in the order given, under the limit; the file
/// made before from the same sources at the same limit is offered rather than made again.
#[tauri::command]
#[specta::specta]
pub async fn upload_make(state: State<'_, AppState>, request: MakeRequest) -> Result<MakeOutcome> {
    let now = state.clock.now();
    state.write_vault(|vault, store| made_files::make_file(vault, store, &request, now))
}

/// Records that the candidate uploaded the made file, dated now.
#[tauri::command]
#[specta::specta]
pub async fn upload_mark_sent(state: State<'_, AppState>, document_id: u32) -> Result<MadeFile> {
    let now = state.clock.now();
    state.write(|store| made_files::mark_sent(store, document_id, now))
}

/// The files made for an application, the current ones first.
#[tauri::command]
#[specta::specta]
pub async fn upload_files_for_application(
    state: State<'_, AppState>,
    application_id: u32,
) -> Result<Vec<MadeFile>> {
    state.with_store(|store| made_files::made_files_for_application(store, application_id))
}

/// The size limit remembered for each platform's attachment fields.
#[tauri::command]
#[specta::specta]
pub async fn upload_limits_get(state: State<'_, AppState>) -> Result<UploadLimits> {
    state.with_store(made_files::upload_limits)
}

/// Remembers the limit of one platform (1, 2, 5 or 10 MB).
#[tauri::command]
#[specta::specta]
pub async fn upload_limit_set(
    state: State<'_, AppState>,
    platform: Platform,
    limit_bytes: u32,
) -> Result<UploadLimits> {
    state.write(|store| made_files::set_upload_limit(store, platform, limit_bytes.into()))
}

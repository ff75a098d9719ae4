//! Document packs: the checklist of an application, its export through the save dialog with
//! progress and cancel, and the archive of a Talentlink application.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use dossier_core::packs::{self, Checklist, ExportOutcome, ExportProgress, PackFormat, PackPlan};
use dossier_core::profile::load_profile;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dialog;
use crate::error::{Result, on_blocking_thread};
use crate::state::AppState;

/// The export in progress (one at a time) and where the last one was asked to go, so a
/// "replace it" confirmation writes to the place the candidate chose without asking again.
#[derive(Default)]
pub struct PackJobs {
    cancel: Arc<AtomicBool>,
    last_destination: Mutex<Option<(String, PathBuf)>>,
}

/// The checklist of documents for an application, judged today.
#[tauri::command]
#[specta::specta]
pub async fn pack_checklist(state: State<'_, AppState>, application_id: u32) -> Result<Checklist> {
    let today = state.today();
    state.with_store(|store| packs::checklist_for_application(store, application_id, today))
}

/// Asks where to save the pack of an application and writes it there. An incomplete pack is
/// refused unless `allow_incomplete`; `replace_existing` writes over what is at the place chosen
/// last time (after the candidate confirmed) instead of asking again. `None` when cancelled in
/// the dialog.
#[tauri::command]
#[specta::specta]
pub async fn pack_export(
    app: AppHandle,
    window: tauri::WebviewWindow,
    application_id: u32,
    format: PackFormat,
    allow_incomplete: bool,
    replace_existing: bool,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportOutcome>> {
    let state = app.state::<AppState>();
    let today = state.today();
    let plan = state.with_vault(|vault, store| {
        let checklist = packs::checklist_for_application(store, application_id, today)?;
        let profile = load_profile(store)?;
        packs::pack_plan(vault, store, &checklist, profile.as_ref())
    })?;
    plan.refuse_incomplete(allow_incomplete)?;
    let key = format!("pack {application_id} {format:?}");
    run(
        &app,
        &window,
        plan,
        format,
        key,
        replace_existing,
        on_progress,
    )
    .await
}

/// Asks where to save everything kept for a Talentlink application, and writes it there.
#[tauri::command]
#[specta::specta]
pub async fn pack_archive_talentlink(
    app: AppHandle,
    window: tauri::WebviewWindow,
    application_id: u32,
    format: PackFormat,
    replace_existing: bool,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportOutcome>> {
    let state = app.state::<AppState>();
    let today = state.today();
    let plan = state.with_vault(|vault, store| {
        packs::talentlink_archive_plan(vault, store, application_id, today)
    })?;
    let key = format!("archive {application_id} {format:?}");
    run(
        &app,
        &window,
        plan,
        format,
        key,
        replace_existing,
        on_progress,
    )
    .await
}

/// Stops the export in progress; it removes what it had written.
#[tauri::command]
#[specta::specta]
pub async fn pack_cancel(jobs: State<'_, PackJobs>) -> Result<()> {
    jobs.cancel.store(true, Ordering::Relaxed);
    Ok(())
}

async fn run(
    app: &AppHandle,
    window: &tauri::WebviewWindow,
    plan: PackPlan,
    format: PackFormat,
    key: String,
    replace_existing: bool,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportOutcome>> {
    let jobs = app.state::<PackJobs>();
    let remembered = {
        let last = jobs
            .last_destination
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        last.as_ref()
            .filter(|(k, _)| replace_existing && *k == key)
            .map(|(_, path)| path.clone())
    };
    let dest = match remembered {
        Some(path) => path,
        None => {
            let (name, filter, extensions): (String, &str, &[&str]) = match format {
                PackFormat::Zip => (format!("{}.zip", plan.default_name), "Zip", &["zip"]),
                PackFormat::Folder => (plan.default_name.clone(), "Folder", &[]),
            };
            let Some(path) = dialog::save_path(window, &name, filter, extensions).await? else {
                return Ok(None);
            };
            *jobs
                .last_destination
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = Some((key, path.clone()));
            path
        }
    };
    jobs.cancel.store(false, Ordering::Relaxed);
    let cancel = jobs.cancel.clone();
    let now = app.state::<AppState>().clock.now();
    let outcome = on_blocking_thread("the export", move || {
        packs::export_pack(
            &plan,
            &dest,
            format,
            replace_existing,
            now,
            &cancel,
            &mut |p| {
                let _ = on_progress.send(p);
            },
        )
    })
    .await?;
    Ok(Some(outcome))
}

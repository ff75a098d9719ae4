//! Document packs: the checklist of an application, its export through the save dialog with
//! progress and cancel, and the archive of a Talentlink application.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use dossier_core::packs::{self, Checklist, ExportOutcome, ExportProgress, PackFormat, PackPlan};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dialog::{self, Filter};
use crate::display_language::{stored_language, stored_wording};
use crate::error::{Result, on_blocking_thread};
use crate::state::AppState;

/// The exports in progress, each with its own cancel flag under the id the UI gave it, and
/// where the last one was asked to go, so a "replace it" confirmation writes to the place the
/// candidate chose without asking again.
#[derive(Default)]
pub struct PackJobs {
    running: Arc<Mutex<HashMap<u32, Arc<AtomicBool>>>>,
    last_destination: Mutex<Option<(String, PathBuf)>>,
}

impl PackJobs {
    /// Registers export `id` with a cancel flag of its own, so cancelling or starting another
    /// export never touches it. Refused while an export of that id is still running.
    pub fn begin(&self, id: u32) -> Result<ExportTicket> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.contains_key(&id) {
            return Err(dossier_core::Error::field(
                "exportId",
                dossier_core::FieldProblem::ExportRunning { id },
                format!("export {id} is already running"),
            )
            .into());
        }
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(id, cancel.clone());
        Ok(ExportTicket {
            id,
            cancel,
            running: self.running.clone(),
        })
    }

    /// Asks export `id` to stop; nothing happens when it is not running.
    pub fn cancel(&self, id: u32) {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(cancel) = running.get(&id) {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// One running export's cancel flag; the export's id is free again when it is dropped.
pub struct ExportTicket {
    id: u32,
    cancel: Arc<AtomicBool>,
    running: Arc<Mutex<HashMap<u32, Arc<AtomicBool>>>>,
}

impl ExportTicket {
    pub fn cancelled(&self) -> &AtomicBool {
        &self.cancel
    }
}

impl Drop for ExportTicket {
    fn drop(&mut self) {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        // Only this export's entry: the id may not be reused while it runs, so it is ours.
        running.remove(&self.id);
    }
}

/// The checklist of documents for an application, judged today.
#[tauri::command]
#[specta::specta]
pub async fn pack_checklist(state: State<'_, AppState>, application_id: u32) -> Result<Checklist> {
    let today = state.today();
    state.with_store(|store| {
        packs::checklist_for_application(store, application_id, today, stored_wording(store)?)
    })
}

/// Asks where to save the pack of an application and writes it there. An incomplete pack is
/// refused unless `allow_incomplete`; `replace_existing` writes over what is at the place chosen
/// last time (after the candidate confirmed) instead of asking again. `export_id`, chosen by
/// the UI, is what `pack_cancel` names to stop this export. `None` when cancelled in the dialog.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn pack_export(
    app: AppHandle,
    window: tauri::WebviewWindow,
    export_id: u32,
    application_id: u32,
    format: PackFormat,
    allow_incomplete: bool,
    replace_existing: bool,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportOutcome>> {
    let ticket = app.state::<PackJobs>().begin(export_id)?;
    let state = app.state::<AppState>();
    let today = state.today();
    let plan = state.with_vault(|vault, store| {
        let language = stored_language(store)?;
        packs::application_pack_plan(vault, store, application_id, today, language)
    })?;
    plan.refuse_incomplete(allow_incomplete)?;
    let key = format!("pack {application_id} {format:?}");
    run(
        &app,
        &window,
        ticket,
        plan,
        format,
        key,
        replace_existing,
        on_progress,
    )
    .await
}

/// Asks where to save everything kept for a Talentlink application, and writes it there;
/// `export_id` is what `pack_cancel` names to stop it.
#[tauri::command]
#[specta::specta]
pub async fn pack_archive_talentlink(
    app: AppHandle,
    window: tauri::WebviewWindow,
    export_id: u32,
    application_id: u32,
    format: PackFormat,
    replace_existing: bool,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportOutcome>> {
    let ticket = app.state::<PackJobs>().begin(export_id)?;
    let state = app.state::<AppState>();
    let today = state.today();
    let plan = state.with_vault(|vault, store| {
        let language = stored_language(store)?;
        packs::talentlink_archive_plan(vault, store, application_id, today, language)
    })?;
    let key = format!("archive {application_id} {format:?}");
    run(
        &app,
        &window,
        ticket,
        plan,
        format,
        key,
        replace_existing,
        on_progress,
    )
    .await
}

/// Stops export `export_id` if it is still running; it removes what it had written.
#[tauri::command]
#[specta::specta]
pub async fn pack_cancel(jobs: State<'_, PackJobs>, export_id: u32) -> Result<()> {
    jobs.cancel(export_id);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn run(
    app: &AppHandle,
    window: &tauri::WebviewWindow,
    ticket: ExportTicket,
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
            let (name, filter, extensions): (String, Filter, &[&str]) = match format {
                PackFormat::Zip => (format!("{}.zip", plan.default_name), Filter::Zip, &["zip"]),
                PackFormat::Folder => (plan.default_name.clone(), Filter::Folder, &[]),
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
    let now = app.state::<AppState>().clock.now();
    let outcome = on_blocking_thread("the export", move || {
        packs::export_pack(
            &plan,
            &dest,
            format,
            replace_existing,
            now,
            ticket.cancelled(),
            &mut |p| {
                let _ = on_progress.send(p);
            },
        )
    })
    .await?;
    Ok(Some(outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_export_has_its_own_cancel() {
        let jobs = PackJobs::default();
        let first = jobs.begin(1).unwrap();
        let second = jobs.begin(2).unwrap();
        jobs.cancel(1);
        assert!(first.cancelled().load(Ordering::Relaxed));
        assert!(!second.cancelled().load(Ordering::Relaxed));

        // Starting another export leaves the cancelled one cancelled.
        let third = jobs.begin(3).unwrap();
        assert!(first.cancelled().load(Ordering::Relaxed));
        assert!(!third.cancelled().load(Ordering::Relaxed));

        // An id is one export at a time, and is free again once that export is over.
        assert!(jobs.begin(2).is_err());
        drop(second);
        let again = jobs.begin(2).unwrap();
        assert!(!again.cancelled().load(Ordering::Relaxed));
        // A cancel for an export that has ended touches nothing.
        drop(first);
        jobs.cancel(1);
        assert!(!again.cancelled().load(Ordering::Relaxed));
        assert!(!third.cancelled().load(Ordering::Relaxed));
    }
}

//! Files dropped onto the window. Tauri gives the shell the dropped paths (the webview itself
//! never sees them), so the work runs here, the same as for the file dialog, and the UI hears
//! about it on a channel it registered: the hovering, the progress and each file's outcome. A
//! channel needs no event permission in the window's capability. The vault view files drops as
//! documents; the capture view reads them as saved notices, each a draft to check.

use std::path::PathBuf;
use std::sync::Mutex;

use dossier_core::notice_files::{self, FileDraft};
use dossier_core::vault::{BatchItem, DocumentKind, ImportProgress};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager, Runtime};

use crate::error::{Result, on_blocking_thread};
use crate::state::AppState;

/// What the UI is told about a drag and drop, in order: `hovering` while files are over the
/// window, then `left` (dragged away) or `started`, `progress`…, and `finished` or `failed`.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "news",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum DropNews {
    Hovering {
        files: u32,
    },
    Left,
    Started {
        files: u32,
    },
    Progress {
        progress: ImportProgress,
    },
    Finished {
        items: Vec<BatchItem>,
    },
    /// Nothing could be imported at all (the database is not open).
    Failed {
        message: String,
    },
}

/// What the capture view is told about files dropped onto it, in order: `hovering`, then `left`
/// or `started`, and `finished` with one draft per file, or `failed`.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "news",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum CaptureDropNews {
    Hovering {
        files: u32,
    },
    Left,
    Started {
        files: u32,
    },
    Finished {
        drafts: Vec<FileDraft>,
    },
    /// Nothing could be read at all (the database is not open).
    Failed {
        message: String,
    },
}

#[derive(Clone)]
enum Listener {
    Vault(DocumentKind, Channel<DropNews>),
    Capture(Channel<CaptureDropNews>),
}

/// Where drop news goes: the vault view (with the kind dropped files are filed as) or the
/// capture view, whichever registered last.
#[derive(Default)]
pub struct DropTarget {
    listener: Mutex<Option<Listener>>,
}

impl DropTarget {
    pub fn listen(&self, kind: DocumentKind, channel: Channel<DropNews>) {
        self.set(Listener::Vault(kind, channel));
    }

    pub fn listen_for_capture(&self, channel: Channel<CaptureDropNews>) {
        self.set(Listener::Capture(channel));
    }

    fn set(&self, listener: Listener) {
        *self.listener.lock().unwrap_or_else(|p| p.into_inner()) = Some(listener);
    }

    fn current(&self) -> Option<Listener> {
        self.listener
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// Reads `paths` as saved notices on a blocking thread, the same way for the dialog and a drop.
pub async fn capture_paths<R: Runtime>(
    app: &AppHandle<R>,
    paths: Vec<PathBuf>,
) -> Result<Vec<FileDraft>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let app = app.clone();
    on_blocking_thread("reading the notices", move || {
        capture_with(&app.state::<AppState>(), &paths)
    })
    .await
}

/// Reads and parses the files with the store free (a 100 MB PDF must not stall every other
/// command), then takes it only to look for saved duplicates.
fn capture_with(state: &AppState, paths: &[PathBuf]) -> Result<Vec<FileDraft>> {
    let mut drafts = notice_files::read_notice_files(paths);
    state.with_store(|store| notice_files::point_out_saved_duplicates(store, &mut drafts))?;
    Ok(drafts)
}

/// Imports `paths` as `kind` on a blocking thread, the same way for the dialog and a drop.
pub async fn import_paths<R: Runtime>(
    app: &AppHandle<R>,
    paths: Vec<PathBuf>,
    kind: DocumentKind,
    mut progress: impl FnMut(&ImportProgress) + Send + 'static,
) -> Result<Vec<BatchItem>> {
    let app = app.clone();
    on_blocking_thread("the import", move || {
        let state = app.state::<AppState>();
        let now = state.clock.now();
        state.write_vault(|vault, store| {
            Ok(vault.import_batch(store, &paths, kind, now, Some(&mut progress)))
        })
    })
    .await
}

/// Handles Tauri's drag-and-drop events for the window. Dropped files are imported even when
/// no view listens (the candidate meant to add them); the vault list shows them when opened.
pub fn on_drag_drop<R: Runtime>(app: &AppHandle<R>, event: &DragDropEvent) {
    let Some(target) = app.try_state::<DropTarget>() else {
        return;
    };
    let (kind, channel) = match target.current() {
        Some(Listener::Capture(channel)) => return on_capture_drop(app, channel, event),
        Some(Listener::Vault(kind, channel)) => (kind, Some(channel)),
        None => (DocumentKind::Other, None),
    };
    let tell = move |news: DropNews| {
        if let Some(channel) = &channel {
            // A reloaded page drops its channel; the import goes on regardless.
            let _ = channel.send(news);
        }
    };
    match event {
        DragDropEvent::Enter { paths, .. } => tell(DropNews::Hovering {
            files: count(paths),
        }),
        DragDropEvent::Leave => tell(DropNews::Left),
        DragDropEvent::Drop { paths, .. } if paths.is_empty() => tell(DropNews::Left),
        DragDropEvent::Drop { paths, .. } => {
            tell(DropNews::Started {
                files: count(paths),
            });
            let app = app.clone();
            let paths = paths.clone();
            tauri::async_runtime::spawn(async move {
                let progress_tell = tell.clone();
                let news = match import_paths(&app, paths, kind, move |p| {
                    progress_tell(DropNews::Progress { progress: *p })
                })
                .await
                {
                    Ok(items) => DropNews::Finished { items },
                    Err(e) => DropNews::Failed {
                        message: e.to_string(),
                    },
                };
                tell(news);
            });
        }
        // `Over` only moves the pointer; the UI needs nothing from it.
        _ => {}
    }
}

fn on_capture_drop<R: Runtime>(
    app: &AppHandle<R>,
    channel: Channel<CaptureDropNews>,
    event: &DragDropEvent,
) {
    // A reloaded page drops its channel; there is nobody left to show drafts to.
    let tell = move |news: CaptureDropNews| {
        let _ = channel.send(news);
    };
    match event {
        DragDropEvent::Enter { paths, .. } => tell(CaptureDropNews::Hovering {
            files: count(paths),
        }),
        DragDropEvent::Leave => tell(CaptureDropNews::Left),
        DragDropEvent::Drop { paths, .. } if paths.is_empty() => tell(CaptureDropNews::Left),
        DragDropEvent::Drop { paths, .. } => {
            tell(CaptureDropNews::Started {
                files: count(paths),
            });
            let app = app.clone();
            let paths = paths.clone();
            tauri::async_runtime::spawn(async move {
                tell(match capture_paths(&app, paths).await {
                    Ok(drafts) => CaptureDropNews::Finished { drafts },
                    Err(e) => CaptureDropNews::Failed {
                        message: e.to_string(),
                    },
                });
            });
        }
        _ => {}
    }
}

fn count(paths: &[PathBuf]) -> u32 {
    u32::try_from(paths.len()).unwrap_or(u32::MAX)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use dossier_core::clock::SettableClock;
    use dossier_core::notice_files::FileDraftOutcome;
    use std::io::Write;
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    /// A file still being read (a named pipe the test feeds) must leave the store usable: the
    /// read blocks until the test writes, and the test takes the store before it writes.
    #[test]
    fn a_notice_being_read_does_not_hold_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2026-11-22T09:00:00Z".parse().unwrap();
        let state = Arc::new(AppState::new(
            dir.path().to_path_buf(),
            Arc::new(SettableClock::new(now)),
        ));
        state.with_store(|_| Ok(())).unwrap();
        let pipe = dir.path().join("notice.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());

        let reader = {
            let (state, pipe) = (Arc::clone(&state), pipe.clone());
            std::thread::spawn(move || capture_with(&state, &[pipe]))
        };
        // Opening the pipe for writing returns once the capture has opened it to read: from
        // here on it is inside the read, waiting for the notice.
        let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
        let (done, heard) = mpsc::channel();
        {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                let _ = done.send(state.with_store(|_| Ok(())).is_ok());
            });
        }
        // A bound, not a pause: the answer comes at once unless the read holds the store.
        let store_was_free = heard.recv_timeout(Duration::from_secs(20));
        writer
            .write_all(
                b"Vacancy Notice 2207\nJob Title: Digital Forensics Specialist\n\
                  Location: Singapore, Singapore\nGrade: 5\n",
            )
            .unwrap();
        drop(writer);
        let drafts = reader.join().unwrap().unwrap();
        assert!(
            matches!(drafts[0].outcome, FileDraftOutcome::Draft { .. }),
            "{:?}",
            drafts[0].outcome
        );
        assert_eq!(
            store_was_free,
            Ok(true),
            "the store was held while the file was read"
        );
    }
}

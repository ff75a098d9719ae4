use dossier_core::countdowns::UpcomingItem;
use dossier_core::models::Overview;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::Result;
use crate::state::{AppState, StoreStatus};

/// What the window needs before it shows anything, in one answer: the first paint waits for
/// every round trip made before it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The app's "now" as RFC 3339 UTC, from the one clock (settable in the end-to-end build).
    pub now: String,
    /// Whether the data opened at start-up, and if not why.
    pub status: StoreStatus,
    /// Counts that let each view choose between its content and its first-steps guide; `None`
    /// when the data did not open.
    pub overview: Option<Overview>,
    /// The most urgent moments, when asked for and the data opened: a window opening on the
    /// Dashboard gets them in this answer, since each further answer reaches the page about
    /// 30 ms later while the window is still starting (measured with `make bench`).
    pub moments: Option<Vec<UpcomingItem>>,
}

#[tauri::command]
#[specta::specta]
pub async fn session_get(state: State<'_, AppState>, moments: Option<u32>) -> Result<Session> {
    let status = state.status();
    let (overview, moments) = match status {
        StoreStatus::Ready { .. } => (
            Some(state.with_store(|store| store.overview())?),
            moments
                .map(|limit| super::applications::moments(&state, Some(limit)))
                .transpose()?,
        ),
        _ => (None, None),
    };
    Ok(Session {
        now: state
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        status,
        overview,
        moments,
    })
}

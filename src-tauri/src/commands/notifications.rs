use tauri::State;
use tauri::ipc::Channel;

use crate::error::Result;
use crate::notify::{self, ClickTarget, OpenRequest};

/// Shows a sample notification so the candidate can check that reminders will reach them.
/// The UI passes the text so it arrives in the candidate's language.
#[tauri::command]
#[specta::specta]
pub async fn notifications_send_test(summary: String, body: String) -> Result<()> {
    notify::show(summary, body).await
}

/// Registers where a click on a reminder is sent: the window then opens the item it is about.
#[tauri::command]
#[specta::specta]
pub async fn notifications_watch_clicks(
    clicks: State<'_, ClickTarget>,
    on_open: Channel<OpenRequest>,
) -> Result<()> {
    clicks.listen(on_open);
    Ok(())
}

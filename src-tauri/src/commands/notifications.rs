use crate::error::Result;
use crate::notify;

/// Shows a sample notification so the candidate can check that reminders will reach them.
/// The UI passes the text so it arrives in the candidate's language.
#[tauri::command]
#[specta::specta]
pub async fn notifications_send_test(summary: String, body: String) -> Result<()> {
    notify::show(summary, body).await
}

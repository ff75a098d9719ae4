//! Locking and encryption: the unlock screen, the lock button and idle time, and the Settings
//! section that turns encryption on and off. The secrets are wiped once used.

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, State};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::lock::{self, Secret};
use crate::state::{AppState, StoreStatus};

/// Emitted when the timer locked the data after the idle time: the window forgets what it
/// showed and reloads into the unlock screen.
pub const LOCKED: &str = "dossier-locked";

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LockStatus {
    pub encrypted: bool,
    pub locked: bool,
    /// Minutes without activity before the lock; `None`: never by idle time.
    pub idle_minutes: Option<u32>,
    /// The offer to turn encryption on was answered once and is not made again.
    pub offer_answered: bool,
}

/// The recovery key, shown once and never again.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryKeyShown {
    pub recovery_key: String,
}

fn status(state: &AppState) -> Result<LockStatus> {
    let settings = lock::load_settings(&state.data_dir);
    Ok(LockStatus {
        encrypted: state.encrypted()?,
        locked: state.is_locked(),
        idle_minutes: settings.idle_minutes,
        offer_answered: settings.offer_answered,
    })
}

/// Runs `f` off the async workers: an unlock costs about a second of Argon2id.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppState) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|e| Error::Core(dossier_core::Error::Internal(e.to_string())))?
}

#[tauri::command]
#[specta::specta]
pub async fn lock_status(state: State<'_, AppState>) -> Result<LockStatus> {
    status(&state)
}

#[tauri::command]
#[specta::specta]
pub async fn lock_unlock(
    app: AppHandle,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Result<StoreStatus> {
    let passphrase = passphrase.map(Zeroizing::new);
    let recovery_key = recovery_key.map(Zeroizing::new);
    blocking(app, move |state| match (&passphrase, &recovery_key) {
        (_, Some(typed)) => state.unlock(Secret::RecoveryKey(typed)),
        (Some(p), None) => state.unlock(Secret::Passphrase(p.as_bytes())),
        (None, None) => Err(Error::Encryption(
            dossier_core::encryption::EncryptionError::WrongPassphrase,
        )),
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn lock_now(state: State<'_, AppState>) -> Result<()> {
    state.lock_now()
}

/// The window reports the candidate's activity (at most every few seconds).
#[tauri::command]
#[specta::specta]
pub async fn lock_activity(state: State<'_, AppState>) -> Result<()> {
    state.note_activity();
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn lock_set_idle(state: State<'_, AppState>, minutes: Option<u32>) -> Result<LockStatus> {
    let mut settings = lock::load_settings(&state.data_dir);
    settings.idle_minutes = minutes;
    lock::save_settings(&state.data_dir, &settings)?;
    state.note_activity();
    if let Some(timer) = state.timer() {
        timer.rearm();
    }
    status(&state)
}

#[tauri::command]
#[specta::specta]
pub async fn lock_dismiss_offer(state: State<'_, AppState>) -> Result<LockStatus> {
    state.answer_offer()?;
    status(&state)
}

#[tauri::command]
#[specta::specta]
pub async fn encryption_turn_on(app: AppHandle, passphrase: String) -> Result<RecoveryKeyShown> {
    let passphrase = Zeroizing::new(passphrase);
    blocking(app, move |state| {
        let recovery = state.turn_on_encryption(passphrase.as_bytes())?;
        Ok(RecoveryKeyShown {
            recovery_key: recovery.to_text().to_string(),
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn encryption_turn_off(app: AppHandle, passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    blocking(app, move |state| {
        state.turn_off_encryption(passphrase.as_bytes())
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn encryption_change_passphrase(
    app: AppHandle,
    old_passphrase: String,
    new_passphrase: String,
) -> Result<()> {
    let old = Zeroizing::new(old_passphrase);
    let new = Zeroizing::new(new_passphrase);
    blocking(app, move |state| {
        state.change_passphrase(Secret::Passphrase(old.as_bytes()), new.as_bytes())
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn encryption_new_recovery_key(app: AppHandle) -> Result<RecoveryKeyShown> {
    blocking(app, |state| {
        Ok(RecoveryKeyShown {
            recovery_key: state.new_recovery_key()?.to_text().to_string(),
        })
    })
    .await
}

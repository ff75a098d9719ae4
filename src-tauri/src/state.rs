//! What the running app holds: the store (or why it could not be opened), the clock and where
//! the data lives.

use dossier_core::clock::Clock;
use dossier_core::store::{self, Store};
use dossier_core::vault::Vault;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::error::{Error, Result};

/// What the UI learns at start-up: the store is ready, or why not and what can be done.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum StoreStatus {
    Ready {
        info: dossier_core::models::StoreInfo,
    },
    /// The file exists but cannot be read: the user may set it aside and start fresh.
    Damaged {
        database_path: String,
        message: String,
    },
    /// Written by a newer Dossier: nothing to do here but update the app.
    TooNew {
        found: u32,
        supported: u32,
        message: String,
    },
    /// Anything else (a folder that cannot be created, a disk error).
    Unavailable { message: String },
}

/// The outcome of setting a damaged database aside: where the old file now is, and the new store.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FreshStart {
    pub status: StoreStatus,
    pub kept_as: String,
}

enum Slot {
    Open(Store),
    Closed(StoreStatus),
}

pub struct AppState {
    pub clock: Arc<dyn Clock>,
    pub data_dir: PathBuf,
    slot: Mutex<Slot>,
    /// Opened on first use and kept: opening sweeps the temporary files a killed import left,
    /// which must not run again while an import of this session is writing one.
    vault: Mutex<Option<Vault>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, clock: Arc<dyn Clock>) -> Self {
        let slot = open_slot(&data_dir.join(store::DATABASE_FILE));
        AppState {
            clock,
            data_dir,
            slot: Mutex::new(slot),
            vault: Mutex::new(None),
        }
    }

    /// The candidate's calendar day, in the computer's time zone: certificates and issue dates
    /// are dates printed on paper where the candidate lives, not UTC days.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().with_timezone(&chrono::Local).date_naive()
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(store::DATABASE_FILE)
    }

    pub fn status(&self) -> StoreStatus {
        match &*self.lock() {
            Slot::Open(store) => match store.info() {
                Ok(info) => StoreStatus::Ready { info },
                Err(e) => status_of(&Error::from(e), store.path()),
            },
            Slot::Closed(status) => status.clone(),
        }
    }

    /// Runs `f` with the open store, or explains why there is none.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        match &mut *self.lock() {
            Slot::Open(store) => Ok(f(store)?),
            Slot::Closed(status) => Err(Error::StoreUnavailable(match status {
                StoreStatus::Damaged { message, .. }
                | StoreStatus::TooNew { message, .. }
                | StoreStatus::Unavailable { message } => message.clone(),
                StoreStatus::Ready { .. } => String::new(),
            })),
        }
    }

    /// Runs `f` with the vault folder and the open store. A vault folder that cannot be created
    /// is reported, and tried again on the next call.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&Vault, &mut Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        let vault = {
            let mut slot = self.vault.lock().unwrap_or_else(|p| p.into_inner());
            match &*slot {
                Some(vault) => vault.clone(),
                None => slot.insert(Vault::open(&self.data_dir)?).clone(),
            }
        };
        self.with_store(|store| f(&vault, store))
    }

    /// Sets a damaged database aside under a dated name and opens a fresh one. Refused unless
    /// the current database really is damaged, so a healthy one can never be moved by mistake.
    pub fn start_fresh(&self) -> Result<FreshStart> {
        let mut slot = self.lock();
        if !matches!(&*slot, Slot::Closed(StoreStatus::Damaged { .. })) {
            return Err(dossier_core::Error::invalid(
                "database",
                "only a damaged database can be set aside",
            )
            .into());
        }
        let path = self.database_path();
        let kept_as = store::set_aside(&path, self.clock.now())?;
        *slot = open_slot(&path);
        drop(slot);
        Ok(FreshStart {
            status: self.status(),
            kept_as: kept_as.display().to_string(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic in one command must not lock the candidate out of their data for the session.
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn open_slot(path: &Path) -> Slot {
    match Store::open(path) {
        Ok(store) => Slot::Open(store),
        Err(e) => Slot::Closed(status_of(&Error::from(e), path)),
    }
}

fn status_of(err: &Error, path: &Path) -> StoreStatus {
    match err {
        Error::Core(dossier_core::Error::DatabaseCorrupt { .. }) => StoreStatus::Damaged {
            database_path: path.display().to_string(),
            message: err.to_string(),
        },
        Error::Core(dossier_core::Error::SchemaTooNew { found, supported }) => {
            StoreStatus::TooNew {
                found: *found,
                supported: *supported,
                message: err.to_string(),
            }
        }
        other => StoreStatus::Unavailable {
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::clock::SettableClock;

    fn clock() -> Arc<dyn Clock> {
        Arc::new(SettableClock::new("2026-11-22T09:00:00Z".parse().unwrap()))
    }

    #[test]
    fn a_damaged_database_is_reported_then_set_aside_on_request() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("dossier.db"), vec![0x5a; 4096]).unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(matches!(state.status(), StoreStatus::Damaged { .. }));
        let err = state.with_store(|s| s.overview()).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::StoreUnavailable);

        let fresh = state.start_fresh().unwrap();
        assert!(
            matches!(fresh.status, StoreStatus::Ready { .. }),
            "{fresh:?}"
        );
        let kept = dir.path().join("dossier.db.damaged-20261122T090000Z");
        assert_eq!(fresh.kept_as, kept.display().to_string());
        assert_eq!(std::fs::read(kept).unwrap(), vec![0x5a; 4096]);
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 0);
    }

    #[test]
    fn a_healthy_database_is_never_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
        assert!(state.start_fresh().is_err());
        assert!(dir.path().join("dossier.db").exists());
    }
}

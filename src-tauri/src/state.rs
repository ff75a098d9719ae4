//! What the running app holds: the store (or why it could not be opened), the clock, where the
//! data lives and the reminder timer; [`manage`] is the one place the shell's state is declared.
//!
//! Reading and writing are apart: [`AppState::with_store`] lends the store for reading only, and
//! the one way to change it, [`AppState::write`], wakes the reminder timer afterwards, so no
//! command can save a deadline and leave the timer asleep on the old one.

use dossier_core::backup::{self, BackupOutcome, BackupSummary};
use dossier_core::clock::Clock;
use dossier_core::encryption::recovery::RecoveryKey;
use dossier_core::encryption::{EncryptionError, MasterKey};
use dossier_core::fsio::journal;
use dossier_core::store::{self, Store};
use dossier_core::vault::Vault;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tauri::Manager;

use crate::commands::packs::PackJobs;
use crate::dropped_files::DropTarget;
use crate::error::{Error, Result};
use crate::lock::{self, AtRest, LockedSchedule, Secret};
use crate::notify::ClickTarget;
use crate::scheduler::Scheduler;

/// Everything the shell keeps for the life of the window. The reminder timer starts last, as its
/// first pass reads the state.
pub fn manage(app: &tauri::App, data_dir: PathBuf, clock: Arc<dyn Clock>) {
    app.manage(AppState::new(data_dir, clock));
    app.manage(DropTarget::default());
    app.manage(PackJobs::default());
    app.manage(ClickTarget::default());
    let timer = Scheduler::start(app.handle().clone());
    app.state::<AppState>().set_timer(timer);
}

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
    /// Encrypted and locked: the window shows only the unlock screen.
    Locked,
}

/// The outcome of a restore: where the data it replaced was kept, and the store now open.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub status: StoreStatus,
    pub kept_aside: String,
}

/// Whether a backup is made whatever the state, or only when one is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupWhen {
    Now,
    IfDue,
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
    /// Encrypted and not unlocked: no store, no vault, no key.
    Locked,
}

pub struct AppState {
    pub clock: Arc<dyn Clock>,
    pub data_dir: PathBuf,
    slot: Mutex<Slot>,
    /// Opened on first use and kept: opening sweeps the temporary files a killed import left,
    /// which must not run again while an import of this session is writing one.
    vault: Mutex<Option<Vault>>,
    /// Set once at start-up by [`manage`]; unset in unit tests, which run no timer.
    timer: OnceLock<Scheduler>,
    /// Held while a backup is written or restored: a restore must never swap the data folder
    /// under a backup being read from it, and two backups must not write the same folder.
    backups: Mutex<()>,
    /// An automatic backup is waiting for `backups`: the timer then queues no other, so a run
    /// of writes during a long first backup makes one more check, not one per write.
    backup_queued: AtomicBool,
    /// The master key while unlocked (wiped when dropped); `None` when locked or not encrypted.
    key: Mutex<Option<Arc<MasterKey>>>,
    /// The candidate's last activity in the window, on [`Self::clock`], for the idle lock.
    last_activity: Mutex<chrono::DateTime<chrono::Utc>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, clock: Arc<dyn Clock>) -> Self {
        // A restore killed half way is completed (or undone) before anything reads the folder.
        if let Err(e) = backup::finish_interrupted_restore(&data_dir) {
            eprintln!("Dossier: an interrupted restore could not be finished: {e}");
        }
        // Before anything touches the data: what a killed write left in the candidate's folders
        // goes, and a folder replace cut between its renames is undone. A failure here must not
        // keep the candidate from their data; the records stay for the next start.
        if let Err(e) = journal::clean_up(&data_dir) {
            eprintln!("Dossier: unfinished writes could not all be cleaned up: {e}");
        }
        // An installation made before files were private becomes private now, before the
        // store opens it.
        for (path, why) in dossier_core::fsio::private::make_private(&data_dir).failed {
            eprintln!(
                "Dossier: {} could not be made private: {why}",
                path.display()
            );
        }
        let slot = match lock::state(&data_dir) {
            Ok(AtRest::Encrypted) => {
                remove_clear_backups(&data_dir);
                Slot::Locked
            }
            Ok(AtRest::Clear) => open_keyed(&data_dir.join(store::DATABASE_FILE), None),
            Err(e) => Slot::Closed(StoreStatus::Unavailable {
                message: e.to_string(),
            }),
        };
        let now = clock.now();
        AppState {
            key: Mutex::new(None),
            last_activity: Mutex::new(now),
            clock,
            data_dir,
            slot: Mutex::new(slot),
            vault: Mutex::new(None),
            timer: OnceLock::new(),
            backups: Mutex::new(()),
            backup_queued: AtomicBool::new(false),
        }
    }

    /// Waits for a backup being written or restored to end, and keeps any other from starting
    /// while the guard lives: a process handing over to a fresh one (`handover.rs`) holds it
    /// until it exits, so it never ends half way through writing a backup.
    pub fn hold_backups(&self) -> MutexGuard<'_, ()> {
        self.backups.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set_timer(&self, timer: Scheduler) {
        // Start-up runs once; a second timer would only deliver the same reminders twice.
        let _ = self.timer.set(timer);
    }

    /// The reminder timer, once started.
    pub fn timer(&self) -> Option<&Scheduler> {
        self.timer.get()
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
            Slot::Locked => StoreStatus::Locked,
        }
    }

    /// Runs `f` with the open store for reading, or explains why there is none.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> dossier_core::Result<T>) -> Result<T> {
        self.with_store_mut(|store| f(store))
    }

    /// Runs `f` with the vault folder and the open store for reading. A vault folder that
    /// cannot be created is reported, and tried again on the next call.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&Vault, &Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        let vault = self.vault()?;
        self.with_store(|store| f(&vault, store))
    }

    /// Writes through `f` (which may read back what the UI shows next, in the same turn), then
    /// wakes the reminder timer to recompute from what was written, even when `f` failed part
    /// way. Every command that changes the store goes through here or [`Self::write_vault`].
    pub fn write<T>(&self, f: impl FnOnce(&mut Store) -> dossier_core::Result<T>) -> Result<T> {
        let written = self.with_store_mut(f);
        self.rearm();
        written
    }

    /// [`Self::write`] with the vault folder as well: imports, deletions.
    pub fn write_vault<T>(
        &self,
        f: impl FnOnce(&Vault, &mut Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        let vault = self.vault()?;
        self.write(|store| f(&vault, store))
    }

    /// For the reminder timer's own pass only: it records what it delivered and must not wake
    /// itself for it. Commands use [`Self::write`] (a test keeps them to it).
    pub fn timer_pass<T>(
        &self,
        f: impl FnOnce(&mut Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        self.with_store_mut(f)
    }

    fn rearm(&self) {
        if let Some(timer) = self.timer.get() {
            timer.rearm();
        }
    }

    fn with_store_mut<T>(
        &self,
        f: impl FnOnce(&mut Store) -> dossier_core::Result<T>,
    ) -> Result<T> {
        match &mut *self.lock() {
            Slot::Open(store) => Ok(f(store)?),
            Slot::Closed(status) => Err(Error::StoreUnavailable(match status {
                StoreStatus::Damaged { message, .. }
                | StoreStatus::TooNew { message, .. }
                | StoreStatus::Unavailable { message } => message.clone(),
                StoreStatus::Ready { .. } | StoreStatus::Locked => String::new(),
            })),
            Slot::Locked => Err(Error::Locked),
        }
    }

    fn vault(&self) -> Result<Vault> {
        // Asked before the vault's own lock is taken: `restore` and `lock_now` take the store's
        // first, and the two must always be taken in that order.
        if self.is_locked() {
            return Err(Error::Locked);
        }
        let mut slot = self.vault.lock().unwrap_or_else(|p| p.into_inner());
        Ok(match &*slot {
            Some(vault) => vault.clone(),
            None => slot.insert(open_vault(&self.data_dir, self.key())?).clone(),
        })
    }

    /// Sets a damaged database aside under a dated name and opens a fresh one. Refused unless
    /// the current database really is damaged, so a healthy one can never be moved by mistake.
    pub fn start_fresh(&self) -> Result<FreshStart> {
        let mut slot = self.lock();
        if !matches!(&*slot, Slot::Closed(StoreStatus::Damaged { .. })) {
            return Err(dossier_core::Error::field(
                "database",
                dossier_core::FieldProblem::DatabaseNotDamaged,
                "only a damaged database can be set aside",
            )
            .into());
        }
        let path = self.database_path();
        let kept_as = store::set_aside(&path, self.clock.now())?;
        *slot = open_keyed(&path, self.key().as_deref());
        drop(slot);
        Ok(FreshStart {
            status: self.status(),
            kept_as: kept_as.display().to_string(),
        })
    }

    /// The folder backups go to: the candidate's choice, else the default in the data folder.
    /// Read from a settings file beside the database, so it is known when the database is not.
    pub fn backup_dir(&self) -> Result<PathBuf> {
        let settings = backup::load_settings(&self.data_dir)?;
        Ok(backup::backup_folder(&self.data_dir, &settings))
    }

    /// Makes a whole backup (`IfDue`: only when one is due), prunes the old ones and records
    /// the outcome for Settings and the Dashboard. `None` when none was due or the store is not
    /// open (there is then nothing to back up).
    pub fn back_up(&self, when: BackupWhen) -> Result<Option<BackupSummary>> {
        let _held = self.backups.lock().unwrap_or_else(|p| p.into_inner());
        self.backup_queued.store(false, Ordering::SeqCst);
        if !matches!(&*self.lock(), Slot::Open(_)) {
            // Nothing to back up. Asked for one, the candidate is told why the data is not open.
            return match when {
                BackupWhen::IfDue => Ok(None),
                BackupWhen::Now => self.with_store(|_| Ok(None)),
            };
        }
        let made = self.write_backup(when);
        if !matches!(made, Ok(None)) {
            let outcome = BackupOutcome {
                at: self.clock.now(),
                ok: made.is_ok(),
                error_code: made.as_ref().err().map(|e| e.code().name()),
            };
            if let Err(e) = backup::record_outcome(&self.data_dir, &outcome) {
                eprintln!("Dossier backups: the outcome could not be recorded: {e}");
            }
        }
        made
    }

    fn write_backup(&self, when: BackupWhen) -> Result<Option<BackupSummary>> {
        let dir = self.backup_dir()?;
        // Encrypted, the vault copies its objects sealed and the store's file is SQLCipher's:
        // the backup holds nothing in the clear. Locked, `back_up` never gets here.
        let vault = self.vault()?;
        // A connection of its own: copying a large vault must not hold the store the window
        // reads and writes meanwhile. SQLite's WAL gives it a consistent snapshot.
        let store = store_keyed(&self.database_path(), self.key().as_deref())?;
        let now = self.clock.now();
        if when == BackupWhen::IfDue && !backup::is_due(&store, &dir, now)? {
            return Ok(None);
        }
        let made = backup::create(&store, &vault, &dir, now, env!("CARGO_PKG_VERSION"))?;
        backup::prune(&dir, self.today(), &vault.journal())?;
        Ok(Some(made))
    }

    /// Re-reads backup `id` end to end; while encrypted and unlocked, with the key, so every
    /// sealed object is decrypted in memory and checked, and the database opened.
    pub fn verify_backup(&self, dir: &Path, id: &str) -> dossier_core::Result<BackupSummary> {
        backup::verify_keyed(dir, id, self.key().as_deref())
    }

    /// Claims the one waiting place for an automatic backup; false when one already waits.
    pub fn queue_backup(&self) -> bool {
        !self.backup_queued.swap(true, Ordering::SeqCst)
    }

    /// Replaces the data with backup `id`. The store is closed first, so nothing writes to the
    /// folder being swapped (and Windows can rename it), then opened again on what is there
    /// afterwards: the restored data, or the untouched old data when the restore failed. Works
    /// with a damaged database, which is when it is most needed.
    pub fn restore(&self, id: &str) -> Result<Restored> {
        let _held = self.backups.lock().unwrap_or_else(|p| p.into_inner());
        let dir = self.backup_dir()?;
        let mut slot = self.lock();
        *slot = Slot::Closed(StoreStatus::Unavailable {
            message: String::new(),
        });
        // The vault handle belongs to the folder being replaced; the next use opens the new one.
        *self.vault.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let key = self.key();
        let restored = backup::restore_keyed(
            &dir,
            id,
            &self.data_dir,
            self.clock.now(),
            store::latest_schema_version(),
            key.as_deref(),
        );
        *slot = match store_keyed(&self.database_path(), key.as_deref()) {
            Ok(store) => Slot::Open(store),
            // An encrypted backup that came back with its own key file (made under another
            // key, or restored into a clear Dossier): it opens with the passphrase of its time.
            Err(dossier_core::Error::Encryption(
                EncryptionError::Locked | EncryptionError::DatabaseKeyMismatch { .. },
            )) if self.encrypted().unwrap_or(false) => {
                self.set_key(None);
                Slot::Locked
            }
            Err(e) => Slot::Closed(status_of(&Error::from(e), &self.database_path())),
        };
        drop(slot);
        self.rearm();
        let kept_aside = restored?;
        Ok(Restored {
            status: self.status(),
            kept_aside: kept_aside.display().to_string(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic in one command must not lock the candidate out of their data for the session.
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Clear backups must not outlive encryption in the data folder (`backup::remove_default_backups`);
/// one that cannot go is logged and tried again at the next start.
fn remove_clear_backups(data_dir: &Path) {
    if let Err(e) = backup::remove_default_backups(data_dir) {
        eprintln!("Dossier: the backups made before encryption could not be removed: {e}");
    }
}

/// The one place the database is opened, with the master key when encrypted.
fn store_keyed(path: &Path, key: Option<&MasterKey>) -> dossier_core::Result<Store> {
    Store::open_keyed(path, key)
}

/// The vault's counterpart of [`store_keyed`].
fn open_vault(data_dir: &Path, key: Option<Arc<MasterKey>>) -> dossier_core::Result<Vault> {
    Vault::open_keyed(data_dir, key)
}

/// Locking, unlocking and the secrets: every one of them goes through [`crate::lock`].
impl AppState {
    pub fn is_locked(&self) -> bool {
        matches!(&*self.lock(), Slot::Locked)
    }

    pub fn encrypted(&self) -> Result<bool> {
        Ok(lock::state(&self.data_dir)? == AtRest::Encrypted)
    }

    fn key(&self) -> Option<Arc<MasterKey>> {
        self.key.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set_key(&self, key: Option<MasterKey>) {
        *self.key.lock().unwrap_or_else(|p| p.into_inner()) = key.map(Arc::new);
    }

    /// Opens the data with `secret`. A wrong one changes nothing (and cost the Argon2id time).
    pub fn unlock(&self, secret: Secret) -> Result<StoreStatus> {
        let key = lock::unlock(&self.data_dir, secret)?;
        let mut slot = self.lock();
        if matches!(&*slot, Slot::Locked) {
            *slot = open_keyed(&self.database_path(), Some(&key));
            self.set_key(Some(key));
        }
        drop(slot);
        self.note_activity();
        self.rearm();
        Ok(self.status())
    }

    /// Closes the store and the vault and forgets the key; the next reminders are kept first,
    /// redacted, for the locked timer. Only when encrypted: without a passphrase a lock could
    /// not be opened again.
    pub fn lock_now(&self) -> Result<()> {
        if !self.encrypted()? {
            return Err(Error::EncryptionOff);
        }
        let mut slot = self.lock();
        if let Slot::Open(store) = &*slot
            && let Err(e) = self.keep_locked_schedule(store)
        {
            eprintln!("Dossier: the reminders for the locked time could not be kept: {e}");
        }
        *slot = Slot::Locked;
        *self.vault.lock().unwrap_or_else(|p| p.into_inner()) = None;
        self.set_key(None);
        drop(slot);
        self.rearm();
        Ok(())
    }

    /// Turns encryption on; the recovery key is for the candidate to keep, shown once.
    pub fn turn_on_encryption(&self, passphrase: &[u8]) -> Result<RecoveryKey> {
        // The conversion rewrites the database and the vault folder: no backup may read them
        // meanwhile, and this process's own handles are closed first (reopened on what is
        // there afterwards: the new data, or the untouched old data when it failed).
        let _held = self.backups.lock().unwrap_or_else(|p| p.into_inner());
        let mut slot = self.lock();
        *slot = Slot::Closed(StoreStatus::Unavailable {
            message: String::new(),
        });
        *self.vault.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let converted = lock::turn_on(&self.data_dir, passphrase);
        let key = converted.as_ref().ok().map(|(key, _)| key);
        *slot = open_keyed(&self.database_path(), key);
        drop(slot);
        let (key, recovery) = converted?;
        self.set_key(Some(key));
        remove_clear_backups(&self.data_dir);
        self.answer_offer()?;
        self.note_activity();
        self.rearm();
        Ok(recovery)
    }

    /// Turns encryption off, once the passphrase proved it is the candidate.
    pub fn turn_off_encryption(&self, passphrase: &[u8]) -> Result<()> {
        let key = lock::unlock(&self.data_dir, Secret::Passphrase(passphrase))?;
        let _held = self.backups.lock().unwrap_or_else(|p| p.into_inner());
        let mut slot = self.lock();
        *slot = Slot::Closed(StoreStatus::Unavailable {
            message: String::new(),
        });
        *self.vault.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let converted = lock::turn_off(&self.data_dir, &key);
        let still = converted.is_err().then_some(&key);
        *slot = open_keyed(&self.database_path(), still);
        drop(slot);
        converted?;
        self.set_key(None);
        lock::remove_schedule(&self.data_dir);
        self.rearm();
        Ok(())
    }

    pub fn change_passphrase(&self, old: Secret, new: &[u8]) -> Result<()> {
        lock::change_passphrase(&self.data_dir, old, new)
    }

    /// A new recovery key for the unlocked data; the old one stops working.
    pub fn new_recovery_key(&self) -> Result<RecoveryKey> {
        let key = self.key().ok_or(Error::Locked)?;
        lock::new_recovery_key(&self.data_dir, &key)
    }

    /// The offer to turn encryption on is not made again.
    pub fn answer_offer(&self) -> Result<()> {
        let mut settings = lock::load_settings(&self.data_dir);
        settings.offer_answered = true;
        lock::save_settings(&self.data_dir, &settings)
    }

    /// The candidate did something in the window: the idle time starts again.
    pub fn note_activity(&self) {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = self.clock.now();
    }

    /// When the idle lock comes, if it can: encrypted, unlocked, and an idle time chosen.
    pub fn idle_lock_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        if self.is_locked() || !self.encrypted().unwrap_or(false) {
            return None;
        }
        let minutes = lock::load_settings(&self.data_dir).idle_minutes?;
        let last = *self.last_activity.lock().unwrap_or_else(|p| p.into_inner());
        Some(last + chrono::Duration::minutes(minutes.into()))
    }

    /// Locks when the idle time has run out; true when it locked now.
    pub fn lock_if_idle(&self) -> bool {
        match self.idle_lock_at() {
            Some(at) if at <= self.clock.now() => self.lock_now().is_ok(),
            _ => false,
        }
    }

    /// Writes the redacted schedule of the next reminders (only while encrypted: a clear
    /// installation never locks).
    pub fn keep_locked_schedule(&self, store: &Store) -> Result<()> {
        if !self.encrypted()? {
            return Ok(());
        }
        let settings = dossier_core::reminders::load_reminder_settings(store)?;
        let zone = crate::zone::user_zone();
        let scheduled =
            dossier_core::reminders::scheduled(store, self.clock.now(), &settings, &zone)?;
        let language = crate::display_language::stored_language(store)?;
        lock::save_schedule(
            &self.data_dir,
            &LockedSchedule::from_scheduled(Some(language), &scheduled),
        )
    }

    /// The redacted schedule without what was due at `at`: it was shown.
    pub fn forget_locked_due(&self, at: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let mut schedule = lock::load_schedule(&self.data_dir);
        if schedule.take_due(at).is_empty() {
            return Ok(());
        }
        lock::save_schedule(&self.data_dir, &schedule)
    }

    /// [`Self::keep_locked_schedule`] with the open store, if it is open.
    pub fn keep_schedule_now(&self) -> Result<()> {
        match &*self.lock() {
            Slot::Open(store) => self.keep_locked_schedule(store),
            _ => Ok(()),
        }
    }

    /// For the locked timer: what came due in the redacted schedule (still in it until shown), the
    /// next instant waiting, and the language to word them in.
    pub fn take_locked_due(
        &self,
    ) -> Result<(
        Vec<lock::LockedReminder>,
        Option<chrono::DateTime<chrono::Utc>>,
        dossier_core::display_language::DisplayLanguage,
    )> {
        let mut schedule = lock::load_schedule(&self.data_dir);
        let due = schedule.take_due(self.clock.now());
        let language = schedule
            .language
            .unwrap_or_else(crate::display_language::system_language);
        Ok((due, schedule.next(), language))
    }

    /// The candidate's preferences, or while locked only the language they read (kept in the
    /// redacted schedule), so the unlock screen speaks it.
    pub fn language_preferences(&self) -> Result<dossier_core::preferences::Preferences> {
        if self.is_locked() {
            return Ok(dossier_core::preferences::Preferences {
                language: lock::load_schedule(&self.data_dir).language,
                ..Default::default()
            });
        }
        self.with_store(dossier_core::preferences::load_preferences)
    }
}

fn open_keyed(path: &Path, key: Option<&MasterKey>) -> Slot {
    match store_keyed(path, key) {
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

    fn add_vacancy(state: &AppState, reference: &str) {
        use dossier_core::vacancy::{self, Platform, VacancyInput};
        let input = VacancyInput::new(Platform::RecruitmentHub, reference, "Legal Officer");
        let now = state.clock.now();
        state
            .write(|s| vacancy::create_vacancy(s, input, now))
            .unwrap();
    }

    #[test]
    fn a_damaged_database_is_restored_from_a_backup_and_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        add_vacancy(&state, "1503");
        let made = state
            .back_up(BackupWhen::IfDue)
            .unwrap()
            .expect("a first backup is due");
        assert_eq!(made.vacancies, 1);
        assert_eq!(
            state.back_up(BackupWhen::IfDue).unwrap(),
            None,
            "nothing changed"
        );
        let outcome = backup::last_outcome(dir.path()).unwrap().unwrap();
        assert!(outcome.ok && outcome.error_code.is_none(), "{outcome:?}");
        drop(state);

        let db = dir.path().join("dossier.db");
        let mut damaged = std::fs::read(&db).unwrap();
        damaged[..100].fill(0x5a);
        std::fs::write(&db, &damaged).unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(matches!(state.status(), StoreStatus::Damaged { .. }));
        // Nothing to back up, and no failure recorded for it.
        assert_eq!(state.back_up(BackupWhen::IfDue).unwrap(), None);
        assert!(state.back_up(BackupWhen::Now).is_err());

        let restored = state.restore(&made.id).unwrap();
        assert!(
            matches!(restored.status, StoreStatus::Ready { .. }),
            "{restored:?}"
        );
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 1);
        let kept = std::path::PathBuf::from(&restored.kept_aside);
        assert_eq!(std::fs::read(kept.join("dossier.db")).unwrap(), damaged);
        // The store is open for writing again, through the same state.
        add_vacancy(&state, "1504");
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 2);
    }

    #[test]
    fn a_failed_restore_leaves_the_data_open_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        add_vacancy(&state, "1503");
        let err = state.restore("20990101T000000Z").unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::NotFound, "{err}");
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 1);
    }

    #[test]
    fn start_up_removes_what_a_killed_write_left_outside_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let outside = dir.path().join("Documents");
        std::fs::create_dir_all(&outside).unwrap();
        let pending = journal::Journal::new(&data)
            .begin(&outside.join("Diploma.pdf"), journal::TempKind::File)
            .unwrap();
        std::fs::write(pending.temp(), b"half").unwrap();
        let temp = pending.temp().to_path_buf();
        // Killed: neither finished nor dropped.
        std::mem::forget(pending);
        let state = AppState::new(data, clock());
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
        assert!(!temp.exists());
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn start_up_makes_an_older_installation_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        drop(AppState::new(data.clone(), clock()));
        let notes = data.join("backup-settings.json");
        std::fs::write(&notes, b"{}").unwrap();
        let set = |p: &Path, m: u32| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
        };
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        set(&data, 0o755);
        set(&data.join("dossier.db"), 0o644);
        set(&notes, 0o664);

        let state = AppState::new(data.clone(), clock());
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("dossier.db")), 0o600);
        assert_eq!(mode(&notes), 0o600);
    }

    #[test]
    fn a_healthy_database_is_never_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
        assert!(state.start_fresh().is_err());
        assert!(dir.path().join("dossier.db").exists());
    }

    /// One deadline in eight days from the clock's start, so its 7-day reminder is one day away.
    fn add_deadline(state: &AppState) {
        use dossier_core::vacancy::{self, Deadline, Platform, VacancyInput};
        let input = VacancyInput {
            duty_zone: Some("Europe/Paris".into()),
            deadline: Some(Deadline {
                date: "2026-11-30".parse().unwrap(),
                time: None,
                zone: "Europe/Paris".into(),
            }),
            ..VacancyInput::new(
                Platform::RecruitmentHub,
                "1503",
                "Secret Operations Analyst",
            )
        };
        let now = state.clock.now();
        state
            .write(|s| vacancy::create_vacancy(s, input, now))
            .unwrap();
    }

    #[test]
    fn locked_unlocked_idle_locked_and_the_schedule_says_nothing_of_the_vacancy() {
        use crate::error::ErrorCode;
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SettableClock::new("2026-11-22T09:00:00Z".parse().unwrap()));
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        add_deadline(&state);
        // Not encrypted: nothing to lock with.
        assert_eq!(
            state.lock_now().unwrap_err().code(),
            ErrorCode::EncryptionAlreadyOff
        );
        assert_eq!(state.idle_lock_at(), None);

        // A backup made in the clear, in Dossier's own folder, goes when encryption comes.
        state.back_up(BackupWhen::Now).unwrap().expect("a backup");
        let backups = dir.path().join(backup::DEFAULT_FOLDER);
        assert!(backups.exists());

        let clear = backup::list(&backups).unwrap();
        let recovery = state.turn_on_encryption(b"correct horse").unwrap();
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
        assert!(
            backup::list(&backups).unwrap().is_empty(),
            "the clear backup {clear:?} is gone"
        );
        assert!(!backups.join("objects").exists());
        // Encrypted and unlocked, backups are made again: the timer's (none is left, so one
        // is due) and "now", each verified with the key.
        let due = state.back_up(BackupWhen::IfDue).unwrap().expect("a backup");
        state.verify_backup(&backups, &due.id).unwrap();
        let now = state.back_up(BackupWhen::Now).unwrap().expect("a backup");
        state.verify_backup(&backups, &now.id).unwrap();
        // One a day is kept: the second replaces the first.
        assert_eq!(backup::list(&backups).unwrap(), vec![now.clone()]);
        let outcome = backup::last_outcome(dir.path()).unwrap().unwrap();
        assert!(outcome.ok, "{outcome:?}");
        drop(state);

        // A new start finds it locked: no store, no vault.
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        assert!(matches!(state.status(), StoreStatus::Locked));
        // The start removes clear backups only: the encrypted ones stay.
        assert_eq!(backup::list(&backups).unwrap(), vec![now.clone()]);
        // Locked, there is no key to back up with: the timer's pass skips and records no
        // failure; "now" says it is locked.
        assert_eq!(state.back_up(BackupWhen::IfDue).unwrap(), None);
        assert_eq!(
            backup::last_outcome(dir.path()).unwrap(),
            Some(outcome.clone())
        );
        assert_eq!(
            state.back_up(BackupWhen::Now).unwrap_err().code(),
            ErrorCode::Locked
        );
        let err = state.with_store(|s| s.overview()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Locked);
        assert_eq!(
            state.with_vault(|_, _| Ok(())).unwrap_err().code(),
            ErrorCode::Locked
        );
        let wrong = state
            .unlock(Secret::Passphrase(b"wrong horse"))
            .unwrap_err();
        assert_eq!(wrong.code(), ErrorCode::WrongPassphrase);
        assert!(state.is_locked());

        let status = state.unlock(Secret::Passphrase(b"correct horse")).unwrap();
        assert!(matches!(status, StoreStatus::Ready { .. }), "{status:?}");
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 1);
        state.keep_schedule_now().unwrap();

        // Idle: 15 minutes by default, on the injectable clock; activity pushes it back.
        let start = clock.now();
        assert_eq!(
            state.idle_lock_at(),
            Some(start + chrono::Duration::minutes(15))
        );
        clock.set(start + chrono::Duration::minutes(10));
        state.note_activity();
        clock.set(start + chrono::Duration::minutes(24));
        assert!(!state.lock_if_idle());
        clock.set(start + chrono::Duration::minutes(25));
        assert!(state.lock_if_idle());
        assert!(state.is_locked());
        assert_eq!(
            state.with_store(|s| s.overview()).unwrap_err().code(),
            ErrorCode::Locked
        );
        assert_eq!(state.key(), None);

        // The redacted schedule: instants and kinds, no title, no reference.
        let file = std::fs::read_to_string(dir.path().join("locked-reminders.json")).unwrap();
        assert!(file.contains("deadline"), "{file}");
        for secret in ["Secret Operations", "1503", "Paris"] {
            assert!(!file.contains(secret), "{secret} in {file}");
        }
        let (due, next, _) = state.take_locked_due().unwrap();
        assert!(due.is_empty());
        let next = next.expect("the 7-day reminder waits");
        clock.set(next);
        let (due, _, language) = state.take_locked_due().unwrap();
        assert_eq!(due.len(), 1);
        let shown = lock::locked_notification(language, &due);
        assert_eq!(shown.target, None);
        let words = format!("{} {}", shown.title, shown.body);
        assert!(
            !words.contains("Secret Operations") && !words.contains("1503"),
            "{words}"
        );
        state.forget_locked_due(next).unwrap();
        assert!(state.take_locked_due().unwrap().0.is_empty(), "shown once");

        // The recovery key opens it too; a typing mistake is told apart from a wrong key.
        let mistyped = state
            .unlock(Secret::RecoveryKey("ABCDE-12345"))
            .unwrap_err();
        assert_eq!(mistyped.code(), ErrorCode::RecoveryKeyMistyped);
        state
            .unlock(Secret::RecoveryKey(&recovery.to_text()))
            .unwrap();
        assert!(!state.is_locked());

        // A new passphrase; the old one no longer opens.
        state
            .change_passphrase(Secret::Passphrase(b"correct horse"), b"battery staple")
            .unwrap();
        state.lock_now().unwrap();
        let old = state
            .unlock(Secret::Passphrase(b"correct horse"))
            .unwrap_err();
        assert_eq!(old.code(), ErrorCode::WrongPassphrase);
        state.unlock(Secret::Passphrase(b"battery staple")).unwrap();
        assert_eq!(state.with_store(|s| s.overview()).unwrap().vacancies, 1);
    }

    #[test]
    fn a_damaged_key_file_is_named_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        state.turn_on_encryption(b"correct horse").unwrap();
        drop(state);
        let key_file = dir.path().join("dossier.key");
        std::fs::write(&key_file, b"{ not a key file").unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(state.is_locked());
        let err = state
            .unlock(Secret::Passphrase(b"correct horse"))
            .unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::KeyFileDamaged);
        assert_eq!(
            err.params().get("path"),
            Some(&crate::error::ErrorParam::Text(
                key_file.display().to_string()
            ))
        );
        assert!(key_file.exists());
    }

    #[test]
    fn turning_encryption_off_asks_the_passphrase_and_never_locks_again() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), clock());
        state.turn_on_encryption(b"correct horse").unwrap();
        let err = state.turn_off_encryption(b"wrong").unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::WrongPassphrase);
        assert!(state.encrypted().unwrap());
        state.turn_off_encryption(b"correct horse").unwrap();
        assert!(!state.encrypted().unwrap());
        assert!(!dir.path().join("locked-reminders.json").exists());
        drop(state);
        let state = AppState::new(dir.path().to_path_buf(), clock());
        assert!(matches!(state.status(), StoreStatus::Ready { .. }));
    }
}

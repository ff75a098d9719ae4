//! Locking: whether the data is encrypted, the secrets that unlock it, and the two small private
//! files the locked app still reads (when to lock, and the redacted reminder schedule).
//!
//! The first part hands on to `dossier_core::encryption::at_rest`, which encrypts the data
//! itself; the rest is the shell's.

use std::path::Path;

use chrono::{DateTime, Utc};
use dossier_core::countdowns::CountdownKind;
use dossier_core::display_language::DisplayLanguage;
use dossier_core::encryption::MasterKey;
use dossier_core::encryption::at_rest;
use dossier_core::encryption::recovery::RecoveryKey;
use dossier_core::fsio;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;

// The data itself is the core's: these keep the shell's `Result`, nothing more.

pub use dossier_core::encryption::at_rest::{AtRest, Secret};

/// Whether the data folder is encrypted; an interrupted conversion is finished or undone first.
pub fn state(data_dir: &Path) -> Result<AtRest> {
    Ok(at_rest::state(data_dir)?)
}

/// The master key, if `secret` is the one. A wrong one costs the Argon2id time and nothing else.
pub fn unlock(data_dir: &Path, secret: Secret) -> Result<MasterKey> {
    Ok(at_rest::unlock(data_dir, secret)?)
}

/// Encrypts the data in place; the recovery key returned is shown once. The caller has closed
/// its store and vault.
pub fn turn_on(data_dir: &Path, passphrase: &[u8]) -> Result<(MasterKey, RecoveryKey)> {
    Ok(at_rest::turn_on(data_dir, passphrase)?)
}

/// Decrypts the data in place; `key` proves the candidate unlocked it.
pub fn turn_off(data_dir: &Path, key: &MasterKey) -> Result<()> {
    Ok(at_rest::turn_off(data_dir, key)?)
}

/// Re-wraps the master key under `new`; nothing is re-encrypted.
pub fn change_passphrase(data_dir: &Path, old: Secret, new: &[u8]) -> Result<()> {
    Ok(at_rest::change_passphrase(data_dir, old, new)?)
}

/// A new recovery key; the old one stops working.
pub fn new_recovery_key(data_dir: &Path, key: &MasterKey) -> Result<RecoveryKey> {
    Ok(at_rest::new_recovery_key(data_dir, key)?)
}

// What follows stays in the shell after the merge: files the locked app reads without the key.

const SETTINGS_FILE: &str = "lock-settings.json";
const SCHEDULE_FILE: &str = "locked-reminders.json";

/// The idle times Settings offers, in minutes.
pub const IDLE_CHOICES: [u32; 4] = [5, 15, 30, 60];

/// What the unlock screen needs before the database is open, kept beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct LockSettings {
    /// Lock after this many minutes without activity; `None`: never by idle time.
    pub idle_minutes: Option<u32>,
    /// The offer to turn encryption on was answered (turned on or dismissed): never again.
    pub offer_answered: bool,
}

impl Default for LockSettings {
    fn default() -> Self {
        LockSettings {
            idle_minutes: Some(15),
            offer_answered: false,
        }
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    // A file that no longer reads is as good as none: it only ever holds defaults and hints.
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(value).expect("plain data");
    Ok(fsio::write_atomic(path, &bytes)?)
}

pub fn load_settings(data_dir: &Path) -> LockSettings {
    read_json(&data_dir.join(SETTINGS_FILE)).unwrap_or_default()
}

pub fn save_settings(data_dir: &Path, settings: &LockSettings) -> Result<()> {
    if let Some(m) = settings.idle_minutes
        && !IDLE_CHOICES.contains(&m)
    {
        let choices = IDLE_CHOICES.map(|c| c.to_string()).join(", ");
        return Err(dossier_core::Error::field(
            "idleMinutes",
            dossier_core::FieldProblem::NotAChoice {
                found: m.to_string(),
                choices,
            },
            "not one of the choices",
        )
        .into());
    }
    write_json(&data_dir.join(SETTINGS_FILE), settings)
}

/// One reminder as the locked app knows it: when it shows, its kind and how far ahead of its
/// moment; nothing that says which vacancy, application or document it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LockedReminder {
    pub shows: DateTime<Utc>,
    pub kind: LockedKind,
    pub days_ahead: i64,
}

/// The kind of a reminder, as its words while locked name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LockedKind {
    Deadline,
    Silence,
    Certificate,
    Roster,
    Interview,
}

impl LockedKind {
    fn of(kind: CountdownKind) -> LockedKind {
        match kind {
            CountdownKind::Deadline => LockedKind::Deadline,
            CountdownKind::Silence => LockedKind::Silence,
            CountdownKind::CertificateStale => LockedKind::Certificate,
            CountdownKind::RosterExpiry => LockedKind::Roster,
            CountdownKind::Interview => LockedKind::Interview,
        }
    }

    /// The selector of `locked-reminder-title`.
    fn word(self) -> &'static str {
        match self {
            LockedKind::Deadline => "deadline",
            LockedKind::Silence => "silence",
            LockedKind::Certificate => "certificate",
            LockedKind::Roster => "roster",
            LockedKind::Interview => "interview",
        }
    }
}

/// Written at every reminder pass while unlocked and at lock time, read while locked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LockedSchedule {
    pub language: Option<DisplayLanguage>,
    pub reminders: Vec<LockedReminder>,
}

/// How many reminders the locked schedule keeps: enough for a long absence, and no more of the
/// candidate's rhythm than that.
const SCHEDULE_LENGTH: usize = 20;

impl LockedSchedule {
    pub fn from_scheduled(
        language: Option<DisplayLanguage>,
        scheduled: &[dossier_core::reminders::ScheduledReminder],
    ) -> LockedSchedule {
        LockedSchedule {
            language,
            reminders: scheduled
                .iter()
                .take(SCHEDULE_LENGTH)
                .map(|s| LockedReminder {
                    shows: s.shows_utc,
                    kind: LockedKind::of(s.kind),
                    days_ahead: (s.target_utc.date_naive() - s.shows_utc.date_naive())
                        .num_days()
                        .max(0),
                })
                .collect(),
        }
    }

    /// Splits off what is due at `now`, keeping the rest.
    pub fn take_due(&mut self, now: DateTime<Utc>) -> Vec<LockedReminder> {
        let (due, rest) = std::mem::take(&mut self.reminders)
            .into_iter()
            .partition(|r| r.shows <= now);
        self.reminders = rest;
        due
    }

    pub fn next(&self) -> Option<DateTime<Utc>> {
        self.reminders.iter().map(|r| r.shows).min()
    }
}

pub fn load_schedule(data_dir: &Path) -> LockedSchedule {
    read_json(&data_dir.join(SCHEDULE_FILE)).unwrap_or_default()
}

pub fn save_schedule(data_dir: &Path, schedule: &LockedSchedule) -> Result<()> {
    write_json(&data_dir.join(SCHEDULE_FILE), schedule)
}

/// Removed when encryption is turned off: a clear installation needs no redacted copy.
pub fn remove_schedule(data_dir: &Path) {
    let _ = std::fs::remove_file(data_dir.join(SCHEDULE_FILE));
}

/// The words of a notification shown while locked: what kind of moment, how soon, and that
/// Dossier must be unlocked to see more.
pub fn locked_notification(
    language: DisplayLanguage,
    due: &[LockedReminder],
) -> dossier_core::reminders::Notification {
    use dossier_core::words::{Arg, Msg, reading};
    let (title, body) = match due {
        [one] => {
            let when = reading(
                language,
                Msg::LockedWhen,
                &[("days", Arg::Count(one.days_ahead))],
            );
            let kind = one.kind.word();
            (
                reading(
                    language,
                    Msg::LockedReminderTitle,
                    &[("kind", Arg::Text(kind)), ("when", Arg::Text(&when))],
                ),
                reading(language, Msg::LockedReminderBody, &[]),
            )
        }
        many => (
            reading(
                language,
                Msg::LockedSummaryTitle,
                &[("count", Arg::Count(many.len() as i64))],
            ),
            reading(language, Msg::LockedSummaryBody, &[]),
        ),
    };
    dossier_core::reminders::Notification {
        title,
        body,
        // A click opens the window, which shows only the unlock screen.
        target: None,
        reminder_keys: Vec::new(),
    }
}

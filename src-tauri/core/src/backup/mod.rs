//! Whole backups: the database snapshot and every stored scan, with a manifest of checksums.
//!
//! A backup folder holds:
//!
//! ```text
//! <backup folder>/objects/<2 hex>/<sha-256>.<ext>   every scan, once, however many backups
//! <backup folder>/backups/<id>/dossier.db           the database snapshot
//! <backup folder>/backups/<id>/manifest.json        what the backup holds, with checksums
//! <backup folder>/backups/<id>/manifest.sha256      the manifest's own checksum
//! <backup folder>/objects-<key>/<2 hex>/<sha-256>.<ext>  encrypted: every scan, sealed
//! <backup folder>/backups/<id>/dossier.key          encrypted: the key file of the moment
//! ```
//!
//! A backup of an encrypted Dossier holds nothing in the clear: the sealed objects and the
//! SQLCipher database are copied as they are (never decrypted to disk), under a folder named
//! by the key's public name, and the key file comes with them, so the backup opens with the
//! passphrase or recovery key of the time it was made.
//!
//! Objects are named as in the vault (by the vault's own hash), so an unchanged scan costs
//! nothing the next day. A backup is written under a temporary name in `backups/` and renamed
//! to its id only once everything it names is written, synced and checked, so a half-written
//! backup is never listed. [`prune`] keeps 7 daily and 4 weekly backups, then removes the
//! objects no remaining backup names.
//!
//! [`restore`] rebuilds the data folder's database and vault in a staging folder, checks it,
//! and swaps it in under a journal, so a kill at any moment leaves either the old data or the
//! restored data once [`finish_interrupted_restore`] has run at the next start.

mod create;
mod manifest;
mod prune;
mod restore;
mod settings;
mod verify;

pub use create::{create, create_killed_before_rename, is_due};
pub use manifest::{BackupSummary, list};
pub use prune::{KEEP_DAILY, KEEP_WEEKLY, prune};
pub use restore::{
    BEFORE_RESTORE_PREFIX, RESTORE_JOURNAL, RESTORE_STAGING, finish_interrupted_restore, restore,
    restore_keyed, restore_killed_after,
};
pub use settings::{
    BackupOutcome, BackupSettings, DEFAULT_FOLDER, backup_folder, last_outcome, load_settings,
    record_outcome, remove_default_backups, save_settings,
};
pub use verify::{verify, verify_keyed};

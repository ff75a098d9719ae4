//! The settings table: one JSON value per key. Each area (preferences, reminders, the language
//! wording map) keeps its own typed value and checks; this is only where they are kept.

use crate::store::Store;
use crate::{Error, Result};
use rusqlite::OptionalExtension;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The stored JSON under `key`, if any.
pub fn read_setting(store: &Store, key: &str) -> Result<Option<String>> {
    store.read(|c| {
        Ok(
            c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?,
        )
    })
}

/// The value under `key`, or the default when none is saved or it no longer reads (written by a
/// later version): a settings problem must never keep the app from starting.
pub fn load_or_default<T: DeserializeOwned + Default>(store: &Store, key: &str) -> Result<T> {
    Ok(read_setting(store, key)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Replaces the value under `key`, in one transaction.
pub fn save_setting<T: Serialize>(store: &mut Store, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).map_err(|_| {
        Error::field(
            key,
            crate::error::FieldProblem::NotStorable,
            "this setting cannot be stored",
        )
    })?;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, &json],
        )?;
        Ok(())
    })
}

//! Small choices the candidate makes in the UI that must survive a restart.

use crate::store::Store;
use crate::{Error, Result};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    /// The note explaining Talentlink and the Recruitment Hub has been read and put away.
    pub platform_note_dismissed: bool,
}

const KEY: &str = "preferences";

pub fn load_preferences(store: &Store) -> Result<Preferences> {
    store.read(|c| {
        let json: Option<String> = c
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        // A preference that no longer reads (written by a later version) falls back to the
        // default rather than keeping the app from starting.
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default())
    })
}

pub fn save_preferences(store: &mut Store, preferences: &Preferences) -> Result<()> {
    let json = serde_json::to_string(preferences)
        .map_err(|_| Error::invalid("preferences", "cannot be stored"))?;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [KEY, &json],
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_default_then_persist() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(!load_preferences(&store).unwrap().platform_note_dismissed);
        let dismissed = Preferences {
            platform_note_dismissed: true,
        };
        save_preferences(&mut store, &dismissed).unwrap();
        assert_eq!(load_preferences(&store).unwrap(), dismissed);
    }
}

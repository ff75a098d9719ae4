//! Dossier's domain core: models, the SQLite store, the clock, the notice parser and the rules.
//!
//! This crate must never depend on Tauri: everything here is tested on its own, and the
//! desktop shell only wires it to the window.

pub mod applications;
pub mod calendar;
pub mod clock;
pub mod countdowns;
pub mod countries;
pub mod eligibility;
pub mod error;
pub mod fsio;
pub mod hidden_chars;
pub mod models;
pub mod notice;
pub mod packs;
pub mod preferences;
pub mod profile;
pub mod reminders;
pub mod settings;
pub mod stations;
pub mod store;
pub mod vacancy;
pub mod vault;

pub use error::{Error, Result};

//! Dossier's domain core: models, the SQLite store, the clock and (later) the rules.
//!
//! This crate must never depend on Tauri: everything here is tested on its own, and the
//! desktop shell only wires it to the window.

pub mod clock;
pub mod error;
pub mod fsio;
pub mod models;
pub mod store;

pub use error::{Error, Result};

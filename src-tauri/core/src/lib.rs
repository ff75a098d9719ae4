//! Dossier's domain core: models, the SQLite store, the clock, the notice parser and the rules.
//!
//! This crate must never depend on Tauri: everything here is tested on its own, and the
//! desktop shell only wires it to the window.
//!
//! # Which module may import which
//!
//! Modules sit in layers: each may import only the modules in its row, all of them in rows above
//! it, so no two modules import each other and a change never ripples back up. The test
//! `module_layering` reads this table and fails on an import it does not list, naming the file
//! and line, and on any circle (between modules, or between the files of one module). A row may
//! list more than is used today; adding to it is a decision, made here.
//!
//! | module | may import |
//! |---|---|
//! | `error` | |
//! | `clock` | |
//! | `models` | |
//! | `countries` | |
//! | `stations` | |
//! | `sources` | |
//! | `hidden_chars` | |
//! | `display_language` | |
//! | `words` | `display_language` |
//! | `time` | `error` |
//! | `fsio` | `error` |
//! | `encryption` | `error`, `fsio` |
//! | `store` | `error`, `fsio`, `models`, `encryption` |
//! | `settings` | `error`, `store` |
//! | `preferences` | `error`, `store`, `settings`, `display_language`, `words` |
//! | `profile` | `error`, `store`, `countries`, `hidden_chars` |
//! | `vacancy` | `error`, `store`, `time`, `profile`, `hidden_chars` |
//! | `notice` | `error`, `stations`, `time`, `profile`, `vacancy` |
//! | `vault` | `error`, `fsio`, `encryption`, `store`, `time`, `models`, `countries`, `profile`, `hidden_chars`, `sources`, `display_language`, `words` |
//! | `applications` | `error`, `store`, `time`, `vacancy`, `vault` |
//! | `countdowns` | `error`, `store`, `time`, `vacancy`, `vault`, `applications` |
//! | `reminders` | `error`, `stations`, `store`, `settings`, `time`, `vault`, `applications`, `countdowns`, `countries`, `display_language`, `words` |
//! | `calendar` | `error`, `fsio`, `store`, `time`, `vault`, `applications`, `countdowns`, `reminders`, `countries`, `display_language`, `words` |
//! | `eligibility` | `error`, `store`, `settings`, `time`, `countries`, `profile`, `vacancy`, `applications`, `sources` |
//! | `packs` | `error`, `fsio`, `encryption`, `store`, `countries`, `profile`, `vacancy`, `vault`, `applications`, `hidden_chars`, `display_language`, `words` |
//! | `export` | `error`, `fsio`, `encryption`, `store`, `vacancy`, `vault`, `applications`, `display_language`, `words`, `hidden_chars` |
//! | `backup` | `error`, `fsio`, `encryption`, `store`, `vault` |
//! | `notice_files` | `error`, `store`, `notice`, `vacancy`, `vault` |
//! | `form_ticks` | `error`, `store`, `vacancy`, `profile` |
//! | `upload` | `error`, `fsio`, `store`, `vault` |
//! | `made_files` | `error`, `store`, `settings`, `vacancy`, `vault`, `packs`, `upload` |
//!
//! `store::text` is how every table spells instants, dates, times and enums; `time` is the
//! calendar arithmetic, and knows no domain module.

pub mod applications;
pub mod backup;
pub mod calendar;
pub mod clock;
pub mod countdowns;
pub mod countries;
pub mod display_language;
pub mod eligibility;
pub mod encryption;
pub mod error;
pub mod export;
pub mod form_ticks;
pub mod fsio;
pub mod hidden_chars;
pub mod made_files;
pub mod models;
pub mod notice;
pub mod notice_files;
pub mod packs;
pub mod preferences;
pub mod profile;
pub mod reminders;
pub mod settings;
pub mod sources;
pub mod stations;
pub mod store;
pub mod time;
pub mod upload;
pub mod vacancy;
pub mod vault;
pub mod words;

pub use error::{Error, FieldError, FieldProblem, IoOp, RequiredField, Result, StageRule};

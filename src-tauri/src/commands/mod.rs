//! Thin commands, one module per domain. Each only unpacks its arguments, calls the core and
//! returns; anything longer than a few lines belongs in `dossier-core`.

pub mod applications;
pub mod documents;
pub mod eligibility;
pub mod notifications;
pub mod overview;
pub mod packs;
pub mod preferences;
pub mod profile;
pub mod reminders;
pub mod startup;
pub mod store;
pub mod vacancies;

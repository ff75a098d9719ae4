//! The typed bridge to the UI: every command and the types it uses, exported to TypeScript.
//! `ui/src/lib/bindings.ts` is generated from here and committed; a test fails when it drifts.

use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

use crate::commands;

pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::store::store_start_fresh,
            commands::backups::backups_status,
            commands::backups::backups_list,
            commands::backups::backup_now,
            commands::backups::backup_choose_folder,
            commands::backups::backup_use_default_folder,
            commands::backups::backup_preview,
            commands::backups::backup_restore,
            commands::overview::session_get,
            commands::startup::startup_painted,
            commands::applications::application_create,
            commands::applications::application_record_event,
            commands::applications::application_get,
            commands::applications::application_for_vacancy,
            commands::applications::application_list,
            commands::applications::upcoming_list,
            commands::applications::backlog_list,
            commands::applications::backlog_settle,
            commands::reminders::reminder_settings_get,
            commands::reminders::reminder_settings_set,
            commands::reminders::calendar_export,
            commands::notifications::notifications_send_test,
            commands::notifications::notifications_watch_clicks,
            commands::applications::application_undo_last_event,
            commands::applications::application_board,
            commands::applications::interview_add,
            commands::applications::interview_delete,
            commands::applications::application_set_sent_documents,
            commands::applications::application_set_saved_copy,
            commands::profile::profile_get,
            commands::profile::profile_save,
            commands::profile::profile_countries,
            commands::profile::profile_languages,
            commands::form::form_ticks_get,
            commands::form::form_tick_set,
            commands::form::form_entry_tick_set,
            commands::upload::upload_make,
            commands::upload::upload_mark_sent,
            commands::upload::upload_files_for_application,
            commands::upload::upload_limits_get,
            commands::upload::upload_limit_set,
            commands::eligibility::eligibility_for_vacancy,
            commands::eligibility::eligibility_verdicts,
            commands::eligibility::eligibility_wording_get,
            commands::eligibility::eligibility_wording_set,
            commands::documents::vault_import,
            commands::documents::vault_watch_drops,
            commands::documents::vault_crc,
            commands::documents::vault_references,
            commands::documents::vault_check_integrity,
            commands::documents::vault_remove_stray_files,
            commands::documents::document_list,
            commands::documents::document_page,
            commands::documents::document_countries,
            commands::documents::document_get,
            commands::documents::document_update,
            commands::documents::document_import_version,
            commands::documents::document_delete,
            commands::documents::document_export,
            commands::documents::document_open,
            commands::documents::document_reveal,
            commands::documents::document_choices,
            commands::packs::pack_checklist,
            commands::packs::pack_export,
            commands::packs::pack_archive_talentlink,
            commands::packs::pack_cancel,
            commands::exports::export_everything,
            commands::exports::export_import,
            commands::exports::applications_report,
            commands::preferences::preferences_get,
            commands::preferences::preferences_set,
            commands::preferences::language_get,
            commands::background::background_status,
            commands::background::background_set_start_at_login,
            commands::lock::lock_status,
            commands::lock::lock_unlock,
            commands::lock::lock_now,
            commands::lock::lock_activity,
            commands::lock::lock_set_idle,
            commands::lock::lock_dismiss_offer,
            commands::lock::encryption_turn_on,
            commands::lock::encryption_turn_off,
            commands::lock::encryption_change_passphrase,
            commands::lock::encryption_new_recovery_key,
            commands::vacancies::vacancy_capture_text,
            commands::vacancies::vacancy_capture_files,
            commands::vacancies::vacancy_watch_drops,
            commands::vacancies::vacancy_save_from_file,
            commands::vacancies::vacancy_notice_copy,
            commands::vacancies::vacancy_create,
            commands::vacancies::vacancy_update,
            commands::vacancies::vacancy_get,
            commands::vacancies::vacancy_delete,
            commands::vacancies::vacancy_list,
            commands::vacancies::vacancy_facets,
            commands::vacancies::vacancy_open_notice,
            commands::vacancies::vacancy_zone_for_station,
        ])
        .error_handling(ErrorHandlingMode::Result)
        // One TypeScript type per Rust type. With serde phases on, every struct with an optional
        // field came out three times (`X`, `X_Serialize`, `X_Deserialize`), whether or not it
        // is ever sent to a command; the UI sends every field of an input, so one shape serves.
        .disable_serde_phases()
}

pub fn export_to(path: &std::path::Path) {
    builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `make bindings`. Do not edit.\n"),
            path,
        )
        .expect("TypeScript bindings could not be exported");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a command or type changed without `make bindings`; with
    /// `UPDATE_BINDINGS=1` it rewrites the committed file instead.
    #[test]
    fn committed_bindings_match_the_rust_commands() {
        let committed_path = std::path::Path::new(BINDINGS_PATH);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            export_to(committed_path);
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let fresh_path = dir.path().join("bindings.ts");
        export_to(&fresh_path);
        let fresh = std::fs::read_to_string(&fresh_path).unwrap();
        let committed = std::fs::read_to_string(committed_path).unwrap_or_default();
        assert!(
            fresh == committed,
            "ui/src/lib/bindings.ts is out of date: run `make bindings` and commit the result"
        );
    }

    /// An argument of the wrong type never reaches the command: Tauri rejects the call with a
    /// bare string instead of an `ErrorBody`. The UI's ipc module recognises that string by its
    /// start and gives it the code `invalid_argument`; this fails if a Tauri update rewords it.
    #[test]
    fn a_refused_argument_reaches_the_ui_in_words_ipc_recognises() {
        let wrong_type = serde_json::from_value::<u32>(serde_json::json!("12")).unwrap_err();
        // What `CommandArg::from_command` does with a failed deserialisation.
        let refusal = tauri::ipc::InvokeError::from(tauri::Error::InvalidArgs(
            "vacancy_get",
            "id",
            wrong_type,
        ));
        let text = refusal.0.as_str().expect("Tauri sends a bare string");
        let prefix = "invalid args `id` for command `vacancy_get`: ";
        assert!(text.starts_with(prefix), "{text}");
        let ipc =
            std::fs::read_to_string(std::path::Path::new(BINDINGS_PATH).with_file_name("ipc.ts"))
                .unwrap();
        assert!(
            ipc.contains("/^invalid args `[^`]*` for command `[^`]*`/"),
            "ui/src/lib/ipc.ts no longer looks for {prefix:?}"
        );
    }
}

//! The archive of a Talentlink application. Talentlink applications are not carried over to the
//! Recruitment Hub (docs/domain.md#platforms), so everything Dossier keeps for one goes into a
//! pack of its own: the saved copy of the application, the documents sent, and the notice text.

use super::ItemState;
use super::export::{PackEntry, PackPlan, PackSource};
use super::manifest::ManifestItem;
use super::naming::safe_file_name;
use crate::applications::get_application;
use crate::store::Store;
use crate::vacancy::{Platform, get_vacancy};
use crate::vault::{self, Vault};
use crate::{Error, Result};
use chrono::NaiveDate;

pub fn talentlink_archive_plan(
    vault: &Vault,
    store: &Store,
    application_id: u32,
    on: NaiveDate,
) -> Result<PackPlan> {
    let detail = get_application(store, application_id)?;
    let application = &detail.application;
    if application.platform != Platform::Talentlink {
        return Err(Error::invalid(
            "application",
            "only Talentlink applications are archived this way: the Recruitment Hub keeps its own",
        ));
    }
    let vacancy = get_vacancy(store, application.vacancy_id)?;
    let mut entries = Vec::new();
    let mut items = Vec::new();
    let mut add = |label: String, state: ItemState, detail: String, entry: Option<PackEntry>| {
        let file = entry.as_ref().map(|e| e.name.clone());
        items.push(ManifestItem {
            position: u32::try_from(items.len() + 1).unwrap_or(u32::MAX),
            label,
            state,
            detail,
            file,
        });
        if let Some(entry) = entry {
            entries.push(entry);
        }
    };
    let mut number = 0;
    let mut stored = |prefix: &str, id: u32| -> Result<PackEntry> {
        number += 1;
        let document = vault::get_document(store, id)?;
        Ok(PackEntry {
            name: safe_file_name(
                &format!("{number:02} {prefix} - {}", document.title),
                document.media_type.extension(),
                &format!("{number:02} Document {id}"),
            ),
            source: PackSource::Stored {
                document_id: id,
                title: document.title.clone(),
                path: vault.object_of(&document)?,
                sha256: document.content_hash,
            },
        })
    };

    match &detail.saved_copy {
        Some(copy) => {
            let entry = stored("Application copy", copy.document_id)?;
            add(
                "Saved copy of the Talentlink application".into(),
                ItemState::Satisfied,
                format!("“{}”.", copy.title),
                Some(entry),
            );
        }
        None => add(
            "Saved copy of the Talentlink application".into(),
            ItemState::Missing,
            "No saved copy is recorded for this application. Download it from Talentlink while you still can, import it as a copy of a Talentlink application and attach it.".into(),
            None,
        ),
    }
    for sent in &detail.documents_sent {
        let entry = stored("Sent", sent.document_id)?;
        add(
            format!("Sent: {}", sent.kind.label()),
            ItemState::Satisfied,
            format!("“{}”.", sent.title),
            Some(entry),
        );
    }
    let notice = vacancy.input.notice_text.as_deref().unwrap_or("").trim();
    if notice.is_empty() {
        add(
            "Text of the vacancy notice".into(),
            ItemState::Missing,
            "The vacancy has no notice text saved.".into(),
            None,
        );
    } else {
        number += 1;
        let mut text = String::new();
        if let Some(url) = &vacancy.input.notice_url {
            text.push_str(&format!("{url}\n\n"));
        }
        text.push_str(notice);
        text.push('\n');
        let entry = PackEntry {
            name: safe_file_name(
                &format!("{number:02} Notice - {}", vacancy.input.reference),
                "txt",
                &format!("{number:02} Notice"),
            ),
            source: PackSource::Written(text.into_bytes()),
        };
        add(
            "Text of the vacancy notice".into(),
            ItemState::Satisfied,
            format!("{} ({}).", vacancy.input.title, vacancy.input.reference),
            Some(entry),
        );
    }

    let complete = items.iter().all(|i| i.state == ItemState::Satisfied);
    let summary = if complete {
        "Everything Dossier keeps for this Talentlink application.".to_string()
    } else {
        "Everything Dossier keeps for this Talentlink application; some of it is missing."
            .to_string()
    };
    Ok(PackPlan {
        title: format!(
            "Talentlink application: {} ({})",
            vacancy.input.title, vacancy.input.reference
        ),
        candidate: crate::profile::load_profile(store)?
            .map(|p| p.full_name.trim().to_string())
            .unwrap_or_default(),
        vacancy_title: vacancy.input.title.clone(),
        vacancy_reference: vacancy.input.reference.clone(),
        checked_on: on,
        complete,
        summary,
        items,
        entries,
        default_name: safe_file_name(
            &format!("Talentlink {} archive", vacancy.input.reference),
            "",
            "Talentlink archive",
        ),
        data_folder: vault.data_folder().to_path_buf(),
    })
}

//! The archive of a Talentlink application. Talentlink applications are not carried over to the
//! Recruitment Hub (docs/domain.md#platforms), so everything Dossier keeps for one goes into a
//! pack of its own: the saved copy of the application, the documents sent, and the notice text.

use super::ItemState;
use super::export::{PackEntry, PackPlan, PackSource, document_kind, file_part};
use super::manifest::ManifestItem;
use super::naming::safe_file_name;
use crate::applications::get_application;
use crate::display_language::DisplayLanguage;
use crate::store::Store;
use crate::vacancy::{Platform, get_vacancy};
use crate::vault::{self, Vault};
use crate::words::{self, Arg, Msg};
use crate::{Error, Result};
use chrono::NaiveDate;

pub fn talentlink_archive_plan(
    vault: &Vault,
    store: &Store,
    application_id: u32,
    on: NaiveDate,
    language: DisplayLanguage,
) -> Result<PackPlan> {
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::plain(language, msg, args);
    let part = |part: &str| file_part(language, part);
    let quoted = |title: &str| format!("{}.", say(Msg::Quoted, &[("name", Arg::Text(title))]));
    let detail = get_application(store, application_id)?;
    let application = &detail.application;
    if application.platform != Platform::Talentlink {
        return Err(Error::field(
            "application",
            crate::error::FieldProblem::TalentlinkOnly,
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
                &format!("{number:02} {} {id}", part("document")),
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
            let entry = stored(&part("application-copy"), copy.document_id)?;
            add(
                say(Msg::ArchiveCopyLabel, &[]),
                ItemState::Satisfied,
                quoted(&copy.title),
                Some(entry),
            );
        }
        None => add(
            say(Msg::ArchiveCopyLabel, &[]),
            ItemState::Missing,
            say(Msg::ArchiveCopyMissing, &[]),
            None,
        ),
    }
    for sent in &detail.documents_sent {
        let entry = stored(&part("sent"), sent.document_id)?;
        add(
            say(
                Msg::ArchiveSentLabel,
                &[("kind", Arg::from(&document_kind(language, sent.kind)))],
            ),
            ItemState::Satisfied,
            quoted(&sent.title),
            Some(entry),
        );
    }
    let notice = vacancy.input.notice_text.as_deref().unwrap_or("").trim();
    if notice.is_empty() {
        add(
            say(Msg::ArchiveNoticeLabel, &[]),
            ItemState::Missing,
            say(Msg::ArchiveNoticeMissing, &[]),
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
                &format!(
                    "{number:02} {} - {}",
                    part("notice"),
                    vacancy.input.reference
                ),
                "txt",
                &format!("{number:02} {}", part("notice")),
            ),
            source: PackSource::Written(text.into_bytes()),
        };
        add(
            say(Msg::ArchiveNoticeLabel, &[]),
            ItemState::Satisfied,
            format!("{} ({}).", vacancy.input.title, vacancy.input.reference),
            Some(entry),
        );
    }

    let complete = items.iter().all(|i| i.state == ItemState::Satisfied);
    let summary = say(
        if complete {
            Msg::ArchiveComplete
        } else {
            Msg::ArchiveIncomplete
        },
        &[],
    );
    let reference = [
        ("title", Arg::from(&vacancy.input.title)),
        ("reference", Arg::from(&vacancy.input.reference)),
    ];
    Ok(PackPlan {
        language,
        title: say(Msg::ArchiveTitle, &reference),
        candidate: crate::profile::load_profile(store)?
            .map(|p| p.display_name())
            .unwrap_or_default(),
        vacancy_title: vacancy.input.title.clone(),
        vacancy_reference: vacancy.input.reference.clone(),
        checked_on: on,
        complete,
        summary,
        items,
        entries,
        default_name: safe_file_name(
            &say(Msg::ArchiveName, &reference[1..]),
            "",
            &say(Msg::ArchiveFallbackName, &[]),
        ),
        data_folder: vault.data_folder().to_path_buf(),
        vault_key: vault.sealing_key(),
    })
}

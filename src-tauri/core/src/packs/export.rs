//! Writing a pack. Every stored file is first read back and checked against the hash the vault
//! recorded, before anything is written: a missing or damaged document stops the export and is
//! named. The pack is then written under a temporary name beside the destination, synced, and
//! renamed into place, so a cancelled or failed export leaves nothing under the final name.

use super::checklist::checklist_for_application;
use super::manifest::{
    MANIFEST_FORMAT, Manifest, ManifestFile, ManifestItem, manifest_html, manifest_json,
};
use super::naming::safe_file_name;
use super::{Checklist, ItemState, Requirement};
use crate::display_language::DisplayLanguage;
use crate::encryption::MasterKey;
use crate::error::IoOp;
use crate::fsio::journal::{Journal, Pending, TempKind};
use crate::profile::{Profile, load_profile};
use crate::store::Store;
use crate::vault::{
    self, COPY_BUFFER_BYTES, DocumentKind, Vault, damaged, hex, missing_or_unreadable, read_some,
};
use crate::words::{self, Arg, Msg, Wording};
use crate::{Error, Result, fsio};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The manifests come first in a listing, before the numbered items.
pub const MANIFEST_HTML_NAME: &str = "00 Manifest.html";
pub const MANIFEST_JSON_NAME: &str = "00 Manifest.json";

/// How often progress is reported: often enough for a smooth bar, rarely enough that the
/// window is not flooded.
const PROGRESS_EVERY_BYTES: u64 = 4 * 1024 * 1024;

/// Large writes keep system calls few; a pack is written once, start to end.
const WRITE_BUFFER_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PackFormat {
    Zip,
    Folder,
}

/// Where a file of the pack comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    /// A vault document, checked against `sha256` before the export writes anything.
    Stored {
        document_id: u32,
        title: String,
        path: PathBuf,
        sha256: String,
    },
    /// A file Dossier writes itself (the references, a notice's text).
    Written(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    pub name: String,
    pub source: PackSource,
}

/// Everything an export writes, worked out under the store's lock; the export itself runs
/// without it, so the app stays usable during a long one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackPlan {
    /// The language the manifest and the names Dossier gives are written in.
    pub language: DisplayLanguage,
    pub title: String,
    pub candidate: String,
    pub vacancy_title: String,
    pub vacancy_reference: String,
    pub checked_on: NaiveDate,
    pub complete: bool,
    pub summary: String,
    pub items: Vec<ManifestItem>,
    pub entries: Vec<PackEntry>,
    /// What the save dialog proposes, without extension.
    pub default_name: String,
    /// Dossier's data folder, where no pack may be written.
    pub data_folder: PathBuf,
    /// The key stored files are sealed with, when encryption is on: a pack is written in the
    /// clear (the candidate's choice, said so in the dialog).
    pub vault_key: Option<Arc<MasterKey>>,
}

impl PackPlan {
    /// An incomplete pack is written only once the candidate has confirmed it; until then the
    /// refusal says what is missing.
    pub fn refuse_incomplete(&self, confirmed: bool) -> Result<()> {
        if self.complete || confirmed {
            return Ok(());
        }
        Err(Error::Incomplete(format!(
            "The pack is incomplete ({}); confirm to export it anyway",
            self.summary.trim_end_matches('.')
        )))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportPhase {
    /// Reading every stored file back and comparing it with the vault's record.
    Checking,
    Writing,
}

/// Sizes as `f64`: exact up to 2^53 bytes, and TypeScript has no 64-bit integers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub phase: ExportPhase,
    pub bytes_done: f64,
    pub bytes_total: f64,
    pub files_done: u32,
    pub files_total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportOutcome {
    pub path: String,
    pub format: PackFormat,
    /// Files in the pack, the manifests included.
    pub files: u32,
    pub bytes: f64,
    pub complete: bool,
    /// Labels of the items not in the pack (missing or out of date).
    pub left_out: Vec<String>,
}

/// The pack for an application as it stands on `today`: its checklist, judged with the saved
/// profile, turned into the files to write.
pub fn application_pack_plan(
    vault: &Vault,
    store: &Store,
    application_id: u32,
    today: NaiveDate,
    language: DisplayLanguage,
) -> Result<PackPlan> {
    let checklist =
        checklist_for_application(store, application_id, today, Wording::from(language))?;
    let profile = load_profile(store)?;
    pack_plan(vault, store, &checklist, profile.as_ref(), language)
}

/// The pack for a checklist: each satisfied item's document, named in checklist order, and the
/// references as a text file. Missing and out-of-date items are listed in the manifest only.
pub fn pack_plan(
    vault: &Vault,
    store: &Store,
    checklist: &Checklist,
    profile: Option<&Profile>,
    language: DisplayLanguage,
) -> Result<PackPlan> {
    let part = |part: &str| file_part(language, part);
    let mut entries = Vec::new();
    let mut items = Vec::new();
    let candidate = checklist.candidate_name.clone();
    for item in &checklist.items {
        let mut file = None;
        if item.state == ItemState::Satisfied {
            let number = entries.len() + 1;
            if let Some(document) = &item.document {
                let document = vault::get_document(store, document.id)?;
                let subject = match &item.requirement {
                    Requirement::Cv | Requirement::CoverLetter if !candidate.is_empty() => {
                        candidate.clone()
                    }
                    Requirement::CriminalRecord { country } => {
                        crate::countries::name_in(country, language.tag())
                            .unwrap_or(country)
                            .to_string()
                    }
                    _ => document.title.clone(),
                };
                let name = safe_file_name(
                    &format!(
                        "{number:02} {} - {subject}",
                        short_label(&item.requirement, language)
                    ),
                    document.media_type.extension(),
                    &format!("{number:02} {} {}", part("document"), document.id),
                );
                entries.push(PackEntry {
                    name: name.clone(),
                    source: PackSource::Stored {
                        document_id: document.id,
                        title: document.title.clone(),
                        path: vault.object_of(&document)?,
                        sha256: document.content_hash.clone(),
                    },
                });
                file = Some(name);
            } else if item.requirement == Requirement::References {
                let name = safe_file_name(
                    &format!("{number:02} {} - {candidate}", part("references")),
                    "txt",
                    &format!("{number:02} {}", part("references")),
                );
                entries.push(PackEntry {
                    name: name.clone(),
                    source: PackSource::Written(references_text(profile, language)),
                });
                file = Some(name);
            }
        }
        items.push(ManifestItem {
            position: item.position,
            label: item.label.clone(),
            state: item.state,
            detail: item.detail.clone(),
            file,
        });
    }
    let who = if candidate.is_empty() {
        String::new()
    } else {
        format!(" - {candidate}")
    };
    Ok(PackPlan {
        language,
        title: words::plain(
            language,
            Msg::PackTitle,
            &[
                ("title", Arg::from(&checklist.vacancy_title)),
                ("reference", Arg::from(&checklist.vacancy_reference)),
            ],
        ),
        candidate,
        vacancy_title: checklist.vacancy_title.clone(),
        vacancy_reference: checklist.vacancy_reference.clone(),
        checked_on: checklist.on,
        complete: checklist.complete,
        summary: checklist.summary.clone(),
        items,
        entries,
        default_name: safe_file_name(
            &format!("INTERPOL {}{who}", checklist.vacancy_reference),
            "",
            &words::plain(language, Msg::PackFallbackName, &[]),
        ),
        data_folder: vault.data_folder().to_path_buf(),
        vault_key: vault.sealing_key(),
    })
}

/// A part of a file name Dossier gives ("CV", "References" …) in `language`. Never isolated:
/// a file name carries no invisible marks (`hidden_chars`).
pub(crate) fn file_part(language: DisplayLanguage, part: &str) -> String {
    words::plain(language, Msg::FilePart, &[("part", Arg::Text(part))])
}

/// A document kind's name ("cover letter", "lettre de motivation") in `language`.
pub(crate) fn document_kind(language: DisplayLanguage, kind: DocumentKind) -> String {
    // The kind's stored name (`cover_letter`) selects the variant.
    words::plain(
        language,
        Msg::DocumentKind,
        &[("kind", Arg::Text(kind.as_str()))],
    )
}

fn short_label(requirement: &Requirement, language: DisplayLanguage) -> String {
    let part = |part: &str| file_part(language, part);
    match requirement {
        Requirement::Cv => part("cv"),
        Requirement::CoverLetter => part("cover-letter"),
        Requirement::Diploma { .. } | Requirement::Profile => part("diploma"),
        Requirement::ProofOfEmployment { .. } => part("proof-of-employment"),
        Requirement::CriminalRecord { .. } | Requirement::CountryOfOrigin => {
            part("criminal-record")
        }
        Requirement::References => part("references"),
        Requirement::NoticeAsks { document } => {
            let label = document_kind(language, *document);
            let mut chars = label.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// The references INTERPOL asks for (names and contacts), as a plain text file.
fn references_text(profile: Option<&Profile>, language: DisplayLanguage) -> Vec<u8> {
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::plain(language, msg, args);
    let mut text = say(Msg::ReferencesHeading, &[]);
    text.push_str("\r\n\r\n");
    let references = profile.map_or(&[][..], |p| p.references.as_slice());
    let check = vault::check_references(references, &[], Wording::from(language));
    for (reference, status) in references.iter().zip(&check.references) {
        if status.verdict != vault::ReferenceVerdict::Ok {
            continue;
        }
        let reference_name = crate::profile::person_name(&reference.name);
        for (msg, name, value) in [
            (Msg::ReferencesName, "name", &reference_name),
            (Msg::ReferencesContact, "contact", &reference.contact),
            (Msg::ReferencesRelation, "relation", &reference.relation),
        ] {
            if msg == Msg::ReferencesRelation && value.trim().is_empty() {
                continue;
            }
            text.push_str(&say(msg, &[(name, Arg::Text(value.trim()))]));
            text.push_str("\r\n");
        }
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// Writes `plan` to `dest` as a zip file or a folder. An existing `dest` is refused unless
/// `overwrite` is set, and then replaced only once the new pack is complete. `cancel` is
/// checked between chunks; `progress` hears of each few megabytes.
pub fn export_pack(
    plan: &PackPlan,
    dest: &Path,
    format: PackFormat,
    overwrite: bool,
    now: DateTime<Utc>,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<ExportOutcome> {
    fsio::refuse_inside_data_folder(dest, &plan.data_folder, "pack")?;
    check_destination(dest, format, overwrite)?;
    let files_total = u32::try_from(plan.entries.len() + 2).unwrap_or(u32::MAX);
    let mut meter = Meter {
        progress,
        cancel,
        last_report: 0,
        current: ExportProgress {
            phase: ExportPhase::Checking,
            bytes_done: 0.0,
            bytes_total: 0.0,
            files_done: 0,
            files_total,
        },
    };

    // First, every stored file is read back whole: nothing is written if one is missing or
    // damaged, and the sums in the manifest are those of the bytes that will be copied.
    let mut sizes = Vec::with_capacity(plan.entries.len());
    let mut total = 0u64;
    for entry in &plan.entries {
        let size = match &entry.source {
            PackSource::Stored { path, title, .. } => {
                vault::stored_len(path, plan.vault_key.as_deref())
                    .map_err(|e| missing_or_unreadable(path, title, e))?
            }
            PackSource::Written(bytes) => bytes.len() as u64,
        };
        sizes.push(size);
        total += size;
    }
    meter.current.bytes_total = total as f64;
    let mut files = Vec::with_capacity(plan.entries.len());
    for (entry, &size) in plan.entries.iter().zip(&sizes) {
        let (sha256, document_id) = match &entry.source {
            PackSource::Stored {
                document_id,
                title,
                path,
                sha256,
            } => {
                let actual = hash_checked(path, title, &mut meter, plan.vault_key.as_deref())?;
                if &actual != sha256 {
                    return Err(damaged(path, title));
                }
                (actual, Some(*document_id))
            }
            PackSource::Written(bytes) => {
                meter.advance(bytes.len() as u64)?;
                (hex(&Sha256::digest(bytes)), None)
            }
        };
        meter.file_done()?;
        files.push(ManifestFile {
            name: entry.name.clone(),
            sha256,
            size_bytes: size,
            document_id,
        });
    }

    let manifest = Manifest {
        format: MANIFEST_FORMAT.into(),
        language: plan.language,
        title: plan.title.clone(),
        candidate: plan.candidate.clone(),
        vacancy_title: plan.vacancy_title.clone(),
        vacancy_reference: plan.vacancy_reference.clone(),
        created_utc: now,
        checked_on: plan.checked_on,
        complete: plan.complete,
        summary: plan.summary.clone(),
        items: plan.items.clone(),
        files,
    };
    let manifests = [
        (MANIFEST_HTML_NAME, manifest_html(&manifest)),
        (MANIFEST_JSON_NAME, manifest_json(&manifest)),
    ];

    meter.current = ExportProgress {
        phase: ExportPhase::Writing,
        bytes_done: 0.0,
        bytes_total: (total + manifests.iter().map(|(_, b)| b.len() as u64).sum::<u64>()) as f64,
        files_done: 0,
        files_total,
    };
    meter.last_report = 0;
    // Recorded before the temporary name exists: a kill leaves nothing there after the next
    // start, and a kill during a folder replace leaves the old pack or the new one.
    let kind = match format {
        PackFormat::Zip => TempKind::File,
        PackFormat::Folder => TempKind::Folder,
    };
    let mut pending = Journal::new(&plan.data_folder).begin(dest, kind)?;
    let temp = pending.temp().to_path_buf();
    let written = match format {
        PackFormat::Zip => write_zip(&temp, dest, plan, &manifests, now, &mut meter),
        PackFormat::Folder => write_folder(&temp, dest, plan, &manifests, &mut meter),
    };
    if let Err(e) = written {
        remove_any(&temp);
        return Err(e);
    }
    if let Err(e) = put_in_place(&mut pending, dest, format) {
        remove_any(&temp);
        return Err(e);
    }
    pending.finish();
    Ok(ExportOutcome {
        path: dest.display().to_string(),
        format,
        files: files_total,
        bytes: meter.current.bytes_total,
        complete: plan.complete,
        left_out: plan
            .items
            .iter()
            .filter(|i| i.state != ItemState::Satisfied)
            .map(|i| i.label.clone())
            .collect(),
    })
}

/// Counts bytes, reports progress now and then, and stops the export when asked to.
struct Meter<'a> {
    progress: &'a mut dyn FnMut(ExportProgress),
    cancel: &'a AtomicBool,
    last_report: u64,
    current: ExportProgress,
}

impl Meter<'_> {
    fn check_cancel(&self) -> Result<()> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled(
                "The export was cancelled; nothing was written".into(),
            ));
        }
        Ok(())
    }

    /// Each finished file is reported, so a pack of many small files still moves the bar.
    fn file_done(&mut self) -> Result<()> {
        self.current.files_done += 1;
        (self.progress)(self.current);
        self.check_cancel()
    }

    fn advance(&mut self, bytes: u64) -> Result<()> {
        self.check_cancel()?;
        self.current.bytes_done += bytes as f64;
        let done = self.current.bytes_done as u64;
        if done - self.last_report >= PROGRESS_EVERY_BYTES
            || done == self.current.bytes_total as u64
        {
            self.last_report = done;
            (self.progress)(self.current);
        }
        Ok(())
    }
}

fn hash_checked(
    path: &Path,
    title: &str,
    meter: &mut Meter<'_>,
    key: Option<&MasterKey>,
) -> Result<String> {
    let mut file =
        vault::open_stored(path, key).map_err(|e| missing_or_unreadable(path, title, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    loop {
        let n = read_some(&mut file, &mut buf).map_err(|e| Error::StoredFileUnreadable {
            title: title.to_string(),
            source: e,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        meter.advance(n as u64)?;
    }
    Ok(hex(&hasher.finalize()))
}

fn check_destination(dest: &Path, format: PackFormat, overwrite: bool) -> Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::field(
            "destination",
            crate::error::FieldProblem::FolderMissing {
                path: parent.display().to_string(),
            },
            format!(
                "the folder {} does not exist; choose another place for the pack",
                parent.display()
            ),
        ));
    }
    if dest.file_name().is_none() {
        return Err(Error::field(
            "destination",
            crate::error::FieldProblem::NotAFileName {
                path: dest.display().to_string(),
            },
            format!("{} is not a name the pack can be saved as", dest.display()),
        ));
    }
    match fs::symlink_metadata(dest) {
        Ok(existing) => {
            if !overwrite {
                return Err(Error::AlreadyExists {
                    what: if existing.is_dir() {
                        "A folder".into()
                    } else {
                        "A file".into()
                    },
                    path: dest.to_path_buf(),
                });
            }
            // Replacing a folder with a zip (or the reverse) is more than the candidate agreed to.
            let is_folder = existing.is_dir();
            if is_folder != (format == PackFormat::Folder) {
                return Err(Error::field(
                    "destination",
                    if is_folder {
                        crate::error::FieldProblem::IsAFolder {
                            path: dest.display().to_string(),
                        }
                    } else {
                        crate::error::FieldProblem::IsAFile {
                            path: dest.display().to_string(),
                        }
                    },
                    format!(
                        "{} is a {}; choose another name for the pack",
                        dest.display(),
                        if is_folder { "folder" } else { "file" }
                    ),
                ));
            }
            if is_folder {
                files_of_earlier_pack(dest)?;
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(IoOp::Check, dest, e)),
    }
}

fn zip_time(now: DateTime<Utc>) -> zip::DateTime {
    // Zip stores local-less times from 1980 on; UTC keeps packs identical wherever made.
    zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default()
}

fn zip_error(shown: &Path, e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(e) => write_failed(shown, e),
        other => Error::io(IoOp::Write, shown, io::Error::other(other.to_string())),
    }
}

/// Writes to `temp`; messages name `shown`, the place the candidate chose.
fn write_zip(
    temp: &Path,
    shown: &Path,
    plan: &PackPlan,
    manifests: &[(&str, Vec<u8>)],
    now: DateTime<Utc>,
    meter: &mut Meter<'_>,
) -> Result<()> {
    let file = fsio::create_new_private(temp).map_err(|e| write_failed(shown, e))?;
    let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(WRITE_BUFFER_BYTES, file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip_time(now))
        .unix_permissions(0o644)
        // The vault keeps no file over 100 MiB, far below the 4 GiB that needs ZIP64 fields.
        .large_file(false);
    for (name, bytes) in manifests {
        zip.start_file(*name, options)
            .map_err(|e| zip_error(shown, e))?;
        zip.write_all(bytes).map_err(|e| write_failed(shown, e))?;
        meter.advance(bytes.len() as u64)?;
        meter.file_done()?;
    }
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    for entry in &plan.entries {
        zip.start_file(entry.name.as_str(), options)
            .map_err(|e| zip_error(shown, e))?;
        copy_source(
            &entry.source,
            &mut zip,
            &mut buf,
            shown,
            meter,
            plan.vault_key.as_deref(),
        )?;
        meter.file_done()?;
    }
    let out = zip.finish().map_err(|e| zip_error(shown, e))?;
    let file = out
        .into_inner()
        .map_err(|e| write_failed(shown, e.into_error()))?;
    file.sync_all().map_err(|e| write_failed(shown, e))
}

/// Writes into the new folder `temp`; messages name `shown`, the place the candidate chose.
fn write_folder(
    temp: &Path,
    shown: &Path,
    plan: &PackPlan,
    manifests: &[(&str, Vec<u8>)],
    meter: &mut Meter<'_>,
) -> Result<()> {
    fsio::private_dir(temp).map_err(|e| write_failed(shown, e))?;
    let create = |name: &str| -> Result<File> {
        fsio::create_new_private(&temp.join(name)).map_err(|e| write_failed(&shown.join(name), e))
    };
    for (name, bytes) in manifests {
        let mut file = create(name)?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| write_failed(&shown.join(name), e))?;
        meter.advance(bytes.len() as u64)?;
        meter.file_done()?;
    }
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    for entry in &plan.entries {
        let path = shown.join(&entry.name);
        let mut out = BufWriter::with_capacity(WRITE_BUFFER_BYTES, create(&entry.name)?);
        copy_source(
            &entry.source,
            &mut out,
            &mut buf,
            &path,
            meter,
            plan.vault_key.as_deref(),
        )?;
        let file = out
            .into_inner()
            .map_err(|e| write_failed(&path, e.into_error()))?;
        file.sync_all().map_err(|e| write_failed(&path, e))?;
        meter.file_done()?;
    }
    fsio::sync_dir(temp)
}

fn copy_source(
    source: &PackSource,
    out: &mut dyn Write,
    buf: &mut [u8],
    dest: &Path,
    meter: &mut Meter<'_>,
    key: Option<&MasterKey>,
) -> Result<()> {
    match source {
        PackSource::Written(bytes) => {
            out.write_all(bytes).map_err(|e| write_failed(dest, e))?;
            meter.advance(bytes.len() as u64)
        }
        PackSource::Stored { path, title, .. } => {
            let mut file =
                vault::open_stored(path, key).map_err(|e| missing_or_unreadable(path, title, e))?;
            loop {
                let n = read_some(&mut file, buf).map_err(|e| Error::StoredFileUnreadable {
                    title: title.to_string(),
                    source: e,
                })?;
                if n == 0 {
                    return Ok(());
                }
                out.write_all(&buf[..n])
                    .map_err(|e| write_failed(dest, e))?;
                meter.advance(n as u64)?;
            }
        }
    }
}

fn write_failed(path: &Path, e: io::Error) -> Error {
    Error::io(IoOp::Write, path, e)
}

/// The files of the earlier pack in `folder`, which replacing it may remove: its manifests and
/// the files its JSON manifest lists, each still as Dossier wrote it. Anything else refuses the
/// replace, naming the folder: a folder without Dossier's manifest, another file or folder in
/// it, or a listed file the candidate changed is theirs, not Dossier's to delete.
fn files_of_earlier_pack(folder: &Path) -> Result<Vec<PathBuf>> {
    let refuse = |why: String| {
        Error::field(
            "destination",
            crate::error::FieldProblem::NotAnEarlierPack {
                path: folder.display().to_string(),
            },
            format!(
                "{} {why}, so it was not replaced; choose another name for the pack",
                folder.display()
            ),
        )
    };
    let unreadable = |e: io::Error| Error::io(IoOp::Read, folder, e);
    let mut found = Vec::new();
    for entry in fs::read_dir(folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let is_file = entry.file_type().map_err(unreadable)?.is_file();
        found.push((entry.file_name().to_string_lossy().into_owned(), is_file));
    }
    // An empty folder (made in the save dialog, say) holds nothing to lose.
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let json = folder.join(MANIFEST_JSON_NAME);
    let manifest = fs::read(&json)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
        .filter(|m| m.format == MANIFEST_FORMAT)
        .ok_or_else(|| refuse("is not a pack Dossier wrote".into()))?;
    let mut paths = Vec::with_capacity(found.len());
    for (name, is_file) in found {
        let path = folder.join(&name);
        let ours = is_file
            && (name == MANIFEST_JSON_NAME
                || name == MANIFEST_HTML_NAME
                || manifest.files.iter().any(|f| f.name == name));
        if !ours {
            return Err(refuse(format!(
                "holds “{name}”, which Dossier did not write"
            )));
        }
        if let Some(listed) = manifest.files.iter().find(|f| f.name == name) {
            let unchanged = fs::metadata(&path).is_ok_and(|m| m.len() == listed.size_bytes)
                && file_sha256(&path).is_ok_and(|sum| sum == listed.sha256);
            if !unchanged {
                return Err(refuse(format!(
                    "holds “{name}”, changed since Dossier wrote it"
                )));
            }
        }
        paths.push(path);
    }
    Ok(paths)
}

fn file_sha256(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; COPY_BUFFER_BYTES];
    loop {
        let n = read_some(&mut file, &mut buf)?;
        if n == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&buf[..n]);
    }
}

/// Moves the finished pack to `dest`. A file replaces a file in one rename; a folder cannot
/// replace a folder that way, so the old one is first moved aside, then its files are removed
/// one by one. The old folder is checked again first (the export may have taken minutes), and
/// only the files of the earlier pack are removed: anything that appeared since stays, aside.
/// The step is recorded first, so a kill between the two renames is undone at the next start.
fn put_in_place(pending: &mut Pending, dest: &Path, format: PackFormat) -> Result<()> {
    let temp = pending.temp().to_path_buf();
    let temp = temp.as_path();
    match format {
        PackFormat::Zip => fsio::persist(temp, dest),
        PackFormat::Folder => {
            let earlier = if dest.exists() {
                let files = files_of_earlier_pack(dest)?;
                let aside = fsio::temp_path_beside(dest);
                let names = files
                    .iter()
                    .filter_map(|f| f.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                pending.replacing(&aside, names)?;
                Some((files, aside))
            } else {
                None
            };
            if let Some((_, aside)) = &earlier {
                fs::rename(dest, aside).map_err(|e| write_failed(dest, e))?;
            }
            if let Err(e) = fs::rename(temp, dest) {
                if let Some((_, aside)) = &earlier {
                    let _ = fs::rename(aside, dest);
                }
                return Err(write_failed(dest, e));
            }
            if let Some((files, aside)) = &earlier {
                for file in files {
                    if let Some(name) = file.file_name() {
                        let _ = fs::remove_file(aside.join(name));
                    }
                }
                // Not recursive: a file that appeared since the check keeps the folder.
                let _ = fs::remove_dir(aside);
            }
            fsio::sync_dir(dest.parent().unwrap_or(Path::new(".")))
        }
    }
}

fn remove_any(path: &Path) {
    if path.is_dir() {
        let _ = fs::remove_dir_all(path);
    } else {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use crate::display_language::DisplayLanguage;

    #[test]
    fn every_document_kind_has_its_own_name_in_every_language() {
        for kind in DocumentKind::ALL {
            // English says what the vault's own label says, so nothing changes for it.
            assert_eq!(document_kind(DisplayLanguage::En, kind), kind.label());
            for language in DisplayLanguage::ALL {
                if kind != DocumentKind::Other {
                    assert_ne!(
                        document_kind(language, kind),
                        document_kind(language, DocumentKind::Other),
                        "{kind:?} falls back to the default in {language:?}"
                    );
                }
            }
        }
        assert_eq!(
            document_kind(DisplayLanguage::Fr, DocumentKind::CriminalRecord),
            "extrait de casier judiciaire"
        );
    }

    use super::*;

    #[test]
    fn an_incomplete_pack_waits_for_the_candidates_confirmation() {
        let mut plan = PackPlan {
            language: DisplayLanguage::En,
            title: "Pack".into(),
            candidate: "Amina Diallo".into(),
            vacancy_title: "Analyst".into(),
            vacancy_reference: "1503".into(),
            checked_on: "2026-11-22".parse().unwrap(),
            complete: false,
            summary: "2 of 5 items are missing.".into(),
            items: Vec::new(),
            entries: Vec::new(),
            default_name: "Pack".into(),
            data_folder: PathBuf::from("data"),
            vault_key: None,
        };
        let err = plan.refuse_incomplete(false).unwrap_err();
        assert!(matches!(err, Error::Incomplete(_)), "{err:?}");
        assert_eq!(
            err.to_string(),
            "The pack is incomplete (2 of 5 items are missing); confirm to export it anyway"
        );
        assert!(plan.refuse_incomplete(true).is_ok());
        plan.complete = true;
        assert!(plan.refuse_incomplete(false).is_ok());
    }
}

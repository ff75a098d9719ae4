//! Open exports: everything Dossier keeps, in a documented format a candidate can read without
//! Dossier (`docs/export.md`, `docs/export-schema.json`), an import of it into an empty Dossier,
//! and the applications report employment offices ask for.
//!
//! An export is a zip file or a folder holding `dossier-export.json` (every row of every table)
//! and `files/<sha-256>.<ext>` (every stored scan, named by its content's hash, so a reader can
//! check each one). It is planned under the store's lock (a consistent snapshot of the rows) and
//! written afterwards, through a temporary name beside the destination and a rename, so the
//! destination holds a complete export or nothing.

mod import;
mod report;
mod tables;

pub use import::{ImportSummary, import_export};
pub use report::{
    PlatformName, ReportFormat, ReportRow, ReportWords, StageDates, StageName, applications_report,
    report_csv, report_html, write_report,
};
pub use tables::{DERIVED_TABLE_PREFIXES, EXPORTED_TABLES};

use crate::display_language::DisplayLanguage;
use crate::error::IoOp;
use crate::store::Store;
use crate::vault::{self, MediaType, Vault};
use crate::words::{self, Arg, Msg};
use crate::{Error, Result, fsio};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The format this build writes, and the newest it reads.
pub const FORMAT: &str = "dossier-export/1";
pub const FORMAT_NAME: &str = "dossier-export";
pub const FORMAT_VERSION: u32 = 1;
/// The description of everything else in the export.
pub const INDEX_FILE: &str = "dossier-export.json";
pub const FILES_FOLDER: &str = "files";

const WRITE_BUFFER_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Zip,
    Folder,
}

/// What an export holds, for the candidate to see once it is written.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    pub path: String,
    pub vacancies: u32,
    pub applications: u32,
    pub documents: u32,
    pub files: u32,
    /// Bytes of the stored files; the zip or folder is a little larger.
    pub file_bytes: f64,
}

/// One stored file, as the export lists it.
#[derive(Debug, Clone)]
struct PlannedFile {
    name: String,
    source: PathBuf,
    hash: String,
    title: String,
}

/// An export ready to be written: the JSON snapshot and where each stored file is.
#[derive(Debug, Clone)]
pub struct ExportPlan {
    index: Vec<u8>,
    files: Vec<PlannedFile>,
    summary: ExportSummary,
    data_folder: PathBuf,
    /// The key stored files are sealed with: an export is written in the clear.
    vault_key: Option<std::sync::Arc<crate::encryption::MasterKey>>,
}

/// The name an export gets in the save dialog, in the candidate's language (never with
/// isolation marks: it is a file name).
pub fn default_export_name(now: DateTime<Utc>, language: DisplayLanguage) -> String {
    let date = now.format("%Y-%m-%d").to_string();
    words::plain(language, Msg::ExportName, &[("date", Arg::from(&date))])
}

/// Reads everything into an export plan: one consistent snapshot of every table, and the list
/// of stored files the documents name. Fast (no file is read), so it runs under the store's lock
/// and the files are copied afterwards: stored files never change once written.
pub fn plan_export(
    store: &Store,
    vault: &Vault,
    now: DateTime<Utc>,
    app_version: &str,
) -> Result<ExportPlan> {
    let (tables, files) = store.read(|c| {
        let tables = tables::dump(c)?;
        let mut stmt = c.prepare(
            "SELECT content_hash, media_type, min(title) FROM documents
             GROUP BY content_hash ORDER BY content_hash",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut files = Vec::new();
        for row in rows {
            let (hash, mime, title) = row?;
            let media = MediaType::from_mime(&mime).ok_or_else(|| Error::DatabaseCorrupt {
                path: store.path().to_path_buf(),
                detail: format!("documents.media_type {mime}"),
            })?;
            files.push(PlannedFile {
                name: file_name(&hash, media),
                source: vault.object_path(&hash, media)?,
                hash,
                title,
            });
        }
        Ok((tables, files))
    })?;
    let overview = store.overview()?;
    let listed: Vec<Value> = files
        .iter()
        .map(|f| {
            serde_json::json!({
                "sha256": f.hash,
                "path": format!("{FILES_FOLDER}/{}", f.name),
            })
        })
        .collect();
    let mut index = Map::new();
    index.insert("format".into(), FORMAT.into());
    index.insert("app_version".into(), app_version.into());
    index.insert("schema_version".into(), store.schema_version()?.into());
    index.insert(
        "exported_at".into(),
        now.to_rfc3339_opts(SecondsFormat::Secs, true).into(),
    );
    index.insert("tables".into(), Value::Object(tables));
    index.insert("files".into(), Value::Array(listed));
    let index = serde_json::to_vec_pretty(&Value::Object(index))
        .map_err(|e| Error::Internal(e.to_string()))?;
    let file_bytes = store.read(|c| {
        Ok(c.query_row(
            "SELECT coalesce(sum(size), 0) FROM (SELECT max(size_bytes) AS size FROM documents GROUP BY content_hash)",
            [],
            |r| r.get::<_, i64>(0),
        )?)
    })?;
    Ok(ExportPlan {
        index,
        summary: ExportSummary {
            path: String::new(),
            vacancies: overview.vacancies,
            applications: overview.applications,
            documents: overview.documents,
            files: u32::try_from(files.len()).unwrap_or(u32::MAX),
            file_bytes: file_bytes as f64,
        },
        files,
        data_folder: vault.data_folder().to_path_buf(),
        vault_key: vault.sealing_key(),
    })
}

pub(crate) fn file_name(hash: &str, media: MediaType) -> String {
    format!("{hash}.{}", media.extension())
}

/// Writes the export at `dest`: a zip file, or a new folder (an existing one is refused unless
/// empty). Never inside Dossier's data folder. Every stored file is checked against its hash on
/// the way, so the export never carries a damaged scan as if it were sound.
pub fn write_export(plan: &ExportPlan, dest: &Path, format: ExportFormat) -> Result<ExportSummary> {
    fsio::refuse_inside_data_folder(dest, &plan.data_folder, "export")?;
    match format {
        ExportFormat::Zip => write_zip(plan, dest)?,
        ExportFormat::Folder => write_folder(plan, dest)?,
    }
    Ok(ExportSummary {
        path: dest.display().to_string(),
        ..plan.summary.clone()
    })
}

fn write_failed(dest: &Path, e: io::Error) -> Error {
    Error::io(IoOp::Write, dest, e)
}

/// Copies a stored file into `out`, checking its hash.
fn copy_checked(
    file: &PlannedFile,
    out: &mut dyn Write,
    dest: &Path,
    key: Option<&crate::encryption::MasterKey>,
) -> Result<()> {
    use sha2::Digest;
    let mut source = vault::open_stored(&file.source, key)
        .map_err(|e| vault::missing_or_unreadable(&file.source, &file.title, e))?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; vault::COPY_BUFFER_BYTES];
    loop {
        let n = vault::read_some(&mut source, &mut buf)
            .map_err(|e| vault::missing_or_unreadable(&file.source, &file.title, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| write_failed(dest, e))?;
    }
    if vault::hex(&hasher.finalize()) != file.hash {
        return Err(vault::damaged(&file.source, &file.title));
    }
    Ok(())
}

fn write_zip(plan: &ExportPlan, dest: &Path) -> Result<()> {
    if dest.is_dir() {
        return Err(Error::AlreadyExists {
            what: "A folder".into(),
            path: dest.to_path_buf(),
        });
    }
    let temp = fsio::temp_path_beside(dest);
    let written = (|| -> Result<()> {
        let file = fsio::create_new_private(&temp).map_err(|e| write_failed(dest, e))?;
        let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(WRITE_BUFFER_BYTES, file));
        // Stored, not deflated: scans are already compressed, and the crate is built without a
        // codec. The index may pass 4 GiB only in theory; large_file keeps even that readable.
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .unix_permissions(0o644)
            .large_file(plan.index.len() > u32::MAX as usize / 2);
        let zip_err = |e: zip::result::ZipError| match e {
            zip::result::ZipError::Io(e) => write_failed(dest, e),
            other => write_failed(dest, io::Error::other(other.to_string())),
        };
        zip.start_file(INDEX_FILE, options).map_err(zip_err)?;
        zip.write_all(&plan.index)
            .map_err(|e| write_failed(dest, e))?;
        let options = options.large_file(false);
        for file in &plan.files {
            zip.start_file(format!("{FILES_FOLDER}/{}", file.name), options)
                .map_err(zip_err)?;
            copy_checked(file, &mut zip, dest, plan.vault_key.as_deref())?;
        }
        let out = zip.finish().map_err(zip_err)?;
        let file = out
            .into_inner()
            .map_err(|e| write_failed(dest, e.into_error()))?;
        file.sync_all().map_err(|e| write_failed(dest, e))
    })();
    match written {
        Ok(()) => fsio::persist(&temp, dest),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

fn write_folder(plan: &ExportPlan, dest: &Path) -> Result<()> {
    let replaces_empty = match fs::read_dir(dest).map(|mut entries| entries.next().is_none()) {
        Ok(true) => true,
        Ok(false) => {
            return Err(Error::AlreadyExists {
                what: "A folder".into(),
                path: dest.to_path_buf(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(_) if dest.exists() => {
            return Err(Error::AlreadyExists {
                what: "A file".into(),
                path: dest.to_path_buf(),
            });
        }
        Err(e) => return Err(write_failed(dest, e)),
    };
    let temp = fsio::temp_path_beside(dest);
    let written = (|| -> Result<()> {
        let files = temp.join(FILES_FOLDER);
        fsio::private_dir_all(&files).map_err(|e| write_failed(dest, e))?;
        write_one(&temp.join(INDEX_FILE), dest, |out| {
            out.write_all(&plan.index)
                .map_err(|e| write_failed(dest, e))
        })?;
        for file in &plan.files {
            write_one(&files.join(&file.name), dest, |out| {
                copy_checked(file, out, dest, plan.vault_key.as_deref())
            })?;
        }
        fsio::sync_dir(&files)?;
        fsio::sync_dir(&temp)?;
        if replaces_empty {
            fs::remove_dir(dest).map_err(|e| write_failed(dest, e))?;
        }
        fs::rename(&temp, dest).map_err(|e| write_failed(dest, e))?;
        fsio::sync_dir(dest.parent().unwrap_or(Path::new(".")))
    })();
    if written.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    written
}

fn write_one(path: &Path, dest: &Path, fill: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
    let mut out = fsio::private::create_private(path).map_err(|e| write_failed(dest, e))?;
    fill(&mut out)?;
    out.sync_all().map_err(|e| write_failed(dest, e))
}

/// Reads the parts of an export, from a zip file or a folder.
pub(crate) enum Source {
    Zip(zip::ZipArchive<File>),
    Folder(PathBuf),
}

impl Source {
    /// `path` is a zip file, an export folder, or the `dossier-export.json` inside one.
    pub(crate) fn open(path: &Path) -> Result<Source> {
        let not_an_export = || Error::NotAnExport {
            path: path.to_path_buf(),
        };
        if path.is_dir() {
            if !path.join(INDEX_FILE).is_file() {
                return Err(not_an_export());
            }
            return Ok(Source::Folder(path.to_path_buf()));
        }
        if path.file_name().is_some_and(|n| n == INDEX_FILE) {
            let folder = path.parent().unwrap_or(Path::new("."));
            return Ok(Source::Folder(folder.to_path_buf()));
        }
        let file = File::open(path).map_err(|e| Error::io(IoOp::Read, path, e))?;
        let archive = zip::ZipArchive::new(file).map_err(|_| not_an_export())?;
        if archive.index_for_name(INDEX_FILE).is_none() {
            return Err(not_an_export());
        }
        Ok(Source::Zip(archive))
    }

    /// Runs `f` on a reader of the part `name` (`files/…` or the index); `None` when the export
    /// has no such part or it cannot be opened.
    pub(crate) fn with_part<T>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut dyn Read) -> Result<T>,
    ) -> Option<Result<T>> {
        match self {
            Source::Zip(archive) => {
                let mut entry = archive.by_name(name).ok()?;
                Some(f(&mut entry))
            }
            Source::Folder(root) => {
                let mut file = File::open(root.join(name)).ok()?;
                Some(f(&mut file))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_proposed_name_is_in_the_candidates_language() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        assert_eq!(
            default_export_name(now, DisplayLanguage::En),
            "Dossier export 2026-11-22"
        );
        assert_eq!(
            default_export_name(now, DisplayLanguage::Fr),
            "Export Dossier 2026-11-22"
        );
        let arabic = default_export_name(now, DisplayLanguage::Ar);
        assert_eq!(arabic, "تصدير Dossier 2026-11-22");
        assert!(!arabic.chars().any(crate::hidden_chars::is_hidden));
    }
}

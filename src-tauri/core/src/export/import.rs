//! Importing an export into an empty Dossier: every stored file is checked against its hash and
//! placed through the vault first, then every row is written in one transaction. A refusal
//! leaves the Dossier as it was: the rows are rolled back and the files this import added are
//! removed again.

use super::tables;
use super::{FILES_FOLDER, FORMAT_NAME, FORMAT_VERSION, INDEX_FILE, Source, file_name};
use crate::error::IoOp;
use crate::store::Store;
use crate::vault::{MediaType, Vault};
use crate::{Error, Result, fsio};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What an import brought in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub vacancies: u32,
    pub applications: u32,
    pub documents: u32,
    pub files: u32,
}

/// Imports the export at `path` (a zip file, a folder, or the `dossier-export.json` in one).
pub fn import_export(store: &mut Store, vault: &Vault, path: &Path) -> Result<ImportSummary> {
    refuse_unless_empty(store)?;
    let mut source = Source::open(path)?;
    let damaged = |parts: Vec<String>| Error::ExportDamaged {
        path: path.to_path_buf(),
        parts,
    };
    let index: Value = source
        .with_part(INDEX_FILE, |r| {
            // Read whole, then parsed: serde_json reads a `Read` one byte at a call, which
            // through a zip entry's checksumming reader made the large history's import take 90 s instead of 1.
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes)
                .map_err(|e| Error::io(IoOp::Read, INDEX_FILE, e))?;
            serde_json::from_slice(&bytes).map_err(|e| Error::Internal(e.to_string()))
        })
        .unwrap_or_else(|| Err(Error::Internal(String::new())))
        .map_err(|_| damaged(vec![INDEX_FILE.to_string()]))?;
    check_format(&index, path)?;
    let tables = match index.get("tables") {
        Some(Value::Object(tables)) => tables,
        _ => return Err(damaged(vec![format!("{INDEX_FILE}: tables")])),
    };
    let files = listed_files(&index).map_err(|at| damaged(vec![format!("{INDEX_FILE}: {at}")]))?;
    let missing = unlisted_hashes(tables, &files);
    if !missing.is_empty() {
        return Err(damaged(missing));
    }

    let mut placed: Vec<PathBuf> = Vec::new();
    let result = (|| {
        let mut bad = Vec::new();
        for (hash, media, part) in &files {
            let outcome = source.with_part(part, |r| vault.place_expected(r, hash, *media));
            match outcome {
                Some(Ok(Some(created))) => {
                    if created {
                        placed.push(vault.object_path(hash, *media)?);
                    }
                }
                // Missing, unreadable (a zip entry whose checksum fails), or another content.
                None | Some(Ok(None)) | Some(Err(Error::Io { .. })) => bad.push(part.clone()),
                Some(Err(other)) => return Err(other),
            }
        }
        if !bad.is_empty() {
            return Err(damaged(bad));
        }
        store.write(|tx| {
            // The rows refer to each other (a newer version of a document to the older one);
            // the references are checked once all are written.
            tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            refuse_if_holding(tx)?;
            match tables::load(tx, tables) {
                Ok(_) => {}
                Err(Ok(at)) => return Err(damaged(vec![format!("{INDEX_FILE}: {at}")])),
                Err(Err(e)) => return Err(e),
            }
            let broken: Vec<String> = {
                let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
                let rows = stmt.query_map([], |r| {
                    Ok(format!(
                        "{INDEX_FILE}: tables.{} rowid {}",
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?
                    ))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            if !broken.is_empty() {
                return Err(damaged(broken));
            }
            tables::rebuild_search_index(tx)?;
            Ok(())
        })
    })();
    if let Err(e) = result {
        remove_placed(&placed);
        return Err(e);
    }
    let overview = store.overview()?;
    Ok(ImportSummary {
        vacancies: overview.vacancies,
        applications: overview.applications,
        documents: overview.documents,
        files: u32::try_from(files.len()).unwrap_or(u32::MAX),
    })
}

fn refuse_unless_empty(store: &Store) -> Result<()> {
    store.read(refuse_if_holding)
}

fn refuse_if_holding(c: &rusqlite::Connection) -> Result<()> {
    let (vacancies, applications, documents, profile, other) = tables::holdings(c)?;
    if vacancies > 0 || applications > 0 || documents > 0 || profile || other {
        return Err(Error::ImportTargetNotEmpty {
            vacancies,
            applications,
            documents,
            profile,
        });
    }
    Ok(())
}

/// Refuses anything but a `dossier-export/N` this build reads.
fn check_format(index: &Value, path: &Path) -> Result<()> {
    let not_an_export = || Error::NotAnExport {
        path: path.to_path_buf(),
    };
    let format = index
        .get("format")
        .and_then(Value::as_str)
        .ok_or_else(not_an_export)?;
    let version = format
        .strip_prefix(FORMAT_NAME)
        .and_then(|rest| rest.strip_prefix('/'))
        .ok_or_else(not_an_export)?;
    match version.parse::<u32>() {
        Ok(FORMAT_VERSION) => Ok(()),
        Ok(n) if n > FORMAT_VERSION => Err(Error::ExportFormatTooNew {
            found: format.to_string(),
            supported: super::FORMAT.to_string(),
        }),
        _ => Err(not_an_export()),
    }
}

/// The files the index lists, as (hash, type, part name). A part's name must be exactly what
/// an export writes for its hash, so no name in the index can reach outside the export.
fn listed_files(index: &Value) -> std::result::Result<Vec<(String, MediaType, String)>, String> {
    let Some(Value::Array(files)) = index.get("files") else {
        return Err("files".into());
    };
    files
        .iter()
        .enumerate()
        .map(|(n, file)| {
            let at = || format!("files[{n}]");
            let hash = file.get("sha256").and_then(Value::as_str).ok_or_else(at)?;
            let part = file.get("path").and_then(Value::as_str).ok_or_else(at)?;
            let media = Path::new(part)
                .extension()
                .and_then(|e| e.to_str())
                .and_then(MediaType::from_extension)
                .ok_or_else(at)?;
            let valid_hash =
                hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !valid_hash || part != format!("{FILES_FOLDER}/{}", file_name(hash, media)) {
                return Err(at());
            }
            Ok((hash.to_string(), media, part.to_string()))
        })
        .collect()
}

/// Documents whose content the export does not list: named as the part that should hold it.
fn unlisted_hashes(
    tables: &serde_json::Map<String, Value>,
    files: &[(String, MediaType, String)],
) -> Vec<String> {
    let listed: BTreeSet<&str> = files.iter().map(|(h, _, _)| h.as_str()).collect();
    let mut missing = BTreeSet::new();
    if let Some(Value::Array(rows)) = tables.get("documents") {
        for row in rows {
            let hash = row.get("content_hash").and_then(Value::as_str);
            let media = row
                .get("media_type")
                .and_then(Value::as_str)
                .and_then(MediaType::from_mime);
            if let (Some(hash), Some(media)) = (hash, media)
                && !listed.contains(hash)
            {
                missing.insert(format!("{FILES_FOLDER}/{}", file_name(hash, media)));
            }
        }
    }
    missing.into_iter().collect()
}

/// Takes back the files a refused import added: no row names them, and the vault held none of
/// them before.
fn remove_placed(placed: &[PathBuf]) {
    for path in placed {
        let _ = std::fs::remove_file(path);
        if let Some(shard) = path.parent() {
            let _ = std::fs::remove_dir(shard);
            let _ = fsio::sync_dir(shard.parent().unwrap_or(shard));
        }
    }
}

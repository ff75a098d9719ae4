//! Every table of the database as plain JSON rows, and back. The export is a faithful copy of
//! the rows (ids included, so the references between them hold), not a view of the domain
//! types: whatever a table holds, the export holds too, and `docs/export-schema.json` says what
//! each column means.

use crate::store::CHANGE_STAMP_KEY;
use crate::{Error, Result};
use rusqlite::Connection;
use rusqlite::types::{Value as Sql, ValueRef};
use serde_json::{Map, Value};

/// The tables an export carries, in the order an import writes them: a row's references are
/// written before it.
pub const EXPORTED_TABLES: &[&str] = &[
    "settings",
    "profile",
    "vacancies",
    "vacancy_notices",
    "applications",
    "application_events",
    "interviews",
    "documents",
    "application_documents",
    "vacancy_notice_files",
    "fired_reminders",
    "form_ticks",
    "made_files",
    "form_entry_ticks",
];

/// Tables added to the database after the export format was published (`form_ticks`: schema
/// 8; `made_files`: schema 9; `form_entry_ticks`: schema 11): an export written before then has
/// no such table, and is read as having no rows there rather than refused, since a candidate's
/// own older export must still import.
const ADDED_LATER: &[&str] = &["form_ticks", "made_files", "form_entry_ticks"];

/// The full-text indexes and the shadow tables SQLite keeps for them are rebuilt from the rows
/// on import (the vacancies' by [`rebuild_search_index`], the documents' by their triggers), not
/// exported: they hold nothing the candidate wrote that the rows do not.
pub const DERIVED_TABLE_PREFIXES: &[&str] = &["vacancies_fts", "documents_fts"];

/// Columns that hold JSON text: exported as the JSON they hold, so a reader of the export sees
/// objects and lists rather than strings to parse again.
const JSON_COLUMNS: &[(&str, &str)] = &[
    ("settings", "value"),
    ("profile", "document"),
    ("vacancies", "languages"),
    ("made_files", "source_ids"),
    ("made_files", "report"),
];

fn is_json_column(table: &str, column: &str) -> bool {
    JSON_COLUMNS.contains(&(table, column))
}

/// A table's columns in declaration order, and the columns of its primary key in key order.
pub(crate) fn columns(c: &Connection, table: &str) -> Result<(Vec<String>, Vec<String>)> {
    let mut stmt = c.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let mut all = Vec::new();
    let mut key: Vec<(i64, String)> = Vec::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?;
    for row in rows {
        let (name, pk) = row?;
        if pk > 0 {
            key.push((pk, name.clone()));
        }
        all.push(name);
    }
    key.sort();
    Ok((all, key.into_iter().map(|(_, n)| n).collect()))
}

/// Every row of every exported table, in primary-key order so two exports of the same data
/// are the same text.
pub(crate) fn dump(c: &Connection) -> Result<Map<String, Value>> {
    let mut tables = Map::new();
    for table in EXPORTED_TABLES {
        let mut rows = dump_table(c, table)?;
        if *table == "settings" {
            // The stamp of the last change is the store's bookkeeping for backups, not the
            // candidate's data: an import writes a fresh one, as every write does.
            rows.retain(|row| row.get("key").and_then(Value::as_str) != Some(CHANGE_STAMP_KEY));
        }
        tables.insert((*table).to_string(), Value::Array(rows));
    }
    Ok(tables)
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn dump_table(c: &Connection, table: &str) -> Result<Vec<Value>> {
    let (cols, key) = columns(c, table)?;
    let order = if key.is_empty() {
        "rowid".to_string()
    } else {
        quoted_list(&key)
    };
    let mut stmt = c.prepare(&format!(
        "SELECT {} FROM \"{table}\" ORDER BY {order}",
        quoted_list(&cols)
    ))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut object = Map::new();
        for (i, col) in cols.iter().enumerate() {
            let value = match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(bytes) => {
                    let text = String::from_utf8_lossy(bytes);
                    if is_json_column(table, col) {
                        serde_json::from_str(&text).map_err(|e| Error::DatabaseCorrupt {
                            path: format!("{table}.{col}").into(),
                            detail: e.to_string(),
                        })?
                    } else {
                        Value::String(text.into_owned())
                    }
                }
                // Every table is STRICT with no BLOB column, so SQLite cannot hold one here.
                ValueRef::Blob(_) => {
                    return Err(Error::DatabaseCorrupt {
                        path: format!("{table}.{col}").into(),
                        detail: "unexpected binary value".into(),
                    });
                }
            };
            object.insert(col.clone(), value);
        }
        out.push(Value::Object(object));
    }
    Ok(out)
}

/// What in `dossier-export.json` a load refused, as `tables.vacancies[3].title`.
pub(crate) type Refusal = String;

/// Writes every row of `tables` into the (empty) database, in the caller's transaction.
/// `Err(Ok(refusal))` names a part of the export that does not fit the schema: a missing or
/// unknown table or column, a value of the wrong type, or a row the constraints refuse.
pub(crate) fn load(
    tx: &Connection,
    tables: &Map<String, Value>,
) -> std::result::Result<u64, std::result::Result<Refusal, Error>> {
    if let Some(unknown) = tables
        .keys()
        .find(|k| !EXPORTED_TABLES.contains(&k.as_str()))
    {
        return Err(Ok(format!("tables.{unknown}")));
    }
    let mut written = 0u64;
    for table in EXPORTED_TABLES {
        let rows = match tables.get(*table) {
            Some(Value::Array(rows)) => rows.as_slice(),
            None if ADDED_LATER.contains(table) => &[],
            _ => return Err(Ok(format!("tables.{table}"))),
        };
        let (cols, _) = columns(tx, table).map_err(Err)?;
        // Settings an empty Dossier wrote when it started are replaced by the exported ones.
        let verb = if *table == "settings" {
            "INSERT OR REPLACE"
        } else {
            "INSERT"
        };
        let placeholders = (1..=cols.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = tx
            .prepare(&format!(
                "{verb} INTO \"{table}\" ({}) VALUES ({placeholders})",
                quoted_list(&cols)
            ))
            .map_err(|e| Err(e.into()))?;
        for (n, row) in rows.iter().enumerate() {
            let at = |what: &str| format!("tables.{table}[{n}]{what}");
            let Value::Object(object) = row else {
                return Err(Ok(at("")));
            };
            if let Some(unknown) = object.keys().find(|k| !cols.contains(k)) {
                return Err(Ok(at(&format!(".{unknown}"))));
            }
            let mut values = Vec::with_capacity(cols.len());
            for col in &cols {
                let Some(value) = object.get(col) else {
                    return Err(Ok(at(&format!(".{col}"))));
                };
                values.push(to_sql(table, col, value).ok_or_else(|| Ok(at(&format!(".{col}"))))?);
            }
            match stmt.execute(rusqlite::params_from_iter(values)) {
                Ok(_) => written += 1,
                Err(e) if is_refusal(&e) => return Err(Ok(at(""))),
                Err(e) => return Err(Err(e.into())),
            }
        }
    }
    if !tables.contains_key("form_entry_ticks") {
        tx.execute_batch(ENTRY_TICKS_FROM_BLOCKS)
            .map_err(|e| Err(e.into()))?;
    }
    Ok(written)
}

/// An export from before entries had ticks of their own (schema 11) keeps its ticked blocks
/// done, as migration 0011 does for a database: every entry of a ticked list is ticked.
const ENTRY_TICKS_FROM_BLOCKS: &str = "
    INSERT OR IGNORE INTO form_entry_ticks (platform, entry_id)
    SELECT DISTINCT t.platform, json_extract(e.value, '$.id')
    FROM form_ticks AS t
    JOIN profile AS p ON p.document IS NOT NULL
    JOIN json_each(p.document, '$.' || t.section) AS e
    WHERE t.section IN ('education', 'employment', 'references')
      AND json_extract(e.value, '$.id') >= 1";

/// A constraint or type check failed: the row does not fit, rather than the disk failing.
fn is_refusal(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ConstraintViolation | rusqlite::ErrorCode::TypeMismatch)
    )
}

fn to_sql(table: &str, col: &str, value: &Value) -> Option<Sql> {
    if is_json_column(table, col) {
        return Some(match value {
            Value::Null => Sql::Null,
            other => Sql::Text(serde_json::to_string(other).ok()?),
        });
    }
    Some(match value {
        Value::Null => Sql::Null,
        Value::String(s) => Sql::Text(s.clone()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64()?),
        },
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => return None,
    })
}

/// Rebuilds the full-text index from the rows, as the vacancy store writes it on every save.
pub(crate) fn rebuild_search_index(tx: &Connection) -> Result<()> {
    tx.execute(
        "INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text, duty_station)
         SELECT v.id, v.title, v.reference, v.notes, coalesce(n.notice_text, ''),
                coalesce(v.duty_station, '')
         FROM vacancies v LEFT JOIN vacancy_notices n ON n.vacancy_id = v.id",
        [],
    )?;
    Ok(())
}

/// The row counts an empty Dossier must have at zero, as (vacancies, applications, documents,
/// profile) plus whether any other exported table (settings aside) holds a row.
pub(crate) fn holdings(c: &Connection) -> Result<(u32, u32, u32, bool, bool)> {
    let count = |table: &str| -> Result<u32> {
        Ok(
            c.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })?,
        )
    };
    let mut other = false;
    for table in EXPORTED_TABLES {
        if !matches!(
            *table,
            "settings" | "vacancies" | "applications" | "documents" | "profile"
        ) {
            other |= count(table)? > 0;
        }
    }
    Ok((
        count("vacancies")?,
        count("applications")?,
        count("documents")?,
        count("profile")? > 0,
        other,
    ))
}

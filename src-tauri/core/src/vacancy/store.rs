//! Vacancies in SQLite: saving with the duplicate check, reading back, and the list the
//! candidate filters and searches (FTS5, see migration 0002).

use super::{
    ApplyRoute, ContractKind, Deadline, LanguageRequirement, Platform, SecurityScreening, Vacancy,
    VacancyInput, VacancyStatus,
};
use crate::profile::EducationLevel;
use crate::store::Store;
use crate::store::text::{
    self, date_text, enum_from, enum_text, instant_text, parse_date, parse_instant, parse_time,
    time_text,
};
use crate::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

/// What saving did: a vacancy with the same platform and reference is not saved twice; the UI
/// offers to open the one already kept.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum SaveOutcome {
    #[serde(rename_all = "camelCase")]
    Saved { vacancy: Box<Vacancy> },
    #[serde(rename_all = "camelCase")]
    Duplicate {
        existing_id: u32,
        existing_title: String,
    },
}

/// Deadline windows offered as filters, measured from the clock's "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineWindow {
    Next7Days,
    Next30Days,
    Passed,
    NoDeadline,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancyQuery {
    /// Words to find in the title, reference, notes or notice text; each word may be a prefix.
    pub text: Option<String>,
    pub platform: Option<Platform>,
    pub duty_station: Option<String>,
    pub contract_kind: Option<ContractKind>,
    pub grade: Option<String>,
    pub status: Option<VacancyStatus>,
    pub deadline_window: Option<DeadlineWindow>,
    /// At most this many rows (default 200): the list shows a page, the total says how many.
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// One row of the list: enough to show and sort it without loading the notice text.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancySummary {
    pub id: u32,
    pub platform: Platform,
    pub reference: String,
    pub title: String,
    pub duty_station: Option<String>,
    pub contract_kind: Option<ContractKind>,
    pub grade: Option<String>,
    pub is_roster: bool,
    pub status: VacancyStatus,
    pub deadline_utc: Option<DateTime<Utc>>,
    pub deadline_zone: Option<String>,
    pub has_application: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancyPage {
    pub items: Vec<VacancySummary>,
    pub total: u32,
}

/// The values the filters can offer, taken from what the candidate has saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VacancyFacets {
    pub duty_stations: Vec<String>,
    pub grades: Vec<String>,
}

const DEFAULT_LIMIT: u32 = 200;
/// Above this many matches for the words, a page walks the deadline order instead of reading
/// every match: a page of 200 then finds its rows within the first few hundred.
const WALK_ABOVE_MATCHES: u32 = 2_000;

fn find_duplicate(
    conn: &Connection,
    input: &VacancyInput,
    except: Option<u32>,
) -> Result<Option<(u32, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, title FROM vacancies WHERE platform = ?1 AND reference = ?2 COLLATE NOCASE
             AND id IS NOT ?3",
        )?
        .query_row(
            params![input.platform.as_str(), input.reference, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The saved vacancy with this platform and reference, as the duplicate check finds it: for a
/// draft to be pointed out before the candidate tries to save it.
pub fn find_by_reference(
    store: &Store,
    platform: Platform,
    reference: &str,
) -> Result<Option<(u32, String)>> {
    store.read(|c| {
        Ok(c.query_row(
            "SELECT id, title FROM vacancies WHERE platform = ?1 AND reference = ?2 COLLATE NOCASE",
            params![platform.as_str(), reference.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
    })
}

struct Columns {
    deadline_utc: Option<String>,
    deadline_zone: Option<String>,
    deadline_date: Option<String>,
    deadline_time: Option<String>,
    languages: String,
    contract_kind: Option<String>,
    security: Option<String>,
    min_education: Option<String>,
}

fn columns(input: &VacancyInput) -> Result<Columns> {
    let deadline_utc = match &input.deadline {
        Some(d) => Some(instant_text(d.instant()?)),
        None => None,
    };
    Ok(Columns {
        deadline_utc,
        deadline_zone: input.deadline.as_ref().map(|d| d.zone.clone()),
        deadline_date: input.deadline.as_ref().map(|d| date_text(d.date)),
        deadline_time: input.deadline.as_ref().and_then(|d| d.time).map(time_text),
        languages: serde_json::to_string(&input.languages).map_err(|_| {
            Error::field(
                "languages",
                crate::error::FieldProblem::NotStorable,
                "cannot be stored",
            )
        })?,
        contract_kind: input.contract_kind.map(|k| k.as_str().to_string()),
        security: input
            .security_screening
            .as_ref()
            .map(enum_text)
            .transpose()?,
        min_education: input.min_education.as_ref().map(enum_text).transpose()?,
    })
}

/// Writes every field of vacancy `id`, its notice and its search entry: the one path for both
/// creating and editing, so the two can never store a field differently. Returns how many
/// vacancies it changed (0 when `id` does not exist).
fn write_fields(
    tx: &Connection,
    id: u32,
    input: &VacancyInput,
    cols: &Columns,
    now_text: &str,
) -> Result<usize> {
    let changed = tx
        .prepare_cached(
            "UPDATE vacancies SET platform = ?2, reference = ?3, title = ?4, duty_station = ?5,
            duty_zone = ?6, contract_kind = ?7, grade = ?8, is_roster = ?9, deadline_utc = ?10,
            deadline_zone = ?11, notice_url = ?12, notes = ?13, status = ?14,
            updated_utc = ?15, posts = ?16, security_screening = ?17, duration_months = ?18,
            duration_text = ?19, published_on = ?20, deadline_date = ?21, deadline_time = ?22,
            languages = ?23, min_education = ?24, min_experience_years = ?25
         WHERE id = ?1",
        )?
        .execute(params![
            id,
            input.platform.as_str(),
            input.reference,
            input.title,
            input.duty_station,
            input.duty_zone,
            cols.contract_kind,
            input.grade,
            input.is_roster,
            cols.deadline_utc,
            cols.deadline_zone,
            input.notice_url,
            input.notes,
            enum_text(&input.status)?,
            now_text,
            input.posts,
            cols.security,
            input.duration_months,
            input.duration_text,
            input.published_on.map(date_text),
            cols.deadline_date,
            cols.deadline_time,
            cols.languages,
            cols.min_education,
            input.min_experience_years,
        ])?;
    if changed > 0 {
        write_notice_and_index(tx, id, input)?;
    }
    Ok(changed)
}

/// Keeps the notice text and the search index in step with the row, inside the caller's
/// transaction, so a search never finds a vacancy as it was before an edit.
fn write_notice_and_index(tx: &Connection, id: u32, input: &VacancyInput) -> Result<()> {
    match &input.notice_text {
        Some(text) => tx
            .prepare_cached(
                "INSERT INTO vacancy_notices (vacancy_id, notice_text) VALUES (?1, ?2)
                 ON CONFLICT (vacancy_id) DO UPDATE SET notice_text = excluded.notice_text",
            )?
            .execute(params![id, text])?,
        None => tx
            .prepare_cached("DELETE FROM vacancy_notices WHERE vacancy_id = ?1")?
            .execute([id])?,
    };
    tx.prepare_cached("DELETE FROM vacancies_fts WHERE rowid = ?1")?
        .execute([id])?;
    tx.prepare_cached(
        "INSERT INTO vacancies_fts (rowid, title, reference, notes, notice_text, duty_station)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        input.title,
        input.reference,
        input.notes,
        input.notice_text.as_deref().unwrap_or(""),
        input.duty_station.as_deref().unwrap_or("")
    ])?;
    Ok(())
}

pub fn create_vacancy(
    store: &mut Store,
    input: VacancyInput,
    now: DateTime<Utc>,
) -> Result<SaveOutcome> {
    let input = input.validated()?;
    let cols = columns(&input)?;
    let now_text = instant_text(now);
    let saved = store.write(|tx| {
        if let Some((existing_id, existing_title)) = find_duplicate(tx, &input, None)? {
            return Ok(Err(SaveOutcome::Duplicate {
                existing_id,
                existing_title,
            }));
        }
        Ok(Ok(insert(tx, &input, &cols, &now_text)?))
    })?;
    match saved {
        Ok(id) => Ok(SaveOutcome::Saved {
            vacancy: Box::new(get_vacancy(store, id)?),
        }),
        Err(duplicate) => Ok(duplicate),
    }
}

/// What saving many vacancies at once did: all saved, or none because one of them has the
/// platform and reference of a vacancy already kept (or of one before it in the same batch).
#[derive(Debug, Clone, PartialEq)]
pub enum BulkOutcome {
    /// The new ids, in the order of the inputs.
    Saved { ids: Vec<u32> },
    Duplicate {
        /// The input's position in the batch.
        index: usize,
        existing_id: Option<u32>,
        existing_title: String,
    },
}

/// Saves many vacancies in one transaction: the bulk path of the large history and of long
/// imports. Each input gets the checks, notice row and search entry [`create_vacancy`] gives
/// it, through the same statements; an invalid input or a duplicate saves none of them.
pub fn create_vacancies(
    store: &mut Store,
    inputs: Vec<VacancyInput>,
    now: DateTime<Utc>,
) -> Result<BulkOutcome> {
    let prepared = inputs
        .into_iter()
        .map(|input| {
            let input = input.validated()?;
            let cols = columns(&input)?;
            Ok((input, cols))
        })
        .collect::<Result<Vec<_>>>()?;
    let now_text = instant_text(now);
    store.write(|tx| {
        // Every duplicate is found before the first row is written, so a refused batch leaves
        // the store as it was.
        let mut seen = std::collections::HashMap::new();
        for (index, (input, _)) in prepared.iter().enumerate() {
            // The same folding as the column's COLLATE NOCASE (ASCII only).
            let key = (input.platform, input.reference.to_ascii_lowercase());
            if let Some(&earlier) = seen.get(&key) {
                let (first, _): &(VacancyInput, Columns) = &prepared[earlier];
                return Ok(BulkOutcome::Duplicate {
                    index,
                    existing_id: None,
                    existing_title: first.title.clone(),
                });
            }
            if let Some((existing_id, existing_title)) = find_duplicate(tx, input, None)? {
                return Ok(BulkOutcome::Duplicate {
                    index,
                    existing_id: Some(existing_id),
                    existing_title,
                });
            }
            seen.insert(key, index);
        }
        let ids = prepared
            .iter()
            .map(|(input, cols)| insert(tx, input, cols, &now_text))
            .collect::<Result<Vec<_>>>()?;
        Ok(BulkOutcome::Saved { ids })
    })
}

/// A new vacancy's row and every field of it, in the caller's transaction; returns its id.
fn insert(tx: &Connection, input: &VacancyInput, cols: &Columns, now_text: &str) -> Result<u32> {
    tx.prepare_cached(
        "INSERT INTO vacancies (platform, reference, title, created_utc, updated_utc)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![
        input.platform.as_str(),
        input.reference,
        input.title,
        now_text
    ])?;
    let id = tx.last_insert_rowid() as u32;
    write_fields(tx, id, input, cols, now_text)?;
    Ok(id)
}

pub fn update_vacancy(
    store: &mut Store,
    id: u32,
    input: VacancyInput,
    now: DateTime<Utc>,
) -> Result<SaveOutcome> {
    let input = input.validated()?;
    let cols = columns(&input)?;
    let now_text = instant_text(now);
    let saved = store.write(|tx| {
        if let Some((existing_id, existing_title)) = find_duplicate(tx, &input, Some(id))? {
            return Ok(Err(SaveOutcome::Duplicate {
                existing_id,
                existing_title,
            }));
        }
        if write_fields(tx, id, &input, &cols, &now_text)? == 0 {
            return Err(text::not_found("Vacancy", id));
        }
        Ok(Ok(()))
    })?;
    match saved {
        Ok(()) => Ok(SaveOutcome::Saved {
            vacancy: Box::new(get_vacancy(store, id)?),
        }),
        Err(duplicate) => Ok(duplicate),
    }
}

/// Deletes a vacancy the candidate no longer wants; one with an application is kept, since the
/// application's history would go with it.
pub fn delete_vacancy(store: &mut Store, id: u32) -> Result<()> {
    store.write(|tx| {
        let has_application: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM applications WHERE vacancy_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if has_application {
            return Err(Error::field(
                "vacancy",
                crate::error::FieldProblem::VacancyHasApplication,
                "this vacancy has an application; archive it instead of deleting it",
            ));
        }
        if tx.execute("DELETE FROM vacancies WHERE id = ?1", [id])? == 0 {
            return Err(text::not_found("Vacancy", id));
        }
        tx.execute("DELETE FROM vacancies_fts WHERE rowid = ?1", [id])?;
        Ok(())
    })
}

fn vacancy_from_row(r: &Row<'_>) -> rusqlite::Result<Vacancy> {
    let text = |i: &str| r.get::<_, Option<String>>(i);
    let deadline = match (text("deadline_date")?, text("deadline_zone")?) {
        (Some(date), Some(zone)) => parse_date(&date).map(|date| Deadline {
            date,
            time: text("deadline_time")
                .ok()
                .flatten()
                .and_then(|t| parse_time(&t)),
            zone,
        }),
        _ => None,
    };
    let languages: Vec<LanguageRequirement> =
        serde_json::from_str(&r.get::<_, String>("languages")?).unwrap_or_default();
    let contract_kind = text("contract_kind")?.and_then(|k| ContractKind::parse(&k));
    Ok(Vacancy {
        id: r.get("id")?,
        apply_route: ApplyRoute::for_contract(contract_kind),
        input: VacancyInput {
            platform: Platform::parse(&r.get::<_, String>("platform")?)
                .unwrap_or(Platform::RecruitmentHub),
            reference: r.get("reference")?,
            title: r.get("title")?,
            duty_station: text("duty_station")?,
            duty_zone: text("duty_zone")?,
            contract_kind,
            is_roster: r.get("is_roster")?,
            grade: text("grade")?,
            posts: r.get("posts")?,
            security_screening: text("security_screening")?
                .and_then(|s| enum_from::<SecurityScreening>(&s)),
            duration_months: r.get("duration_months")?,
            duration_text: text("duration_text")?,
            published_on: text("published_on")?.as_deref().and_then(parse_date),
            deadline,
            languages,
            min_education: text("min_education")?.and_then(|e| enum_from::<EducationLevel>(&e)),
            min_experience_years: r.get("min_experience_years")?,
            notice_url: text("notice_url")?,
            notice_text: text("notice_text")?,
            notes: r.get("notes")?,
            status: enum_from(&r.get::<_, String>("status")?).unwrap_or(VacancyStatus::Open),
        },
        deadline_utc: text("deadline_utc")?.as_deref().and_then(parse_instant),
        created_utc: text("created_utc")?
            .as_deref()
            .and_then(parse_instant)
            .unwrap_or_default(),
        updated_utc: text("updated_utc")?
            .as_deref()
            .and_then(parse_instant)
            .unwrap_or_default(),
    })
}

pub fn get_vacancy(store: &Store, id: u32) -> Result<Vacancy> {
    store.read(|c| {
        c.query_row(
            "SELECT v.*, n.notice_text FROM vacancies v
             LEFT JOIN vacancy_notices n ON n.vacancy_id = v.id WHERE v.id = ?1",
            [id],
            vacancy_from_row,
        )
        .optional()?
        .ok_or_else(|| text::not_found("Vacancy", id))
    })
}

pub fn list_vacancies(
    store: &Store,
    query: &VacancyQuery,
    now: DateTime<Utc>,
) -> Result<VacancyPage> {
    let fts = query.text.as_deref().and_then(text::fts_query);
    // How many vacancies the words find, from the index alone: cheap even for a word every
    // notice holds, and it decides how the page is read below.
    let found: Option<u32> =
        match &fts {
            Some(fts) => Some(store.read(|c| {
                Ok(c.prepare_cached(
                    "SELECT count(*) FROM vacancies_fts WHERE vacancies_fts MATCH ?1",
                )?
                .query_row([fts], |r| r.get(0))?)
            })?),
            None => None,
        };
    if found == Some(0) {
        return Ok(VacancyPage {
            items: Vec::new(),
            total: 0,
        });
    }
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |condition: &str, value: Value| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("?{}", values.len())));
    };
    if let Some(platform) = query.platform {
        bind("v.platform = ?", Value::Text(platform.as_str().into()));
    }
    if let Some(station) = query.duty_station.as_deref().filter(|s| !s.is_empty()) {
        bind("v.duty_station = ?", Value::Text(station.into()));
    }
    if let Some(kind) = query.contract_kind {
        bind("v.contract_kind = ?", Value::Text(kind.as_str().into()));
    }
    if let Some(grade) = query.grade.as_deref().filter(|s| !s.is_empty()) {
        bind("v.grade = ?", Value::Text(grade.into()));
    }
    if let Some(status) = query.status {
        bind("v.status = ?", Value::Text(enum_text(&status)?));
    }
    let now_text = instant_text(now);
    match query.deadline_window {
        Some(DeadlineWindow::Next7Days | DeadlineWindow::Next30Days) => {
            let days = if query.deadline_window == Some(DeadlineWindow::Next7Days) {
                7
            } else {
                30
            };
            bind("v.deadline_utc >= ?", Value::Text(now_text.clone()));
            bind(
                "v.deadline_utc <= ?",
                Value::Text(instant_text(now + Duration::days(days))),
            );
        }
        Some(DeadlineWindow::Passed) => bind("v.deadline_utc < ?", Value::Text(now_text.clone())),
        Some(DeadlineWindow::NoDeadline) => conditions.push("v.deadline_utc IS NULL".into()),
        None => {}
    }
    // The words' matches, read once per statement. Few matches: the page is read from them (by
    // id) and sorted. Many (a common word): `+` keeps SQLite from starting there, so it walks
    // the deadline order and stops once the page is full, checking each row against them.
    let text_at = values.len() + 1;
    let matches = format!("(SELECT rowid FROM vacancies_fts WHERE vacancies_fts MATCH ?{text_at})");
    let filters_only = conditions.clone();
    if let (Some(fts), Some(found)) = (fts, found) {
        let walk = if found > WALK_ABOVE_MATCHES { "+" } else { "" };
        values.push(Value::Text(fts));
        conditions.push(format!("{walk}v.id IN {matches}"));
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).min(10_000);
    let offset = query.offset.unwrap_or(0);
    // Open deadlines first, soonest first; then passed ones, most recent first; then none. Each
    // part walks the deadline index in its own order and stops once the page is full, so a
    // page costs the same with ten vacancies or ten thousand.
    let and = if conditions.is_empty() {
        String::new()
    } else {
        format!("{} AND", conditions.join(" AND "))
    };
    let now_at = values.len() + 1;
    // Each part must reach the page's end; a page that ends past what a count of rows can be
    // is no page at all, and is refused rather than wrapped.
    let enough = limit.checked_add(offset).ok_or_else(|| {
        Error::field(
            "offset",
            crate::error::FieldProblem::NoSuchPage { limit, offset },
            format!("no page of {limit} vacancies can start at {offset}"),
        )
    })?;
    let columns = "v.id, v.platform, v.reference, v.title, v.duty_station, v.contract_kind,
        v.grade, v.is_roster, v.status, v.deadline_utc, v.deadline_zone,
        EXISTS (SELECT 1 FROM applications a WHERE a.vacancy_id = v.id)";
    let part = |bucket: u8, condition: &str, order: &str| {
        format!(
            "SELECT * FROM (SELECT {bucket} AS bucket, {columns} FROM vacancies v
                            WHERE {and} {condition} ORDER BY {order} LIMIT {enough})"
        )
    };
    let sql = format!(
        "SELECT * FROM ({} UNION ALL {} UNION ALL {})
         ORDER BY bucket,
                  CASE WHEN bucket = 0 THEN deadline_utc END ASC,
                  CASE WHEN bucket = 1 THEN deadline_utc END DESC,
                  id DESC
         LIMIT {limit} OFFSET {offset}",
        part(
            0,
            &format!("v.deadline_utc >= ?{now_at}"),
            "v.deadline_utc ASC, v.id DESC"
        ),
        part(
            1,
            &format!("v.deadline_utc < ?{now_at}"),
            "v.deadline_utc DESC, v.id DESC"
        ),
        part(2, "v.deadline_utc IS NULL", "v.id DESC"),
    );
    // Words alone: the index already counted them.
    let count_sql = match found {
        Some(_) if filters_only.is_empty() => None,
        _ if conditions.is_empty() => Some("SELECT count(*) FROM vacancies v".to_string()),
        Some(_) => Some(format!(
            "SELECT count(*) FROM vacancies v WHERE {} AND v.id IN {matches}",
            filters_only.join(" AND ")
        )),
        None => Some(format!(
            "SELECT count(*) FROM vacancies v WHERE {}",
            conditions.join(" AND ")
        )),
    };
    store.read(|c| {
        let total: u32 = match &count_sql {
            Some(sql) => c
                .prepare_cached(sql)?
                .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?,
            None => found.unwrap_or(0),
        };
        let mut with_now = values.clone();
        with_now.push(Value::Text(now_text));
        let mut stmt = c.prepare_cached(&sql)?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(with_now.iter()), |r| {
                Ok(VacancySummary {
                    id: r.get(1)?,
                    platform: Platform::parse(&r.get::<_, String>(2)?)
                        .unwrap_or(Platform::RecruitmentHub),
                    reference: r.get(3)?,
                    title: r.get(4)?,
                    duty_station: r.get(5)?,
                    contract_kind: r
                        .get::<_, Option<String>>(6)?
                        .and_then(|k| ContractKind::parse(&k)),
                    grade: r.get(7)?,
                    is_roster: r.get(8)?,
                    status: enum_from(&r.get::<_, String>(9)?).unwrap_or(VacancyStatus::Open),
                    deadline_utc: r
                        .get::<_, Option<String>>(10)?
                        .as_deref()
                        .and_then(parse_instant),
                    deadline_zone: r.get(11)?,
                    has_application: r.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(VacancyPage { items, total })
    })
}

pub fn vacancy_facets(store: &Store) -> Result<VacancyFacets> {
    store.read(|c| {
        let distinct = |column: &str| -> Result<Vec<String>> {
            let mut stmt = c.prepare(&format!(
                "SELECT DISTINCT {column} FROM vacancies WHERE {column} IS NOT NULL
                 ORDER BY {column} COLLATE NOCASE"
            ))?;
            Ok(stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?)
        };
        Ok(VacancyFacets {
            duty_stations: distinct("duty_station")?,
            grades: distinct("grade")?,
        })
    })
}

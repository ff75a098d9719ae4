//! An application as one row: the query that joins it to its vacancy, and the mapper that reads
//! it. Kept apart so the store, the interviews and the documents can all read an application
//! without reaching into one another.

use super::{Application, Stage, platform_warning};
use crate::Result;
use crate::store::text::{self, parse_instant};
use crate::vacancy::Platform;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

pub(super) const APPLICATION_SELECT: &str =
    "SELECT a.id, a.vacancy_id, v.title, v.reference, v.platform,
    v.duty_station, v.deadline_utc, v.deadline_zone, a.platform, a.stage, a.notes, a.created_utc,
    a.updated_utc,
    (SELECT e.occurred_utc FROM application_events e WHERE e.application_id = a.id
     ORDER BY e.id DESC LIMIT 1)
    FROM applications a JOIN vacancies v ON v.id = a.vacancy_id";

pub(super) fn application_from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    let vacancy_platform =
        Platform::parse(&r.get::<_, String>(4)?).unwrap_or(Platform::RecruitmentHub);
    let platform = r
        .get::<_, Option<String>>(8)?
        .and_then(|p| Platform::parse(&p))
        .unwrap_or(vacancy_platform);
    let stage_text: String = r.get(9)?;
    let stage = Stage::parse(&stage_text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            9,
            rusqlite::types::Type::Text,
            format!("unknown application stage “{stage_text}”").into(),
        )
    })?;
    let instant = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        Ok(r.get::<_, Option<String>>(i)?
            .and_then(|t| parse_instant(&t)))
    };
    let created_utc = instant(11)?.unwrap_or_default();
    Ok(Application {
        id: r.get(0)?,
        vacancy_id: r.get(1)?,
        vacancy_title: r.get(2)?,
        vacancy_reference: r.get(3)?,
        vacancy_platform,
        duty_station: r.get(5)?,
        deadline_utc: instant(6)?,
        deadline_zone: r.get(7)?,
        platform,
        platform_warning: platform_warning(vacancy_platform, platform),
        stage,
        next_stages: stage.next_stages(),
        stage_since_utc: instant(13)?.unwrap_or(created_utc),
        notes: r.get(10)?,
        created_utc,
        updated_utc: instant(12)?.unwrap_or(created_utc),
    })
}

pub(super) fn read_application(c: &Connection, id: u32) -> Result<Application> {
    c.prepare_cached(&format!("{APPLICATION_SELECT} WHERE a.id = ?1"))?
        .query_row([id], application_from_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

pub(super) fn not_found(id: u32) -> crate::Error {
    text::not_found("Application", id)
}

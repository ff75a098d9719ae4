//! Interviews: a wall-clock time in a zone (usually the duty station's), a mode and a place.

use super::rows::{not_found, read_application};
use super::{Interview, InterviewInput, InterviewMode, MAX_NOTE_CHARS};
use crate::error::FieldProblem;
use crate::store::Store;
use crate::store::text::{
    self, date_text, instant_text, parse_date, parse_time, stored_instant, time_text,
};
use crate::time::{self, Fold};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

const MAX_PLACE_CHARS: usize = 2_000;
/// A day: longer is surely a typing mistake.
const MAX_DURATION_MINUTES: u32 = 24 * 60;

const COLUMNS: &str = "id, application_id, starts_on, starts_at, zone, starts_utc, mode,
    duration_minutes, place, note, created_utc, updated_utc";

struct Checked {
    input: InterviewInput,
    starts_utc: DateTime<Utc>,
}

/// Checks an interview against its application: INTERPOL interviews candidates who have
/// applied, so one before the submission is refused.
fn check(c: &Connection, application_id: u32, input: &InterviewInput) -> Result<Checked> {
    let application = read_application(c, application_id)?;
    if application.stage.is_before_submission() {
        return Err(Error::field(
            "interview",
            FieldProblem::InterviewNotSubmitted {
                stage: application.stage.as_str().to_string(),
            },
            format!(
                "an interview comes after the application is submitted; record “Submitted” first (it is at “{}”)",
                application.stage.label()
            ),
        ));
    }
    let zone = input.zone.trim().to_string();
    let tz = time::zone(&zone)?;
    if let Some(minutes) = input.duration_minutes
        && (minutes == 0 || minutes > MAX_DURATION_MINUTES)
    {
        return Err(Error::field(
            "duration",
            FieldProblem::InterviewDuration,
            "an interview lasts between 1 minute and 24 hours",
        ));
    }
    let place = input.place.trim().to_string();
    if place.chars().count() > MAX_PLACE_CHARS {
        return Err(Error::too_long("place", &place, MAX_PLACE_CHARS));
    }
    let note = input.note.trim().to_string();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::too_long("note", &note, MAX_NOTE_CHARS));
    }
    // The earlier instant in a fold: arriving an hour early beats missing the interview.
    let starts_utc = time::local_instant(input.date, input.time, tz, Fold::Earlier);
    let submitted: Option<String> = c
        .query_row(
            "SELECT occurred_utc FROM application_events WHERE application_id = ?1
             AND stage = 'submitted' ORDER BY id LIMIT 1",
            [application_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(submitted) = submitted {
        let submitted = stored_instant(&submitted, "timeline")?;
        if starts_utc < submitted {
            let on = time::local_date(submitted, tz);
            return Err(Error::field(
                "date",
                FieldProblem::InterviewBeforeSubmission {
                    date: date_text(input.date),
                    submitted: date_text(on),
                },
                format!(
                    "the interview is dated {}, before the application was submitted ({})",
                    time::human_day(input.date),
                    time::human_day(on)
                ),
            ));
        }
    }
    Ok(Checked {
        input: InterviewInput {
            zone,
            place,
            note,
            ..input.clone()
        },
        starts_utc,
    })
}

fn interview_from_row(r: &Row<'_>) -> Result<Interview> {
    let text = |i: usize| r.get::<_, String>(i);
    // Not the candidate's doing: the row was written by Dossier and changed since.
    let bad = |what: &str| {
        Error::Internal(format!(
            "the stored interview {what} cannot be read; the database may be damaged"
        ))
    };
    Ok(Interview {
        id: r.get(0)?,
        application_id: r.get(1)?,
        input: InterviewInput {
            date: parse_date(&text(2)?).ok_or_else(|| bad("date"))?,
            time: parse_time(&text(3)?).ok_or_else(|| bad("time"))?,
            zone: text(4)?,
            mode: InterviewMode::parse(&text(6)?).ok_or_else(|| bad("mode"))?,
            duration_minutes: r.get(7)?,
            place: text(8)?,
            note: text(9)?,
        },
        starts_utc: stored_instant(&text(5)?, "interview")?,
        created_utc: stored_instant(&text(10)?, "interview")?,
        updated_utc: stored_instant(&text(11)?, "interview")?,
    })
}

pub(super) fn read_interviews(c: &Connection, application_id: u32) -> Result<Vec<Interview>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM interviews WHERE application_id = ?1 ORDER BY starts_utc, id"
    ))?;
    let mut rows = stmt.query([application_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(interview_from_row(r)?);
    }
    Ok(out)
}

fn read_interview(c: &Connection, id: u32) -> Result<Interview> {
    let mut stmt = c.prepare_cached(&format!("SELECT {COLUMNS} FROM interviews WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(r) => interview_from_row(r),
        None => Err(text::not_found("Interview", id)),
    }
}

pub fn add_interview(
    store: &mut Store,
    application_id: u32,
    input: &InterviewInput,
    now: DateTime<Utc>,
) -> Result<Interview> {
    store.write(|tx| {
        let checked = check(tx, application_id, input)?;
        let i = &checked.input;
        tx.execute(
            "INSERT INTO interviews (application_id, starts_on, starts_at, zone, starts_utc, mode,
                duration_minutes, place, note, created_utc, updated_utc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![
                application_id,
                date_text(i.date),
                time_text(i.time),
                i.zone,
                instant_text(checked.starts_utc),
                i.mode.as_str(),
                i.duration_minutes,
                i.place,
                i.note,
                instant_text(now),
            ],
        )?;
        let id = u32::try_from(tx.last_insert_rowid())
            .map_err(|_| Error::Internal("too many interviews to count".into()))?;
        read_interview(tx, id)
    })
}

/// Changes an interview (a new time, a new link). Its reminders follow the new time.
pub fn update_interview(
    store: &mut Store,
    id: u32,
    input: &InterviewInput,
    now: DateTime<Utc>,
) -> Result<Interview> {
    store.write(|tx| {
        let application_id = read_interview(tx, id)?.application_id;
        let checked = check(tx, application_id, input)?;
        let i = &checked.input;
        tx.execute(
            "UPDATE interviews SET starts_on = ?2, starts_at = ?3, zone = ?4, starts_utc = ?5,
                mode = ?6, duration_minutes = ?7, place = ?8, note = ?9, updated_utc = ?10
             WHERE id = ?1",
            params![
                id,
                date_text(i.date),
                time_text(i.time),
                i.zone,
                instant_text(checked.starts_utc),
                i.mode.as_str(),
                i.duration_minutes,
                i.place,
                i.note,
                instant_text(now),
            ],
        )?;
        read_interview(tx, id)
    })
}

pub fn delete_interview(store: &mut Store, id: u32) -> Result<()> {
    store.write(|tx| {
        if tx.execute("DELETE FROM interviews WHERE id = ?1", [id])? == 0 {
            return Err(text::not_found("Interview", id));
        }
        Ok(())
    })
}

pub fn list_interviews(store: &Store, application_id: u32) -> Result<Vec<Interview>> {
    store.read(|c| {
        let exists: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM applications WHERE id = ?1)",
            [application_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(not_found(application_id));
        }
        read_interviews(c, application_id)
    })
}

//! Applications and their timelines in SQLite.

use super::rows::{APPLICATION_SELECT, application_from_row, not_found, read_application};
use super::{
    Application, ApplicationDetail, ApplicationEvent, ApplicationInput, ApplicationWarning,
    BoardColumn, Created, EventInput, MAX_NOTE_CHARS, Stage, documents, interviews,
};
use crate::error::FieldProblem;
use crate::store::Store;
use crate::store::text::{
    self, date_text, instant_text, parse_date, parse_time, stored_instant, time_text,
};
use crate::time::{self, Fold, local_date};
use crate::vacancy::Platform;
use crate::{Error, Result};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension, params};

fn id_from_rowid(rowid: i64) -> Result<u32> {
    u32::try_from(rowid).map_err(|_| Error::Internal("too many records to count".into()))
}

/// A step checked and resolved to an instant.
struct CleanEvent {
    stage: Stage,
    occurred: DateTime<Utc>,
    date: chrono::NaiveDate,
    time: Option<NaiveTime>,
    zone: String,
    note: String,
}

/// The zone a step is read in when the candidate gives none: the vacancy's.
fn default_zone(c: &Connection, application_or_vacancy: VacancyOf) -> Result<String> {
    let (sql, id) = match application_or_vacancy {
        VacancyOf::Vacancy(id) => (
            "SELECT coalesce(deadline_zone, duty_zone) FROM vacancies WHERE id = ?1",
            id,
        ),
        VacancyOf::Application(id) => (
            "SELECT coalesce(v.deadline_zone, v.duty_zone) FROM applications a
             JOIN vacancies v ON v.id = a.vacancy_id WHERE a.id = ?1",
            id,
        ),
    };
    let zone: Option<String> = c.query_row(sql, [id], |r| r.get(0)).optional()?.flatten();
    Ok(zone.unwrap_or_else(|| "UTC".to_string()))
}

#[derive(Clone, Copy)]
enum VacancyOf {
    Vacancy(u32),
    Application(u32),
}

fn clean_event(
    c: &Connection,
    input: &EventInput,
    of: VacancyOf,
    now: DateTime<Utc>,
) -> Result<CleanEvent> {
    let zone = match input.zone.as_deref().map(str::trim) {
        Some(z) if !z.is_empty() => z.to_string(),
        _ => default_zone(c, of)?,
    };
    let tz = time::zone(&zone)?;
    let note = input.note.trim().to_string();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::too_long("note", &note, MAX_NOTE_CHARS));
    }
    let occurred = time::local_instant(
        input.date,
        input.time.unwrap_or(NaiveTime::MIN),
        tz,
        Fold::Earlier,
    );
    if occurred > now {
        return Err(Error::field(
            "date",
            FieldProblem::StepInFuture {
                date: date_text(input.date),
            },
            format!(
                "{} is in the future; record a step once it has happened",
                time::human_day(input.date)
            ),
        ));
    }
    Ok(CleanEvent {
        stage: input.stage,
        occurred,
        date: input.date,
        time: input.time,
        zone,
        note,
    })
}

fn insert_event(
    c: &Connection,
    application_id: u32,
    e: &CleanEvent,
    now: DateTime<Utc>,
) -> Result<()> {
    c.execute(
        "INSERT INTO application_events (application_id, stage, occurred_utc, occurred_zone, note,
            created_utc, occurred_on, occurred_time)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            application_id,
            e.stage.as_str(),
            instant_text(e.occurred),
            e.zone,
            e.note,
            instant_text(now),
            date_text(e.date),
            e.time.map(time_text),
        ],
    )?;
    c.execute(
        "UPDATE applications SET stage = ?2, updated_utc = ?3 WHERE id = ?1",
        params![application_id, e.stage.as_str(), instant_text(now)],
    )?;
    Ok(())
}

/// Starts following the application for a vacancy. One application per vacancy; it starts as
/// interested, preparing or submitted. A platform other than the vacancy's, or a deadline that
/// has passed before the application was submitted, is recorded with a warning.
pub fn create_application(
    store: &mut Store,
    input: &ApplicationInput,
    now: DateTime<Utc>,
) -> Result<Created> {
    if !input.first_step.stage.can_start() {
        return Err(Error::field(
            "stage",
            FieldProblem::FirstStepNotAllowed {
                stage: input.first_step.stage.as_str().to_string(),
            },
            format!(
                "a new application starts as Interested, Preparing or Submitted; record “Submitted” first, then “{}”",
                input.first_step.stage.label()
            ),
        ));
    }
    let application = store.write(|tx| {
        let vacancy: Option<(String, String)> = tx
            .query_row(
                "SELECT title, platform FROM vacancies WHERE id = ?1",
                [input.vacancy_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (title, vacancy_platform) =
            vacancy.ok_or_else(|| text::not_found("Vacancy", input.vacancy_id))?;
        let existing: Option<u32> = tx
            .query_row(
                "SELECT id FROM applications WHERE vacancy_id = ?1",
                [input.vacancy_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(existing) = existing {
            return Err(Error::field(
                "vacancy",
                FieldProblem::ApplicationExists { existing },
                format!(
                    "there is already an application for “{title}” (application {existing}); open it instead"
                ),
            ));
        }
        let event = clean_event(
            tx,
            &input.first_step,
            VacancyOf::Vacancy(input.vacancy_id),
            now,
        )?;
        let platform = input
            .platform
            .or_else(|| Platform::parse(&vacancy_platform))
            .unwrap_or(Platform::RecruitmentHub);
        tx.execute(
            "INSERT INTO applications (vacancy_id, stage, created_utc, updated_utc, platform)
             VALUES (?1, ?2, ?3, ?3, ?4)",
            params![
                input.vacancy_id,
                event.stage.as_str(),
                instant_text(now),
                platform.as_str()
            ],
        )?;
        let id = id_from_rowid(tx.last_insert_rowid())?;
        insert_event(tx, id, &event, now)?;
        read_application(tx, id)
    })?;
    let mut warnings: Vec<ApplicationWarning> =
        application.platform_warning.iter().cloned().collect();
    if let Some(late) = late_submission_warning(&application, store)? {
        warnings.push(late);
    }
    Ok(Created {
        application,
        warnings,
    })
}

/// Warns when the application is recorded as not yet submitted although the deadline has
/// passed, or as submitted after it.
fn late_submission_warning(
    application: &Application,
    store: &Store,
) -> Result<Option<ApplicationWarning>> {
    let Some(deadline) = application.deadline_utc else {
        return Ok(None);
    };
    let zone = application.deadline_zone.clone();
    if application.stage.is_before_submission() && application.stage_since_utc > deadline {
        return Ok(Some(ApplicationWarning::DeadlinePassed {
            deadline_utc: deadline,
            zone,
        }));
    }
    let submitted_late = store.read(|c| {
        Ok(c.query_row(
            "SELECT EXISTS (SELECT 1 FROM application_events WHERE application_id = ?1
             AND stage = 'submitted' AND occurred_utc > ?2)",
            params![application.id, instant_text(deadline)],
            |r| r.get::<_, bool>(0),
        )?)
    })?;
    Ok(submitted_late.then_some(ApplicationWarning::SubmittedLate {
        deadline_utc: deadline,
        zone,
    }))
}

/// The last step recorded: its stage, instant and zone.
fn last_event(c: &Connection, application_id: u32) -> Result<Option<(u32, Stage, String, String)>> {
    Ok(c.query_row(
        "SELECT id, stage, occurred_utc, coalesce(occurred_zone, 'UTC') FROM application_events
         WHERE application_id = ?1 ORDER BY id DESC LIMIT 1",
        [application_id],
        |r| {
            Ok((
                r.get::<_, u32>(0)?,
                Stage::parse(&r.get::<_, String>(1)?),
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        },
    )
    .optional()?
    .and_then(|(id, stage, at, zone)| stage.map(|s| (id, s, at, zone))))
}

/// Moves the application to a new stage, as a step on its timeline. A move that makes no sense
/// (see [`Stage`]) or a step dated before the last one is refused with a message.
pub fn record_event(
    store: &mut Store,
    application_id: u32,
    input: &EventInput,
    now: DateTime<Utc>,
) -> Result<Application> {
    store.write(|tx| record_event_in(tx, application_id, input, now))
}

/// [`record_event`] inside a transaction the caller holds, so several steps are kept or
/// dropped together (the Dashboard's "mark them all No response").
pub(crate) fn record_event_in(
    tx: &Connection,
    application_id: u32,
    input: &EventInput,
    now: DateTime<Utc>,
) -> Result<Application> {
    {
        let current = read_application(tx, application_id)?;
        if let Some(refused) = input.stage.refused(current.stage) {
            return Err(refused);
        }
        let event = clean_event(tx, input, VacancyOf::Application(application_id), now)?;
        if let Some((_, stage, at, _)) = last_event(tx, application_id)? {
            let last_at = stored_instant(&at, "timeline")?;
            let tz = time::zone(&event.zone)?;
            // A date without a time on the same day as the last step is taken as after it.
            let same_day = event.time.is_none() && local_date(last_at, tz) == event.date;
            if event.occurred < last_at && !same_day {
                let last = local_date(last_at, tz);
                return Err(Error::field(
                    "date",
                    FieldProblem::StepBeforeLast {
                        date: date_text(event.date),
                        stage: stage.as_str().to_string(),
                        last: date_text(last),
                    },
                    format!(
                        "this step is dated {}, before the last one recorded (“{}” on {}); record steps in the order they happened",
                        time::human_day(event.date),
                        stage.label(),
                        time::human_day(last)
                    ),
                ));
            }
        }
        insert_event(tx, application_id, &event, now)?;
        read_application(tx, application_id)
    }
}

/// Removes the last step of the timeline, bringing the application back to the stage before
/// it. The first step stays: an application is never without a stage.
pub fn undo_last_event(
    store: &mut Store,
    application_id: u32,
    now: DateTime<Utc>,
) -> Result<Application> {
    store.write(|tx| {
        read_application(tx, application_id)?;
        let count: u32 = tx.query_row(
            "SELECT count(*) FROM application_events WHERE application_id = ?1",
            [application_id],
            |r| r.get(0),
        )?;
        if count < 2 {
            return Err(Error::field(
                "timeline",
                FieldProblem::FirstStepUndo,
                "the first step cannot be undone; delete the application instead",
            ));
        }
        if let Some((last_id, _, _, _)) = last_event(tx, application_id)? {
            tx.execute("DELETE FROM application_events WHERE id = ?1", [last_id])?;
        }
        let stage: String = tx.query_row(
            "SELECT stage FROM application_events WHERE application_id = ?1
             ORDER BY id DESC LIMIT 1",
            [application_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE applications SET stage = ?2, updated_utc = ?3 WHERE id = ?1",
            params![application_id, stage, instant_text(now)],
        )?;
        read_application(tx, application_id)
    })
}

pub fn set_notes(
    store: &mut Store,
    application_id: u32,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<Application> {
    if notes.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::too_long("notes", notes, MAX_NOTE_CHARS));
    }
    store.write(|tx| {
        let changed = tx.execute(
            "UPDATE applications SET notes = ?2, updated_utc = ?3 WHERE id = ?1",
            params![application_id, notes, instant_text(now)],
        )?;
        if changed == 0 {
            return Err(not_found(application_id));
        }
        read_application(tx, application_id)
    })
}

/// Deletes an application with its timeline, interviews and document links; the vacancy and
/// the documents stay.
pub fn delete_application(store: &mut Store, application_id: u32) -> Result<()> {
    store.write(|tx| {
        if tx.execute("DELETE FROM applications WHERE id = ?1", [application_id])? == 0 {
            return Err(not_found(application_id));
        }
        Ok(())
    })
}

pub(super) fn read_timeline(c: &Connection, application_id: u32) -> Result<Vec<ApplicationEvent>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, stage, occurred_utc, occurred_on, occurred_time, coalesce(occurred_zone, 'UTC'),
            note, created_utc
         FROM application_events WHERE application_id = ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query([application_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let stage_text: String = r.get(1)?;
        let Some(stage) = Stage::parse(&stage_text) else {
            return Err(Error::field(
                "timeline",
                crate::error::FieldProblem::StoredDamaged {
                    detail: stage_text.clone(),
                },
                format!("a step has an unknown stage “{stage_text}”; the database may be damaged"),
            ));
        };
        let occurred_utc = stored_instant(&r.get::<_, String>(2)?, "timeline")?;
        let zone: String = r.get(5)?;
        let occurred_on = r
            .get::<_, Option<String>>(3)?
            .and_then(|d| parse_date(&d))
            .unwrap_or_else(|| {
                let tz = zone.parse::<Tz>().unwrap_or(Tz::UTC);
                local_date(occurred_utc, tz)
            });
        out.push(ApplicationEvent {
            id: r.get(0)?,
            stage,
            occurred_utc,
            occurred_on,
            occurred_time: r.get::<_, Option<String>>(4)?.and_then(|t| parse_time(&t)),
            zone,
            note: r.get(6)?,
            created_utc: stored_instant(&r.get::<_, String>(7)?, "timeline")?,
        });
    }
    Ok(out)
}

pub fn timeline(store: &Store, application_id: u32) -> Result<Vec<ApplicationEvent>> {
    store.read(|c| {
        read_application(c, application_id)?;
        read_timeline(c, application_id)
    })
}

pub fn get_application(store: &Store, application_id: u32) -> Result<ApplicationDetail> {
    store.read(|c| {
        let application = read_application(c, application_id)?;
        let (documents_sent, saved_copy) = documents::read_attached(c, application_id)?;
        Ok(ApplicationDetail {
            application,
            timeline: read_timeline(c, application_id)?,
            interviews: interviews::read_interviews(c, application_id)?,
            documents_sent,
            saved_copy,
        })
    })
}

pub fn application_for_vacancy(store: &Store, vacancy_id: u32) -> Result<Option<Application>> {
    store.read(|c| {
        Ok(
            c.prepare_cached(&format!("{APPLICATION_SELECT} WHERE a.vacancy_id = ?1"))?
                .query_row([vacancy_id], application_from_row)
                .optional()?,
        )
    })
}

/// Every application, most recently changed first.
pub fn list_applications(store: &Store) -> Result<Vec<Application>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "{APPLICATION_SELECT} ORDER BY a.updated_utc DESC, a.id DESC"
        ))?;
        let rows = stmt.query_map([], application_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

/// The board: one column per stage, in process order, each with its applications (most
/// recently changed first). Empty columns are included so the board keeps its shape.
pub fn board(store: &Store) -> Result<Vec<BoardColumn>> {
    let all = list_applications(store)?;
    Ok(Stage::ALL
        .into_iter()
        .map(|stage| BoardColumn {
            stage,
            label: stage.label().to_string(),
            applications: all.iter().filter(|a| a.stage == stage).cloned().collect(),
        })
        .collect())
}

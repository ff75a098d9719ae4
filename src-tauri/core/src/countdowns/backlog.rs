//! Moments so long past that listing them one by one buries what needs the candidate now: a
//! long history's Dashboard filled with "1622 d ago". They are counted by kind instead, each
//! count with one action that settles them all in one transaction.
//!
//! What is long past, and why:
//! - **Unanswered**: an application still at "submitted" whose submission is more than
//!   [`UNANSWERED_AFTER_MONTHS`] months old. INTERPOL's silence rule made it unsuccessful six
//!   months after; a year on, the answer is not coming. Settled by recording "no response",
//!   dated the day silence was reached, as the single Dashboard button does.
//! - **Missed deadline**: an open vacancy whose deadline passed more than
//!   [`MISSED_DEADLINE_AFTER_DAYS`] days ago with no application submitted. The candidate can no
//!   longer apply; settled by closing the vacancy.

use super::{CountdownKind, Subject, Target, targets, thresholds, user_zone};
use crate::Result;
use crate::applications::{EventInput, Stage, record_event_in};
use crate::store::Store;
use crate::store::text::instant_text;
use crate::time::local_date;
use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};

/// A submission older than this, still unanswered, is history.
pub const UNANSWERED_AFTER_MONTHS: u32 = 12;
/// A deadline passed longer ago than this, never applied to, is history.
pub const MISSED_DEADLINE_AFTER_DAYS: i64 = 30;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum BacklogKind {
    Unanswered,
    MissedDeadline,
}

/// How many long-past moments of one kind the Dashboard summarises in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BacklogGroup {
    pub kind: BacklogKind,
    pub count: u32,
}

/// Which summary a moment belongs to at `now`, if it is long past.
pub(crate) fn long_past(t: &Target, now: DateTime<Utc>) -> Option<BacklogKind> {
    match &t.subject {
        Subject::Silence {
            submitted_on,
            stage: Stage::Submitted,
        } => {
            let year_on = submitted_on.checked_add_months(Months::new(UNANSWERED_AFTER_MONTHS))?;
            (local_date(now, t.tz) > year_on).then_some(BacklogKind::Unanswered)
        }
        Subject::Deadline if t.kind == CountdownKind::Deadline => (now - t.at
            > Duration::days(MISSED_DEADLINE_AFTER_DAYS))
        .then_some(BacklogKind::MissedDeadline),
        _ => None,
    }
}

fn grouped(store: &Store, now: DateTime<Utc>, zone: &str) -> Result<Vec<(BacklogKind, Target)>> {
    let tz = user_zone(zone)?;
    Ok(store
        .read(|c| targets(c, tz))?
        .into_iter()
        .filter_map(|t| long_past(&t, now).map(|k| (k, t)))
        .collect())
}

/// The Dashboard's summaries, one per kind with at least one moment, in [`BacklogKind`] order.
pub fn backlog(store: &Store, now: DateTime<Utc>, zone: &str) -> Result<Vec<BacklogGroup>> {
    let mut groups: Vec<BacklogGroup> = Vec::new();
    let mut all = grouped(store, now, zone)?;
    all.sort_by_key(|(k, _)| *k);
    for (kind, _) in all {
        match groups.last_mut() {
            Some(g) if g.kind == kind => g.count += 1,
            _ => groups.push(BacklogGroup { kind, count: 1 }),
        }
    }
    Ok(groups)
}

/// Settles every long-past moment of `kind` in one transaction: all of them or none. `note`
/// goes on each "no response" step (the window words it in the candidate's language).
/// Returns how many were settled.
pub fn settle_backlog(
    store: &mut Store,
    kind: BacklogKind,
    note: &str,
    now: DateTime<Utc>,
    zone: &str,
) -> Result<u32> {
    let due: Vec<Target> = grouped(store, now, zone)?
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect();
    let now_text = instant_text(now);
    store.write(|tx| {
        for t in &due {
            match (&t.subject, t.application_id, t.vacancy_id) {
                (Subject::Silence { submitted_on, .. }, Some(app), _) => {
                    let input = EventInput {
                        stage: Stage::NoResponse,
                        date: thresholds::silence_date(*submitted_on),
                        time: None,
                        zone: Some(t.tz.name().to_string()),
                        note: note.to_string(),
                    };
                    record_event_in(tx, app, &input, now)?;
                }
                (Subject::Deadline, _, Some(vacancy)) => {
                    tx.execute(
                        "UPDATE vacancies SET status = 'closed', updated_utc = ?2 WHERE id = ?1",
                        rusqlite::params![vacancy, now_text],
                    )?;
                }
                _ => {}
            }
        }
        Ok(due.len() as u32)
    })
}

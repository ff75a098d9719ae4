//! Countdowns, computed from the one clock and what the candidate has recorded: deadlines,
//! the 6 months of silence after a submission, a criminal record certificate's 3 months, a
//! roster place's 3 years, and interviews. The Dashboard lists them most urgent first; the
//! reminders and the calendar export read the same moments.
//!
//! Which moments count, and why:
//! - **Deadline**: an open vacancy with a deadline whose application is not yet submitted
//!   (or not started). Once passed it stays listed, flagged overdue, until the application is
//!   submitted or the vacancy closed or archived: the candidate decides what it means.
//! - **Silence**: an application at "submitted" (or "no response"), counted from its last
//!   "submitted" step's date in that step's zone (see [`thresholds`] for the arithmetic). Listed
//!   while the application is still at "submitted", overdue once reached: "no response" is
//!   proposed then.
//! - **Certificate**: each current (not replaced) criminal record certificate with an issue
//!   date, stale from the day after its last valid day, in the candidate's own zone.
//! - **Roster**: an application at "rostered", from its last "rostered" step's date.
//! - **Interview**: each interview of an application still open (not accepted, declined,
//!   unsuccessful or withdrawn).

pub mod backlog;
pub mod thresholds;

use crate::applications::{InterviewMode, Stage};
use crate::store::Store;
use crate::store::text::{parse_date, stored_instant};
use crate::time::{self, local_date, local_time};
use crate::vacancy::Deadline;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum CountdownKind {
    Deadline,
    Silence,
    CertificateStale,
    RosterExpiry,
    Interview,
}

/// One moment the candidate is counting down to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UpcomingItem {
    pub kind: CountdownKind,
    /// What the moment is about, "Criminal Intelligence Officer (1503)": the window words the
    /// title and what happens then from `kind`, this and the dates, in the candidate's language.
    pub subject: String,
    pub due_utc: DateTime<Utc>,
    /// The IANA zone the moment belongs to (the duty station's, or the candidate's).
    pub zone: String,
    /// The wall-clock time of the moment in `zone`.
    pub due_local: NaiveDateTime,
    /// A threshold reached on a day (silence, certificate, roster) rather than at a time.
    pub all_day: bool,
    /// Already past, and still waiting for the candidate to act.
    pub overdue: bool,
    pub vacancy_id: Option<u32>,
    pub application_id: Option<u32>,
    pub document_id: Option<u32>,
    pub interview_id: Option<u32>,
}

/// What a moment is about, with what its texts need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    Deadline,
    Silence {
        submitted_on: NaiveDate,
        stage: Stage,
    },
    Certificate {
        issued_on: NaiveDate,
        country: Option<String>,
    },
    Roster {
        rostered_on: NaiveDate,
    },
    Interview {
        mode: InterviewMode,
        place: String,
        duration_minutes: Option<u32>,
    },
}

/// A moment counted down to, as the dashboard, the reminders and the calendar read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub kind: CountdownKind,
    pub subject: Subject,
    pub at: DateTime<Utc>,
    pub tz: Tz,
    pub all_day: bool,
    /// When the data that defines this moment was recorded: reminders due before then are
    /// history, not news.
    pub recorded_utc: DateTime<Utc>,
    /// The vacancy's title, or the document's.
    pub name: String,
    pub reference: Option<String>,
    pub vacancy_id: Option<u32>,
    pub application_id: Option<u32>,
    pub document_id: Option<u32>,
    pub interview_id: Option<u32>,
}

impl Target {
    /// A stable identity for this moment's subject: reminders about it share it.
    pub fn subject_key(&self) -> String {
        let id = |o: Option<u32>| o.unwrap_or(0);
        match self.kind {
            CountdownKind::Deadline => format!("deadline:{}", id(self.vacancy_id)),
            CountdownKind::Silence => format!("silence:{}", id(self.application_id)),
            CountdownKind::CertificateStale => format!("certificate:{}", id(self.document_id)),
            CountdownKind::RosterExpiry => format!("roster:{}", id(self.application_id)),
            CountdownKind::Interview => format!("interview:{}", id(self.interview_id)),
        }
    }

    /// "Criminal Intelligence Officer (1503)"
    pub fn named(&self) -> String {
        match &self.reference {
            Some(r) if !r.is_empty() => format!("{} ({r})", self.name),
            _ => self.name.clone(),
        }
    }

    pub fn local(&self) -> NaiveDateTime {
        local_time(self.at, self.tz)
    }

    pub fn local_date(&self) -> NaiveDate {
        local_date(self.at, self.tz)
    }

    /// Whether the dashboard shows it at `now`: future moments, and past ones still waiting
    /// for the candidate. Silence is not shown once the application is at "no response".
    fn on_dashboard(&self, now: DateTime<Utc>) -> bool {
        match &self.subject {
            Subject::Deadline => true,
            Subject::Silence { stage, .. } => *stage == Stage::Submitted,
            _ => self.at > now,
        }
    }
}

fn zone_or_utc(name: Option<&str>) -> Tz {
    name.and_then(|z| z.parse::<Tz>().ok()).unwrap_or(Tz::UTC)
}

fn stored(text: &str) -> Result<DateTime<Utc>> {
    stored_instant(text, "countdown")
}

/// Every moment the candidate's data defines, past or future, in no particular order.
pub(crate) fn targets(c: &Connection, user_zone: Tz) -> Result<Vec<Target>> {
    let mut out = Vec::new();
    deadlines(c, &mut out)?;
    stage_thresholds(c, &mut out)?;
    certificates(c, user_zone, &mut out)?;
    interviews(c, &mut out)?;
    Ok(out)
}

fn deadlines(c: &Connection, out: &mut Vec<Target>) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT v.id, v.title, v.reference, v.deadline_utc, v.deadline_zone, v.created_utc,
            a.id, a.stage
         FROM vacancies v LEFT JOIN applications a ON a.vacancy_id = v.id
         WHERE v.status = 'open' AND v.deadline_utc IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let stage: Option<String> = r.get(7)?;
        if stage
            .as_deref()
            .and_then(Stage::parse)
            .is_some_and(|s| !s.is_before_submission())
        {
            continue;
        }
        out.push(Target {
            kind: CountdownKind::Deadline,
            subject: Subject::Deadline,
            at: stored(&r.get::<_, String>(3)?)?,
            tz: zone_or_utc(r.get::<_, Option<String>>(4)?.as_deref()),
            all_day: false,
            recorded_utc: stored(&r.get::<_, String>(5)?)?,
            name: r.get(1)?,
            reference: Some(r.get(2)?),
            vacancy_id: Some(r.get(0)?),
            application_id: r.get(6)?,
            document_id: None,
            interview_id: None,
        });
    }
    Ok(())
}

/// Silence (from the last "submitted" step) and roster expiry (from the last "rostered" step).
fn stage_thresholds(c: &Connection, out: &mut Vec<Target>) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT a.id, a.stage, v.id, v.title, v.reference, e.occurred_on, e.occurred_utc,
            coalesce(e.occurred_zone, 'UTC'), e.created_utc
         FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
         JOIN application_events e ON e.id = (
            SELECT max(x.id) FROM application_events x WHERE x.application_id = a.id
            AND x.stage = CASE a.stage WHEN 'rostered' THEN 'rostered' ELSE 'submitted' END)
         WHERE a.stage IN ('submitted', 'no_response', 'rostered')",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(stage) = Stage::parse(&r.get::<_, String>(1)?) else {
            continue;
        };
        let tz = zone_or_utc(Some(&r.get::<_, String>(7)?));
        let occurred = stored(&r.get::<_, String>(6)?)?;
        let on = r
            .get::<_, Option<String>>(5)?
            .and_then(|d| parse_date(&d))
            .unwrap_or_else(|| local_date(occurred, tz));
        let (kind, subject, at) = if stage == Stage::Rostered {
            (
                CountdownKind::RosterExpiry,
                Subject::Roster { rostered_on: on },
                thresholds::roster_expiry(on, tz),
            )
        } else {
            (
                CountdownKind::Silence,
                Subject::Silence {
                    submitted_on: on,
                    stage,
                },
                thresholds::silence_threshold(on, tz),
            )
        };
        out.push(Target {
            kind,
            subject,
            at,
            tz,
            all_day: true,
            recorded_utc: stored(&r.get::<_, String>(8)?)?,
            name: r.get(3)?,
            reference: Some(r.get(4)?),
            vacancy_id: Some(r.get(2)?),
            application_id: Some(r.get(0)?),
            document_id: None,
            interview_id: None,
        });
    }
    Ok(())
}

fn certificates(c: &Connection, user_zone: Tz, out: &mut Vec<Target>) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT d.id, d.title, d.issued_on, d.issuing_country, d.created_utc FROM documents d
         WHERE d.kind = 'criminal_record' AND d.issued_on IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes_id = d.id)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(issued_on) = parse_date(&r.get::<_, String>(2)?) else {
            continue;
        };
        out.push(Target {
            kind: CountdownKind::CertificateStale,
            subject: Subject::Certificate {
                issued_on,
                country: r.get(3)?,
            },
            at: thresholds::certificate_stale_at(issued_on, user_zone),
            tz: user_zone,
            all_day: true,
            recorded_utc: stored(&r.get::<_, String>(4)?)?,
            name: r.get(1)?,
            reference: None,
            vacancy_id: None,
            application_id: None,
            document_id: Some(r.get(0)?),
            interview_id: None,
        });
    }
    Ok(())
}

fn interviews(c: &Connection, out: &mut Vec<Target>) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT i.id, i.starts_utc, i.zone, i.mode, i.place, i.updated_utc, a.id, a.stage, v.id,
            v.title, v.reference, i.duration_minutes
         FROM interviews i JOIN applications a ON a.id = i.application_id
         JOIN vacancies v ON v.id = a.vacancy_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if Stage::parse(&r.get::<_, String>(7)?).is_none_or(|s| s.is_closed()) {
            continue;
        }
        let mode =
            InterviewMode::parse(&r.get::<_, String>(3)?).unwrap_or(InterviewMode::VideoConference);
        out.push(Target {
            kind: CountdownKind::Interview,
            subject: Subject::Interview {
                mode,
                place: r.get(4)?,
                duration_minutes: r.get(11)?,
            },
            at: stored(&r.get::<_, String>(1)?)?,
            tz: zone_or_utc(Some(&r.get::<_, String>(2)?)),
            all_day: false,
            recorded_utc: stored(&r.get::<_, String>(5)?)?,
            name: r.get(9)?,
            reference: Some(r.get(10)?),
            vacancy_id: Some(r.get(8)?),
            application_id: Some(r.get(6)?),
            document_id: None,
            interview_id: Some(r.get(0)?),
        });
    }
    Ok(())
}

pub(crate) fn upcoming_item(t: &Target, now: DateTime<Utc>) -> UpcomingItem {
    UpcomingItem {
        kind: t.kind,
        subject: t.named(),
        due_utc: t.at,
        zone: t.tz.name().to_string(),
        due_local: t.local(),
        all_day: t.all_day,
        overdue: t.at <= now,
        vacancy_id: t.vacancy_id,
        application_id: t.application_id,
        document_id: t.document_id,
        interview_id: t.interview_id,
    }
}

/// What comes next, most urgent first: every future moment, and the past ones still waiting
/// for the candidate (a deadline not yet acted on, silence reached on a submitted
/// application), which come first; those long past are counted by [`backlog::backlog`]
/// instead. `user_zone` is the candidate's IANA zone. With `limit`, only
/// the most urgent few: the Dashboard shows ten of a long history's thousand, and wording the
/// rest would only delay its first paint.
pub fn upcoming(
    store: &Store,
    now: DateTime<Utc>,
    user_zone: &str,
    limit: Option<usize>,
) -> Result<Vec<UpcomingItem>> {
    let tz = self::user_zone(user_zone)?;
    let mut due: Vec<Target> = store
        .read(|c| targets(c, tz))?
        .into_iter()
        .filter(|t| t.on_dashboard(now) && backlog::long_past(t, now).is_none())
        .collect();
    due.sort_by(|a, b| a.at.cmp(&b.at).then(a.kind.cmp(&b.kind)));
    due.truncate(limit.unwrap_or(usize::MAX));
    Ok(due.iter().map(|t| upcoming_item(t, now)).collect())
}

/// The flag for a deadline that is already past when it is saved: it is kept (the candidate
/// may be recording history), with this message.
pub fn past_deadline_warning(deadline: &Deadline, now: DateTime<Utc>) -> Result<Option<String>> {
    let at = deadline.instant()?;
    let tz = time::zone(&deadline.zone)?;
    Ok((at <= now).then(|| {
        format!(
            "This deadline ({}, {} time) has already passed.",
            time::human_moment(local_time(at, tz)),
            tz.name()
        )
    }))
}

/// Shared by the texts: an error for a zone that cannot be read.
pub(crate) fn user_zone(name: &str) -> Result<Tz> {
    time::zone(name).map_err(|_| {
        Error::field(
            "time zone", crate::error::FieldProblem::UnknownTimeZone { zone: name.to_string() },
            format!("“{name}” is not a known time zone; Dossier needs the computer's zone (such as Europe/Paris)"),
        )
    })
}

//! Reminders: when each countdown deserves a native notification, which are due, and the one
//! delivery that marks them fired.
//!
//! The shell arms ONE timer for [`next_due`], and when it rings (and at start) calls
//! [`take_due`], which in one transaction records every due reminder in `fired_reminders` and
//! returns what to show. So a reminder is never shown early (only once due), never twice (its
//! key is recorded before it is returned, and survives a restart), and never lost (a reminder
//! missed while Dossier was closed is still due at the next start).
//!
//! When reminders come (see [`crate::time`] for the arithmetic):
//! - deadline: 7 days, 3 days and 1 day before (same wall-clock time, in the deadline's zone),
//!   and 3 hours before;
//! - silence: at 09:00 on the day 6 months after the submission, in the submission's zone;
//! - certificate: at 09:00, 14 days before the day it goes stale, in the candidate's zone;
//! - roster: at 09:00, 90 and 30 days before the day the place expires;
//! - interview: 1 day before (same wall-clock time) and 1 hour before.
//!
//! Day-level thresholds have their reminders in the morning rather than at midnight, when the
//! threshold itself falls.
//!
//! Each reminder's key names its subject, its lead and the moment it counts to (such as
//! `deadline:12:7d:2026-11-23T22:59:00Z`), so a deadline moved later is reminded again.
//!
//! Rules that keep the notifications few and true:
//! - A reminder due before its subject was recorded (a vacancy saved 2 days before its
//!   deadline has no "7 days before") is history, not news: it is never shown.
//! - A kind turned off in the settings is not shown; its due reminders are still recorded as
//!   fired, so turning it back on does not replay old news.
//! - Several due reminders about one subject make one notification, phrased from now ("closes
//!   in 2 days", or "closed" once past).
//! - Three or more subjects due at once (usually after Dossier was closed a while) make ONE
//!   summary notification listing them.
//! - During quiet hours nothing is shown; reminders due then wait until the quiet hours end.

mod settings;
mod text;

pub use settings::{QuietHours, ReminderSettings, load_reminder_settings, save_reminder_settings};

use crate::Result;
use crate::applications::{self, Application, EventInput, Stage};
use crate::countdowns::{CountdownKind, Subject, Target, targets, user_zone};
use crate::display_language::DisplayLanguage;
use crate::store::Store;
use crate::store::text::instant_text;
use crate::time::{self, Fold, local_time};
use crate::words::Wording;
use chrono::{DateTime, Days, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

/// From this many subjects due at once, one summary replaces the single notifications.
pub const SUMMARY_FROM: usize = 3;

/// The wall-clock time day-level reminders come at.
const MORNING: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};

/// How long before its moment a reminder comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// Calendar days before, at the same wall-clock time.
    Days(u32),
    Hours(u32),
    /// At [`MORNING`], this many days before the threshold's day (0: on the day).
    MorningDaysBefore(u32),
}

impl Lead {
    fn label(self) -> String {
        match self {
            Lead::Days(n) => format!("{n}d"),
            Lead::Hours(n) => format!("{n}h"),
            Lead::MorningDaysBefore(0) => "at".to_string(),
            Lead::MorningDaysBefore(n) => format!("{n}d"),
        }
    }
}

fn leads(kind: CountdownKind) -> &'static [Lead] {
    match kind {
        CountdownKind::Deadline => &[Lead::Days(7), Lead::Days(3), Lead::Days(1), Lead::Hours(3)],
        CountdownKind::Silence => &[Lead::MorningDaysBefore(0)],
        CountdownKind::CertificateStale => &[Lead::MorningDaysBefore(14)],
        CountdownKind::RosterExpiry => &[Lead::MorningDaysBefore(90), Lead::MorningDaysBefore(30)],
        CountdownKind::Interview => &[Lead::Days(1), Lead::Hours(1)],
    }
}

fn enabled(settings: &ReminderSettings, kind: CountdownKind) -> bool {
    match kind {
        CountdownKind::Deadline => settings.deadlines,
        CountdownKind::Silence => settings.silence,
        CountdownKind::CertificateStale => settings.certificates,
        CountdownKind::RosterExpiry => settings.rosters,
        CountdownKind::Interview => settings.interviews,
    }
}

fn due_at(t: &Target, lead: Lead) -> DateTime<Utc> {
    match lead {
        Lead::Days(n) => time::days_before(t.at, t.tz, n),
        Lead::Hours(n) => {
            t.at.checked_sub_signed(chrono::Duration::hours(i64::from(n)))
                .unwrap_or(t.at)
        }
        Lead::MorningDaysBefore(n) => {
            let day = t.local_date();
            let day = day.checked_sub_days(Days::new(u64::from(n))).unwrap_or(day);
            time::local_instant(day, MORNING, t.tz, Fold::Earlier)
        }
    }
}

/// One reminder: which moment it is about and when it is due.
#[derive(Debug, Clone)]
struct Planned {
    key: String,
    due: DateTime<Utc>,
    target: Target,
}

/// Every reminder the data defines that can still be shown: not history at birth (due before
/// its subject was recorded). Fired ones included.
fn plan(c: &Connection, user_tz: Tz) -> Result<Vec<Planned>> {
    let mut out = Vec::new();
    for target in targets(c, user_tz)? {
        for &lead in leads(target.kind) {
            let due = due_at(&target, lead);
            if due < target.recorded_utc {
                continue;
            }
            out.push(Planned {
                key: format!(
                    "{}:{}:{}",
                    target.subject_key(),
                    lead.label(),
                    instant_text(target.at)
                ),
                due,
                target: target.clone(),
            });
        }
    }
    Ok(out)
}

fn is_fired(c: &Connection, key: &str) -> Result<bool> {
    Ok(
        c.prepare_cached("SELECT EXISTS (SELECT 1 FROM fired_reminders WHERE reminder_key = ?1)")?
            .query_row([key], |r| r.get(0))?,
    )
}

/// Whether `at` falls in the quiet hours, on the candidate's clock.
fn is_quiet(settings: &ReminderSettings, at: DateTime<Utc>, user_tz: Tz) -> bool {
    settings
        .quiet_hours
        .is_some_and(|q| q.contains(local_time(at, user_tz).time()))
}

/// `at`, or the end of the quiet hours it falls in: always strictly later than `at` when
/// deferred, so a timer armed for it never rings into the same quiet period again.
fn deferred(settings: &ReminderSettings, at: DateTime<Utc>, user_tz: Tz) -> DateTime<Utc> {
    let Some(q) = settings
        .quiet_hours
        .filter(|_| is_quiet(settings, at, user_tz))
    else {
        return at;
    };
    let local = local_time(at, user_tz);
    let day = if local.time() < q.end {
        local.date()
    } else {
        local.date().succ_opt().unwrap_or(local.date())
    };
    [Fold::Earlier, Fold::Later]
        .into_iter()
        .map(|fold| time::local_instant(day, q.end, user_tz, fold))
        .find(|end| *end > at)
        .or_else(|| at.checked_add_signed(chrono::Duration::hours(1)))
        .unwrap_or(at)
}

/// When the reminders about `target` will show, soonest first, as the settings have them:
/// none for a kind turned off, none already past or history at birth, each held to the end
/// of the quiet hours. The calendar export writes them as the event's alarms, so an imported
/// calendar rings when Dossier would.
pub(crate) fn alarm_times(
    target: &Target,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
    user_tz: Tz,
) -> Vec<DateTime<Utc>> {
    if !enabled(settings, target.kind) {
        return Vec::new();
    }
    let mut out: Vec<DateTime<Utc>> = leads(target.kind)
        .iter()
        .map(|&lead| due_at(target, lead))
        .filter(|due| *due >= target.recorded_utc && *due > now)
        .map(|due| deferred(settings, due, user_tz))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A reminder about to be armed: what it is about and when it will show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledReminder {
    pub key: String,
    pub kind: CountdownKind,
    /// When it will show (after any quiet hours).
    pub shows_utc: DateTime<Utc>,
    /// The moment it counts down to.
    pub target_utc: DateTime<Utc>,
    pub title: String,
}

/// Every reminder not yet fired and turned on, soonest first, with when it will show.
pub fn scheduled(
    store: &Store,
    now: DateTime<Utc>,
    settings: &ReminderSettings,
    user_zone_name: &str,
) -> Result<Vec<ScheduledReminder>> {
    let tz = user_zone(user_zone_name)?;
    let mut out = store.read(|c| {
        let mut out = Vec::new();
        for p in plan(c, tz)? {
            if enabled(settings, p.target.kind) && !is_fired(c, &p.key)? {
                out.push(ScheduledReminder {
                    shows_utc: deferred(settings, p.due.max(now), tz),
                    kind: p.target.kind,
                    target_utc: p.target.at,
                    // The schedule is for tests and logs, not the candidate: English.
                    title: text::single(&p.target, p.due.max(now), tz, DisplayLanguage::En.into())
                        .title,
                    key: p.key,
                });
            }
        }
        Ok(out)
    })?;
    out.sort_by(|a, b| a.shows_utc.cmp(&b.shows_utc).then(a.key.cmp(&b.key)));
    Ok(out)
}

/// The next reminder waiting, worded for the candidate (the tray's menu shows it): when it shows
/// and its title in `wording` (a language, or a language with the candidate's date styles).
pub fn next_reminder(
    store: &Store,
    now: DateTime<Utc>,
    settings: &ReminderSettings,
    user_zone_name: &str,
    wording: impl Into<Wording>,
) -> Result<Option<(DateTime<Utc>, String)>> {
    let wording = wording.into();
    let tz = user_zone(user_zone_name)?;
    store.read(|c| {
        let mut next: Option<(DateTime<Utc>, String, Planned)> = None;
        for p in plan(c, tz)? {
            if enabled(settings, p.target.kind) && !is_fired(c, &p.key)? {
                let shows = deferred(settings, p.due.max(now), tz);
                let earlier = next
                    .as_ref()
                    .is_none_or(|(at, key, _)| (shows, &p.key) < (*at, key));
                if earlier {
                    next = Some((shows, p.key.clone(), p));
                }
            }
        }
        Ok(next.map(|(shows, _, p)| {
            let title = text::single(&p.target, p.due.max(now), tz, wording).title;
            (shows, title)
        }))
    })
}

/// When the shell's one timer should ring next: the earliest moment a reminder will show, or
/// `None` when nothing is waiting. A reminder already due gives `now` (or the end of the quiet
/// hours), so a start after a long absence delivers at once.
pub fn next_due(
    store: &Store,
    now: DateTime<Utc>,
    settings: &ReminderSettings,
    user_zone_name: &str,
) -> Result<Option<DateTime<Utc>>> {
    Ok(scheduled(store, now, settings, user_zone_name)?
        .first()
        .map(|s| s.shows_utc))
}

/// Where clicking a notification leads. Read back by the process a hand-over starts, which
/// takes over the notifications already shown (the shell's `handover.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NotificationTarget {
    pub kind: CountdownKind,
    pub vacancy_id: Option<u32>,
    pub application_id: Option<u32>,
    pub document_id: Option<u32>,
    pub interview_id: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub title: String,
    pub body: String,
    /// `None` for a summary, which opens the Dashboard.
    pub target: Option<NotificationTarget>,
    /// The reminders this notification stands for: given back with [`release`] when it could
    /// not be shown, so they come again instead of being lost.
    pub reminder_keys: Vec<String>,
}

/// What to show now: single notifications, or one summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub notifications: Vec<Notification>,
    /// True when `notifications` is one summary of several reminders.
    pub summary: bool,
    /// The keys recorded as fired by this delivery (shown, merged or turned off).
    pub fired: Vec<String>,
}

/// Takes every reminder due at `now` and not yet fired: records them all as fired, in one
/// transaction, and returns what to show, worded in `wording`: the candidate's language and
/// their date and hour styles (a bare language words dates in its own styles). During quiet
/// hours it takes nothing.
pub fn take_due(
    store: &mut Store,
    now: DateTime<Utc>,
    settings: &ReminderSettings,
    user_zone_name: &str,
    wording: impl Into<Wording>,
) -> Result<Delivery> {
    let wording = wording.into();
    let tz = user_zone(user_zone_name)?;
    if is_quiet(settings, now, tz) {
        return Ok(Delivery::default());
    }
    let (shown, fired) = store.write(|tx| {
        let mut shown: Vec<Planned> = Vec::new();
        let mut fired = Vec::new();
        for p in plan(tx, tz)? {
            if p.due > now || is_fired(tx, &p.key)? {
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO fired_reminders (reminder_key, fired_utc) VALUES (?1, ?2)",
            )?
            .execute(params![p.key, instant_text(now)])?;
            fired.push(p.key.clone());
            if enabled(settings, p.target.kind) {
                shown.push(p);
            }
        }
        Ok((shown, fired))
    })?;

    // One notification per subject, about its moment as it stands now.
    let mut subjects: Vec<Target> = Vec::new();
    for p in &shown {
        if !subjects
            .iter()
            .any(|t| t.subject_key() == p.target.subject_key())
        {
            subjects.push(p.target.clone());
        }
    }
    subjects.sort_by(|a, b| a.at.cmp(&b.at).then(a.subject_key().cmp(&b.subject_key())));
    let singles: Vec<Notification> = subjects
        .iter()
        .map(|t| {
            let mut single = text::single(t, now, tz, wording);
            single.reminder_keys = shown
                .iter()
                .filter(|p| p.target.subject_key() == t.subject_key())
                .map(|p| p.key.clone())
                .collect();
            single
        })
        .collect();
    let summary = singles.len() >= SUMMARY_FROM;
    let notifications = if summary {
        vec![text::summary(&subjects, &singles, tz, wording)]
    } else {
        singles
    };
    Ok(Delivery {
        notifications,
        summary,
        fired,
    })
}

/// Gives back reminders taken by [`take_due`] whose notification could not be shown (no
/// notification service at that moment): they are due again at the next pass. Keys not
/// recorded are ignored.
pub fn release(store: &mut Store, keys: &[String]) -> Result<()> {
    if keys.is_empty() {
        return Ok(());
    }
    store.write(|tx| {
        let mut delete =
            tx.prepare_cached("DELETE FROM fired_reminders WHERE reminder_key = ?1")?;
        for key in keys {
            delete.execute([key])?;
        }
        Ok(())
    })
}

/// When the candidate has opted in (Settings), marks every application still at "submitted"
/// 6 months after its submission as "no response", dated the day silence was reached. Returns
/// the applications changed; nothing when not opted in.
pub fn apply_no_response(
    store: &mut Store,
    now: DateTime<Utc>,
    settings: &ReminderSettings,
) -> Result<Vec<Application>> {
    if !settings.auto_no_response {
        return Ok(Vec::new());
    }
    let reached: Vec<(u32, Target)> = store.read(|c| {
        Ok(targets(c, Tz::UTC)?
            .into_iter()
            .filter(|t| {
                matches!(
                    t.subject,
                    Subject::Silence {
                        stage: Stage::Submitted,
                        ..
                    }
                ) && t.at <= now
            })
            .filter_map(|t| Some((t.application_id?, t)))
            .collect())
    })?;
    let mut changed = Vec::new();
    for (id, target) in reached {
        let step = EventInput {
            stage: Stage::NoResponse,
            date: target.local_date(),
            time: None,
            zone: Some(target.tz.name().to_string()),
            note: "No answer 6 months after submission; marked automatically, as set in Settings."
                .to_string(),
        };
        changed.push(applications::record_event(store, id, &step, now)?);
    }
    Ok(changed)
}

//! The candidate's reminder settings, kept as one JSON value in the settings table.

use crate::store::Store;
use crate::{Error, Result};
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// Which reminders come, when they may come, and whether silence is acted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// 7 days, 3 days, 1 day and 3 hours before a deadline.
    pub deadlines: bool,
    /// When 6 months have passed since a submission without an answer.
    pub silence: bool,
    /// 14 days before a criminal record certificate is more than 3 months old.
    pub certificates: bool,
    /// 90 and 30 days before a roster place expires.
    pub rosters: bool,
    /// 1 day and 1 hour before an interview.
    pub interviews: bool,
    /// While these hours last on the candidate's clock, reminders wait until they end.
    pub quiet_hours: Option<QuietHours>,
    /// Mark an application "no response" by itself once 6 months have passed in silence.
    pub auto_no_response: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            deadlines: true,
            silence: true,
            certificates: true,
            rosters: true,
            interviews: true,
            quiet_hours: None,
            auto_no_response: false,
        }
    }
}

/// From `start` up to (not including) `end`, on the candidate's wall clock; across midnight
/// when `end` is earlier than `start` (22:00 to 07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.start <= self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }
}

const KEY: &str = "reminders";

/// The saved settings; the defaults when none are saved, or when they no longer read (written
/// by a later version), so a reminder is never lost to a settings problem.
pub fn load_reminder_settings(store: &Store) -> Result<ReminderSettings> {
    crate::settings::load_or_default(store, KEY)
}

pub fn save_reminder_settings(store: &mut Store, settings: &ReminderSettings) -> Result<()> {
    if let Some(q) = settings.quiet_hours
        && q.start == q.end
    {
        return Err(Error::field(
            "quiet hours",
            crate::error::FieldProblem::QuietHoursEmpty,
            "the quiet hours start and end at the same time; choose an end time after the start, or turn quiet hours off",
        ));
    }
    crate::settings::save_setting(store, KEY, settings)
}

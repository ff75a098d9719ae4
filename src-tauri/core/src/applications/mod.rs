//! Applications followed through their stages: one per vacancy, on the vacancy's platform, each
//! stage change an event on a timeline, with interviews, the document versions sent and, for
//! Talentlink, the saved copy of the application.
//!
//! Events are recorded in the order they happened: a step dated before the last one is refused,
//! so the timeline is the insertion order and the current stage is the last step's. A mistaken
//! step is undone with [`undo_last_event`].

mod documents;
mod interviews;
mod rows;
mod stage;
mod store;

pub use documents::{set_saved_copy, set_sent_documents};
pub use interviews::{add_interview, delete_interview, list_interviews, update_interview};
pub use stage::Stage;
pub(crate) use store::record_event_in;
pub use store::{
    application_for_vacancy, board, create_application, delete_application, get_application,
    list_applications, record_event, set_notes, timeline, undo_last_event,
};

use crate::vacancy::Platform;
use crate::vault::DocumentKind;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest note kept on an event, an interview or an application.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// A step as the candidate records it: the stage reached, when (a date in a zone, perhaps a
/// time), and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EventInput {
    pub stage: Stage,
    pub date: NaiveDate,
    /// `None` for a date only: the step counts from the start of that day.
    pub time: Option<NaiveTime>,
    /// IANA zone the date and time are in; `None` takes the vacancy's zone (UTC when it has
    /// none).
    pub zone: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationInput {
    pub vacancy_id: u32,
    /// The platform applied on; `None` takes the vacancy's. Another platform than the
    /// vacancy's is recorded as given, with a warning (docs/domain.md#platforms).
    pub platform: Option<Platform>,
    /// Where the application starts: interested, preparing or submitted.
    pub first_step: EventInput,
}

/// One application as lists, the board and the table show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub id: u32,
    pub vacancy_id: u32,
    pub vacancy_title: String,
    pub vacancy_reference: String,
    pub vacancy_platform: Platform,
    pub duty_station: Option<String>,
    pub deadline_utc: Option<DateTime<Utc>>,
    pub deadline_zone: Option<String>,
    /// The platform the candidate applied on.
    pub platform: Platform,
    /// Set when `platform` is not the vacancy's (always [`ApplicationWarning::OtherPlatform`]).
    pub platform_warning: Option<ApplicationWarning>,
    pub stage: Stage,
    /// The stages it may move to now, in board order (where a card may be dropped).
    pub next_stages: Vec<Stage>,
    /// When the current stage was reached.
    pub stage_since_utc: DateTime<Utc>,
    pub notes: String,
    pub created_utc: DateTime<Utc>,
    pub updated_utc: DateTime<Utc>,
}

/// One step on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationEvent {
    pub id: u32,
    pub stage: Stage,
    pub occurred_utc: DateTime<Utc>,
    pub occurred_on: NaiveDate,
    pub occurred_time: Option<NaiveTime>,
    pub zone: String,
    pub note: String,
    pub created_utc: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum InterviewMode {
    VideoConference,
    InPerson,
}

impl InterviewMode {
    pub fn as_str(self) -> &'static str {
        match self {
            InterviewMode::VideoConference => "video_conference",
            InterviewMode::InPerson => "in_person",
        }
    }

    pub fn parse(s: &str) -> Option<InterviewMode> {
        [InterviewMode::VideoConference, InterviewMode::InPerson]
            .into_iter()
            .find(|m| m.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            InterviewMode::VideoConference => "video conference",
            InterviewMode::InPerson => "in person",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InterviewInput {
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// IANA zone the date and time are in (usually the duty station's).
    pub zone: String,
    pub mode: InterviewMode,
    /// `None` when not known; the calendar export then shows one hour.
    pub duration_minutes: Option<u32>,
    /// A meeting link or an address.
    pub place: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Interview {
    pub id: u32,
    pub application_id: u32,
    #[serde(flatten)]
    pub input: InterviewInput,
    pub starts_utc: DateTime<Utc>,
    pub created_utc: DateTime<Utc>,
    pub updated_utc: DateTime<Utc>,
}

/// A vault document linked to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AttachedDocument {
    pub document_id: u32,
    pub title: String,
    pub kind: DocumentKind,
    pub issued_on: Option<NaiveDate>,
    /// False when a newer version of the document is in the vault: this is still the version
    /// that was sent.
    pub is_current: bool,
}

/// Everything about one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationDetail {
    pub application: Application,
    pub timeline: Vec<ApplicationEvent>,
    pub interviews: Vec<Interview>,
    /// The document versions sent with the application.
    pub documents_sent: Vec<AttachedDocument>,
    /// For Talentlink: the downloaded copy of the application.
    pub saved_copy: Option<AttachedDocument>,
}

/// What creating an application did, with anything the candidate should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Created {
    pub application: Application,
    pub warnings: Vec<ApplicationWarning>,
}

/// Something the candidate should know about an application, as a code and its facts: the
/// window words it (`ui/src/locales/*.application_warnings.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(
    tag = "code",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ApplicationWarning {
    /// Recorded on another platform than the one the vacancy is published on: INTERPOL only
    /// considers applications made where the post is published.
    OtherPlatform {
        published: Platform,
        recorded: Platform,
    },
    /// Not yet submitted although the deadline has passed.
    DeadlinePassed {
        deadline_utc: DateTime<Utc>,
        /// The IANA zone the deadline was given in; `None` for UTC.
        zone: Option<String>,
    },
    /// Submitted after the deadline: the date may be wrong.
    SubmittedLate {
        deadline_utc: DateTime<Utc>,
        zone: Option<String>,
    },
}

/// One column of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardColumn {
    pub stage: Stage,
    pub label: String,
    pub applications: Vec<Application>,
}

/// The warning shown when an application is recorded on another platform than the vacancy's.
pub fn platform_warning(vacancy: Platform, applied: Platform) -> Option<ApplicationWarning> {
    (vacancy != applied).then_some(ApplicationWarning::OtherPlatform {
        published: vacancy,
        recorded: applied,
    })
}

//! The stages of an application and which moves between them make sense.
//!
//! The process (docs/domain.md#process): submit, perhaps be shortlisted, tests or
//! interviews about 1 to 4 weeks after the deadline, perhaps a written exam, an offer,
//! pre-employment checks, then acceptance. No answer within 6 months of submitting means
//! unsuccessful. A roster place lets a hiring manager pick the candidate without a new test.
//!
//! The transition table, and why:
//! - A new application starts as interested, preparing or submitted: anything later needs the
//!   submission recorded first.
//! - Before submission, only preparing, submitted or withdrawn can follow: shortlists, tests,
//!   interviews, exams, offers and verdicts all come after INTERPOL has the application.
//! - After submission any step of the selection may follow in any order (the candidate may not
//!   be told of every step, or record it), and tests, interviews and exams may repeat (rounds).
//! - Pre-employment checks, accepted and declined need an offer first.
//! - Accepted, declined and withdrawn close the application. Accepted may still be withdrawn.
//! - Unsuccessful closes it too, except that a candidate told "not this post" may be placed on
//!   the roster.
//! - No response is only presumed unsuccessful: a late answer (shortlisted, a test, an offer,
//!   a verdict, the roster) may still follow.
//! - Rostered may lead to an offer directly (picked from the roster), or to a new test or
//!   interview, or be withdrawn.
//!
//! A refused move names what must come first; a mistaken step is undone with
//! [`super::undo_last_event`] rather than by moving backwards.

use crate::Error;
use crate::error::{FieldProblem, StageRule};
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Interested,
    Preparing,
    Submitted,
    Shortlisted,
    TestOrAssessment,
    Interview,
    WrittenExam,
    Offer,
    PreEmploymentChecks,
    Accepted,
    Declined,
    Unsuccessful,
    /// No answer 6 months after submission: presumed unsuccessful.
    NoResponse,
    Withdrawn,
    Rostered,
}

use Stage::*;

impl Stage {
    /// In the order the board shows its columns.
    pub const ALL: [Stage; 15] = [
        Interested,
        Preparing,
        Submitted,
        Shortlisted,
        TestOrAssessment,
        Interview,
        WrittenExam,
        Offer,
        PreEmploymentChecks,
        Accepted,
        Declined,
        Unsuccessful,
        NoResponse,
        Withdrawn,
        Rostered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Interested => "interested",
            Preparing => "preparing",
            Submitted => "submitted",
            Shortlisted => "shortlisted",
            TestOrAssessment => "test_or_assessment",
            Interview => "interview",
            WrittenExam => "written_exam",
            Offer => "offer",
            PreEmploymentChecks => "pre_employment_checks",
            Accepted => "accepted",
            Declined => "declined",
            Unsuccessful => "unsuccessful",
            NoResponse => "no_response",
            Withdrawn => "withdrawn",
            Rostered => "rostered",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The stage as a candidate reads it.
    pub fn label(self) -> &'static str {
        match self {
            Interested => "Interested",
            Preparing => "Preparing",
            Submitted => "Submitted",
            Shortlisted => "Shortlisted",
            TestOrAssessment => "Test or assessment",
            Interview => "Interview",
            WrittenExam => "Written exam",
            Offer => "Offer",
            PreEmploymentChecks => "Pre-employment checks",
            Accepted => "Accepted",
            Declined => "Declined",
            Unsuccessful => "Unsuccessful",
            NoResponse => "No response",
            Withdrawn => "Withdrawn",
            Rostered => "Rostered",
        }
    }

    /// True while INTERPOL does not yet have the application.
    pub fn is_before_submission(self) -> bool {
        matches!(self, Interested | Preparing)
    }

    /// Stages after which nothing (or almost nothing) follows.
    pub fn is_closed(self) -> bool {
        matches!(self, Accepted | Declined | Unsuccessful | Withdrawn)
    }

    /// The stages a new application may start at.
    pub fn can_start(self) -> bool {
        matches!(self, Interested | Preparing | Submitted)
    }

    /// Whether `self` may follow `from` (see the module notes).
    pub fn can_follow(self, from: Stage) -> bool {
        let selection = [
            Shortlisted,
            TestOrAssessment,
            Interview,
            WrittenExam,
            Offer,
            Unsuccessful,
            NoResponse,
            Withdrawn,
            Rostered,
        ];
        let to = self;
        match from {
            Interested => matches!(to, Preparing | Submitted | Withdrawn),
            Preparing => matches!(to, Interested | Submitted | Withdrawn),
            Submitted | Shortlisted => selection.contains(&to) && to != from,
            TestOrAssessment | Interview | WrittenExam => selection.contains(&to),
            Offer => matches!(
                to,
                PreEmploymentChecks | Accepted | Declined | Unsuccessful | Withdrawn
            ),
            PreEmploymentChecks => matches!(to, Accepted | Declined | Unsuccessful | Withdrawn),
            Accepted => to == Withdrawn,
            Declined | Withdrawn => false,
            Unsuccessful => to == Rostered,
            NoResponse => selection.contains(&to) && to != NoResponse,
            Rostered => matches!(
                to,
                Offer | TestOrAssessment | Interview | WrittenExam | Unsuccessful | Withdrawn
            ),
        }
    }

    /// Every stage that may follow `self`, in board order.
    pub fn next_stages(self) -> Vec<Stage> {
        Stage::ALL
            .into_iter()
            .filter(|to| to.can_follow(self))
            .collect()
    }

    /// Which rule refuses `self` after `from`; `None` when it can follow.
    pub fn refusal_rule(self, from: Stage) -> Option<StageRule> {
        if self.can_follow(from) {
            return None;
        }
        Some(if self == from {
            StageRule::Already
        } else if from.is_before_submission() && !self.is_before_submission() {
            StageRule::NotSubmitted
        } else if from.is_closed() {
            StageRule::Closed
        } else if matches!(self, PreEmploymentChecks | Accepted | Declined) {
            StageRule::NoOffer
        } else if self.is_before_submission() {
            StageRule::AlreadySubmitted
        } else {
            StageRule::Other
        })
    }

    /// The refusal of `self` after `from` as a field error the window words; `None` when it
    /// can follow.
    pub fn refused(self, from: Stage) -> Option<Error> {
        let why = self.refusal_rule(from)?;
        let then: Vec<&str> = from.next_stages().iter().map(|s| s.as_str()).collect();
        let problem = FieldProblem::StageNotAllowed {
            from: from.as_str().to_string(),
            to: self.as_str().to_string(),
            why,
            then: then.join(","),
        };
        Some(Error::field("stage", problem, self.refusal(from)?))
    }

    /// Why `self` cannot follow `from`, in plain English (for logs); `None` when it can.
    pub fn refusal(self, from: Stage) -> Option<String> {
        if self.can_follow(from) {
            return None;
        }
        let (to, was) = (self.label(), from.label());
        let why = if self == from {
            format!("The application is already at “{to}”.")
        } else if from.is_before_submission() && !self.is_before_submission() {
            format!(
                "“{to}” comes after the application is submitted; record “Submitted” first (it is at “{was}”)."
            )
        } else if from.is_closed() {
            let only: Vec<String> = from
                .next_stages()
                .iter()
                .map(|s| format!("“{}”", s.label()))
                .collect();
            let except = match only.as_slice() {
                [] => String::new(),
                [one] => format!(" (only {one} can follow it)"),
                many => format!(" (only {} can follow it)", many.join(" or ")),
            };
            format!(
                "“{was}” closes the application{except}, so “{to}” cannot follow it. If “{was}” was a mistake, undo that step."
            )
        } else if matches!(self, PreEmploymentChecks | Accepted | Declined) {
            format!(
                "“{to}” comes after an offer; record the offer first (the application is at “{was}”)."
            )
        } else if self.is_before_submission() {
            format!(
                "The application was already submitted (it is at “{was}”); it cannot go back to “{to}”."
            )
        } else {
            format!("An application cannot go from “{was}” to “{to}”.")
        };
        Some(why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_round_trips_through_its_text() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
            let json = serde_json::to_string(&stage).unwrap();
            assert_eq!(json, format!("\"{}\"", stage.as_str()));
        }
    }

    #[test]
    fn every_refusal_has_a_message_and_every_allowed_move_has_none() {
        for from in Stage::ALL {
            for to in Stage::ALL {
                assert_eq!(
                    to.refusal(from).is_none(),
                    to.can_follow(from),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn a_closed_application_is_refused_as_closed_not_as_missing_an_offer() {
        assert_eq!(Declined.refusal_rule(Accepted), Some(StageRule::Closed));
        assert_eq!(Offer.refusal_rule(Unsuccessful), Some(StageRule::Closed));
        assert_eq!(Accepted.refusal_rule(Rostered), Some(StageRule::NoOffer));
        assert_eq!(
            Offer.refused(Unsuccessful).unwrap().field_problem(),
            Some(&FieldProblem::StageNotAllowed {
                from: "unsuccessful".into(),
                to: "offer".into(),
                why: StageRule::Closed,
                then: "rostered".into(),
            })
        );
        let why = Declined.refusal(Accepted).unwrap();
        assert!(why.contains("“Accepted” closes the application"), "{why}");
        let why = Offer.refusal(Unsuccessful).unwrap();
        assert!(why.contains("(only “Rostered” can follow it)"), "{why}");
        let why = Accepted.refusal(Rostered).unwrap();
        assert!(why.contains("comes after an offer"), "{why}");
    }

    #[test]
    fn nothing_but_withdrawal_follows_a_closed_application_except_the_roster() {
        for to in Stage::ALL {
            assert!(!to.can_follow(Declined));
            assert!(!to.can_follow(Withdrawn));
            assert_eq!(to.can_follow(Accepted), to == Withdrawn);
            assert_eq!(to.can_follow(Unsuccessful), to == Rostered);
        }
    }
}

//! The words of a notification, in the candidate's language (`crate::words`), naming the vacancy (or certificate) and the
//! time in the zone it belongs to, and in the candidate's own zone when that differs.

use super::{Notification, NotificationTarget};
use crate::applications::{InterviewMode, Stage};
use crate::countdowns::{Subject, Target};
use crate::stations::place_for_zone;
use crate::time::{self, TimeLeft, local_time, time_left};
use crate::vault::CRC_VALID_MONTHS;
use crate::words::{self, Arg, Bidi, Msg, Wording};
use chrono::{DateTime, Days, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// How one notification is worded: its language and the candidate's date and hour styles,
/// isolated as text read on screen.
#[derive(Clone, Copy)]
struct Say(Wording);

impl Say {
    fn msg(self, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
        words::reading(self.0.language, msg, args)
    }

    fn day(self, date: chrono::NaiveDate) -> String {
        self.0.day(date)
    }

    fn time(self, local: chrono::NaiveDateTime) -> String {
        self.0.clock_time(local)
    }

    fn moment(self, local: chrono::NaiveDateTime) -> String {
        self.0.moment(Bidi::Reading, local)
    }
}

/// "in 7 days", "tomorrow at 23:59 Lyon time", "today", "in 3 hours", "in 40 minutes"
/// ([`time_left`], the Dashboard's rule too); `None` once past.
fn relative(say: Say, t: &Target, now: DateTime<Utc>) -> Option<String> {
    let time = say.time(t.local());
    let place = place_for_zone(t.tz.name());
    let at = [("time", Arg::from(&time)), ("place", Arg::from(&place))];
    Some(match time_left(now, t.at, t.tz, t.all_day)? {
        TimeLeft::Minutes(m) => say.msg(Msg::WhenMinutes, &[("count", Arg::Count(m))]),
        TimeLeft::Hours(h) => say.msg(Msg::WhenHours, &[("count", Arg::Count(h))]),
        TimeLeft::Today if t.all_day => say.msg(Msg::WhenToday, &[]),
        TimeLeft::Today => say.msg(Msg::WhenTodayAt, &at),
        TimeLeft::Tomorrow if t.all_day => say.msg(Msg::WhenTomorrow, &[]),
        TimeLeft::Tomorrow => say.msg(Msg::WhenTomorrowAt, &at),
        TimeLeft::Days(n) => say.msg(Msg::WhenDays, &[("count", Arg::Count(n))]),
    })
}

/// "Monday 23 November 2026 at 23:59 (Lyon time; 07:59 on Tuesday 24 November 2026 where you
/// are)": the moment in its own zone, and in the candidate's when that differs.
fn moment(say: Say, t: &Target, user_tz: Tz) -> String {
    let here = say.moment(t.local());
    let place = place_for_zone(t.tz.name());
    let differs = t.tz.offset_from_utc_datetime(&t.at.naive_utc()).fix()
        != user_tz.offset_from_utc_datetime(&t.at.naive_utc()).fix();
    if differs {
        let yours = local_time(t.at, user_tz);
        let yours = if yours.date() == t.local().date() {
            say.time(yours)
        } else {
            say.moment(yours)
        };
        say.msg(
            Msg::MomentZonesDiffer,
            &[
                ("here", Arg::from(&here)),
                ("place", Arg::from(&place)),
                ("yours", Arg::from(&yours)),
            ],
        )
    } else {
        say.msg(
            Msg::MomentZonesSame,
            &[("here", Arg::from(&here)), ("place", Arg::from(&place))],
        )
    }
}

fn quoted(say: Say, t: &Target) -> String {
    say.msg(Msg::Quoted, &[("name", Arg::from(&t.named()))])
}

fn mode_name(mode: InterviewMode) -> &'static str {
    match mode {
        InterviewMode::VideoConference => "video-conference",
        InterviewMode::InPerson => "in-person",
    }
}

/// A title and body with the subject's name, `when` it is and its `quoted` name.
fn pair(
    say: Say,
    (title, body): (Msg, Msg),
    t: &Target,
    when: Option<&str>,
    body_args: &[(&str, Arg<'_>)],
) -> (String, String) {
    let mut title_args = vec![("name", Arg::from(&t.name))];
    if let Some(w) = when {
        title_args.push(("when", Arg::Text(w)));
    }
    let q = quoted(say, t);
    let mut all = vec![("quoted", Arg::from(&q))];
    all.extend(body_args.iter().copied());
    (say.msg(title, &title_args), say.msg(body, &all))
}

pub(super) fn single(
    t: &Target,
    now: DateTime<Utc>,
    user_tz: Tz,
    wording: Wording,
) -> Notification {
    let say = Say(wording);
    let when = relative(say, t, now);
    let when = when.as_deref();
    let day = say.day(t.local_date());
    let (title, body) = match &t.subject {
        Subject::Deadline => {
            let m = moment(say, t, user_tz);
            let msgs = if when.is_some() {
                (Msg::DeadlineSoonTitle, Msg::DeadlineSoonBody)
            } else {
                (Msg::DeadlinePassedTitle, Msg::DeadlinePassedBody)
            };
            pair(say, msgs, t, when, &[("moment", Arg::from(&m))])
        }
        Subject::Silence {
            submitted_on,
            stage,
        } => {
            let body = if *stage == Stage::NoResponse {
                Msg::SilenceBodyMarked
            } else {
                Msg::SilenceBodyOpen
            };
            let submitted = say.day(*submitted_on);
            pair(
                say,
                (Msg::SilenceTitle, body),
                t,
                None,
                &[("submitted", Arg::from(&submitted))],
            )
        }
        Subject::Certificate { issued_on, country } => {
            let certificate = match country.as_deref() {
                Some(c) => say.msg(
                    Msg::CertificateNamedFrom,
                    &[
                        ("name", Arg::from(&t.name)),
                        (
                            "country",
                            Arg::Text(
                                crate::countries::name_in(c, say.0.language.tag()).unwrap_or(c),
                            ),
                        ),
                    ],
                ),
                None => say.msg(Msg::CertificateNamed, &[("name", Arg::from(&t.name))]),
            };
            let last = t
                .local_date()
                .checked_sub_days(Days::new(1))
                .unwrap_or(t.local_date());
            let rule = say.msg(
                Msg::CertificateRule,
                &[("months", Arg::from(CRC_VALID_MONTHS))],
            );
            let (issued, last) = (say.day(*issued_on), say.day(last));
            let msgs = if when.is_some() {
                (Msg::CertificateSoonTitle, Msg::CertificateSoonBody)
            } else {
                (Msg::CertificateStaleTitle, Msg::CertificateStaleBody)
            };
            pair(
                say,
                msgs,
                t,
                when,
                &[
                    ("certificate", Arg::from(&certificate)),
                    ("issued", Arg::from(&issued)),
                    ("last", Arg::from(&last)),
                    ("rule", Arg::from(&rule)),
                ],
            )
        }
        Subject::Roster { rostered_on } => {
            let since = say.day(*rostered_on);
            let msgs = if when.is_some() {
                (Msg::RosterSoonTitle, Msg::RosterSoonBody)
            } else {
                (Msg::RosterExpiredTitle, Msg::RosterExpiredBody)
            };
            pair(
                say,
                msgs,
                t,
                when,
                &[("since", Arg::from(&since)), ("day", Arg::from(&day))],
            )
        }
        Subject::Interview { mode, place, .. } => {
            let mode = say.msg(Msg::InterviewMode, &[("mode", Arg::Text(mode_name(*mode)))]);
            let m = moment(say, t, user_tz);
            let msgs = if when.is_some() {
                (Msg::InterviewSoonTitle, Msg::InterviewSoonBody)
            } else {
                (Msg::InterviewStartedTitle, Msg::InterviewStartedBody)
            };
            let (title, mut body) = pair(
                say,
                msgs,
                t,
                when,
                &[("mode", Arg::from(&mode)), ("moment", Arg::from(&m))],
            );
            if !place.is_empty() {
                body.push(' ');
                body.push_str(&say.msg(Msg::InterviewPlace, &[("place", Arg::from(place))]));
            }
            (title, body)
        }
    };
    Notification {
        title,
        body,
        target: Some(NotificationTarget {
            kind: t.kind,
            vacancy_id: t.vacancy_id,
            application_id: t.application_id,
            document_id: t.document_id,
            interview_id: t.interview_id,
        }),
        // Filled in by the delivery, which knows which reminders this notification covers.
        reminder_keys: Vec::new(),
    }
}

/// One notification for several: a line per subject, soonest first.
pub(super) fn summary(
    targets: &[Target],
    singles: &[Notification],
    user_tz: Tz,
    wording: Wording,
) -> Notification {
    let say = Say(wording);
    let lines: Vec<String> = targets
        .iter()
        .zip(singles)
        .map(|(t, n)| {
            let when = if t.all_day {
                wording.short_date(t.local_date())
            } else {
                let local = time::local_time(t.at, user_tz);
                let moment = wording.short_date_time(local);
                say.msg(Msg::SummaryYourTime, &[("moment", Arg::from(&moment))])
            };
            say.msg(
                Msg::SummaryLine,
                &[("title", Arg::from(&n.title)), ("when", Arg::from(&when))],
            )
        })
        .collect();
    Notification {
        title: say.msg(Msg::SummaryTitle, &[("count", Arg::from(singles.len()))]),
        body: lines.join("\n"),
        target: None,
        reminder_keys: singles
            .iter()
            .flat_map(|n| n.reminder_keys.iter().cloned())
            .collect(),
    }
}

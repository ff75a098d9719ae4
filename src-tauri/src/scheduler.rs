//! The one reminder timer. It sleeps until the next reminder is due (`reminders::next_due`),
//! delivers what is due through native notifications, and sleeps again. Every write through
//! `AppState::write` calls [`Scheduler::rearm`], which wakes it to recompute; there is no
//! polling loop.
//!
//! The first pass runs at start, so reminders missed while Dossier was closed arrive then (the
//! core merges them into one summary when there are several).
//!
//! Each pass also asks whether an automatic backup is due (after changes, at most daily; the
//! core decides) and makes it on a blocking thread of its own, so neither the reminders nor the
//! window wait for a backup of a large vault.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use dossier_core::reminders::{self, Delivery};
use dossier_core::words::Wording;
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::Notify;

use crate::display_language::stored_wording;
use crate::error::Result;
use crate::notify;
use crate::state::{AppState, BackupWhen};
use crate::zone;

/// The longest single sleep. The sleep runs on the monotonic clock, which stands still while
/// the computer is suspended; waking at least hourly re-reads the wall clock so a laptop
/// opened after a night's sleep is not late by the length of that night.
const MAX_WAIT: Duration = Duration::from_secs(60 * 60);

/// The shortest sleep between passes: a pass takes everything due, so a next reminder at or
/// before "now" can only come from a clock that is not moving (the end-to-end build) and must
/// not spin.
const MIN_WAIT: Duration = Duration::from_secs(1);

/// How long a reminder that could not be shown (no notification service yet, say just after
/// logging in) waits before it is tried again.
const RETRY_WAIT: Duration = Duration::from_secs(2 * 60);

/// The first pass waits for the window's first paint, so its reading of every deadline and
/// application does not hold the store while the Dashboard asks for its data; it runs after
/// this long at most (a window that never paints its Dashboard, a damaged store).
const FIRST_PASS_AT_MOST: Duration = Duration::from_secs(3);

#[derive(Clone)]
pub struct Scheduler {
    wake: Arc<Notify>,
    painted: Arc<Notify>,
    passes: PassGate,
}

/// Held for the length of each pass; stopped for a hand-over to a fresh process
/// (`handover.rs`), which must find every delivery recorded, none half done.
#[derive(Clone, Default)]
struct PassGate(Arc<tokio::sync::Mutex<bool>>);

impl PassGate {
    /// Waits until a pass may run and holds it for as long as the guard lives: while stopped,
    /// each wake (`rearm`, `resume`) looks again.
    async fn next_pass(&self, wake: &Notify) -> tokio::sync::MutexGuard<'_, bool> {
        loop {
            let stopped = self.0.lock().await;
            if !*stopped {
                return stopped;
            }
            drop(stopped);
            wake.notified().await;
        }
    }

    /// Blocks until a pass under way has ended; none begins until [`Self::resume`].
    fn stop(&self) {
        *self.0.blocking_lock() = true;
    }

    fn resume(&self) {
        *self.0.blocking_lock() = false;
    }
}

impl Scheduler {
    /// Starts the timer task; its first pass delivers what is already due.
    pub fn start(app: AppHandle) -> Scheduler {
        let wake = Arc::new(Notify::new());
        let painted = Arc::new(Notify::new());
        let passes = PassGate::default();
        let task_wake = wake.clone();
        let task_painted = painted.clone();
        let task_passes = passes.clone();
        tauri::async_runtime::spawn(async move {
            let _ = tokio::time::timeout(FIRST_PASS_AT_MOST, task_painted.notified()).await;
            loop {
                // Handed over, or about to be: the timer sleeps until `resume`.
                let pass_held = task_passes.next_pass(&task_wake).await;
                let state = app.state::<AppState>();
                if state.lock_if_idle() {
                    let _ = app.emit(crate::commands::lock::LOCKED, ());
                }
                let pass = if state.is_locked() {
                    deliver_locked(&app, &state).await
                } else {
                    deliver_due(&app, &state).await
                };
                #[cfg(feature = "e2e")]
                match &pass {
                    Ok(done) => crate::test_hooks::record_reminder_pass(done.shown, "ok"),
                    Err(_) => crate::test_hooks::record_reminder_pass(0, "failed"),
                }
                back_up_if_due(&app);
                drop(pass_held);
                // What the pass mapped (SQLite, D-Bus) is not needed until the next one.
                crate::background::release_if_windowless(&app);
                let now = state.clock.now();
                let wait = match pass {
                    Ok(Pass { next, retry, .. }) => wait_after(retry, next, now),
                    Err(e) => {
                        // Usually a store that could not be opened: wait for a change instead.
                        eprintln!("Dossier reminders: {e}");
                        None
                    }
                };
                // The idle lock rides on the same timer: it wakes for whichever comes first.
                let idle = state.idle_lock_at().map(|at| wait_until(at, now));
                let wait = match (wait, idle) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                match wait {
                    Some(wait) => {
                        let _ = tokio::time::timeout(wait, task_wake.notified()).await;
                    }
                    None => task_wake.notified().await,
                }
            }
        });
        Scheduler {
            wake,
            painted,
            passes,
        }
    }

    /// Stops the timer for a hand-over: waits for a pass under way to end (its deliveries
    /// recorded, or given back when they could not be shown) and runs no other until
    /// [`Self::resume`]. Blocks: call from a thread of its own, not from the async runtime.
    pub fn stop(&self) {
        self.passes.stop();
    }

    /// The hand-over failed: this process keeps the timer after all.
    pub fn resume(&self) {
        self.passes.resume();
        self.rearm();
    }

    /// The window has painted its first page: the first pass may run now.
    pub fn window_painted(&self) {
        // A stored permit: a paint reported before the task waits for it still counts.
        self.painted.notify_one();
    }

    /// Recomputes the next reminder now: call after any write that adds, moves or removes a
    /// deadline, an application, an interview or a reminder setting.
    pub fn rearm(&self) {
        // A stored permit means a rearm during a delivery pass is not lost.
        self.wake.notify_one();
    }
}

/// How long to sleep before `next`, seen from `now`.
fn wait_until(next: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    (next - now)
        .to_std()
        .unwrap_or(Duration::ZERO)
        .clamp(MIN_WAIT, MAX_WAIT)
}

/// How long to sleep after a pass whose next reminder is `next`; `None` is until a change. A
/// notification that failed (`retry`) is tried again after [`RETRY_WAIT`], or sooner when the
/// next reminder is due before that: waiting out the retry must not make that one late.
fn wait_after(retry: bool, next: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<Duration> {
    let until_next = next.map(|at| wait_until(at, now));
    if retry {
        Some(until_next.map_or(RETRY_WAIT, |wait| wait.min(RETRY_WAIT)))
    } else {
        until_next
    }
}

/// The next reminder: when it shows, and its title (for the tray's menu).
type Next = Option<(DateTime<Utc>, String)>;

/// Takes what is due (recording it as fired), the next reminder waiting, and the language and
/// date styles it is worded in.
fn take_pass(state: &AppState) -> Result<(Delivery, Next, Wording)> {
    let zone = zone::user_zone();
    let now = state.clock.now();
    state
        .timer_pass(|store| {
            let settings = reminders::load_reminder_settings(store)?;
            // Read at every pass: a language or a date style chosen in Settings words the very
            // next notification.
            let wording = stored_wording(store)?;
            reminders::apply_no_response(store, now, &settings)?;
            let delivery = reminders::take_due(store, now, &settings, &zone, wording)?;
            let next = reminders::next_reminder(store, now, &settings, &zone, wording)?;
            Ok((delivery, next, wording))
        })
        .inspect(|_| {
            // After every rearm: what the locked timer will know of the next reminders.
            if let Err(e) = state.keep_schedule_now() {
                eprintln!("Dossier reminders: the schedule for the locked time was not kept: {e}");
            }
        })
}

/// A pass while locked: what came due in the redacted schedule, shown without a word of what
/// it is about. The tray's "next reminder" line says nothing either.
async fn deliver_locked(app: &AppHandle, state: &AppState) -> Result<Pass> {
    let now = state.clock.now();
    let (due, next, language) = state.take_locked_due()?;
    crate::background::show_next(app, None, language.into());
    if due.is_empty() {
        return Ok(Pass {
            next,
            shown: 0,
            retry: false,
        });
    }
    let shown = crate::lock::locked_notification(language, &due);
    if let Err(e) = notify::show_locked_reminder(shown, language).await {
        eprintln!("Dossier reminders: {e}; trying again within {RETRY_WAIT:?}");
        return Ok(Pass {
            next,
            shown: 0,
            retry: true,
        });
    }
    state.forget_locked_due(now)?;
    Ok(Pass {
        next,
        shown: 1,
        retry: false,
    })
}

struct Pass {
    next: Option<DateTime<Utc>>,
    /// How many notifications reached the desktop.
    #[cfg_attr(not(feature = "e2e"), allow(dead_code))]
    shown: usize,
    /// A notification could not be shown and its reminders were given back.
    retry: bool,
}

async fn deliver_due(app: &AppHandle, state: &AppState) -> Result<Pass> {
    let (delivery, next, wording) = take_pass(state)?;
    crate::background::show_next(app, next.clone(), wording);
    let next = next.map(|(at, _)| at);
    let mut retry = false;
    let mut shown_count = 0;
    // A locked-time reminder was clicked before this unlocked pass: it leads where the real
    // reminder it stood for does, now delivered (the locked time never recorded it as shown).
    // One notification names its item; a summary of several opens the Dashboard.
    let locked_click = app.state::<notify::ClickTarget>().take_locked_click();
    let single = delivery.notifications.len() == 1;
    let mut opened = !locked_click;
    for shown in delivery.notifications {
        let keys = shown.reminder_keys.clone();
        let target = if single { shown.target.clone() } else { None };
        // One notification that fails must not hold back the others; its reminders are given
        // back so they are not lost, and tried again later.
        if let Err(e) = notify::show_reminder(shown, wording.language).await {
            eprintln!("Dossier reminders: {e}; trying again within {RETRY_WAIT:?}");
            state.timer_pass(|store| reminders::release(store, &keys))?;
            retry = true;
        } else {
            shown_count += 1;
            if !opened {
                opened = true;
                notify::open_target(app, notify::OpenRequest { target });
            }
        }
    }
    Ok(Pass {
        next,
        shown: shown_count,
        retry,
    })
}

/// Starts an automatic backup check in the background, unless one already waits to run.
fn back_up_if_due(app: &AppHandle) {
    if !app.state::<AppState>().queue_backup() {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let made = app.state::<AppState>().back_up(BackupWhen::IfDue);
        #[cfg(feature = "e2e")]
        crate::test_hooks::record_backup_pass(&match &made {
            Ok(Some(summary)) => format!("ok {}", summary.id),
            Ok(None) => "due=no".to_string(),
            Err(e) => format!("failed {}", e.code().name()),
        });
        // Settings, if open, shows the new backup or the failure without being reopened.
        if !matches!(made, Ok(None)) {
            let _ = app.emit(crate::commands::backups::BACKUPS_CHANGED, ());
        }
        // The outcome is recorded for the Dashboard; the log is for whoever reads it.
        if let Err(e) = made {
            eprintln!("Dossier backups: {e}");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
    use dossier_core::clock::{Clock, SettableClock};
    use dossier_core::display_language::DisplayLanguage;
    use dossier_core::vacancy::Platform;
    use dossier_core::vacancy::{self, Deadline, SaveOutcome, VacancyInput};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn scheduler_without_a_task() -> Scheduler {
        Scheduler {
            wake: Arc::new(Notify::new()),
            painted: Arc::new(Notify::new()),
            passes: PassGate::default(),
        }
    }

    #[test]
    fn stop_waits_for_the_pass_under_way_to_be_recorded() {
        let timer = scheduler_without_a_task();
        let recorded = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let pass = tauri::async_runtime::block_on(timer.passes.next_pass(&timer.wake));
        let (stopped, stop_returned) = std::sync::mpsc::channel();
        let stopper = {
            let timer = timer.clone();
            let recorded = recorded.clone();
            std::thread::spawn(move || {
                timer.stop();
                // What the hand-over would find once `stop` returns.
                stopped
                    .send(recorded.load(std::sync::atomic::Ordering::SeqCst))
                    .unwrap();
            })
        };
        assert!(
            stop_returned
                .recv_timeout(Duration::from_millis(300))
                .is_err(),
            "stop returned while a pass was under way"
        );
        recorded.store(true, std::sync::atomic::Ordering::SeqCst);
        drop(pass);
        let found_recorded = stop_returned
            .recv_timeout(Duration::from_secs(30))
            .expect("stop returns once the pass has ended");
        assert!(found_recorded, "stop returned before the pass had ended");
        stopper.join().unwrap();
    }

    #[test]
    fn a_stopped_timer_runs_no_pass_until_resumed() {
        let timer = scheduler_without_a_task();
        timer.stop();
        let (began, pass_began) = std::sync::mpsc::channel();
        let task = {
            let timer = timer.clone();
            std::thread::spawn(move || {
                tauri::async_runtime::block_on(async {
                    let _pass = timer.passes.next_pass(&timer.wake).await;
                    began.send(()).unwrap();
                })
            })
        };
        // A rearm (a write in the window's last moments) wakes it, and it stays stopped.
        timer.rearm();
        assert!(
            pass_began.recv_timeout(Duration::from_millis(300)).is_err(),
            "a pass ran while stopped"
        );
        timer.resume();
        pass_began
            .recv_timeout(Duration::from_secs(30))
            .expect("resume wakes the timer, and its pass runs");
        task.join().unwrap();
    }

    #[test]
    fn the_wait_is_the_time_left_within_sensible_bounds() {
        let now = at("2026-11-22T09:00:00Z");
        assert_eq!(
            wait_until(at("2026-11-22T09:10:00Z"), now),
            Duration::from_secs(600)
        );
        assert_eq!(wait_until(now, now), MIN_WAIT);
        assert_eq!(wait_until(at("2026-11-20T09:00:00Z"), now), MIN_WAIT);
        assert_eq!(wait_until(at("2027-01-01T00:00:00Z"), now), MAX_WAIT);
    }

    #[test]
    fn a_failed_notification_is_tried_again_but_never_after_the_next_reminder() {
        let now = at("2026-11-22T09:00:00Z");
        // The next reminder comes before the retry would: it is not held back.
        assert_eq!(
            wait_after(true, Some(at("2026-11-22T09:00:30Z")), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(wait_after(true, Some(now), now), Some(MIN_WAIT));
        // Otherwise the retry comes first, and comes even with nothing else waiting.
        assert_eq!(
            wait_after(true, Some(at("2026-11-22T09:10:00Z")), now),
            Some(RETRY_WAIT)
        );
        assert_eq!(wait_after(true, None, now), Some(RETRY_WAIT));
        // Without a failure the timer sleeps until the next reminder, or until a change.
        assert_eq!(
            wait_after(false, Some(at("2026-11-22T09:10:00Z")), now),
            Some(Duration::from_secs(600))
        );
        assert_eq!(wait_after(false, None, now), None);
    }

    #[test]
    fn a_pass_delivers_nothing_early_and_nothing_twice() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SettableClock::new(at("2026-11-01T09:00:00Z")));
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        let input = VacancyInput {
            duty_station: Some("Lyon, France".into()),
            duty_zone: Some("Europe/Paris".into()),
            deadline: Some(Deadline {
                date: "2026-11-24".parse().unwrap(),
                time: None,
                zone: "Europe/Paris".into(),
            }),
            ..VacancyInput::new(
                Platform::RecruitmentHub,
                "1503",
                "Criminal Intelligence Officer",
            )
        };
        let vacancy_id = match state
            .write(|s| vacancy::create_vacancy(s, input, clock.now()))
            .unwrap()
        {
            SaveOutcome::Saved { vacancy } => vacancy.id,
            other => panic!("not saved: {other:?}"),
        };
        state
            .write(|s| {
                applications::create_application(
                    s,
                    &ApplicationInput {
                        vacancy_id,
                        platform: None,
                        first_step: EventInput {
                            stage: Stage::Submitted,
                            date: "2026-11-01".parse().unwrap(),
                            time: None,
                            zone: None,
                            note: String::new(),
                        },
                    },
                    clock.now(),
                )
            })
            .unwrap();

        let (delivery, next, _) = take_pass(&state).unwrap();
        assert!(delivery.notifications.is_empty(), "{delivery:?}");
        let (next, _) = next.expect("the deadline's 7-day reminder is waiting");
        assert!(next > clock.now());

        clock.set(next);
        let (delivery, _, _) = take_pass(&state).unwrap();
        assert_eq!(delivery.notifications.len(), 1, "{delivery:?}");
        assert!(
            delivery.notifications[0]
                .title
                .contains("Criminal Intelligence Officer")
                || delivery.notifications[0]
                    .body
                    .contains("Criminal Intelligence Officer"),
            "{delivery:?}"
        );
        let (again, _, _) = take_pass(&state).unwrap();
        assert!(again.notifications.is_empty(), "{again:?}");
    }

    #[test]
    fn a_language_chosen_in_settings_words_the_next_pass_without_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SettableClock::new(at("2026-11-01T09:00:00Z")));
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        for (reference, date) in [("1503", "2026-11-24"), ("1574", "2026-11-26")] {
            let input = VacancyInput {
                duty_zone: Some("Europe/Paris".into()),
                deadline: Some(Deadline {
                    date: date.parse().unwrap(),
                    time: None,
                    zone: "Europe/Paris".into(),
                }),
                ..VacancyInput::new(Platform::RecruitmentHub, reference, "Analyst")
            };
            state
                .write(|s| vacancy::create_vacancy(s, input, clock.now()))
                .unwrap();
        }
        let choose = |language| {
            state
                .write(|s| {
                    let preferences = dossier_core::preferences::Preferences {
                        language: Some(language),
                        ..Default::default()
                    };
                    dossier_core::preferences::save_preferences(s, &preferences)
                })
                .unwrap();
        };

        choose(DisplayLanguage::En);
        let (_, next, _) = take_pass(&state).unwrap();
        clock.set(next.unwrap().0);
        let (delivery, _, wording) = take_pass(&state).unwrap();
        assert_eq!(wording.language, DisplayLanguage::En);
        assert!(
            delivery.notifications[0]
                .title
                .starts_with("Deadline in 7 days")
        );

        // Chosen while running: the next reminder is in French, with no new start.
        choose(DisplayLanguage::Fr);
        let (_, next, _) = take_pass(&state).unwrap();
        clock.set(next.unwrap().0);
        let (delivery, _, wording) = take_pass(&state).unwrap();
        assert_eq!(wording.language, DisplayLanguage::Fr);
        let title = &delivery.notifications[0].title;
        assert!(
            title.starts_with("Date limite de candidature dans 7 jours"),
            "{title}"
        );
    }

    #[test]
    fn a_date_style_chosen_in_settings_words_the_next_pass_without_a_restart() {
        use dossier_core::preferences::{DateStyle, HourStyle, Preferences, save_preferences};
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SettableClock::new(at("2026-11-01T09:00:00Z")));
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        for (reference, date) in [("1503", "2026-11-24"), ("1574", "2026-11-26")] {
            let input = VacancyInput {
                duty_zone: Some("Europe/Paris".into()),
                deadline: Some(Deadline {
                    date: date.parse().unwrap(),
                    time: None,
                    zone: "Europe/Paris".into(),
                }),
                ..VacancyInput::new(Platform::RecruitmentHub, reference, "Analyst")
            };
            state
                .write(|s| vacancy::create_vacancy(s, input, clock.now()))
                .unwrap();
        }
        let choose = |date_style, hour_style| {
            state
                .write(|s| {
                    let preferences = Preferences {
                        language: Some(DisplayLanguage::En),
                        date_style,
                        hour_style,
                        ..Default::default()
                    };
                    save_preferences(s, &preferences)
                })
                .unwrap();
        };
        let next_body = || {
            let (_, next, _) = take_pass(&state).unwrap();
            clock.set(next.unwrap().0);
            let (delivery, _, wording) = take_pass(&state).unwrap();
            (delivery.notifications[0].body.clone(), wording)
        };

        choose(DateStyle::DayMonthYear, HourStyle::H12);
        let (body, wording) = next_body();
        assert_eq!(wording.hours, HourStyle::H12);
        assert!(
            body.contains("Tuesday 24 November 2026 at 11:59 PM"),
            "{body}"
        );

        // Chosen while running: the next reminder has ISO dates and 24-hour times.
        choose(DateStyle::Iso, HourStyle::H24);
        let (body, _) = next_body();
        assert!(body.contains("2026-11-26 at 23:59"), "{body}");
    }

    #[test]
    fn system_hours_word_reminders_on_the_clock_the_window_resolved() {
        use dossier_core::preferences::{HourCycle, HourStyle, Preferences, save_preferences};
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SettableClock::new(at("2026-11-01T09:00:00Z")));
        let state = AppState::new(dir.path().to_path_buf(), clock.clone());
        let input = VacancyInput {
            duty_zone: Some("Europe/Paris".into()),
            deadline: Some(Deadline {
                date: "2026-11-24".parse().unwrap(),
                time: None,
                zone: "Europe/Paris".into(),
            }),
            ..VacancyInput::new(Platform::RecruitmentHub, "1503", "Analyst")
        };
        state
            .write(|s| vacancy::create_vacancy(s, input, clock.now()))
            .unwrap();
        // "System" in Settings, and an en-US window: Intl's clock there is the 12-hour one.
        state
            .write(|s| {
                let preferences = Preferences {
                    language: Some(DisplayLanguage::En),
                    hour_style: HourStyle::System,
                    system_hours: Some(HourCycle::H12),
                    ..Default::default()
                };
                save_preferences(s, &preferences)
            })
            .unwrap();
        let (_, next, _) = take_pass(&state).unwrap();
        clock.set(next.unwrap().0);
        let (delivery, _, wording) = take_pass(&state).unwrap();
        assert_eq!(wording.hours, HourStyle::H12);
        let body = &delivery.notifications[0].body;
        assert!(body.contains("11:59 PM"), "{body}");
    }
}

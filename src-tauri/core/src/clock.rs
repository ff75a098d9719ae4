//! The one source of "now". Every countdown and reminder asks a [`Clock`], so tests can put the
//! whole application at any instant (a day before a deadline, across a DST change).

use chrono::{DateTime, Utc};
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock, used by the app a candidate runs.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until told otherwise: for tests and the end-to-end build.
#[derive(Debug)]
pub struct SettableClock {
    now: Mutex<DateTime<Utc>>,
}

impl SettableClock {
    pub fn new(now: DateTime<Utc>) -> Self {
        SettableClock {
            now: Mutex::new(now),
        }
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|p| p.into_inner()) = now;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for SettableClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn settable_clock_stands_still_until_moved() {
        let start = Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap();
        let clock = SettableClock::new(start);
        assert_eq!(clock.now(), start);
        assert_eq!(clock.now(), start);
        clock.advance(chrono::Duration::hours(2));
        assert_eq!(
            clock.now(),
            Utc.with_ymd_and_hms(2026, 3, 29, 2, 30, 0).unwrap()
        );
        clock.set(start);
        assert_eq!(clock.now(), start);
    }

    #[test]
    fn system_clock_follows_the_wall_clock() {
        let before = Utc::now();
        let seen = SystemClock.now();
        assert!(seen >= before && seen <= Utc::now());
    }
}

//! Small choices the candidate makes in the UI that must survive a restart.

use crate::display_language::DisplayLanguage;
use crate::store::Store;
use crate::{Result, settings};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    /// The note explaining Talentlink and the Recruitment Hub has been read and put away.
    pub platform_note_dismissed: bool,
    /// Light, dark, or the system's choice; kept here, in the data folder, so it moves with the
    /// candidate's data and a backup.
    pub theme: Theme,
    /// The Dashboard's three first steps were all done once: the "Getting started" card stays
    /// gone, even if a step later looks undone (the last document deleted).
    pub getting_started_done: bool,
    pub date_style: DateStyle,
    pub hour_style: HourStyle,
    /// The clock "system" means in the window's locale, as the window resolved it (`Intl`) at
    /// its start and on a change of language; kept so that reminders worded while the window is
    /// closed agree with it. `None` until a window has said.
    pub system_hours: Option<HourCycle>,
    /// The order "system" dates take in the window's locale, resolved and kept the same way.
    pub system_dates: Option<DateOrder>,
    /// The language chosen in Settings; `None` follows the operating system's language (English
    /// when the system speaks none of Dossier's four).
    pub language: Option<DisplayLanguage>,
    /// What closing the window does: keep Dossier in the tray so reminders still arrive, or
    /// quit. `None` until the candidate has been asked, on their first close.
    pub on_close: Option<OnClose>,
}

impl Preferences {
    /// How the candidate reads what Rust writes for them (notifications, the tray): the chosen
    /// language, or `system`'s when none was chosen, with the chosen date and hour styles.
    pub fn wording(&self, system: impl FnOnce() -> DisplayLanguage) -> Wording {
        Wording {
            language: self.language.unwrap_or_else(system),
            dates: self.date_style,
            hours: self.hour_style.resolved(self.system_hours),
            month_first: self.system_dates == Some(DateOrder::MonthFirst),
        }
    }
}

/// The candidate's answer to "keep running in the tray when the window closes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum OnClose {
    /// The window goes (its web view with it); the reminder timer keeps running in the tray.
    KeepInTray,
    Quit,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

// The date and hour styles are the words' own types: the notifications Rust writes follow the
// same choice as the window.
use crate::words::Wording;
pub use crate::words::{DateOrder, DateStyle, HourCycle, HourStyle};

const KEY: &str = "preferences";

pub fn load_preferences(store: &Store) -> Result<Preferences> {
    settings::load_or_default(store, KEY)
}

pub fn save_preferences(store: &mut Store, preferences: &Preferences) -> Result<()> {
    settings::save_setting(store, KEY, preferences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_default_then_persist() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(!load_preferences(&store).unwrap().platform_note_dismissed);
        let dismissed = Preferences {
            platform_note_dismissed: true,
            theme: Theme::Dark,
            getting_started_done: true,
            date_style: DateStyle::Iso,
            hour_style: HourStyle::H12,
            system_hours: Some(HourCycle::H24),
            system_dates: Some(DateOrder::MonthFirst),
            language: Some(DisplayLanguage::Ar),
            on_close: Some(OnClose::KeepInTray),
        };
        save_preferences(&mut store, &dismissed).unwrap();
        assert_eq!(load_preferences(&store).unwrap(), dismissed);
    }

    #[test]
    fn preferences_saved_before_the_theme_existed_follow_the_system() {
        let mut store = Store::open_in_memory().unwrap();
        settings::save_setting(
            &mut store,
            KEY,
            &serde_json::json!({ "platformNoteDismissed": true }),
        )
        .unwrap();
        let loaded = load_preferences(&store).unwrap();
        assert!(loaded.platform_note_dismissed);
        assert_eq!(loaded.theme, Theme::System);
        assert_eq!(loaded.language, None);
        assert_eq!(loaded.on_close, None, "not asked yet");
        assert_eq!(loaded.system_hours, None, "no window has said yet");
        assert_eq!(loaded.system_dates, None, "no window has said yet");
    }

    #[test]
    fn system_hours_follow_the_clock_the_window_resolved() {
        let english = || DisplayLanguage::En;
        let system = |system_hours| Preferences {
            hour_style: HourStyle::System,
            system_hours,
            ..Default::default()
        };
        // en-US in the window: "system" is the 12-hour clock in the notifications too.
        assert_eq!(
            system(Some(HourCycle::H12)).wording(english).hours,
            HourStyle::H12
        );
        assert_eq!(
            system(Some(HourCycle::H24)).wording(english).hours,
            HourStyle::H24
        );
        // Before any window said: the language's own 24-hour clock.
        assert_eq!(system(None).wording(english).hours, HourStyle::System);
        // A clock chosen in Settings wins over the locale's.
        let chosen = Preferences {
            hour_style: HourStyle::H24,
            system_hours: Some(HourCycle::H12),
            ..Default::default()
        };
        assert_eq!(chosen.wording(english).hours, HourStyle::H24);
    }

    #[test]
    fn system_dates_follow_the_order_the_window_resolved() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let system = |language, system_dates| {
            Preferences {
                date_style: DateStyle::System,
                system_dates,
                ..Default::default()
            }
            .wording(move || language)
        };
        // en-US in the window: month first in what Rust writes too, as `Intl` writes it.
        let us = system(DisplayLanguage::En, Some(DateOrder::MonthFirst));
        assert_eq!(us.day(day), "Monday, November 23, 2026");
        assert_eq!(us.short_date(day), "Nov 23, 2026");
        // en-GB, or no window yet: day first.
        let gb = system(DisplayLanguage::En, Some(DateOrder::DayFirst));
        assert_eq!(gb.day(day), "Monday 23 November 2026");
        assert_eq!(
            system(DisplayLanguage::En, None).day(day),
            "Monday 23 November 2026"
        );
        // French stays French, whatever the window's region.
        let fr = system(DisplayLanguage::Fr, Some(DateOrder::MonthFirst));
        assert_eq!(fr.day(day), "lundi 23 novembre 2026");
        // A style chosen in Settings wins over the locale's order.
        let chosen = Preferences {
            date_style: DateStyle::DayMonthYear,
            system_dates: Some(DateOrder::MonthFirst),
            ..Default::default()
        };
        assert_eq!(
            chosen.wording(|| DisplayLanguage::En).day(day),
            "Monday 23 November 2026"
        );
    }
}

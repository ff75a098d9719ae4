//! Notifications in the candidate's language: the same reminders as `reminders_schedule`,
//! worded in French and Arabic, with dates, plurals and zones as those languages write them.

use chrono::{DateTime, NaiveTime, Utc};
use dossier_core::applications::{
    self, ApplicationInput, EventInput, InterviewInput, InterviewMode, Stage,
};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::reminders::*;
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use dossier_core::words::{DateStyle, HourStyle, Wording};

#[path = "support/mod.rs"]
mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";
const TITLE: &str = "Criminal Intelligence Officer";

fn save(store: &mut Store, reference: &str, title: &str, date: &str, now: DateTime<Utc>) -> u32 {
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some(PARIS.into()),
        deadline: Some(Deadline {
            date: d(date),
            time: None,
            zone: PARIS.into(),
        }),
        ..VacancyInput::new(Platform::RecruitmentHub, reference, title)
    };
    match create_vacancy(store, input, now).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    }
}

fn take(store: &mut Store, now: &str, language: DisplayLanguage) -> Delivery {
    take_due(
        store,
        utc(now),
        &ReminderSettings::default(),
        PARIS,
        language,
    )
    .unwrap()
}

#[test]
fn a_deadline_is_announced_in_french_and_in_arabic() {
    for (language, title, body) in [
        (
            DisplayLanguage::En,
            "Deadline in 7 days: Criminal Intelligence Officer",
            "Applications for “Criminal Intelligence Officer (1503)” close Sunday 29 March 2026 at 23:59 (Lyon time, as where you are).",
        ),
        (
            DisplayLanguage::Fr,
            "Date limite de candidature dans 7 jours\u{a0}: Criminal Intelligence Officer",
            "Les candidatures pour «\u{a0}Criminal Intelligence Officer (1503)\u{a0}» seront closes le dimanche 29 mars 2026 à 23:59 (heure de Lyon, la même que là où vous êtes).",
        ),
        (
            DisplayLanguage::Ar,
            // Each placeable is isolated, so the Latin title keeps its order inside Arabic.
            "الموعد النهائي لتقديم الطلبات \u{2068}بعد \u{2068}7\u{2069} أيام\u{2069}: \u{2068}Criminal Intelligence Officer\u{2069}",
            "يُغلق باب تقديم الطلبات لـ \u{2068}«\u{2068}Criminal Intelligence Officer (1503)\u{2069}»\u{2069} يوم \u{2068}\u{2068}\u{2068}الأحد 29 مارس 2026\u{2069} الساعة \u{2068}23:59\u{2069}\u{2069} (بتوقيت \u{2068}Lyon\u{2069}، وهو التوقيت نفسه حيث أنت)\u{2069}.",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        save(
            &mut store,
            "1503",
            TITLE,
            "2026-03-29",
            utc("2026-03-01T09:00:00Z"),
        );
        let delivery = take(&mut store, "2026-03-22T22:59:00Z", language);
        assert_eq!(delivery.notifications.len(), 1, "{delivery:?}");
        assert_eq!(delivery.notifications[0].title, title, "{language:?}");
        assert_eq!(delivery.notifications[0].body, body, "{language:?}");
    }
}

#[test]
fn a_passed_deadline_and_the_last_hours_are_said_in_french() {
    let mut store = Store::open_in_memory().unwrap();
    save(
        &mut store,
        "1503",
        TITLE,
        "2026-03-29",
        utc("2026-03-01T09:00:00Z"),
    );
    // 3 hours before 23:59 in Lyon (CEST, UTC+2).
    let delivery = take(&mut store, "2026-03-29T18:59:00Z", DisplayLanguage::Fr);
    assert_eq!(
        delivery.notifications[0].title,
        "Date limite de candidature dans 3 heures\u{a0}: Criminal Intelligence Officer"
    );
}

#[test]
fn reminders_missed_while_closed_are_summed_up_in_french_and_arabic() {
    for (language, title, first) in [
        (
            DisplayLanguage::Fr,
            "3 rappels de Dossier",
            "• Date limite de candidature aujourd’hui à 23:59, heure de Lyon\u{a0}: Criminal Intelligence Officer (10 juin 2026, 23:59, votre heure)",
        ),
        (
            DisplayLanguage::Ar,
            "\u{2068}3\u{2069} تذكيرات من Dossier",
            "• \u{2068}الموعد النهائي لتقديم الطلبات \u{2068}اليوم الساعة \u{2068}23:59\u{2069} بتوقيت \u{2068}Lyon\u{2069}\u{2069}: \u{2068}Criminal Intelligence Officer\u{2069}\u{2069} (\u{2068}\u{2068}10 يونيو 2026، 23:59\u{2069} بتوقيتك\u{2069})",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        let saved = utc("2026-05-01T08:00:00Z");
        save(&mut store, "1503", TITLE, "2026-06-10", saved);
        save(
            &mut store,
            "1574",
            "Data Protection Officer",
            "2026-06-12",
            saved,
        );
        save(
            &mut store,
            "INT04606",
            "Cybercrime Analyst",
            "2026-06-15",
            saved,
        );
        let delivery = take(&mut store, "2026-06-09T22:00:00Z", language);
        assert!(delivery.summary);
        let summary = &delivery.notifications[0];
        assert_eq!(summary.title, title);
        assert_eq!(
            summary.body.lines().next().unwrap(),
            first,
            "{}",
            summary.body
        );
    }
}

fn submitted(store: &mut Store, on: &str, now: DateTime<Utc>) -> u32 {
    let vacancy_id = match create_vacancy(
        store,
        VacancyInput::new(Platform::RecruitmentHub, "1503", TITLE),
        now,
    )
    .unwrap()
    {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("not saved: {other:?}"),
    };
    applications::create_application(
        store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: EventInput {
                stage: Stage::Submitted,
                date: d(on),
                time: None,
                zone: Some(PARIS.into()),
                note: String::new(),
            },
        },
        now,
    )
    .unwrap()
    .application
    .id
}

#[test]
fn six_months_of_silence_are_said_in_french() {
    let mut store = Store::open_in_memory().unwrap();
    submitted(&mut store, "2026-01-15", utc("2026-01-15T10:00:00Z"));
    let delivery = take(&mut store, "2026-07-15T08:00:00Z", DisplayLanguage::Fr);
    let n = &delivery.notifications[0];
    assert_eq!(
        n.title,
        "6 mois sans réponse\u{a0}: Criminal Intelligence Officer"
    );
    assert!(
        n.body.starts_with("Vous avez soumis votre candidature pour «\u{a0}Criminal Intelligence Officer (1503)\u{a0}» le jeudi 15 janvier 2026."),
        "{}",
        n.body
    );
}

#[test]
fn an_interview_is_announced_in_french_and_arabic_with_its_mode_and_place() {
    for (language, title, body) in [
        (
            DisplayLanguage::Fr,
            "Entretien dans 1 heure\u{a0}: Criminal Intelligence Officer",
            "Entretien en présentiel pour «\u{a0}Criminal Intelligence Officer (1503)\u{a0}», le lundi 15 juin 2026 à 10:00 (heure de Lyon, la même que là où vous êtes). Lieu\u{a0}: Lyon",
        ),
        (
            DisplayLanguage::Ar,
            "مقابلة \u{2068}بعد ساعة واحدة\u{2069}: \u{2068}Criminal Intelligence Officer\u{2069}",
            "مقابلة \u{2068}حضوريًا\u{2069} لـ \u{2068}«\u{2068}Criminal Intelligence Officer (1503)\u{2069}»\u{2069}، يوم \u{2068}\u{2068}\u{2068}الاثنين 15 يونيو 2026\u{2069} الساعة \u{2068}10:00\u{2069}\u{2069} (بتوقيت \u{2068}Lyon\u{2069}، وهو التوقيت نفسه حيث أنت)\u{2069}. المكان: \u{2068}Lyon\u{2069}",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        let now = utc("2026-06-01T08:00:00Z");
        let id = submitted(&mut store, "2026-05-20", now);
        applications::add_interview(
            &mut store,
            id,
            &InterviewInput {
                date: d("2026-06-15"),
                time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                zone: PARIS.into(),
                mode: InterviewMode::InPerson,
                duration_minutes: Some(45),
                place: "Lyon".into(),
                note: String::new(),
            },
            now,
        )
        .unwrap();
        // 09:00 in Lyon on the day: the 1-day reminder is past, the 1-hour one is due.
        take(&mut store, "2026-06-14T08:00:00Z", language);
        let delivery = take(&mut store, "2026-06-15T07:00:00Z", language);
        let n = &delivery.notifications[0];
        assert_eq!(n.title, title, "{language:?}");
        assert_eq!(n.body, body, "{language:?}");
    }
}

fn wording(language: DisplayLanguage, dates: DateStyle, hours: HourStyle) -> Wording {
    Wording {
        language,
        dates,
        hours,
        month_first: false,
    }
}

#[test]
fn a_deadline_is_worded_in_the_date_and_hour_styles_chosen_in_settings() {
    use DateStyle::{DayMonthYear, Iso};
    use HourStyle::{H12, H24};
    for (chosen, body) in [
        (
            wording(DisplayLanguage::En, Iso, H24),
            "Applications for “Criminal Intelligence Officer (1503)” close 2026-03-29 at 23:59 (Lyon time, as where you are).",
        ),
        (
            wording(DisplayLanguage::En, DayMonthYear, H12),
            "Applications for “Criminal Intelligence Officer (1503)” close Sunday 29 March 2026 at 11:59 PM (Lyon time, as where you are).",
        ),
        (
            wording(DisplayLanguage::Fr, Iso, H24),
            "Les candidatures pour «\u{a0}Criminal Intelligence Officer (1503)\u{a0}» seront closes le 2026-03-29 à 23:59 (heure de Lyon, la même que là où vous êtes).",
        ),
        (
            wording(DisplayLanguage::Fr, DayMonthYear, H12),
            "Les candidatures pour «\u{a0}Criminal Intelligence Officer (1503)\u{a0}» seront closes le dimanche 29 mars 2026 à 11:59 PM (heure de Lyon, la même que là où vous êtes).",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        save(
            &mut store,
            "1503",
            TITLE,
            "2026-03-29",
            utc("2026-03-01T09:00:00Z"),
        );
        let delivery = take_due(
            &mut store,
            utc("2026-03-22T22:59:00Z"),
            &ReminderSettings::default(),
            PARIS,
            chosen,
        )
        .unwrap();
        assert_eq!(delivery.notifications.len(), 1, "{delivery:?}");
        assert_eq!(delivery.notifications[0].body, body, "{chosen:?}");
    }
}

#[test]
fn the_last_day_and_a_summary_follow_the_chosen_styles() {
    use DateStyle::{DayMonthYear, Iso};
    use HourStyle::{H12, H24};
    // The day before: "tomorrow at" names the time in the chosen hour style.
    for (chosen, title) in [
        (
            wording(DisplayLanguage::En, DayMonthYear, H12),
            "Deadline tomorrow at 11:59 PM Lyon time: Criminal Intelligence Officer",
        ),
        (
            wording(DisplayLanguage::Fr, Iso, H24),
            "Date limite de candidature demain à 23:59, heure de Lyon\u{a0}: Criminal Intelligence Officer",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        save(
            &mut store,
            "1503",
            TITLE,
            "2026-03-29",
            utc("2026-03-01T09:00:00Z"),
        );
        let delivery = take_due(
            &mut store,
            utc("2026-03-28T21:00:00Z"),
            &ReminderSettings::default(),
            PARIS,
            chosen,
        )
        .unwrap();
        assert_eq!(delivery.notifications[0].title, title, "{chosen:?}");
    }
    // Several at once: the summary's dates too.
    for (chosen, first) in [
        (
            wording(DisplayLanguage::En, Iso, H12),
            "• Deadline today at 11:59 PM Lyon time: Criminal Intelligence Officer (2026-06-10, 11:59 PM your time)",
        ),
        (
            wording(DisplayLanguage::Fr, Iso, H24),
            "• Date limite de candidature aujourd’hui à 23:59, heure de Lyon\u{a0}: Criminal Intelligence Officer (2026-06-10, 23:59, votre heure)",
        ),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        let saved = utc("2026-05-01T08:00:00Z");
        save(&mut store, "1503", TITLE, "2026-06-10", saved);
        save(
            &mut store,
            "1574",
            "Data Protection Officer",
            "2026-06-12",
            saved,
        );
        save(
            &mut store,
            "INT04606",
            "Cybercrime Analyst",
            "2026-06-15",
            saved,
        );
        let delivery = take_due(
            &mut store,
            utc("2026-06-09T22:00:00Z"),
            &ReminderSettings::default(),
            PARIS,
            chosen,
        )
        .unwrap();
        assert!(delivery.summary);
        let body = &delivery.notifications[0].body;
        assert_eq!(body.lines().next().unwrap(), first, "{body}");
    }
}

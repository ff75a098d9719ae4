//! The generated vacancies, one definition for the benchmark and the generated history, so the
//! figures `bench_vacancies` prints are measured on the kind of rows the app is started on.

use super::{AREAS, ROLES, STATIONS, Sequence, WORDS};
use chrono::{Duration, NaiveDate};
use dossier_core::vacancy::*;

/// Words in each generated notice: a real notice is a page or two.
const NOTICE_WORDS: usize = 450;

/// Vacancy number `i` of a history whose deadlines fall from `first` to about four months
/// after five years later, closed when the deadline is before `today`. References are unique
/// per `i` on each platform, so any range of `i` can be added to a store that holds another.
pub fn vacancy(seq: &mut Sequence, i: u32, first: NaiveDate, today: NaiveDate) -> VacancyInput {
    let (station, zone) = STATIONS[seq.next(STATIONS.len() as u64) as usize];
    let platform = if seq.next(3) == 0 {
        Platform::Talentlink
    } else {
        Platform::RecruitmentHub
    };
    let reference = match platform {
        Platform::Talentlink => format!("INT{i:05}"),
        Platform::RecruitmentHub => format!("{}", 1000 + i),
    };
    let mut notice = String::with_capacity(NOTICE_WORDS * 12);
    for n in 0..NOTICE_WORDS {
        if n > 0 {
            notice.push(' ');
        }
        notice.push_str(seq.pick(WORDS));
    }
    let date = first + Duration::days(seq.next(5 * 365 + 120) as i64);
    VacancyInput {
        duty_station: Some(station.into()),
        duty_zone: Some(zone.into()),
        contract_kind: Some(ContractKind::ALL[seq.next(7) as usize]),
        is_roster: seq.next(10) == 0,
        grade: Some(format!("{}", 1 + seq.next(10))),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Basic),
        duration_months: Some(24),
        published_on: Some(date - Duration::days(30)),
        deadline: Some(Deadline {
            date,
            time: None,
            zone: zone.into(),
        }),
        min_experience_years: Some(seq.next(10) as u32),
        notice_text: Some(notice),
        notes: if seq.next(4) == 0 {
            "Asked a former colleague about the team".into()
        } else {
            String::new()
        },
        status: if date < today {
            VacancyStatus::Closed
        } else {
            VacancyStatus::Open
        },
        ..VacancyInput::new(
            platform,
            reference,
            format!("{} ({})", seq.pick(ROLES), seq.pick(AREAS)),
        )
    }
}

/// Vacancies `range` of the history, in order.
pub fn vacancies(
    seq: &mut Sequence,
    range: std::ops::Range<u32>,
    first: NaiveDate,
    today: NaiveDate,
) -> Vec<VacancyInput> {
    range.map(|i| vacancy(seq, i, first, today)).collect()
}

//! Criminal record certificates: which countries a candidate needs one from, and whether the
//! vault holds a recent enough one for each.
//!
//! Source (docs/domain.md#criminal-record-certificate): a certificate issued in the
//! past 3 months, from every country lived in for more than one year in the past five years,
//! and from the country of origin. How Dossier reads that rule:
//! - **Validity**: 3 calendar months from the issue date, through that day included; when the
//!   month is shorter the last day of the month is used (issued 30 Nov 2025 → valid through
//!   28 Feb 2026; issued 30 Nov 2023 → through 29 Feb 2024). A certificate dated in the future
//!   is taken at its word.
//! - **Window**: the five years before `on`, from the same calendar day 60 months earlier.
//! - **Time lived**: a residence counts from its `from` day up to, not including, its `to` day
//!   (the day one moves out is not a day lived there); an open residence runs up to `on`.
//!   Periods are clipped to the window; overlapping periods in one country count once; separate
//!   periods in one country add up.
//! - **More than one year**: more than 365 days in total. A stay of exactly one calendar year is
//!   365 days and does not count; one across a 29 February is 366 days and does — Dossier errs
//!   towards asking for a certificate, since a missing one delays the hiring.

use super::model::{Document, DocumentKind};
use crate::profile::Residence;
use crate::words::{self, Arg, Bidi, Msg, Wording};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const CRC_SOURCE: &str = crate::sources::VACANCIES_FAQ_DOCUMENTS.title;
pub const CRC_VALID_MONTHS: u32 = 3;
const WINDOW_MONTHS: u32 = 60;
/// The most days in a country that still count as "one year or less".
const ONE_YEAR_DAYS: i64 = 365;

/// A country the candidate needs a certificate from, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CrcRequirement {
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub country_of_origin: bool,
    /// Days lived there within the five-year window.
    pub days_in_window: u32,
    /// Why, in the candidate's language (`words`' `crc-*` messages).
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum CrcState {
    Covered {
        document_id: u32,
        issued_on: NaiveDate,
        valid_until: NaiveDate,
        days_left: u32,
    },
    /// The newest certificate from that country is more than 3 months old.
    Stale {
        document_id: u32,
        issued_on: NaiveDate,
        valid_until: NaiveDate,
        days_since_expiry: u32,
    },
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CrcCountryStatus {
    pub requirement: CrcRequirement,
    pub state: CrcState,
    /// What the vault holds for it, in the candidate's language.
    pub reason: String,
}

/// The last day a certificate issued on `issued_on` counts (see the module notes).
pub fn crc_valid_until(issued_on: NaiveDate) -> NaiveDate {
    issued_on
        .checked_add_months(Months::new(CRC_VALID_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// The countries a certificate is needed from on `on`: the country of origin first, then every
/// country lived in for more than a year in total in the five years before, by country code.
/// The reasons are worded as `wording` says.
pub fn crc_required_countries(
    origin: Option<&str>,
    residences: &[Residence],
    on: NaiveDate,
    wording: Wording,
) -> Vec<CrcRequirement> {
    let window_start = on
        .checked_sub_months(Months::new(WINDOW_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let mut stays: BTreeMap<String, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for r in residences {
        let country = normalise(&r.country);
        let start = r.from.max(window_start);
        let end = r.to.unwrap_or(on).min(on);
        if !country.is_empty() && start < end {
            stays.entry(country).or_default().push((start, end));
        }
    }
    let days: BTreeMap<String, (i64, usize)> = stays
        .into_iter()
        .map(|(country, periods)| {
            let merged = merge(periods);
            let total = merged.iter().map(|(s, e)| (*e - *s).num_days()).sum();
            (country, (total, merged.len()))
        })
        .collect();

    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::reading(wording.language, msg, args);
    let (from, to) = (wording.short_date(window_start), wording.short_date(on));
    // Why a country is asked for when it was lived in long enough, as origin or not.
    let lived = |country: &str, origin: bool| -> Option<String> {
        let &(total, stays) = days.get(country)?;
        (total > ONE_YEAR_DAYS).then(|| {
            let days = say(Msg::CrcDays, &[("count", Arg::Count(total))]);
            let periods = say(Msg::CrcStays, &[("count", Arg::from(stays))]);
            let msg = match (origin, stays > 1) {
                (true, false) => Msg::CrcOriginLived,
                (true, true) => Msg::CrcOriginLivedStays,
                (false, false) => Msg::CrcLived,
                (false, true) => Msg::CrcLivedStays,
            };
            say(
                msg,
                &[
                    ("days", Arg::from(&days)),
                    ("stays", Arg::from(&periods)),
                    ("from", Arg::from(&from)),
                    ("to", Arg::from(&to)),
                ],
            )
        })
    };
    let days_of = |country: &str| {
        days.get(country)
            .map_or(0, |(d, _)| u32::try_from(*d).unwrap_or(u32::MAX))
    };

    let origin = origin.map(normalise).filter(|c| !c.is_empty());
    let mut out = Vec::new();
    if let Some(origin) = &origin {
        let reason = lived(origin, true).unwrap_or_else(|| say(Msg::CrcOriginAlways, &[]));
        out.push(CrcRequirement {
            country: origin.clone(),
            country_of_origin: true,
            days_in_window: days_of(origin),
            reason,
        });
    }
    for country in days.keys().filter(|c| Some(*c) != origin.as_ref()) {
        if let Some(reason) = lived(country, false) {
            out.push(CrcRequirement {
                country: country.clone(),
                country_of_origin: false,
                days_in_window: days_of(country),
                reason,
            });
        }
    }
    out
}

/// For each requirement, whether the vault holds a certificate from that country issued in the
/// past 3 months on `on`. Only the newest certificate per country (by issue date) is looked at.
/// The reasons are worded as `wording` says.
pub fn crc_status(
    requirements: &[CrcRequirement],
    documents: &[Document],
    on: NaiveDate,
    wording: Wording,
) -> Vec<CrcCountryStatus> {
    let language = wording.language;
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::reading(language, msg, args);
    let certificates: Vec<&Document> = documents
        .iter()
        .filter(|d| d.kind == DocumentKind::CriminalRecord)
        .collect();
    let incomplete: Vec<String> = certificates
        .iter()
        .filter(|d| d.issued_on.is_none() || d.issuing_country.is_none())
        .map(|d| quoted(wording, &d.title))
        .collect();

    requirements
        .iter()
        .map(|req| {
            let newest = certificates
                .iter()
                .filter(|d| {
                    d.issuing_country
                        .as_deref()
                        .is_some_and(|c| normalise(c) == req.country)
                })
                .filter_map(|d| Some((d.issued_on?, d.id, d.title.as_str())))
                .max();
            let (state, reason) = match newest {
                Some((issued_on, document_id, title)) => {
                    judge(&req.country, issued_on, document_id, title, on, wording)
                }
                None => {
                    let country = country_name(&req.country, wording);
                    let mut reason = say(Msg::CrcMissing, &[("country", Arg::Text(country))]);
                    if !incomplete.is_empty() {
                        let titles = words::list(language, Bidi::Reading, &incomplete);
                        let fill = say(
                            Msg::CrcIncomplete,
                            &[
                                ("titles", Arg::from(&titles)),
                                ("count", Arg::from(incomplete.len())),
                            ],
                        );
                        reason = words::sentences(language, Bidi::Reading, &reason, &fill);
                    }
                    (CrcState::Missing, reason)
                }
            };
            CrcCountryStatus {
                requirement: req.clone(),
                state,
                reason,
            }
        })
        .collect()
}

/// "France" for `FR`, in the candidate's language: the candidate reads names, not codes.
pub fn country_name(code: &str, wording: Wording) -> &str {
    crate::countries::name_in(code, wording.language.tag())
        .or_else(|| crate::countries::name(code))
        .unwrap_or(code)
}

/// A document's title inside a sentence, in the language's quotation marks.
fn quoted(wording: Wording, title: &str) -> String {
    words::reading(wording.language, Msg::Quoted, &[("name", Arg::Text(title))])
}

fn judge(
    country: &str,
    issued_on: NaiveDate,
    document_id: u32,
    title: &str,
    on: NaiveDate,
    wording: Wording,
) -> (CrcState, String) {
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::reading(wording.language, msg, args);
    let valid_until = crc_valid_until(issued_on);
    let days = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let title = quoted(wording, title);
    let issued = wording.short_date(issued_on);
    let until = wording.short_date(valid_until);
    if on <= valid_until {
        let days_left = days((valid_until - on).num_days());
        let left = say(Msg::CrcLeft, &[("count", Arg::from(days_left))]);
        (
            CrcState::Covered {
                document_id,
                issued_on,
                valid_until,
                days_left,
            },
            say(
                Msg::CrcCovered,
                &[
                    ("title", Arg::from(&title)),
                    ("issued", Arg::from(&issued)),
                    ("until", Arg::from(&until)),
                    ("left", Arg::from(&left)),
                ],
            ),
        )
    } else {
        (
            CrcState::Stale {
                document_id,
                issued_on,
                valid_until,
                days_since_expiry: days((on - valid_until).num_days()),
            },
            say(
                Msg::CrcStale,
                &[
                    ("country", Arg::Text(country_name(country, wording))),
                    ("title", Arg::from(&title)),
                    ("issued", Arg::from(&issued)),
                    ("until", Arg::from(&until)),
                    ("months", Arg::from(CRC_VALID_MONTHS)),
                ],
            ),
        )
    }
}

fn normalise(country: &str) -> String {
    country.trim().to_ascii_uppercase()
}

/// Half-open periods merged where they overlap or touch, so no day is counted twice.
fn merge(mut periods: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    periods.sort();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(periods.len());
    for (start, end) in periods {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

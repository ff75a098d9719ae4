//! Professional references. Source: docs/domain.md#references:
//! names and contacts of two professional references, outside INTERPOL, who worked with the
//! candidate directly (ideally in a hierarchical relation), not family members.

use super::model::{Document, ProvenEntry};
use crate::profile::Reference;
use crate::words::{self, Arg, Bidi, Msg, Wording};
use serde::Serialize;
use std::collections::HashSet;

pub const REFERENCES_NEEDED: u32 = 2;

/// `Unknown`: nothing rules the reference out, but a fact the rule needs is not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceVerdict {
    Ok,
    Problem,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceStatus {
    pub reference_id: u32,
    pub name: String,
    pub verdict: ReferenceVerdict,
    /// One sentence per rule, problems first, in the candidate's language.
    pub reasons: Vec<String>,
    /// Advice that does not decide the verdict (the hierarchical relation INTERPOL prefers).
    pub advice: Vec<String>,
    /// Documents that prove this reference (reference letters), by id.
    pub letters: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceCheck {
    pub references: Vec<ReferenceStatus>,
    pub passing: u32,
    pub needed: u32,
    pub enough: bool,
    /// Documents that say they prove a reference no longer in the profile.
    pub unmatched_letters: Vec<u32>,
    pub summary: String,
}

/// Checks each reference against the rules and pairs it with the documents that prove it; the
/// reasons and the summary are worded as `wording` says.
pub fn check_references(
    references: &[Reference],
    letters: &[Document],
    wording: Wording,
) -> ReferenceCheck {
    let language = wording.language;
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::reading(language, msg, args);
    let statuses: Vec<ReferenceStatus> = references
        .iter()
        .map(|r| check_one(r, letters, wording))
        .collect();
    let known: HashSet<u32> = references.iter().map(|r| r.id).collect();
    let unmatched_letters = letters
        .iter()
        .filter(|d| matches!(d.proves, Some(ProvenEntry::Reference(id)) if !known.contains(&id)))
        .map(|d| d.id)
        .collect();
    let count = |v: ReferenceVerdict| statuses.iter().filter(|s| s.verdict == v).count() as u32;
    let passing = count(ReferenceVerdict::Ok);
    let unknown = count(ReferenceVerdict::Unknown);
    let enough = passing >= REFERENCES_NEEDED;
    let meets = say(
        Msg::ReferencesMeet,
        &[
            ("passing", Arg::from(passing)),
            ("needed", Arg::from(REFERENCES_NEEDED)),
        ],
    );
    let summary = if enough {
        meets
    } else {
        let next = if unknown > 0 {
            say(Msg::ReferencesCouldCount, &[("count", Arg::from(unknown))])
        } else {
            say(Msg::ReferencesAdd, &[])
        };
        words::sentences(language, Bidi::Reading, &meets, &next)
    };
    ReferenceCheck {
        references: statuses,
        passing,
        needed: REFERENCES_NEEDED,
        enough,
        unmatched_letters,
        summary,
    }
}

/// What a rule found, as the catalogue's `reference-rule` code.
type Rule = &'static str;

fn check_one(r: &Reference, letters: &[Document], wording: Wording) -> ReferenceStatus {
    let mut problems: Vec<Rule> = Vec::new();
    let mut unknowns: Vec<Rule> = Vec::new();
    let mut fine: Vec<Rule> = Vec::new();

    if r.name.trim().is_empty() || r.contact.trim().is_empty() {
        problems.push("no_contact");
    } else {
        fine.push("contact");
    }
    match r.interpol_staff {
        Some(true) => problems.push("staff"),
        Some(false) => fine.push("outside"),
        None => unknowns.push("staff_unknown"),
    }
    match r.worked_directly {
        Some(false) => problems.push("indirect"),
        Some(true) => fine.push("direct"),
        None => unknowns.push("direct_unknown"),
    }
    match r.family_member {
        Some(true) => problems.push("family"),
        Some(false) => fine.push("not_family"),
        None => unknowns.push("family_unknown"),
    }
    let say = |msg: Msg, name: &str, code: Rule| {
        words::reading(wording.language, msg, &[(name, Arg::Text(code))])
    };
    let advice = match r.hierarchical {
        Some(true) => Vec::new(),
        Some(false) => vec![say(Msg::ReferenceAdvice, "advice", "not_hierarchical")],
        None => vec![say(Msg::ReferenceAdvice, "advice", "hierarchy_unknown")],
    };

    let verdict = if !problems.is_empty() {
        ReferenceVerdict::Problem
    } else if !unknowns.is_empty() {
        ReferenceVerdict::Unknown
    } else {
        ReferenceVerdict::Ok
    };
    let mut letter_ids: Vec<u32> = letters
        .iter()
        .filter(|d| d.proves == Some(ProvenEntry::Reference(r.id)))
        .map(|d| d.id)
        .collect();
    letter_ids.sort_unstable();
    ReferenceStatus {
        reference_id: r.id,
        name: r.name.clone(),
        verdict,
        reasons: problems
            .into_iter()
            .chain(unknowns)
            .chain(fine)
            .map(|rule| say(Msg::ReferenceRule, "rule", rule))
            .collect(),
        advice,
        letters: letter_ids,
    }
}

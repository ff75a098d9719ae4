//! Professional references. Source: docs/domain.md#references:
//! names and contacts of two professional references, outside INTERPOL, who worked with the
//! candidate directly (ideally in a hierarchical relation), not family members.

use super::model::{Document, ProvenEntry};
use crate::profile::Reference;
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
    /// One sentence per rule, problems first.
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

/// Checks each reference against the rules and pairs it with the documents that prove it.
pub fn check_references(references: &[Reference], letters: &[Document]) -> ReferenceCheck {
    let statuses: Vec<ReferenceStatus> = references.iter().map(|r| check_one(r, letters)).collect();
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
    let meets = |n: u32| {
        if n == 1 {
            "1 reference meets".to_string()
        } else {
            format!("{n} references meet")
        }
    };
    let summary = if enough {
        format!(
            "{} INTERPOL's rules; {REFERENCES_NEEDED} are needed.",
            meets(passing)
        )
    } else {
        let mut s = format!(
            "{} INTERPOL's rules; {REFERENCES_NEEDED} are needed.",
            meets(passing)
        );
        if unknown > 0 {
            s.push_str(&format!(
                " {unknown} more could count once the missing facts are recorded."
            ));
        } else {
            s.push_str(
                " Add a professional reference from outside INTERPOL who worked with you directly.",
            );
        }
        s
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

fn check_one(r: &Reference, letters: &[Document]) -> ReferenceStatus {
    let mut problems = Vec::new();
    let mut unknowns = Vec::new();
    let mut fine = Vec::new();

    if r.name.trim().is_empty() || r.contact.trim().is_empty() {
        problems.push(
            "The name or the contact details are missing; INTERPOL asks for both.".to_string(),
        );
    } else {
        fine.push("Name and contact details are recorded.".to_string());
    }
    match r.interpol_staff {
        Some(true) => problems
            .push("Works at INTERPOL; references must come from outside INTERPOL.".to_string()),
        Some(false) => fine.push("Outside INTERPOL.".to_string()),
        None => unknowns.push("Not recorded whether they work at INTERPOL.".to_string()),
    }
    match r.worked_directly {
        Some(false) => problems
            .push("Did not work with you directly; INTERPOL asks for people who did.".to_string()),
        Some(true) => fine.push("Worked with you directly.".to_string()),
        None => unknowns.push("Not recorded whether they worked with you directly.".to_string()),
    }
    match r.family_member {
        Some(true) => problems.push("A family member; references cannot be family.".to_string()),
        Some(false) => fine.push("Not a family member.".to_string()),
        None => unknowns.push("Not recorded whether they are a family member.".to_string()),
    }
    let advice = match r.hierarchical {
        Some(true) => Vec::new(),
        Some(false) => vec![
            "Not in a hierarchical relation with you: accepted, though INTERPOL prefers a manager or someone you managed.".to_string(),
        ],
        None => vec![
            "INTERPOL prefers a reference in a hierarchical relation (a manager or someone you managed); record whether this one is.".to_string(),
        ],
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
        reasons: problems.into_iter().chain(unknowns).chain(fine).collect(),
        advice,
        letters: letter_ids,
    }
}

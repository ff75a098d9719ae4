//! The enums with a hand-written `as_str` (kept for speed in long lists) must spell each value
//! as their serde name does: the store writes some columns one way and reads them the other.

use dossier_core::applications::{InterviewMode, Stage};
use dossier_core::vacancy::{ContractKind, Platform};
use dossier_core::vault::DocumentKind;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn agree<T>(all: &[T], as_str: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy,
{
    for &value in all {
        let word = as_str(value);
        assert_eq!(serde_json::to_value(value).unwrap(), word, "{value:?}");
        assert_eq!(serde_json::from_value::<T>(word.into()).unwrap(), value);
        assert_eq!(parse(word), Some(value));
    }
}

#[test]
fn hand_written_enum_words_match_the_wire_names() {
    agree(
        &[Platform::Talentlink, Platform::RecruitmentHub],
        Platform::as_str,
        Platform::parse,
    );
    agree(
        &ContractKind::ALL,
        ContractKind::as_str,
        ContractKind::parse,
    );
    agree(&Stage::ALL, Stage::as_str, Stage::parse);
    agree(
        &[InterviewMode::VideoConference, InterviewMode::InPerson],
        InterviewMode::as_str,
        InterviewMode::parse,
    );
    agree(
        &DocumentKind::ALL,
        DocumentKind::as_str,
        DocumentKind::parse,
    );
}

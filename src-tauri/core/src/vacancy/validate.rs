//! What a vacancy must satisfy before it is saved. Text is trimmed here once, so the store and
//! the duplicate check see the same reference the candidate sees.

use super::{MAX_NOTICE_BYTES, VacancyInput};
use crate::time::zone as parse_zone;
use crate::{Error, Result};

/// Short fields are one line in a notice; anything longer is a paste in the wrong box.
const MAX_SHORT_TEXT: usize = 500;
const MAX_NOTES_BYTES: usize = 100 * 1024;

fn clean(value: &mut String, field: &str, label: &str, required: bool) -> Result<()> {
    let trimmed = value.trim();
    if required && trimmed.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    if trimmed.chars().count() > MAX_SHORT_TEXT {
        return Err(Error::invalid(
            field,
            format!("{label} is longer than {MAX_SHORT_TEXT} characters"),
        ));
    }
    if trimmed.len() != value.len() {
        *value = trimmed.to_string();
    }
    Ok(())
}

fn clean_optional(value: &mut Option<String>, field: &str, label: &str) -> Result<()> {
    if let Some(text) = value {
        clean(text, field, label, false)?;
        if text.is_empty() {
            *value = None;
        }
    }
    Ok(())
}

/// Only web addresses may be opened in the browser: a `file:` or `javascript:` address from a
/// pasted notice must never reach the system opener.
pub fn check_web_address(url: &str) -> Result<()> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(|| {
            Error::invalid(
                "noticeUrl",
                "the notice address must start with http:// or https://",
            )
        })?;
    if rest.is_empty() || rest.starts_with('/') || url.chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            "noticeUrl",
            "the notice address is not a complete web address",
        ));
    }
    Ok(())
}

impl VacancyInput {
    /// Trims and checks every field; the first problem is reported with the field it concerns.
    pub fn validated(mut self) -> Result<VacancyInput> {
        clean(&mut self.reference, "reference", "The reference", true)?;
        clean(&mut self.title, "title", "The title", true)?;
        clean_optional(&mut self.duty_station, "dutyStation", "The duty station")?;
        clean_optional(&mut self.duty_zone, "dutyZone", "The time zone")?;
        clean_optional(&mut self.grade, "grade", "The grade")?;
        clean_optional(&mut self.duration_text, "durationText", "The duration")?;
        clean_optional(&mut self.notice_url, "noticeUrl", "The notice address")?;
        if let Some(zone) = &self.duty_zone {
            parse_zone(zone).map_err(|_| {
                Error::invalid("dutyZone", format!("\"{zone}\" is not a known time zone"))
            })?;
        }
        if let Some(deadline) = &self.deadline {
            parse_zone(&deadline.zone).map_err(|_| {
                Error::invalid(
                    "deadline",
                    format!("\"{}\" is not a known time zone", deadline.zone),
                )
            })?;
            deadline.instant()?;
        }
        if let Some(url) = &self.notice_url {
            check_web_address(url)?;
        }
        if let Some(text) = &self.notice_text {
            if text.len() > MAX_NOTICE_BYTES {
                return Err(Error::invalid(
                    "noticeText",
                    "the notice text is over 1 MB; paste only the notice itself",
                ));
            }
            if text.trim().is_empty() {
                self.notice_text = None;
            }
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::invalid("notes", "the notes are over 100 KB"));
        }
        for requirement in &mut self.languages {
            let code = requirement.language.trim().to_ascii_lowercase();
            if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(Error::invalid(
                    "languages",
                    format!(
                        "\"{}\" is not a two-letter language code",
                        requirement.language
                    ),
                ));
            }
            requirement.language = code;
        }
        Ok(self)
    }
}

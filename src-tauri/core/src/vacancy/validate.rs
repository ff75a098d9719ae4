//! What a vacancy must satisfy before it is saved. Text is trimmed here once, so the store and
//! the duplicate check see the same reference the candidate sees.

use super::{MAX_NOTICE_BYTES, VacancyInput};
use crate::error::FieldProblem;
use crate::hidden_chars::{is_invisible, strip_hidden};
use crate::time::zone as parse_zone;
use crate::{Error, Result};
use url::Url;

/// Short fields are one line in a notice; anything longer is a paste in the wrong box.
const MAX_SHORT_TEXT: usize = 500;
const MAX_NOTES_BYTES: usize = 100 * 1024;

/// Trims, and takes out hidden characters (see [`crate::hidden_chars`]): these fields are
/// names shown in lists and used in file names.
fn clean(value: &mut String, field: &str, label: &str, required: bool) -> Result<()> {
    let visible = strip_hidden(value);
    let trimmed = visible.trim();
    if required && trimmed.is_empty() {
        return Err(Error::field(
            field,
            FieldProblem::Empty,
            format!("{label} is required"),
        ));
    }
    if trimmed.chars().count() > MAX_SHORT_TEXT {
        return Err(Error::too_long(field, trimmed, MAX_SHORT_TEXT));
    }
    if trimmed != value.as_str() {
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

fn unknown_zone(field: &str, zone: &str) -> Error {
    Error::field(
        field,
        FieldProblem::UnknownTimeZone {
            zone: zone.to_string(),
        },
        format!("\"{zone}\" is not a known time zone"),
    )
}

fn refuse_address(problem: FieldProblem, reason: impl Into<String>) -> Error {
    Error::field("noticeUrl", problem, reason)
}

/// Only web addresses may be opened in the browser: a `file:` or `javascript:` address from a
/// pasted notice must never reach the system opener. The address is read as the browser will
/// read it (the WHATWG rules of the `url` crate), and refused when what it opens is not what it
/// shows: a user name before `@` (`https://interpol.int@evil.example/` opens evil.example), or
/// hidden characters (bidirectional overrides, zero-width and control characters).
pub fn check_web_address(url: &str) -> Result<()> {
    if url.chars().any(is_invisible) {
        return Err(refuse_address(
            FieldProblem::AddressHiddenCharacters,
            "the notice address contains hidden or control characters; copy it again from the browser's address bar",
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(refuse_address(
            FieldProblem::AddressHasSpace,
            "the notice address contains a space; copy it again from the browser's address bar",
        ));
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(|| {
            refuse_address(
                FieldProblem::AddressNotWeb,
                "the notice address must start with http:// or https://",
            )
        })?;
    let incomplete = || {
        refuse_address(
            FieldProblem::AddressIncomplete,
            "the notice address is not a complete web address",
        )
    };
    // The parser would read `https:///path` as the host `path`; a browser's address bar never
    // shows that form.
    if rest.is_empty() || rest.starts_with(['/', '\\']) {
        return Err(incomplete());
    }
    let parsed = Url::parse(url).map_err(|_| incomplete())?;
    let host = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(incomplete)?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refuse_address(
            FieldProblem::AddressUserInfo {
                host: host.to_string(),
            },
            format!(
                "the notice address has a user name or password before “@”, so it would open {host}; INTERPOL's addresses have none"
            ),
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
        // Checked before cleaning: hidden characters in an address are refused, not dropped.
        if let Some(url) = self.notice_url.as_deref().map(str::trim)
            && !url.is_empty()
        {
            check_web_address(url)?;
        }
        clean_optional(&mut self.notice_url, "noticeUrl", "The notice address")?;
        if let Some(zone) = &self.duty_zone {
            parse_zone(zone).map_err(|_| unknown_zone("dutyZone", zone))?;
        }
        if let Some(deadline) = &self.deadline {
            parse_zone(&deadline.zone).map_err(|_| unknown_zone("deadline", &deadline.zone))?;
            deadline.instant()?;
        }
        if let Some(text) = &self.notice_text {
            if text.len() > MAX_NOTICE_BYTES {
                return Err(Error::field(
                    "noticeText",
                    crate::error::FieldProblem::NoticeTooLong,
                    "the notice text is over 1 MB; paste only the notice itself",
                ));
            }
            if text.trim().is_empty() {
                self.notice_text = None;
            }
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::field(
                "notes",
                crate::error::FieldProblem::NotesTooLong,
                "the notes are over 100 KB",
            ));
        }
        for requirement in &mut self.languages {
            let code = requirement.language.trim().to_ascii_lowercase();
            if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(Error::field(
                    "languages",
                    FieldProblem::NotALanguageCode {
                        value: requirement.language.clone(),
                    },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(url: &str) -> String {
        match check_web_address(url) {
            Err(Error::Invalid { fields }) => {
                assert_eq!(fields.len(), 1);
                assert_eq!(fields[0].field, "noticeUrl");
                fields[0].message.clone()
            }
            other => panic!("{url:?} was not refused: {other:?}"),
        }
    }

    #[test]
    fn notice_addresses_on_the_web_are_accepted() {
        for url in [
            "https://www.interpol.int/en/Careers/Job-opportunities",
            "http://interpol.taleo.net/careersection/1/jobdetail.ftl?job=INT04606&lang=en",
            "HTTPS://INTERPOL.INT/",
            "https://recrutement.interpol.int:8443/hub#vacancy-1503",
        ] {
            assert!(check_web_address(url).is_ok(), "{url}");
        }
    }

    #[test]
    fn credentials_hidden_characters_and_non_web_schemes_are_refused() {
        // Opens evil.example, with "interpol.int" as a user name.
        assert!(refusal("https://interpol.int@evil.example/").contains("user name"));
        assert!(refusal("https://user:secret@interpol.int/").contains("user name"));
        assert!(refusal("https://interpol.int/\u{202E}fdp.exe").contains("hidden"));
        assert!(refusal("https://interpol\u{200B}.int/").contains("hidden"));
        assert!(refusal("https://interpol.int/\u{0}").contains("hidden"));
        assert!(refusal("https://interpol.int/a\tb").contains("hidden"));
        assert!(refusal("https://interpol.int/a b").contains("space"));
        assert!(refusal("javascript:alert(1)").contains("http"));
        assert!(refusal("file:///etc/passwd").contains("http"));
        assert!(refusal("https://").contains("complete"));
        assert!(refusal("https:///path").contains("complete"));
        assert!(refusal("https://exa mple.org/").contains("space"));
        assert!(refusal("https://[::1/").contains("complete"));
    }
}

//! Turning a paste or a saved notice file into a draft: the checks around the parser that keep a
//! wrong file or an empty paste from becoming a vacancy.

use super::{MAX_NOTICE_BYTES, NoticeDraft, notice_text_from_html, parse_notice};
use crate::error::IoOp;
use crate::{Error, Result};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// A draft and the text it was read from, which is kept with the vacancy as the notice.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeCapture {
    pub draft: NoticeDraft,
    pub text: String,
}

fn too_large() -> Error {
    Error::field(
        "notice",
        crate::error::FieldProblem::NoticeTooLong,
        "This text is over 1 MB, far longer than any vacancy notice. Paste only the notice itself.",
    )
}

/// Reads pasted text. Nothing is saved here; the candidate checks the draft first.
pub fn capture_notice(text: &str) -> Result<NoticeCapture> {
    if text.len() > MAX_NOTICE_BYTES {
        return Err(too_large());
    }
    if text.trim().is_empty() {
        return Err(Error::field(
            "notice",
            crate::error::FieldProblem::NothingPasted,
            "Nothing was pasted. Copy the text of the vacancy notice and paste it here.",
        ));
    }
    let draft = parse_notice(text);
    if draft.is_empty() {
        return Err(Error::field(
            "notice",
            crate::error::FieldProblem::NotANotice,
            "This does not look like a vacancy notice: no title, reference, deadline or other detail was found. Check that you copied the whole notice.",
        ));
    }
    Ok(NoticeCapture {
        draft,
        text: text.trim().to_string(),
    })
}

/// Reads a notice saved as `.txt` or `.html`. The size is checked before reading, so opening a
/// wrong, huge file costs nothing.
pub fn capture_notice_file(path: &Path) -> Result<NoticeCapture> {
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| Error::io(IoOp::Open, path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_NOTICE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(IoOp::Read, path, e))?;
    if bytes.len() > MAX_NOTICE_BYTES {
        return Err(too_large());
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::field(
            "notice",
            crate::error::FieldProblem::NotTextOrHtml {
                name: name.to_string(),
            },
            format!("{name} is not a text or HTML file. Save the notice page as text or HTML."),
        )
    })?;
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        || text.trim_start().starts_with('<');
    let text = if is_html {
        notice_text_from_html(&text)
    } else {
        text
    };
    capture_notice(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_paste_is_a_code_for_the_window_with_its_english_for_logs() {
        let err = capture_notice("   ").unwrap_err();
        assert_eq!(
            err.field_problem(),
            Some(&crate::error::FieldProblem::NothingPasted)
        );
        assert_eq!(err.field_errors()[0].field, "notice");
        assert!(
            err.field_errors()[0]
                .message
                .starts_with("Nothing was pasted."),
            "{err:?}"
        );
        let err = capture_notice("hello there").unwrap_err();
        assert_eq!(
            err.field_problem(),
            Some(&crate::error::FieldProblem::NotANotice)
        );
        assert!(
            err.field_errors()[0]
                .message
                .starts_with("This does not look"),
            "{err:?}"
        );
    }
}

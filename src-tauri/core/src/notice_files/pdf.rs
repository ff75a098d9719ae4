//! The text layer of a saved PDF notice. A candidate saves the page as a PDF when the posting
//! is about to disappear: browsers write real text, a scanner writes only a picture of it.

use lopdf::Document;

/// Why no text came out of a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PdfProblem {
    /// Pages, but nothing written on them as text: a scan.
    NoText,
    /// Opening it needs a password the candidate has not given.
    Locked,
    /// Not a PDF that can be read at all: truncated, or not a PDF inside.
    Damaged,
}

/// The text of every page, in page order. Never panics on hostile input: lopdf bounds what a
/// page's content may inflate to.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            return Err(PdfProblem::Locked);
        }
        Err(_) => return Err(PdfProblem::Damaged),
    };
    // lopdf opens a file whose user password is not empty without decrypting it; what it would
    // read then is ciphertext.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfProblem::Locked);
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(PdfProblem::Damaged);
    }
    let mut text = String::new();
    let (mut read, mut failed) = (0, 0);
    for chunk in doc.extract_text_chunks(&pages) {
        // A run of text that cannot be decoded (an odd font) does not hide the others.
        match chunk {
            Ok(chunk) => {
                read += 1;
                text.push_str(&chunk);
                text.push('\n');
            }
            Err(_) => failed += 1,
        }
    }
    // A scan has no text runs at all; a damaged file has runs, none of them readable.
    if read == 0 && failed > 0 {
        return Err(PdfProblem::Damaged);
    }
    if text.trim().is_empty() {
        return Err(PdfProblem::NoText);
    }
    Ok(text)
}

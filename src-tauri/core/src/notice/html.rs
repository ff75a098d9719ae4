//! A saved notice page (`.html`) turned into the text a person sees in the browser.
//!
//! Hand-written rather than a crate: the HTML5 parsers (html5ever and the crates built on it,
//! such as html2text) would add several hundred KiB to a release binary that has about 1.4 MiB
//! left of its 12 MiB budget, and a notice needs far less than a DOM: the visible text, with
//! block elements on their own lines, entities decoded, and scripts, styles and hidden
//! elements left out. Malformed markup never fails: whatever cannot be read as a tag is text.

/// Elements whose content is never shown as text.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "title", "textarea", "iframe", "svg", "select",
    "object",
];

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content, so they never hide what follows them.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The plain text a person would see on the page: one line per block element, table cells
/// separated by tabs, list items starting with `- `, entities decoded; scripts, styles and
/// elements marked hidden are dropped.
pub fn notice_text_from_html(html: &str) -> String {
    let mut sink = TextSink::default();
    let mut scanner = Scanner::new(html);
    // Name and nesting depth of a hidden element whose content is being skipped.
    let mut hidden: Option<(String, usize)> = None;
    let mut pre_depth = 0usize;

    while let Some(token) = scanner.next_token() {
        match token {
            Token::Text(text) => {
                if hidden.is_none() {
                    sink.push_text(&decode_entities(text), pre_depth > 0);
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                if let Some((hidden_name, depth)) = hidden.as_mut() {
                    if *hidden_name == name && !self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                if RAW_TEXT.contains(&name.as_str()) {
                    if !self_closing {
                        scanner.skip_raw_text(&name);
                    }
                    continue;
                }
                let is_void = VOID.contains(&name.as_str());
                if is_hidden(attrs) && !is_void && !self_closing {
                    hidden = Some((name, 1));
                    continue;
                }
                open_element(&mut sink, &name, &mut pre_depth);
            }
            Token::End { name } => {
                if let Some((hidden_name, depth)) = hidden.as_mut() {
                    if *hidden_name == name {
                        *depth -= 1;
                        if *depth == 0 {
                            hidden = None;
                        }
                    }
                    continue;
                }
                close_element(&mut sink, &name, &mut pre_depth);
            }
        }
    }
    sink.finish()
}

fn open_element(sink: &mut TextSink, name: &str, pre_depth: &mut usize) {
    match name {
        "br" => sink.hard_break(),
        "li" => {
            sink.line_break();
            sink.push_text("- ", true);
        }
        "td" | "th" => sink.cell_break(),
        "pre" => {
            *pre_depth += 1;
            sink.line_break();
        }
        _ if BLOCKS.contains(&name) => sink.line_break(),
        _ => {}
    }
}

fn close_element(sink: &mut TextSink, name: &str, pre_depth: &mut usize) {
    match name {
        "li" => sink.line_break(),
        "td" | "th" => sink.cell_break(),
        "pre" => {
            *pre_depth = pre_depth.saturating_sub(1);
            sink.line_break();
        }
        _ if BLOCKS.contains(&name) => sink.line_break(),
        _ => {}
    }
}

/// Class names that page frameworks use to hide an element. A saved page keeps its stylesheets
/// apart, so these conventional names are the only sign left that a block was not shown.
const HIDING_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "d-none",
    "is-hidden",
    "invisible",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
];

/// True when the markup itself hides the element from a reader.
fn is_hidden(attrs: &str) -> bool {
    attributes(attrs)
        .iter()
        .any(|(name, value)| match name.as_str() {
            "hidden" => true,
            "class" => value
                .split_whitespace()
                .any(|class| HIDING_CLASSES.contains(&class.to_ascii_lowercase().as_str())),
            "style" => {
                let style: String = value
                    .to_ascii_lowercase()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                style.contains("display:none") || style.contains("visibility:hidden")
            }
            _ => false,
        })
}

/// True when `text` is markup rather than plain text: it starts like a document or holds
/// several common tags. A notice pasted as text may mention `<` but not a run of tags.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    const TAGS: &[&str] = &[
        "<html", "<body", "<div", "<p>", "<p ", "<br", "<span", "<table", "<td", "<li", "<ul",
        "<h1", "<h2", "<h3", "<strong", "<meta",
    ];
    let lower = text.to_ascii_lowercase();
    let tag_count: usize = TAGS
        .iter()
        .map(|tag| lower.matches(tag).take(3).count())
        .sum();
    tag_count >= 3
}

/// The page's own address when it states one (`<link rel="canonical">` or `og:url`): a saved
/// page keeps it even though no reader sees it.
pub fn canonical_url(html: &str) -> Option<String> {
    let mut scanner = Scanner::new(html);
    while let Some(token) = scanner.next_token() {
        let Token::Start { name, attrs, .. } = token else {
            continue;
        };
        let attrs = attributes(attrs);
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.as_str())
        };
        let url = match name.as_str() {
            "link" if get("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) => {
                get("href")
            }
            "meta" if get("property").is_some_and(|p| p.eq_ignore_ascii_case("og:url")) => {
                get("content")
            }
            _ => None,
        };
        if let Some(url) = url.map(str::trim)
            && (url.starts_with("https://") || url.starts_with("http://"))
        {
            return Some(url.to_string());
        }
    }
    None
}

enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        attrs: &'a str,
        self_closing: bool,
    },
    End {
        name: String,
    },
}

struct Scanner<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(html: &'a str) -> Self {
        Scanner { html, pos: 0 }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.html.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                // A '<' that opens no tag is text; find the next '<' after it.
                self.pos += end;
                return Some(Token::Text(&rest[..end]));
            }
            if let Some(after) = rest.strip_prefix("<!--") {
                self.pos += 4 + after.find("-->").map_or(after.len(), |i| i + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.pos += rest.find('>').map_or(rest.len(), |i| i + 1);
                continue;
            }
            match parse_tag(rest) {
                Some((token, len)) => {
                    self.pos += len;
                    return Some(token);
                }
                None => {
                    // Not a tag: the '<' is text, as a browser shows it.
                    self.pos += 1;
                    return Some(Token::Text(&rest[..1]));
                }
            }
        }
    }

    /// Moves past the content and end tag of a raw-text element such as `<script>`.
    fn skip_raw_text(&mut self, name: &str) {
        let rest = &self.html[self.pos..];
        let closing = format!("</{name}");
        match find_ignore_ascii_case(rest, &closing) {
            Some(at) => {
                let after = &rest[at..];
                self.pos += at + after.find('>').map_or(after.len(), |i| i + 1);
            }
            None => self.pos = self.html.len(),
        }
    }
}

/// Reads one start or end tag at the start of `rest` (which starts with '<'); returns it and
/// its length in bytes, or `None` when this '<' does not open a tag.
fn parse_tag(rest: &str) -> Option<(Token<'_>, usize)> {
    let bytes = rest.as_bytes();
    let mut i = 1;
    let is_end = bytes.get(1) == Some(&b'/');
    if is_end {
        i += 1;
    }
    let name_start = i;
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
    {
        i += 1;
    }
    let name = rest[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            None => {}
        }
        i += 1;
    }
    // An unterminated tag runs to the end of the document, as in a browser.
    let attrs_end = i.min(bytes.len());
    let len = (i + 1).min(bytes.len());
    let attrs = &rest[attrs_start..attrs_end];
    let token = if is_end {
        Token::End { name }
    } else {
        Token::Start {
            name,
            self_closing: attrs.trim_end().ends_with('/'),
            attrs,
        }
    };
    Some((token, len))
}

/// Attribute names (lower case) and decoded values of a tag's attribute text.
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    loop {
        while chars
            .peek()
            .is_some_and(|(_, c)| c.is_whitespace() || *c == '/')
        {
            chars.next();
        }
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        let mut end = start;
        while let Some(&(at, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' || c == '/' {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        let name = text[start..end].to_ascii_lowercase();
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
            let quote = chars
                .peek()
                .map(|(_, c)| *c)
                .filter(|c| *c == '"' || *c == '\'');
            if quote.is_some() {
                chars.next();
            }
            for (_, c) in chars.by_ref() {
                let ends = match quote {
                    Some(q) => c == q,
                    None => c.is_whitespace(),
                };
                if ends {
                    break;
                }
                value.push(c);
            }
        }
        if name.is_empty() {
            // A stray '=' or quote: skip one character so the loop always advances.
            chars.next();
            continue;
        }
        found.push((name, decode_entities(&value)));
    }
    found
}

fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Builds the visible text: spaces collapse as a browser collapses them, block boundaries
/// become single line breaks (never more than one blank line), cells are tab-separated.
#[derive(Default)]
struct TextSink {
    out: String,
    pending_space: bool,
    pending_tab: bool,
}

impl TextSink {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn push_text(&mut self, text: &str, preformatted: bool) {
        for c in text.chars() {
            if preformatted {
                if c == '\n' {
                    self.hard_break();
                } else {
                    self.push_char(c);
                }
            } else if c.is_whitespace() && c != '\u{a0}' {
                self.pending_space = !self.at_line_start();
            } else {
                self.push_char(c);
            }
        }
    }

    fn push_char(&mut self, c: char) {
        if self.pending_tab {
            self.out.push('\t');
        } else if self.pending_space {
            self.out.push(' ');
        }
        self.pending_tab = false;
        self.pending_space = false;
        self.out.push(c);
    }

    fn cell_break(&mut self) {
        if !self.at_line_start() {
            self.pending_tab = true;
        }
    }

    /// The end of a block: a new line unless one has just begun (blocks do not stack up
    /// blank lines, as in a browser).
    fn line_break(&mut self) {
        self.end_line();
        if !self.at_line_start() {
            self.out.push('\n');
        }
    }

    /// `<br>`: always a new line, so two of them leave a blank line (but never more).
    fn hard_break(&mut self) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn end_line(&mut self) {
        self.pending_space = false;
        self.pending_tab = false;
        let trimmed_len = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed_len);
    }

    fn finish(self) -> String {
        self.out.trim().to_string()
    }
}

/// Decodes character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`); an unknown or
/// malformed one stays as written, as browsers show it.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match decode_one(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `after` (the text following '&'): the character and
/// the bytes consumed, including a closing ';'.
fn decode_one(after: &str) -> Option<(char, usize)> {
    let body_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(after.len());
    let body = &after[..body_len];
    let has_semicolon = after[body_len..].starts_with(';');
    let used = body_len + usize::from(has_semicolon);
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return Some((numeric_char(code), used));
    }
    if has_semicolon {
        return named_entity(body).map(|c| (c, used));
    }
    // Browsers accept a few legacy references without ';'.
    ["amp", "lt", "gt", "quot", "nbsp"]
        .into_iter()
        .find(|name| body == *name)
        .and_then(named_entity)
        .map(|c| (c, body_len))
}

/// A numeric reference, with 128..=159 read as Windows-1252 as the HTML standard says
/// (`&#150;` is an en dash on pages written in Word).
fn numeric_char(code: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match code {
        0 => '\u{fffd}',
        128..=159 => CP1252[(code - 128) as usize],
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

/// Latin-1 names in code point order from U+00A0, as the HTML standard lists them.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("bull", '•'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("euro", '€'),
    ("trade", '™'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("minus", '−'),
    ("prime", '′'),
    ("Prime", '″'),
    ("larr", '←'),
    ("rarr", '→'),
    ("check", '✓'),
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(index) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + index as u32);
    }
    OTHER_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_elements_become_lines_and_inline_ones_do_not() {
        let html = "<div><h1>Criminal   Intelligence <b>Officer</b></h1><p>Grade: 6</p>\
                    <p>Location:<br>Lyon, France</p></div>";
        assert_eq!(
            notice_text_from_html(html),
            "Criminal Intelligence Officer\nGrade: 6\nLocation:\nLyon, France"
        );
    }

    #[test]
    fn scripts_styles_comments_and_hidden_elements_are_dropped() {
        let html = "<html><head><title>Tab title</title><style>p{color:red}</style>\
                    <script>var a = '<p>not shown</p>';</script></head><body>\
                    <!-- a comment <p>no</p> --><p>Shown</p>\
                    <div style=\"display: none\"><div>nested hidden</div></div>\
                    <span hidden>also hidden</span><p class=\"note d-none\">by class</p>\
                    <p class=\"hidden-xs\">After</p></body></html>";
        assert_eq!(notice_text_from_html(html), "Shown\nAfter");
    }

    #[test]
    fn entities_are_decoded_including_windows_1252_numbers() {
        let html = "<p>Mise &agrave; disposition &ndash; Renforc&eacute;e &#150; &#x2014; \
                    AT&amp;T &amp R&D &unknown; &#0;</p>";
        assert_eq!(
            notice_text_from_html(html),
            "Mise à disposition – Renforcée – — AT&T & R&D &unknown; \u{fffd}"
        );
    }

    #[test]
    fn table_cells_are_tab_separated_and_list_items_bulleted() {
        let html = "<table><tr><td>Grade:</td><td> 6 </td></tr><tr><th>Posts</th><td>1</td></tr>\
                    </table><ul><li>English</li><li>French</li></ul>";
        assert_eq!(
            notice_text_from_html(html),
            "Grade:\t6\nPosts\t1\n- English\n- French"
        );
    }

    #[test]
    fn attributes_holding_angle_brackets_do_not_end_the_tag() {
        let html = "<p title=\"a > b\" data-x='<c>'>Text</p>";
        assert_eq!(notice_text_from_html(html), "Text");
    }

    #[test]
    fn broken_markup_is_read_as_text_without_failing() {
        assert_eq!(notice_text_from_html("a < b and <3 <p"), "a < b and <3");
        assert_eq!(notice_text_from_html("<script>never closed"), "");
        assert_eq!(notice_text_from_html("<!-- open"), "");
        assert_eq!(
            notice_text_from_html("&#xFFFFFFFF; &#99999999999;"),
            "\u{fffd} &#99999999999;"
        );
    }

    #[test]
    fn canonical_address_is_found_in_link_or_open_graph() {
        let html = "<head><link rel=\"canonical\" href=\"https://careers.example.org/job/1503?a=1&amp;b=2\"></head>";
        assert_eq!(
            canonical_url(html).as_deref(),
            Some("https://careers.example.org/job/1503?a=1&b=2")
        );
        let og = "<meta property='og:url' content='https://x.example/notice'>";
        assert_eq!(
            canonical_url(og).as_deref(),
            Some("https://x.example/notice")
        );
        assert_eq!(
            canonical_url("<link rel=canonical href=javascript:x>"),
            None
        );
    }

    #[test]
    fn html_is_told_apart_from_text_that_mentions_a_bracket() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("<div><p>Grade: 6</p><p>Posts: 1</p></div>"));
        assert!(!looks_like_html(
            "Grade < 6 and posts > 1\nDeadline: <soon>"
        ));
    }
}

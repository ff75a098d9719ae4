//! What a pack holds, in two forms: a page anyone can open in a browser, and JSON a program can
//! check. Both list every item with its status, and every file with its SHA-256, so whoever
//! receives the pack can verify that nothing changed on the way.

use super::ItemState;
use crate::display_language::DisplayLanguage;
use crate::words::{self, Arg, Msg};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

/// Names the JSON layout, so a later Dossier can read an older manifest.
pub const MANIFEST_FORMAT: &str = "dossier-pack/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    /// The language its words are in; a manifest written before there was a choice is English.
    #[serde(default)]
    pub language: DisplayLanguage,
    pub title: String,
    pub candidate: String,
    pub vacancy_title: String,
    pub vacancy_reference: String,
    pub created_utc: DateTime<Utc>,
    /// The day the items were judged on (certificates go stale by it).
    pub checked_on: NaiveDate,
    pub complete: bool,
    pub summary: String,
    pub items: Vec<ManifestItem>,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestItem {
    pub position: u32,
    pub label: String,
    pub state: ItemState,
    pub detail: String,
    /// The file in the pack that meets it; `None` when it is missing or out of date.
    pub file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestFile {
    pub name: String,
    /// Lower-case hex.
    pub sha256: String,
    pub size_bytes: u64,
    /// The vault document it is a copy of; `None` for a file Dossier wrote (the references).
    pub document_id: Option<u32>,
}

pub fn manifest_json(manifest: &Manifest) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(manifest).expect("a manifest always serializes to JSON");
    bytes.push(b'\n');
    bytes
}

/// A self-contained page: no script, no remote style, every typed text escaped.
/// Its words come from the catalogue (which holds no markup: the markup is added here, around
/// the escaped variables), isolated where the language runs right to left.
pub fn manifest_html(manifest: &Manifest) -> Vec<u8> {
    let e = escape;
    let language = manifest.language;
    let say = |msg: Msg, args: &[(&str, Arg<'_>)]| words::reading(language, msg, args);
    let mut rows = String::new();
    for item in &manifest.items {
        let (class, status) = match item.state {
            ItemState::Satisfied => ("good", say(Msg::ManifestIncluded, &[])),
            ItemState::Missing => ("bad", say(Msg::ManifestMissing, &[])),
            ItemState::Stale => ("warn", say(Msg::ManifestStale, &[])),
        };
        let file = item
            .file
            .as_deref()
            .and_then(|name| manifest.files.iter().find(|f| f.name == name));
        let (name, sum) = match file {
            Some(f) => (e(&f.name), format!("<code>{}</code>", e(&f.sha256))),
            None => ("—".to_string(), "—".to_string()),
        };
        rows.push_str(&format!(
            "<tr><td>{}</td><td><strong>{}</strong><br><small>{}</small></td><td class=\"{class}\">{status}</td><td>{name}</td><td>{sum}</td></tr>\n",
            item.position,
            e(&item.label),
            e(&item.detail),
        ));
    }
    let mut others = String::new();
    for f in manifest.files.iter().filter(|f| {
        !manifest
            .items
            .iter()
            .any(|i| i.file.as_deref() == Some(&f.name))
    }) {
        others.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
            e(&f.name),
            f.size_bytes,
            e(&f.sha256)
        ));
    }
    let others = if others.is_empty() {
        String::new()
    } else {
        format!(
            "<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th><th>SHA-256</th></tr></thead><tbody>\n{others}</tbody></table>\n",
            say(Msg::ManifestOtherFiles, &[]),
            say(Msg::ManifestColumnFile, &[]),
            say(Msg::ManifestColumnBytes, &[]),
        )
    };
    let status = if manifest.complete {
        format!("<p class=\"good\">{}</p>", say(Msg::ManifestComplete, &[]))
    } else {
        let missing: Vec<String> = manifest
            .items
            .iter()
            .filter(|i| i.state != ItemState::Satisfied)
            .map(|i| format!("<li>{}</li>", e(&i.label)))
            .collect();
        format!(
            "<p class=\"bad\">{}</p>\n<ul>{}</ul>",
            say(Msg::ManifestIncomplete, &[]),
            missing.join("")
        )
    };
    let page = format!(
        r#"<!DOCTYPE html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d2430; }}
table {{ border-collapse: collapse; width: 100%; margin-block: 1rem; }}
th, td {{ border-bottom: 1px solid #d5dae1; padding: 0.45rem 0.6rem; text-align: start; vertical-align: top; }}
small {{ color: #5b6473; }}
code {{ font-size: 0.8rem; word-break: break-all; }}
.good {{ color: #1f7a3d; }} .bad {{ color: #b3261e; }} .warn {{ color: #8a5a00; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{candidate}{vacancy_line}</p>
<p>{summary}</p>
{status}
<table><thead><tr><th>{number}</th><th>{item}</th><th>{status_column}</th><th>{file}</th><th>SHA-256</th></tr></thead><tbody>
{rows}</tbody></table>
{others}<p><small>{check}</small></p>
</body>
</html>
"#,
        lang = language.tag(),
        dir = if language.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        },
        title = e(&manifest.title),
        candidate = if manifest.candidate.is_empty() {
            String::new()
        } else {
            let name = format!("<strong>{}</strong>", e(&manifest.candidate));
            format!(
                "{} ",
                say(Msg::ManifestCandidate, &[("name", Arg::from(&name))])
            )
        },
        vacancy_line = say(
            Msg::ManifestFor,
            &[
                (
                    "title",
                    Arg::from(&format!("<strong>{}</strong>", e(&manifest.vacancy_title)))
                ),
                ("reference", Arg::from(&e(&manifest.vacancy_reference))),
                ("checked", Arg::from(&manifest.checked_on.to_string())),
                (
                    "created",
                    Arg::from(
                        &manifest
                            .created_utc
                            .to_rfc3339_opts(SecondsFormat::Secs, true)
                    )
                ),
            ],
        ),
        summary = e(&manifest.summary),
        number = say(Msg::ManifestColumnNumber, &[]),
        item = say(Msg::ManifestColumnItem, &[]),
        status_column = say(Msg::ManifestColumnStatus, &[]),
        file = say(Msg::ManifestColumnFile, &[]),
        check = say(
            Msg::ManifestCheck,
            &[
                ("linux", Arg::Text("<code>sha256sum</code>")),
                ("mac", Arg::Text("<code>shasum -a 256</code>")),
                ("windows", Arg::Text("<code>Get-FileHash</code>")),
                ("format", Arg::Text(MANIFEST_FORMAT)),
            ],
        ),
    );
    page.into_bytes()
}

/// Escapes text for HTML content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn manifest(label: &str) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT.into(),
            language: DisplayLanguage::En,
            title: "Pack <for> \"you\"".into(),
            candidate: "Jane <b>Doe</b>".into(),
            vacancy_title: "Analyst & co".into(),
            vacancy_reference: "VN'1".into(),
            created_utc: Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
            checked_on: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            complete: false,
            summary: "1 of 2 ready".into(),
            items: vec![
                ManifestItem {
                    position: 1,
                    label: label.into(),
                    state: ItemState::Satisfied,
                    detail: "<img src=x onerror=alert(1)>".into(),
                    file: Some("01 CV - <Jane>.pdf".into()),
                },
                ManifestItem {
                    position: 2,
                    label: "Criminal record certificate: France".into(),
                    state: ItemState::Missing,
                    detail: String::new(),
                    file: None,
                },
            ],
            files: vec![ManifestFile {
                name: "01 CV - <Jane>.pdf".into(),
                sha256: "ab".repeat(32),
                size_bytes: 10,
                document_id: Some(3),
            }],
        }
    }

    #[test]
    fn html_escapes_everything_typed() {
        let html =
            String::from_utf8(manifest_html(&manifest("<script>alert(1)</script>"))).unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>Doe"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Analyst &amp; co"));
        assert!(html.contains("VN&#39;1"));
        assert!(html.contains("01 CV - &lt;Jane&gt;.pdf"));
        assert!(html.contains(&"ab".repeat(32)));
        assert!(html.contains("Incomplete"));
        assert!(html.contains("<li>Criminal record certificate: France</li>"));
    }

    #[test]
    fn json_round_trips_with_every_item_and_checksum() {
        let m = manifest("CV");
        let json: serde_json::Value = serde_json::from_slice(&manifest_json(&m)).unwrap();
        assert_eq!(json["format"], MANIFEST_FORMAT);
        assert_eq!(json["items"][1]["state"], "missing");
        assert_eq!(json["items"][1]["file"], serde_json::Value::Null);
        assert_eq!(json["files"][0]["sha256"], "ab".repeat(32));
        let back: Manifest = serde_json::from_value(json).unwrap();
        assert_eq!(back, m);
    }
}

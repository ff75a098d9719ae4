//! The applications report: every application with its platform, reference, title, the dates
//! of each stage and its outcome, as CSV for a spreadsheet and as a page to print. Employment
//! offices ask job seekers for exactly this as proof of their search.
//!
//! The core builds the rows (codes and dates); every word on the page (headings, stage and
//! platform names) comes from the UI's catalogue in [`ReportWords`], so the report speaks the
//! candidate's language. Dates are written `YYYY-MM-DD`, which every spreadsheet reads.

use crate::applications::{Stage, list_applications, timeline};
use crate::store::Store;
use crate::vacancy::Platform;
use crate::{Error, Result, fsio};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::Path;

/// The dates one stage was reached on (tests and interviews may come in rounds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageDates {
    pub stage: Stage,
    pub dates: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportRow {
    pub application_id: u32,
    /// The platform the candidate applied on.
    pub platform: Platform,
    pub reference: String,
    pub title: String,
    /// The stage the application is at now: for a closed one, how it ended.
    pub outcome: Stage,
    /// In the order the stages were first reached.
    pub stages: Vec<StageDates>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StageName {
    pub stage: Stage,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlatformName {
    pub platform: Platform,
    pub name: String,
}

/// Every word of the report, from the UI's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportWords {
    /// The page's heading and the HTML title.
    pub title: String,
    /// A line under the heading: who, and when it was made.
    pub subtitle: String,
    pub platform: String,
    pub reference: String,
    pub vacancy_title: String,
    pub outcome: String,
    pub stages: Vec<StageName>,
    pub platforms: Vec<PlatformName>,
}

impl ReportWords {
    fn stage(&self, stage: Stage) -> &str {
        self.stages
            .iter()
            .find(|s| s.stage == stage)
            .map_or(stage.as_str(), |s| s.name.as_str())
    }

    fn platform(&self, platform: Platform) -> &str {
        self.platforms
            .iter()
            .find(|p| p.platform == platform)
            .map_or(platform.as_str(), |p| p.name.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Csv,
    Html,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Html => "html",
        }
    }
}

/// Every application, oldest first.
pub fn applications_report(store: &Store) -> Result<Vec<ReportRow>> {
    let mut applications = list_applications(store)?;
    applications.sort_by_key(|a| (a.created_utc, a.id));
    applications
        .into_iter()
        .map(|a| {
            let mut stages: Vec<StageDates> = Vec::new();
            for event in timeline(store, a.id)? {
                match stages.iter_mut().find(|s| s.stage == event.stage) {
                    Some(s) => s.dates.push(event.occurred_on),
                    None => stages.push(StageDates {
                        stage: event.stage,
                        dates: vec![event.occurred_on],
                    }),
                }
            }
            Ok(ReportRow {
                application_id: a.id,
                platform: a.platform,
                reference: a.vacancy_reference,
                title: a.vacancy_title,
                outcome: a.stage,
                stages,
            })
        })
        .collect()
}

/// The stages any row reached, in the board's order: one column each.
fn stage_columns(rows: &[ReportRow]) -> Vec<Stage> {
    Stage::ALL
        .into_iter()
        .filter(|stage| {
            rows.iter()
                .any(|r| r.stages.iter().any(|s| s.stage == *stage))
        })
        .collect()
}

fn dates_of(row: &ReportRow, stage: Stage) -> String {
    row.stages
        .iter()
        .find(|s| s.stage == stage)
        .map(|s| {
            s.dates
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// The text of each cell, headings first.
fn table(rows: &[ReportRow], words: &ReportWords) -> (Vec<String>, Vec<Vec<String>>) {
    let columns = stage_columns(rows);
    let mut head = vec![
        words.platform.clone(),
        words.reference.clone(),
        words.vacancy_title.clone(),
    ];
    head.extend(columns.iter().map(|s| words.stage(*s).to_string()));
    head.push(words.outcome.clone());
    let body = rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                words.platform(row.platform).to_string(),
                row.reference.clone(),
                row.title.clone(),
            ];
            cells.extend(columns.iter().map(|s| dates_of(row, *s)));
            cells.push(words.stage(row.outcome).to_string());
            cells
        })
        .collect();
    (head, body)
}

/// The report as CSV: UTF-8 with a byte-order mark, which spreadsheet programs need to read
/// accented names right, and a heading row.
pub fn report_csv(rows: &[ReportRow], words: &ReportWords) -> Result<Vec<u8>> {
    let (head, body) = table(rows, words);
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let csv_err = |e: csv::Error| Error::Internal(e.to_string());
    out.write_record(&head).map_err(csv_err)?;
    for cells in &body {
        out.write_record(cells).map_err(csv_err)?;
    }
    out.into_inner().map_err(|e| Error::Internal(e.to_string()))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Printed on A4 across: many stage columns fit, the heading row repeats on every page and no
/// row is cut between pages.
const PRINT_CSS: &str = "
@page { size: A4 landscape; margin: 12mm; }
body { font-family: system-ui, sans-serif; font-size: 10pt; color: #000; background: #fff; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
p.subtitle { margin: 0 0 5mm; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #666; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.date { white-space: nowrap; }
@media print { th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The report as a page to print; every piece of text is escaped.
pub fn report_html(rows: &[ReportRow], words: &ReportWords) -> String {
    let (head, body) = table(rows, words);
    let dated = 3..head.len().saturating_sub(1);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<table>\n<thead><tr>",
        escape(&words.title),
        escape(&words.title),
        escape(&words.subtitle)
    );
    for cell in &head {
        let _ = write!(out, "<th>{}</th>", escape(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cells in &body {
        out.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            let class = if dated.contains(&i) {
                " class=\"date\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// Writes the report at `dest` atomically; never inside Dossier's data folder.
pub fn write_report(
    store: &Store,
    data_folder: &Path,
    dest: &Path,
    format: ReportFormat,
    words: &ReportWords,
) -> Result<()> {
    fsio::refuse_inside_data_folder(dest, data_folder, "report")?;
    let rows = applications_report(store)?;
    let bytes = match format {
        ReportFormat::Csv => report_csv(&rows, words)?,
        ReportFormat::Html => report_html(&rows, words).into_bytes(),
    };
    fsio::write_atomic(dest, &bytes)
}

//! The core's modules import one another only as the table in the crate docs (`src/lib.rs`)
//! allows, and never in a circle. The table is read from the docs themselves, so the rule the
//! reader sees is the rule that is checked.
//!
//! What counts as an import: every `crate::` path in a module's files (`use` lines, groups
//! spread over several lines, and paths written inline), outside comments. Inside one module,
//! its files (other than `mod.rs`, which only gathers them) must not import one another in a
//! circle either, whether through `super::` or `crate::`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One import found in the source: which file, which line, what it names.
#[derive(Debug, Clone)]
struct Import {
    file: String,
    line: usize,
    target: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/vault/rows.rs` → (`vault`, `rows`); `src/time.rs` → (`time`, `time`); `mod.rs` → its
/// directory's name for both.
fn module_and_file(path: &Path) -> (String, String) {
    let rel = path.strip_prefix(src_dir()).unwrap();
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let module = parts[0].clone();
    let file = if parts.len() == 1 || parts.last().unwrap() == "mod" {
        "mod".to_string()
    } else {
        parts[1..].join("/")
    };
    (module, file)
}

/// The source with comments blanked out (kept as spaces, so offsets and line numbers hold).
/// String literals are kept: a `//` inside one (a web address) is not a comment.
fn without_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            // A char literal such as '"' would otherwise open a string; lifetimes ('a) are
            // left alone because their closing quote is not two or three bytes on.
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 3,
            b'\'' if b.get(i + 1) == Some(&b'\\') && b.get(i + 3) == Some(&b'\'') => i += 4,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    if b[i] != b'\n' {
                        out[i] = b' ';
                    }
                    i += 1;
                }
                out[i..(i + 2).min(b.len())].fill(b' ');
                i += 2;
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).unwrap()
}

fn ident_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first segments a path names after `prefix::`: one for `crate::a::b`, several for
/// `crate::{a, b::c, D}`.
fn first_segments(after: &str) -> Vec<String> {
    let after = after.trim_start();
    if let Some(group) = after.strip_prefix('{') {
        let mut depth = 0;
        let mut items = vec![String::new()];
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(String::new());
                    continue;
                }
                _ => {}
            }
            items.last_mut().unwrap().push(c);
        }
        items
            .iter()
            .map(|item| ident_at(item.trim()).to_string())
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        vec![ident_at(after).to_string()]
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Every path starting with `prefix::` in `text`, with the first segments it names.
fn paths_after(text: &str, prefix: &str) -> Vec<(usize, Vec<String>)> {
    let needle = format!("{prefix}::");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(&needle) {
        let at = from + found;
        from = at + needle.len();
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        out.push((line_of(text, at), first_segments(&text[from..])));
    }
    out
}

struct Source {
    /// Top-level module → its imports of other top-level modules.
    modules: BTreeMap<String, Vec<Import>>,
    /// (module, file) → imports of sibling files in the same module.
    files: BTreeMap<(String, String), Vec<Import>>,
}

fn read_source() -> Source {
    let mut paths = Vec::new();
    rust_files(&src_dir(), &mut paths);
    let top: BTreeSet<String> = paths
        .iter()
        .map(|p| module_and_file(p).0)
        .filter(|m| m != "lib")
        .collect();
    let mut modules: BTreeMap<String, Vec<Import>> = BTreeMap::new();
    let mut files: BTreeMap<(String, String), Vec<Import>> = BTreeMap::new();
    for path in &paths {
        let (module, file) = module_and_file(path);
        if module == "lib" {
            continue;
        }
        let shown = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .display()
            .to_string();
        let text = without_comments(&std::fs::read_to_string(path).unwrap());
        let in_dir = path.parent() != Some(src_dir().as_path());
        let siblings: BTreeSet<String> = if in_dir {
            std::fs::read_dir(path.parent().unwrap())
                .unwrap()
                .map(|e| {
                    e.unwrap()
                        .path()
                        .file_stem()
                        .unwrap()
                        .to_string_lossy()
                        .to_string()
                })
                .filter(|s| s != "mod")
                .collect()
        } else {
            BTreeSet::new()
        };
        let entry = modules.entry(module.clone()).or_default();
        for (line, segments) in paths_after(&text, "crate") {
            for segment in segments {
                // The crate root re-exports the error type: that is the `error` module.
                let target = match segment.as_str() {
                    "Error" | "Result" => "error".to_string(),
                    _ => segment,
                };
                assert!(
                    top.contains(&target),
                    "{shown}:{line}: `crate::{target}` is not a module this test knows; name \
                     the module it comes from"
                );
                let seen = entry
                    .iter()
                    .any(|i: &Import| i.line == line && i.target == target && i.file == shown);
                if target != module && !seen {
                    entry.push(Import {
                        file: shown.clone(),
                        line,
                        target,
                    });
                }
            }
        }
        if !in_dir || file == "mod" {
            continue;
        }
        // Sibling files, through `super::x` or `crate::<this module>::x`.
        let own = format!("crate::{module}");
        let mut sibling_paths = paths_after(&text, "super");
        sibling_paths.extend(paths_after(&text, &own));
        let file_entry = files.entry((module.clone(), file.clone())).or_default();
        for (line, segments) in sibling_paths {
            for segment in segments {
                if siblings.contains(&segment) && segment != file {
                    file_entry.push(Import {
                        file: shown.clone(),
                        line,
                        target: segment,
                    });
                }
            }
        }
    }
    Source { modules, files }
}

/// The table in the crate docs: `| `module` | `a`, `b` |` rows, read as module → allowed. Each
/// module may only allow modules of the rows above its own, which keeps the table itself free of
/// circles and readable from the bottom layer up.
fn allowed_table() -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src_dir().join("lib.rs")).unwrap();
    let names = |cell: &str| -> Vec<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let mut table = BTreeMap::new();
    for line in lib.lines() {
        let Some(row) = line.strip_prefix("//! |") else {
            continue;
        };
        let cells: Vec<&str> = row.split('|').collect();
        if cells.len() < 2 {
            continue;
        }
        let module = names(cells[0]);
        if module.len() != 1 {
            continue; // the header and its rule
        }
        let allowed: BTreeSet<String> = names(cells[1]).into_iter().collect();
        for a in &allowed {
            assert!(
                table.contains_key(a),
                "src/lib.rs: the row of `{}` allows `{a}`, which is not a row above it",
                module[0]
            );
        }
        assert!(
            table.insert(module[0].clone(), allowed).is_none(),
            "src/lib.rs: `{}` has two rows in the table",
            module[0]
        );
    }
    assert!(
        !table.is_empty(),
        "src/lib.rs has no table of allowed imports"
    );
    table
}

/// A circle in `edges`, as the list of nodes it goes through, if there is one.
fn find_circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut circle = path[start..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

/// Where each step of a circle is made, one `file:line` per step.
fn circle_report(circle: &[String], imports: impl Fn(&str, &str) -> Option<Import>) -> String {
    circle
        .windows(2)
        .map(|w| match imports(&w[0], &w[1]) {
            Some(i) => format!("  {} → {} ({}:{})", w[0], w[1], i.file, i.line),
            None => format!("  {} → {} (allowed by the table)", w[0], w[1]),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_import_between_modules_is_in_the_table() {
    let table = allowed_table();
    let source = read_source();
    let mut wrong = Vec::new();
    for (module, imports) in &source.modules {
        let Some(allowed) = table.get(module) else {
            wrong.push(format!(
                "src/{module}: module `{module}` has no row in the table in src/lib.rs"
            ));
            continue;
        };
        for i in imports {
            if !allowed.contains(&i.target) {
                wrong.push(format!(
                    "{}:{}: `{module}` imports `{}`, which the table in src/lib.rs does not allow",
                    i.file, i.line, i.target
                ));
            }
        }
    }
    for module in table.keys() {
        if !source.modules.contains_key(module) {
            wrong.push(format!(
                "src/lib.rs: the table names `{module}`, which is no module"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn the_table_and_the_modules_have_no_circle() {
    let table = allowed_table();
    if let Some(circle) = find_circle(&table) {
        panic!(
            "the table in src/lib.rs allows a circle:\n{}",
            circle_report(&circle, |_, _| None)
        );
    }
    let source = read_source();
    let edges: BTreeMap<String, BTreeSet<String>> = source
        .modules
        .iter()
        .map(|(m, imports)| {
            (
                m.clone(),
                imports.iter().map(|i| i.target.clone()).collect(),
            )
        })
        .collect();
    if let Some(circle) = find_circle(&edges) {
        panic!(
            "the modules import one another in a circle:\n{}",
            circle_report(&circle, |from, to| source.modules[from]
                .iter()
                .find(|i| i.target == to)
                .cloned())
        );
    }
}

#[test]
fn the_files_of_a_module_do_not_import_one_another_in_a_circle() {
    let source = read_source();
    let by_module: BTreeSet<&String> = source.files.keys().map(|(m, _)| m).collect();
    for module in by_module {
        let edges: BTreeMap<String, BTreeSet<String>> = source
            .files
            .iter()
            .filter(|((m, _), _)| m == module)
            .map(|((_, f), imports)| {
                (
                    f.clone(),
                    imports.iter().map(|i| i.target.clone()).collect(),
                )
            })
            .collect();
        if let Some(circle) = find_circle(&edges) {
            panic!(
                "the files of `{module}` import one another in a circle:\n{}",
                circle_report(&circle, |from, to| source.files
                    [&(module.clone(), from.to_string())]
                    .iter()
                    .find(|i| i.target == to)
                    .cloned())
            );
        }
    }
}

#[test]
fn the_reader_finds_imports_in_groups_across_lines_and_skips_comments() {
    let text = without_comments(
        "use crate::{\n    Error,\n    store::{Store, text},\n};\n// use crate::vault;\nlet x = \"https://a\"; crate::time::zone(\"UTC\");\n/* crate::packs */",
    );
    let found = paths_after(&text, "crate");
    assert_eq!(
        found,
        vec![
            (1, vec!["Error".to_string(), "store".to_string()]),
            (6, vec!["time".to_string()]),
        ]
    );
}

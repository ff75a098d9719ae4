//! A refusal the window shows is a code with its values (`FieldProblem`), worded by the UI's
//! catalogue in the candidate's language; `Error::invalid(field, "English sentence")` reaches
//! the window as the English it was given. This test fails when a new one appears in the core
//! or the shell. The few left are listed with their count, so none may be added beside them,
//! and the list shrinks as they are converted.

use std::path::{Path, PathBuf};

/// Files that still build a refusal this way, and how many times: only the shell's test of how
/// an uncoded refusal travels.
const NOT_YET_CODED: &[(&str, usize)] = &[("src/error.rs", 1)];

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

/// Calls of `Error::invalid(` (any path before it), outside line comments; its definition,
/// `pub fn invalid(`, is not a call.
fn calls_in(text: &str) -> usize {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .map(|code| code.matches("Error::invalid(").count())
        .sum()
}

#[test]
fn no_new_english_refusal_is_built_with_error_invalid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&root.join("core/src"), &mut files);
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let count = calls_in(&text);
        if count == 0 {
            continue;
        }
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        found.push((rel, count));
    }
    let mut unexpected = Vec::new();
    for (file, count) in &found {
        let allowed = NOT_YET_CODED
            .iter()
            .find(|(f, _)| f == file)
            .map_or(0, |(_, n)| *n);
        if *count > allowed {
            unexpected.push(format!("{file}: {count} (allowed {allowed})"));
        }
    }
    assert!(
        unexpected.is_empty(),
        "new `Error::invalid(field, \"English\")` refusals: give each a `FieldProblem` code, \
         worded in ui/src/locales/*.refusals.json:\n{}",
        unexpected.join("\n")
    );
    // A converted file leaves the list, so the count here only goes down.
    for (file, allowed) in NOT_YET_CODED {
        let count = found.iter().find(|(f, _)| f == file).map_or(0, |(_, n)| *n);
        assert_eq!(
            count, *allowed,
            "{file} now has {count}: lower its entry in NOT_YET_CODED"
        );
    }
}

#[test]
fn the_count_sees_calls_and_skips_comments() {
    assert_eq!(calls_in("Err(Error::invalid(\"x\", \"y\"))"), 1);
    assert_eq!(calls_in("dossier_core::Error::invalid(a, b)"), 1);
    assert_eq!(calls_in("// Error::invalid(a, b)"), 0);
    assert_eq!(calls_in("pub fn invalid(field: String)"), 0);
}

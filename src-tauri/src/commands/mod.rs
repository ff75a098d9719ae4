//! Thin commands, one module per domain. Each only unpacks its arguments, calls the core and
//! returns; anything longer than a few lines belongs in `dossier-core`.

pub mod applications;
pub mod background;
pub mod backups;
pub mod documents;
pub mod eligibility;
pub mod exports;
pub mod form;
pub mod lock;
pub mod notifications;
pub mod overview;
pub mod packs;
pub mod preferences;
pub mod profile;
pub mod reminders;
pub mod startup;
pub mod store;
pub mod upload;
pub mod vacancies;

/// Keeps the commands thin: a rule that grows past a few lines belongs in the core, where it is
/// tested without a window. Counted on the files as `cargo fmt` writes them: code lines of each
/// top-level function body, leaving out blank lines and comments.
#[cfg(test)]
mod thin {
    /// A command's body: enough to unpack its arguments, ask a dialog, call the core and answer.
    const MAX_COMMAND_LINES: usize = 20;
    /// A private helper beside the commands (a shared dialog-then-export, say).
    const MAX_HELPER_LINES: usize = 50;

    #[derive(Debug)]
    struct Function {
        name: String,
        is_command: bool,
        lines: usize,
    }

    /// The top-level functions of one command file, up to its tests.
    fn functions(source: &str) -> Vec<Function> {
        let lines: Vec<&str> = source.lines().collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < lines.len() && !lines[i].starts_with("#[cfg(test)]") {
            let Some(name) = fn_name(lines[i]) else {
                i += 1;
                continue;
            };
            let is_command = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
                .any(|l| l.starts_with("#[tauri::command"));
            let open = (i..lines.len())
                .find(|&j| lines[j].trim_end().ends_with('{'))
                .expect("a function body opens");
            let close = (open + 1..lines.len())
                .find(|&j| lines[j] == "}")
                .expect("a top-level function body closes at column 0");
            let code = lines[open + 1..close]
                .iter()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
                .count();
            found.push(Function {
                name: name.to_string(),
                is_command,
                lines: code,
            });
            i = close + 1;
        }
        found
    }

    fn fn_name(line: &str) -> Option<&str> {
        let rest = ["pub(crate) ", "pub ", ""]
            .iter()
            .find_map(|p| line.strip_prefix(p))?;
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let rest = rest.strip_prefix("fn ")?;
        rest.split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
    }

    /// Every function over its limit, as `file: name (n lines, limit m)`.
    fn too_long(file: &str, source: &str) -> Vec<String> {
        functions(source)
            .into_iter()
            .filter_map(|f| {
                let limit = if f.is_command {
                    MAX_COMMAND_LINES
                } else {
                    MAX_HELPER_LINES
                };
                (f.lines > limit)
                    .then(|| format!("{file}: {} ({} lines, limit {limit})", f.name, f.lines))
            })
            .collect()
    }

    #[test]
    fn every_command_is_a_few_lines_that_forward_to_the_core() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
        let mut problems = Vec::new();
        let mut commands = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                commands += functions(&source).iter().filter(|f| f.is_command).count();
                problems.extend(too_long(&file, &source));
                // Only the reminder timer writes without waking itself (the needle is split so
                // this file does not match itself).
                if source.contains(concat!(".timer", "_pass(")) {
                    problems.push(format!("{file}: writes with `timer_pass`; use `write`"));
                }
            }
        }
        // A scanner that found nothing would pass whatever the files hold.
        assert!(commands > 50, "only {commands} commands found in {dir:?}");
        assert!(
            problems.is_empty(),
            "move the rules into dossier-core:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn a_long_command_is_caught_and_a_short_one_is_not() {
        let body = "    let x = 1;\n".repeat(MAX_COMMAND_LINES + 1);
        let long = format!(
            "/// Does too much.\n#[tauri::command]\n#[specta::specta]\npub async fn too_much(\n    id: u32,\n) -> Result<()> {{\n{body}    // a comment\n\n    Ok(())\n}}\n"
        );
        let found = functions(&long);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].is_command);
        assert_eq!(found[0].lines, MAX_COMMAND_LINES + 2);
        assert_eq!(
            too_long("long.rs", &long),
            vec![format!(
                "long.rs: too_much ({} lines, limit {MAX_COMMAND_LINES})",
                MAX_COMMAND_LINES + 2
            )]
        );

        // The same body in a helper is within the helpers' limit; a short command passes.
        let helper = long.replace("#[tauri::command]\n", "");
        assert!(too_long("helper.rs", &helper).is_empty());
        let short = "#[tauri::command]\npub fn get(state: State<'_, AppState>) -> Result<u32> {\n    Ok(1)\n}\n\n#[cfg(test)]\nmod tests {\n    fn huge() {\n    }\n}\n";
        let found = functions(short);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].lines, 1);
    }
}

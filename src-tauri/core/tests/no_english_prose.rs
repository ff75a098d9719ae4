//! The pack's checklist, the certificate reasons and the reference verdicts reach the window and
//! the pack's manifest as they are, so they are worded through the `words` catalogue in the
//! candidate's language. This test fails when one of these modules builds a sentence itself
//! again: a `format!`, or a string literal with a space in it, outside tests and comments.
//! (Codes and ids have no spaces; a sentence always has one.)

use std::path::Path;

const GUARDED: &[&str] = &[
    "src/packs/checklist.rs",
    "src/vault/crc.rs",
    "src/vault/references.rs",
];

/// Functions that read the candidate's or a notice's words rather than write any: the phrases
/// a notice uses to ask for a document are matched, never shown.
const READERS: &[&str] = &["pub fn notice_asks("];

/// The code a candidate's words could come from: no test module, no comment, no reader.
fn shown_code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if READERS.iter().any(|r| line.contains(r)) {
            skipping = true;
        }
        if skipping {
            if line == "}" {
                skipping = false;
            }
            continue;
        }
        out.push_str(line.split("//").next().unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Every double-quoted string literal in `code`, escapes kept as written.
fn literals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    literal.push(c);
                    literal.extend(chars.next());
                }
                '"' => break,
                c => literal.push(c),
            }
        }
        found.push(literal);
    }
    found
}

fn prose_in(text: &str) -> Vec<String> {
    let code = shown_code(text);
    let mut found: Vec<String> = literals(&code)
        .into_iter()
        .filter(|l| l.contains(' '))
        .map(|l| format!("\"{l}\""))
        .collect();
    let formats = code.matches("format!(").count();
    if formats > 0 {
        found.push(format!("{formats} format!"));
    }
    found
}

#[test]
fn the_checklist_and_vault_reasons_build_no_sentence_themselves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for file in GUARDED {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            text.contains("words::"),
            "{file} words through the catalogue"
        );
        for prose in prose_in(&text) {
            problems.push(format!("{file}: {prose}"));
        }
    }
    assert!(
        problems.is_empty(),
        "English built in code reaches the candidate as it is: add a message to \
         src/words/*.ftl and render it with `words::reading`:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_guard_sees_sentences_and_skips_comments_readers_and_tests() {
    assert_eq!(
        prose_in("let a = \"No CV is here.\".to_string();"),
        ["\"No CV is here.\""]
    );
    assert_eq!(prose_in("let a = format!(\"{x}\");"), ["1 format!"]);
    assert!(prose_in("let a = \"cv\"; // \"a comment\"").is_empty());
    assert!(prose_in("/// \"Doc comment\"\nfn f() {}").is_empty());
    assert!(prose_in("pub fn notice_asks(t: &str) {\n    \"cover letter\";\n}\n").is_empty());
    assert!(prose_in("#[cfg(test)]\nmod tests { \"an English test\" }").is_empty());
    assert_eq!(literals(r#"a("x \" y", "z")"#), [r#"x \" y"#, "z"]);
}

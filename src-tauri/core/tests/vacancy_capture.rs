use dossier_core::Error;
use dossier_core::notice::{MAX_NOTICE_BYTES, capture_notice, capture_notice_file};

fn refusal(result: dossier_core::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(e @ (Error::InvalidInput { .. } | Error::Invalid { .. } | Error::Io { .. })) => {
            e.to_string()
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_empty_paste_is_refused_plainly() {
    assert!(refusal(capture_notice("  \n\t ")).contains("Nothing was pasted"));
}

#[test]
fn a_paste_with_nothing_recognisable_is_refused() {
    let message = refusal(capture_notice(
        "lorem ipsum dolor sit amet\nshopping: milk, eggs",
    ));
    assert!(
        message.contains("does not look like a vacancy notice"),
        "{message}"
    );
}

#[test]
fn text_over_one_megabyte_is_refused_before_parsing() {
    let huge = "Deadline for application: 23 November 2025\n".repeat(MAX_NOTICE_BYTES / 40);
    assert!(huge.len() > MAX_NOTICE_BYTES);
    assert!(refusal(capture_notice(&huge)).contains("over 1 MB"));
}

#[test]
fn files_that_are_missing_huge_or_binary_are_refused_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.txt");
    assert!(refusal(capture_notice_file(&missing)).contains("gone.txt"));
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, vec![b'a'; MAX_NOTICE_BYTES + 1]).unwrap();
    assert!(refusal(capture_notice_file(&huge)).contains("over 1 MB"));
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).unwrap();
    assert!(refusal(capture_notice_file(&binary)).contains("photo.txt"));
}

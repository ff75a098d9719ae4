//! Notice parser benchmark: a typical notice of about 10 KB, and a 1 MB paste (the most the
//! parser is ever given: a copy that ran many notices and pages of text together). Prints
//! `name=value` lines; the median of the runs counts.
//!
//! cargo run --release -p dossier-core --example bench_notice
//!
//! `BENCH_NOTICE_RUNS` (default 15) sets how many times each text is parsed.

use dossier_core::notice::{MAX_NOTICE_BYTES, parse_notice};
use std::time::Instant;
use support::{ROLES, Sequence, env_u64};

mod support;

/// One notice as the Recruitment Hub publishes it, with the body that makes it about 10 KB.
fn typical_notice(seq: &mut Sequence, number: u64) -> String {
    let role = seq.pick(ROLES);
    let mut text = format!(
        "{role}\nPublication Starting Date: Oct 30, 2025\nLocation: Lyon, France\n\n\
         VACANCY NOTICE {number}\nJob Title: {role}\nReporting To: Head of Unit\n\
         Location: Lyon, France\nType of contract: Fixed-term Contract\n\
         Duration (in months): 24.00\nGrade: {}\nNumber of post: 1\n\
         Level of Security screening: Enhanced\nDeadline for application: 23 November 2025\n\n",
        seq.next(10) + 1
    );
    let body = [
        "The General Secretariat supports police cooperation among the member countries. ",
        "The incumbent analyses information received from the National Central Bureaus, ",
        "drafts reports and briefs management on trends; duty station: see above. ",
        "Essential: a university degree in law, criminology or a related field, and at least ",
        "three (3) years of experience in criminal analysis. Excellent knowledge of English; ",
        "working knowledge of French, Arabic or Spanish would be an asset. ",
        "Conditions of employment: the post is subject to a background check. ",
    ];
    while text.len() < 10 * 1024 {
        text.push_str(seq.pick(&body));
        if seq.next(4) == 0 {
            text.push('\n');
        }
    }
    text
}

fn median_ms(text: &str, runs: u64) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let draft = parse_notice(text);
            let took = started.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(draft);
            took
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let runs = env_u64("BENCH_NOTICE_RUNS", 15).max(1);
    let mut seq = Sequence(19);
    let typical = typical_notice(&mut seq, 1503);
    let mut paste = String::with_capacity(MAX_NOTICE_BYTES);
    let mut number = 1600;
    while paste.len() < MAX_NOTICE_BYTES {
        paste.push_str(&typical_notice(&mut seq, number));
        // Some copies run the fields together with no line breaks.
        if number % 3 == 0 {
            paste.push_str("Grade: 6Number of posts: 1Duty station: Lyon*Deadline: Jul 9, 2026 ");
        }
        number += 1;
    }
    let mut end = MAX_NOTICE_BYTES;
    while !paste.is_char_boundary(end) {
        end -= 1;
    }
    paste.truncate(end);
    eprintln!(
        "typical notice: {} bytes; paste: {} bytes; {runs} runs each",
        typical.len(),
        paste.len()
    );
    println!("notice_parse_typical_ms={:.2}", median_ms(&typical, runs));
    println!("notice_parse_1mb_ms={:.1}", median_ms(&paste, runs));
}

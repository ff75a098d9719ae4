//! How long the words catalogue takes to parse, per language, and to render a notification.
use dossier_core::display_language::DisplayLanguage;
use dossier_core::words::{self, Arg, Msg};
use std::time::Instant;

fn main() {
    for language in DisplayLanguage::ALL {
        let start = Instant::now();
        let first = words::reading(language, Msg::WhenDays, &[("count", Arg::Count(3))]);
        let parse = start.elapsed();
        let start = Instant::now();
        for _ in 0..1000 {
            let _ = words::reading(language, Msg::WhenDays, &[("count", Arg::Count(3))]);
        }
        let each = start.elapsed() / 1000;
        println!(
            "{}: first use (parse + render) {parse:?}, then {each:?} a message ({first})",
            language.tag()
        );
    }
}

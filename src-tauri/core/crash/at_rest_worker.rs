//! The at-rest crash worker: turns encryption on and off, again and again, in the data folder
//! it is given, printing `ack on` / `ack off` after each conversion has returned.
//! `core/tests/at_rest_kill_loop.rs` kills it with SIGKILL at random moments and checks that
//! the next start finds the old state or the new one, whole.
//!
//! at-rest-worker <data dir>

use dossier_core::encryption::at_rest::{self, AtRest, Secret};
use dossier_core::encryption::key_file::KdfParams;
use std::io::Write;
use std::path::PathBuf;

/// The passphrase of every turn on; the checker unlocks with it.
const PASSPHRASE: &[u8] = b"kill loop passphrase";

fn main() {
    let data = PathBuf::from(std::env::args().nth(1).expect("a data folder"));
    let mut out = std::io::stdout();
    writeln!(out, "ready").expect("stdout");
    out.flush().expect("stdout");
    loop {
        let said = match at_rest::state(&data).expect("the state") {
            AtRest::Clear => {
                at_rest::turn_on_with(&data, PASSPHRASE, KdfParams::FAST_FOR_TESTS)
                    .expect("turn on");
                "ack on"
            }
            AtRest::Encrypted => {
                let key = at_rest::unlock(&data, Secret::Passphrase(PASSPHRASE)).expect("unlock");
                at_rest::turn_off(&data, &key).expect("turn off");
                "ack off"
            }
        };
        writeln!(out, "{said}").expect("stdout");
        out.flush().expect("stdout");
    }
}

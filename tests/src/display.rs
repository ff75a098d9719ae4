use std::io::Read;
use std::os::fd::AsRawFd;
use std::process::Command;

use crate::process::Guarded;

/// A private X server, so tests never touch the user's screen and can run where there is none.
pub struct VirtualDisplay {
    name: String,
    _server: Guarded,
}

impl VirtualDisplay {
    pub fn start() -> VirtualDisplay {
        // -displayfd lets Xvfb pick a free display and write its number to our pipe once it is
        // ready: no guessing, no race with another X server.
        let (reader, writer) = nix::unistd::pipe().expect("pipe");
        let mut command = Command::new("Xvfb");
        command
            .args(["-displayfd", &writer.as_raw_fd().to_string()])
            .args([
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let server = Guarded::spawn("Xvfb", command);
        drop(writer);
        // Read up to the newline only: Xvfb may keep the pipe open after writing.
        let mut file = std::fs::File::from(reader);
        let mut number = String::new();
        let mut byte = [0u8; 1];
        while file.read(&mut byte).expect("read display number") == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        let number = number.trim();
        assert!(
            !number.is_empty(),
            "Xvfb (pid {}) did not start",
            server.pid()
        );
        VirtualDisplay {
            name: format!(":{number}"),
            _server: server,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

//! Dossier in the tray gives back the memory its start needed and its timer does not.
//!
//! A process without a window runs little: the reminder timer, the tray icon, the session bus.
//! Yet starting it maps a great deal: the dynamic linker reads the symbol tables and relocation
//! data of WebKitGTK and its dependencies (the speech voices of libflite among them), GTK starts,
//! Tauri builds its runtime. Measured on a hidden start (`make bench`, `background_memory`
//! example), about 55 MiB of the 73 MiB resident were clean pages of mapped files and
//! 17 MiB were private (heap, relocated data).
//!
//! So, with no window open:
//! - glibc keeps few malloc arenas ([`limit_arenas`]: each thread would otherwise get its own,
//!   each holding on to what it once allocated), and free heap goes back to the system
//!   (`malloc_trim`);
//! - the pages of read-only file mappings that hold nothing private (program text, read-only
//!   data never written) are unmapped from this process. They stay in the page cache, shared
//!   with whatever else maps them, and are mapped again on the next access: the kernel would
//!   drop them from the process under memory pressure anyway, this only does it first.
//!
//! Mappings that are writable, or hold a single private (copy-on-write, relocated) page, are
//! never touched: unmapping those would lose their contents.

use std::io::BufRead;

/// At most this many malloc arenas: the timer and the tray need no parallel allocation.
const ARENAS: libc::c_int = 2;

/// Keeps glibc to a few malloc arenas. Call on the main thread before any other thread starts.
// `mallopt` is a plain C call with no pointer; it is `unsafe` only as every foreign call is.
#[allow(unsafe_code)]
pub fn limit_arenas() {
    // SAFETY: sets a malloc parameter; no memory is passed, and no thread allocates yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}

/// One mapping of `/proc/self/smaps` that can safely be unmapped.
struct Clean {
    start: usize,
    len: usize,
}

/// The read-only file mappings with no private page, from `/proc/self/smaps`.
fn clean_file_mappings() -> Vec<Clean> {
    let Ok(file) = std::fs::File::open("/proc/self/smaps") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // The mapping being read, while its fields come: where it is, and whether it may go.
    let mut current: Option<(Clean, bool)> = None;
    let mut finish = |current: &mut Option<(Clean, bool)>| {
        if let Some((clean, true)) = current.take() {
            found.push(clean);
        }
    };
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if let Some((start, end)) = first.split_once('-')
            && !first.ends_with(':')
        {
            finish(&mut current);
            let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            ) else {
                continue;
            };
            let perms = fields.next().unwrap_or_default();
            let path = fields.nth(3).unwrap_or_default();
            // A file (not `[heap]`, `[vdso]`, anonymous memory), never writable.
            let candidate = path.starts_with('/') && !perms.contains('w');
            current = Some((
                Clean {
                    start,
                    len: end - start,
                },
                candidate,
            ));
        } else if let Some((_, candidate)) = current.as_mut() {
            let private = matches!(
                first,
                "Private_Dirty:" | "Shared_Dirty:" | "Anonymous:" | "Swap:"
            );
            if private && fields.next() != Some("0") {
                *candidate = false;
            }
        }
    }
    finish(&mut current);
    found
}

/// Gives back what a process without a window does not need (see the module's note). Returns
/// how many mappings were released.
// madvise and malloc_trim are foreign calls; the safety argument is at each.
#[allow(unsafe_code)]
pub fn release() -> usize {
    // SAFETY: returns free heap to the system; glibc takes its own locks.
    unsafe {
        libc::malloc_trim(0);
    }
    let mut released = 0;
    for clean in clean_file_mappings() {
        // SAFETY: the range is a whole mapping of this process, read from smaps, backed by a
        // file, not writable and without one private or dirty page: MADV_DONTNEED only drops
        // its pages from this process's page tables, and the next access maps the same file
        // contents again. It cannot become writable meanwhile (nothing here calls mprotect on
        // it); a mapping removed meanwhile makes madvise fail with ENOMEM, which is ignored.
        let done = unsafe {
            libc::madvise(
                clean.start as *mut libc::c_void,
                clean.len,
                libc::MADV_DONTNEED,
            )
        };
        if done == 0 {
            released += 1;
        }
    }
    released
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_read_only_file_mappings_without_private_pages_are_chosen() {
        let chosen = clean_file_mappings();
        assert!(!chosen.is_empty(), "a test binary maps its own text");
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        for clean in &chosen {
            let header = format!("{:x}-", clean.start);
            let at = smaps
                .lines()
                .position(|l| l.starts_with(&header))
                .expect("a chosen mapping is in smaps");
            let perms = smaps.lines().nth(at).unwrap().split_whitespace().nth(1);
            assert!(!perms.unwrap().contains('w'), "{perms:?}");
        }
        // Still runs after its own text was released: the pages come back on use.
        assert!(release() > 0);
        assert!(!clean_file_mappings().is_empty());
    }
}

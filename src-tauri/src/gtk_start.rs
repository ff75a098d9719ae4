//! Starting GTK without OpenGL in Dossier's own process.
//!
//! On X11, GTK 3 opens OpenGL when it opens the display, only to pick visuals for GL drawing
//! areas; with Mesa that loads the whole driver (and LLVM): about 25 MiB of the process's
//! memory, measured with the window closed to the tray. Dossier's process never draws with GL:
//! its web view paints without compositing layers (`webview_settings`), and WebKit's own
//! processes open their GL displays themselves. So GTK is started here, before Tauri would
//! start it, with `GDK_GL=disable` set only for that moment: the processes Dossier starts later
//! (WebKit's, the candidate's document viewer) get the environment as it was.

/// The variable GTK reads once, as it starts. A value the candidate set is left alone.
const GL_SWITCH: &str = "GDK_GL";

/// Starts GTK without GL. Must run on the main thread before any other thread exists (it
/// changes the environment); Tauri's own start then finds GTK ready.
// The one `unsafe` in Dossier: GTK 3 has no call to turn its GL off, only this variable, and
// Rust marks changing the environment unsafe because another thread could read it meanwhile.
#[allow(unsafe_code)]
pub fn start() {
    let ours = std::env::var_os(GL_SWITCH).is_none();
    if ours {
        // SAFETY: called first thing in `main`, before any thread is spawned, so nothing can
        // read the environment while it changes.
        unsafe { std::env::set_var(GL_SWITCH, "disable") };
    }
    let started = gtk::init();
    if ours {
        // SAFETY: GTK has read the variable. Threads GLib may have started meanwhile never
        // write the environment, and glibc's `unsetenv` frees nothing a concurrent `getenv`
        // could be reading: at worst such a read misses this one variable at this instant.
        unsafe { std::env::remove_var(GL_SWITCH) };
    }
    if let Err(e) = started {
        // Tauri tries again and reports the failure its own way (no display, most often).
        eprintln!("Dossier: GTK could not start: {e}");
    }
}

//! Timings taken in the page, for `make bench`: from a click or a keystroke to two animation
//! frames after what it brings is in the page (the first frame lays it out and paints it; once
//! the second begins, the first has reached the screen). Nothing waits a fixed time: a
//! `MutationObserver` sees the content arrive, and the bench's second call waits for the mark.
//!
//! The page itself carries no bench code: these scripts are sent through WebDriver only when the
//! bench asks, and leave `performance.mark`s (`dossier-bench-start`, `dossier-bench-painted`)
//! that the Web Inspector shows beside the page's own work.

use crate::App;

/// Arms a measurement: `ready` is the CSS selector that matches once the content is in the
/// page. With `click`, clicks it now and times from there; with `field`, times from the last
/// `input` event the field fires (the keystroke the page answers).
const ARM: &str = "const [ready, click, field] = arguments;
    if (document.querySelector(ready)) throw new Error(`${ready} already matches before the action`);
    const bench = (window.__dossierBench = { start: null, painted: null, waiters: [], seen: false });
    const started = () => { bench.start = performance.now(); performance.mark('dossier-bench-start'); };
    const check = () => {
      if (bench.seen || bench.start === null || !document.querySelector(ready)) return;
      bench.seen = true;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        performance.mark('dossier-bench-painted');
        bench.painted = performance.now();
        for (const wake of bench.waiters) wake();
      }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    if (field) document.querySelector(field).addEventListener('input', () => { started(); check(); });
    if (click) { started(); document.querySelector(click).click(); check(); }";

/// Waits for the armed measurement's paint; answers the milliseconds from its start.
const AWAIT: &str = "const done = arguments[0];
    const bench = window.__dossierBench;
    const finish = () => done(bench.painted - bench.start);
    if (bench.painted !== null) finish(); else bench.waiters.push(finish);";

async fn arm(app: &App, ready: &str, click: Option<&str>, field: Option<&str>) {
    app.client
        .execute(ARM, vec![ready.into(), click.into(), field.into()])
        .await
        .unwrap_or_else(|e| panic!("arm a timing for {ready}: {e}"));
}

async fn painted_ms(app: &App, what: &str) -> f64 {
    app.client
        .execute_async(AWAIT, vec![])
        .await
        .unwrap_or_else(|e| panic!("time {what}: {e}"))
        .as_f64()
        .unwrap_or_else(|| panic!("time {what}: no figure"))
}

/// Milliseconds from clicking `click` to `ready` painted.
pub async fn click_to_paint(app: &App, click: &str, ready: &str) -> f64 {
    app.wait_for(click).await;
    arm(app, ready, Some(click), None).await;
    painted_ms(app, click).await
}

/// Milliseconds from the last keystroke of `text`, typed into `field` as a person would (after
/// clearing it), to `ready` painted.
pub async fn typing_to_paint(app: &App, field: &str, text: &str, ready: &str) -> f64 {
    app.wait_for(field).await;
    arm(app, ready, None, Some(field)).await;
    app.fill(field, text).await;
    painted_ms(app, field).await
}

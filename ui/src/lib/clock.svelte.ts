// The UI's "now" follows the backend's one clock (fixed in the end-to-end build): it is read once
// and then advanced with the wall clock, so countdowns tick without asking the backend.
const state = $state({ offsetMs: 0, tick: Date.now() });
let timer: ReturnType<typeof setTimeout> | undefined;

const MINUTE_MS = 60_000;

// Countdowns show minutes at the finest, so "now" moves once a minute, on the app's minute
// boundary: what a countdown says changes exactly then, and between boundaries nothing wakes
// the page (a window at rest costs no CPU; `idle_cpu_ms_per_min` in `make bench`).
function scheduleTick(): void {
  clearTimeout(timer);
  const now = Date.now() + state.offsetMs;
  timer = setTimeout(
    () => {
      state.tick = Date.now();
      scheduleTick();
    },
    MINUTE_MS - (((now % MINUTE_MS) + MINUTE_MS) % MINUTE_MS),
  );
}

/** Follows the backend's "now" (RFC 3339), as the window's first data brings it. */
export function syncClock(backendNow: string): string {
  state.offsetMs = Date.parse(backendNow) - Date.now();
  state.tick = Date.now();
  scheduleTick();
  return backendNow;
}

/** The app's current instant in milliseconds; reading it in a template re-renders on each tick. */
export function nowMs(): number {
  return state.tick + state.offsetMs;
}

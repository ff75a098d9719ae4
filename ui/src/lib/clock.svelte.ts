// The UI's "now" follows the backend's one clock (fixed in the end-to-end build): it is read once
// and then advanced with the wall clock, so countdowns tick without asking the backend.
const state = $state({ offsetMs: 0, tick: Date.now() });
let timer: ReturnType<typeof setInterval> | undefined;

/** Follows the backend's "now" (RFC 3339), as the window's first data brings it. */
export function syncClock(backendNow: string): string {
  state.offsetMs = Date.parse(backendNow) - Date.now();
  state.tick = Date.now();
  // Countdowns show minutes; a tick every 20 s keeps them right to the minute.
  timer ??= setInterval(() => (state.tick = Date.now()), 20_000);
  return backendNow;
}

/** The app's current instant in milliseconds; reading it in a template re-renders on each tick. */
export function nowMs(): number {
  return state.tick + state.offsetMs;
}

// What comes next, as the Dashboard shows it: the most urgent few. A long history has hundreds
// of moments ahead, which belong in their views, not on a page read at a glance.
import type { UpcomingItem as UpcomingItem } from './bindings';
import { ipc } from './ipc';

export const DASHBOARD_SHOWN = 10;

let early: UpcomingItem[] | null = null;

/** Keeps the moments that came with the window's first data (`session.svelte.ts`), so the
 * first paint waits for one answer instead of two. */
export function keepFirstMoments(items: UpcomingItem[]): void {
  early = items;
}

/** One more than shown, so the Dashboard knows whether there are more. The moments that came
 * with the window serve the first call only: later calls follow changes. */
export function dashboardMoments(): Promise<UpcomingItem[]> {
  const taken = early;
  early = null;
  return taken ? Promise.resolve(taken) : ipc.upcomingList(DASHBOARD_SHOWN + 1);
}

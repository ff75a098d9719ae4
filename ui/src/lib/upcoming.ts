// What comes next, as the Dashboard shows it: the most urgent few. A long history has hundreds
// of moments ahead, which belong in their views, not on a page read at a glance.
import type { UpcomingItem_Serialize as UpcomingItem } from './bindings';
import { ipc } from './ipc';

export const DASHBOARD_SHOWN = 10;

let early: Promise<UpcomingItem[]> | null = null;

/** Asks for the Dashboard's moments together with the window's first data, so the first paint
 * waits for one round trip instead of two. */
export function prefetchDashboardMoments(): void {
  early = ipc.upcomingList(DASHBOARD_SHOWN + 1);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  early.catch(() => {});
}

/** One more than shown, so the Dashboard knows whether there are more. The early answer serves
 * the first call only: later calls follow changes. */
export function dashboardMoments(): Promise<UpcomingItem[]> {
  const taken = early;
  early = null;
  const fresh = () => ipc.upcomingList(DASHBOARD_SHOWN + 1);
  // An early answer that failed (a store not open yet, later started fresh) is asked again.
  return taken ? taken.catch(fresh) : fresh();
}

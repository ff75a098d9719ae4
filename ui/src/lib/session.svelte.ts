// What the whole window knows: whether the data opened, and how much of it there is.
import type { Overview, StoreStatus } from './bindings';
import { syncClock } from './clock.svelte';
import { ipc, toAppError, type AppError } from './ipc';

export const session = $state({
  status: null as StoreStatus | null,
  overview: null as Overview | null,
  now: null as string | null,
  error: null as AppError | null,
  /** Where a damaged database was kept after the user chose to start fresh. */
  keptAs: null as string | null,
});

async function load(): Promise<void> {
  // Asked at once rather than in turn: each is a round trip, and the window shows nothing until
  // all have answered. The counts are only wanted from a store that opened.
  const [now, status, overview] = await Promise.allSettled([syncClock(), ipc.storeStatus(), ipc.overviewGet()]);
  if (now.status === 'rejected') throw now.reason;
  if (status.status === 'rejected') throw status.reason;
  session.now = now.value;
  session.status = status.value;
  if (status.value.state !== 'ready') {
    session.overview = null;
  } else if (overview.status === 'rejected') {
    throw overview.reason;
  } else {
    session.overview = overview.value;
  }
}

async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
    session.error = null;
  } catch (thrown) {
    session.error = toAppError(thrown);
  }
}

export function refresh(): Promise<void> {
  return guarded(load);
}

export function startFresh(): Promise<void> {
  return guarded(async () => {
    session.keptAs = (await ipc.storeStartFresh()).keptAs;
    await load();
  });
}

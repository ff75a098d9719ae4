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
  // One round trip: the window shows nothing until it has answered.
  const { now, status, overview } = await ipc.sessionGet();
  session.now = syncClock(now);
  session.status = status;
  session.overview = overview;
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

// What the whole window knows: whether the data opened, and how much of it there is.
import type { Overview, StoreStatus } from './bindings';
import { syncClock } from './clock.svelte';
import { ipc, toAppError, type AppError } from './ipc';
import { dateStyles, setDates } from './i18n.svelte';
import { DASHBOARD_SHOWN, keepFirstMoments } from './upcoming';

export const session = $state({
  status: null as StoreStatus | null,
  overview: null as Overview | null,
  now: null as string | null,
  error: null as AppError | null,
  /** Where a damaged database was kept after the user chose to start fresh. */
  keptAs: null as string | null,
});

/** `withMoments`: the Dashboard's first moments come in the same answer. */
async function load(withMoments = false): Promise<void> {
  // One round trip: the window shows nothing until it has answered.
  const { now, status, overview, moments } = await ipc.sessionGet(withMoments ? DASHBOARD_SHOWN + 1 : null);
  // Before the counts: they are what brings the Dashboard to ask for its moments.
  if (moments) keepFirstMoments(moments);
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

let first: Promise<void> | null = null;

/** The window's first load. `main.ts` begins it before the page is built, so the round trip
 * runs while the page mounts instead of after, and asks for the Dashboard's moments with it
 * when the window opens there; later callers wait for the same answer. */
export function firstLoad(withMoments = false): Promise<void> {
  // The date style comes beside the first answer, not before it: dates re-render once it is in.
  // A style chosen in Settings before this answer came is newer than it, and stays.
  const asked = dateStyles();
  void ipc.preferencesGet().then(
    (prefs) => {
      const now = dateStyles();
      if (now.dates === asked.dates && now.hours === asked.hours) setDates(prefs?.dateStyle, prefs?.hourStyle);
    },
    () => {},
  );
  first ??= guarded(() => load(withMoments));
  return first;
}

export function startFresh(): Promise<void> {
  return guarded(async () => {
    session.keptAs = (await ipc.storeStartFresh()).keptAs;
    await load();
  });
}

/** Replaces the data with backup `id` (the current data is kept aside) and reloads the window's
 * view of it; resolves to where the replaced data was kept. Throws when the restore failed, with
 * the data as it was. */
export async function restoreBackup(id: string): Promise<string> {
  const restored = await ipc.backupRestore(id);
  session.keptAs = null;
  await refresh();
  return restored.keptAside;
}

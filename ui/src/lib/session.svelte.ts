// What the whole window knows: whether the data opened, and how much of it there is.
import type { Overview, StoreStatus } from './bindings';
import { ipc, toAppError, type AppError } from './ipc';

export const session = $state({
  status: null as StoreStatus | null,
  overview: null as Overview | null,
  now: null as string | null,
  error: null as AppError | null,
});

export async function refresh(): Promise<void> {
  try {
    session.now = await ipc.clockNow();
    session.status = await ipc.storeStatus();
    session.overview = session.status.state === 'ready' ? await ipc.overviewGet() : null;
    session.error = null;
  } catch (thrown) {
    session.error = toAppError(thrown);
  }
}

export async function startFresh(): Promise<void> {
  try {
    session.status = await ipc.storeStartFresh();
    session.overview = session.status.state === 'ready' ? await ipc.overviewGet() : null;
    session.error = null;
  } catch (thrown) {
    session.error = toAppError(thrown);
  }
}

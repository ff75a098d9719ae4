// Locking as the window sees it: the lock status, the candidate's activity reported to the
// app (which locks after the idle time), and what happens when the app locks: the page is
// loaded afresh, so nothing of the data it showed stays in its memory.
import { listen } from '@tauri-apps/api/event';
import type { LockStatus } from './bindings';
import { ipc } from './ipc';

export const lockState = $state({ status: null as LockStatus | null });

export async function loadLockStatus(): Promise<LockStatus> {
  const status = await ipc.lockStatus();
  lockState.status = status;
  return status;
}

/** Forgets every view, store and cache of the page: the new page opens on the unlock screen. */
export function forgetPage(): void {
  location.replace(location.pathname);
}

/** Ctrl+L (⌘L): lock now. */
export function isLockKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';
}

export async function lockNow(): Promise<void> {
  await ipc.lockNow();
  forgetPage();
}

/** At most one report per this many milliseconds: the app needs minutes, not every key. */
export const ACTIVITY_EVERY_MS = 20_000;

/** A reporter that calls `send` at most once per `every` ms of `now()`. */
export function throttled(send: () => void, every: number, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const at = now();
    if (at - last < every) return;
    last = at;
    send();
  };
}

/** Reports the candidate's activity while the window is open and unlocked; resolves to the
 * function that stops it. The app's own `dossier-locked` event reloads the page. */
export async function watchActivity(): Promise<() => void> {
  const report = throttled(() => void ipc.lockActivity().catch(() => {}), ACTIVITY_EVERY_MS);
  const kinds = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;
  for (const kind of kinds) window.addEventListener(kind, report, { passive: true });
  let stopLocked = () => {};
  try {
    stopLocked = await listen('dossier-locked', () => forgetPage());
  } catch {
    // Without the event bridge the next call finds the data locked and says so.
  }
  return () => {
    for (const kind of kinds) window.removeEventListener(kind, report);
    stopLocked();
  };
}

export type Strength = 'weak' | 'fair' | 'strong';

/** A rough hint, not a promise: length and variety of characters. */
export function strength(passphrase: string): Strength {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^\w]/, /\s/].filter((re) => re.test(passphrase)).length;
  const length = [...passphrase].length;
  if (length >= 20 || (length >= 14 && kinds >= 3)) return 'strong';
  if (length >= 12) return 'fair';
  return 'weak';
}

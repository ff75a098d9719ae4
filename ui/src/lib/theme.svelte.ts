// The window's colours: light, dark, or the system's. The choice is kept with the candidate's
// other preferences in the data folder, not in the webview's storage, which every copy of the
// app on the machine shares.
import type { Theme } from './bindings';
import { ipc } from './ipc';

export const themes: Theme[] = ['light', 'dark', 'system'];

const current = $state({ theme: 'system' as Theme });

export function theme(): Theme {
  return current.theme;
}

/** Colours the window as `chosen` says at once; `system` leaves it to the system's setting. */
export function applyTheme(chosen: Theme, root: HTMLElement = document.documentElement): void {
  current.theme = chosen;
  if (chosen === 'system') delete root.dataset.theme;
  else root.dataset.theme = chosen;
}

/** Applies the theme kept from last time. */
export async function loadTheme(): Promise<void> {
  const kept = await ipc.preferencesGet();
  applyTheme(kept.theme ?? 'system');
}

/** Applies `chosen` and keeps it for the next start. */
export async function chooseTheme(chosen: Theme): Promise<void> {
  applyTheme(chosen);
  const kept = await ipc.preferencesGet();
  await ipc.preferencesSet({ ...kept, theme: chosen });
}

// Closing the window with unsaved changes asks the same question as leaving a page. Once the
// page listens for close requests Tauri no longer closes the window itself: the page prevents
// the close, asks, and destroys the window when the candidate chose to save or discard.
import { getCurrentWindow } from '@tauri-apps/api/window';
import { hasUnsaved, mayLeave } from './unsaved.svelte';

/** What to do with one close request; `destroy` closes the window for good. Exported for tests. */
export async function onCloseRequest(
  event: { preventDefault: () => void },
  destroy: () => Promise<void>,
): Promise<void> {
  // Nothing to lose: the request is not prevented, so the window closes as usual.
  if (!hasUnsaved()) return;
  event.preventDefault();
  if (await mayLeave()) await destroy();
}

/** Starts asking before the window closes; called once when the window opens. */
export async function guardWindowClose(): Promise<() => void> {
  const window = getCurrentWindow();
  return window.onCloseRequested((event) => onCloseRequest(event, () => window.destroy()));
}

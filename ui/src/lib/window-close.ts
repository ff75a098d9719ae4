// Closing the window with unsaved changes asks the same question as leaving a page. Once the
// page listens for close requests Tauri no longer closes the window itself: the page prevents
// the close, asks, and destroys the window when the candidate chose to save or discard.
import { getCurrentWindow } from '@tauri-apps/api/window';
import { askOnFirstClose, type CloseQuestion } from './close-choice.svelte';
import { hasUnsaved, mayLeave } from './unsaved.svelte';

/** What to do with one close request; `destroy` closes the window for good. Exported for tests. */
export async function onCloseRequest(
  event: { preventDefault: () => void },
  destroy: () => Promise<void>,
  onClose: CloseQuestion = askOnFirstClose,
): Promise<void> {
  const unsaved = hasUnsaved();
  const asking = await onClose.needed();
  // Nothing to lose or ask: the request is not prevented, so the window closes as usual.
  if (!unsaved && !asking) return;
  event.preventDefault();
  if (unsaved && !(await mayLeave())) return;
  if (asking && !(await onClose.ask())) return;
  await destroy();
}

/** Starts asking before the window closes; called once when the window opens. */
export async function guardWindowClose(): Promise<() => void> {
  const window = getCurrentWindow();
  return window.onCloseRequested((event) => onCloseRequest(event, () => window.destroy()));
}

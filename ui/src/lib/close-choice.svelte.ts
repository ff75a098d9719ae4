// The first close of the window asks once what closing should do from then on: keep Dossier
// running in the tray, so reminders still arrive, or quit. The answer is kept in the
// preferences and can be changed in Settings. Without a tray there is nothing to ask: closing
// quits, as it always did.
import type { OnClose } from './bindings';
import { ipc } from './ipc';

/** The open question, shown by `CloseChoiceDialog.svelte`; `answerClose` settles it. */
export const closeQuestion = $state({ open: false });
let settle: ((choice: OnClose | null) => void) | null = null;

/** The dialog's answer; `null` keeps the window open and asks again next time. */
export function answerClose(choice: OnClose | null): void {
  const done = settle;
  settle = null;
  closeQuestion.open = false;
  done?.(choice);
}

function ask(): Promise<OnClose | null> {
  // A second close while the question is open is answered by the first.
  if (settle) return Promise.resolve(null);
  closeQuestion.open = true;
  return new Promise((resolve) => (settle = resolve));
}

export type CloseQuestion = {
  /** Whether this close must ask first. */
  needed: () => Promise<boolean>;
  /** Asks and keeps the answer; false when the candidate kept the window open. */
  ask: () => Promise<boolean>;
};

/** Asks on the first close where a tray is there to keep Dossier in. */
export const askOnFirstClose: CloseQuestion = {
  async needed() {
    try {
      const [status, preferences] = await Promise.all([ipc.backgroundStatus(), ipc.preferencesGet()]);
      return status.tray && preferences.onClose === null;
    } catch (thrown) {
      // Never keep the window from closing because the question could not be prepared.
      console.error('close choice', thrown);
      return false;
    }
  },
  async ask() {
    const choice = await ask();
    if (!choice) return false;
    try {
      const preferences = await ipc.preferencesGet();
      await ipc.preferencesSet({ ...preferences, onClose: choice });
    } catch (thrown) {
      console.error('close choice', thrown);
    }
    return true;
  },
};

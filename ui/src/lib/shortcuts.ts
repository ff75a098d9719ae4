// Keys that work anywhere in the window, and the list the help dialog shows.
import { routes, type Route } from './router.svelte';

type KeyEvent = Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'key' | 'target'>;

/** A field the candidate types into, where `?` is a character and not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** F1 anywhere (it types nothing), `?` outside a field: the keyboard help. */
export function isHelpKey(event: KeyEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === 'F1') return true;
  return event.key === '?' && !isTyping(event.target);
}

export type ShortcutRow =
  | { keys: string[]; route: Route }
  | {
      keys: string[];
      what: 'help' | 'nextField' | 'activate' | 'closeDialog' | 'menu' | 'boardMove';
    };

/** The rows of the help, in the order shown: the pages first, as the sidebar lists them. */
export function shortcutRows(): { pages: ShortcutRow[]; everywhere: ShortcutRow[] } {
  return {
    pages: routes.map((route, index) => ({ keys: [`Ctrl+${index + 1}`], route })),
    everywhere: [
      { keys: ['?', 'F1'], what: 'help' },
      { keys: ['Tab', 'Shift+Tab'], what: 'nextField' },
      { keys: ['Enter', 'Space'], what: 'activate' },
      { keys: ['Esc'], what: 'closeDialog' },
      { keys: ['↑', '↓'], what: 'menu' },
      { keys: ['Enter'], what: 'boardMove' },
    ],
  };
}

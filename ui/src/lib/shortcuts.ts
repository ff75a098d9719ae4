// Keys that work anywhere in the window, and the list the help dialog shows.
import { t } from './i18n.svelte';
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

/** Keys whose cap carries a word, named in the candidate's language (`Maj`, `Entrée`). */
export type NamedKey = 'ctrl' | 'shift' | 'tab' | 'enter' | 'space' | 'esc';

/** One key: a named one, or a cap that reads the same everywhere (a digit, `?`, `F1`, `↑`). */
export type KeyCap = { named: NamedKey } | { cap: string };

/** Keys pressed together, such as Ctrl and 1. */
export type KeyCombo = KeyCap[];

export type ShortcutRow =
  | { keys: KeyCombo[]; route: Route }
  | {
      keys: KeyCombo[];
      what: 'help' | 'nextField' | 'activate' | 'closeDialog' | 'menu' | 'boardMove' | 'lock';
    };

const named = (name: NamedKey): KeyCap => ({ named: name });
const cap = (text: string): KeyCap => ({ cap: text });

/** A combination as the help prints it: `Ctrl+1`, `Maj+Tab`, `Échap`. */
export function comboText(combo: KeyCombo): string {
  return combo.map((key) => ('named' in key ? t(`keyCaps.${key.named}`) : key.cap)).join('+');
}

/** The rows of the help, in the order shown: the pages first, as the sidebar lists them. */
export function shortcutRows(): { pages: ShortcutRow[]; everywhere: ShortcutRow[] } {
  return {
    pages: routes.map((route, index) => ({ keys: [[named('ctrl'), cap(String(index + 1))]], route })),
    everywhere: [
      { keys: [[cap('?')], [cap('F1')]], what: 'help' },
      { keys: [[named('tab')], [named('shift'), named('tab')]], what: 'nextField' },
      { keys: [[named('enter')], [named('space')]], what: 'activate' },
      { keys: [[named('esc')]], what: 'closeDialog' },
      { keys: [[cap('↑')], [cap('↓')]], what: 'menu' },
      { keys: [[named('enter')]], what: 'boardMove' },
      { keys: [[named('ctrl'), cap('L')]], what: 'lock' },
    ],
  };
}

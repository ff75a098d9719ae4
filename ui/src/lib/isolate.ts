// User text (a vacancy title, a document name) set inside a translated sentence is shown in a
// <bdi>, so a right-to-left title or an embedded override cannot reorder the words around it.
// The sentence is translated with a marker in each user value's place and split around them.
import { t, type MessageKey } from './i18n.svelte';

/** User text set inside a plain string (a dialog title, an `aria-label`, an `<option>`), where
 * no element can isolate it: Unicode's first-strong isolate and pop, the plain-text `<bdi>`. */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

export type MessagePart = { text: string } | { user: string };

// Private-use characters: never in a catalogue, and not changed by interpolation.
const open = '\u{E000}';
const close = '\u{E001}';

/** `key` translated with `values`, cut into the catalogue's text and the user values. */
export function messageParts(key: MessageKey, values: Record<string, string | number>): MessagePart[] {
  const names = Object.keys(values);
  const marked = Object.fromEntries(names.map((name, index) => [name, `${open}${index}${close}`]));
  const parts: MessagePart[] = [];
  for (const [index, piece] of t(key, marked)
    .split(new RegExp(`${open}(\\d+)${close}`))
    .entries()) {
    if (index % 2 === 0) {
      if (piece) parts.push({ text: piece });
    } else {
      parts.push({ user: String(values[names[Number(piece)]!]) });
    }
  }
  return parts;
}

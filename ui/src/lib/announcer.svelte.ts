// One polite live region for the whole window: after an action whose result is not where the
// focus lands (a card moved, a notice read), the candidate's screen reader says what happened.
// One region, mounted once with the window, because a region added at the moment it speaks is
// not heard by every screen reader.

const live = $state({ message: '', count: 0 });

/** Says `message` once, politely, even when it is the same words as last time. */
export function announce(message: string): void {
  live.message = message;
  live.count += 1;
}

export function announcement(): { message: string; count: number } {
  return live;
}

/** Moves focus to the first field of `container` (found by `selector` in the document). */
export function focusFirstField(selector: string): boolean {
  const field = document.querySelector<HTMLElement>(
    `${selector} :is(input:not([type=hidden]), select, textarea, button):not(:disabled)`,
  );
  field?.focus();
  return field !== null;
}

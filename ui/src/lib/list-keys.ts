// Moving along a long list by keyboard: most of its rows are not in the page (only those on
// screen are drawn), so Tab alone cannot walk it; the arrows, Page Up/Down, Home and End go to
// any row, which is then scrolled into view and focused.

/** The row the key goes to from row `index` of `total` rows, `step` rows making a screenful;
 * `null` for a key that does not move along the list. */
export function rowAfterKey(key: string, index: number, total: number, step: number): number | null {
  if (total <= 0) return null;
  const page = Math.max(1, step);
  const to = (() => {
    switch (key) {
      case 'ArrowDown':
        return index + 1;
      case 'ArrowUp':
        return index - 1;
      case 'PageDown':
        return index + page;
      case 'PageUp':
        return index - page;
      case 'Home':
        return 0;
      case 'End':
        return total - 1;
      default:
        return null;
    }
  })();
  return to === null ? null : Math.max(0, Math.min(total - 1, to));
}

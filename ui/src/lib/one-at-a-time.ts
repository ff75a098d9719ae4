// Search as you type without a fixed debounce: a keystroke's search starts at once when none is
// under way, and otherwise waits for the one under way to end (superseded searches that are
// still waiting are dropped by their signal). The backend thus answers at most one search
// behind the typing, and the last keystroke's answer comes one search after the one before it,
// not after a timer: a 120 ms debounce was most of `search_keystroke_p95_ms`.

export class OneAtATime {
  /** Settles once the last request asked for has run (or been dropped): the next one's turn. */
  #last: Promise<unknown> = Promise.resolve();

  /** Runs `fetch` once the requests asked for before have ended; rejects with the signal's
   * reason as soon as it is superseded, and then never runs it. */
  run<T>(signal: AbortSignal, fetch: () => Promise<T>): Promise<T> {
    const turn = this.#last.then(() => {
      if (signal.aborted) throw signal.reason;
      return fetch();
    });
    this.#last = turn.catch(() => undefined);
    const dropped = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    // The turn's own failure is the caller's; a dropped one is not reported twice.
    turn.catch(() => undefined);
    return Promise.race([turn, dropped]);
  }
}

// Loading what a page shows (by id, or for the filters on screen) in one place: a newer request
// supersedes the one still under way, so an answer that comes back late never replaces the
// newer one, and a failure becomes the message the page shows.
import { toAppError, type AppError } from './ipc';

export type LoaderOptions = {
  /** The answer is replaced whole, never changed in place (a long list): it is kept as it came,
   * without the deep proxy that would make every read of every row tracked. */
  shallow?: boolean;
};

export type LoadOptions = {
  /** Keep showing the last answer while the new one is awaited (a list being filtered), rather
   * than nothing (a page opened for another id). */
  keep?: boolean;
};

export class Loader<T> {
  #value = $state<T | null>(null);
  #raw = $state.raw<T | null>(null);
  readonly #shallow: boolean;
  #problem = $state<string | null>(null);
  #busy = $state(false);
  // Plain fields: a read inside an `$effect` that calls `load` must not make it a dependency.
  #request = 0;
  #controller: AbortController | null = null;
  readonly #describe: (error: AppError) => string;

  constructor(describe: (error: AppError) => string = (error) => error.message, options: LoaderOptions = {}) {
    this.#describe = describe;
    this.#shallow = options.shallow ?? false;
  }

  /** The latest answer, or null before it (and after a failure unless `keep` was asked). */
  get value(): T | null {
    return this.#shallow ? this.#raw : this.#value;
  }

  /** Set by a page that changed the thing itself (a saved edit answers with the new state). */
  set value(value: T | null) {
    this.#set(value);
  }

  /** What went wrong with the latest request, in words for the page. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Whether the latest request is still awaited. */
  get busy(): boolean {
    return this.#busy;
  }

  /**
   * Starts a request that supersedes any under way. `fetch` gets a signal that is aborted when
   * it is superseded (to stop a debounce timer, say). Resolves to whether this request's answer
   * or failure is the one shown; it never rejects.
   */
  async load(fetch: (signal: AbortSignal) => Promise<T>, options: LoadOptions = {}): Promise<boolean> {
    const mine = this.#supersede();
    const signal = this.#controller!.signal;
    if (!options.keep) this.#set(null);
    this.#problem = null;
    this.#busy = true;
    try {
      const value = await fetch(signal);
      if (mine !== this.#request) return false;
      this.#set(value);
    } catch (thrown) {
      if (mine !== this.#request) return false;
      this.#problem = this.#describe(toAppError(thrown));
    }
    this.#busy = false;
    return true;
  }

  /** Drops any request under way and what was shown: nothing is to be shown now. */
  clear(): void {
    this.cancel();
    this.#set(null);
    this.#problem = null;
  }

  /** Drops any request under way, keeping what is shown (the page is going away). */
  cancel(): void {
    this.#supersede();
    this.#busy = false;
  }

  #set(value: T | null): void {
    if (this.#shallow) this.#raw = value;
    else this.#value = value;
  }

  #supersede(): number {
    this.#controller?.abort();
    this.#controller = new AbortController();
    return ++this.#request;
  }
}

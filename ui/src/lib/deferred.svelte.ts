// A component whose code is fetched only once the window first needs it: the dialogs that wait
// for a question (unsaved changes, closing, shortcuts, a damaged store) bring bits-ui and its
// focus handling, which the first paint of the Dashboard does not need (startup_js_kib_gzip).
import type { Component } from 'svelte';

export type Deferred<P extends Record<string, unknown>> = {
  /** The component once loaded, null before. */
  readonly current: Component<P> | null;
  /** Starts loading the first time `wanted` is true; later calls change nothing. */
  need(wanted: boolean): void;
};

export function deferred<P extends Record<string, unknown>>(
  load: () => Promise<{ default: Component<P> }>,
): Deferred<P> {
  let current = $state.raw<Component<P> | null>(null);
  let asked = false;
  return {
    get current() {
      return current;
    },
    need(wanted: boolean) {
      if (!wanted || asked) return;
      asked = true;
      load().then(
        (module) => (current = module.default),
        (thrown) => {
          // Asked again the next time it is wanted: a failed fetch of our own file is rare.
          asked = false;
          console.error('a deferred component did not load', thrown);
        },
      );
    },
  };
}

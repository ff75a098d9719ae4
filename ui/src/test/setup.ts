import '@testing-library/svelte/vitest';
import { setLocale } from '../lib/i18n.svelte';

// The window loads its language before it mounts (`main.ts`); tests speak English.
await setLocale('en');

// jsdom lays nothing out and has no ResizeObserver, which the list virtualiser (virtua) asks
// for: every box observed is said to be a window's worth (1000 × 700), so a long list draws its
// first screenful as it would on screen.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    readonly #report: ResizeObserverCallback;
    constructor(report: ResizeObserverCallback) {
      this.#report = report;
    }
    observe(target: Element) {
      const contentRect = { width: 1000, height: 700 } as DOMRectReadOnly;
      queueMicrotask(() => this.#report([{ target, contentRect } as ResizeObserverEntry], this));
    }
    unobserve() {}
    disconnect() {}
  };
}
// Nor does it scroll: a list asked to bring a row into view has nothing to move.
Element.prototype.scrollTo ??= () => {};

import '@testing-library/svelte/vitest';
import { setLocale } from '../lib/i18n.svelte';

// The window loads its language before it mounts (`main.ts`); tests speak English.
await setLocale('en');

// jsdom lays nothing out, so it has no ResizeObserver; the long lists (virtua) watch their
// box with one. Each box observed is told once that it is a window's size, so the lists draw
// their first rows as they would on screen.
class BoxSizeOnce {
  readonly #callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.#callback = callback;
  }
  observe(target: Element) {
    const entry = { target, contentRect: { width: 1000, height: 700 } } as unknown as ResizeObserverEntry;
    queueMicrotask(() => this.#callback([entry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= BoxSizeOnce as unknown as typeof ResizeObserver;

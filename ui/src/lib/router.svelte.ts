// Hash routes: the webview has no server to resolve paths, and hashes keep back/forward working.
import { hasUnsaved, mayLeave } from './unsaved.svelte';

export const routes = ['dashboard', 'vacancies', 'applications', 'documents', 'profile', 'settings'] as const;
export type Route = (typeof routes)[number];

export function parseHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'dashboard';
}

/** What follows the route in the hash: `#/vacancies/12/edit` gives `['12', 'edit']`. */
export function parseRest(hash: string): string[] {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  return parts.length > 0 && (routes as readonly string[]).includes(parts[0]!)
    ? parts.slice(1).map(decodeURIComponent)
    : [];
}

export function hrefFor(route: Route, ...rest: (string | number)[]): string {
  return ['#', route, ...rest.map((part) => encodeURIComponent(String(part)))].join('/');
}

/** Ctrl+1 … Ctrl+6 follow the order of the sidebar. */
export function routeForShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>,
): Route | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const index = Number.parseInt(event.key, 10) - 1;
  return Number.isInteger(index) && index >= 0 && index < routes.length ? routes[index]! : null;
}

const initial = globalThis.location?.hash ?? '';
const state = $state({ current: parseHash(initial), rest: parseRest(initial) });

function samePage(hash: string): boolean {
  return parseHash(hash) === state.current && parseRest(hash).join('/') === state.rest.join('/');
}

function show(href: string): void {
  if (globalThis.location) globalThis.location.hash = href;
  state.current = parseHash(href);
  state.rest = parseRest(href);
}

export const router = {
  get current(): Route {
    return state.current;
  },
  /** The path within the current view, such as a vacancy's id. */
  get rest(): string[] {
    return state.rest;
  },
  /** Opens a page; a form with unsaved changes first asks whether to save, discard or stay. */
  go(route: Route, ...rest: (string | number)[]): void {
    const href = hrefFor(route, ...rest);
    if (samePage(href)) return show(href);
    // With nothing to lose the page changes at once, as callers and tests expect.
    if (!hasUnsaved()) return show(href);
    void mayLeave().then((leave) => {
      if (leave) show(href);
    });
  },
  /** Follows the address after it changed by itself (back/forward, a link not caught before):
   * false when the page was held back. Leaving a form with unsaved changes is held back first: the
   * form's address is put back on top of the history and the candidate asked; leaving then goes
   * one step back, which is exactly the page that was asked for, whichever way history moved. */
  sync(): boolean {
    const hash = globalThis.location?.hash ?? '';
    if (samePage(hash)) return true;
    if (hasUnsaved()) {
      const target = hash;
      globalThis.history?.pushState(null, '', hrefFor(state.current, ...state.rest));
      void mayLeave().then((leave) => {
        if (!leave) return;
        state.current = parseHash(target);
        state.rest = parseRest(target);
        globalThis.history?.back();
      });
      return false;
    }
    state.current = parseHash(hash);
    state.rest = parseRest(hash);
    return true;
  },
};

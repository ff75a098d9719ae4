// Hash routes: the webview has no server to resolve paths, and hashes keep back/forward working.
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

export const router = {
  get current(): Route {
    return state.current;
  },
  /** The path within the current view, such as a vacancy's id. */
  get rest(): string[] {
    return state.rest;
  },
  go(route: Route, ...rest: (string | number)[]): void {
    const href = hrefFor(route, ...rest);
    if (globalThis.location) globalThis.location.hash = href;
    state.current = route;
    state.rest = parseRest(href);
  },
  sync(): void {
    const hash = globalThis.location?.hash ?? '';
    state.current = parseHash(hash);
    state.rest = parseRest(hash);
  },
};

// Hash routes: the webview has no server to resolve paths, and hashes keep back/forward working.
export const routes = [
  'dashboard',
  'vacancies',
  'applications',
  'documents',
  'profile',
  'settings',
] as const;
export type Route = (typeof routes)[number];

export function parseHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'dashboard';
}

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

/** Ctrl+1 … Ctrl+6 follow the order of the sidebar. */
export function routeForShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): Route | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const index = Number.parseInt(event.key, 10) - 1;
  return Number.isInteger(index) && index >= 0 && index < routes.length ? routes[index]! : null;
}

const state = $state({ current: parseHash(globalThis.location?.hash ?? '') });

export const router = {
  get current(): Route {
    return state.current;
  },
  go(route: Route): void {
    if (globalThis.location) globalThis.location.hash = hrefFor(route);
    state.current = route;
  },
  sync(): void {
    state.current = parseHash(globalThis.location?.hash ?? '');
  },
};

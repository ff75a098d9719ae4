import { describe, expect, it } from 'vitest';

// Views reach the backend only through the typed module in `lib/ipc.ts`.
const sources = import.meta.glob('../**/*.{ts,svelte}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(Object.keys(sources).some((p) => p.endsWith('App.svelte'))).toBe(true);
  });

  it('calls invoke nowhere but in the generated bindings', () => {
    const offenders = Object.entries(sources)
      .filter(([path]) => !path.endsWith('/bindings.ts') && !path.endsWith('.test.ts'))
      .filter(([, text]) => /@tauri-apps\/api\/core|\binvoke\s*\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('uses logical properties so right-to-left layouts mirror', () => {
    const physical = /(?:margin|padding|border)-(?:left|right)\s*:|(?:^|[\s;{])(?:left|right)\s*:/m;
    const offenders = Object.entries(sources)
      .filter(([path]) => path.endsWith('.svelte'))
      .filter(([, text]) => physical.test(text.split('<style>')[1] ?? ''))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});

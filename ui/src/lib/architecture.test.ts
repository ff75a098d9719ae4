import { describe, expect, it } from 'vitest';

// Views reach the backend only through the typed module in `lib/ipc.ts`.
const sources = import.meta.glob('../**/*.{ts,svelte,css}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(Object.keys(sources).some((p) => p.endsWith('App.svelte'))).toBe(true);
  });

  it('calls invoke nowhere but in the generated bindings', () => {
    // `lib/ipc.ts` may hand out Tauri's `Channel` (a stream from one command), nothing else.
    const withoutChannel = (path: string, text: string) =>
      path === './ipc.ts' ? text.replace("export { Channel } from '@tauri-apps/api/core';", '') : text;
    const offenders = Object.entries(sources)
      .filter(([path]) => !path.endsWith('/bindings.ts') && !path.endsWith('.test.ts'))
      .filter(([path, text]) => /@tauri-apps\/api\/core|\binvoke\s*\(/.test(withoutChannel(path, text)))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('uses logical properties so right-to-left layouts mirror', () => {
    const physical = /(?:margin|padding|border)-(?:left|right)\s*:|(?:^|[\s;{])(?:left|right)\s*:/m;
    const styles = Object.entries(sources)
      .filter(([path]) => path.endsWith('.svelte') || path.endsWith('.css'))
      .map(([path, text]) => [path, path.endsWith('.css') ? text : (text.split('<style>')[1] ?? '')] as const);
    expect(styles.some(([path]) => path.endsWith('app.css'))).toBe(true);
    const offenders = styles.filter(([, css]) => physical.test(css)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, parseRest, routeForShortcut, routes } from './router.svelte';

describe('router', () => {
  it('reads every route back from its own link', () => {
    for (const route of routes) expect(parseHash(hrefFor(route))).toBe(route);
  });

  it('falls back to the dashboard for anything unknown', () => {
    expect(parseHash('')).toBe('dashboard');
    expect(parseHash('#/nowhere')).toBe('dashboard');
    expect(parseHash('#/constructor')).toBe('dashboard');
    expect(parseHash('#/vacancies/42')).toBe('vacancies');
  });

  it('keeps the path inside a view, such as a vacancy id', () => {
    expect(parseRest(hrefFor('vacancies', 12, 'edit'))).toEqual(['12', 'edit']);
    expect(parseRest('#/vacancies')).toEqual([]);
    expect(parseRest('#/nowhere/12')).toEqual([]);
    expect(parseRest(hrefFor('vacancies', 'a/b c'))).toEqual(['a/b c']);
  });

  it('maps Ctrl+1…6 to the sidebar order and ignores other keys', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
      routeForShortcut({ ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, key: k, ...mods });
    expect(key('1')).toBe('dashboard');
    expect(key('6')).toBe('settings');
    expect(key('7')).toBeNull();
    expect(key('0')).toBeNull();
    expect(key('a')).toBeNull();
    expect(key('2', { ctrlKey: false })).toBeNull();
    expect(key('2', { shiftKey: true })).toBeNull();
  });
});

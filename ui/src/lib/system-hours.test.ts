import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { setLocale } from './i18n.svelte';
import { shareSystemHours } from './system-hours';
import { formatClock, formatDay, setDateStyle, systemDateOrder, systemHourCycle } from './time';

afterEach(() => clearMocks());

function kept(initial: Record<string, unknown>) {
  const store = { preferences: initial, writes: 0 };
  mockIPC((cmd, args) => {
    if (cmd === 'preferences_get') return store.preferences;
    if (cmd === 'preferences_set') {
      store.preferences = (args as { preferences: Record<string, unknown> }).preferences;
      store.writes += 1;
    }
    return null;
  });
  return store;
}

describe('system hours', () => {
  it('resolves the clock as the window writes "system" times', () => {
    setDateStyle('system', 'system');
    expect(systemHourCycle('en-US')).toBe('h12');
    expect(formatClock('17:59', 'en-US')).toBe('5:59 PM');
    expect(systemHourCycle('en-GB')).toBe('h24');
    expect(formatClock('17:59', 'en-GB')).toBe('17:59');
    expect(systemHourCycle('fr')).toBe('h24');
  });

  it('resolves the order the window writes "system" dates in', () => {
    setDateStyle('system', 'system');
    expect(systemDateOrder('en-US')).toBe('month_first');
    expect(formatDay('2026-11-23T12:00:00Z', 'UTC', 'en-US', true)).toBe('Monday, November 23, 2026');
    expect(systemDateOrder('en-GB')).toBe('day_first');
    expect(systemDateOrder('fr')).toBe('day_first');
    expect(systemDateOrder('ar')).toBe('day_first');
  });

  it('tells the core the en-US clock, keeping "system" as the choice', async () => {
    await setLocale('en');
    const store = kept({ hourStyle: 'system', theme: 'dark' });
    await shareSystemHours(['en-US']);
    expect(store.preferences).toEqual({
      hourStyle: 'system',
      theme: 'dark',
      systemHours: 'h12',
      systemDates: 'month_first',
    });
  });

  it('follows a change of language, and writes nothing when the clock is already known', async () => {
    await setLocale('en');
    const store = kept({ hourStyle: 'system', systemHours: 'h12', systemDates: 'month_first' });
    await shareSystemHours(['en-US']);
    expect(store.writes).toBe(0);
    await setLocale('fr');
    await shareSystemHours(['en-US', 'fr-FR']);
    expect(store.preferences).toEqual({ hourStyle: 'system', systemHours: 'h24', systemDates: 'day_first' });
    await setLocale('en');
  });
});

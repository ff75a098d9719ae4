import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import DateStyleSetting from './DateStyleSetting.svelte';
import { session } from '../lib/session.svelte';
import { setDates } from '../lib/i18n.svelte';

afterEach(() => {
  clearMocks();
  setDates('system', 'system');
  session.now = null;
});

describe('the date and time style', () => {
  it('is chosen in Settings, kept in the preferences, and followed at once', async () => {
    const saved: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'preferences_get') return { platformNoteDismissed: true };
      if (cmd === 'preferences_set') saved.push((args as { preferences: unknown }).preferences);
      return null;
    });
    session.now = '2026-12-01T16:59:00Z';
    render(DateStyleSetting);
    await fireEvent.change(screen.getByTestId('date-style'), { target: { value: 'iso' } });
    await fireEvent.change(screen.getByTestId('hour-style'), { target: { value: 'h24' } });
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ dateStyle: 'iso', hourStyle: 'h24' }));
    expect(screen.getByTestId('date-example').textContent).toMatch(/2026-12-01, \d\d:59/);
    await fireEvent.change(screen.getByTestId('hour-style'), { target: { value: 'h12' } });
    expect(screen.getByTestId('date-example').textContent).toMatch(/2026-12-01, \d{1,2}:59 [AP]M/);
    expect(screen.getByTestId('date-example').textContent).not.toMatch(/ 0\d:59 [AP]M/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { applyTheme, chooseTheme, loadTheme, theme } from './theme.svelte';

afterEach(() => {
  clearMocks();
  applyTheme('system');
});

describe('theme', () => {
  it('colours the window at once, and leaves it to the system when asked', () => {
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    applyTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('keeps the choice with the other preferences, and applies it on the next start', async () => {
    let kept: Record<string, unknown> = { platformNoteDismissed: true };
    mockIPC((cmd, args) => {
      if (cmd === 'preferences_get') return kept;
      if (cmd === 'preferences_set') kept = (args as { preferences: Record<string, unknown> }).preferences;
      return null;
    });
    await chooseTheme('dark');
    expect(kept).toEqual({ platformNoteDismissed: true, theme: 'dark' });
    applyTheme('system');
    await loadTheme();
    expect(theme()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

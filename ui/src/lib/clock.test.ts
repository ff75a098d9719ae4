import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nowMs, syncClock } from './clock.svelte';

describe('the UI clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T09:00:10Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('moves only on the minute, so a page at rest is not woken between minutes', () => {
    // The backend's clock runs 5 s ahead of the wall clock: its minute ends at 09:00:55 here.
    syncClock('2026-11-22T09:00:15Z');
    const synced = nowMs();
    vi.advanceTimersByTime(40_000);
    expect(nowMs()).toBe(synced);
    vi.advanceTimersByTime(5_000);
    expect(new Date(nowMs()).toISOString()).toBe('2026-11-22T09:01:00.000Z');
    vi.advanceTimersByTime(59_999);
    expect(new Date(nowMs()).toISOString()).toBe('2026-11-22T09:01:00.000Z');
    vi.advanceTimersByTime(1);
    expect(new Date(nowMs()).toISOString()).toBe('2026-11-22T09:02:00.000Z');
  });

  it('keeps one timer when synced again', () => {
    syncClock('2026-11-22T09:00:10Z');
    syncClock('2026-11-22T09:00:10Z');
    expect(vi.getTimerCount()).toBe(1);
  });
});

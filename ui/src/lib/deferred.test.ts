import { describe, expect, it, vi } from 'vitest';
import { flushSync, type Component } from 'svelte';
import { deferred } from './deferred.svelte';

const Stub = (() => {}) as unknown as Component<Record<string, never>>;

describe('deferred', () => {
  it('loads nothing until the component is wanted, then once', async () => {
    const load = vi.fn(async () => ({ default: Stub }));
    const dialog = deferred(load);
    dialog.need(false);
    expect(load).not.toHaveBeenCalled();
    expect(dialog.current).toBeNull();
    dialog.need(true);
    dialog.need(true);
    await vi.waitFor(() => expect(dialog.current).toBe(Stub));
    flushSync();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue({ default: Stub });
    const dialog = deferred(load);
    dialog.need(true);
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    dialog.need(true);
    await vi.waitFor(() => expect(dialog.current).toBe(Stub));
    expect(load).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

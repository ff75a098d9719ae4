import { describe, expect, it } from 'vitest';
import { strength, throttled } from './lock.svelte';

describe('lock', () => {
  it('reports activity at most once per interval', () => {
    let now = 0;
    let sent = 0;
    const report = throttled(
      () => sent++,
      1000,
      () => now,
    );
    report();
    report();
    now = 999;
    report();
    expect(sent).toBe(1);
    now = 1000;
    report();
    expect(sent).toBe(2);
  });

  it('hints at the strength of a passphrase', () => {
    expect(strength('hunter2')).toBe('weak');
    expect(strength('hunter2hunter')).toBe('fair');
    expect(strength('correct horse battery staple')).toBe('strong');
  });
});

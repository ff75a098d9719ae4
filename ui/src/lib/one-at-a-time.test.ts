import { describe, expect, it } from 'vitest';
import { OneAtATime } from './one-at-a-time';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('OneAtATime', () => {
  it('starts at once when nothing is under way', async () => {
    const gate = new OneAtATime();
    let started = false;
    const answer = gate.run(new AbortController().signal, async () => {
      started = true;
      return 1;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(true);
    expect(await answer).toBe(1);
  });

  it('waits for the request under way, and drops one superseded while it waited', async () => {
    const gate = new OneAtATime();
    const first = deferred<string>();
    const calls: string[] = [];
    const a = gate.run(new AbortController().signal, () => (calls.push('a'), first.promise));
    const superseded = new AbortController();
    const b = gate.run(superseded.signal, async () => (calls.push('b'), 'b'));
    const c = gate.run(new AbortController().signal, async () => (calls.push('c'), 'c'));
    await Promise.resolve();
    expect(calls).toEqual(['a']);
    superseded.abort('newer');
    await expect(b).rejects.toBe('newer');
    first.resolve('a');
    expect(await a).toBe('a');
    expect(await c).toBe('c');
    expect(calls).toEqual(['a', 'c']);
  });

  it('goes on after a request that failed', async () => {
    const gate = new OneAtATime();
    const failed = gate.run(new AbortController().signal, () => Promise.reject(new Error('down')));
    await expect(failed).rejects.toThrow('down');
    expect(await gate.run(new AbortController().signal, async () => 2)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from './ipc';
import { Loader } from './loader.svelte';

/** A request whose answer the test gives when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Loader', () => {
  it('is busy until the answer comes, then shows it', async () => {
    const loader = new Loader<string>();
    const answer = deferred<string>();
    const done = loader.load(() => answer.promise);
    expect(loader.busy).toBe(true);
    expect(loader.value).toBeNull();
    answer.resolve('vacancy 1');
    expect(await done).toBe(true);
    expect(loader.busy).toBe(false);
    expect(loader.value).toBe('vacancy 1');
    expect(loader.problem).toBeNull();
  });

  it('ignores an answer that comes back after a newer request', async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const firstDone = loader.load(() => first.promise);
    const secondDone = loader.load(() => second.promise);
    second.resolve('vacancy 2');
    expect(await secondDone).toBe(true);
    first.resolve('vacancy 1');
    expect(await firstDone).toBe(false);
    expect(loader.value).toBe('vacancy 2');
    expect(loader.busy).toBe(false);
  });

  it('ignores a late failure of a superseded request, and aborts its signal', async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    let firstSignal: AbortSignal | null = null;
    const firstDone = loader.load((signal) => ((firstSignal = signal), first.promise));
    const second = deferred<string>();
    const secondDone = loader.load(() => second.promise);
    expect(firstSignal!.aborted).toBe(true);
    first.reject(new AppError('not_found', 'gone'));
    expect(await firstDone).toBe(false);
    expect(loader.problem).toBeNull();
    expect(loader.busy).toBe(true);
    second.resolve('vacancy 2');
    await secondDone;
    expect(loader.value).toBe('vacancy 2');
  });

  it('shows the problem of the latest request in words', async () => {
    const loader = new Loader<string>((error) => `Could not load: ${error.message}`);
    expect(await loader.load(() => Promise.reject({ code: 'not_found', message: 'No vacancy 7.' }))).toBe(true);
    expect(loader.problem).toBe('Could not load: No vacancy 7.');
    expect(loader.value).toBeNull();
    expect(loader.busy).toBe(false);
    // The next request starts clean.
    const next = loader.load(() => Promise.resolve('vacancy 8'));
    expect(loader.problem).toBeNull();
    await next;
    expect(loader.value).toBe('vacancy 8');
  });

  it('keeps the last answer while a new one is awaited only when asked', async () => {
    const loader = new Loader<string>();
    await loader.load(() => Promise.resolve('page 1'));
    const kept = deferred<string>();
    void loader.load(() => kept.promise, { keep: true });
    expect(loader.value).toBe('page 1');
    void loader.load(() => kept.promise);
    expect(loader.value).toBeNull();
  });

  it('drops a request under way when cleared or cancelled', async () => {
    const loader = new Loader<string>();
    await loader.load(() => Promise.resolve('vacancy 1'));
    const late = deferred<string>();
    const done = loader.load(() => late.promise, { keep: true });
    loader.cancel();
    expect(loader.busy).toBe(false);
    expect(loader.value).toBe('vacancy 1');
    loader.clear();
    expect(loader.value).toBeNull();
    late.resolve('vacancy 2');
    expect(await done).toBe(false);
    expect(loader.value).toBeNull();
  });
});

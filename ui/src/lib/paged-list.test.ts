import { describe, expect, it } from 'vitest';
import { PagedList, pagesCovering, type Page } from './paged-list.svelte';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const numbers = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('pagesCovering', () => {
  it('names each page that holds a row of the range', () => {
    expect(pagesCovering(0, 9, 100, 10)).toEqual([0]);
    expect(pagesCovering(5, 25, 100, 10)).toEqual([0, 1, 2]);
    expect(pagesCovering(99, 99, 100, 10)).toEqual([9]);
  });

  it('stays inside the list, whichever way the range is given', () => {
    expect(pagesCovering(95, 400, 100, 10)).toEqual([9]);
    expect(pagesCovering(25, 5, 100, 10)).toEqual([0, 1, 2]);
    expect(pagesCovering(-3, 2, 100, 10)).toEqual([0]);
    expect(pagesCovering(0, 10, 0, 10)).toEqual([]);
  });
});

describe('PagedList', () => {
  it('holds every row of the count, the first page filled and the rest empty', () => {
    const list = new PagedList<number>(10);
    list.start({ items: numbers(0, 10), total: 35 }, () => Promise.reject(new Error('not asked')));
    expect(list.total).toBe(35);
    expect(list.rows.slice(0, 10)).toEqual(numbers(0, 10));
    expect(list.rows[10]).toBeUndefined();
    expect(list.rows[34]).toBeUndefined();
  });

  it('asks once for each page a range wants, and fills the rows when it comes', async () => {
    const asked: number[] = [];
    const list = new PagedList<number>(10);
    list.start({ items: numbers(0, 10), total: 35 }, async (offset, limit) => {
      asked.push(offset);
      return { items: numbers(offset, Math.min(limit, 35 - offset)), total: 35 };
    });
    await Promise.all([list.ensure(28, 34), list.ensure(30, 34)]);
    expect(asked).toEqual([20, 30]);
    expect(list.rows[34]).toBe(34);
    expect(list.rows[20]).toBe(20);
    expect(list.rows[15]).toBeUndefined();
    await list.ensure(0, 34);
    expect(asked).toEqual([20, 30, 10]);
    expect(list.rows).toEqual(numbers(0, 35));
  });

  it('drops a page of the previous search that arrives after the new one started', async () => {
    const late = deferred<Page<string>>();
    const list = new PagedList<string>(2);
    list.start({ items: ['a', 'b'], total: 4 }, () => late.promise);
    const waiting = list.ensure(2, 3);
    list.start({ items: ['x'], total: 1 }, () => Promise.reject(new Error('not asked')));
    late.resolve({ items: ['c', 'd'], total: 4 });
    await waiting;
    expect(list.rows).toEqual(['x']);
  });

  it('asks again for a page that failed, the next time its rows are wanted', async () => {
    let fail = true;
    const list = new PagedList<number>(10);
    list.start({ items: numbers(0, 10), total: 20 }, async (offset) => {
      if (fail) throw new Error('store busy');
      return { items: numbers(offset, 10), total: 20 };
    });
    await list.ensure(15, 15);
    expect(list.rows[15]).toBeUndefined();
    fail = false;
    await list.ensure(15, 15);
    expect(list.rows[15]).toBe(15);
  });
});

// A long list the backend answers a page at a time: the first page says how many rows there
// are, the other pages are asked for only when their rows come into view (or the keyboard
// goes there). The window then holds the count and the rows seen, never draws the others, and
// every row stays reachable at whatever length the history grows to.

/** Rows asked for at once: enough to fill a tall window several times over. */
export const PAGE_SIZE = 200;

export type Page<T> = { items: T[]; total: number };

/** The numbers of the pages of `size` rows that hold rows `first` to `last` (both included)
 * of a list of `total` rows. */
export function pagesCovering(first: number, last: number, total: number, size = PAGE_SIZE): number[] {
  if (total <= 0) return [];
  const from = Math.max(0, Math.min(first, last, total - 1));
  const to = Math.min(total - 1, Math.max(first, last, 0));
  const pages: number[] = [];
  for (let page = Math.floor(from / size); page <= Math.floor(to / size); page++) pages.push(page);
  return pages;
}

export class PagedList<T> {
  /** One entry per row; `undefined` for a row whose page has not arrived yet. */
  rows = $state.raw<(T | undefined)[]>([]);
  readonly #size: number;
  // Plain fields: reading them in an effect must not make it rerun.
  #fetch: ((offset: number, limit: number) => Promise<Page<T>>) | null = null;
  /** By page number: the request for that page, once made. */
  #asked: (Promise<void> | undefined)[] = [];
  #generation = 0;

  constructor(size = PAGE_SIZE) {
    this.#size = size;
  }

  get total(): number {
    return this.rows.length;
  }

  /** A new list (another search or filter): `first` is its page 0, `fetch` asks for the others
   * of the same query. Pages of the list before are dropped when they arrive. */
  start(first: Page<T>, fetch: (offset: number, limit: number) => Promise<Page<T>>): void {
    this.#generation++;
    this.#fetch = fetch;
    this.#asked = [Promise.resolve()];
    const rows = new Array<T | undefined>(first.total);
    first.items.slice(0, first.total).forEach((item, i) => (rows[i] = item));
    this.rows = rows;
  }

  /** Asks for the pages of rows `first` to `last` not asked for yet; resolves once they are all
   * in (or failed: a row left empty is asked for again the next time it is wanted). */
  ensure(first: number, last: number): Promise<void> {
    const fetch = this.#fetch;
    if (!fetch) return Promise.resolve();
    const generation = this.#generation;
    const waits = pagesCovering(first, last, this.total, this.#size).map((page) => {
      const asked = this.#asked[page];
      if (asked) return asked;
      const arriving = fetch(page * this.#size, this.#size).then(
        (answer) => {
          if (generation !== this.#generation) return;
          const rows = this.rows.slice();
          answer.items.forEach((item, i) => {
            const at = page * this.#size + i;
            if (at < rows.length) rows[at] = item;
          });
          this.rows = rows;
        },
        () => {
          if (generation === this.#generation) this.#asked[page] = undefined;
        },
      );
      this.#asked[page] = arriving;
      return arriving;
    });
    return Promise.all(waits).then(() => {});
  }
}

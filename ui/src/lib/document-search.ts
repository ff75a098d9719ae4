// What the vault list asks the core for, from what the candidate set in its toolbar, and how the
// keyboard moves through a list that only draws the rows on screen.
import type { DocumentKind, DocumentQuery } from './bindings';

export type DocumentFilters = {
  text: string;
  /** '' for every kind. */
  kind: string;
  /** '' for every country; otherwise an ISO code. */
  country: string;
  outOfDate: boolean;
  includeSuperseded: boolean;
};

export const noFilters: DocumentFilters = {
  text: '',
  kind: '',
  country: '',
  outOfDate: false,
  includeSuperseded: false,
};

export function documentQuery(filters: DocumentFilters): DocumentQuery {
  return {
    text: filters.text.trim() || null,
    kind: (filters.kind || null) as DocumentKind | null,
    country: filters.country || null,
    outOfDate: filters.outOfDate,
    includeSuperseded: filters.includeSuperseded,
  };
}

/** Whether the list shows fewer documents than the vault's current versions: the count then
 * says "match", and an empty list says so rather than "nothing imported yet". Older versions
 * add documents, so they alone narrow nothing. */
export function narrows(query: DocumentQuery): boolean {
  return query.text !== null || query.kind !== null || query.country !== null || query.outOfDate;
}

/** Typing waits as long as the vacancy search does before asking; a choice in a menu asks at
 * once. */
export function searchDelay(query: DocumentQuery): number {
  return query.text ? 120 : 0;
}

/** The row a key moves to from row `from` of `count`, or null for a key the list leaves alone. */
export function rowAfterKey(key: string, from: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const to = (() => {
    switch (key) {
      case 'ArrowDown':
        return from + 1;
      case 'ArrowUp':
        return from - 1;
      case 'PageDown':
        return from + Math.max(1, pageRows);
      case 'PageUp':
        return from - Math.max(1, pageRows);
      case 'Home':
        return 0;
      case 'End':
        return last;
      default:
        return null;
    }
  })();
  return to === null ? null : Math.min(last, Math.max(0, to));
}

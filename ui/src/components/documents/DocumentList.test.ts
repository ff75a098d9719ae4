import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import DocumentList from './DocumentList.svelte';
import type { Document, DocumentQuery, ListedDocument } from '../../lib/bindings';

function listed(id: number, title: string, partial: Partial<Document> = {}): ListedDocument {
  return {
    document: {
      id,
      kind: 'other',
      title,
      issuedOn: null,
      expiresOn: null,
      issuingCountry: null,
      proves: null,
      notes: '',
      mediaType: 'application/pdf',
      sizeBytes: 100,
      contentHash: 'ab'.repeat(32),
      originalName: `${title}.pdf`,
      createdUtc: '2026-11-22T09:00:00Z',
      supersedes: null,
      supersededBy: null,
      ...partial,
    },
    standing: { standing: 'current' },
  };
}

/** A vault of `count` documents that answers each query a page at a time as the core would;
 * keeps the queries of first pages, and the offset and length of every page asked for. */
function vault(count: number) {
  const all = Array.from({ length: count }, (_, i) => listed(count - i, `Scan ${count - i}`));
  all[0] = listed(count, 'Casier judiciaire', { kind: 'criminal_record', issuingCountry: 'FR' });
  const queries: DocumentQuery[] = [];
  const pages: [number, number][] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'document_countries') return ['DE', 'FR'];
    if (cmd !== 'document_page') return null;
    const { query, offset, limit } = args as { query: DocumentQuery; offset: number; limit: number };
    if (offset === 0) queries.push(query);
    pages.push([offset, limit]);
    const found = all.filter(
      ({ document: d }) =>
        (!query.text || d.title.toLowerCase().includes(query.text.toLowerCase())) &&
        (!query.kind || d.kind === query.kind) &&
        (!query.country || d.issuingCountry === query.country) &&
        !query.outOfDate,
    );
    return { items: found.slice(offset, offset + limit), total: found.length };
  });
  return Object.assign(queries, { pages });
}

async function answered(text: string) {
  const results = screen.getByTestId('document-results');
  await waitFor(() => {
    expect(results.dataset.answeredText).toBe(text);
    expect(results.getAttribute('aria-busy')).toBe('false');
  });
}

afterEach(() => clearMocks());

describe('the vault list', () => {
  it('searches as the candidate types, asking once the typing pauses', async () => {
    const queries = vault(30);
    render(DocumentList);
    await answered('');
    expect(screen.getByTestId('document-count').textContent).toBe('30 documents');
    const search = screen.getByTestId('document-search');
    for (const typed of ['c', 'ca', 'cas']) await fireEvent.input(search, { target: { value: typed } });
    await answered('cas');
    expect(queries.filter((q) => q.text !== null).map((q) => q.text)).toEqual(['cas']);
    expect(screen.getByTestId('document-count').textContent).toBe('1 document matches');
    expect(screen.getAllByTestId('document-title').map((t) => t.textContent)).toEqual(['Casier judiciaire']);
  });

  it('filters by kind, country and standing, says when nothing matches, and clears', async () => {
    const queries = vault(30);
    render(DocumentList);
    await answered('');
    const country = screen.getByTestId('filter-country') as HTMLSelectElement;
    await waitFor(() =>
      expect([...country.options].map((o) => o.textContent)).toEqual(['All countries', 'Germany', 'France']),
    );
    await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'criminal_record' } });
    await waitFor(() => expect(screen.getByTestId('document-count').textContent).toBe('1 document matches'));
    await fireEvent.change(country, { target: { value: 'DE' } });
    await waitFor(() => expect(screen.getByTestId('no-documents').textContent).toContain('No document matches'));
    expect(queries.at(-1)).toEqual({
      text: null,
      kind: 'criminal_record',
      country: 'DE',
      outOfDate: false,
      includeSuperseded: false,
    });
    await fireEvent.click(screen.getByTestId('filter-out-of-date'));
    await waitFor(() => expect(queries.at(-1)?.outOfDate).toBe(true));
    await fireEvent.click(screen.getByTestId('show-older'));
    await fireEvent.click(screen.getByTestId('clear-document-filters'));
    await waitFor(() => expect(screen.getByTestId('document-count').textContent).toBe('30 documents'));
    // Older versions are a way of looking at the vault, not a filter: clearing keeps them.
    expect(queries.at(-1)).toEqual({
      text: null,
      kind: null,
      country: null,
      outOfDate: false,
      includeSuperseded: true,
    });
    expect(screen.queryByTestId('clear-document-filters')).toBeNull();
  });

  it('draws only a screenful of 5000 documents and keeps the count', async () => {
    vault(5000);
    render(DocumentList);
    await answered('');
    expect(screen.getByTestId('document-count').textContent).toBe('5000 documents');
    const rows = screen.getAllByTestId('document-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    const list = screen.getByTestId('document-list');
    expect(list.getAttribute('role')).toBe('list');
    const first = rows[0]!.closest('[role=listitem]')!;
    expect(first.getAttribute('aria-setsize')).toBe('5000');
    expect(first.getAttribute('aria-posinset')).toBe('1');
  });

  it('asks for the first page only, and for the page a key lands on', async () => {
    const { pages } = vault(5000);
    render(DocumentList);
    await answered('');
    expect(pages).toEqual([[0, 200]]);
    const row = (index: number) =>
      document.querySelector<HTMLElement>(`[data-testid=document-row][data-index="${index}"]`);
    row(0)!.focus();
    await fireEvent.keyDown(row(0)!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row(4999)));
    expect(pages).toContainEqual([4800, 200]);
    expect(pages.length).toBeLessThan(5);
  });

  it('moves the focus row by row and to either end, drawing the row it lands on', async () => {
    vault(5000);
    render(DocumentList);
    await answered('');
    const row = (index: number) =>
      document.querySelector<HTMLElement>(`[data-testid=document-row][data-index="${index}"]`);
    row(0)!.focus();
    await fireEvent.keyDown(row(0)!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row(1)));
    await fireEvent.keyDown(row(1)!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row(4999)));
    expect(row(4999)!.textContent).toContain('Scan 1');
    await fireEvent.keyDown(row(4999)!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row(4999));
    await fireEvent.keyDown(row(4999)!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(row(0)));
    // Other keys are the link's own: Enter still opens the document.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    row(0)!.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(false);
  });

  it('keeps the documents ticked for one PDF, by id and in order, across pages and searches', async () => {
    const { pages } = vault(5000);
    const picked = { ids: [] as number[] };
    render(DocumentList, {
      props: {
        get selected() {
          return picked.ids;
        },
        set selected(ids: number[]) {
          picked.ids = ids;
        },
      },
    });
    await answered('');
    const row = (index: number) =>
      document.querySelector<HTMLElement>(`[data-testid=document-row][data-index="${index}"]`);
    const pick = (id: number) =>
      document.querySelector<HTMLInputElement>(`[data-testid=document-pick][data-id="${id}"]`);
    await fireEvent.click(pick(4999)!);
    await fireEvent.click(pick(4998)!);
    // Far down the list, on a page not loaded at first.
    row(0)!.focus();
    await fireEvent.keyDown(row(0)!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row(4999)));
    expect(pages).toContainEqual([4800, 200]);
    await fireEvent.click(pick(1)!);
    expect(picked.ids).toEqual([4999, 4998, 1]);
    // Back at the top, the rows drawn again are still ticked; so after a search that hides them.
    await fireEvent.keyDown(row(4999)!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(row(0)));
    expect(pick(4999)!.checked).toBe(true);
    expect(pick(4997)!.checked).toBe(false);
    await fireEvent.input(screen.getByTestId('document-search'), { target: { value: 'scan 1' } });
    await answered('scan 1');
    await fireEvent.input(screen.getByTestId('document-search'), { target: { value: '' } });
    await answered('');
    expect(pick(4998)!.checked).toBe(true);
    // Unticked, a document leaves the selection and the others keep their order.
    await fireEvent.click(pick(4999)!);
    expect(picked.ids).toEqual([4998, 1]);
    expect(pick(4999)!.getAttribute('aria-label')).toBe('Select Scan 4999 for one PDF');
  });
});

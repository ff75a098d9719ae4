import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import UploadDialog from './UploadDialog.svelte';
import type { Document, ListedDocument } from '../../lib/bindings';

function listed(id: number, title: string): ListedDocument {
  const document: Document = {
    id,
    kind: 'diploma',
    title,
    issuedOn: null,
    expiresOn: null,
    issuingCountry: null,
    proves: null,
    notes: '',
    mediaType: 'image/jpeg',
    sizeBytes: 100,
    contentHash: 'ab'.repeat(32),
    originalName: `${title}.jpg`,
    createdUtc: '2026-11-22T09:00:00Z',
    supersedes: null,
    supersededBy: null,
  };
  return { document, standing: { standing: 'current' } };
}

function vault() {
  mockIPC((cmd) => {
    if (cmd === 'document_list') return [listed(1, 'Front'), listed(2, 'Back'), listed(3, 'Transcript')];
    if (cmd === 'upload_limits_get') return { recruitmentHub: 2_000_000, talentlink: 5_000_000 };
    return null;
  });
}

const order = () => screen.getAllByTestId('upload-source').map((li) => li.dataset.id);
const source = (id: number) => document.querySelector<HTMLElement>(`[data-testid=upload-source][data-id="${id}"]`)!;

afterEach(() => clearMocks());

describe('the upload dialog', () => {
  it('starts from the documents selected, in the order selected', async () => {
    vault();
    render(UploadDialog, { props: { open: true, initialIds: [3, 1, 2] } });
    await waitFor(() => expect(order()).toEqual(['3', '1', '2']));
    expect(source(3).textContent).toContain('Transcript');
  });

  it('reorders by dragging one document onto another', async () => {
    vault();
    render(UploadDialog, { props: { open: true, initialIds: [1, 2, 3] } });
    await waitFor(() => expect(order()).toEqual(['1', '2', '3']));
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      effectAllowed: 'all',
    };
    expect(source(3).getAttribute('draggable')).toBe('true');
    await fireEvent.dragStart(source(3), { dataTransfer });
    expect(data.get('text/plain')).toBe('3');
    expect(dataTransfer.effectAllowed).toBe('move');
    const over = await fireEvent.dragOver(source(1), { dataTransfer });
    // Not prevented, the drop would be refused.
    expect(over).toBe(false);
    await fireEvent.drop(source(1), { dataTransfer });
    await fireEvent.dragEnd(source(3), { dataTransfer });
    await waitFor(() => expect(order()).toEqual(['3', '1', '2']));
    // Dropped on itself, nothing moves.
    await fireEvent.dragStart(source(1), { dataTransfer });
    await fireEvent.drop(source(1), { dataTransfer });
    expect(order()).toEqual(['3', '1', '2']);
  });

  it('reorders by keyboard, the focus staying with the document moved', async () => {
    vault();
    render(UploadDialog, { props: { open: true, initialIds: [1, 2, 3] } });
    await waitFor(() => expect(order()).toEqual(['1', '2', '3']));
    const up = (id: number) => source(id).querySelector<HTMLButtonElement>('[data-testid=upload-move-up]')!;
    const down = (id: number) => source(id).querySelector<HTMLButtonElement>('[data-testid=upload-move-down]')!;
    up(3).focus();
    await fireEvent.click(up(3));
    await waitFor(() => expect(order()).toEqual(['1', '3', '2']));
    await waitFor(() => expect(document.activeElement).toBe(up(3)));
    await fireEvent.click(document.activeElement!);
    await waitFor(() => expect(order()).toEqual(['3', '1', '2']));
    // At the top "up" is disabled: the focus goes to "down", still on the same document.
    expect(up(3).disabled).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(down(3)));
    expect(down(3).getAttribute('aria-label')).toContain('Transcript');
  });
});

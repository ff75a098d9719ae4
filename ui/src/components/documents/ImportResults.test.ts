import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ImportResults from './ImportResults.svelte';
import type { BatchItem, Document } from '../../lib/bindings';
import { importState } from '../../lib/vault-import.svelte';

function doc(id: number, name: string): Document {
  return {
    id,
    kind: 'other',
    title: name.replace(/\.pdf$/, ''),
    issuedOn: null,
    expiresOn: null,
    issuingCountry: null,
    proves: null,
    notes: '',
    mediaType: 'application/pdf',
    sizeBytes: 10,
    contentHash: 'ab'.repeat(32),
    originalName: name,
    createdUtc: '2026-11-22T09:00:00Z',
    supersedes: null,
    supersededBy: null,
  };
}

afterEach(() => {
  clearMocks();
  importState.results = null;
});

describe('the results of an imported batch', () => {
  it('set each file to its own kind', async () => {
    const updates: { id: number; kind: string }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'document_update') {
        const { id, metadata } = args as { id: number; metadata: { kind: string } };
        updates.push({ id, kind: metadata.kind });
        return { document: { ...doc(id, 'x.pdf'), kind: metadata.kind }, standing: { standing: 'current' } };
      }
      return null;
    });
    importState.results = [
      { path: '/s/cv.pdf', originalName: 'cv.pdf', outcome: { outcome: 'imported', document: doc(1, 'cv.pdf') } },
      {
        path: '/s/casier.pdf',
        originalName: 'casier.pdf',
        outcome: { outcome: 'imported', document: doc(2, 'casier.pdf') },
      },
    ] satisfies BatchItem[];
    render(ImportResults, { items: importState.results });
    const kinds = screen.getAllByTestId('result-kind') as HTMLSelectElement[];
    expect(kinds).toHaveLength(2);
    await fireEvent.change(kinds[0]!, { target: { value: 'cv' } });
    await fireEvent.change(kinds[1]!, { target: { value: 'criminal_record' } });
    await waitFor(() =>
      expect(updates).toEqual([
        { id: 1, kind: 'cv' },
        { id: 2, kind: 'criminal_record' },
      ]),
    );
  });
});

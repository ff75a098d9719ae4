import { afterEach, describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import PageHeader from './PageHeader.svelte';
import UserTextMessage from './UserTextMessage.svelte';
import DocumentList from './documents/DocumentList.svelte';
import type { Document as Document } from '../lib/bindings';
import { t } from '../lib/i18n.svelte';
import { isolated, messageParts } from '../lib/isolate';

// A right-to-left override: unisolated, it reverses what follows it on the line.
const spoofed = 'CV - \u202Egpj.exe.pdf';

afterEach(() => clearMocks());

describe('user text beside other text', () => {
  it('is isolated in a <bdi> in a page heading', () => {
    const { container } = render(PageHeader, { title: spoofed, subtitle: 'Vacancies' });
    const bdi = container.querySelector('h1 > bdi');
    expect(bdi?.textContent).toBe(spoofed);
  });

  it('is isolated in a <bdi> inside a translated sentence, the sentence around it left as it is', () => {
    const { container } = render(UserTextMessage, { key: 'detail.deleteText', values: { title: spoofed } });
    const bdis = container.querySelectorAll('bdi');
    expect(bdis).toHaveLength(1);
    expect(bdis[0]!.textContent).toBe(spoofed);
    expect(container.textContent).toBe(t('detail.deleteText', { title: spoofed }));
  });

  it('is isolated in a <bdi> in the document list', async () => {
    const document: Document = {
      id: 4,
      kind: 'cv',
      title: spoofed,
      issuedOn: null,
      expiresOn: null,
      issuingCountry: null,
      proves: null,
      notes: '',
      mediaType: 'application/pdf',
      sizeBytes: 100,
      contentHash: 'ab'.repeat(32),
      originalName: `${spoofed}.pdf`,
      createdUtc: '2026-11-22T09:00:00Z',
      supersedes: null,
      supersededBy: null,
    };
    mockIPC((cmd) =>
      cmd === 'document_page' ? { items: [{ document, standing: { standing: 'current' } }], total: 1 } : null,
    );
    const { findByTestId } = render(DocumentList);
    const title = await findByTestId('document-title');
    expect(title.querySelector('bdi')?.textContent).toBe(spoofed);
  });

  it('is isolated with FSI and PDI where a plain string holds it (a dialog title, a label)', () => {
    // The override stays inside the isolate, so "”?" after it keeps its place.
    expect(t('vault.deleteTitle', { title: isolated(spoofed) })).toBe(`Delete “\u2068${spoofed}\u2069”?`);
    expect(t('board.moveLabel', { title: isolated(spoofed) })).toBe(`Move to another stage: “\u2068${spoofed}\u2069”`);
  });

  it('splits a sentence at each user value, whatever its characters', () => {
    expect(messageParts('integrity.documentRef', { title: 'a{{b}}$1', id: 7 })).toEqual([
      { text: '“' },
      { user: 'a{{b}}$1' },
      { text: '” (document ' },
      { user: '7' },
      { text: ')' },
    ]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Documents from './Documents.svelte';
import type { Document as Document, Overview } from '../lib/bindings';
import { router } from '../lib/router.svelte';
import { session } from '../lib/session.svelte';
import { dismissResults, importState, onDropNews } from '../lib/vault-import.svelte';

const overview: Overview = { profileStarted: true, vacancies: 0, openVacancies: 0, applications: 0, documents: 2 };

function doc(partial: Partial<Document>): Document {
  return {
    id: 1,
    kind: 'other',
    title: 'Scan',
    issuedOn: null,
    expiresOn: null,
    issuingCountry: null,
    proves: null,
    notes: '',
    mediaType: 'image/png',
    sizeBytes: 100,
    contentHash: 'cd'.repeat(32),
    originalName: 'scan.png',
    createdUtc: '2026-11-22T09:00:00Z',
    supersedes: null,
    supersededBy: null,
    ...partial,
  };
}

const certificate = doc({
  id: 2,
  kind: 'criminal_record',
  title: 'Casier judiciaire',
  issuedOn: '2026-07-22',
  issuingCountry: 'FR',
  mediaType: 'application/pdf',
});
const photo = doc({ id: 1, title: 'Passport <b>photo</b>' });

afterEach(() => {
  clearMocks();
  session.overview = null;
  dismissResults();
  router.go('dashboard');
});

describe('the vault', () => {
  it('lists documents with a thumbnail from the vault scheme and a stale certificate flagged', async () => {
    mockIPC((cmd) => {
      if (cmd === 'document_page')
        return {
          items: [
            { document: certificate, standing: { standing: 'stale', validUntil: '2026-10-22', daysSince: 31 } },
            { document: photo, standing: { standing: 'current' } },
          ],
          total: 2,
        };
      return null;
    });
    session.overview = overview;
    router.go('documents');
    const { container } = render(Documents);
    const rows = await screen.findAllByTestId('document-row');
    expect(rows.map((r) => r.querySelector('[data-testid=document-title]')?.textContent)).toEqual([
      'Casier judiciaire',
      'Passport <b>photo</b>',
    ]);
    expect(rows[0]!.querySelector('[data-standing=stale]')?.textContent).toContain('Stale');
    expect(rows[0]!.querySelector('img')).toBeNull();
    expect(rows[0]!.textContent).toContain('From France');
    expect(rows[1]!.querySelector('img')?.getAttribute('src')).toBe(`vault://localhost/1?v=${'cd'.repeat(8)}`);
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows what became of each dropped file, naming the refused one, and opens the vault', async () => {
    mockIPC((cmd) =>
      cmd === 'document_page'
        ? { items: [], total: 0 }
        : cmd === 'session_get'
          ? {
              now: '2026-11-22T09:00:00Z',
              status: { state: 'ready', info: { databasePath: '/d/dossier.db', schemaVersion: 1 } },
              overview,
            }
          : null,
    );
    router.go('settings');
    onDropNews({ news: 'hovering', files: 2 });
    expect(importState.hovering).toBe(2);
    onDropNews({ news: 'started', files: 2 });
    expect(importState.hovering).toBe(0);
    expect(router.current).toBe('documents');
    expect(importState.running).toBe(true);
    const before = importState.generation;
    onDropNews({
      news: 'finished',
      items: [
        { path: '/t/photo.png', originalName: 'photo.png', outcome: { outcome: 'imported', document: photo } },
        {
          path: '/t/cv.pdf',
          originalName: 'cv.pdf',
          outcome: {
            outcome: 'refused',
            reason: 'unsupported_type',
            problem: { code: 'file_type_not_kept', name: 'cv.pdf', found: 'program' },
            detail: null,
            message: '“cv.pdf”: FileTypeNotKept',
          },
        },
      ],
    });
    expect(importState.running).toBe(false);
    expect(importState.generation).toBe(before + 1);
    session.overview = overview;
    render(Documents);
    const results = await screen.findAllByTestId('import-result');
    expect(results.map((r) => r.dataset.outcome)).toEqual(['imported', 'refused']);
    expect(results[1]!.textContent).toContain('cv.pdf');
    // Worded from the core's code, not its English message.
    expect(screen.getByTestId('refusal').textContent).toBe(
      '“\u2068cv.pdf\u2069” is a program. Dossier keeps PDF, JPEG, PNG, WebP and TIFF files, and reads the type from the content, not from the name.',
    );
    expect(screen.getByTestId('import-summary').textContent).toBe('1 added · 1 refused');
  });

  it('lists each country that needs a certificate with its state', async () => {
    mockIPC((cmd) => {
      if (cmd === 'vault_crc')
        return {
          profileSaved: true,
          originRecorded: true,
          today: '2026-11-22',
          incomplete: [],
          countries: [
            {
              countryName: 'France',
              certificateTitle: 'Casier judiciaire',
              status: {
                requirement: {
                  country: 'FR',
                  countryOfOrigin: true,
                  daysInWindow: 0,
                  reason: 'Country of origin: a certificate is always needed from it.',
                },
                state: {
                  state: 'stale',
                  documentId: 2,
                  issuedOn: '2026-07-22',
                  validUntil: '2026-10-22',
                  daysSinceExpiry: 31,
                },
                reason: '',
              },
            },
            {
              countryName: 'Germany',
              certificateTitle: null,
              status: {
                requirement: {
                  country: 'DE',
                  countryOfOrigin: false,
                  daysInWindow: 800,
                  reason: 'Lived there 800 days.',
                },
                state: { state: 'missing' },
                reason: '',
              },
            },
          ],
        };
      return null;
    });
    session.overview = overview;
    router.go('documents', 'certificates');
    render(Documents);
    const countries = await screen.findAllByTestId('crc-country');
    expect(countries.map((c) => [c.dataset.country, c.dataset.state])).toEqual([
      ['FR', 'stale'],
      ['DE', 'missing'],
    ]);
    expect(countries[0]!.textContent).toContain('Out of date for 31 days');
    expect(countries[1]!.textContent).toContain('No certificate from Germany');
    expect(screen.getByTestId('crc-summary').textContent).toContain('0 of 2 countries covered');
  });

  it('shows a refused change at its field and keeps what was typed', async () => {
    const saved: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'document_get')
        return { document: certificate, standing: { standing: 'current' }, versions: [certificate] };
      if (cmd === 'document_choices') return { education: [], employment: [], references: [] };
      if (cmd === 'profile_countries')
        return {
          countries: [{ code: 'FR', name: 'France', interpolMember: true }],
          membersAsOf: '2023-11-29',
          membersSource: 'x',
        };
      if (cmd === 'document_update') {
        saved.push((args as { metadata: unknown }).metadata);
        throw {
          code: 'invalid_input',
          message: 'issue date: 1 Jan 2027 is in the future; enter the date printed on the document',
        };
      }
      return null;
    });
    session.overview = overview;
    router.go('documents', 2);
    render(Documents);
    const form = await screen.findByTestId('document-form');
    const issued = form.querySelector<HTMLInputElement>('input[name=issuedOn]')!;
    await fireEvent.input(issued, { target: { value: '2027-01-01' } });
    await fireEvent.submit(form);
    const error = await screen.findByTestId('error-issuedOn');
    expect(error.textContent).toBe('1 Jan 2027 is in the future; enter the date printed on the document');
    expect(issued.getAttribute('aria-invalid')).toBe('true');
    expect(issued.value).toBe('2027-01-01');
    expect(saved[0]).toMatchObject({ issuedOn: '2027-01-01', issuingCountry: 'FR', kind: 'criminal_record' });
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Casier judiciaire'));
  });
});

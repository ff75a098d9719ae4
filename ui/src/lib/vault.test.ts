import { describe, expect, it } from 'vitest';
import type { BatchItem as BatchItem, Document as Document } from './bindings';
import {
  canProve,
  countOutcomes,
  countryName,
  formatBytes,
  formFromDocument,
  metadataFromForm,
  parseProves,
  previewKind,
  problemFromError,
  progressPercent,
  vaultUrl,
} from './vault';

const doc: Document = {
  id: 12,
  kind: 'diploma',
  title: 'Master',
  issuedOn: '2019-07-01',
  expiresOn: null,
  issuingCountry: 'FR',
  proves: { kind: 'education', id: 3 },
  notes: 'Sorbonne',
  mediaType: 'application/pdf',
  sizeBytes: 1234,
  contentHash: 'ab'.repeat(32),
  originalName: 'master.pdf',
  createdUtc: '2026-11-22T09:00:00Z',
  supersedes: 4,
  supersededBy: null,
};

describe('vault', () => {
  it('addresses a document by id on its own scheme, in the form each webview uses', () => {
    expect(vaultUrl(doc, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15')).toBe(
      'vault://localhost/12?v=abababababababab',
    );
    expect(vaultUrl(doc, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/120')).toBe(
      'http://vault.localhost/12?v=abababababababab',
    );
  });

  it('previews only what the webview can draw', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/jpeg')).toBe('image');
    expect(previewKind('image/webp')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/tiff')).toBe('no_preview');
  });

  it('offers as proof only the entries the backend accepts for a kind', () => {
    expect(canProve('diploma', 'education')).toBe(true);
    expect(canProve('diploma', 'employment')).toBe(false);
    expect(canProve('proof_of_employment', 'employment')).toBe(true);
    expect(canProve('reference_letter', 'employment')).toBe(true);
    expect(canProve('reference_letter', 'reference')).toBe(true);
    expect(canProve('cv', 'education')).toBe(false);
    expect(canProve('other', 'reference')).toBe(true);
  });

  it('turns a document into a form and back, keeping what it replaces', () => {
    const form = formFromDocument(doc);
    expect(form).toMatchObject({ issuedOn: '2019-07-01', expiresOn: '', proves: 'education:3', issuingCountry: 'FR' });
    expect(metadataFromForm(form, doc.supersedes ?? null)).toEqual({
      title: 'Master',
      kind: 'diploma',
      issuedOn: '2019-07-01',
      expiresOn: null,
      issuingCountry: 'FR',
      proves: { kind: 'education', id: 3 },
      notes: 'Sorbonne',
      supersedes: 4,
    });
    // A link the new kind cannot carry is dropped, not sent to be refused.
    expect(metadataFromForm({ ...form, kind: 'cv' }, null).proves).toBeNull();
    expect(metadataFromForm({ ...form, issuingCountry: '' }, null).issuingCountry).toBeNull();
    expect(parseProves('reference:8')).toEqual({ kind: 'reference', id: 8 });
    expect(parseProves('passport:1')).toBeNull();
    expect(parseProves('')).toBeNull();
  });

  it('places a refused change at its field', () => {
    expect(
      problemFromError({
        code: 'invalid_input',
        message: 'issue date: 22 Dec 2026 is in the future; enter the date printed on the document',
      }),
    ).toEqual({ field: 'issuedOn', message: '22 Dec 2026 is in the future; enter the date printed on the document' });
    expect(problemFromError({ code: 'invalid_input', message: 'expiry date: before the issue date' }).field).toBe(
      'expiresOn',
    );
    expect(
      problemFromError({
        code: 'invalid_input',
        fields: [{ field: 'issuing country', message: 'not a code' }],
        message: 'x',
      }),
    ).toEqual({
      field: 'issuingCountry',
      message: 'not a code',
    });
    // A reason that is not about a field of this form is shown as a whole.
    expect(problemFromError({ code: 'invalid_input', message: 'replaces: already replaced' })).toEqual({
      field: null,
      message: 'replaces: already replaced',
    });
    expect(problemFromError({ code: 'io', message: 'title: disk full' })).toEqual({
      field: null,
      message: 'title: disk full',
    });
  });

  it('counts the outcomes of a batch and its progress', () => {
    const items = [
      { path: '/a', originalName: 'a.png', outcome: { outcome: 'imported', document: doc } },
      { path: '/b', originalName: 'b.png', outcome: { outcome: 'already_in_vault', document: doc } },
      {
        path: '/c',
        originalName: 'cv.pdf',
        outcome: {
          outcome: 'refused',
          reason: 'unsupported_type',
          problem: { code: 'file_type_not_kept', name: 'cv.pdf', found: 'program' },
          detail: null,
          message: '“cv.pdf”: FileTypeNotKept',
        },
      },
      { path: '/d', originalName: 'd.pdf', outcome: { outcome: 'imported', document: doc } },
    ] satisfies BatchItem[];
    expect(countOutcomes(items)).toEqual({ imported: 2, already: 1, refused: 1 });
    expect(progressPercent({ bytesDone: 50, bytesTotal: 200, filesDone: 0, filesTotal: 3 })).toBe(25);
    expect(progressPercent({ bytesDone: 0, bytesTotal: 0, filesDone: 1, filesTotal: 4 })).toBe(25);
    expect(progressPercent({ bytesDone: null, bytesTotal: null, filesDone: 0, filesTotal: 0 })).toBe(0);
    expect(progressPercent({ bytesDone: 300, bytesTotal: 200, filesDone: 3, filesTotal: 3 })).toBe(100);
  });

  it('writes sizes and country names as people read them', () => {
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1234)).toBe('1.2 kB');
    expect(formatBytes(123_456)).toBe('123 kB');
    expect(formatBytes(4_200_000)).toBe('4.2 MB');
    expect(formatBytes(104_857_600)).toBe('105 MB');
    expect(countryName('FR')).toBe('France');
    expect(countryName('XK')).toBe('Kosovo');
  });

  it('writes country names in the candidate’s language', () => {
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'es')).toBe('Alemania');
    expect(countryName('DE', 'ar')).toBe('ألمانيا');
  });
});

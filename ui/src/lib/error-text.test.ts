import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.errors.json';
import fr from '../locales/fr.errors.json';
import es from '../locales/es.errors.json';
import ar from '../locales/ar.errors.json';
import { errorKey, errorText } from './error-text';
import { toAppError } from './ipc';
import { setLocale } from './i18n.svelte';

function leaves(node: unknown, path = ''): Array<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return [[path, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// Every value a placeholder of any entry names, so each entry renders without a gap.
const params = {
  path: '/home/ana/Dossier/x.pdf',
  detail: 'Permission denied (os error 13)',
  title: 'Passport',
  found: 7,
  supported: 5,
  id: '20261201T093000Z',
  items: 'dossier.db',
  parts: 'files/ab.pdf',
  vacancies: 3,
  applications: 1,
  documents: 0,
  size: 200000000,
  limit: 100000000,
  extension: 'docx',
};

describe('backend failures worded from the catalogue', () => {
  it('renders every code and file operation in English with its values and no gap', () => {
    for (const [key, text] of leaves(en)) {
      const [, code, op] = key.split('.');
      const body = code === 'io' ? { code: 'io', params: { ...params, op } } : { code, params };
      const shown = errorText({ ...body, message: 'fallback' } as never);
      expect(shown, key).toBe(
        (text as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name as keyof typeof params])),
      );
      expect(shown, key).not.toMatch(/\{\{|fallback/);
    }
  });

  it('keeps the same entries and placeholders in French, Spanish and Arabic', () => {
    const english = new Map(leaves(en));
    for (const [language, catalogue] of [
      ['fr', fr],
      ['es', es],
      ['ar', ar],
    ] as const) {
      const other = new Map(leaves(catalogue));
      expect([...other.keys()].sort(), language).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect(placeholders(other.get(key) as string), `${language} ${key}`).toEqual(placeholders(text as string));
        expect(other.get(key), `${language} ${key}`).not.toBe(text);
      }
    }
  });

  it('words a failed write in French once French is chosen', async () => {
    i18next.addResourceBundle('fr', 'translation', fr, true, true);
    await setLocale('fr' as never);
    try {
      const error = toAppError({
        code: 'io',
        params: { op: 'write', path: '/tmp/pack.zip', detail: 'disk full' },
        message: 'Could not write /tmp/pack.zip: disk full',
        fields: [],
      });
      expect(error.message).toBe('Impossible d’écrire /tmp/pack.zip : disk full');
    } finally {
      await setLocale('en');
    }
  });

  it('shows the backend message for a code the catalogue does not word, or a body without params', () => {
    expect(errorKey({ code: 'not_found', params: {} })).toBeNull();
    expect(errorText({ code: 'not_found', params: {}, message: 'Document 4 was not found' })).toBe(
      'Document 4 was not found',
    );
    expect(errorText({ code: 'store_unavailable', message: 'Your data could not be opened: damaged' })).toBe(
      'Your data could not be opened: damaged',
    );
    expect(errorKey({ code: 'io', params: {} })).toBeNull();
  });

  it('reaches views through toAppError worded from the catalogue', () => {
    const error = toAppError({
      code: 'schema_too_new',
      params: { found: 9, supported: 5 },
      message: 'ignored',
      fields: [],
    });
    expect(error.code).toBe('schema_too_new');
    expect(error.message).toContain('schema version 9');
  });
});

describe('upload failures worded from the upload area', () => {
  it('says the sizes as file sizes and counts the unusable documents', async () => {
    await setLocale('en');
    const tooLarge = errorText({
      code: 'upload_too_large',
      message: 'English fallback',
      params: { limit: 2_000_000, needed: 2_450_000, page: 3, documentId: 7 },
    });
    expect(tooLarge).toBe(
      'Even at the lowest legible resolution this file needs 2.5 MB, over the limit of 2 MB. The biggest page is page 3.',
    );
    expect(errorText({ code: 'upload_nothing_to_make', message: 'x', params: { count: 2, documentIds: '4,9' } })).toBe(
      'None of the 2 documents chosen could be put in the file.',
    );
    // The view reads the ids to name the documents.
    const error = toAppError({
      code: 'upload_nothing_to_make',
      message: 'x',
      params: { count: 1, documentIds: '4' },
      fields: [],
    });
    expect(error.params.documentIds).toBe('4');
    expect(error.message).toBe('The document chosen could not be put in the file.');
  });
});

describe('encryption failures worded from the encryption area', () => {
  it('names the document and says the space as file sizes', async () => {
    await setLocale('en');
    expect(
      errorText({
        code: 'not_enough_space',
        message: 'English fallback',
        params: { path: '/home/ana/.local/share/dossier', needed: 2_450_000, available: 2_000_000 },
      }),
    ).toBe(
      'There is not enough free space to convert the data: 2.5 MB are needed in /home/ana/.local/share/dossier, 2 MB are free. Nothing was changed.',
    );
    expect(errorText({ code: 'wrong_passphrase', message: 'wrong passphrase', params: {} })).toBe(
      'That passphrase is not the one. Check the keyboard layout and Caps Lock, and try again.',
    );
    expect(
      errorText({ code: 'stored_file_altered', message: 'x', params: { title: 'Passport', path: '/v/ab/ab.pdf' } }),
    ).toContain('“Passport”');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Damage, IntegrityReport, StrayKind } from './bindings';
import { setLocale, type Locale } from './i18n.svelte';
import { damageText, integritySummary, strayText } from './integrity-text';

function report(missing: number, damaged: number, stray: number, documents = 3): IntegrityReport {
  return {
    documentsChecked: documents,
    filesChecked: documents,
    documentsWithoutFile: Array.from({ length: missing }, (_, i) => ({
      documentId: i + 1,
      title: `Doc ${i}`,
      expectedPath: `/v/${i}`,
    })),
    damagedFiles: Array.from({ length: damaged }, (_, i) => ({
      path: `/v/d${i}`,
      expectedHash: 'a',
      actualHash: null,
      documentIds: [i],
      why: 'changed' as const,
    })),
    filesWithoutDocument: Array.from({ length: stray }, (_, i) => ({
      path: `/v/s${i}`,
      sizeBytes: 1,
      why: 'unused' as const,
      removable: true,
    })),
    healthy: missing + damaged + stray === 0,
  };
}

// One report of each shape, and every kind of file.
const REPORTS = [report(0, 0, 0, 0), report(0, 0, 0, 1), report(0, 0, 0, 12), report(1, 2, 5), report(0, 1, 0)];
const STRAYS: StrayKind[] = ['interrupted_import', 'not_stored', 'unused'];
const DAMAGES: Damage[] = ['changed', 'unreadable'];

// English words that must not be left in another language's text.
const ENGLISH = /\b(vault|files?|found|nothing|deleted|imported|damaged|stray|without)\b/i;

afterEach(async () => {
  await setLocale('en');
});

describe('integrity check texts', () => {
  it('sums the check up in English from its counts', async () => {
    await setLocale('en');
    const said = REPORTS.map(integritySummary);
    expect(said[0]).toBe('The vault holds no documents and no stray files.');
    expect(said[1]).toBe('The 1 document has its file, and the file matches what was imported.');
    expect(said[2]).toBe('All 12 documents have their file, and every file matches what was imported.');
    expect(said[3]).toBe(
      'Found 1 document without its file, 2 damaged files, and 5 files no document uses. Nothing was deleted or changed.',
    );
    expect(said[4]).toBe('Found 1 damaged file. Nothing was deleted or changed.');
    expect(strayText('not_stored')).toBe('not a file Dossier stored in its vault');
    expect(damageText('unreadable')).toBe('the file could not be read');
  });

  for (const lang of ['fr', 'es', 'ar'] as Locale[]) {
    it(`words every summary and kind in ${lang}, with no English left`, async () => {
      await setLocale('en');
      const english = [...REPORTS.map(integritySummary), ...STRAYS.map(strayText), ...DAMAGES.map(damageText)];
      await setLocale(lang);
      const said = [...REPORTS.map(integritySummary), ...STRAYS.map(strayText), ...DAMAGES.map(damageText)];
      for (const [i, text] of said.entries()) {
        expect(text, `${lang} ${i}`).not.toMatch(/integrityReport|\{\{/);
        expect(text, `${lang} ${i}`).not.toBe(english[i]);
        expect(text, `${lang} ${i}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('counts in the language’s plural forms', async () => {
    await setLocale('ar');
    expect(integritySummary(report(0, 2, 0))).toContain('ملفان تالفان');
    await setLocale('fr');
    expect(integritySummary(report(0, 0, 2))).toContain('2 fichiers qu’aucun document n’utilise');
  });
});

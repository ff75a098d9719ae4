import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from './error-text';
import { CHECKS } from './field-checks.samples';
import { fieldErrorText } from './field-text';
import { calendarDay, setLocale, type Locale } from './i18n.svelte';

// English words that must not be left in another language's sentence.
const ENGLISH = /\b(step|recorded|future|application|interview|title|field|offer|undo|saved|deadline)\b/i;

afterEach(async () => {
  await setLocale('en');
});

describe('field checks of applications, interviews, documents and vacancies', () => {
  it('words every code in English with its values', async () => {
    await setLocale('en');
    const said = CHECKS.map((problem) => fieldErrorText({ message: 'fallback', problem }));
    for (const [i, text] of said.entries()) expect(text, CHECKS[i]!.code).not.toMatch(/fieldCheck|\{\{|fallback/);
    expect(said[1]).toBe(
      `This step is dated ${calendarDay('2026-05-09')}, before the last one recorded (“Preparing” on ${calendarDay('2026-05-10')}); record steps in the order they happened.`,
    );
    expect(said[5]).toBe(
      '“Accepted” comes after the application is submitted; record “Submitted” first (it is at “Submitted”).',
    );
    expect(said[10]).toContain('(only “Rostered” or “Withdrawn” can follow it)');
  });

  for (const lang of ['fr', 'es', 'ar'] as Locale[]) {
    it(`words every code in ${lang}, with no English left`, async () => {
      await setLocale('en');
      const english = CHECKS.map((problem) => fieldErrorText({ message: '', problem }));
      await setLocale(lang);
      for (const [i, problem] of CHECKS.entries()) {
        const text = fieldErrorText({ message: '', problem });
        expect(text, `${lang} ${problem.code}`).not.toMatch(/fieldCheck|\{\{/);
        expect(text, `${lang} ${problem.code}`).not.toBe(english[i]);
        expect(text.replace(/\u2068[^\u2069]*\u2069/g, ''), `${lang} ${problem.code}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('words a refused form from its codes, and keeps the English of an uncoded one', async () => {
    const body = (fields: Parameters<typeof errorText>[0]['fields']) => ({
      code: 'invalid_fields' as const,
      message: 'Nothing was saved: english',
      params: {},
      fields,
    });
    const coded = { field: 'date', problem: CHECKS[0]!, message: 'english' };
    await setLocale('fr');
    expect(errorText(body([coded]))).toBe(
      `Rien n’a été enregistré : Le ${calendarDay('2026-06-02')} est dans le futur ; enregistrez une étape une fois qu’elle a eu lieu.`,
    );
    expect(errorText(body([coded, coded]))).toBe('Rien n’a été enregistré : 2 champs sont à revoir.');
    expect(errorText(body([{ field: 'x', problem: { code: 'untranslated' }, message: 'english' }]))).toBe(
      'Nothing was saved: english',
    );
    await setLocale('ar');
    expect(errorText(body([coded, coded]))).toBe('لم يُحفظ شيء: حقلان يحتاجان إلى مراجعة.');
  });
});

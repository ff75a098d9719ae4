// Every refusal the core sends as a code reads in the candidate's language, with its values, in
// English and in Arabic (the other two languages are held to the same keys and placeholders by
// `catalogues.test.ts`).
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import ar from '../locales/ar.refusals.json';
import arVault from '../locales/ar.vault.json';
import { errorText } from './error-text';
import { fieldErrorText } from './field-text';
import { setLocale } from './i18n.svelte';
import { REFUSALS } from './refusals.samples';

const values = (problem: object) =>
  Object.entries(problem)
    .filter(([name, value]) => name !== 'code' && typeof value === 'string')
    .map(([, value]) => value as string);

describe('refusals worded from the catalogue', () => {
  afterAll(async () => {
    await setLocale('en');
  });

  it('reads every refusal in English with its values', () => {
    for (const problem of REFUSALS) {
      const text = fieldErrorText({ message: 'fallback', problem });
      expect(text, problem.code).not.toMatch(/\{\{|fallback|refusal\./);
      // Kind and entry codes are named, not shown; every other value appears as sent.
      for (const value of values(problem).filter(
        (v) => !['identity', 'education', 'program', 'unknown', 'office_document'].includes(v),
      ))
        expect(text, problem.code).toContain(value);
    }
    expect(
      fieldErrorText({ message: '', problem: { code: 'cannot_prove', kind: 'identity', entry: 'education' } }),
    ).toBe(
      'A document of the kind “Passport or ID” cannot prove an entry of studies: diplomas prove studies, proofs of employment prove positions, reference letters prove references or positions.',
    );
  });

  it('shows a refusal as its own sentence, not after "Nothing was saved"', () => {
    const body = {
      code: 'invalid_fields' as const,
      message: 'Nothing was saved: Nothing was pasted.',
      fields: [{ field: 'notice', problem: { code: 'nothing_pasted' as const }, message: 'Nothing was pasted.' }],
    };
    expect(errorText(body)).toBe('Nothing was pasted. Copy the text of the vacancy notice and paste it here.');
  });

  it('reads every refusal in Arabic, none left in English', async () => {
    const english = REFUSALS.map((problem) => fieldErrorText({ message: '', problem }));
    i18next.addResourceBundle('ar', 'translation', { ...arVault, ...ar }, true, true);
    await setLocale('ar' as never);
    REFUSALS.forEach((problem, i) => {
      const text = fieldErrorText({ message: 'fallback', problem });
      expect(text, problem.code).not.toMatch(/\{\{|fallback|refusal\./);
      expect(text, problem.code).not.toBe(english[i]);
      expect(text, problem.code).toMatch(/[\u0600-\u06ff]/);
    });
    expect(
      fieldErrorText({
        message: '',
        problem: { code: 'document_attached', title: 'Passport', count: 2, applications: 'A (1), B (2)' },
      }),
    ).toContain('بطلبين');
    expect(
      fieldErrorText({ message: '', problem: { code: 'cannot_prove', kind: 'identity', entry: 'education' } }),
    ).toContain('جواز السفر أو بطاقة الهوية');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from './bindings';
import { sourcePartText, sourceText } from './eligibility-sources';
import { calendarDay, setLocale, type Locale } from './i18n.svelte';

// One part of each code, with parameters that reach every branch of its wording.
const PARTS: Source[] = [
  { code: 'page', page: 'vacancies' },
  { code: 'page', page: 'vacancies_faq_documents' },
  { code: 'page', page: 'secondments' },
  { code: 'page', page: 'internships' },
  { code: 'page', page: 'member_countries' },
  { code: 'member_list', asOf: '2023-11-29' },
  { code: 'notice', reference: '1503', part: 'languages' },
  { code: 'notice', reference: null, part: 'languages_no_level' },
  { code: 'notice', reference: 'IC 2025/12', part: 'minimum_education' },
  { code: 'notice', reference: null, part: 'minimum_experience' },
  { code: 'wording' },
];

// English words that must not be left in another language's source.
const ENGLISH = /\b(careers|vacancies|vacancy notice|member list|languages|level|settings)\b/i;

afterEach(async () => {
  await setLocale('en');
});

describe('eligibility sources', () => {
  it('words every part in English, joined in the core’s order', async () => {
    await setLocale('en');
    for (const part of PARTS) expect(sourcePartText(part), part.code).not.toMatch(/eligibilitySource|\{\{/);
    expect(
      sourceText([
        { code: 'page', page: 'vacancies' },
        { code: 'page', page: 'member_countries' },
        { code: 'member_list', asOf: '2023-11-29' },
      ]),
    ).toBe(`INTERPOL Careers — Vacancies; INTERPOL — Member countries; member list as of ${calendarDay('2023-11-29')}`);
    expect(sourceText([PARTS[6]!, { code: 'wording' }])).toBe(
      'Vacancy notice \u20681503\u2069: languages; level read through your language settings',
    );
    expect(sourcePartText(PARTS[9]!)).toBe('The vacancy notice: minimum experience');
  });

  for (const lang of ['fr', 'es', 'ar'] as Locale[]) {
    it(`words every part in ${lang}, with no English left`, async () => {
      await setLocale('en');
      const english = PARTS.map(sourcePartText);
      await setLocale(lang);
      for (const [i, part] of PARTS.entries()) {
        const text = sourcePartText(part);
        expect(text, `${lang} ${part.code}`).not.toMatch(/eligibilitySource|\{\{/);
        expect(text, `${lang} ${part.code}`).not.toBe(english[i]);
        expect(text.replace(/\u2068[^\u2069]*\u2069/g, ''), `${lang} ${part.code}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('writes the member list’s date and the separator in the chosen language', async () => {
    await setLocale('fr');
    expect(sourcePartText({ code: 'member_list', asOf: '2023-11-29' })).toContain('novembre 2023');
    expect(sourceText([{ code: 'page', page: 'secondments' }, { code: 'wording' }])).toContain(' ; ');
    await setLocale('ar');
    expect(sourceText([{ code: 'page', page: 'internships' }, { code: 'wording' }])).toContain('؛ ');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Reason } from './bindings';
import { reasonText } from './eligibility-reasons';
import { calendarDay, setLocale, type Locale } from './i18n.svelte';

// One reason of each code, with parameters that reach every branch of its wording.
const REASONS: Reason[] = [
  { code: 'nationality_missing' },
  { code: 'nationality_member', country: 'FR' },
  { code: 'nationality_not_member', countries: ['KP'] },
  { code: 'nationality_not_member', countries: ['KP', 'TV'] },
  { code: 'age_missing', minimum: 18 },
  { code: 'age_met', age: 35, minimum: 18, tense: 'future', countedOn: '2025-11-23', day: 'deadline' },
  {
    code: 'age_under',
    age: 17,
    minimum: 18,
    tense: 'present',
    countedOn: '2025-11-20',
    day: 'today_no_deadline',
    turnsOn: '2025-11-24',
  },
  { code: 'age_under', age: 17, minimum: 18, tense: 'past', countedOn: '2025-11-20', day: 'deadline', turnsOn: null },
  { code: 'age_born_after', birth: '2025-12-01', minimum: 18, countedOn: '2025-11-23', day: 'deadline' },
  { code: 'language_unknown_wording', language: 'fr', wording: 'conversational level' },
  { code: 'language_missing', language: 'es', needed: 'B2', wording: 'working knowledge' },
  { code: 'language_met', language: 'en', have: 'C1', needed: 'B2', wording: null },
  { code: 'language_below', language: 'en', have: 'B1', needed: 'B2', wording: 'working knowledge' },
  { code: 'secondment_not_applicable' },
  { code: 'secondment_serving_unknown' },
  { code: 'secondment_not_serving' },
  { code: 'secondment_country_missing' },
  { code: 'secondment_country_not_member', country: 'XK' },
  { code: 'secondment_met', country: 'FR' },
  { code: 'internship_not_applicable' },
  { code: 'internship_no_studies' },
  { code: 'internship_enrolled', field: 'Law', institution: 'Lyon 3' },
  {
    code: 'internship_recent_graduate',
    field: 'Law',
    institution: 'Lyon 3',
    completedOn: '2025-06-30',
    judged: 'submission',
    judgedOn: '2026-05-01',
  },
  { code: 'internship_end_missing', field: 'Law', institution: 'Lyon 3' },
  { code: 'internship_graduated_too_long_ago', lastEnded: '2024-11-09', judged: 'today', judgedOn: '2026-11-22' },
  { code: 'internship_no_post_secondary' },
  { code: 'education_not_applicable' },
  { code: 'education_missing', minimum: 'bachelor' },
  { code: 'education_met', minimum: 'bachelor', completed: 'master', field: 'Law', institution: 'Lyon 3' },
  { code: 'education_below', minimum: 'master', highest: 'bachelor', inProgress: true },
  { code: 'education_below', minimum: 'master', highest: null, inProgress: false },
  { code: 'experience_not_applicable' },
  { code: 'experience_missing', minimumYears: 1 },
  { code: 'experience_counted', years: 8, months: 2, minimumYears: 5, partTime: true, met: true },
  { code: 'experience_counted', years: 0, months: 1, minimumYears: 2, partTime: false, met: false },
];

// English words that must not be left in another language's sentence.
const ENGLISH = /\b(your|you|the notice|member country|years?|months?|deadline|studies|today)\b/i;

afterEach(async () => {
  await setLocale('en');
});

describe('eligibility reasons', () => {
  it('words every code in English with its facts', async () => {
    await setLocale('en');
    const said = REASONS.map(reasonText);
    for (const [i, text] of said.entries()) expect(text, REASONS[i]!.code).not.toMatch(/eligibilityReason|\{\{/);
    expect(said[1]).toBe('You are a national of France, a member country of INTERPOL.');
    expect(said[2]).toContain('Your nationality North Korea is not a member country of INTERPOL');
    expect(said[3]).toContain('None of your nationalities (North Korea and Tuvalu)');
    expect(said[5]).toBe(
      `You will be 35 on the deadline, ${calendarDay('2025-11-23')}; candidates must be at least 18.`,
    );
    expect(said[6]).toContain('(the notice gives no deadline)');
    expect(said[6]).toContain(`You turn 18 on ${calendarDay('2025-11-24')}.`);
    expect(said[12]).toContain('B2 (“\u2068working knowledge\u2069”)');
    expect(said[17]).toContain('You serve Kosovo');
    expect(said[22]).toContain(`the day you submitted your application (${calendarDay('2026-05-01')})`);
    expect(said[27]).toContain('at least a bachelor');
    expect(said[29]).toContain('in progress');
    expect(said[33]).toContain('8 years and 2 months');
    expect(said[33]).toContain('Part-time');
    expect(said[34]).toContain('1 month');
    expect(said[34]).toContain('at least 2 years');
  });

  for (const lang of ['fr', 'es', 'ar'] as Locale[]) {
    it(`words every code in ${lang}, with no English left`, async () => {
      await setLocale('en');
      const english = REASONS.map(reasonText);
      await setLocale(lang);
      for (const [i, reason] of REASONS.entries()) {
        const text = reasonText(reason);
        expect(text, `${lang} ${reason.code}`).not.toMatch(/eligibilityReason|\{\{/);
        expect(text, `${lang} ${reason.code}`).not.toBe(english[i]);
        // User text (a study, a notice's wording) stays as written; the rest is not English.
        const words = text.replace(/\u2068[^\u2069]*\u2069/g, '');
        expect(words, `${lang} ${reason.code}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('names countries and dates in the chosen language', async () => {
    await setLocale('fr');
    expect(reasonText({ code: 'nationality_member', country: 'DE' })).toContain('Allemagne');
    expect(
      reasonText({
        code: 'age_born_after',
        birth: '2025-12-01',
        minimum: 18,
        countedOn: '2025-11-23',
        day: 'deadline',
      }),
    ).toContain('décembre 2025');
    await setLocale('ar');
    expect(reasonText({ code: 'secondment_met', country: 'FR' })).toContain('فرنسا');
    expect(reasonText({ code: 'experience_missing', minimumYears: 2 })).toContain('سنتان');
  });
});

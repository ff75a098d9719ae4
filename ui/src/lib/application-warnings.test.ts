import { afterEach, describe, expect, it } from 'vitest';
import { applicationWarningText } from './application-warnings';
import type { ApplicationWarning } from './bindings';
import { moment, setLocale, type Locale } from './i18n.svelte';

// One warning of each code, with and without a zone.
const WARNINGS: ApplicationWarning[] = [
  { code: 'other_platform', published: 'talentlink', recorded: 'recruitment_hub' },
  { code: 'deadline_passed', deadlineUtc: '2026-05-15T21:59:00Z', zone: 'Europe/Paris' },
  { code: 'submitted_late', deadlineUtc: '2026-05-15T21:59:00Z', zone: null },
];

// English words that must not be left in another language's sentence.
const ENGLISH = /\b(vacancy|published|recorded|deadline|passed|check|time|application)\b/i;

afterEach(async () => {
  await setLocale('en');
});

describe('application warnings', () => {
  it('words every code in English with its facts', async () => {
    await setLocale('en');
    const said = WARNINGS.map(applicationWarningText);
    expect(said[0]).toBe(
      'This vacancy is published on Talentlink, but the application is recorded on Recruitment Hub. INTERPOL only considers applications made on the platform where the post is published.',
    );
    expect(said[1]).toContain(`(${moment('2026-05-15T21:59:00Z', 'Europe/Paris')}, \u2068Europe/Paris\u2069 time)`);
    expect(said[2]).toContain(`${moment('2026-05-15T21:59:00Z', 'UTC')}, \u2068UTC\u2069 time`);
    for (const text of said) expect(text).not.toMatch(/applicationWarning|\{\{/);
  });

  for (const lang of ['fr', 'es', 'ar'] as Locale[]) {
    it(`words every code in ${lang}, with no English left`, async () => {
      await setLocale('en');
      const english = WARNINGS.map(applicationWarningText);
      await setLocale(lang);
      for (const [i, warning] of WARNINGS.entries()) {
        const text = applicationWarningText(warning);
        expect(text, `${lang} ${warning.code}`).not.toMatch(/applicationWarning|\{\{/);
        expect(text, `${lang} ${warning.code}`).not.toBe(english[i]);
        expect(text.replace(/\u2068[^\u2069]*\u2069/g, ''), `${lang} ${warning.code}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('writes the deadline in the chosen language', async () => {
    await setLocale('fr');
    expect(applicationWarningText(WARNINGS[1]!)).toContain('mai 2026');
    await setLocale('ar');
    expect(applicationWarningText(WARNINGS[0]!)).toContain('الإنتربول');
  });
});

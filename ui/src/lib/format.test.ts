import { afterEach, describe, expect, it } from 'vitest';
import { formatFileSize, formatNumber, languageName, regionName } from './format';
import { formatDay, formatMoment, formatTime, setDateStyle } from './time';
import { countryName, day, fileSize, number, setLocale, t } from './i18n.svelte';

const AT = '2026-12-01T16:59:00Z';
// CLDR separates French thousands with a narrow no-break space.
const NNBSP = '\u202f';
/** French and Arabic put no-break spaces between a number and its unit. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterEach(async () => {
  setDateStyle('system', 'system');
  await setLocale('en');
});

describe('formatting in the window’s language', () => {
  it('writes French dates, times and numbers', () => {
    expect(formatDay(AT, 'Europe/Paris', 'fr')).toBe('1 décembre 2026');
    expect(formatDay(AT, 'Europe/Paris', 'fr', true)).toBe('mardi 1 décembre 2026');
    expect(formatTime(AT, 'Europe/Paris', 'fr')).toBe('17:59');
    expect(formatMoment(AT, 'Europe/Paris', 'fr')).toBe('1 décembre 2026, 17:59');
    expect(formatNumber(1234.5, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(plain(formatFileSize(999, 'fr'))).toBe('999 octets');
    expect(plain(formatFileSize(1_500_000, 'fr'))).toBe('1,5 Mo');
    expect(plain(formatFileSize(123_456, 'fr'))).toBe('123 ko');
  });

  it('writes Arabic dates, times and sizes', () => {
    expect(formatDay(AT, 'Europe/Paris', 'ar')).toContain('ديسمبر');
    // Arabic says 12-hour times with its own words for the half of the day.
    expect(formatTime(AT, 'Europe/Paris', 'ar')).toMatch(/^(5|٥):(59|٥٩)\s?م$/);
    expect(formatFileSize(999, 'ar')).toMatch(/بايت$/);
    expect(formatFileSize(3_200_000, 'ar')).not.toMatch(/MB/);
  });

  it('keeps the date and hour style chosen in Settings in every language', () => {
    setDateStyle('iso', 'h24');
    expect(formatDay(AT, 'Europe/Paris', 'ar')).toBe('2026-12-01');
    expect(formatTime(AT, 'Europe/Paris', 'ar')).not.toMatch(/م/);
    setDateStyle('system', 'h12');
    expect(formatTime(AT, 'Europe/Paris', 'fr')).toMatch(/^5:59\sPM$/i);
  });

  it('names countries and languages from CLDR, with the backend’s name as the fallback', () => {
    expect(regionName('DE', 'fr', 'Germany')).toBe('Allemagne');
    expect(regionName('de', 'ar', 'Germany')).toBe('ألمانيا');
    expect(regionName('XK', 'fr', 'Kosovo')).toBe('Kosovo');
    expect(regionName('ZZZ', 'fr', 'Nowhere')).toBe('Nowhere');
    expect(languageName('es', 'fr', 'Spanish')).toBe('espagnol');
    expect(languageName('es', 'ar', 'Spanish')).toBe('الإسبانية');
  });

  it('writes counts in sentences in the language’s digits', async () => {
    await setLocale('ar');
    const arabicDigits = new Intl.NumberFormat('ar').format(7);
    expect(t('vacancies.total', { count: 7 })).toContain(arabicDigits);
    await setLocale('en');
    expect(t('vacancies.total', { count: 12 })).toBe('12 vacancies, soonest deadline first.');
  });

  it('counts days down in each language’s plural forms', async () => {
    await setLocale('ar');
    expect(t('countdown.days', { count: 1 })).toBe('بعد يوم واحد');
    expect(t('countdown.days', { count: 2 })).toBe('بعد يومين');
    expect(t('countdown.days', { count: 3 })).toMatch(/ أيام$/);
    expect(t('countdown.days', { count: 11 })).toMatch(/ يومًا$/);
    await setLocale('fr');
    expect(t('countdown.days', { count: 1 })).toBe('dans 1 jour');
    await setLocale('en');
    expect(t('countdown.days', { count: 1 })).toBe('in 1 day');
    expect(t('countdown.days', { count: 7 })).toBe('in 7 days');
  });

  it('follows the window’s language once it changes', async () => {
    await setLocale('fr');
    expect(countryName('ES', 'Spain')).toBe('Espagne');
    expect(plain(fileSize(4_200_000))).toBe('4,2 Mo');
    expect(plain(number(0.5, { style: 'percent' }))).toBe('50 %');
    expect(day(AT, 'Europe/Paris')).toBe('1 décembre 2026');
    // Counts in sentences are written by the language's number format, never grouped.
    expect(t('vacancies.total', { count: 1503 })).toMatch(/^1503 /);
    expect(t('vacancies.total', { count: 1.5 })).toMatch(/^1,5 /);
    await setLocale('en');
    expect(countryName('ES', 'Spain')).toBe('Spain');
    expect(fileSize(4_200_000)).toBe('4.2 MB');
  });
});

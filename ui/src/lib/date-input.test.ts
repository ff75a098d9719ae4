import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { datePattern, formatDateText, parseDateText, patternHint, patternText } from './date-input';
import fr from '../locales/fr.literals.json';
import es from '../locales/es.literals.json';
import ar from '../locales/ar.literals.json';

const gb = datePattern('en-GB');
const us = datePattern('en-US');
const de = datePattern('de-DE');

describe('datePattern', () => {
  it('follows the order and mark of the locale', () => {
    expect(patternText(gb)).toBe('DD/MM/YYYY');
    expect(patternText(us)).toBe('MM/DD/YYYY');
    expect(patternText(de)).toBe('DD.MM.YYYY');
  });
});

describe('pattern letters', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  async function speak(language: string, resources: object) {
    i18next.addResourceBundle(language, 'translation', resources, true, true);
    await i18next.changeLanguage(language);
  }

  it('writes the letters of the candidate’s language in the order of their locale', async () => {
    expect(patternHint(gb)).toBe('DD/MM/YYYY or YYYY-MM-DD');
    await speak('fr', fr);
    expect(patternText(datePattern('fr-FR'))).toBe('JJ/MM/AAAA');
    expect(patternHint(datePattern('fr-CA'))).toBe('AAAA-MM-JJ');
    expect(patternHint(datePattern('fr-FR'))).toBe('JJ/MM/AAAA ou AAAA-MM-JJ');
    await speak('es', es);
    expect(patternHint(datePattern('es-ES'))).toBe('DD/MM/AAAA o AAAA-MM-DD');
    await speak('ar', ar);
    // The locale's right-to-left mark stays with each separator, so the parts read in order.
    expect(patternText(datePattern('ar'))).toBe('يوم\u200f/شهر\u200f/سنة');
  });
});

describe('parseDateText', () => {
  it('reads Arabic-Indic and Persian digits as the same date', () => {
    expect(parseDateText('٠٤‏/٠٥‏/١٩٩٠', datePattern('ar'))).toEqual({ kind: 'date', iso: '1990-05-04' });
    expect(parseDateText('۱۹۹۰-۰۵-۰۴', gb)).toEqual({ kind: 'date', iso: '1990-05-04' });
  });

  it('reads an ISO date as that date, never as the year 0004', () => {
    for (const pattern of [gb, us, de]) {
      expect(parseDateText('1990-05-04', pattern)).toEqual({ kind: 'date', iso: '1990-05-04' });
      expect(parseDateText(' 1990/5/4 ', pattern)).toEqual({ kind: 'date', iso: '1990-05-04' });
    }
  });

  it('reads the candidate’s own order', () => {
    expect(parseDateText('04/05/1990', gb)).toEqual({ kind: 'date', iso: '1990-05-04' });
    expect(parseDateText('05/04/1990', us)).toEqual({ kind: 'date', iso: '1990-05-04' });
    expect(parseDateText('4.5.1990', de)).toEqual({ kind: 'date', iso: '1990-05-04' });
    expect(parseDateText('4 5 1990', gb)).toEqual({ kind: 'date', iso: '1990-05-04' });
  });

  it('reads nothing typed as no date', () => {
    expect(parseDateText('', gb)).toEqual({ kind: 'empty' });
    expect(parseDateText('   ', gb)).toEqual({ kind: 'empty' });
  });

  it('names the impossible part of an impossible date', () => {
    expect(parseDateText('31/02/2023', gb)).toEqual({ kind: 'noSuchDay', day: 31, month: 2, year: 2023 });
    expect(parseDateText('2023-02-29', gb)).toEqual({ kind: 'noSuchDay', day: 29, month: 2, year: 2023 });
    expect(parseDateText('2024-02-29', gb)).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(parseDateText('04/13/1990', gb)).toEqual({ kind: 'noSuchMonth', month: 13 });
    expect(parseDateText('00/05/1990', gb)).toEqual({ kind: 'noSuchDay', day: 0, month: 5, year: 1990 });
  });

  it('refuses what is not a whole date rather than guess', () => {
    for (const text of [
      '04/05/90',
      '0004-05-04',
      '1990-05',
      'yesterday',
      '04/05/1990/1',
      '1990-05-04x',
      '123/4/1990',
    ]) {
      expect(parseDateText(text, gb), text).toEqual({ kind: 'unreadable' });
    }
  });
});

describe('formatDateText', () => {
  it('writes an ISO date in the locale order, and no date as nothing', () => {
    expect(formatDateText('1990-05-04', gb)).toBe('04/05/1990');
    expect(formatDateText('1990-05-04', us)).toBe('05/04/1990');
    expect(formatDateText('1990-05-04', de)).toBe('04.05.1990');
    expect(formatDateText('', gb)).toBe('');
  });

  it('gives back what it wrote', () => {
    for (const pattern of [gb, us, de]) {
      expect(parseDateText(formatDateText('2026-12-31', pattern), pattern)).toEqual({
        kind: 'date',
        iso: '2026-12-31',
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { datePattern, formatDateText, parseDateText, patternText } from './date-input';

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

describe('parseDateText', () => {
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

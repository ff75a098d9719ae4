// What a typed date means. Dates are typed as text, in the candidate's own order (04/05/1990 in
// Britain, 05/04/1990 in the United States) or in ISO order (1990-05-04), and kept as the ISO
// string the forms send. A native `type="date"` field could do neither: it held Tab inside its
// segments and read a typed ISO date as the year 0004.
import { CalendarDate } from '@internationalized/date';
import { t } from './i18n.svelte';

export type DatePart = 'day' | 'month' | 'year';

/** How a locale writes a numeric date: the order of its parts and the mark between them. */
export type DatePattern = { order: DatePart[]; separator: string };

const SAMPLE = Date.UTC(1990, 4, 4);

export function datePattern(locale: string): DatePattern {
  const parts = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(SAMPLE);
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  return order.length === 3 ? { order, separator } : { order: ['day', 'month', 'year'], separator: '/' };
}

/** Year first, as every locale may also type a date. */
export const ISO_PATTERN: DatePattern = { order: ['year', 'month', 'day'], separator: '-' };

/** The pattern as the candidate reads it in their language: `DD/MM/YYYY`, `JJ/MM/AAAA`,
 * `يوم/شهر/سنة`. The order and the mark come from the locale, the letters from the catalogue. */
export function patternText(pattern: DatePattern): string {
  const letters: Record<DatePart, string> = {
    day: t('datePattern.day'),
    month: t('datePattern.month'),
    year: t('datePattern.year'),
  };
  return pattern.order.map((part) => letters[part]).join(pattern.separator);
}

/** The hint under a date field: the locale's pattern, or ISO order (once, where they agree). */
export function patternHint(pattern: DatePattern): string {
  const iso = pattern.separator === ISO_PATTERN.separator && pattern.order.join() === ISO_PATTERN.order.join();
  if (iso) return patternText(ISO_PATTERN);
  return t('datePattern.hint', { pattern: patternText(pattern), iso: patternText(ISO_PATTERN) });
}

// Arabic keyboards and Arabic locales write Arabic-Indic (٠-٩) or Persian (۰-۹) digits.
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.codePointAt(0)!;
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

export type ParsedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** Not written as a date at all, or with a year that is not four digits. */
  | { kind: 'unreadable' }
  | { kind: 'noSuchMonth'; month: number }
  | { kind: 'noSuchDay'; day: number; month: number; year: number };

function build(year: number, month: number, day: number): ParsedDate {
  if (month < 1 || month > 12) return { kind: 'noSuchMonth', month };
  const first = new CalendarDate(year, month, 1);
  if (day < 1 || day > first.calendar.getDaysInMonth(first)) return { kind: 'noSuchDay', day, month, year };
  return { kind: 'date', iso: first.set({ day }).toString() };
}

/** Reads `text` as a date written in `pattern` or in ISO order (year first, four digits). */
export function parseDateText(text: string, pattern: DatePattern): ParsedDate {
  const trimmed = westernDigits(text).trim();
  if (trimmed === '') return { kind: 'empty' };
  const pieces = trimmed.split(/[^0-9]+/).filter((piece) => piece !== '');
  if (pieces.length !== 3 || !/^[0-9]/.test(trimmed) || !/[0-9]$/.test(trimmed)) return { kind: 'unreadable' };
  // A four-digit first number is a year, whatever the locale: 1990-05-04, 1990/05/04.
  const order: DatePart[] = pieces[0]!.length === 4 ? ['year', 'month', 'day'] : pattern.order;
  const value: Record<DatePart, string> = { day: '', month: '', year: '' };
  order.forEach((part, index) => (value[part] = pieces[index]!));
  // A year is written in full: "90" or "0004" would be guesses.
  if (!/^[1-9][0-9]{3}$/.test(value.year) || value.day.length > 2 || value.month.length > 2) {
    return { kind: 'unreadable' };
  }
  return build(Number(value.year), Number(value.month), Number(value.day));
}

/** An ISO date (`1990-05-04`) written in the locale's numeric order; `''` for no date. */
export function formatDateText(iso: string, pattern: DatePattern): string {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  if (!match) return iso;
  const value: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return pattern.order.map((part) => value[part]).join(pattern.separator);
}

// Every user-facing string comes from a catalogue in `src/locales`. Keys are type-checked
// against the English catalogue, so a missing key fails `npm run check`.
import i18next, { type ParseKeys, type TOptions } from 'i18next';
import base from '../locales/en.json';
import profile from '../locales/en.profile.json';
import vault from '../locales/en.vault.json';
import applications from '../locales/en.applications.json';
import packs from '../locales/en.packs.json';
import forms from '../locales/en.forms.json';
import exports from '../locales/en.exports.json';
import backups from '../locales/en.backups.json';
import capture from '../locales/en.capture.json';
import keyboard from '../locales/en.keyboard.json';
import notice from '../locales/en.notice.json';
import literals from '../locales/en.literals.json';
import { formatDay, formatMoment, formatTime, setDateStyle, userZone, type DateStyle, type HourStyle } from './time';

// One catalogue per area, so areas can be written side by side; keys must not repeat across them.
const en = {
  ...base,
  ...profile,
  ...vault,
  ...applications,
  ...packs,
  ...forms,
  ...exports,
  ...backups,
  ...capture,
  ...keyboard,
  ...notice,
  ...literals,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export type MessageKey = ParseKeys;

export const catalogues = { en } as const;
export type Locale = keyof typeof catalogues;

const current = $state({ locale: 'en' as Locale, dates: 'system' as DateStyle, hours: 'system' as HourStyle });

i18next.init({
  lng: current.locale,
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false }, // Svelte escapes text it renders.
  returnNull: false,
});

/** Translates `key`; reading `current.locale` makes templates re-render on a language change. */
export function t(key: MessageKey, options?: TOptions): string {
  void current.locale;
  return i18next.t(key, options) as string;
}

export function locale(): Locale {
  return current.locale;
}

export async function setLocale(next: Locale): Promise<void> {
  await i18next.changeLanguage(next);
  current.locale = next;
  document.documentElement.lang = next;
  // Arabic will need right-to-left; the layout uses logical properties so it follows `dir`.
  document.documentElement.dir = i18next.dir(next);
}

/** The user's own regional variant of the UI language (en-GB rather than en), for dates. */
export function regionalLocale(ui: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.split('-')[0]?.toLowerCase() === ui) ?? ui;
}

/** Dates in the candidate's language and regional style, in their own time zone. */
export function formatDate(iso: string, options: Intl.DateTimeFormatOptions): string {
  const tag = regionalLocale(current.locale, globalThis.navigator?.languages ?? []);
  return new Intl.DateTimeFormat(tag, options).format(Date.parse(iso));
}

/** The date and time style chosen in Settings; every date on screen is written again in it. */
export function setDates(dates: DateStyle | undefined, hours: HourStyle | undefined): void {
  current.dates = dates ?? 'system';
  current.hours = hours ?? 'system';
  setDateStyle(current.dates, current.hours);
}

export function dateStyles(): { dates: DateStyle; hours: HourStyle } {
  return { dates: current.dates, hours: current.hours };
}

function regionalTag(): string {
  // Read so that a change of style re-renders every date.
  void current.dates;
  void current.hours;
  return regionalLocale(current.locale, globalThis.navigator?.languages ?? []);
}

// The one date and time style (`time.ts`, chosen in Settings): every view writes dates through
// these, never with its own `Intl` options.

/** "1 December 2026" for an instant, on the calendar of `zone` (the candidate's by default). */
export function day(iso: string, zone = userZone()): string {
  void current.locale;
  return formatDay(iso, zone, regionalTag());
}

/** "1 December 2026" for a calendar day (`YYYY-MM-DD`, a date printed on a document), which is
 * the same day wherever the candidate is. */
export function calendarDay(isoDate: string): string {
  void current.locale;
  return formatDay(`${isoDate.slice(0, 10)}T12:00:00Z`, 'UTC', regionalTag());
}

/** "17:59" or "5:59 PM" in `zone`. */
export function clockTime(iso: string, zone = userZone()): string {
  void current.locale;
  return formatTime(iso, zone, regionalTag());
}

/** "1 December 2026, 17:59" in `zone`. */
export function moment(iso: string, zone = userZone()): string {
  void current.locale;
  return formatMoment(iso, zone, regionalTag());
}

// Every user-facing string comes from a catalogue in `src/locales`. Keys are type-checked
// against the English catalogue, so a missing key fails `npm run check`.
import i18next, { type FormatterModule, type ParseKeys, type TOptions } from 'i18next';
import type { DisplayLanguage } from './bindings';
// Type-only: English is the source of the keys, but it is loaded like any other language, so a
// French or Arabic window never downloads it. A new area file needs its line here for its keys
// to type-check (a test in `catalogues.test.ts` keeps this list and the files in step).
import type base from '../locales/en.json';
import type profile from '../locales/en.profile.json';
import type vault from '../locales/en.vault.json';
import type applications from '../locales/en.applications.json';
import type packs from '../locales/en.packs.json';
import type forms from '../locales/en.forms.json';
import type exports from '../locales/en.exports.json';
import type backups from '../locales/en.backups.json';
import type dashboard from '../locales/en.dashboard.json';
import type capture from '../locales/en.capture.json';
import type keyboard from '../locales/en.keyboard.json';
import type notice from '../locales/en.notice.json';
import type language from '../locales/en.language.json';
import type tray from '../locales/en.tray.json';
import type errors from '../locales/en.errors.json';
import type fields from '../locales/en.fields.json';
import type vaultSearch from '../locales/en.vaultsearch.json';
import type literals from '../locales/en.literals.json';
import type eligibilityReasons from '../locales/en.eligibility_reasons.json';
import type eligibilitySources from '../locales/en.eligibility_sources.json';
import type applicationWarnings from '../locales/en.application_warnings.json';
import type integrity from '../locales/en.integrity.json';
import type fieldChecks from '../locales/en.field_checks.json';
import type form from '../locales/en.form.json';
import type timeInput from '../locales/en.timeinput.json';
import type noticeCopy from '../locales/en.noticecopy.json';
import type upload from '../locales/en.upload.json';
import type encryption from '../locales/en.encryption.json';
import type form2 from '../locales/en.form2.json';
import type refusals from '../locales/en.refusals.json';
import type lock from '../locales/en.lock.json';
import { formatFileSize, formatNumber, languageName as languageNameIn, regionName } from './format';
import {
  formatClock,
  formatDay,
  formatMoment,
  formatTime,
  setDateStyle,
  userZone,
  type DateStyle,
  type HourStyle,
} from './time';

// One catalogue per area, so areas can be written side by side; keys must not repeat across them.
type English = typeof base &
  typeof profile &
  typeof vault &
  typeof applications &
  typeof packs &
  typeof forms &
  typeof exports &
  typeof backups &
  typeof dashboard &
  typeof capture &
  typeof keyboard &
  typeof notice &
  typeof language &
  typeof tray &
  typeof errors &
  typeof fields &
  typeof vaultSearch &
  typeof literals &
  typeof eligibilityReasons &
  typeof form &
  typeof timeInput &
  typeof noticeCopy &
  typeof upload &
  typeof encryption &
  typeof eligibilitySources &
  typeof applicationWarnings &
  typeof integrity &
  typeof fieldChecks &
  typeof form2 &
  typeof refusals &
  typeof lock;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: English };
  }
}

export type MessageKey = ParseKeys;
export type Locale = DisplayLanguage;
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'ar'];

// Every `<lang>.<area>.json` in `src/locales`, each loaded only when its language is asked for;
// the build puts one language's files in one chunk (`vite.config.ts`).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*.json');

/** The language a catalogue file belongs to: `fr` for `../locales/fr.profile.json`. */
export function fileLanguage(path: string): string {
  return (path.split('/').pop() ?? '').split('.')[0] ?? '';
}

/** One language's areas, merged into one catalogue. */
export async function loadCatalogue(lang: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => fileLanguage(path) === lang)
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts.map((part) => part.default));
}

const current = $state({ locale: 'en' as Locale, dates: 'system' as DateStyle, hours: 'system' as HourStyle });

// No resources yet: `setLocale` loads the one language the window speaks. The catalogue test
// keeps every language complete, so there is nothing to fall back to.
// A count in a sentence is written in the language's digits, as its dates are ("بعد ١٤٩ يومًا"
// beside "٢٢ نوفمبر"). No grouping: a number in a sentence may be a year or an id. i18next calls
// its formatter for every value (`alwaysFormat`); strings pass through.
const formatter: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  // Non-numbers go back as they came (i18next's own type says string; it takes any value).
  format: (value: unknown, _format: string | undefined, lng: string | undefined) =>
    (typeof value === 'number' ? formatNumber(value, lng ?? 'en', { useGrouping: false }) : value) as string,
};

i18next.use(formatter).init({
  resources: {},
  partialBundledLanguages: true,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false, alwaysFormat: true }, // Svelte escapes text it renders.
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

/** Speaks `next` from now on: loads its catalogue when it is the first time, then every `t()`
 * re-renders; the page's `lang` and `dir` follow (Arabic mirrors the layout). */
export async function setLocale(next: Locale): Promise<void> {
  if (!i18next.hasResourceBundle(next, 'translation')) {
    i18next.addResourceBundle(next, 'translation', await loadCatalogue(next));
  }
  await i18next.changeLanguage(next);
  current.locale = next;
  document.documentElement.lang = next;
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

/** A time of day (`HH:MM`) in the chosen hour style: "14:30" or "2:30 PM". */
export function timeOfDay(hhmm: string): string {
  void current.locale;
  return formatClock(hhmm, regionalTag());
}

/** "1 December 2026, 17:59" in `zone`. */
export function moment(iso: string, zone = userZone()): string {
  void current.locale;
  return formatMoment(iso, zone, regionalTag());
}

/** A number in the window's language ("1 234,5" in French). */
export function number(value: number, options?: Intl.NumberFormatOptions): string {
  return formatNumber(value, current.locale, options);
}

/** A file size in the window's language ("4,2 Mo"). */
export function fileSize(bytes: number): string {
  return formatFileSize(bytes, current.locale);
}

/** A country's name in the window's language, from its ISO code; `fallback` (the backend's
 * English name) when `Intl` has none. */
export function countryName(code: string, fallback = code): string {
  return regionName(code, current.locale, fallback);
}

/** A language's name in the window's language, from its ISO 639-1 code. */
export function languageName(code: string, fallback = code): string {
  return languageNameIn(code, current.locale, fallback);
}

// Deadlines are instants (UTC from the backend) shown in two places at once: the duty station's
// zone, where the notice wrote them, and the candidate's own zone.

export type Remaining = { past: boolean; days: number; hours: number; minutes: number };

// Built once per language and options: a list of a thousand deadlines otherwise built two or
// three formatters for each row it drew (a few hundred microseconds apiece in WebKit).
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** Whole days, hours and minutes between `nowMs` and `thenMs`, rounded down so a countdown never
 * promises more time than is left. */
export function remaining(nowMs: number, thenMs: number): Remaining {
  const past = thenMs < nowMs;
  let minutes = Math.floor(Math.abs(thenMs - nowMs) / 60_000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  return { past, days, hours, minutes };
}

/** The zone the candidate's computer is set to. */
export function userZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every IANA zone the webview knows, for pickers. */
export function allZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [userZone()];
}

export function formatInZone(iso: string, zone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(locale, { ...options, timeZone: zone }).format(new Date(iso));
}

/** Whether an instant falls on a different calendar day in two zones, so the UI names the day
 * in both ("Mon 23:59 in Lyon = Tue 06:59 your time"). */
export function sameDayInZones(iso: string, a: string, b: string): boolean {
  const day = (zone: string) => dateFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(new Date(iso));
  return day(a) === day(b);
}

/** Below this many minutes, a timed moment's time left is said in hours and minutes. */
export const HOURS_BELOW_MINUTES = 20 * 60;

export type TimeLeft = { kind: 'minutes' | 'hours' | 'days'; count: number } | { kind: 'today' | 'tomorrow' } | null;

function calendarDay(ms: number, zone: string): number {
  // Parts, not a formatted string: engines differ in how a locale's short date is written.
  const parts = dateFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(ms)
    .reduce<Record<string, number>>((acc, p) => ((acc[p.type] = Number(p.value)), acc), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!) / 86_400_000;
}

/** The time left as the candidate means it: the core's rule (`time::time_left` in
 * `src-tauri/core/src/time.rs`, whose tests have the same cases), so the Dashboard and the
 * reminders say the same. Days to the nearest whole day (half a day down, at least 2), "today"
 * and "tomorrow" on the moment's own calendar, hours and minutes below 20 hours. */
export function timeLeft(nowMs: number, thenMs: number, zone: string, allDay = false): TimeLeft {
  if (thenMs <= nowMs) return null;
  const minutes = Math.floor((thenMs - nowMs) / 60_000);
  if (!allDay && minutes < HOURS_BELOW_MINUTES) {
    return minutes < 60
      ? { kind: 'minutes', count: Math.max(1, minutes) }
      : { kind: 'hours', count: Math.floor((minutes + 30) / 60) };
  }
  const calendar = calendarDay(thenMs, zone) - calendarDay(nowMs, zone);
  if (calendar <= 0) return { kind: 'today' };
  if (calendar === 1) return { kind: 'tomorrow' };
  if (allDay) return { kind: 'days', count: calendar };
  return { kind: 'days', count: Math.max(2, Math.floor((minutes + 719) / 1440)) };
}

// The choices as the preferences keep them (`preferences.rs`).
import type { DateOrder, DateStyle, HourCycle, HourStyle } from './bindings';
export type { DateOrder, DateStyle, HourCycle, HourStyle };

const style: { date: DateStyle; hours: HourStyle } = { date: 'system', hours: 'system' };

/** The choice from Settings; every date and time the UI writes follows it. */
export function setDateStyle(date: DateStyle, hours: HourStyle): void {
  style.date = date;
  style.hours = hours;
}

/** The clock `locale` writes times on when the hour style is "system": the one the window
 * shows, and the one it tells the core (`preferences.systemHours`) so notifications agree. */
export function systemHourCycle(locale: string): HourCycle {
  return dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 === true ? 'h12' : 'h24';
}

/** Whether `locale` writes "system" dates month first (en-US) or day first: told to the core
 * (`preferences.systemDates`) with the clock, so notifications write dates as the window does. */
export function systemDateOrder(locale: string): DateOrder {
  const types = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(Date.UTC(2026, 10, 23))
    .map((p) => p.type);
  return types.indexOf('month') < types.indexOf('day') ? 'month_first' : 'day_first';
}

function hourOptions(locale: string): Intl.DateTimeFormatOptions {
  // `numeric` hours: "5:59 PM", never "05:59 PM"; 24-hour times keep two digits ("05:59").
  const twelve = style.hours === 'system' ? systemHourCycle(locale) === 'h12' : style.hours === 'h12';
  return twelve
    ? { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }
    : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
}

function tagFor(locale: string): string {
  // Day-month-year whatever the language: British English orders it so.
  return style.date === 'day_month_year' && locale.startsWith('en') ? 'en-GB' : locale;
}

/** "17:59" or "5:59 PM", in `zone`. */
export function formatTime(iso: string, zone: string, locale: string): string {
  return dateFormat(locale, { ...hourOptions(locale), timeZone: zone }).format(Date.parse(iso));
}

/** "1 December 2026", "December 1, 2026" or "2026-12-01", in `zone`; `weekday` adds the day. */
export function formatDay(iso: string, zone: string, locale: string, weekday = false): string {
  if (style.date === 'iso') {
    const parts = dateFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(Date.parse(iso))
      .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
    return `${parts.year}-${parts.month}-${parts.day}`;
  }
  return dateFormat(tagFor(locale), {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(weekday ? { weekday: 'long' } : {}),
  }).format(Date.parse(iso));
}

/** A day and a time, in one style: "1 December 2026, 17:59". */
export function formatMoment(iso: string, zone: string, locale: string): string {
  return `${formatDay(iso, zone, locale)}, ${formatTime(iso, zone, locale)}`;
}

/** A time of day (`HH:MM`, as a time field binds it) in the chosen hour style: "14:30" or
 * "2:30 PM". */
export function formatClock(hhmm: string, locale: string): string {
  const match = /^([0-9]{2}):([0-9]{2})$/.exec(hhmm);
  if (!match) return hhmm;
  const at = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]));
  return dateFormat(locale, { ...hourOptions(locale), timeZone: 'UTC' }).format(at);
}

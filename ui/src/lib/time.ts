// Deadlines are instants (UTC from the backend) shown in two places at once: the duty station's
// zone, where the notice wrote them, and the candidate's own zone.

export type Remaining = { past: boolean; days: number; hours: number; minutes: number };

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
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(iso));
}

/** Whether an instant falls on a different calendar day in two zones, so the UI names the day
 * in both ("Mon 23:59 in Lyon = Tue 06:59 your time"). */
export function sameDayInZones(iso: string, a: string, b: string): boolean {
  const day = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(new Date(iso));
  return day(a) === day(b);
}

// "System" in Settings' hour style is the clock of the window's locale, which only `Intl` knows
// (en-US: 12-hour, en-GB: 24-hour). The core words notifications without the window, so the
// window tells it which clock that is; the stored choice stays "system".
import { locale, regionalLocale } from './i18n.svelte';
import { ipc } from './ipc';
import { systemDateOrder, systemHourCycle } from './time';

/** Keeps `preferences.systemHours` the clock the window writes "system" times on now, and
 * `systemDates` the order it writes "system" dates in: called
 * once the language is known at the start, and after every change of language. */
export async function shareSystemHours(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<void> {
  const regional = regionalLocale(locale(), languages);
  const cycle = systemHourCycle(regional);
  const order = systemDateOrder(regional);
  const current = await ipc.preferencesGet();
  if (current.systemHours !== cycle || current.systemDates !== order) {
    await ipc.preferencesSet({ ...current, systemHours: cycle, systemDates: order });
  }
}

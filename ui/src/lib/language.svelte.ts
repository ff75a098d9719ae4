// Which language the window speaks: the candidate's choice in Settings, or the system's (the
// shell resolves it, `language_get`, so the window and the notifications agree).
import type { DisplayLanguage } from './bindings';
import { setLocale } from './i18n.svelte';
import { ipc } from './ipc';
import { shareSystemHours } from './system-hours';

/** Each language named in itself, as a candidate looks for their own. */
export const LANGUAGE_NAMES: Record<DisplayLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export const language = $state({ chosen: null as DisplayLanguage | null });

/** Speaks the language the shell resolved; the first paint waits for it (`main.ts`). English
 * when the shell cannot be asked, so the window still opens. */
export async function startLanguage(): Promise<void> {
  try {
    const { chosen, resolved } = await ipc.languageGet();
    language.chosen = chosen;
    await setLocale(resolved);
  } catch (thrown) {
    console.error('language', thrown);
    await setLocale('en');
  }
  // Beside the first paint, not before it.
  void shareSystemHours().catch((thrown) => console.error('system hours', thrown));
}

/** The candidate's choice (`null`: the system's), kept with the other preferences and then
 * applied at once. Kept first: views that ask the shell for worded text (the pack's checklist,
 * the certificate and reference reasons) reload on the switch and must get the new language. */
export async function chooseLanguage(chosen: DisplayLanguage | null): Promise<void> {
  const current = await ipc.preferencesGet();
  await ipc.preferencesSet({ ...current, language: chosen });
  language.chosen = chosen;
  await setLocale(chosen ?? (await ipc.languageGet()).resolved);
  await shareSystemHours();
}

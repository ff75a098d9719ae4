// What the candidate should know about an application, in their language: the core sends a
// code and the facts (`ApplicationWarning`), the words come from
// `en.application_warnings.json` and its translations.
import type { ApplicationWarning } from './bindings';
import { moment, t } from './i18n.svelte';
import { isolated } from './isolate';

/** A deadline as the notice gave it: the moment in its own zone, the zone named. */
function deadline(iso: string, zone: string | null): string {
  const where = zone ?? 'UTC';
  return t('applicationWarning.inZone', { moment: moment(iso, where), zone: isolated(where) });
}

/** The sentence a warning reads as. */
export function applicationWarningText(warning: ApplicationWarning): string {
  switch (warning.code) {
    case 'other_platform':
      return t('applicationWarning.other_platform', {
        published: t(`platform.${warning.published}`),
        recorded: t(`platform.${warning.recorded}`),
      });
    case 'deadline_passed':
    case 'submitted_late':
      return t(`applicationWarning.${warning.code}`, { when: deadline(warning.deadlineUtc, warning.zone) });
  }
}

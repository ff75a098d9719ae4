// Where a rule comes from, in the candidate's language: the core sends the parts (`Source`: an
// INTERPOL page by code, the member list's date, a part of the notice, the candidate's own
// settings), the words come from `en.eligibility_sources.json` and its translations.
import type { Source } from './bindings';
import { calendarDay, t } from './i18n.svelte';
import { isolated } from './isolate';

/** One part of a rule's source. */
export function sourcePartText(part: Source): string {
  switch (part.code) {
    case 'page':
      return t(`eligibilitySource.page.${part.page}`);
    case 'member_list':
      return t('eligibilitySource.member_list', { date: calendarDay(part.asOf) });
    case 'notice': {
      const what = t(`eligibilitySource.part.${part.part}`);
      return part.reference
        ? t('eligibilitySource.notice_reference', { reference: isolated(part.reference), part: what })
        : t('eligibilitySource.notice', { part: what });
    }
    case 'wording':
      return t('eligibilitySource.wording');
  }
}

/** A rule's whole source, its parts in the core's order. */
export function sourceText(parts: Source[]): string {
  return parts
    .map(sourcePartText)
    .reduce((said, next) => (said ? t('eligibilitySource.joined', { first: said, next }) : next), '');
}

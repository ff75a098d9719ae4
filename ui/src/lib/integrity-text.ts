// The vault check's findings in the candidate's language: the core reports counts and what
// each file is (`StrayKind`, `Damage`), the words come from `en.integrity.json` and its
// translations.
import type { Damage, IntegrityReport, StrayKind } from './bindings';
import { locale, t } from './i18n.svelte';

/** One sentence for the whole check. */
export function integritySummary(report: IntegrityReport): string {
  if (report.healthy && report.documentsChecked === 0) return t('integrityReport.empty');
  if (report.healthy) return t('integrityReport.healthy', { count: report.documentsChecked });
  const parts: string[] = [];
  if (report.documentsWithoutFile.length > 0)
    parts.push(t('integrityReport.part.missing', { count: report.documentsWithoutFile.length }));
  if (report.damagedFiles.length > 0)
    parts.push(t('integrityReport.part.damaged', { count: report.damagedFiles.length }));
  if (report.filesWithoutDocument.length > 0)
    parts.push(t('integrityReport.part.stray', { count: report.filesWithoutDocument.length }));
  const found = new Intl.ListFormat(locale(), { type: 'conjunction' }).format(parts);
  return t('integrityReport.found', { found });
}

/** What a file no document uses is. */
export function strayText(why: StrayKind): string {
  return t(`integrityReport.stray.${why}`);
}

/** What is wrong with a damaged file. */
export function damageText(why: Damage): string {
  return t(`integrityReport.damage.${why}`);
}

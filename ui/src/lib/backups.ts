// Backups as the candidate reads them: a date, what a backup holds, and why one failed, in the
// catalogue's words (`en.backups.json`).
import type { BackupOutcome, BackupSummary } from './bindings';
import { t, type MessageKey, day, moment } from './i18n.svelte';
import { formatBytes } from './vault';

/** Reasons the catalogue explains; any other code is named as it is. */
const REASONS = ['io', 'store_unavailable', 'backup_damaged', 'database'] as const;

/** Why a backup failed, from the code Dossier recorded with the outcome. */
export function failureReason(code: string | null): string {
  const known = REASONS.find((reason) => reason === code);
  if (known) return t(`backups.reason.${known}` satisfies MessageKey);
  return t('backups.reason.other', { code: code ?? '?' });
}

/** "1 December 2026": how a restore names a backup. */
export function backupDay(iso: string): string {
  return day(iso);
}

/** Day and time, for the list, where two backups of one day must be told apart. */
export function backupMoment(iso: string): string {
  return moment(iso);
}

/** "3 vacancies · 2 applications · 1 document". */
export function backupCounts(summary: BackupSummary): string {
  return t('backups.counts', {
    vacancies: t('dashboard.vacancyCount', { count: summary.vacancies }),
    applications: t('dashboard.applicationCount', { count: summary.applications }),
    documents: t('dashboard.documentCount', { count: summary.documents }),
  });
}

export function backupSize(summary: BackupSummary): string {
  return formatBytes(summary.bytes ?? 0);
}

/** The failure the Dashboard should show: the last attempt, when it failed. */
export function failedOutcome(outcome: BackupOutcome | null): BackupOutcome | null {
  return outcome && !outcome.ok ? outcome : null;
}

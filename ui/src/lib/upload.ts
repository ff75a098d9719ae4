// Upload-ready files: which checklist lines can have one, the order of their sources, the
// limits offered, and the summary of what making one did.
import type { MadeFile, MadeReport, Platform, Requirement, UploadLimits } from './bindings';
import { fileSize, t } from './i18n.svelte';

/** The limits offered for a platform's attachment fields: 1, 2, 5 and 10 MB. */
export const LIMIT_CHOICES: readonly number[] = [1_000_000, 2_000_000, 5_000_000, 10_000_000];

/** Whether a checklist line asks for a file (a CV, a diploma's scans), not a fact of the profile. */
export function asksForFile(requirement: Requirement): boolean {
  return !['profile', 'country_of_origin', 'references'].includes(requirement.kind);
}

/** The key a made file keeps its line under; the core's `made_files::requirement_key`. */
export function requirementKey(requirement: Requirement): string {
  switch (requirement.kind) {
    case 'diploma':
      return `diploma:${requirement.educationId}`;
    case 'proof_of_employment':
      return `proof_of_employment:${requirement.employmentId}`;
    case 'criminal_record':
      return `criminal_record:${requirement.country}`;
    case 'notice_asks':
      return `notice_asks:${requirement.document}`;
    default:
      return requirement.kind;
  }
}

/** The current file made for a line, if any. */
export function fileForLine(files: readonly MadeFile[], requirement: Requirement): MadeFile | null {
  const key = requirementKey(requirement);
  return files.find((f) => f.current && f.requirement === key) ?? null;
}

/** `list` with the item at `from` moved to `to` (both clamped); the list itself is left as is. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The limit remembered for `platform`. */
export function limitFor(limits: UploadLimits, platform: Platform): number {
  return platform === 'talentlink' ? limits.talentlink : limits.recruitmentHub;
}

/** "3 pages, 2 pages recompressed, 1.8 MB (limit 2 MB)." */
export function summaryText(report: MadeReport): string {
  return t('upload.summary', {
    pages: t('upload.pages', { count: report.pages }),
    recompressed:
      report.pagesRecompressed > 0
        ? t('upload.recompressed', { count: report.pagesRecompressed })
        : t('upload.notRecompressed'),
    size: fileSize(report.sizeBytes),
    limit: fileSize(report.limitBytes),
  });
}

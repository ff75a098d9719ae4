// Several saved notices read at once: what the capture view says about each file of a batch,
// kept apart from the view so it can be tested without a window.
import type { DuplicateOf, FileDraft, FileRefusal } from './bindings';
import { fieldErrorText } from './field-text';
import { t } from './i18n.svelte';
import { formatBytes } from './vault';

/** The words for a file that gave no draft. */
export function refusalMessage(fileName: string, refusal: FileRefusal): string {
  const name = fileName;
  switch (refusal.reason) {
    case 'too_large':
      return t('captureFiles.refused.too_large', {
        name,
        size: formatBytes(refusal.sizeBytes ?? 0),
        limit: formatBytes(refusal.limitBytes ?? 0),
      });
    case 'unknown_type':
      return t('captureFiles.refused.unknown_type', { name });
    case 'pdf_locked':
      return t('captureFiles.refused.pdf_locked', { name });
    case 'pdf_damaged':
      return t('captureFiles.refused.pdf_damaged', { name });
    case 'not_a_notice':
      return t('captureFiles.refused.not_a_notice', { name, reason: fieldErrorText(refusal) });
    case 'unreadable':
      return t('captureFiles.refused.unreadable', { name, detail: refusal.detail });
  }
}

/** The words for a draft that repeats a saved vacancy or an earlier draft; null for none. */
export function duplicateMessage(duplicate: DuplicateOf | null | undefined): string | null {
  if (!duplicate) return null;
  if (duplicate.of === 'saved') return t('captureFiles.duplicateSaved', { title: duplicate.title });
  return t('captureFiles.duplicateInBatch', { n: duplicate.draft + 1 });
}

/** True when saving this file keeps it in the vault as the posting's own copy: every file read
 * as a notice is (a PDF, a saved page, a text file). */
export function keepsCopy(file: FileDraft): boolean {
  return file.fileType !== null;
}

/** True when the kept copy is a saved web page, which opens only as a cleaned copy. */
export function isSavedPage(file: FileDraft): boolean {
  return file.fileType === 'html';
}

/** The place of the next file still to check after `index`, or null when the batch is done. */
export function nextIndex(files: readonly FileDraft[], index: number): number | null {
  return index + 1 < files.length ? index + 1 : null;
}

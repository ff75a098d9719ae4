// How a pack's checklist is shown: the tone of each line, where its fix link goes, and the
// progress of an export.
import type { ExportProgress, FixLink, ItemState } from './bindings';
import type { Tone } from './eligibility';
import { hrefFor } from './router.svelte';

export function itemTone(state: ItemState): Tone {
  return state === 'satisfied' ? 'good' : state === 'stale' ? 'warn' : 'bad';
}

/** The page where the candidate fixes a line. */
export function fixHref(fix: FixLink): string {
  switch (fix.to) {
    case 'profile':
      return hrefFor('profile', fix.fact);
    case 'import':
      return hrefFor('documents');
    case 'document':
      return hrefFor('documents', fix.id);
    case 'certificates':
      return hrefFor('documents', 'certificates');
    case 'references':
      return hrefFor('documents', 'references');
  }
}

/** Checking reads every file once and writing once more: each phase fills half the bar. */
export function exportPercent(p: ExportProgress): number {
  const total = p.bytesTotal ?? 0;
  const within = total > 0 ? Math.min(1, (p.bytesDone ?? 0) / total) : 0;
  return Math.round((p.phase === 'checking' ? within / 2 : 0.5 + within / 2) * 100);
}

let lastExportId = 0;

/** A fresh id for an export: its cancel button names it, so it stops that export and no other. */
export function nextExportId(): number {
  lastExportId += 1;
  return lastExportId;
}

// One import at a time for the whole window, whichever way the files came: the file dialog or
// a drop onto the window (which the Rust side imports and reports on a channel). The vault view
// shows this state; `generation` moves when documents were added, so lists reload.
import type { BatchItem as BatchItem, DocumentKind, DropNews as DropNews, ImportProgress } from './bindings';
import { Channel, ipc, toAppError } from './ipc';
import { formFromDocument, metadataFromForm } from './vault';
import { router } from './router.svelte';
import { refresh } from './session.svelte';

export const importState = $state({
  /** What new files are filed as, from the dialog and from drops alike. */
  kind: 'other' as DocumentKind,
  running: false,
  /** Files are being dragged over the window. */
  hovering: 0,
  progress: null as ImportProgress | null,
  /** The last batch's outcomes, file by file, until dismissed. */
  results: null as BatchItem[] | null,
  error: null as string | null,
  generation: 0,
});

let watching = false;

function begin(files: number) {
  importState.running = true;
  importState.error = null;
  importState.results = null;
  importState.progress = { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: files };
}

function finish(items: BatchItem[] | null, error: string | null) {
  importState.running = false;
  importState.progress = null;
  importState.results = items;
  importState.error = error;
  if (items?.some((item) => item.outcome.outcome === 'imported')) {
    importState.generation += 1;
    void refresh();
  }
}

/** Reacts to a drop reported by the Rust side. Exported for tests. */
export function onDropNews(news: DropNews): void {
  switch (news.news) {
    case 'hovering':
      importState.hovering = news.files;
      break;
    case 'left':
      importState.hovering = 0;
      break;
    case 'started':
      importState.hovering = 0;
      begin(news.files);
      // The outcome is shown in the vault; a drop elsewhere brings the candidate there.
      if (router.current !== 'documents' || router.rest.length > 0) router.go('documents');
      break;
    case 'progress':
      importState.progress = news.progress;
      break;
    case 'finished':
      // The generator types channel payloads in their deserialising shape (optional fields may
      // be absent); what arrives is what Rust serialised, with every field present.
      finish(news.items as BatchItem[], null);
      break;
    case 'failed':
      finish(null, news.message);
      break;
  }
}

/** Starts listening for drops; called once when the window opens, and again with the kind
 * dropped files are filed as. Each call hands over a fresh channel: the Rust side lets go of the
 * previous one, and a channel let go of is closed on this side too, so it cannot be reused. */
export async function watchDrops(): Promise<void> {
  const channel = new Channel<DropNews>();
  channel.onmessage = onDropNews;
  watching = true;
  try {
    await ipc.vaultWatchDrops(importState.kind, channel);
  } catch (thrown) {
    importState.error = toAppError(thrown).message;
  }
}

export async function setImportKind(kind: DocumentKind): Promise<void> {
  importState.kind = kind;
  if (watching) await watchDrops();
}

/** Asks for files through the native dialog and imports them. */
export async function importThroughDialog(): Promise<void> {
  if (importState.running) return;
  const progress = new Channel<ImportProgress>();
  progress.onmessage = (p) => {
    if (importState.running) importState.progress = p;
  };
  importState.running = true;
  importState.error = null;
  try {
    const items = await ipc.vaultImport(importState.kind, progress);
    if (items === null) {
      importState.running = false; // cancelled: keep the previous results on screen
      return;
    }
    finish(items, null);
  } catch (thrown) {
    finish(null, toAppError(thrown).message);
  }
}

/** Files one document of the last batch as `kind`: a batch is filed under one kind, and each
 * file can then be set to its own, right in the results. */
export async function setKindOf(index: number, kind: DocumentKind): Promise<void> {
  const item = importState.results?.[index];
  if (item?.outcome.outcome !== 'imported') return;
  const doc = item.outcome.document;
  if (doc.kind === kind) return;
  try {
    const metadata = metadataFromForm({ ...formFromDocument(doc), kind }, doc.supersedes);
    const saved = await ipc.documentUpdate(doc.id, metadata);
    item.outcome.document = saved.document;
    importState.error = null;
    importState.generation += 1;
  } catch (thrown) {
    importState.error = toAppError(thrown).message;
  }
}

export function dismissResults(): void {
  importState.results = null;
  importState.error = null;
}

/** A message shown at `at` (a vault address) after an action that moved there: a delete goes
 * back to the list, a new version opens the new document. */
export const vaultNotice = $state({ text: null as string | null, at: '' });

export function noticeAt(at: string, text: string): void {
  vaultNotice.text = text;
  vaultNotice.at = at;
}

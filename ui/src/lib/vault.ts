// What the vault screens work out without the backend: where a document's bytes are served,
// how a file is previewed, the form and its errors, and summaries of an import.
import { fileSize, locale as uiLocale, regionalLocale } from './i18n.svelte';
import type {
  BatchItem as BatchItem,
  Country,
  DocumentChoices as DocumentChoices,
  Document as Document,
  DocumentKind,
  DocumentMetadata as DocumentMetadata,
  MediaType,
  ProvenEntry,
} from './bindings';
import { fieldErrorText } from './field-text';

export const documentKinds: DocumentKind[] = [
  'cv',
  'diploma',
  'proof_of_employment',
  'criminal_record',
  'reference_letter',
  'language_certificate',
  'identity',
  'cover_letter',
  'talentlink_application',
  'other',
];

/** The address of a document's bytes on the app's own `vault:` scheme, by id only. Windows'
 * webview reaches custom schemes as `http://<scheme>.localhost`, the others as `<scheme>://`.
 * The hash is only there so a reused id never shows a cached picture of another file. */
export function vaultUrl(
  document: Pick<Document, 'id' | 'contentHash'>,
  userAgent = globalThis.navigator?.userAgent ?? '',
): string {
  const base = /Windows/.test(userAgent) ? 'http://vault.localhost' : 'vault://localhost';
  return `${base}/${document.id}?v=${document.contentHash.slice(0, 16)}`;
}

export type PreviewKind = 'image' | 'pdf' | 'no_preview';

/** How the window can show a file. WebKitGTK has no PDF viewer and decodes no TIFF, so those
 * show an icon and open in the system viewer. */
export function previewKind(mediaType: MediaType): PreviewKind {
  switch (mediaType) {
    case 'image/jpeg':
    case 'image/png':
    case 'image/webp':
      return 'image';
    case 'application/pdf':
      return 'pdf';
    // A saved notice page is never drawn in this window (it may carry scripts); its cleaned
    // copy opens in the system's browser.
    case 'image/tiff':
    case 'text/html':
    case 'text/plain':
      return 'no_preview';
  }
}

export function mediaLabel(mediaType: MediaType): string {
  return {
    'application/pdf': 'PDF',
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'image/webp': 'WebP',
    'image/tiff': 'TIFF',
    'text/html': 'HTML',
    'text/plain': 'TXT',
  }[mediaType];
}

/** Sizes in the units people read on their disks: 1 MB = 1,000,000 bytes. */
export function formatBytes(bytes: number): string {
  return fileSize(bytes);
}

/** Which profile entries a kind can prove; the backend's rule (`DocumentKind::can_prove`), so
 * the form offers only what will be accepted. A recommendation letter proves a position too. */
export function canProve(kind: DocumentKind, entry: ProvenEntry['kind']): boolean {
  switch (kind) {
    case 'other':
      return true;
    case 'diploma':
      return entry === 'education';
    case 'proof_of_employment':
      return entry === 'employment';
    case 'reference_letter':
      return entry === 'reference' || entry === 'employment';
    default:
      return false;
  }
}

/** Whether the issuing country matters for a kind; the form shows it first for these. */
export function asksIssuingCountry(kind: DocumentKind): boolean {
  return kind === 'criminal_record' || kind === 'identity' || kind === 'diploma' || kind === 'language_certificate';
}

/** What the document form offers: every country, and the profile entries a document proves. */
export type FormChoices = DocumentChoices & { countries: Country[] };

export type DocumentForm = {
  title: string;
  kind: DocumentKind;
  issuedOn: string;
  expiresOn: string;
  issuingCountry: string;
  /** `''`, or `education:3` / `employment:5` / `reference:8`. */
  proves: string;
  notes: string;
};

export function provesValue(entry: ProvenEntry | null | undefined): string {
  return entry ? `${entry.kind}:${entry.id}` : '';
}

export function parseProves(value: string): ProvenEntry | null {
  const match = /^(education|employment|reference):(\d+)$/.exec(value);
  return match ? ({ kind: match[1], id: Number(match[2]) } as ProvenEntry) : null;
}

export function formFromDocument(d: Document): DocumentForm {
  return {
    title: d.title,
    kind: d.kind,
    issuedOn: d.issuedOn ?? '',
    expiresOn: d.expiresOn ?? '',
    issuingCountry: d.issuingCountry ?? '',
    proves: provesValue(d.proves),
    notes: d.notes,
  };
}

export function metadataFromForm(form: DocumentForm, supersedes: number | null): DocumentMetadata {
  return {
    title: form.title,
    kind: form.kind,
    issuedOn: form.issuedOn || null,
    expiresOn: form.expiresOn || null,
    issuingCountry: form.issuingCountry || null,
    // An entry this kind cannot prove is dropped rather than refused: changing a diploma to
    // "other document" must not fail because of a link the form no longer shows.
    proves: (() => {
      const entry = parseProves(form.proves);
      return entry && canProve(form.kind, entry.kind) ? entry : null;
    })(),
    notes: form.notes,
    supersedes,
  };
}

export type FormProblem = { field: keyof DocumentForm | null; message: string };

/** The core names the field of a refused change in its own words ("issue date: … is in the
 * future"); this places it at the form's field. It reads `fields` when the error carries them,
 * else the `field: reason` message of an invalid-input error. */
export function problemFromError(error: {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}): FormProblem {
  const byCore: Record<string, keyof DocumentForm> = {
    title: 'title',
    kind: 'kind',
    'issue date': 'issuedOn',
    'expiry date': 'expiresOn',
    'issuing country': 'issuingCountry',
    proves: 'proves',
    notes: 'notes',
  };
  const first = error.fields?.[0];
  if (first) return { field: byCore[first.field] ?? null, message: fieldErrorText(first) };
  if (error.code === 'invalid_input') {
    const colon = error.message.indexOf(': ');
    const field = colon > 0 ? byCore[error.message.slice(0, colon)] : undefined;
    if (field) return { field, message: error.message.slice(colon + 2) };
  }
  return { field: null, message: error.message };
}

export type ImportCounts = { imported: number; already: number; refused: number };

export function countOutcomes(items: BatchItem[]): ImportCounts {
  const counts = { imported: 0, already: 0, refused: 0 };
  for (const item of items) {
    if (item.outcome.outcome === 'imported') counts.imported += 1;
    else if (item.outcome.outcome === 'already_in_vault') counts.already += 1;
    else counts.refused += 1;
  }
  return counts;
}

/** A share from 0 to 100 for the progress bar: bytes when known, else files. */
export function progressPercent(p: {
  bytesDone: number | null;
  bytesTotal: number | null;
  filesDone: number;
  filesTotal: number;
}): number {
  if (p.bytesTotal && p.bytesTotal > 0) return Math.min(100, Math.round(((p.bytesDone ?? 0) / p.bytesTotal) * 100));
  if (p.filesTotal > 0) return Math.min(100, Math.round((p.filesDone / p.filesTotal) * 100));
  return 0;
}

/** The UI language with the region the system prefers (`fr-CA` for a Canadian French desktop). */
function uiTag(): string {
  return regionalLocale(uiLocale(), globalThis.navigator?.languages ?? []);
}

/** A country's name in the UI language, for lists that carry only the code. */
// One per language: building one per name cost each row of the documents list its own.
const countryNamers = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, locale = uiTag()): string {
  try {
    let namer = countryNamers.get(locale);
    if (!namer)
      countryNamers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
    return namer.of(code) ?? code;
  } catch {
    return code;
  }
}

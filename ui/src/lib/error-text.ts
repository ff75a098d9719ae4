// Words a backend failure from the catalogue: `failure.<code>` (file failures by their
// operation, `failure.io.<op>`) filled with the body's `params`. The backend's English
// `message` is the fallback, for codes that still carry a sentence of their own (listed in
// README) and for bodies without `params`.
import i18next from 'i18next';
import type { ErrorBody } from './bindings';
import { fieldErrorText, standsAlone } from './field-text';
import { fileSize, t, type MessageKey } from './i18n.svelte';

// Failures the upload area words in its own catalogue file (`upload.failure.<code>`) rather
// than in `failure`, with the params that are byte counts, which read as file sizes ("2 MB").
const UPLOAD_FAILURES: Record<string, string[]> = {
  upload_too_large: ['limit', 'needed'],
  upload_nothing_to_make: [],
};

// Failures of encryption at rest, worded in their own area file (`encryption.failure.<code>`);
// the listed params are byte counts.
const ENCRYPTION_FAILURES: Record<string, string[]> = {
  wrong_passphrase: [],
  wrong_recovery_key: [],
  recovery_key_mistyped: [],
  passphrase_empty: [],
  key_file_damaged: [],
  key_file_unsupported: [],
  key_file_unreadable: [],
  not_sealed: [],
  sealed_unsupported: [],
  sealed_altered: [],
  locked: [],
  encryption_already_on: [],
  encryption_already_off: [],
  database_key_mismatch: [],
  stored_file_altered: [],
  not_enough_space: ['needed', 'available'],
  random_unavailable: [],
  clear_backup_while_encrypted: [],
};

/** The catalogue key for a failure, or null when the catalogue has none for it. */
export function errorKey(body: Pick<ErrorBody, 'code' | 'params'>): string | null {
  const op = body.params?.op;
  if (body.code === 'io' && typeof op !== 'string') return null;
  if (UPLOAD_FAILURES[body.code]) return `upload.failure.${body.code}`;
  if (ENCRYPTION_FAILURES[body.code]) return `encryption.failure.${body.code}`;
  const key = body.code === 'io' ? `failure.io.${String(op)}` : `failure.${body.code}`;
  return i18next.exists(key) ? key : null;
}

export function errorText(
  body: Pick<ErrorBody, 'code' | 'message'> & { params?: ErrorBody['params']; fields?: ErrorBody['fields'] },
): string {
  const refused = refusedFields(body);
  if (refused) return refused;
  if (!body.params || typeof body.params !== 'object') return body.message;
  const key = errorKey({ code: body.code, params: body.params });
  if (!key) return body.message;
  const values: Record<string, unknown> = { ...body.params };
  for (const name of UPLOAD_FAILURES[body.code] ?? ENCRYPTION_FAILURES[body.code] ?? [])
    if (typeof values[name] === 'number') values[name] = fileSize(values[name]);
  return t(key as MessageKey, values);
}

/** A refused form, worded from its fields' codes: the one problem, or how many need attention.
 * `null` when the core has no code for it yet (its English `message` stands). */
function refusedFields(body: { code: string; fields?: ErrorBody['fields'] }): string | null {
  const fields = Array.isArray(body.fields) ? body.fields : [];
  if (body.code !== 'invalid_fields' || fields.length === 0) return null;
  if (fields.length > 1) return t('fieldCheck.nothingSavedMany', { count: fields.length });
  const [only] = fields;
  if (!only?.problem || only.problem.code === 'untranslated') return null;
  if (standsAlone(only.problem)) return fieldErrorText(only);
  return t('fieldCheck.nothingSaved', { problem: fieldErrorText(only) });
}

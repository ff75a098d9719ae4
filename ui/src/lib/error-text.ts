// Words a backend failure from the catalogue: `failure.<code>` (file failures by their
// operation, `failure.io.<op>`) filled with the body's `params`. The backend's English
// `message` is the fallback, for codes that still carry a sentence of their own (listed in
// README) and for bodies without `params`.
import i18next from 'i18next';
import type { ErrorBody } from './bindings';
import { t, type MessageKey } from './i18n.svelte';

/** The catalogue key for a failure, or null when the catalogue has none for it. */
export function errorKey(body: Pick<ErrorBody, 'code' | 'params'>): string | null {
  const op = body.params?.op;
  if (body.code === 'io' && typeof op !== 'string') return null;
  const key = body.code === 'io' ? `failure.io.${String(op)}` : `failure.${body.code}`;
  return i18next.exists(key) ? key : null;
}

export function errorText(body: Pick<ErrorBody, 'code' | 'message'> & { params?: ErrorBody['params'] }): string {
  if (!body.params || typeof body.params !== 'object') return body.message;
  const key = errorKey({ code: body.code, params: body.params });
  return key ? t(key as MessageKey, { ...body.params }) : body.message;
}

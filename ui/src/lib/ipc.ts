// The one way views talk to the Rust side. Every command from the generated bindings is exposed
// here with its real types; a failure is thrown as an `AppError` carrying the backend's
// `{ code, params, message, fields }`, so views never see raw `invoke` results. The error's
// `message` is worded from the catalogue (`failure.<code>` with its `params`); the backend's
// English `message` is kept only for codes the catalogue does not word yet.
import { listen } from '@tauri-apps/api/event';
import { commands, type ErrorBody, type ErrorCode, type FieldError } from './bindings';
import { errorText } from './error-text';

/** The shape every generated command resolves to. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

/** The backend's codes, and two for failures of the bridge itself, which Tauri reports as bare
 * strings before any command runs: `invalid_argument` when an argument does not deserialise
 * into the command's type (or is missing), `internal` for anything else (an unknown command). */
export type AppErrorCode = ErrorCode | 'invalid_argument' | 'internal';

// Tauri's words for an argument it could not deserialise (`tauri::Error::InvalidArgs`); the shell
// has a test that keeps this prefix true for the Tauri it is built with.
const INVALID_ARGS = /^invalid args `[^`]*` for command `[^`]*`/;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The form fields this failure is about, each with its message; often none. */
  readonly fields: FieldError[];
  /** The backend's values for the failure (ids, figures), for a view that says more than the
   * message: which of its documents an upload failure is about, say. */
  readonly params: ErrorBody['params'];

  constructor(code: AppErrorCode, message: string, fields: FieldError[] = [], params: ErrorBody['params'] = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.params = params;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** Turns anything thrown across the bridge into an `AppError`, so views always get a code and
 * a message. Tauri itself rejects with bare strings: a refused argument becomes
 * `invalid_argument`, any other failure `internal`. */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) return thrown;
  if (isErrorBody(thrown))
    return new AppError(
      thrown.code,
      errorText(thrown),
      Array.isArray(thrown.fields) ? thrown.fields : [],
      typeof thrown.params === 'object' && thrown.params !== null ? thrown.params : {},
    );
  if (thrown instanceof Error) return new AppError('internal', thrown.message);
  const message = String(thrown);
  return new AppError(INVALID_ARGS.test(message) ? 'invalid_argument' : 'internal', message);
}

export function unwrap<T>(result: Result<T, ErrorBody>): T {
  if (result.status === 'ok') return result.data;
  throw toAppError(result.error);
}

type Commands = typeof commands;
type OkData<R> = R extends { status: 'ok'; data: infer T } ? T : R extends { status: 'error' } ? never : R;
export type Ipc = {
  [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Promise<OkData<Awaited<ReturnType<Commands[K]>>>>;
};

function throwing(call: (...args: never[]) => Promise<unknown>) {
  return async (...args: never[]) => {
    let outcome: unknown;
    try {
      outcome = await call(...args);
    } catch (thrown) {
      throw toAppError(thrown);
    }
    if (typeof outcome === 'object' && outcome !== null && 'status' in outcome) {
      return unwrap(outcome as Result<unknown, ErrorBody>);
    }
    return outcome;
  };
}

export const ipc = Object.fromEntries(
  Object.entries(commands).map(([name, call]) => [name, throwing(call)]),
) as unknown as Ipc;

// A channel streams values from one command (import progress, dropped files) to the page. It is
// the one piece of Tauri's API besides the generated commands that views need, so it is handed
// out here rather than imported from Tauri in each view.
export { Channel } from '@tauri-apps/api/core';

/** Calls `handler` each time an automatic backup was made or failed (the shell's
 * `BACKUPS_CHANGED` event); resolves to the function that stops listening. */
export async function onBackupsChanged(handler: () => void): Promise<() => void> {
  try {
    return await listen('backups-changed', () => handler());
  } catch {
    // Without the event bridge the section still shows what it read when it opened.
    return () => {};
  }
}

// The one way views talk to the Rust side. Every command from the generated bindings is exposed
// here with its real types; a failure is thrown as an `AppError` carrying the backend's
// `{ code, message, fields }`, so views never see raw `invoke` results.
import { commands, type ErrorBody, type ErrorCode, type FieldError } from './bindings';

/** The shape every generated command resolves to. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

// `internal` is among the backend's codes (a crashed background task); anything thrown that is
// not the backend's body is reported under it too.
export type AppErrorCode = ErrorCode;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The form fields this failure is about, each with its message; often none. */
  readonly fields: FieldError[];

  constructor(code: AppErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
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

/** Turns anything thrown across the bridge into an `AppError`. Tauri itself rejects with bare
 * strings (unknown command, bad argument), which become `internal`, as the backend's own
 * failures are. */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) return thrown;
  if (isErrorBody(thrown)) return new AppError(thrown.code, thrown.message, Array.isArray(thrown.fields) ? thrown.fields : []);
  if (thrown instanceof Error) return new AppError('internal', thrown.message);
  return new AppError('internal', String(thrown));
}

export function unwrap<T>(result: Result<T, ErrorBody>): T {
  if (result.status === 'ok') return result.data;
  throw toAppError(result.error);
}

type Commands = typeof commands;
type OkData<R> = R extends { status: 'ok'; data: infer T }
  ? T
  : R extends { status: 'error' }
    ? never
    : R;
export type Ipc = {
  [K in keyof Commands]: (
    ...args: Parameters<Commands[K]>
  ) => Promise<OkData<Awaited<ReturnType<Commands[K]>>>>;
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

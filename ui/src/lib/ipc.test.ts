import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { AppError, ipc, toAppError } from './ipc';

afterEach(() => clearMocks());

describe('ipc', () => {
  it('returns the data of a successful command, passing its arguments', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'session_get') {
        return { now: '2026-11-22T09:00:00Z', status: { state: 'unavailable', message: 'x' }, overview: null };
      }
      return null;
    });
    const session = await ipc.sessionGet(11);
    expect(session.now).toBe('2026-11-22T09:00:00Z');
    await ipc.notificationsSendTest('Title', 'Body');
    expect(calls).toEqual([
      ['session_get', { moments: 11 }],
      ['notifications_send_test', { summary: 'Title', body: 'Body' }],
    ]);
  });

  it('throws the backend error as an AppError with its code and message', async () => {
    mockIPC(() => {
      throw { code: 'store_unavailable', message: 'Your data could not be opened: damaged' };
    });
    const failure = await ipc.sessionGet(null).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'store_unavailable',
      message: 'Your data could not be opened: damaged',
      fields: [],
    });
  });

  it('keeps the fields a refused save names, so a form can show each at its place', async () => {
    const fields = [{ field: 'languages[0].level', message: '“D1” is not a language level.' }];
    mockIPC(() => {
      throw { code: 'invalid_fields', message: 'Nothing was saved: “D1” is not a language level.', fields };
    });
    const failure = await ipc.profileGet().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'invalid_fields', fields });
  });

  it('gives an argument the bridge refused the typed shape, with its own code', async () => {
    // What Tauri rejects with when an argument does not deserialise, before the command runs.
    const refusal = 'invalid args `id` for command `vacancy_get`: invalid type: string "12", expected u32';
    mockIPC(() => {
      throw refusal;
    });
    const failure = await ipc.vacancyGet(12).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'invalid_argument', message: refusal, fields: [] });
    const missing = 'invalid args `id` for command `vacancy_get`: command vacancy_get missing required key id';
    expect(toAppError(missing)).toMatchObject({ code: 'invalid_argument', message: missing });
  });

  it('reports failures of the bridge itself as internal errors', () => {
    expect(toAppError('command foo not found')).toMatchObject({ code: 'internal', message: 'command foo not found' });
    expect(toAppError(new TypeError('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    const same = new AppError('io', 'disk full');
    expect(toAppError(same)).toBe(same);
  });
});

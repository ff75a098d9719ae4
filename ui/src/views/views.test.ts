import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Vacancies from './Vacancies.svelte';
import Dashboard from './Dashboard.svelte';
import Settings from './Settings.svelte';
import StoreProblem from '../components/StoreProblem.svelte';
import { session } from '../lib/session.svelte';
import type { Overview } from '../lib/bindings';

const empty: Overview = { profileStarted: false, vacancies: 0, openVacancies: 0, applications: 0, documents: 0 };

afterEach(() => {
  clearMocks();
  session.overview = null;
  session.status = null;
  session.keptAs = null;
});

describe('views', () => {
  it('guide a new user with an empty state', () => {
    session.overview = empty;
    render(Vacancies);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No vacancies yet');
    expect(screen.getByRole('link', { name: 'Open Profile' }).getAttribute('href')).toBe('#/profile');
  });

  it('show what is recorded instead of the empty state', () => {
    session.overview = { ...empty, vacancies: 4, openVacancies: 3 };
    render(Vacancies);
    expect(screen.queryByTestId('empty-state')).toBeNull();
    expect(screen.getByTestId('summary').textContent).toBe('You follow 4 vacancies (3 open).');
  });

  it('mark the getting-started steps already done', () => {
    session.overview = { ...empty, profileStarted: true };
    session.now = '2026-11-22T09:00:00Z';
    render(Dashboard);
    expect(screen.getByTestId('step-profile').classList.contains('done')).toBe(true);
    expect(screen.getByTestId('step-vacancies').classList.contains('done')).toBe(false);
  });

  it('render text from the user as text, never as markup', () => {
    session.overview = empty;
    session.status = { state: 'ready', info: { databasePath: '/home/a/<img src=x onerror=alert(1)>.db', schemaVersion: 1 } };
    const { container } = render(Settings);
    expect(screen.getByTestId('database-path').textContent).toBe('/home/a/<img src=x onerror=alert(1)>.db');
    expect(container.querySelector('img')).toBeNull();
  });

  it('show a backend failure as a message', async () => {
    mockIPC(() => {
      throw { code: 'notification_failed', message: 'The notification could not be shown: no server' };
    });
    session.overview = empty;
    render(Settings);
    screen.getByTestId('send-test-notification').click();
    expect((await screen.findByTestId('notify-message')).textContent).toBe(
      'The notification could not be shown: no server',
    );
  });

  it('set a damaged database aside only when asked, and say where it went', async () => {
    const calls: string[] = [];
    const ready = { state: 'ready', info: { databasePath: '/d/dossier.db', schemaVersion: 1 } };
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'store_start_fresh') return { status: ready, keptAs: '/d/dossier.db.damaged-20261122T090000Z' };
      if (cmd === 'store_status') return ready;
      if (cmd === 'overview_get') return empty;
      if (cmd === 'clock_now') return '2026-11-22T09:00:00Z';
      return null;
    });
    const damaged = { state: 'damaged', databasePath: '/d/dossier.db', message: 'not a database' } as const;
    session.status = damaged;
    render(StoreProblem, { status: damaged });
    expect(screen.getByRole('alertdialog').textContent).toContain('/d/dossier.db');
    expect(calls).toEqual([]);

    screen.getByTestId('start-fresh').click();
    expect((await screen.findByTestId('kept-notice')).textContent).toContain('/d/dossier.db.damaged-20261122T090000Z');
    expect(calls[0]).toBe('store_start_fresh');
    await vi.waitFor(() => expect(session.status).toEqual(ready));
  });
});

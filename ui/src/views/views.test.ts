import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { syncClock } from '../lib/clock.svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Vacancies from './Vacancies.svelte';
import Dashboard from './Dashboard.svelte';
import Settings from './Settings.svelte';
import StoreProblem from '../components/StoreProblem.svelte';
import { session } from '../lib/session.svelte';
import type { Overview } from '../lib/bindings';

const empty: Overview = { profileStarted: false, vacancies: 0, openVacancies: 0, applications: 0, documents: 0 };

// What the Dashboard reads when it opens, where a test does not answer otherwise.
function withDashboardDefaults(handler: (cmd: string, args: unknown) => unknown) {
  return (cmd: string, args?: unknown) => {
    const answer = handler(cmd, args);
    if (answer !== null && answer !== undefined) return answer;
    if (cmd === 'preferences_get') return { platformNoteDismissed: false };
    if (cmd === 'backups_status') return { folder: '/d/backups', isDefault: true, last: null, lastOutcome: null };
    if (cmd === 'upcoming_list') return [];
    if (cmd === 'backlog_list') return [];
    return null;
  };
}

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
    expect(screen.getByRole('link', { name: 'Add vacancy' }).getAttribute('href')).toBe('#/vacancies/new');
  });

  it('list what is recorded, soonest first, showing markup from a notice as text', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'vacancy_list') {
        asked.push((args as { query: unknown }).query);
        return {
          total: 1,
          items: [
            {
              id: 7,
              platform: 'talentlink',
              reference: 'INT04606',
              title: '<img src=x onerror=alert(1)>',
              dutyStation: 'Lyon, France',
              contractKind: 'secondment',
              grade: '4',
              isRoster: false,
              status: 'open',
              deadlineUtc: '2026-11-25T22:59:00Z',
              deadlineZone: 'Europe/Paris',
              hasApplication: false,
            },
          ],
        };
      }
      if (cmd === 'vacancy_facets') return { dutyStations: ['Lyon, France'], grades: ['4'] };
      if (cmd === 'preferences_get') return { platformNoteDismissed: true };
      return null;
    });
    session.overview = { ...empty, vacancies: 1, openVacancies: 1 };
    const { container } = render(Vacancies);
    expect(screen.queryByTestId('empty-state')).toBeNull();
    const row = await screen.findByTestId('vacancy-row');
    expect(row.querySelector('a')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('#/vacancies/7');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('vacancy-count').textContent?.trim()).toBe('1 vacancy, soonest deadline first.');
    expect(asked[0]).toMatchObject({ text: null, platform: null, limit: 200 });
  });

  it('mark the getting-started steps already done', () => {
    mockIPC(withDashboardDefaults(() => null));
    session.overview = { ...empty, profileStarted: true };
    session.now = '2026-11-22T09:00:00Z';
    render(Dashboard);
    expect(screen.getByTestId('step-profile').classList.contains('done')).toBe(true);
    expect(screen.getByTestId('step-vacancies').classList.contains('done')).toBe(false);
  });

  it('put the getting-started card away once its three steps are done, for good', async () => {
    const saved: unknown[] = [];
    mockIPC(
      withDashboardDefaults((cmd, args) => {
        if (cmd === 'preferences_get') return { platformNoteDismissed: false, gettingStartedDone: false };
        if (cmd === 'preferences_set') saved.push((args as { preferences: unknown }).preferences);
        if (cmd === 'upcoming_list') return [];
        return null;
      }),
    );
    session.overview = { ...empty, profileStarted: true, vacancies: 1, documents: 2 };
    session.now = '2026-11-22T09:00:00Z';
    render(Dashboard);
    expect(screen.queryByTestId('getting-started')).toBeNull();
    await waitFor(() => expect(saved).toEqual([{ platformNoteDismissed: false, gettingStartedDone: true }]));
  });

  it('keep the getting-started card away once it was put away, even with a step undone', async () => {
    mockIPC(
      withDashboardDefaults((cmd) => {
        if (cmd === 'preferences_get') return { platformNoteDismissed: false, gettingStartedDone: true };
        if (cmd === 'upcoming_list') return [];
        return null;
      }),
    );
    session.overview = { ...empty, profileStarted: true, vacancies: 1, documents: 0 };
    session.now = '2026-11-22T09:00:00Z';
    render(Dashboard);
    await waitFor(() => expect(screen.queryByTestId('getting-started')).toBeNull());
  });

  it('count down on the Dashboard the way the reminders do', async () => {
    // A minute after the 7-day reminder of a deadline at 23:59 in Lyon.
    session.now = '2026-11-17T23:00:00Z';
    syncClock(session.now);
    mockIPC(
      withDashboardDefaults((cmd) => {
        if (cmd === 'upcoming_list')
          return [
            {
              kind: 'deadline',
              subject: 'Criminal Intelligence Officer (1503)',
              dueUtc: '2026-11-24T22:59:00Z',
              zone: 'Europe/Paris',
              dueLocal: '2026-11-24T23:59:00',
              allDay: false,
              overdue: false,
              vacancyId: 1,
              applicationId: null,
              documentId: null,
              interviewId: null,
            },
          ];
        return null;
      }),
    );
    session.overview = { ...empty, vacancies: 1, openVacancies: 1 };
    render(Dashboard);
    expect((await screen.findByTestId('countdown')).textContent).toBe('in 7 days');
  });

  it('sum up long-past moments in one line and settle them only once confirmed', async () => {
    const settled: unknown[] = [];
    let groups = [{ kind: 'unanswered', count: 12 }];
    mockIPC(
      withDashboardDefaults((cmd, args) => {
        if (cmd === 'backlog_list') return groups;
        if (cmd === 'backlog_settle') {
          settled.push(args);
          groups = [];
          return 12;
        }
        return null;
      }),
    );
    session.overview = { ...empty, applications: 12 };
    render(Dashboard);
    const line = await screen.findByTestId('backlog-unanswered');
    expect(line.textContent).toContain('12 applications submitted more than a year ago have had no answer');
    (await screen.findByTestId('backlog-settle')).click();
    expect(settled).toEqual([]);
    (await screen.findByTestId('backlog-confirm')).click();
    await waitFor(() => expect(screen.getByTestId('backlog-done').textContent).toBe('Done: 12 changed.'));
    expect(settled).toEqual([{ kind: 'unanswered', note: 'No answer more than a year after submission.' }]);
  });

  it('say on the Dashboard that the last backup failed, and why', async () => {
    mockIPC(
      withDashboardDefaults((cmd) => {
        if (cmd === 'backups_status')
          return {
            folder: '/media/usb/Dossier backups',
            isDefault: false,
            last: null,
            lastOutcome: { at: '2026-11-22T08:00:00Z', ok: false, errorCode: 'io' },
          };
        return null;
      }),
    );
    session.overview = empty;
    session.now = '2026-11-22T09:00:00Z';
    render(Dashboard);
    const warning = await screen.findByTestId('backup-warning');
    expect(warning.textContent).toContain('The last backup failed');
    expect(warning.textContent).toContain('the backup folder could not be written');
    expect(screen.getByTestId('backup-warning-link').getAttribute('href')).toBe('#/settings');
  });

  it('render text from the user as text, never as markup', () => {
    session.overview = empty;
    session.status = {
      state: 'ready',
      info: { databasePath: '/home/a/<img src=x onerror=alert(1)>.db', schemaVersion: 1 },
    };
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
      if (cmd === 'session_get') return { now: '2026-11-22T09:00:00Z', status: ready, overview: empty };
      if (cmd === 'backups_list') return [];
      // The Dashboard it lands on reads these when it opens.
      if (cmd === 'preferences_get') return { platformNoteDismissed: true };
      if (cmd === 'backups_status') return { folder: '/d/backups', isDefault: true, last: null, lastOutcome: null };
      return null;
    });
    const damaged = { state: 'damaged', databasePath: '/d/dossier.db', message: 'not a database' } as const;
    session.status = damaged;
    render(StoreProblem, { status: damaged });
    expect(screen.getByRole('alertdialog').textContent).toContain('/d/dossier.db');
    // Only the backup folder was read: nothing changes before the user chose.
    await vi.waitFor(() => expect(calls).toEqual(['backups_list']));
    expect(screen.queryByTestId('restore-newest')).toBeNull();
    calls.length = 0;

    screen.getByTestId('start-fresh').click();
    expect((await screen.findByTestId('kept-notice')).textContent).toContain('/d/dossier.db.damaged-20261122T090000Z');
    expect(calls[0]).toBe('store_start_fresh');
    await vi.waitFor(() => expect(session.status).toEqual(ready));
  });

  it('offer the newest backup on the damaged screen, preview it, and restore it', async () => {
    const calls: [string, unknown][] = [];
    const ready = { state: 'ready', info: { databasePath: '/d/dossier.db', schemaVersion: 5 } };
    const backup = (day: string, documents: number) => ({
      id: `202612${day}T090000Z`,
      createdAt: `2026-12-${day}T09:00:00Z`,
      appVersion: '0.1.0',
      schemaVersion: 5,
      vacancies: 3,
      applications: 2,
      documents,
      files: documents,
      bytes: 120_000,
      damaged: [],
    });
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'backups_list') return [backup('02', 1), backup('01', 0)];
      if (cmd === 'backup_preview') return { state: 'ready', summary: backup('02', 1) };
      if (cmd === 'backup_restore') return { status: ready, keptAside: '/d/kept-20261203T090000Z' };
      if (cmd === 'session_get') return { now: '2026-12-03T09:00:00Z', status: ready, overview: empty };
      return null;
    });
    const damaged = { state: 'damaged', databasePath: '/d/dossier.db', message: 'not a database' } as const;
    session.status = damaged;
    render(StoreProblem, { status: damaged });
    const offer = await screen.findByTestId('restore-newest');
    expect(offer.textContent).toContain('Restore the backup of');
    expect(offer.textContent).toMatch(/2 December 2026|December 2, 2026/);
    offer.click();
    expect((await screen.findByTestId('restore-counts')).textContent).toBe('3 vacancies · 2 applications · 1 document');
    expect(calls.map(([cmd]) => cmd)).toEqual(['backups_list', 'backup_preview']);
    expect(calls[1]![1]).toEqual({ id: '20261202T090000Z' });

    screen.getByTestId('confirm-restore').click();
    expect((await screen.findByTestId('restore-result')).textContent).toContain('/d/kept-20261203T090000Z');
    expect(calls.find(([cmd]) => cmd === 'backup_restore')?.[1]).toEqual({ id: '20261202T090000Z' });
    await vi.waitFor(() => expect(session.status).toEqual(ready));
  });

  it('refuse a backup from a newer Dossier, naming both versions', async () => {
    mockIPC((cmd) => {
      if (cmd === 'backup_preview')
        return { state: 'tooNew', id: 'x', backupVersion: 99, runningVersion: 5, runningAppVersion: '0.1.0' };
      return null;
    });
    const { default: RestoreDialog } = await import('../components/backups/RestoreDialog.svelte');
    render(RestoreDialog, {
      open: true,
      backup: {
        id: 'x',
        createdAt: '2026-12-02T09:00:00Z',
        appVersion: '9.0.0',
        schemaVersion: 99,
        vacancies: 0,
        applications: 0,
        documents: 0,
        files: 0,
        bytes: 0,
        damaged: [],
      },
    });
    const refusal = (await screen.findByTestId('restore-refused')).textContent ?? '';
    expect(refusal).toContain('schema version 99');
    expect(refusal).toContain('schema version 5');
    expect(screen.queryByTestId('confirm-restore')).toBeNull();
  });
});

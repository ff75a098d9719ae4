import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import BackupSection from './BackupSection.svelte';
import type { BackupStatus, BackupSummary, LockStatus } from '../../lib/bindings';
import { lockState } from '../../lib/lock.svelte';

function backup(id: string, createdAt: string): BackupSummary {
  return {
    id,
    createdAt,
    appVersion: '0.1.0',
    schemaVersion: 9,
    vacancies: 3,
    applications: 2,
    documents: 1,
    files: 1,
    bytes: 4096,
    damaged: [],
  };
}

// Unmounted first: the section stops listening through the mocked event plugin.
afterEach(() => {
  cleanup();
  clearMocks();
  lockState.status = null;
});

function lockStatus(encrypted: boolean): LockStatus {
  return { encrypted, locked: false, idleMinutes: 15, offerAnswered: true };
}

describe('the backup section', () => {
  it('shows an automatic backup made while it is open, without being reopened', async () => {
    const listed: BackupSummary[] = [backup('20261201T090000Z', '2026-12-01T09:00:00Z')];
    mockIPC(
      (cmd) => {
        if (cmd === 'backups_status')
          return { folder: '/data/backups', isDefault: true, last: listed[0], lastOutcome: null } as BackupStatus;
        if (cmd === 'backups_list') return [...listed];
        return null;
      },
      { shouldMockEvents: true },
    );
    render(BackupSection);
    await waitFor(() => expect(screen.getAllByTestId('backup-item')).toHaveLength(1));

    listed.unshift(backup('20261202T090000Z', '2026-12-02T09:00:00Z'));
    await emit('backups-changed');
    await waitFor(() => expect(screen.getAllByTestId('backup-item')).toHaveLength(2));
  });

  it('sends backups back to the default folder once another was chosen', async () => {
    let isDefault = false;
    const asked: string[] = [];
    mockIPC(
      (cmd) => {
        asked.push(cmd);
        const status = (): BackupStatus => ({
          folder: isDefault ? '/data/backups' : '/media/usb/Dossier',
          isDefault,
          last: null,
          lastOutcome: null,
        });
        if (cmd === 'backups_status') return status();
        if (cmd === 'backups_list') return [];
        if (cmd === 'backup_use_default_folder') {
          isDefault = true;
          return status();
        }
        return null;
      },
      { shouldMockEvents: true },
    );
    render(BackupSection);
    const button = await screen.findByTestId('backup-default-folder');
    await fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('backup-folder').textContent).toBe('/data/backups'));
    expect(asked).toContain('backup_use_default_folder');
    expect(screen.queryByTestId('backup-default-folder')).toBeNull();
    expect(screen.getByTestId('backup-message').textContent).toContain('/data/backups');
  });

  it('reads the folder again when encryption is turned on, so the removed backup is not shown', async () => {
    // Turning encryption on removes the clear backups of Dossier's own folder.
    let listed: BackupSummary[] = [backup('20261201T090000Z', '2026-12-01T09:00:00Z')];
    mockIPC(
      (cmd) => {
        if (cmd === 'backups_status')
          return {
            folder: '/data/backups',
            isDefault: true,
            last: listed[0] ?? null,
            lastOutcome: null,
          } as BackupStatus;
        if (cmd === 'backups_list') return [...listed];
        return null;
      },
      { shouldMockEvents: true },
    );
    lockState.status = lockStatus(false);
    render(BackupSection);
    await waitFor(() => expect(screen.getAllByTestId('backup-item')).toHaveLength(1));
    expect(screen.getByTestId('backup-last').textContent).not.toContain('None yet');
    expect(screen.queryByTestId('backup-encrypted-note')).toBeNull();

    listed = [];
    lockState.status = lockStatus(true);
    await waitFor(() => expect(screen.getByTestId('backup-last').textContent).toContain('None yet'));
    await waitFor(() => expect(screen.queryAllByTestId('backup-item')).toHaveLength(0));
    expect(screen.getByTestId('backup-encrypted-note')).toBeTruthy();
  });
});

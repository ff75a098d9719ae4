import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import BackupSection from './BackupSection.svelte';
import type { BackupStatus, BackupSummary } from '../../lib/bindings';

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
});

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
});

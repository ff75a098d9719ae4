import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ExportSection from './ExportSection.svelte';
import ReportMenu from './ReportMenu.svelte';
import { session } from '../../lib/session.svelte';

afterEach(() => {
  clearMocks();
  session.now = null;
});

describe('export and import', () => {
  it('exports everything as a zip and says what went in', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'export_everything') {
        asked.push(args);
        return {
          path: '/home/c/Dossier export.zip',
          vacancies: 3,
          applications: 2,
          documents: 4,
          files: 3,
          fileBytes: 10,
        };
      }
      return null;
    });
    render(ExportSection);
    await fireEvent.click(screen.getByTestId('export-zip'));
    const message = await screen.findByTestId('export-message');
    expect(message.textContent).toContain('Exported to /home/c/Dossier export.zip: 3 vacancies, 2 applications');
    expect(asked).toEqual([{ format: 'zip' }]);
  });

  it('explains an import refused because this Dossier is not empty', async () => {
    mockIPC((cmd) => {
      if (cmd === 'export_import')
        throw { code: 'import_target_not_empty', message: 'It holds 3 vacancies.', fields: [] };
      return null;
    });
    render(ExportSection);
    await fireEvent.click(screen.getByTestId('export-import'));
    const message = await screen.findByTestId('export-message');
    expect(message.textContent).toContain('can only be imported into an empty Dossier');
    expect(message.textContent).toContain('It holds 3 vacancies.');
    expect(message.classList.contains('error')).toBe(true);
  });
});

describe('the applications report', () => {
  it('passes every word from the catalogue, so the core writes none', async () => {
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'applications_report') {
        asked.push(args as Record<string, unknown>);
        return '/home/c/report.csv';
      }
      return null;
    });
    session.now = '2026-11-22T09:00:00Z';
    render(ReportMenu);
    await fireEvent.click(screen.getByTestId('report-menu'));
    await fireEvent.click(await screen.findByTestId('report-csv'));
    const message = await screen.findByTestId('report-message');
    expect(message.textContent).toBe('Report saved: /home/c/report.csv');
    const [call] = asked;
    expect(call?.format).toBe('csv');
    expect(call?.fileName).toBe('Dossier applications 2026-11-22');
    const words = call?.words as { outcome: string; stages: { stage: string; name: string }[]; platforms: unknown[] };
    expect(words.outcome).toBe('Outcome');
    expect(words.stages).toHaveLength(15);
    expect(words.stages).toContainEqual({ stage: 'no_response', name: 'No response (presumed unsuccessful)' });
    expect(words.platforms).toContainEqual({ platform: 'recruitment_hub', name: 'Recruitment Hub' });
  });
});

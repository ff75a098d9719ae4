import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import VacancyCapture from './VacancyCapture.svelte';

afterEach(() => clearMocks());

describe('capturing a vacancy', () => {
  it('says nothing of a deadline "not found" when typed by hand: there was no notice to read', async () => {
    mockIPC(() => null);
    render(VacancyCapture);
    await fireEvent.click(screen.getByTestId('enter-by-hand'));
    await screen.findByTestId('draft-status');
    expect(screen.queryByTestId('deadline-missing')).toBeNull();
  });

  it('says a deadline was not found when a notice without one was read', async () => {
    mockIPC((cmd) => {
      if (cmd === 'vacancy_capture_text')
        return { draft: { title: 'Criminal Intelligence Officer', deadlineUnreadable: null }, text: 'notice' };
      return null;
    });
    render(VacancyCapture);
    await fireEvent.input(screen.getByTestId('notice-paste'), { target: { value: 'Criminal Intelligence Officer' } });
    await fireEvent.click(screen.getByTestId('read-notice'));
    expect((await screen.findByTestId('deadline-missing')).textContent).toContain('No deadline was found');
  });
});

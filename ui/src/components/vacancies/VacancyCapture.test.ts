import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Announcer from '../Announcer.svelte';
import VacancyCapture from './VacancyCapture.svelte';
import type { NoticeDraft } from '../../lib/bindings';

// Unmounted while the IPC mock is still there: leaving the capture view hands drops back to
// the vault through a channel.
afterEach(() => {
  cleanup();
  clearMocks();
  document.body.innerHTML = '';
});

const draft: NoticeDraft = {
  platform: 'talentlink',
  reference: 'REF-1',
  title: 'Analyst',
  dutyStation: null,
  dutyStationAny: null,
  dutyZone: null,
  contractKind: null,
  isRoster: null,
  grade: null,
  posts: null,
  securityScreening: null,
  durationMonths: null,
  durationText: null,
  publishedOn: null,
  deadline: null,
  deadlineUnreadable: null,
  deadlineWithoutZone: null,
  languages: null,
  minEducation: null,
  minExperienceYears: null,
  noticeUrl: null,
  confidence: {
    platform: null,
    reference: null,
    title: null,
    dutyStation: null,
    contractKind: null,
    grade: null,
    posts: null,
    securityScreening: null,
    duration: null,
    publishedOn: null,
    deadline: null,
  },
};

describe('reading a notice', () => {
  it('lands the focus on the draft’s first field and says so', async () => {
    mockIPC((cmd) => (cmd === 'vacancy_capture_text' ? { draft, text: 'notice' } : null));
    const announcer = render(Announcer);
    const { getByTestId } = render(VacancyCapture);
    const paste = getByTestId('notice-paste') as HTMLTextAreaElement;
    await fireEvent.input(paste, { target: { value: 'notice' } });
    getByTestId('read-notice').focus();
    getByTestId('read-notice').click();
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('platform'));
    const live = announcer.getByTestId('announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(live.textContent).toContain('Notice read.'));
  });

  it('lands the focus on the first field of a form entered by hand', async () => {
    mockIPC(() => null);
    const { getByTestId } = render(VacancyCapture);
    getByTestId('enter-by-hand').click();
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('platform'));
  });
});

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
        return { draft: { ...draft, title: 'Criminal Intelligence Officer' }, text: 'notice' };
      return null;
    });
    render(VacancyCapture);
    await fireEvent.input(screen.getByTestId('notice-paste'), { target: { value: 'Criminal Intelligence Officer' } });
    await fireEvent.click(screen.getByTestId('read-notice'));
    expect((await screen.findByTestId('deadline-missing')).textContent).toContain('No deadline was found');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import VacancyDetail from './VacancyDetail.svelte';
import type { ApplyRoute, ContractKind, Vacancy } from '../../lib/bindings';

function vacancy(contractKind: ContractKind, applyRoute: ApplyRoute): Vacancy {
  return {
    id: 7,
    applyRoute,
    deadlineUtc: null,
    createdUtc: '2026-11-22T09:00:00Z',
    updatedUtc: '2026-11-22T09:00:00Z',
    platform: 'talentlink',
    reference: 'INT04606',
    title: 'Specialized Officer (Cybercrime)',
    dutyStation: 'Singapore',
    dutyZone: 'Asia/Singapore',
    contractKind,
    isRoster: false,
    grade: null,
    posts: null,
    securityScreening: null,
    durationMonths: null,
    durationText: null,
    publishedOn: null,
    deadline: null,
    languages: [],
    minEducation: null,
    minExperienceYears: null,
    noticeUrl: 'https://www.interpol.int/',
    noticeText: null,
    notes: '',
    status: 'open',
  };
}

afterEach(() => clearMocks());

describe('VacancyDetail', () => {
  it('sends a seconded post through the national administration, and keeps the notice on its platform', () => {
    mockIPC(() => null);
    render(VacancyDetail, { vacancy: vacancy('secondment', 'national_administration') });
    const apply = screen.getByTestId('apply-on').textContent ?? '';
    expect(apply).toContain('Apply through your national administration');
    expect(apply).toContain('National Central Bureau (NCB)');
    expect(apply).toContain("administration's written agreement");
    expect(apply).not.toContain('Apply on Talentlink');
    expect(screen.getByTestId('open-notice').textContent).toContain('Open on Talentlink');
  });

  it("links the posting's own copy kept in the vault", async () => {
    mockIPC((cmd) =>
      cmd === 'vacancy_notice_copy'
        ? { id: 12, originalName: 'Cybercrime notice.pdf', title: 'Cybercrime notice', mediaType: 'application/pdf' }
        : null,
    );
    render(VacancyDetail, { vacancy: vacancy('fixed_term', 'platform') });
    const link = await screen.findByTestId('notice-copy-link');
    expect(link.textContent).toContain('Cybercrime notice.pdf');
    expect(link.getAttribute('href')).toContain('12');
  });

  it('sends other posts to the platform that publishes them', () => {
    mockIPC(() => null);
    render(VacancyDetail, { vacancy: vacancy('fixed_term', 'platform') });
    expect(screen.getByTestId('apply-on').textContent).toContain('Apply on Talentlink');
  });
});

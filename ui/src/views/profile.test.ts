import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Profile from './Profile.svelte';
import EligibilityCard from '../components/eligibility/EligibilityCard.svelte';
import type { Assessment, Vacancy } from '../lib/bindings';
import { hasUnsaved } from '../lib/unsaved.svelte';

const countries = {
  countries: [
    { code: 'FR', name: 'France', interpolMember: true },
    { code: 'KP', name: 'North Korea', interpolMember: false },
  ],
  membersAsOf: '2023-11-29',
  membersSource: 'INTERPOL',
};
const languages = { languages: [{ code: 'en', name: 'English' }], source: 'iso-codes' };

function backend(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>]);
    if (cmd in answers) return answers[cmd]!(args as Record<string, unknown>);
    if (cmd === 'profile_countries') return countries;
    if (cmd === 'profile_languages') return languages;
    return null;
  });
  return calls;
}

afterEach(() => clearMocks());

describe('profile editor', () => {
  it('starts from an empty state, and shows each refused field at its place', async () => {
    const calls = backend({
      profile_get: () => null,
      profile_save: () => {
        throw {
          code: 'invalid_fields',
          message: 'Nothing was saved: 2 fields need attention.',
          fields: [
            { field: 'fullName', message: 'Enter your full name.' },
            { field: 'dateOfBirth', message: 'Your date of birth is in the future.' },
          ],
        };
      },
    });
    render(Profile);
    (await screen.findByTestId('start-profile')).click();
    const birth = (await screen.findByLabelText('Date of birth')) as HTMLInputElement;
    await fireEvent.input(birth, { target: { value: '2999-01-01' } });
    // The first language line needs a level before anything is sent.
    const level = screen.getByLabelText('Level') as HTMLSelectElement;
    await fireEvent.change(level, { target: { value: 'C1' } });
    screen.getByTestId('save-profile').click();

    const problems = await screen.findByTestId('profile-problems');
    expect(problems.textContent).toContain('2 fields need attention');
    expect(birth.getAttribute('aria-invalid')).toBe('true');
    // The backend's message comes first, then the field's format hint.
    const described = document.getElementById(birth.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(described?.textContent).toBe('Your date of birth is in the future.');
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true');
    const sent = calls.find(([cmd]) => cmd === 'profile_save')![1].profile as Record<string, unknown>;
    expect(sent).toMatchObject({
      dateOfBirth: '2999-01-01',
      languages: [{ language: '', level: 'C1', certificate: null }],
    });
    expect(screen.getByTestId('profile-status').textContent).not.toContain('Profile saved');
  });

  it('names a nationality that is not a member country beside it', async () => {
    backend({
      profile_get: () => ({
        fullName: 'Kim',
        email: '',
        dateOfBirth: null,
        nationalities: ['KP'],
        countryOfOrigin: null,
        residences: [],
        languages: [],
        lawEnforcement: { serving: null, country: null, agency: null },
        education: [],
        employment: [],
        references: [],
      }),
    });
    render(Profile);
    expect((await screen.findByTestId('membership')).textContent).toBe('Not an INTERPOL member');
    expect((screen.getByLabelText('Nationality 1') as HTMLInputElement).value).toBe('North Korea');
  });
});

describe('profile editor and the unsaved-changes guard', () => {
  const kim = () => ({
    fullName: 'Kim',
    email: '',
    dateOfBirth: null,
    nationalities: ['FR'],
    countryOfOrigin: null,
    residences: [],
    languages: [],
    lawEnforcement: { serving: null, country: null, agency: null },
    education: [],
    employment: [],
    references: [],
  });

  it('is dirty once something is typed, and clean again once saved', async () => {
    backend({ profile_get: kim, profile_save: (args) => args.profile });
    render(Profile);
    const name = (await screen.findByLabelText('Full name')) as HTMLInputElement;
    expect(hasUnsaved()).toBe(false);
    await fireEvent.input(name, { target: { value: 'Kim Lee' } });
    expect(hasUnsaved()).toBe(true);
    screen.getByTestId('save-profile').click();
    await vi.waitFor(() => expect(screen.getByTestId('profile-status').textContent).toContain('Profile saved'));
    expect(hasUnsaved()).toBe(false);
  });

  it('a new profile not typed into has nothing to lose', async () => {
    backend({ profile_get: () => null });
    render(Profile);
    (await screen.findByTestId('start-profile')).click();
    const name = (await screen.findByLabelText('Full name')) as HTMLInputElement;
    expect(hasUnsaved()).toBe(false);
    await fireEvent.input(name, { target: { value: 'Amina' } });
    expect(hasUnsaved()).toBe(true);
  });
});

describe('eligibility card', () => {
  const vacancy = { id: 4, updatedUtc: '2026-11-22T09:00:00Z' } as Vacancy;

  it('shows the verdict, each rule with its reason and source, and where to add a missing fact', async () => {
    const assessment: Assessment = {
      verdict: 'incomplete',
      assessedOn: '2026-11-22',
      rules: [
        {
          rule: 'nationality',
          subject: null,
          status: 'pass',
          reason: { code: 'nationality_member', country: 'FR' },
          missing: null,
          source: [{ code: 'page', page: 'vacancies' }],
        },
        {
          rule: 'age',
          subject: null,
          status: 'unknown',
          reason: { code: 'age_missing', minimum: 18 },
          missing: 'dateOfBirth',
          source: [{ code: 'page', page: 'vacancies' }],
        },
        {
          rule: 'secondment',
          subject: null,
          status: 'not_applicable',
          reason: { code: 'secondment_not_applicable' },
          missing: null,
          source: [{ code: 'wording' }],
        },
      ],
    };
    backend({ eligibility_for_vacancy: () => assessment });
    render(EligibilityCard, { vacancy });
    expect((await screen.findByTestId('eligibility-verdict')).textContent).toBe('Incomplete');
    const rules = screen.getAllByTestId('eligibility-rule');
    expect(rules.map((r) => r.dataset.status)).toEqual(['pass', 'unknown']);
    expect(rules[0]!.textContent).toContain('You are a national of France, a member country of INTERPOL.');
    expect(rules[1]!.textContent).toContain('Add your date of birth: candidates must be at least 18 on the deadline.');
    expect(rules[1]!.textContent).toContain('Source: INTERPOL Careers — Vacancies');
    const link = screen.getByTestId('fill-profile');
    expect(link.getAttribute('href')).toBe('#/profile/dateOfBirth');
    expect(link.textContent?.trim()).toBe('Add your date of birth to your profile');
    expect(screen.getByTestId('eligibility-card').textContent).toContain(
      'Not for this post: Secondment: serving official.',
    );
  });
});

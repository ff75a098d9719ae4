import { describe, expect, it } from 'vitest';
import type { Profile } from './bindings';
import {
  comparable,
  emptyProfileForm,
  fieldAttributes,
  fieldId,
  formFromProfile,
  newRow,
  placeFieldErrors,
  profileChoices,
  profileFromForm,
  type ProfileForm,
} from './profile-form';

const saved: Profile = {
  fullName: 'Amina Diallo',
  email: 'amina@example.org',
  dateOfBirth: '1990-04-23',
  nationalities: ['SN', 'FR'],
  countryOfOrigin: 'SN',
  residences: [
    { country: 'FR', from: '2015-09-01', to: null },
    { country: 'SN', from: '1990-04-23', to: '2015-08-31' },
  ],
  languages: [{ language: 'en', level: 'C1', certificate: 'IELTS 7.5' }],
  lawEnforcement: { serving: true, country: 'FR', agency: 'Police nationale' },
  education: [
    {
      id: 1,
      level: 'master',
      field: 'Criminology',
      institution: 'Lyon 3',
      from: null,
      to: '2015-06-30',
      status: 'completed',
    },
  ],
  employment: [
    {
      id: 2,
      employer: 'Police nationale',
      title: 'Analyst',
      from: '2016-01-04',
      to: null,
      workTime: 'full_time',
      duties: 'Analysed networks.\nBriefed officers.',
    },
  ],
  references: [
    {
      id: 3,
      name: 'Marie Curie',
      contact: 'marie@example.org',
      relation: 'Head of unit',
      workedDirectly: true,
      hierarchical: true,
      familyMember: false,
      interpolStaff: null,
    },
  ],
};

function built(form: ProfileForm) {
  const result = profileFromForm(form);
  if (!('profile' in result)) throw new Error(`not built: ${JSON.stringify(result.failures)}`);
  return result.profile;
}

describe('profile form', () => {
  it('round-trips a saved profile, ids and unanswered questions included', () => {
    const form = formFromProfile(saved);
    expect(form.residences[0]).toMatchObject({ stillThere: true, to: '' });
    expect(form.employment[0]).toMatchObject({ current: true });
    expect(form.serving).toBe('yes');
    expect(form.references[0]).toMatchObject({ workedDirectly: 'yes', familyMember: 'no', interpolStaff: '' });
    expect(built(form)).toEqual(saved);
  });

  it('sends blank optional text as nothing and drops blank nationality lines', () => {
    const form = emptyProfileForm();
    form.fullName = 'Amina';
    form.nationalities = [newRow.nationality(), { ...newRow.nationality(), country: 'KP' }];
    form.languages = [{ ...newRow.language(), language: 'en', level: 'B2', certificate: '  ' }];
    const profile = built(form);
    expect(profile.nationalities).toEqual(['KP']);
    expect(profile.dateOfBirth).toBeNull();
    expect(profile.countryOfOrigin).toBeNull();
    expect(profile.languages).toEqual([{ language: 'en', level: 'B2', certificate: null }]);
    expect(profile.lawEnforcement).toEqual({ serving: null, country: null, agency: null });
  });

  it('keeps no service details for a candidate who says they do not serve', () => {
    const form = formFromProfile(saved);
    form.serving = 'no';
    expect(built(form).lawEnforcement).toEqual({ serving: false, country: null, agency: null });
  });

  it('asks for what a widget left unchosen before sending anything', () => {
    const form = emptyProfileForm();
    form.residences = [{ ...newRow.residence(), country: 'FR' }];
    form.employment = [{ ...newRow.employment(), employer: 'X', title: 'Y', from: '2020-01-01', current: true }];
    form.education = [newRow.education()];
    const result = profileFromForm(form);
    expect('failures' in result && result.failures).toEqual([
      { field: 'languages[0].level', problem: 'chooseLevel' },
      { field: 'residences[0].from', problem: 'startDate' },
      { field: 'residences[0].to', problem: 'endDate' },
      { field: 'education[0].level', problem: 'chooseStudyLevel' },
    ]);
  });

  it('places each backend message at its field, entries and ids at their entry', () => {
    const form = formFromProfile(saved);
    const { at, unplaced } = placeFieldErrors(form, [
      { field: 'dateOfBirth', message: 'Your date of birth is in the future.' },
      { field: 'residences[1].to', message: 'This period ends before it starts.' },
      { field: 'education[0]', message: 'This entry repeats entry 1 of the list.' },
      { field: 'references[0].id', message: 'Reload the profile.' },
      { field: 'residences[7].to', message: 'Somewhere the form does not show.' },
    ]);
    expect(at.get('dateOfBirth')).toEqual(['Your date of birth is in the future.']);
    expect(at.get('residences[1].to')).toEqual(['This period ends before it starts.']);
    expect(at.get('education[0]')).toEqual(['This entry repeats entry 1 of the list.']);
    expect(at.get('references[0]')).toEqual(['Reload the profile.']);
    expect(unplaced).toEqual(['Somewhere the form does not show.']);
  });

  it('maps a nationality error back to its line when blank lines were not sent', () => {
    const form = emptyProfileForm();
    form.nationalities = [
      newRow.nationality(),
      { ...newRow.nationality(), country: 'FR' },
      { ...newRow.nationality(), country: 'FR' },
    ];
    const { at } = placeFieldErrors(form, [
      { field: 'nationalities[1]', message: 'France (FR) is listed twice; keep it once.' },
    ]);
    expect([...at.keys()]).toEqual(['nationalities[2]']);
  });

  it('shows service fields, and so their messages, only for a serving candidate', () => {
    const form = formFromProfile(saved);
    form.serving = 'no';
    const message = { field: 'lawEnforcement.country', message: '“ZZ” is not a country code.' };
    expect(placeFieldErrors(form, [message]).unplaced).toEqual(['“ZZ” is not a country code.']);
    form.serving = 'yes';
    expect(placeFieldErrors(form, [message]).at.get('lawEnforcement.country')).toHaveLength(1);
  });

  it('ties an input to its message by id', () => {
    expect(fieldId('residences[1].to')).toBe('pf-residences-1-to');
    expect(fieldId('nationalities[0]')).toBe('pf-nationalities-0');
    const at = new Map([['email', ['Not an address.']]]);
    expect(fieldAttributes(at, 'email')).toEqual({
      id: 'pf-email',
      'aria-invalid': true,
      'aria-describedby': 'pf-email-error',
    });
    expect(fieldAttributes(at, 'fullName')).toEqual({
      id: 'pf-fullName',
      'aria-invalid': false,
      'aria-describedby': undefined,
    });
  });

  it('tells unsaved changes apart from a fresh copy of the same profile', () => {
    const a = formFromProfile(saved);
    const b = formFromProfile(saved);
    expect(comparable(a)).toBe(comparable(b));
    b.languages[0]!.level = 'C2';
    expect(comparable(a)).not.toBe(comparable(b));
  });

  it('offers languages by name and notes the countries that are not members', () => {
    const choices = profileChoices(
      {
        countries: [
          { code: 'FR', name: 'France', interpolMember: true },
          { code: 'XK', name: 'Kosovo', interpolMember: false },
        ],
        membersAsOf: '2023-11-29',
        membersSource: 'INTERPOL',
      },
      {
        languages: [
          { code: 'en', name: 'English' },
          { code: 'ar', name: 'Arabic' },
          { code: 'fr', name: 'French' },
        ],
        source: 'iso-codes',
      },
      'not a member',
    );
    expect(choices.languages.map((l) => l.label)).toEqual(['Arabic', 'English', 'French']);
    expect(choices.nationalities.map((c) => c.note)).toEqual([undefined, 'not a member']);
    expect(choices.country('xk')?.interpolMember).toBe(false);
  });

  it('names and sorts countries and languages in the UI language', () => {
    const choices = profileChoices(
      {
        countries: [
          { code: 'DE', name: 'Germany', interpolMember: true },
          { code: 'ES', name: 'Spain', interpolMember: true },
          { code: 'FR', name: 'France', interpolMember: true },
        ],
        membersAsOf: '2023-11-29',
        membersSource: 'INTERPOL',
      },
      {
        languages: [
          { code: 'de', name: 'German' },
          { code: 'es', name: 'Spanish' },
          { code: 'fr', name: 'French' },
        ],
        source: 'iso-codes',
      },
      'pas membre',
      'fr',
    );
    expect(choices.countries.map((c) => c.label)).toEqual(['Allemagne', 'Espagne', 'France']);
    expect(choices.languages.map((l) => l.label)).toEqual(['allemand', 'espagnol', 'français']);
    const spanish = profileChoices(
      { countries: [], membersAsOf: '2023-11-29', membersSource: 'INTERPOL' },
      { languages: [{ code: 'ar', name: 'Arabic' }], source: 'iso-codes' },
      'no miembro',
      'es',
    );
    expect(spanish.languages.map((l) => l.label)).toEqual(['árabe']);
  });
});

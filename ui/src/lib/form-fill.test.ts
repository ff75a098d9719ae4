import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from './bindings';
import { blockText, formHref, formParts, parseFormRest, partText, type FormWords } from './form-fill';
import { calendarDay, countryName, languageName, setDates, t } from './i18n.svelte';

const profile: Profile = {
  fullName: 'Amina Diallo',
  email: 'amina@example.org',
  dateOfBirth: '1990-04-23',
  nationalities: ['SN', 'FR'],
  countryOfOrigin: 'SN',
  residences: [{ country: 'FR', from: '2015-09-01', to: null }],
  languages: [
    { language: 'en', level: 'C1', certificate: 'IELTS 7.5' },
    { language: 'fr', level: 'C2', certificate: null },
  ],
  lawEnforcement: { serving: null, country: null, agency: null },
  education: [
    {
      id: 1,
      level: 'master',
      field: 'Criminology',
      institution: 'Lyon 3',
      from: '2013-09-01',
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
    {
      id: 3,
      employer: 'Ministry',
      title: '',
      from: '2015-07-01',
      to: '2015-12-31',
      workTime: 'part_time',
      duties: null,
    },
  ],
  references: [
    {
      id: 4,
      name: 'Jean Martin',
      contact: 'jean@example.org',
      relation: 'Former head of unit',
      workedDirectly: true,
      hierarchical: true,
      familyMember: false,
      interpolStaff: false,
    },
  ],
};

// Dates marked so a test sees they went through the Settings style, not printed raw.
const words: FormWords = { t, date: (d) => `<${d}>`, country: (c) => `country:${c}`, language: (c) => `lang:${c}` };

afterEach(() => setDates('system', 'system'));

describe('the form laid out from the profile', () => {
  const parts = formParts(profile, words);
  const part = (section: string) => parts.find((p) => p.section === section)!;
  const value = (section: string, id: string) =>
    part(section)
      .blocks.flatMap((b) => b.fields)
      .find((f) => f.id === id)?.value;

  it('has the six sections in the order the platforms ask them', () => {
    expect(parts.map((p) => p.section)).toEqual([
      'personal',
      'nationality',
      'education',
      'employment',
      'languages',
      'references',
    ]);
  });

  it('writes dates, countries and languages through the words it is given', () => {
    expect(value('personal', 'personal.dateOfBirth')).toBe('<1990-04-23>');
    expect(value('nationality', 'nationality.1')).toBe('country:FR');
    expect(value('nationality', 'nationality.origin')).toBe('country:SN');
    expect(value('employment', 'employment.2.from')).toBe('<2016-01-04>');
    expect(value('languages', 'language.fr.name')).toBe('lang:fr');
    expect(value('languages', 'language.en.level')).toBe('C1 – Advanced');
  });

  it('says a position held now runs to the present, and names a block without a title', () => {
    expect(value('employment', 'employment.2.to')).toBe('Present');
    expect(value('employment', 'employment.3.to')).toBe('<2015-12-31>');
    expect(part('employment').blocks.map((b) => b.title)).toEqual(['Analyst', 'Position 2']);
    expect(value('employment', 'employment.3.workTime')).toBe('Part time');
  });

  it('names the profile entry of each list block, which is ticked on its own', () => {
    expect(part('employment').blocks.map((b) => b.entryId)).toEqual(profile.employment.map((e) => e.id));
    expect(part('education').blocks.map((b) => b.entryId)).toEqual(profile.education.map((e) => e.id));
    expect(part('references').blocks.map((b) => b.entryId)).toEqual(profile.references.map((r) => r.id));
    // Languages and residences are blocks of their section, not entries ticked one by one.
    expect(part('languages').blocks.every((b) => b.entryId === undefined)).toBe(true);
    expect(part('nationality').blocks.every((b) => b.entryId === undefined)).toBe(true);
  });

  it('writes a name pasted with hidden and doubled spaces with none left over', () => {
    const copied: Profile = {
      ...profile,
      fullName: ' Camille \u00a0Martin \u200b',
      references: [{ ...profile.references[0]!, name: 'Jean\u200b  Martin\t' }],
    };
    const parts = formParts(copied, words);
    const personal = parts.find((p) => p.section === 'personal')!;
    expect(blockText(personal.blocks[0]!).split('\n')[0]).toBe('Full name: Camille Martin');
    const reference = parts.find((p) => p.section === 'references')!.blocks[0]!;
    expect(reference.title).toBe('Jean Martin');
    expect(reference.fields[0]!.value).toBe('Jean Martin');
  });

  it('gives duties their own copy, lines kept, and leaves them empty when none were written', () => {
    expect(value('employment', 'employment.2.duties')).toBe('Analysed networks.\nBriefed officers.');
    expect(value('employment', 'employment.3.duties')).toBe('');
  });

  it('copies a block as one labelled line per field with a value', () => {
    const fr = part('languages').blocks[1]!;
    expect(blockText(fr)).toBe('Language: lang:fr\nLevel: C2 – Proficient');
    expect(blockText(part('references').blocks[0]!)).toBe(
      'Name: Jean Martin\nContact: jean@example.org\nRelation to you: Former head of unit',
    );
  });

  it('copies a section of several blocks with each block under its title', () => {
    expect(partText(part('employment'))).toBe(
      [
        'Analyst',
        'Job title: Analyst',
        'Employer: Police nationale',
        'From: <2016-01-04>',
        'To: Present',
        'Working time: Full time',
        'Duties and responsibilities: Analysed networks.',
        'Briefed officers.',
        '',
        'Position 2',
        'Employer: Ministry',
        'From: <2015-07-01>',
        'To: <2015-12-31>',
        'Working time: Part time',
      ].join('\n'),
    );
    expect(partText(part('personal'))).toBe(
      'Full name: Amina Diallo\nE-mail: amina@example.org\nDate of birth: <1990-04-23>',
    );
  });

  it('leaves a section with nothing recorded empty', () => {
    const bare = formParts({ ...profile, education: [], references: [] }, words);
    expect(bare.find((p) => p.section === 'education')!.blocks).toEqual([]);
    expect(partText(bare.find((p) => p.section === 'references')!)).toBe('');
  });

  it('follows the date style chosen in Settings with the real formatter', () => {
    const real: FormWords = { t, date: calendarDay, country: (c) => countryName(c), language: (c) => languageName(c) };
    setDates('iso', 'system');
    expect(formParts(profile, real)[0]!.blocks[0]!.fields[2]!.value).toBe('1990-04-23');
    setDates('day_month_year', 'system');
    expect(formParts(profile, real)[0]!.blocks[0]!.fields[2]!.value).toBe('23 April 1990');
    expect(formParts(profile, real)[1]!.blocks[0]!.fields[0]!.value).toBe('Senegal');
  });
});

describe('the form view address', () => {
  it('lives under the profile and reads back', () => {
    expect(formHref('talentlink')).toBe('#/profile/form/talentlink');
    expect(formHref('recruitment_hub', 7)).toBe('#/profile/form/recruitment_hub/7');
    expect(parseFormRest(['form', 'talentlink', '7'])).toEqual({ platform: 'talentlink', applicationId: 7 });
    expect(parseFormRest(['form', 'nowhere'])).toEqual({ platform: 'recruitment_hub', applicationId: null });
    expect(parseFormRest(['nationality'])).toBeNull();
    expect(parseFormRest([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { NoticeDraft } from './bindings';
import { deadlinePassed, emptyForm, fieldsToCheck, formFromDraft, inputFromForm } from './vacancy-form';

const nothing: NoticeDraft = {
  platform: null,
  reference: null,
  title: null,
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

describe('vacancy form', () => {
  it('fills what the parser read and leaves the rest empty', () => {
    const form = formFromDraft(
      {
        ...nothing,
        platform: 'recruitment_hub',
        reference: '1503',
        dutyZone: 'Europe/Paris',
        deadline: { date: '2025-11-23', time: null, zone: 'Europe/Paris' },
      },
      'notice',
    );
    expect(form.platform).toBe('recruitment_hub');
    expect(form.reference).toBe('1503');
    expect(form.title).toBe('');
    expect(form.deadlineDate).toBe('2025-11-23');
    expect(form.deadlineTime).toBe('');
    expect(form.deadlineZone).toBe('Europe/Paris');
    expect(form.noticeText).toBe('notice');
  });

  it("gives a deadline with no known zone the candidate's own zone, flagged to check", () => {
    const draft: NoticeDraft = {
      ...nothing,
      dutyStation: "One of INTERPOL's duty stations",
      dutyStationAny: true,
      deadlineWithoutZone: { date: '2026-03-30', time: null },
      confidence: { ...nothing.confidence, dutyStation: 'high', deadline: 'check' },
    };
    const form = formFromDraft(draft, 'notice', 'America/Toronto');
    expect(form.dutyStation).toBe("One of INTERPOL's duty stations");
    expect(form.dutyZone).toBe('');
    expect(form.deadlineDate).toBe('2026-03-30');
    expect(form.deadlineZone).toBe('America/Toronto');
    expect(fieldsToCheck(draft)).toEqual(['deadlineDate', 'deadlineZone']);
  });

  it('marks only the fields read with a check confidence', () => {
    const draft: NoticeDraft = {
      ...nothing,
      title: 'Analyst',
      contractKind: 'secondment',
      durationText: 'up to 3 years',
      confidence: { ...nothing.confidence, title: 'high', contractKind: 'check', duration: 'check' },
    };
    expect(fieldsToCheck(draft)).toEqual(['contractKind', 'durationMonths', 'durationText']);
    expect(fieldsToCheck(nothing)).toEqual([]);
  });

  it('names every missing or malformed field instead of saving', () => {
    const result = inputFromForm({ ...emptyForm(), posts: 'two', deadlineDate: '2026-01-01', deadlineTime: '25:00' });
    expect('problems' in result && result.problems.map((p) => `${p.field}:${p.key}`)).toEqual([
      'platform:required',
      'reference:required',
      'title:required',
      'posts:number',
      'deadlineTime:time',
      'deadlineZone:zone',
    ]);
  });

  it('builds the record with the deadline in the station zone when none is chosen', () => {
    const result = inputFromForm({
      ...emptyForm(),
      platform: 'talentlink',
      reference: ' INT04606 ',
      title: 'Specialized Officer',
      dutyZone: 'Asia/Singapore',
      deadlineDate: '2026-04-10',
      deadlineTime: '23:59',
      posts: '2',
      languages: [{ language: 'en', level: '', wording: 'fluent' }],
    });
    if (!('input' in result)) throw new Error('expected a record');
    expect(result.input.reference).toBe('INT04606');
    expect(result.input.deadline).toEqual({ date: '2026-04-10', time: '23:59:00', zone: 'Asia/Singapore' });
    expect(result.input.posts).toBe(2);
    expect(result.input.languages).toEqual([{ language: 'en', level: null, wording: 'fluent' }]);
    expect(result.input.dutyStation).toBeNull();
  });
});

describe('a deadline already passed', () => {
  const form = (deadlineDate: string, deadlineTime = '', deadlineZone = 'Europe/Paris') => ({
    deadlineDate,
    deadlineTime,
    deadlineZone,
    dutyZone: '',
  });
  // 22:30 UTC on 24 November is 23:30 in Lyon and already 06:30 on the 25th in Singapore.
  const now = Date.parse('2026-11-24T22:30:00Z');

  it('is read in the deadline zone, at the end of the day when no time is given', () => {
    expect(deadlinePassed(form('2026-11-24'), now)).toBe(false);
    expect(deadlinePassed(form('2026-11-24', '23:00'), now)).toBe(true);
    expect(deadlinePassed(form('2026-11-24', '', 'Asia/Singapore'), now)).toBe(true);
    expect(deadlinePassed(form('2026-11-23'), now)).toBe(true);
  });

  it('is not claimed for a form without a date or with an unknown zone', () => {
    expect(deadlinePassed(form(''), now)).toBe(false);
    expect(deadlinePassed(form('2020-01-01', '', 'Mars/Olympus'), now)).toBe(false);
  });
});

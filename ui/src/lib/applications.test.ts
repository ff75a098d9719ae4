import { describe, expect, it } from 'vitest';
import type { UpcomingItem as UpcomingItem } from './bindings';
import { dateInZone, fromBackendTime, nextFor, stepZone, toBackendTime } from './applications';

function item(over: Partial<UpcomingItem>): UpcomingItem {
  return {
    kind: 'deadline',
    subject: 'Officer',
    dueUtc: '2026-11-24T22:59:00Z',
    zone: 'Europe/Paris',
    dueLocal: '2026-11-24T23:59:00',
    allDay: false,
    overdue: false,
    vacancyId: null,
    applicationId: null,
    documentId: null,
    interviewId: null,
    ...over,
  };
}

describe('applications helpers', () => {
  it("takes the application's own most urgent moment, or its vacancy's deadline", () => {
    const items = [
      item({ kind: 'deadline', vacancyId: 9, dueUtc: '2026-11-20T00:00:00Z' }),
      item({ kind: 'deadline', vacancyId: 3, dueUtc: '2026-11-24T22:59:00Z' }),
      item({ kind: 'silence', vacancyId: 3, applicationId: 7, dueUtc: '2027-05-22T09:00:00Z' }),
    ];
    expect(nextFor({ id: 7, vacancyId: 3 }, items)?.dueUtc).toBe('2026-11-24T22:59:00Z');
    expect(nextFor({ id: 7, vacancyId: 3 }, items.slice(2))?.kind).toBe('silence');
    expect(nextFor({ id: 1, vacancyId: 4 }, items)).toBeNull();
    // Another application's moment on the same vacancy is not this one's.
    expect(nextFor({ id: 8, vacancyId: 3 }, items.slice(2))).toBeNull();
  });

  it('gives the calendar day where the candidate is, not in UTC', () => {
    const lateEveningInLima = Date.parse('2026-11-23T03:30:00Z');
    expect(dateInZone(lateEveningInLima, 'America/Lima')).toBe('2026-11-22');
    expect(dateInZone(lateEveningInLima, 'Asia/Singapore')).toBe('2026-11-23');
  });

  it("reads a step's day in the vacancy's zone, else UTC", () => {
    expect(stepZone({ deadlineZone: 'Europe/Paris' })).toBe('Europe/Paris');
    expect(stepZone({ deadlineZone: null })).toBe('UTC');
  });

  it('converts times between the input and the backend', () => {
    expect(toBackendTime('22:00')).toBe('22:00:00');
    expect(toBackendTime('07:30:15')).toBe('07:30:15');
    expect(fromBackendTime('07:30:00')).toBe('07:30');
  });
});

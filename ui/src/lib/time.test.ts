import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDay,
  formatInZone,
  formatMoment,
  formatTime,
  remaining,
  sameDayInZones,
  setDateStyle,
  timeLeft,
} from './time';

describe('remaining', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('counts whole days, hours and minutes, rounding down', () => {
    expect(remaining(now, Date.parse('2026-11-25T13:30:59Z'))).toEqual({ past: false, days: 3, hours: 3, minutes: 30 });
  });

  it('says when the moment has passed', () => {
    expect(remaining(now, Date.parse('2026-11-22T09:59:00Z'))).toEqual({ past: true, days: 0, hours: 0, minutes: 1 });
  });
});

describe('zones', () => {
  it('shows a Lyon deadline in Lyon time and in Singapore time', () => {
    const closes = '2025-11-23T22:59:00Z';
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    expect(formatInZone(closes, 'Europe/Paris', 'en-GB', time)).toBe('23:59');
    expect(formatInZone(closes, 'Asia/Singapore', 'en-GB', time)).toBe('06:59');
    expect(sameDayInZones(closes, 'Europe/Paris', 'Asia/Singapore')).toBe(false);
    expect(sameDayInZones(closes, 'Europe/Paris', 'Europe/Brussels')).toBe(true);
  });

  it('follows summer time in Lyon', () => {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    expect(formatInZone('2026-07-09T21:59:00Z', 'Europe/Paris', 'en-GB', time)).toBe('23:59');
  });
});

describe('timeLeft, the rule the reminders share', () => {
  // 23:59 in Lyon on 24 November; the same cases as `time_left` in the core.
  const at = Date.parse('2026-11-24T22:59:00Z');
  const left = (now: string) => timeLeft(Date.parse(now), at, 'Europe/Paris');

  it('says 7 days a minute after the 7-day reminder, and 3 after the 3-day one', () => {
    expect(left('2026-11-17T22:59:00Z')).toEqual({ kind: 'days', count: 7 });
    expect(left('2026-11-17T23:00:00Z')).toEqual({ kind: 'days', count: 7 });
    expect(left('2026-11-21T23:00:00Z')).toEqual({ kind: 'days', count: 3 });
  });

  it('rounds half a day down', () => {
    expect(left('2026-11-22T10:59:00Z')).toEqual({ kind: 'days', count: 2 });
    expect(left('2026-11-22T10:58:00Z')).toEqual({ kind: 'days', count: 3 });
  });

  it('says tomorrow and today on the last day, on the Lyon calendar', () => {
    expect(left('2026-11-23T22:59:00Z')).toEqual({ kind: 'tomorrow' });
    expect(left('2026-11-23T23:00:00Z')).toEqual({ kind: 'today' });
  });

  it('says hours, then minutes, then nothing once past', () => {
    expect(left('2026-11-24T12:29:00Z')).toEqual({ kind: 'hours', count: 11 });
    expect(left('2026-11-24T22:00:00Z')).toEqual({ kind: 'minutes', count: 59 });
    expect(left('2026-11-24T22:59:00Z')).toBeNull();
  });

  it('never says 1 day for two calendar days away, and counts calendar days for a day', () => {
    const morning = Date.parse('2026-11-25T08:00:00Z');
    expect(timeLeft(Date.parse('2026-11-23T22:30:00Z'), morning, 'Europe/Paris')).toEqual({ kind: 'days', count: 2 });
    const day = Date.parse('2026-12-09T23:00:00Z');
    expect(timeLeft(Date.parse('2026-11-26T08:00:00Z'), day, 'Europe/Paris', true)).toEqual({
      kind: 'days',
      count: 14,
    });
  });
});

describe('one date and time style', () => {
  const at = '2026-12-01T16:59:00Z';
  afterEach(() => setDateStyle('system', 'system'));

  it('never writes a 12-hour time with a leading zero', () => {
    setDateStyle('system', 'h12');
    expect(formatTime('2026-12-01T16:59:00Z', 'UTC', 'en-US')).toBe('4:59 PM');
    setDateStyle('system', 'system');
    expect(formatTime('2026-12-01T05:59:00Z', 'UTC', 'en-US')).toBe('5:59 AM');
    expect(formatTime('2026-12-01T05:59:00Z', 'UTC', 'en-GB')).toBe('05:59');
  });

  it('follows the choice: 24-hour, day-month-year, ISO', () => {
    setDateStyle('day_month_year', 'h24');
    expect(formatMoment(at, 'Europe/Paris', 'en-US')).toBe('1 December 2026, 17:59');
    setDateStyle('iso', 'h24');
    expect(formatDay(at, 'Europe/Paris', 'en-US')).toBe('2026-12-01');
    setDateStyle('system', 'system');
    expect(formatDay(at, 'Europe/Paris', 'en-US')).toBe('December 1, 2026');
    expect(formatDay(at, 'Europe/Paris', 'en-GB', true)).toBe('Tuesday, 1 December 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { formatInZone, remaining, sameDayInZones } from './time';

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

import { describe, expect, it } from 'vitest';
import { parseTimeText } from './time-input';

const time = (value: string) => ({ kind: 'time', value });

describe('parseTimeText', () => {
  it('reads the 24-hour clock with a colon, a dot, an h, or the digits alone', () => {
    expect(parseTimeText('14:30')).toEqual(time('14:30'));
    expect(parseTimeText('1430')).toEqual(time('14:30'));
    expect(parseTimeText('930')).toEqual(time('09:30'));
    expect(parseTimeText('9')).toEqual(time('09:00'));
    expect(parseTimeText('14.30')).toEqual(time('14:30'));
    expect(parseTimeText('14h30')).toEqual(time('14:30'));
    expect(parseTimeText('14 h 30')).toEqual(time('14:30'));
    expect(parseTimeText('14h')).toEqual(time('14:00'));
    expect(parseTimeText(' 00:05 ')).toEqual(time('00:05'));
  });

  it('reads the 12-hour clock in every way it is written', () => {
    expect(parseTimeText('2:30 pm')).toEqual(time('14:30'));
    expect(parseTimeText('2.30pm')).toEqual(time('14:30'));
    expect(parseTimeText('2:30 PM')).toEqual(time('14:30'));
    expect(parseTimeText('2 p.m.')).toEqual(time('14:00'));
    expect(parseTimeText('2:30 p. m.')).toEqual(time('14:30'));
    expect(parseTimeText('12:15 am')).toEqual(time('00:15'));
    expect(parseTimeText('12:15 pm')).toEqual(time('12:15'));
    expect(parseTimeText('9am')).toEqual(time('09:00'));
    // As Intl writes it, with a narrow no-break space.
    expect(parseTimeText('2:30\u202fPM')).toEqual(time('14:30'));
  });

  it('reads Arabic digits and the Arabic morning and evening marks', () => {
    expect(parseTimeText('٢:٣٠ م')).toEqual(time('14:30'));
    expect(parseTimeText('٩:٠٥ ص')).toEqual(time('09:05'));
    expect(parseTimeText('١٤:٣٠')).toEqual(time('14:30'));
  });

  it('says an empty box is empty', () => {
    expect(parseTimeText('')).toEqual({ kind: 'empty' });
    expect(parseTimeText('   ')).toEqual({ kind: 'empty' });
  });

  it('names the impossible hour or minute', () => {
    expect(parseTimeText('25:00')).toEqual({ kind: 'noSuchHour', hour: 25, twelveHour: false });
    expect(parseTimeText('13 pm')).toEqual({ kind: 'noSuchHour', hour: 13, twelveHour: true });
    expect(parseTimeText('0:30 am')).toEqual({ kind: 'noSuchHour', hour: 0, twelveHour: true });
    expect(parseTimeText('14:75')).toEqual({ kind: 'noSuchMinute', minute: 75 });
  });

  it('refuses what is not a time', () => {
    for (const text of ['soon', '14:3', '14:30:00', '12345', '2:30 tomorrow', 'pm']) {
      expect(parseTimeText(text), text).toEqual({ kind: 'unreadable' });
    }
  });
});

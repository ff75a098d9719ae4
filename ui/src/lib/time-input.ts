// What a typed time of day means. Times are typed as text (`14:30`, `1430`, `2:30 pm`,
// `2.30pm`, `14h30`, in Western or Arabic digits) and kept as the `HH:MM` string a native
// `type="time"` field gave. That native field held Tab inside its hour and minute segments and
// wrote the clock its own way, whatever the candidate chose in Settings.

// Arabic keyboards and Arabic locales write Arabic-Indic (٠-٩) or Persian (۰-۹) digits.
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.codePointAt(0)!;
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

export type ParsedTime =
  | { kind: 'empty' }
  | { kind: 'time'; value: string }
  /** Not written as a time at all. */
  | { kind: 'unreadable' }
  | { kind: 'noSuchHour'; hour: number; twelveHour: boolean }
  | { kind: 'noSuchMinute'; minute: number };

// The marks of the 12-hour clock as the four languages write them: AM/PM (a.m., a. m. in
// Spanish) and the Arabic ص (morning) / م (evening).
const MORNING = /^(a\.?\s*m\.?|ص)$/;
const EVENING = /^(p\.?\s*m\.?|م)$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads `text` as a time of day, on the 24-hour clock or with an AM/PM mark. */
export function parseTimeText(text: string): ParsedTime {
  // Intl writes narrow and no-break spaces inside "2:30 PM"; a pasted time may carry them.
  const trimmed = westernDigits(text)
    .replace(/[\u00a0\u202f\u200f\u200e\u061c]/g, ' ')
    .trim()
    .toLowerCase();
  if (trimmed === '') return { kind: 'empty' };
  const marked = /^(.*?[0-9])\s*([^0-9\s][^0-9]*)$/.exec(trimmed);
  let digits = trimmed;
  let half: 'am' | 'pm' | null = null;
  if (marked) {
    const mark = marked[2]!.trim();
    if (MORNING.test(mark)) half = 'am';
    else if (EVENING.test(mark)) half = 'pm';
    // "14h" is French for 14:00; any other trailing word is not a time.
    else if (mark !== 'h') return { kind: 'unreadable' };
    digits = marked[1]!.trim();
  }
  // "14:30", "2.30", "14h30", "14 h 30", "9"; or the digits alone: "1430", "930".
  const split = /^([0-9]{1,2})(?:\s*[:.h]\s*([0-9]{2}))?$/.exec(digits);
  const joined = /^([0-9]{1,2})([0-9]{2})$/.exec(digits);
  const parts = split ?? joined;
  if (!parts) return { kind: 'unreadable' };
  const hour = Number(parts[1]);
  const minute = parts[2] === undefined ? 0 : Number(parts[2]);
  if (half !== null) {
    if (hour < 1 || hour > 12) return { kind: 'noSuchHour', hour, twelveHour: true };
  } else if (hour > 23) {
    return { kind: 'noSuchHour', hour, twelveHour: false };
  }
  if (minute > 59) return { kind: 'noSuchMinute', minute };
  const hour24 = half === null ? hour : (hour % 12) + (half === 'pm' ? 12 : 0);
  return { kind: 'time', value: `${pad(hour24)}:${pad(minute)}` };
}

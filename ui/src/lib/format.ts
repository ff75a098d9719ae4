// Numbers, file sizes and the names of countries and languages in the window's language, from
// the webview's own CLDR data (`Intl`): nothing here is typed by hand per language.

/** "1 234,5" in French, "١٬٢٣٤٫٥" in Arabic. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

const SIZE_UNITS = [
  [1, 'byte'],
  [1_000, 'kilobyte'],
  [1_000_000, 'megabyte'],
  [1_000_000_000, 'gigabyte'],
] as const;

/** "999 bytes", "12 kB", "1,5 Mo", "٣٫٢ ميغابايت": decimal units, one decimal below ten. */
export function formatFileSize(bytes: number, locale: string): string {
  const [scale, unit] = [...SIZE_UNITS].reverse().find(([from]) => bytes >= from) ?? SIZE_UNITS[0];
  const value = bytes / scale;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    // CLDR's short byte is "byte" in English; the long form reads "999 bytes", "999 octets".
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' || value >= 10 ? 0 : 1,
  }).format(value);
}

// Built once per kind and language: building one per name made every list of countries (the
// Profile's three, each document's) pay for hundreds of them.
const namers = new Map<string, Intl.DisplayNames>();

function displayName(type: 'region' | 'language', code: string, locale: string): string | undefined {
  try {
    const key = `${type} ${locale}`;
    let namer = namers.get(key);
    if (!namer) namers.set(key, (namer = new Intl.DisplayNames([locale], { type, fallback: 'none' })));
    const name = namer.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined; // a code `Intl` refuses (not well-formed) keeps the backend's name
  }
}

/** A country's name in `locale` from its ISO 3166 code (`XK` included), or `fallback`. */
export function regionName(code: string, locale: string, fallback: string): string {
  return displayName('region', code.toUpperCase(), locale) ?? fallback;
}

/** A language's name in `locale` from its ISO 639-1 code, or `fallback`. */
export function languageName(code: string, locale: string, fallback: string): string {
  return displayName('language', code.toLowerCase(), locale) ?? fallback;
}

// The characters names lose, as the core's `hidden_chars::is_hidden` has them: controls,
// bidirectional marks, zero-width and other invisible format characters. The zero-width joiner
// and non-joiner stay: Persian and the Indic scripts spell words with them.
const HIDDEN_RANGES: readonly [number, number][] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x180e, 0x180e],
  [0x200b, 0x200b],
  [0x200e, 0x200f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0xe0000, 0xe007f],
];

function isHidden(code: number): boolean {
  return HIDDEN_RANGES.some(([from, to]) => code >= from && code <= to);
}

/** A person's name as it is written for others to read (the form view's copy lines): hidden
 * characters gone, tabs and line breaks read as spaces, the words joined by one space with none
 * before or after. `trim` alone leaves "Camille Martin \u200b", which reads "Camille Martin ."
 * before a full stop. The core's `profile::person_name` does the same for what Rust writes. */
export function personName(raw: string): string {
  const visible = Array.from(raw, (char) => {
    const code = char.codePointAt(0)!;
    if (/\s/.test(char)) return ' ';
    return isHidden(code) ? '' : char;
  }).join('');
  return visible
    .split(' ')
    .filter((word) => word !== '')
    .join(' ');
}

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

function displayName(type: 'region' | 'language', code: string, locale: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([locale], { type, fallback: 'none' }).of(code);
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

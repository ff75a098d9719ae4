// The four catalogues say the same things: a key missing, extra or unused, a placeholder that
// differs from English, a plural without the language's own forms, or an English word left
// behind fails here, before a candidate meets it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLanguage, loadCatalogue } from './i18n.svelte';

/** The languages whose catalogues must be complete. Arabic joins when its files are merged
 * (flip it here then: every language with files must be in this list). */
export const REQUIRED_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
/** Every language Dossier may ever speak (`DisplayLanguage`); files for another fail. */
const KNOWN_LANGUAGES = ['en', 'fr', 'es', 'ar'];

const LOCALES = join(__dirname, '../locales');
const SRC = join(__dirname, '..');

type Leaves = Map<string, string>;

function leaves(node: unknown, path = '', into: Leaves = new Map()): Leaves {
  if (typeof node === 'string') into.set(path, node);
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, into);
  else into.set(path, String(node));
  return into;
}

const files = readdirSync(LOCALES).filter((f) => f.endsWith('.json'));
const byLanguage = new Map<string, Map<string, Leaves>>();
for (const file of files) {
  const lang = fileLanguage(file);
  const area = file.slice(lang.length + 1);
  const areas = byLanguage.get(lang) ?? new Map<string, Leaves>();
  areas.set(area, leaves(JSON.parse(readFileSync(join(LOCALES, file), 'utf8'))));
  byLanguage.set(lang, areas);
}
const english = byLanguage.get('en')!;
const englishKeys: Leaves = new Map([...english.values()].flatMap((area) => [...area]));

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** English plural keys, by their base (`vacancies.total` for `vacancies.total_one`). */
const pluralBases = new Set([...englishKeys.keys()].filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -6)));
const baseOf = (key: string) =>
  PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, '')) ? key.replace(PLURAL, '') : key;

/** The keys a language's area must have: English's, with each plural in the language's forms. */
function expectedKeys(lang: string, area: Leaves): Set<string> {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of area.keys()) {
    const base = baseOf(key);
    if (base === key) keys.add(key);
    else for (const category of categories) keys.add(`${base}_${category}`);
  }
  return keys;
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}|\$t\(([^)]*)\)/g)].map((m) => m[1] ?? `$t(${m[2]})`).sort();
}

// Words that are the same in every language: names, codes and units.
const SAME_EVERYWHERE = [
  'Dossier',
  'Talentlink',
  'Recruitment Hub',
  'INTERPOL',
  'Lyon',
  'PDF',
  'ZIP',
  'CSV',
  'JSON',
  'ICS',
  'HTML',
  'URL',
  'CEFR',
  'ISO',
  'A1',
  'A2',
  'B1',
  'B2',
  'C1',
  'C2',
  'GB',
  'MB',
  'kB',
  'B',
  'h',
  'min',
  'CV',
  'SHA-256',
  'Ctrl',
  'Shift',
  'Alt',
  'Esc',
  'Enter',
  'Tab',
];
/** Whether a value carries no word of English of its own: only names, codes, units,
 * placeholders, digits and punctuation. */
function sameEverywhere(value: string): boolean {
  let rest = value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ');
  for (const word of [...SAME_EVERYWHERE].sort((a, b) => b.length - a.length))
    rest = rest.replace(
      new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}])`, 'gu'),
      '$1',
    );
  return !/\p{L}/u.test(rest);
}
/** Keys whose translation is rightly written as in English (a true cognate), per language. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: [
    'upload.pages_one',
    'upload.pages_other',
    'datePattern.month',
    'applicationsView.date',
    'interviews.date',
    'interviews.minutes_one',
    'interviews.minutes_other',
    'nav.documents',
    'documents.title',
    'dashboard.documentCount_one',
    'dashboard.documentCount_other',
    'vault.total_one',
    'vault.total_other',
    'vacancies.gradeValue',
    'vacancy.grade',
    'settings.notificationsTitle',
    'settings.dateStyle',
    'shortcuts.groupNavigation',
    'vault.type',
    'vault.versions',
    'documentForm.notes',
  ],
  es: ['countdown.daysHours', 'profileForm.answer.no', 'datePattern.day', 'datePattern.month'],
  ar: [],
};

describe('catalogues', () => {
  it('has files only for Dossier’s languages, and every required one', () => {
    for (const lang of byLanguage.keys()) expect(KNOWN_LANGUAGES, `files for ${lang}`).toContain(lang);
    for (const lang of REQUIRED_LANGUAGES) expect(byLanguage.has(lang), `files for ${lang}`).toBe(true);
  });

  it('keeps each top-level key in one area file only', () => {
    for (const [lang, areas] of byLanguage) {
      const tops = [...areas.values()].flatMap((area) => [...new Set([...area.keys()].map((k) => k.split('.')[0]))]);
      expect(tops.length, lang).toBe(new Set(tops).size);
    }
  });

  it('has a non-empty text for every key', () => {
    for (const [lang, areas] of byLanguage)
      for (const [area, keys] of areas)
        for (const [key, value] of keys) expect(value.trim(), `${lang}.${area} ${key}`).not.toBe('');
  });

  for (const lang of REQUIRED_LANGUAGES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const areas = byLanguage.get(lang) ?? new Map<string, Leaves>();

      it('has the same area files as English', () => {
        expect([...areas.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('has every English key, no other, and plurals in its own forms', () => {
        for (const [area, englishArea] of english) {
          const want = [...expectedKeys(lang, englishArea)].sort();
          const have = [...(areas.get(area)?.keys() ?? [])].sort();
          expect(
            have.filter((k) => !want.includes(k)),
            `${lang}.${area}: keys English does not have`,
          ).toEqual([]);
          expect(
            want.filter((k) => !have.includes(k)),
            `${lang}.${area}: keys missing`,
          ).toEqual([]);
        }
      });

      it('keeps the placeholders of English', () => {
        for (const [area, keys] of areas)
          for (const [key, value] of keys) {
            const base = baseOf(key);
            if (base === key) {
              const source = english.get(area)?.get(key);
              if (source !== undefined)
                expect(placeholders(value), `${lang}.${area} ${key}`).toEqual(placeholders(source));
            } else {
              // A plural form may leave the count unsaid ("un seul", "لا شيء"); nothing else.
              const source = english.get(area)?.get(`${base}_other`) ?? '';
              const others = (v: string) => placeholders(v).filter((p) => p !== 'count');
              expect(others(value), `${lang}.${area} ${key}`).toEqual(others(source));
            }
          }
      });

      it('leaves no English behind', () => {
        const left: string[] = [];
        for (const [area, keys] of areas)
          for (const [key, value] of keys) {
            const source = english.get(area)?.get(key);
            if (source === value && !sameEverywhere(value) && !SAME_AS_ENGLISH[lang]?.includes(key))
              left.push(`${key}: ${value}`);
          }
        expect(left).toEqual([]);
      });

      it('loads as one catalogue with every English key', async () => {
        const catalogue = leaves(await loadCatalogue(lang));
        for (const key of englishKeys.keys())
          if (baseOf(key) === key) expect(catalogue.has(key), `${lang} ${key}`).toBe(true);
      });
    });
  }

  it('has plural forms exactly as English counts them', () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const base of pluralBases)
      for (const category of categories)
        expect(englishKeys.has(`${base}_${category}`), `en ${base}_${category}`).toBe(true);
  });

  it('types every English area file (`i18n.svelte.ts`)', () => {
    const loader = readFileSync(join(SRC, 'lib/i18n.svelte.ts'), 'utf8');
    for (const area of english.keys()) expect(loader, area).toContain(`'../locales/en.${area}'`);
  });

  it('uses every English key', () => {
    const used = usedKeys();
    const unused = [...englishKeys.keys()].filter((key) => !used(baseOf(key)));
    expect(unused).toEqual([]);
  });
});

/** Keys the UI builds at run time outside a `t(\`...\`)` template (which the scan reads by
 * itself): each pattern names the keys one piece of code may ask for. */
const DYNAMIC_KEYS: RegExp[] = [];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' || name === 'test' ? [] : sources(path);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'bindings.ts' ? [path] : [];
  });
}

/** Whether the UI's code asks for a key: a string literal equal to it anywhere, or a template
 * such as `settings.hourStyles.${style}` that yields it. */
function usedKeys(): (key: string) => boolean {
  const literals = new Set<string>();
  const templates: RegExp[] = [...DYNAMIC_KEYS];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(['"])([A-Za-z][\w]*(?:\.[\w]+)+)\1/g)) literals.add(m[2]!);
    for (const m of text.matchAll(/`([A-Za-z][\w.]*(?:\$\{[^}`]*\}[\w.]*)+)`/g)) {
      const pattern = m[1]!.split(/\$\{[^}`]*\}/).map((part) => part.replace(/\./g, '\\.'));
      templates.push(new RegExp(`^${pattern.join('[\\w]+')}$`));
    }
  }
  return (key) => literals.has(key) || templates.some((pattern) => pattern.test(key));
}

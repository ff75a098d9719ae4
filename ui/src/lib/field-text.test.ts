import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { FieldProblem } from './bindings';
import en from '../locales/en.fields.json';
import fr from '../locales/fr.fields.json';
import es from '../locales/es.fields.json';
import ar from '../locales/ar.fields.json';
import { FIELD_PROBLEM_CODES, fieldErrorText } from './field-text';
import { CHECKS } from './field-checks.samples';
import { REFUSALS } from './refusals.samples';
import { setLocale } from './i18n.svelte';

function leaves(node: unknown, path = ''): Array<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return [[path, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// One of each problem the core can send, with its values.
const samples: FieldProblem[] = [
  { code: 'missing' },
  { code: 'not_a_choice', found: 'dropped', choices: 'completed, enrolled' },
  { code: 'not_a_language_level', found: 'D1', choices: 'A1, A2, B1, B2, C1, C2' },
  { code: 'invalid_date' },
  { code: 'unreadable', detail: 'expected value' },
  ...(
    ['full_name', 'study_field', 'institution', 'employer', 'job_title', 'reference_name', 'reference_contact'] as const
  ).map((what): FieldProblem => ({ code: 'required', what })),
  { code: 'too_long', max: 200, count: 301 },
  { code: 'not_an_email', value: 'amina' },
  { code: 'birth_in_future' },
  { code: 'birth_year_unlikely', date: '1850-04-23' },
  { code: 'country_missing' },
  { code: 'not_a_country_code', value: 'ZZ' },
  { code: 'nationality_twice', country: 'FR' },
  { code: 'language_missing' },
  { code: 'not_a_language_code', value: 'xx1' },
  { code: 'language_twice', language: 'fr' },
  { code: 'period_starts_in_future' },
  { code: 'period_starts_before_birth', birth: '1990-04-23' },
  { code: 'period_ends_before_start', from: '2020-05-01', to: '2019-01-31' },
  { code: 'completed_studies_end_in_future', to: '2027-06-30' },
  { code: 'repeated_entry', first: 1 },
  { code: 'repeated_id' },
  { code: 'unknown_entry' },
  ...CHECKS,
  ...REFUSALS,
];

describe('field problems worded from the catalogue', () => {
  it('has a sample of every code the core sends', () => {
    const sampled = new Set(samples.map((s) => s.code));
    for (const code of FIELD_PROBLEM_CODES.filter((c) => c !== 'untranslated')) expect(sampled, code).toContain(code);
  });

  it('renders every problem in English with its values and no gap', () => {
    for (const problem of samples) {
      const text = fieldErrorText({ message: 'fallback', problem });
      expect(text, problem.code).not.toMatch(/\{\{|fallback|fieldProblem/);
    }
    expect(fieldErrorText({ message: '', problem: { code: 'too_long', max: 200, count: 301 } })).toBe(
      'Keep this to at most 200 characters (it has 301).',
    );
    expect(fieldErrorText({ message: '', problem: { code: 'nationality_twice', country: 'FR' } })).toBe(
      'France is listed twice; keep it once.',
    );
    expect(
      fieldErrorText({
        message: '',
        problem: { code: 'period_ends_before_start', from: '2020-05-01', to: '2019-01-31' },
      }),
    ).toMatch(/2019.*2020/);
    expect(fieldErrorText({ message: '', problem: { code: 'required', what: 'full_name' } })).toBe(
      'Enter your full name.',
    );
  });

  it('shows the core sentence of an untranslated problem, or of an error without a problem', () => {
    expect(fieldErrorText({ message: 'Kind: not a kind', problem: { code: 'untranslated' } })).toBe('Kind: not a kind');
    expect(fieldErrorText({ message: 'Made by the form.' })).toBe('Made by the form.');
  });

  it('keeps the same entries and placeholders in French, Spanish and Arabic', () => {
    const english = new Map(leaves(en));
    for (const [language, catalogue] of [
      ['fr', fr],
      ['es', es],
      ['ar', ar],
    ] as const) {
      const other = new Map(leaves(catalogue));
      expect([...other.keys()].sort(), language).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect(placeholders(other.get(key) as string), `${language} ${key}`).toEqual(placeholders(text as string));
        expect(other.get(key), `${language} ${key}`).not.toBe(text);
      }
    }
  });

  it('renders a problem in French once French is chosen', async () => {
    i18next.addResourceBundle('fr', 'translation', fr, true, true);
    await setLocale('fr' as never);
    try {
      expect(fieldErrorText({ message: '', problem: { code: 'too_long', max: 200, count: 301 } })).toBe(
        'Limitez ce texte à 200 caractères au plus (il en compte 301).',
      );
      expect(fieldErrorText({ message: '', problem: { code: 'nationality_twice', country: 'DE' } })).toBe(
        'Allemagne figure deux fois ; supprimez le doublon.',
      );
    } finally {
      await setLocale('en');
    }
  });
});

// Words a field's problem from the catalogue (`fieldProblem.<code>`): the core sends a code and
// its values (dates as `YYYY-MM-DD`, countries and languages as codes), written here in the
// candidate's language. `untranslated` problems, and bodies without a problem, keep the core's
// English `message`.
import type { FieldError, FieldProblem, Stage } from './bindings';
import { isolated } from './isolate';
import { calendarDay, locale, t, type MessageKey } from './i18n.svelte';

// One key per code; `satisfies` makes `npm run check` fail when the core gains a code the
// catalogue does not word (or the key is missing from the English file).
const KEYS = {
  missing: 'fieldProblem.missing',
  not_a_choice: 'fieldProblem.not_a_choice',
  not_a_language_level: 'fieldProblem.not_a_language_level',
  invalid_date: 'fieldProblem.invalid_date',
  unreadable: 'fieldProblem.unreadable',
  required: null,
  too_long: 'fieldProblem.too_long',
  not_an_email: 'fieldProblem.not_an_email',
  birth_in_future: 'fieldProblem.birth_in_future',
  birth_year_unlikely: 'fieldProblem.birth_year_unlikely',
  country_missing: 'fieldProblem.country_missing',
  not_a_country_code: 'fieldProblem.not_a_country_code',
  nationality_twice: 'fieldProblem.nationality_twice',
  language_missing: 'fieldProblem.language_missing',
  not_a_language_code: 'fieldProblem.not_a_language_code',
  language_twice: 'fieldProblem.language_twice',
  period_starts_in_future: 'fieldProblem.period_starts_in_future',
  period_starts_before_birth: 'fieldProblem.period_starts_before_birth',
  period_ends_before_start: 'fieldProblem.period_ends_before_start',
  completed_studies_end_in_future: 'fieldProblem.completed_studies_end_in_future',
  repeated_entry: 'fieldProblem.repeated_entry',
  repeated_id: 'fieldProblem.repeated_id',
  unknown_entry: 'fieldProblem.unknown_entry',
  step_in_future: 'fieldCheck.step_in_future',
  step_before_last: 'fieldCheck.step_before_last',
  first_step_not_allowed: 'fieldCheck.first_step_not_allowed',
  application_exists: 'fieldCheck.application_exists',
  stage_not_allowed: null,
  first_step_undo: 'fieldCheck.first_step_undo',
  interview_not_submitted: 'fieldCheck.interview_not_submitted',
  interview_before_submission: 'fieldCheck.interview_before_submission',
  interview_duration: 'fieldCheck.interview_duration',
  issued_in_future: 'fieldCheck.issued_in_future',
  expires_before_issue: 'fieldCheck.expires_before_issue',
  title_missing: 'fieldCheck.title_missing',
  empty: 'fieldCheck.empty',
  unknown_time_zone: 'fieldCheck.unknown_time_zone',
  untranslated: null,
} as const satisfies Record<FieldProblem['code'], MessageKey | null>;

/** A field error from the backend, or one the form makes itself (already worded, no code). */
export type FieldComplaint = Pick<FieldError, 'field' | 'message'> & { problem?: FieldProblem };

export const FIELD_PROBLEM_CODES = Object.keys(KEYS) as FieldProblem['code'][];

function displayName(code: string, type: 'language' | 'region'): string {
  try {
    return new Intl.DisplayNames([locale()], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A stage code (`test_or_assessment`) as the board names it. */
function stageName(code: string): string {
  return t(`stage.${code as Stage}`);
}

/** Why the stage table refuses a move, with the stages that may follow a closing one. */
function stageRefusal(problem: Extract<FieldProblem, { code: 'stage_not_allowed' }>): string {
  const then = problem.then ? problem.then.split(',') : [];
  const named = { from: stageName(problem.from), to: stageName(problem.to) };
  if (problem.why === 'closed' && then.length > 0) {
    const list = new Intl.ListFormat(locale(), { type: 'disjunction' });
    return t('fieldCheck.stage.closed_then', {
      ...named,
      then: list.format(then.map((s) => t('fieldCheck.stage.quoted', { stage: stageName(s) }))),
    });
  }
  return t(`fieldCheck.stage.${problem.why}`, named);
}

/** The values a problem's sentence shows, written for the candidate's language. */
function values(problem: FieldProblem): Record<string, string | number> {
  switch (problem.code) {
    case 'too_long':
      // Not `count`: i18next would take it for a plural.
      return { max: problem.max, length: problem.count };
    case 'birth_year_unlikely':
      return { date: calendarDay(problem.date) };
    case 'period_starts_before_birth':
      return { birth: calendarDay(problem.birth) };
    case 'period_ends_before_start':
      return { from: calendarDay(problem.from), to: calendarDay(problem.to) };
    case 'completed_studies_end_in_future':
      return { to: calendarDay(problem.to) };
    case 'nationality_twice':
      return { country: displayName(problem.country, 'region') };
    case 'language_twice':
      return { language: displayName(problem.language, 'language') };
    case 'step_in_future':
    case 'issued_in_future':
      return { date: calendarDay(problem.date) };
    case 'step_before_last':
      return { date: calendarDay(problem.date), stage: stageName(problem.stage), last: calendarDay(problem.last) };
    case 'first_step_not_allowed':
    case 'interview_not_submitted':
      return { stage: stageName(problem.stage) };
    case 'interview_before_submission':
      return { date: calendarDay(problem.date), submitted: calendarDay(problem.submitted) };
    case 'expires_before_issue':
      return { expires: calendarDay(problem.expires), issued: calendarDay(problem.issued) };
    case 'unknown_time_zone':
      return { zone: isolated(problem.zone) };
    default:
      // The other codes' values are shown as the core sent them (a typed value, a code).
      return Object.fromEntries(Object.entries(problem).filter(([name]) => name !== 'code')) as Record<
        string,
        string | number
      >;
  }
}

export function fieldErrorText(error: Pick<FieldError, 'message'> & { problem?: FieldProblem }): string {
  const problem = error.problem;
  if (!problem) return error.message;
  if (problem.code === 'required') return t(`fieldProblem.required.${problem.what}` as MessageKey);
  if (problem.code === 'stage_not_allowed') return stageRefusal(problem);
  const key = KEYS[problem.code];
  return key ? t(key, values(problem)) : error.message;
}

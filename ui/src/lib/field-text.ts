// Words a field's problem from the catalogue (`fieldProblem.<code>`): the core sends a code and
// its values (dates as `YYYY-MM-DD`, countries and languages as codes), written here in the
// candidate's language. `untranslated` problems, and bodies without a problem, keep the core's
// English `message`.
import type { FieldError, FieldProblem, Stage } from './bindings';
import { isolated } from './isolate';
import { calendarDay, fileSize, locale, t, type MessageKey } from './i18n.svelte';

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
  stored_damaged: 'refusal.stored_damaged',
  not_storable: 'refusal.not_storable',
  wording_missing: 'refusal.wording_missing',
  wording_twice: 'refusal.wording_twice',
  quiet_hours_empty: 'refusal.quiet_hours_empty',
  notice_too_long: 'refusal.notice_too_long',
  notes_too_long: 'refusal.notes_too_long',
  nothing_pasted: 'refusal.nothing_pasted',
  not_a_notice: 'refusal.not_a_notice',
  not_text_or_html: 'refusal.not_text_or_html',
  address_hidden_characters: 'refusal.address_hidden_characters',
  address_has_space: 'refusal.address_has_space',
  address_not_web: 'refusal.address_not_web',
  address_incomplete: 'refusal.address_incomplete',
  address_user_info: 'refusal.address_user_info',
  no_notice_address: 'refusal.no_notice_address',
  vacancy_has_application: 'refusal.vacancy_has_application',
  no_such_page: 'refusal.no_such_page',
  time_skipped_in_zone: 'refusal.time_skipped_in_zone',
  out_of_entry_numbers: 'refusal.out_of_entry_numbers',
  replaces_itself: 'refusal.replaces_itself',
  already_replaced: 'refusal.already_replaced',
  replaces_newer_version: 'refusal.replaces_newer_version',
  proves_unsaved_entry: 'refusal.proves_unsaved_entry',
  cannot_prove: 'refusal.cannot_prove',
  document_attached: 'refusal.document_attached',
  stored_file_changed: 'refusal.stored_file_changed',
  not_an_offered_limit: 'refusal.not_an_offered_limit',
  talentlink_only: 'refusal.talentlink_only',
  saved_copy_as_sent: 'refusal.saved_copy_as_sent',
  not_a_saved_copy: 'refusal.not_a_saved_copy',
  inside_data_folder: 'refusal.inside_data_folder',
  inside_vault: 'refusal.inside_vault',
  own_database: 'refusal.own_database',
  folder_missing: 'refusal.folder_missing',
  is_a_folder: 'refusal.is_a_folder',
  is_a_file: 'refusal.is_a_file',
  not_a_file_name: 'refusal.not_a_file_name',
  not_writable: 'refusal.not_writable',
  not_an_earlier_pack: 'refusal.not_an_earlier_pack',
  restore_journal_unreadable: 'refusal.restore_journal_unreadable',
  restore_journal_strange: 'refusal.restore_journal_strange',
  database_not_damaged: 'refusal.database_not_damaged',
  export_running: 'refusal.export_running',
  file_empty: 'refusal.file_empty',
  file_too_large: 'refusal.file_too_large',
  file_type_not_kept: 'refusal.file_type_not_kept',
  file_is_folder: 'refusal.file_is_folder',
  file_not_ordinary: 'refusal.file_not_ordinary',
  picture_format_not_kept: 'refusal.picture_format_not_kept',
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

/** A document kind code (`proof_of_employment`) as the vault names it. */
function kindName(code: string): string {
  return t(`documentKind.${code}` as MessageKey);
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
    // Paths, names and addresses keep their own direction inside an Arabic sentence.
    case 'inside_data_folder':
    case 'inside_vault':
    case 'own_database':
    case 'folder_missing':
    case 'is_a_folder':
    case 'is_a_file':
    case 'not_a_file_name':
    case 'not_writable':
    case 'not_an_earlier_pack':
    case 'restore_journal_unreadable':
      return { path: isolated(problem.path) };
    case 'not_text_or_html':
    case 'file_empty':
    case 'file_is_folder':
    case 'file_not_ordinary':
      return { name: isolated(problem.name) };
    case 'file_too_large':
      return {
        name: isolated(problem.name),
        size: fileSize(problem.size_kib * 1024),
        max: fileSize(problem.max_kib * 1024),
      };
    case 'file_type_not_kept':
      return { name: isolated(problem.name), found: t(`refusal.found.${problem.found}`) };
    case 'picture_format_not_kept':
      return { name: isolated(problem.name), format: isolated(problem.format) };
    case 'address_user_info':
      return { host: isolated(problem.host) };
    case 'stored_damaged':
      return { detail: isolated(problem.detail) };
    case 'restore_journal_strange':
      return { aside: isolated(problem.aside) };
    case 'wording_twice':
      return { wording: isolated(problem.wording) };
    case 'already_replaced':
      return { title: isolated(problem.title), older: problem.older, by: problem.by };
    case 'cannot_prove':
      return { kind: kindName(problem.kind), entry: t(`refusal.entry.${problem.entry}` as MessageKey) };
    case 'document_attached':
      return { title: isolated(problem.title), count: problem.count, applications: isolated(problem.applications) };
    case 'stored_file_changed':
    case 'saved_copy_as_sent':
      return { title: isolated(problem.title) };
    case 'not_a_saved_copy':
      return { title: isolated(problem.title), kind: kindName(problem.kind) };
    default:
      // The other codes' values are shown as the core sent them (a typed value, a code).
      return Object.fromEntries(Object.entries(problem).filter(([name]) => name !== 'code')) as Record<
        string,
        string | number
      >;
  }
}

/** True for a refusal whose sentence stands alone (a notice that is no notice, a destination
 * refused): it says itself what happened, so it is not prefixed with "Nothing was saved". */
export function standsAlone(problem: FieldProblem): boolean {
  return KEYS[problem.code]?.startsWith('refusal.') ?? false;
}

export function fieldErrorText(error: Pick<FieldError, 'message'> & { problem?: FieldProblem }): string {
  const problem = error.problem;
  if (!problem) return error.message;
  if (problem.code === 'required') return t(`fieldProblem.required.${problem.what}` as MessageKey);
  if (problem.code === 'stage_not_allowed') return stageRefusal(problem);
  const key = KEYS[problem.code];
  return key ? t(key, values(problem)) : error.message;
}

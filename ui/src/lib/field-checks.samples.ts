import type { FieldProblem } from './bindings';

/** One of each problem worded from `en.field_checks.json`, with values reaching every branch. */
export const CHECKS: FieldProblem[] = [
  { code: 'step_in_future', date: '2026-06-02' },
  { code: 'step_before_last', date: '2026-05-09', stage: 'preparing', last: '2026-05-10' },
  { code: 'first_step_not_allowed', stage: 'offer' },
  { code: 'application_exists', existing: 4 },
  ...(['already', 'not_submitted', 'no_offer', 'already_submitted', 'other'] as const).map((why): FieldProblem => ({
    code: 'stage_not_allowed',
    from: 'submitted',
    to: 'accepted',
    why,
    then: '',
  })),
  { code: 'stage_not_allowed', from: 'declined', to: 'offer', why: 'closed', then: '' },
  { code: 'stage_not_allowed', from: 'unsuccessful', to: 'offer', why: 'closed', then: 'rostered,withdrawn' },
  { code: 'first_step_undo' },
  { code: 'interview_not_submitted', stage: 'preparing' },
  { code: 'interview_before_submission', date: '2026-05-01', submitted: '2026-05-20' },
  { code: 'interview_duration' },
  { code: 'issued_in_future', date: '2026-03-02' },
  { code: 'expires_before_issue', expires: '2025-04-30', issued: '2025-05-01' },
  { code: 'title_missing' },
  { code: 'empty' },
  { code: 'unknown_time_zone', zone: 'Mars/Olympus' },
];

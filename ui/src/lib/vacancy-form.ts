// The vacancy form edits strings; these functions convert between them and the typed records the
// backend reads and writes, so the conversion is tested once, outside any view.
import type {
  ContractKind,
  EducationLevel,
  LanguageRequirement,
  NoticeDraft,
  Platform,
  SecurityScreening,
  Vacancy,
  VacancyInput,
  VacancyStatus,
  Cefr,
  DraftConfidence,
} from './bindings';
import { userZone } from './time';

export const platforms: Platform[] = ['recruitment_hub', 'talentlink'];
export const contractKinds: ContractKind[] = [
  'fixed_term',
  'project_fixed_term',
  'short_term',
  'temporary',
  'internship',
  'secondment',
  'mentorship',
];
export const statuses: VacancyStatus[] = ['open', 'closed', 'archived'];
export const screenings: SecurityScreening[] = ['basic', 'enhanced'];
export const educationLevels: EducationLevel[] = ['secondary', 'post_secondary', 'bachelor', 'master', 'doctorate'];
export const cefrLevels: Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

export type LanguageRow = { language: string; level: Cefr | ''; wording: string };

export type VacancyForm = {
  platform: Platform | '';
  reference: string;
  title: string;
  dutyStation: string;
  dutyZone: string;
  contractKind: ContractKind | '';
  isRoster: boolean;
  grade: string;
  posts: string;
  securityScreening: SecurityScreening | '';
  durationMonths: string;
  durationText: string;
  publishedOn: string;
  deadlineDate: string;
  deadlineTime: string;
  deadlineZone: string;
  languages: LanguageRow[];
  minEducation: EducationLevel | '';
  minExperienceYears: string;
  noticeUrl: string;
  noticeText: string;
  notes: string;
  status: VacancyStatus;
};

export function emptyForm(): VacancyForm {
  return {
    platform: '',
    reference: '',
    title: '',
    dutyStation: '',
    dutyZone: '',
    contractKind: '',
    isRoster: false,
    grade: '',
    posts: '',
    securityScreening: '',
    durationMonths: '',
    durationText: '',
    publishedOn: '',
    deadlineDate: '',
    deadlineTime: '',
    deadlineZone: '',
    languages: [],
    minEducation: '',
    minExperienceYears: '',
    noticeUrl: '',
    noticeText: '',
    notes: '',
    status: 'open',
  };
}

const text = (value: string | null | undefined) => value ?? '';
const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function languageRows(languages: LanguageRequirement[] | null | undefined): LanguageRow[] {
  return (languages ?? []).map((l) => ({ language: l.language, level: l.level ?? '', wording: text(l.wording) }));
}

/** A form filled from what the parser read; what it could not read stays empty. A deadline
 * whose zone the notice does not settle gets the candidate's own zone, flagged to check. */
export function formFromDraft(draft: NoticeDraft, noticeText: string, ownZone: string = userZone()): VacancyForm {
  const unzoned = draft.deadline ? null : draft.deadlineWithoutZone;
  return {
    ...emptyForm(),
    platform: draft.platform ?? '',
    reference: text(draft.reference),
    title: text(draft.title),
    dutyStation: text(draft.dutyStation),
    dutyZone: text(draft.dutyZone),
    contractKind: draft.contractKind ?? '',
    isRoster: draft.isRoster ?? false,
    grade: text(draft.grade),
    posts: number(draft.posts),
    securityScreening: draft.securityScreening ?? '',
    durationMonths: number(draft.durationMonths),
    durationText: text(draft.durationText),
    publishedOn: text(draft.publishedOn),
    deadlineDate: text(draft.deadline?.date ?? unzoned?.date),
    deadlineTime: text(draft.deadline?.time ?? unzoned?.time).slice(0, 5),
    deadlineZone: text(draft.deadline?.zone ?? draft.dutyZone ?? (unzoned ? ownZone : null)),
    languages: languageRows(draft.languages),
    minEducation: draft.minEducation ?? '',
    minExperienceYears: number(draft.minExperienceYears),
    noticeUrl: text(draft.noticeUrl),
    noticeText,
  };
}

/** Which form field each confidence speaks for. */
const confidenceFields: Record<keyof DraftConfidence, (keyof VacancyForm)[]> = {
  platform: ['platform'],
  reference: ['reference'],
  title: ['title'],
  dutyStation: ['dutyStation'],
  contractKind: ['contractKind'],
  grade: ['grade'],
  posts: ['posts'],
  securityScreening: ['securityScreening'],
  duration: ['durationMonths', 'durationText'],
  publishedOn: ['publishedOn'],
  deadline: ['deadlineDate'],
};

/** The form fields the candidate should compare with the notice: those the parser inferred
 * rather than read from their own label, and a deadline zone Dossier had to choose. */
export function fieldsToCheck(draft: NoticeDraft): (keyof VacancyForm)[] {
  const fields = (Object.keys(confidenceFields) as (keyof DraftConfidence)[])
    .filter((key) => draft.confidence[key] === 'check')
    .flatMap((key) => confidenceFields[key]);
  if (!draft.deadline && draft.deadlineWithoutZone) fields.push('deadlineZone');
  return fields;
}

export function formFromVacancy(v: Vacancy): VacancyForm {
  return {
    platform: v.platform,
    reference: v.reference,
    title: v.title,
    dutyStation: text(v.dutyStation),
    dutyZone: text(v.dutyZone),
    contractKind: v.contractKind ?? '',
    isRoster: v.isRoster,
    grade: text(v.grade),
    posts: number(v.posts),
    securityScreening: v.securityScreening ?? '',
    durationMonths: number(v.durationMonths),
    durationText: text(v.durationText),
    publishedOn: text(v.publishedOn),
    deadlineDate: text(v.deadline?.date),
    deadlineTime: text(v.deadline?.time).slice(0, 5),
    deadlineZone: text(v.deadline?.zone),
    languages: languageRows(v.languages),
    minEducation: v.minEducation ?? '',
    minExperienceYears: number(v.minExperienceYears),
    noticeUrl: text(v.noticeUrl),
    noticeText: text(v.noticeText),
    notes: v.notes,
    status: v.status,
  };
}

export type FormProblem = { field: keyof VacancyForm; key: 'required' | 'number' | 'time' | 'zone' };

function whole(value: string): number | null | 'bad' {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : 'bad';
}

/** Checks what the browser cannot, then builds the record; the backend checks again. */
export function inputFromForm(form: VacancyForm): { input: VacancyInput } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (form.platform === '') problems.push({ field: 'platform', key: 'required' });
  if (form.reference.trim() === '') problems.push({ field: 'reference', key: 'required' });
  if (form.title.trim() === '') problems.push({ field: 'title', key: 'required' });
  const posts = whole(form.posts);
  if (posts === 'bad') problems.push({ field: 'posts', key: 'number' });
  const months = whole(form.durationMonths);
  if (months === 'bad') problems.push({ field: 'durationMonths', key: 'number' });
  const years = whole(form.minExperienceYears);
  if (years === 'bad') problems.push({ field: 'minExperienceYears', key: 'number' });
  const time = form.deadlineTime.trim();
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problems.push({ field: 'deadlineTime', key: 'time' });
  const zone = form.deadlineZone.trim() || form.dutyZone.trim();
  if (form.deadlineDate !== '' && zone === '') problems.push({ field: 'deadlineZone', key: 'zone' });
  if (problems.length > 0 || form.platform === '') return { problems };
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const asNumber = (value: number | null | 'bad') => (value === 'bad' ? null : value);
  return {
    input: {
      platform: form.platform,
      reference: form.reference.trim(),
      title: form.title.trim(),
      dutyStation: optional(form.dutyStation),
      dutyZone: optional(form.dutyZone),
      contractKind: form.contractKind === '' ? null : form.contractKind,
      isRoster: form.isRoster,
      grade: optional(form.grade),
      posts: asNumber(posts),
      securityScreening: form.securityScreening === '' ? null : form.securityScreening,
      durationMonths: asNumber(months),
      durationText: optional(form.durationText),
      publishedOn: optional(form.publishedOn),
      deadline:
        form.deadlineDate === '' ? null : { date: form.deadlineDate, time: time === '' ? null : `${time}:00`, zone },
      languages: form.languages
        .filter((l) => l.language.trim() !== '')
        .map((l) => ({
          language: l.language.trim(),
          level: l.level === '' ? null : l.level,
          wording: optional(l.wording),
        })),
      minEducation: form.minEducation === '' ? null : form.minEducation,
      minExperienceYears: asNumber(years),
      noticeUrl: optional(form.noticeUrl),
      noticeText: optional(form.noticeText),
      notes: form.notes,
      status: form.status,
    },
  };
}

/** Whether the deadline in the form is already behind `nowMs`, read in the deadline's own zone
 * (end of that day when no time is given). Such a deadline is saved, but flagged. */
export function deadlinePassed(
  form: Pick<VacancyForm, 'deadlineDate' | 'deadlineTime' | 'deadlineZone' | 'dutyZone'>,
  nowMs: number,
): boolean {
  const zone = form.deadlineZone.trim() || form.dutyZone.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.deadlineDate) || zone === '') return false;
  const time = /^([01]\d|2[0-3]):[0-5]\d$/.test(form.deadlineTime.trim()) ? form.deadlineTime.trim() : '23:59';
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(nowMs);
  } catch {
    return false; // An unknown zone is reported at its field.
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const here = `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
  return `${form.deadlineDate}T${time}` < here;
}

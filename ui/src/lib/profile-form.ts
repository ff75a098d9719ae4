// The profile editor edits strings and choices; these functions convert between them and the
// profile the backend reads and writes, and place the backend's field errors at their fields, so
// the conversion is tested once, outside any view.
import { languageName, regionName } from './format';
import type {
  Cefr,
  Country,
  CountryChoices,
  EducationLevel,
  LanguageChoices,
  Profile,
  StudyStatus,
  WorkTime,
} from './bindings';
import { fieldErrorText, type FieldComplaint } from './field-text';

/** Yes, no, or not said: the profile keeps `null` for a question left unanswered. */
export type Answer = '' | 'yes' | 'no';

// Rows carry a key of their own so that removing a row in the middle keeps each remaining row's
// widgets (an open country list, a half-typed search) with the row they belong to.
type Keyed = { key: number };

export type ResidenceRow = Keyed & { country: string; from: string; to: string; stillThere: boolean };
export type LanguageRow = Keyed & { language: string; level: Cefr | ''; certificate: string };
export type EducationRow = Keyed & {
  id: number;
  level: EducationLevel | '';
  field: string;
  institution: string;
  from: string;
  to: string;
  status: StudyStatus;
};
export type EmploymentRow = Keyed & {
  id: number;
  employer: string;
  title: string;
  from: string;
  to: string;
  current: boolean;
  workTime: WorkTime;
  duties: string;
};
export type ReferenceRow = Keyed & {
  id: number;
  name: string;
  contact: string;
  relation: string;
  workedDirectly: Answer;
  hierarchical: Answer;
  familyMember: Answer;
  interpolStaff: Answer;
};
export type NationalityRow = Keyed & { country: string };

export type ProfileForm = {
  fullName: string;
  email: string;
  dateOfBirth: string;
  nationalities: NationalityRow[];
  countryOfOrigin: string;
  residences: ResidenceRow[];
  languages: LanguageRow[];
  serving: Answer;
  serviceCountry: string;
  agency: string;
  education: EducationRow[];
  employment: EmploymentRow[];
  references: ReferenceRow[];
};

export const cefrLevels: Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
export const educationLevels: EducationLevel[] = ['secondary', 'post_secondary', 'bachelor', 'master', 'doctorate'];
export const referenceQuestions = ['workedDirectly', 'hierarchical', 'familyMember', 'interpolStaff'] as const;

let lastKey = 0;
const nextKey = () => ++lastKey;

export const newRow = {
  nationality: (): NationalityRow => ({ key: nextKey(), country: '' }),
  residence: (): ResidenceRow => ({ key: nextKey(), country: '', from: '', to: '', stillThere: false }),
  language: (): LanguageRow => ({ key: nextKey(), language: '', level: '', certificate: '' }),
  education: (): EducationRow => ({
    key: nextKey(),
    id: 0,
    level: '',
    field: '',
    institution: '',
    from: '',
    to: '',
    status: 'completed',
  }),
  employment: (): EmploymentRow => ({
    key: nextKey(),
    id: 0,
    employer: '',
    title: '',
    from: '',
    to: '',
    current: false,
    workTime: 'full_time',
    duties: '',
  }),
  reference: (): ReferenceRow => ({
    key: nextKey(),
    id: 0,
    name: '',
    contact: '',
    relation: '',
    workedDirectly: '',
    hierarchical: '',
    familyMember: '',
    interpolStaff: '',
  }),
};

/** A new profile: one empty nationality and one language line to start from. */
export function emptyProfileForm(): ProfileForm {
  return {
    fullName: '',
    email: '',
    dateOfBirth: '',
    nationalities: [newRow.nationality()],
    countryOfOrigin: '',
    residences: [],
    languages: [newRow.language()],
    serving: '',
    serviceCountry: '',
    agency: '',
    education: [],
    employment: [],
    references: [],
  };
}

const text = (value: string | null | undefined) => value ?? '';
const answer = (value: boolean | null | undefined): Answer => (value === true ? 'yes' : value === false ? 'no' : '');

export function formFromProfile(p: Profile): ProfileForm {
  return {
    fullName: p.fullName,
    email: p.email,
    dateOfBirth: text(p.dateOfBirth),
    nationalities: p.nationalities.map((country) => ({ key: nextKey(), country })),
    countryOfOrigin: text(p.countryOfOrigin),
    residences: p.residences.map((r) => ({
      key: nextKey(),
      country: r.country,
      from: r.from,
      to: text(r.to),
      stillThere: r.to === null,
    })),
    languages: p.languages.map((l) => ({
      key: nextKey(),
      language: l.language,
      level: l.level,
      certificate: text(l.certificate),
    })),
    serving: answer(p.lawEnforcement.serving),
    serviceCountry: text(p.lawEnforcement.country),
    agency: text(p.lawEnforcement.agency),
    education: p.education.map((e) => ({
      key: nextKey(),
      id: e.id,
      level: e.level,
      field: e.field,
      institution: e.institution,
      from: text(e.from),
      to: text(e.to),
      status: e.status,
    })),
    employment: p.employment.map((e) => ({
      key: nextKey(),
      id: e.id,
      employer: e.employer,
      title: e.title,
      from: e.from,
      to: text(e.to),
      current: e.to === null,
      workTime: e.workTime,
      duties: e.duties ?? '',
    })),
    references: p.references.map((r) => ({
      key: nextKey(),
      id: r.id,
      name: r.name,
      contact: r.contact,
      relation: r.relation,
      workedDirectly: answer(r.workedDirectly),
      hierarchical: answer(r.hierarchical),
      familyMember: answer(r.familyMember),
      interpolStaff: answer(r.interpolStaff),
    })),
  };
}

/** Problems the form finds before sending, as the message keys of `profileForm.problem`. */
export type LocalProblem = 'chooseLevel' | 'chooseStudyLevel' | 'startDate' | 'endDate';

export type FormFailure = { field: string; problem: LocalProblem };

const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const yesNo = (value: Answer) => (value === '' ? null : value === 'yes');

/**
 * The profile to send, or what must be filled in first: only what the widgets cannot express
 * as a value of the right type (a level not chosen, a required date left empty). Everything
 * else, such as a date in the future or a blank name, is the backend's to judge, so the rules
 * live in one place. Blank nationality lines are dropped: an empty line is not a claim.
 */
export function profileFromForm(form: ProfileForm): { profile: Profile } | { failures: FormFailure[] } {
  const failures: FormFailure[] = [];
  const nationalities = form.nationalities.map((n) => n.country.trim()).filter((c) => c !== '');
  form.languages.forEach((l, i) => {
    if (l.level === '') failures.push({ field: `languages[${i}].level`, problem: 'chooseLevel' });
  });
  form.residences.forEach((r, i) => {
    if (r.from === '') failures.push({ field: `residences[${i}].from`, problem: 'startDate' });
    if (!r.stillThere && r.to === '') failures.push({ field: `residences[${i}].to`, problem: 'endDate' });
  });
  form.education.forEach((e, i) => {
    if (e.level === '') failures.push({ field: `education[${i}].level`, problem: 'chooseStudyLevel' });
  });
  form.employment.forEach((e, i) => {
    if (e.from === '') failures.push({ field: `employment[${i}].from`, problem: 'startDate' });
    if (!e.current && e.to === '') failures.push({ field: `employment[${i}].to`, problem: 'endDate' });
  });
  if (failures.length > 0) return { failures };
  const serving = yesNo(form.serving);
  return {
    profile: {
      fullName: form.fullName,
      email: form.email,
      dateOfBirth: optional(form.dateOfBirth),
      nationalities,
      countryOfOrigin: optional(form.countryOfOrigin),
      residences: form.residences.map((r) => ({ country: r.country, from: r.from, to: r.stillThere ? null : r.to })),
      languages: form.languages.map((l) => ({
        language: l.language,
        level: l.level as Cefr,
        certificate: optional(l.certificate),
      })),
      // What the candidate typed about a service they said they are not in is not kept.
      lawEnforcement: {
        serving,
        country: serving === true ? optional(form.serviceCountry) : null,
        agency: serving === true ? optional(form.agency) : null,
      },
      education: form.education.map((e) => ({
        id: e.id,
        level: e.level as EducationLevel,
        field: e.field,
        institution: e.institution,
        from: optional(e.from),
        to: optional(e.to),
        status: e.status,
      })),
      employment: form.employment.map((e) => ({
        id: e.id,
        employer: e.employer,
        title: e.title,
        from: e.from,
        to: e.current ? null : e.to,
        workTime: e.workTime,
        duties: e.duties.trim() === '' ? null : e.duties,
      })),
      references: form.references.map((r) => ({
        id: r.id,
        name: r.name,
        contact: r.contact,
        relation: r.relation,
        workedDirectly: yesNo(r.workedDirectly),
        hierarchical: yesNo(r.hierarchical),
        familyMember: yesNo(r.familyMember),
        interpolStaff: yesNo(r.interpolStaff),
      })),
    },
  };
}

/**
 * The backend names nationalities by their place in the list it received, which has no blank
 * lines; the form's lines may include blanks. This maps `nationalities[i]` of the sent list back
 * to the form line it came from.
 */
export function nationalityLineOf(form: ProfileForm, sentIndex: number): number {
  let seen = -1;
  for (let line = 0; line < form.nationalities.length; line++) {
    if (form.nationalities[line]!.country.trim() !== '') seen++;
    if (seen === sentIndex) return line;
  }
  return sentIndex;
}

/** The id of the input for a field path, for `for`, `aria-describedby` and focus. */
export function fieldId(path: string): string {
  return `pf-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

/** Messages by field path, in the order they came. */
export type FieldMessages = Map<string, string[]>;

/**
 * Places each message at the field the form shows it under. A message about a whole entry
 * (`education[1]`, a repeated entry) or its hidden id (`education[1].id`) goes to the entry;
 * `serving` is shown where the form asks it. The rest is returned as `unplaced`, to be shown
 * above the form so nothing the backend said is lost.
 */
export function placeFieldErrors(
  form: ProfileForm,
  errors: FieldComplaint[],
): { at: FieldMessages; unplaced: string[] } {
  const shown = shownFields(form);
  const at: FieldMessages = new Map();
  const unplaced: string[] = [];
  for (const error of errors) {
    let field = error.field.replace(/\.id$/, '');
    const nationality = /^nationalities\[(\d+)\]$/.exec(field);
    if (nationality) field = `nationalities[${nationalityLineOf(form, Number(nationality[1]))}]`;
    if (shown.has(field)) {
      at.set(field, [...(at.get(field) ?? []), fieldErrorText(error)]);
    } else {
      unplaced.push(fieldErrorText(error));
    }
  }
  return { at, unplaced };
}

/** Every path the form has a place for, entries included. */
export function shownFields(form: ProfileForm): Set<string> {
  const paths = ['fullName', 'email', 'dateOfBirth', 'countryOfOrigin', 'lawEnforcement.serving'];
  if (form.serving === 'yes') paths.push('lawEnforcement.country', 'lawEnforcement.agency');
  form.nationalities.forEach((_, i) => paths.push(`nationalities[${i}]`));
  const rows = (list: string, count: number, fields: readonly string[]) => {
    for (let i = 0; i < count; i++) {
      paths.push(`${list}[${i}]`, ...fields.map((f) => `${list}[${i}].${f}`));
    }
  };
  rows('residences', form.residences.length, ['country', 'from', 'to']);
  rows('languages', form.languages.length, ['language', 'level', 'certificate']);
  rows('education', form.education.length, ['level', 'field', 'institution', 'from', 'to', 'status']);
  rows('employment', form.employment.length, ['employer', 'title', 'from', 'to', 'workTime', 'duties']);
  rows('references', form.references.length, ['name', 'contact', 'relation', ...referenceQuestions]);
  return new Set(paths);
}

/** What to compare to tell whether the form holds unsaved changes: the rows' keys aside. */
export function comparable(form: ProfileForm): string {
  return JSON.stringify(form, (name, value) => (name === 'key' ? undefined : value));
}

/** The attributes that tie an input to its messages: its id, whether it is invalid, and the
 * element that says why. */
export function fieldAttributes(at: FieldMessages, path: string) {
  const invalid = (at.get(path)?.length ?? 0) > 0;
  return {
    id: fieldId(path),
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${fieldId(path)}-error` : undefined,
  };
}

/** An item of a long list to choose from; `note` is shown beside it, dimmed. */
export type Choice = { value: string; label: string; note?: string };

export type ProfileChoices = {
  countries: Choice[];
  /** The same countries, those that are not INTERPOL members noted as such. */
  nationalities: Choice[];
  languages: Choice[];
  country: (code: string) => Country | undefined;
};

/** The lists the editor offers, from what the backend knows of countries and languages, named
 * and sorted in the UI language (`tag`); the backend's English names are the fallback. */
export function profileChoices(
  countries: CountryChoices,
  languages: LanguageChoices,
  notMemberNote: string,
  locale = 'en',
): ProfileChoices {
  const byCode = new Map(countries.countries.map((c) => [c.code, c]));
  // Names in the window's language from CLDR (the backend's English name when it has none),
  // in that language's alphabetical order.
  // One collator for every comparison: `localeCompare` with a locale builds one per call, and
  // sorting three lists of about 250 names that way took most of the Profile's opening.
  const collator = new Intl.Collator(locale);
  const byName = (a: Choice, b: Choice) => collator.compare(a.label, b.label);
  const named = countries.countries.map((c) => ({ ...c, name: regionName(c.code, locale, c.name) }));
  return {
    countries: named.map((c) => ({ value: c.code, label: c.name })).sort(byName),
    nationalities: named
      .map((c) => ({
        value: c.code,
        label: c.name,
        note: c.interpolMember ? undefined : notMemberNote,
      }))
      .sort(byName),
    languages: languages.languages
      .map((l) => ({ value: l.code, label: languageName(l.code, locale, l.name), note: l.code }))
      .sort(byName),
    country: (code) => byCode.get(code.toUpperCase()),
  };
}

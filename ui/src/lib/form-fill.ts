// The profile laid out as a recruitment platform's application form asks for it: sections of
// blocks of labelled fields, each with the plain text its copy button puts on the clipboard.
// Pure, so the view only draws it; the words come in through `FormWords` (the catalogue, the
// date style from Settings, country and language names from `format.ts`).
import type { FormSection, Platform, Profile } from './bindings';
import type { MessageKey } from './i18n.svelte';
import { personName } from './format';
import { hrefFor } from './router.svelte';

export type FormField = { id: string; label: string; value: string };
/** `entryId`: the profile entry a block lays out (an education line, a position, a reference),
 * which the candidate ticks done on its own as they type the list one entry at a time. */
export type FormBlock = { id: string; title: string; fields: FormField[]; entryId?: number };
export type FormPart = { section: FormSection; title: string; blocks: FormBlock[] };

export type FormWords = {
  t: (key: MessageKey, options?: Record<string, unknown>) => string;
  /** A calendar day (`YYYY-MM-DD`) in the date style chosen in Settings. */
  date: (isoDate: string) => string;
  country: (code: string) => string;
  language: (code: string) => string;
};

export const PLATFORMS: readonly Platform[] = ['recruitment_hub', 'talentlink'];

export function isPlatform(value: string | undefined): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value ?? '');
}

/** Where the form view of `platform` lives: under the profile, which it lays out; opened from
 * an application, it remembers which, for Talentlink's "keep a copy" action. */
export function formHref(platform: Platform, applicationId?: number): string {
  return applicationId === undefined
    ? hrefFor('profile', 'form', platform)
    : hrefFor('profile', 'form', platform, applicationId);
}

/** The platform and application a `#/profile/form/…` address names; null for other profile pages. */
export function parseFormRest(rest: readonly string[]): { platform: Platform; applicationId: number | null } | null {
  if (rest[0] !== 'form') return null;
  const platform = isPlatform(rest[1]) ? rest[1] : 'recruitment_hub';
  const id = Number.parseInt(rest[2] ?? '', 10);
  return { platform, applicationId: Number.isInteger(id) && id > 0 ? id : null };
}

function field(id: string, label: string, value: string | null | undefined): FormField {
  return { id, label, value: (value ?? '').trim() };
}

function range(
  id: string,
  w: FormWords,
  from: string | null,
  to: string | null,
  toLabel: MessageKey = 'profileForm.to',
  openEnd: MessageKey = 'formFill.present',
): FormField[] {
  return [
    field(`${id}.from`, w.t('profileForm.from'), from ? w.date(from) : ''),
    field(`${id}.to`, w.t(toLabel), to ? w.date(to) : from ? w.t(openEnd) : ''),
  ];
}

/** The six sections, in the order the platforms' forms ask them. */
export function formParts(profile: Profile, w: FormWords): FormPart[] {
  const personal: FormBlock = {
    id: 'personal',
    title: w.t('formFill.section.personal'),
    fields: [
      field('personal.fullName', w.t('profileForm.fullName'), personName(profile.fullName)),
      field('personal.email', w.t('profileForm.email'), profile.email),
      field(
        'personal.dateOfBirth',
        w.t('profileForm.dateOfBirth'),
        profile.dateOfBirth ? w.date(profile.dateOfBirth) : '',
      ),
    ],
  };
  const nationality: FormBlock = {
    id: 'nationality',
    title: w.t('profileForm.nationalities'),
    fields: [
      ...profile.nationalities.map((code, i) =>
        field(`nationality.${i}`, w.t('profileForm.nationalityN', { n: i + 1 }), w.country(code)),
      ),
      field(
        'nationality.origin',
        w.t('profileForm.countryOfOrigin'),
        profile.countryOfOrigin ? w.country(profile.countryOfOrigin) : '',
      ),
    ],
  };
  const residences: FormBlock[] = profile.residences.map((r, i) => ({
    id: `residence.${i}`,
    title: w.t('profileForm.residenceN', { n: i + 1 }),
    fields: [
      field(`residence.${i}.country`, w.t('profileForm.country'), w.country(r.country)),
      ...range(`residence.${i}`, w, r.from, r.to),
    ],
  }));
  const education: FormBlock[] = profile.education.map((e, i) => ({
    id: `education.${e.id}`,
    entryId: e.id,
    title: e.field.trim() || w.t('profileForm.studiesN', { n: i + 1 }),
    fields: [
      field(`education.${e.id}.level`, w.t('profileForm.studyLevel'), w.t(`education.${e.level}`)),
      field(`education.${e.id}.field`, w.t('profileForm.studyField'), e.field),
      field(`education.${e.id}.institution`, w.t('profileForm.institution'), e.institution),
      field(
        `education.${e.id}.status`,
        w.t('profileForm.studyStatus'),
        w.t(e.status === 'enrolled' ? 'profileForm.enrolled' : 'profileForm.completed'),
      ),
      ...range(
        `education.${e.id}`,
        w,
        e.from,
        e.to,
        e.status === 'enrolled' ? 'profileForm.expectedEnd' : 'profileForm.completedOn',
      ),
    ],
  }));
  const employment: FormBlock[] = profile.employment.map((e, i) => ({
    id: `employment.${e.id}`,
    entryId: e.id,
    title: e.title.trim() || w.t('profileForm.jobN', { n: i + 1 }),
    fields: [
      field(`employment.${e.id}.title`, w.t('profileForm.jobTitle'), e.title),
      field(`employment.${e.id}.employer`, w.t('profileForm.employer'), e.employer),
      ...range(`employment.${e.id}`, w, e.from, e.to),
      field(
        `employment.${e.id}.workTime`,
        w.t('profileForm.workTime'),
        w.t(e.workTime === 'part_time' ? 'profileForm.partTime' : 'profileForm.fullTime'),
      ),
      field(`employment.${e.id}.duties`, w.t('form2.duties'), e.duties),
    ],
  }));
  const languages: FormBlock[] = profile.languages.map((l) => ({
    id: `language.${l.language}`,
    title: w.language(l.language),
    fields: [
      field(`language.${l.language}.name`, w.t('profileForm.language'), w.language(l.language)),
      field(`language.${l.language}.level`, w.t('profileForm.level'), w.t(`profileForm.cefr.${l.level}`)),
      field(`language.${l.language}.certificate`, w.t('profileForm.certificate'), l.certificate),
    ],
  }));
  const references: FormBlock[] = profile.references.map((r, i) => ({
    id: `reference.${r.id}`,
    entryId: r.id,
    title: personName(r.name) || w.t('profileForm.referenceN', { n: i + 1 }),
    fields: [
      field(`reference.${r.id}.name`, w.t('profileForm.referenceName'), personName(r.name)),
      field(`reference.${r.id}.contact`, w.t('profileForm.contact'), r.contact),
      field(`reference.${r.id}.relation`, w.t('profileForm.relation'), r.relation),
    ],
  }));
  return [
    { section: 'personal', title: w.t('formFill.section.personal'), blocks: [personal] },
    { section: 'nationality', title: w.t('formFill.section.nationality'), blocks: [nationality, ...residences] },
    { section: 'education', title: w.t('profileForm.education'), blocks: education },
    { section: 'employment', title: w.t('profileForm.employment'), blocks: employment },
    { section: 'languages', title: w.t('profileForm.languages'), blocks: languages },
    { section: 'references', title: w.t('profileForm.references'), blocks: references },
  ];
}

/** A block as the clipboard gets it: one `Label: value` line per field that has a value. */
export function blockText(block: FormBlock): string {
  return block.fields
    .filter((f) => f.value !== '')
    .map((f) => `${f.label}: ${f.value}`)
    .join('\n');
}

/** A whole section: its blocks, each under its title, a blank line between them. */
export function partText(part: FormPart): string {
  return part.blocks
    .map((b) => (part.blocks.length > 1 ? `${b.title}\n${blockText(b)}` : blockText(b)))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** Puts `text` on the clipboard; false when the webview refused. The older `execCommand` path
 * covers a webview whose Clipboard API is missing or not allowed in this context. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

// Why a rule passed or failed, in the candidate's language: the core sends a code and the facts
// (`Reason`), the words come from `en.eligibility_reasons.json` and its translations, and
// countries, languages and dates are named through `Intl`, never in the core's English.
import type { AgeDay, Cefr, EducationLevel, Reason, StudiesDay } from './bindings';
import { calendarDay, countryName, languageName, locale, t } from './i18n.svelte';
import { isolated } from './isolate';

function country(code: string): string {
  return countryName(code);
}

function countries(codes: string[]): string {
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(codes.map(country));
}

function level(needed: Cefr, wording: string | null): string {
  return wording ? t('eligibilityReason.levelWorded', { level: needed, wording: isolated(wording) }) : needed;
}

function ageWhen(day: AgeDay, on: string): string {
  return t(`eligibilityReason.ageDay.${day}`, { date: calendarDay(on) });
}

function studiesWhen(day: StudiesDay, on: string): string {
  return t(`eligibilityReason.studiesDay.${day}`, { date: calendarDay(on) });
}

function study(field: string, institution: string): string {
  return t('eligibilityReason.study', { field: isolated(field), institution: isolated(institution) });
}

function educationLevel(value: EducationLevel): string {
  return t(`eligibilityReason.level.${value}`);
}

function years(count: number): string {
  return t('eligibilityReason.years', { count });
}

function duration(y: number, m: number): string {
  if (y === 0) return t('eligibilityReason.months', { count: m });
  if (m === 0) return years(y);
  return t('eligibilityReason.yearsAndMonths', {
    years: years(y),
    months: t('eligibilityReason.months', { count: m }),
  });
}

/** The sentence a rule's reason reads as. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'nationality_missing':
      return t('eligibilityReason.nationality_missing');
    case 'nationality_member':
      return t('eligibilityReason.nationality_member', { country: country(reason.country) });
    case 'nationality_not_member':
      return t('eligibilityReason.nationality_not_member', {
        count: reason.countries.length,
        countries: countries(reason.countries),
      });
    case 'age_missing':
      return t('eligibilityReason.age_missing', { minimum: reason.minimum });
    case 'age_met':
      return t(`eligibilityReason.age_${reason.tense}`, {
        age: reason.age,
        minimum: reason.minimum,
        when: ageWhen(reason.day, reason.countedOn),
      });
    case 'age_under': {
      const said = t(`eligibilityReason.age_${reason.tense}`, {
        age: reason.age,
        minimum: reason.minimum,
        when: ageWhen(reason.day, reason.countedOn),
      });
      if (!reason.turnsOn) return said;
      return `${said} ${t('eligibilityReason.age_turns', { minimum: reason.minimum, date: calendarDay(reason.turnsOn) })}`;
    }
    case 'age_born_after':
      return t('eligibilityReason.age_born_after', {
        birth: calendarDay(reason.birth),
        minimum: reason.minimum,
        when: ageWhen(reason.day, reason.countedOn),
      });
    case 'language_unknown_wording':
      return t('eligibilityReason.language_unknown_wording', {
        language: languageName(reason.language),
        wording: isolated(reason.wording),
      });
    case 'language_missing':
      return t('eligibilityReason.language_missing', {
        language: languageName(reason.language),
        needed: level(reason.needed, reason.wording),
      });
    case 'language_met':
    case 'language_below':
      return t('eligibilityReason.language_level', {
        language: languageName(reason.language),
        have: reason.have,
        needed: level(reason.needed, reason.wording),
      });
    case 'secondment_not_applicable':
    case 'secondment_serving_unknown':
    case 'secondment_not_serving':
    case 'secondment_country_missing':
    case 'internship_not_applicable':
    case 'internship_no_studies':
    case 'internship_no_post_secondary':
    case 'education_not_applicable':
    case 'experience_not_applicable':
      return t(`eligibilityReason.${reason.code}`);
    case 'secondment_country_not_member':
    case 'secondment_met':
      return t(`eligibilityReason.${reason.code}`, { country: country(reason.country) });
    case 'internship_enrolled':
    case 'internship_end_missing':
      return t(`eligibilityReason.${reason.code}`, { study: study(reason.field, reason.institution) });
    case 'internship_recent_graduate':
      return t('eligibilityReason.internship_recent_graduate', {
        study: study(reason.field, reason.institution),
        date: calendarDay(reason.completedOn),
        judged: studiesWhen(reason.judged, reason.judgedOn),
      });
    case 'internship_graduated_too_long_ago':
      return t('eligibilityReason.internship_graduated_too_long_ago', {
        date: calendarDay(reason.lastEnded),
        judged: studiesWhen(reason.judged, reason.judgedOn),
      });
    case 'education_missing':
      return t('eligibilityReason.education_missing', { minimum: educationLevel(reason.minimum) });
    case 'education_met':
      return t('eligibilityReason.education_met', {
        completed: educationLevel(reason.completed),
        study: study(reason.field, reason.institution),
        minimum: educationLevel(reason.minimum),
      });
    case 'education_below': {
      const minimum = educationLevel(reason.minimum);
      const said = reason.highest
        ? t('eligibilityReason.education_below_highest', { minimum, highest: educationLevel(reason.highest) })
        : t('eligibilityReason.education_below_none', { minimum });
      return reason.inProgress ? `${said} ${t('eligibilityReason.education_in_progress')}` : said;
    }
    case 'experience_missing':
      return t('eligibilityReason.experience_missing', { minimum: years(reason.minimumYears) });
    case 'experience_counted': {
      const parts = [
        t('eligibilityReason.experience_counted', {
          total: duration(reason.years, reason.months),
          minimum: years(reason.minimumYears),
        }),
      ];
      if (reason.partTime) parts.push(t('eligibilityReason.experience_part_time'));
      if (reason.met) parts.push(t('eligibilityReason.experience_proof'));
      return parts.join(' ');
    }
  }
}

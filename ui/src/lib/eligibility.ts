// How a verdict and its rules are presented: which tone, which words for the profile fact a rule
// is missing, and where in the profile editor that fact is entered.
import type { RuleOutcome, RuleStatus, Verdict } from './bindings';
import { fieldId } from './profile-form';

export type Tone = 'good' | 'bad' | 'warn';

export function verdictTone(verdict: Verdict): Tone {
  return verdict === 'eligible' ? 'good' : verdict === 'not_eligible' ? 'bad' : 'warn';
}

export function statusTone(status: RuleStatus): Tone | 'none' {
  return status === 'pass' ? 'good' : status === 'fail' ? 'bad' : status === 'unknown' ? 'warn' : 'none';
}

/** The facts a rule can be missing, as keys of `eligibility.missing`. */
export type MissingFact =
  | 'nationalities'
  | 'dateOfBirth'
  | 'languages'
  | 'serving'
  | 'serviceCountry'
  | 'education'
  | 'studiesEnd'
  | 'employment'
  | 'other';

/** Names the profile fact behind a rule's `missing` path (`education[2].to` is an end date). */
export function missingFact(missing: string): MissingFact {
  switch (missing) {
    case 'nationalities':
    case 'dateOfBirth':
    case 'languages':
    case 'education':
    case 'employment':
      return missing;
    case 'lawEnforcement.serving':
      return 'serving';
    case 'lawEnforcement.country':
      return 'serviceCountry';
  }
  return /^education\[\d+\]\.to$/.test(missing) ? 'studiesEnd' : 'other';
}

const sections: Record<MissingFact, string> = {
  nationalities: 'profile-identity',
  dateOfBirth: 'profile-identity',
  languages: 'profile-languages',
  serving: 'profile-service',
  serviceCountry: 'profile-service',
  education: 'profile-education',
  studiesEnd: 'profile-education',
  employment: 'profile-employment',
  other: 'profile-identity',
};

/** Where the editor takes the fact: its field when the form shows one, else its section. */
export function missingFactTarget(missing: string): { field: string; section: string } {
  const fact = missingFact(missing);
  const field = fact === 'nationalities' ? 'nationalities[0]' : missing;
  return { field: fieldId(field), section: sections[fact] };
}

/** The rules shown in full; those that do not apply to this post are only named. */
export function splitRules(rules: RuleOutcome[]): {
  applicable: RuleOutcome[];
  notApplicable: RuleOutcome[];
} {
  return {
    applicable: rules.filter((r) => r.status !== 'not_applicable'),
    notApplicable: rules.filter((r) => r.status === 'not_applicable'),
  };
}

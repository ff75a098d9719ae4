import { describe, expect, it } from 'vitest';
import { missingFact, missingFactTarget, splitRules, statusTone, verdictTone } from './eligibility';

describe('eligibility presentation', () => {
  it('gives each verdict and status its tone', () => {
    expect(verdictTone('eligible')).toBe('good');
    expect(verdictTone('not_eligible')).toBe('bad');
    expect(verdictTone('incomplete')).toBe('warn');
    expect(statusTone('not_applicable')).toBe('none');
  });

  it('names every fact the rules can be missing', () => {
    expect(missingFact('lawEnforcement.serving')).toBe('serving');
    expect(missingFact('lawEnforcement.country')).toBe('serviceCountry');
    expect(missingFact('education[3].to')).toBe('studiesEnd');
    expect(missingFact('dateOfBirth')).toBe('dateOfBirth');
    expect(missingFact('something.new')).toBe('other');
  });

  it('leads to the field that takes the fact, or its section', () => {
    expect(missingFactTarget('dateOfBirth')).toEqual({ field: 'pf-dateOfBirth', section: 'profile-identity' });
    expect(missingFactTarget('nationalities')).toEqual({ field: 'pf-nationalities-0', section: 'profile-identity' });
    expect(missingFactTarget('education[1].to')).toEqual({ field: 'pf-education-1-to', section: 'profile-education' });
    expect(missingFactTarget('languages').section).toBe('profile-languages');
  });

  it('keeps the rules that do not apply apart', () => {
    const rule = (status: 'pass' | 'not_applicable') => ({
      rule: 'age' as const,
      subject: null,
      status,
      reason: { code: 'nationality_missing' as const },
      missing: null,
      source: [],
    });
    const { applicable, notApplicable } = splitRules([rule('pass'), rule('not_applicable'), rule('pass')]);
    expect(applicable).toHaveLength(2);
    expect(notApplicable).toHaveLength(1);
  });
});

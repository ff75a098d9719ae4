import { describe, expect, it } from 'vitest';
import { exportPercent, fixHref, itemTone } from './packs';

describe('pack checklist', () => {
  it('gives each state its tone', () => {
    expect(itemTone('satisfied')).toBe('good');
    expect(itemTone('stale')).toBe('warn');
    expect(itemTone('missing')).toBe('bad');
  });

  it('links each fix to the page where it is made', () => {
    expect(fixHref({ to: 'profile', fact: 'countryOfOrigin' })).toBe('#/profile/countryOfOrigin');
    expect(fixHref({ to: 'import', document: 'cv' })).toBe('#/documents');
    expect(fixHref({ to: 'document', id: 7 })).toBe('#/documents/7');
    expect(fixHref({ to: 'certificates' })).toBe('#/documents/certificates');
    expect(fixHref({ to: 'references' })).toBe('#/documents/references');
  });

  it('fills the bar half while checking and half while writing', () => {
    const base = { bytesTotal: 200, filesDone: 0, filesTotal: 3 };
    expect(exportPercent({ ...base, phase: 'checking', bytesDone: 0 })).toBe(0);
    expect(exportPercent({ ...base, phase: 'checking', bytesDone: 200 })).toBe(50);
    expect(exportPercent({ ...base, phase: 'writing', bytesDone: 100 })).toBe(75);
    expect(exportPercent({ ...base, phase: 'writing', bytesDone: 200 })).toBe(100);
    expect(exportPercent({ ...base, bytesTotal: 0, phase: 'writing', bytesDone: 0 })).toBe(50);
  });
});

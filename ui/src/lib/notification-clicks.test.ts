import { describe, expect, it } from 'vitest';
import type { NotificationTarget as NotificationTarget } from './bindings';
import { pageFor } from './notification-clicks';

function target(over: Partial<NotificationTarget>): NotificationTarget {
  return { kind: 'deadline', vacancyId: null, applicationId: null, documentId: null, interviewId: null, ...over };
}

describe('where a click on a reminder leads', () => {
  it("opens the application before its vacancy, and a certificate's document", () => {
    expect(pageFor(target({ kind: 'interview', vacancyId: 3, applicationId: 7, interviewId: 2 }))).toEqual([
      'applications',
      7,
    ]);
    expect(pageFor(target({ kind: 'deadline', vacancyId: 3 }))).toEqual(['vacancies', 3]);
    expect(pageFor(target({ kind: 'certificate_stale', documentId: 11 }))).toEqual(['documents', 11]);
  });

  it('opens the Dashboard for a summary or a reminder about nothing it can open', () => {
    expect(pageFor(null)).toEqual(['dashboard']);
    expect(pageFor(target({ kind: 'roster_expiry' }))).toEqual(['dashboard']);
  });
});

import { describe, expect, it } from 'vitest';
import type { BackupSummary } from './bindings';
import { backupCounts, failedOutcome, failureReason } from './backups';

const summary: BackupSummary = {
  id: '20261201T090000Z',
  createdAt: '2026-12-01T09:00:00Z',
  appVersion: '0.1.0',
  schemaVersion: 5,
  vacancies: 3,
  applications: 1,
  documents: 2,
  files: 2,
  bytes: 123_456,
  damaged: [],
};

describe('backups', () => {
  it('counts what a backup holds in words, one and many alike', () => {
    expect(backupCounts(summary)).toBe('3 vacancies · 1 application · 2 documents');
  });

  it('explains a known failure and names an unknown one', () => {
    expect(failureReason('io')).toContain('could not be written');
    expect(failureReason('schema_too_new')).toContain('schema_too_new');
    expect(failureReason(null)).toContain('?');
  });

  it('shows only an outcome that failed', () => {
    expect(failedOutcome(null)).toBeNull();
    expect(failedOutcome({ at: '2026-12-01T09:00:00Z', ok: true, errorCode: null })).toBeNull();
    const failed = { at: '2026-12-01T09:00:00Z', ok: false, errorCode: 'io' };
    expect(failedOutcome(failed)).toBe(failed);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { MadeFile, MadeReport } from './bindings';
import { setLocale } from './i18n.svelte';
import { asksForFile, fileForLine, limitFor, moveItem, requirementKey, summaryText } from './upload';

beforeAll(async () => {
  await setLocale('en');
});

const report = (pages: number, recompressed: number, size: number): MadeReport => ({
  pages,
  pagesRecompressed: recompressed,
  sizeBytes: size,
  limitBytes: 2_000_000,
  skipped: [],
  notes: [],
  fileName: 'x.pdf',
});

describe('upload files', () => {
  it('moves one item and leaves the others in their order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    // Past either end: the item stops there.
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a'], 3, 0)).toEqual(['a']);
  });

  it('keys a line as the core does and finds its current file', () => {
    expect(requirementKey({ kind: 'diploma', educationId: 3 })).toBe('diploma:3');
    expect(requirementKey({ kind: 'criminal_record', country: 'FR' })).toBe('criminal_record:FR');
    expect(requirementKey({ kind: 'notice_asks', document: 'identity' })).toBe('notice_asks:identity');
    expect(requirementKey({ kind: 'cv' })).toBe('cv');
    const file = (id: number, current: boolean): MadeFile => ({
      documentId: id,
      title: 'Master',
      sizeBytes: 1,
      applicationId: 1,
      requirement: 'diploma:3',
      sourceIds: [],
      limitBytes: 2_000_000,
      report: report(1, 0, 1),
      madeUtc: '2026-12-07T10:00:00Z',
      sentUtc: null,
      current,
    });
    expect(fileForLine([file(1, false), file(2, true)], { kind: 'diploma', educationId: 3 })?.documentId).toBe(2);
    expect(fileForLine([file(2, true)], { kind: 'diploma', educationId: 4 })).toBeNull();
  });

  it('offers a file for document lines only', () => {
    expect(asksForFile({ kind: 'cv' })).toBe(true);
    expect(asksForFile({ kind: 'proof_of_employment', employmentId: 2 })).toBe(true);
    expect(asksForFile({ kind: 'references' })).toBe(false);
    expect(asksForFile({ kind: 'profile' })).toBe(false);
  });

  it('picks the platform limit and says what making did', () => {
    expect(limitFor({ talentlink: 5_000_000, recruitmentHub: 2_000_000 }, 'talentlink')).toBe(5_000_000);
    expect(summaryText(report(4, 3, 1_840_000))).toBe('4 pages, 3 pages recompressed, 1.8 MB (limit 2 MB).');
    expect(summaryText(report(1, 0, 420_000))).toBe('1 page, nothing recompressed, 420 kB (limit 2 MB).');
  });
});

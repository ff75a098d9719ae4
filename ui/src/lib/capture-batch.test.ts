import { describe, expect, it } from 'vitest';
import type { FileDraft } from './bindings';
import { duplicateMessage, isSavedPage, keepsCopy, nextIndex, refusalMessage } from './capture-batch';

function file(fileName: string, fileType: FileDraft['fileType']): FileDraft {
  return { path: `/tmp/${fileName}`, fileName, fileType, outcome: { outcome: 'image_only' } };
}

describe('a batch of saved notices', () => {
  it('names the file and the reason it gave no draft', () => {
    expect(refusalMessage('notice.pdf', { reason: 'pdf_locked' })).toContain('notice.pdf');
    expect(refusalMessage('notice.pdf', { reason: 'pdf_locked' })).toContain('password');
    const big = refusalMessage('huge.pdf', {
      reason: 'too_large',
      sizeBytes: 150_000_000,
      limitBytes: 100 * 1024 * 1024,
    });
    expect(big).toContain('huge.pdf');
    expect(big).toContain('150 MB');
    // The limit, 100 MiB, in the decimal units the rest of the app shows sizes in.
    expect(big).toContain('105 MB');
    expect(refusalMessage('a.docx', { reason: 'unknown_type', extension: 'docx' })).toContain('a.docx');
    expect(refusalMessage('a.txt', { reason: 'unreadable', detail: 'permission denied' })).toContain(
      'permission denied',
    );
  });

  it('points out a duplicate of a saved vacancy or of an earlier draft', () => {
    expect(duplicateMessage(null)).toBeNull();
    expect(duplicateMessage({ of: 'saved', vacancyId: 3, title: 'Cybercrime Analyst' })).toContain(
      'Cybercrime Analyst',
    );
    // Drafts are counted from 1 for the candidate.
    expect(duplicateMessage({ of: 'in_batch', draft: 0 })).toContain('draft 1');
  });

  it('keeps every notice file as the posting copy and walks the files in order', () => {
    expect(keepsCopy(file('a.pdf', 'pdf'))).toBe(true);
    expect(keepsCopy(file('a.html', 'html'))).toBe(true);
    expect(keepsCopy(file('a.txt', 'text'))).toBe(true);
    expect(keepsCopy(file('a.doc', null))).toBe(false);
    expect(isSavedPage(file('a.html', 'html'))).toBe(true);
    expect(isSavedPage(file('a.pdf', 'pdf'))).toBe(false);
    const files = [file('a.pdf', 'pdf'), file('b.html', 'html')];
    expect(nextIndex(files, 0)).toBe(1);
    expect(nextIndex(files, 1)).toBeNull();
  });
});

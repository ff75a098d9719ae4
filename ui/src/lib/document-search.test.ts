import { describe, expect, it } from 'vitest';
import { documentQuery, narrows, noFilters, rowAfterKey, searchDelay } from './document-search';

describe('the vault list query', () => {
  it('asks for everything current when nothing is set, at once', () => {
    const query = documentQuery(noFilters);
    expect(query).toEqual({ text: null, kind: null, country: null, outOfDate: false, includeSuperseded: false });
    expect(narrows(query)).toBe(false);
    expect(searchDelay(query)).toBe(0);
  });

  it('takes blank words as no search and waits only while words are typed', () => {
    expect(documentQuery({ ...noFilters, text: '   ' }).text).toBeNull();
    const typed = documentQuery({ ...noFilters, text: '  casier ' });
    expect(typed.text).toBe('casier');
    expect(narrows(typed)).toBe(true);
    expect(searchDelay(typed)).toBe(120);
  });

  it('narrows by kind, country or standing, but not by showing older versions', () => {
    expect(narrows(documentQuery({ ...noFilters, kind: 'criminal_record' }))).toBe(true);
    expect(narrows(documentQuery({ ...noFilters, country: 'FR' }))).toBe(true);
    expect(narrows(documentQuery({ ...noFilters, outOfDate: true }))).toBe(true);
    const older = documentQuery({ ...noFilters, includeSuperseded: true });
    expect(older.includeSuperseded).toBe(true);
    expect(narrows(older)).toBe(false);
    expect(searchDelay(documentQuery({ ...noFilters, country: 'FR' }))).toBe(0);
  });
});

describe('moving through the rows by keyboard', () => {
  it('steps, pages and jumps, staying inside the list', () => {
    expect(rowAfterKey('ArrowDown', 0, 5000, 10)).toBe(1);
    expect(rowAfterKey('ArrowUp', 0, 5000, 10)).toBe(0);
    expect(rowAfterKey('ArrowDown', 4999, 5000, 10)).toBe(4999);
    expect(rowAfterKey('PageDown', 4995, 5000, 10)).toBe(4999);
    expect(rowAfterKey('PageUp', 3, 5000, 10)).toBe(0);
    expect(rowAfterKey('PageDown', 0, 5000, 0)).toBe(1);
    expect(rowAfterKey('End', 2, 5000, 10)).toBe(4999);
    expect(rowAfterKey('Home', 2, 5000, 10)).toBe(0);
  });

  it('leaves other keys and an empty list alone', () => {
    expect(rowAfterKey('Enter', 2, 5, 10)).toBeNull();
    expect(rowAfterKey('a', 2, 5, 10)).toBeNull();
    expect(rowAfterKey('ArrowDown', 0, 0, 10)).toBeNull();
  });
});

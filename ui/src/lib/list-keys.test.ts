import { describe, expect, it } from 'vitest';
import { rowAfterKey } from './list-keys';

describe('rowAfterKey', () => {
  it('steps one row with the arrows and a screenful with Page Up/Down', () => {
    expect(rowAfterKey('ArrowDown', 4, 100, 10)).toBe(5);
    expect(rowAfterKey('ArrowUp', 4, 100, 10)).toBe(3);
    expect(rowAfterKey('PageDown', 4, 100, 10)).toBe(14);
    expect(rowAfterKey('PageUp', 14, 100, 10)).toBe(4);
  });

  it('goes to the ends with Home and End', () => {
    expect(rowAfterKey('Home', 57, 100, 10)).toBe(0);
    expect(rowAfterKey('End', 3, 10_000, 10)).toBe(9_999);
  });

  it('stops at the first and the last row', () => {
    expect(rowAfterKey('ArrowUp', 0, 100, 10)).toBe(0);
    expect(rowAfterKey('ArrowDown', 99, 100, 10)).toBe(99);
    expect(rowAfterKey('PageDown', 95, 100, 10)).toBe(99);
    expect(rowAfterKey('PageUp', 3, 100, 0)).toBe(2);
  });

  it('leaves other keys, and an empty list, alone', () => {
    expect(rowAfterKey('Enter', 4, 100, 10)).toBeNull();
    expect(rowAfterKey('Tab', 4, 100, 10)).toBeNull();
    expect(rowAfterKey('End', 0, 0, 10)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isHelpKey, isTyping, shortcutRows } from './shortcuts';

function key(key: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) {
  return { key, target, ctrlKey: false, metaKey: false, altKey: false, ...mods };
}

describe('keyboard help', () => {
  it('opens on ? outside a field and on F1 anywhere', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const button = document.createElement('button');
    expect(isHelpKey(key('?'))).toBe(true);
    expect(isHelpKey(key('?', button))).toBe(true);
    expect(isHelpKey(key('?', checkbox))).toBe(true);
    expect(isHelpKey(key('F1', input))).toBe(true);
  });

  it('leaves ? to the field being typed in', () => {
    for (const tag of ['input', 'textarea', 'select'] as const) {
      expect(isHelpKey(key('?', document.createElement(tag))), tag).toBe(false);
    }
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    // jsdom does not compute isContentEditable; the browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTyping(editable)).toBe(true);
    expect(isHelpKey(key('?', document.body, { ctrlKey: true }))).toBe(false);
    expect(isHelpKey(key('/'))).toBe(false);
  });

  it('lists Ctrl+1 … Ctrl+6 in the order of the sidebar', () => {
    const { pages } = shortcutRows();
    expect(pages.map((row) => row.keys[0])).toEqual(['Ctrl+1', 'Ctrl+2', 'Ctrl+3', 'Ctrl+4', 'Ctrl+5', 'Ctrl+6']);
    expect(pages.map((row) => ('route' in row ? row.route : null))).toEqual([
      'dashboard',
      'vacancies',
      'applications',
      'documents',
      'profile',
      'settings',
    ]);
  });
});

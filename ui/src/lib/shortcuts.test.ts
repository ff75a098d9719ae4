import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { comboText, isHelpKey, isTyping, shortcutRows } from './shortcuts';
import fr from '../locales/fr.literals.json';
import es from '../locales/es.literals.json';
import ar from '../locales/ar.literals.json';

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
    expect(pages.map((row) => comboText(row.keys[0]!))).toEqual([
      'Ctrl+1',
      'Ctrl+2',
      'Ctrl+3',
      'Ctrl+4',
      'Ctrl+5',
      'Ctrl+6',
    ]);
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

describe('key names', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  async function keysIn(language: string, resources: object): Promise<string[]> {
    i18next.addResourceBundle(language, 'translation', resources, true, true);
    await i18next.changeLanguage(language);
    return shortcutRows().everywhere.flatMap((row) => row.keys.map(comboText));
  }

  it('prints the keys as English keyboards name them', async () => {
    expect(await keysIn('en', {})).toEqual([
      '?',
      'F1',
      'Tab',
      'Shift+Tab',
      'Enter',
      'Space',
      'Esc',
      '↑',
      '↓',
      'Enter',
      'Ctrl+L',
    ]);
  });

  it('prints the keys as French, Spanish and Arabic keyboards name them', async () => {
    expect(await keysIn('fr', fr)).toEqual([
      '?',
      'F1',
      'Tab',
      'Maj+Tab',
      'Entrée',
      'Espace',
      'Échap',
      '↑',
      '↓',
      'Entrée',
      'Ctrl+L',
    ]);
    expect(comboText(shortcutRows().pages[0]!.keys[0]!)).toBe('Ctrl+1');
    expect(await keysIn('es', es)).toEqual([
      '?',
      'F1',
      'Tab',
      'Mayús+Tab',
      'Intro',
      'Espacio',
      'Esc',
      '↑',
      '↓',
      'Intro',
      'Ctrl+L',
    ]);
    // Arabic keeps the Latin words printed on the caps; only the unlabelled space bar is named.
    expect(await keysIn('ar', ar)).toEqual([
      '?',
      'F1',
      'Tab',
      'Shift+Tab',
      'Enter',
      'المسافة',
      'Esc',
      '↑',
      '↓',
      'Enter',
      'Ctrl+L',
    ]);
  });
});

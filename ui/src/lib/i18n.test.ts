import { describe, expect, it } from 'vitest';
import base from '../locales/en.json';
import profile from '../locales/en.profile.json';
import vault from '../locales/en.vault.json';
import applications from '../locales/en.applications.json';
import packs from '../locales/en.packs.json';
import { regionalLocale, setLocale, t } from './i18n.svelte';

function leaves(node: unknown, path = ''): Array<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return [[path, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('i18n', () => {
  it('keeps each key in one catalogue only', () => {
    const tops = [base, profile, vault, applications, packs].flatMap((catalogue) => Object.keys(catalogue));
    expect(tops.length).toBe(new Set(tops).size);
  });

  it('has a non-empty text for every key of the English catalogue', () => {
    for (const [key, value] of leaves({ ...base, ...profile, ...vault, ...applications, ...packs })) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('interpolates values and picks plural forms', () => {
    expect(t('vacancies.total', { count: 1 })).toBe('1 vacancy, soonest deadline first.');
    expect(t('vacancies.total', { count: 12 })).toBe('12 vacancies, soonest deadline first.');
    expect(t('backups.folderChosen', { folder: '/tmp/<b>' })).toBe('Backups now go to /tmp/<b>.');
  });

  it('formats dates in the regional variant the user prefers', () => {
    expect(regionalLocale('en', ['fr-FR', 'en-GB', 'en-US'])).toBe('en-GB');
    expect(regionalLocale('en', ['fr-FR'])).toBe('en');
    expect(regionalLocale('en', [])).toBe('en');
  });

  it('sets the document language and direction', async () => {
    await setLocale('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('speaks another language once chosen, and mirrors the page for Arabic', async () => {
    try {
      await setLocale('fr');
      expect(t('nav.settings')).toBe('Paramètres');
      expect(t('vacancies.total', { count: 2 })).toBe('2 postes vacants, date limite la plus proche en premier.');
      expect(document.documentElement.lang).toBe('fr');
      await setLocale('ar');
      expect(document.documentElement.dir).toBe('rtl');
    } finally {
      await setLocale('en');
    }
    expect(t('nav.settings')).toBe('Settings');
  });
});

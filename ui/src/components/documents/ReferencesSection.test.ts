import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ReferencesSection from './ReferencesSection.svelte';
import type { ReferenceReport } from '../../lib/bindings';
import { setLocale } from '../../lib/i18n.svelte';

// The shell words the verdicts in the language stored with the preferences; this stands in for
// it, answering in whichever language was stored last.
const worded = {
  en: '1 reference meets INTERPOL’s rules; 2 are needed.',
  fr: '1 référence répond aux règles d’INTERPOL ; il en faut 2.',
  ar: 'يستوفي مرجع واحد قواعد الإنتربول؛ ويلزم \u20682\u2069.',
} as const;

function report(summary: string): ReferenceReport {
  return {
    profileSaved: true,
    check: {
      references: [
        {
          referenceId: 1,
          name: 'Jonas Weber',
          verdict: 'ok',
          reasons: [],
          advice: [],
          letters: [],
        },
      ],
      passing: 1,
      needed: 2,
      enough: false,
      unmatchedLetters: [],
      summary,
    },
    letters: [],
  };
}

afterEach(async () => {
  clearMocks();
  await setLocale('en');
});

describe('the references section', () => {
  it('asks the shell again when the language switches, so its verdicts follow', async () => {
    let stored: keyof typeof worded = 'en';
    mockIPC((cmd) => (cmd === 'vault_references' ? report(worded[stored]) : null));
    await setLocale('en');
    render(ReferencesSection);
    await waitFor(() => expect(screen.getByTestId('references-summary').textContent).toBe(worded.en));

    stored = 'fr';
    await setLocale('fr');
    await waitFor(() => expect(screen.getByTestId('references-summary').textContent).toBe(worded.fr));

    stored = 'ar';
    await setLocale('ar');
    await waitFor(() => expect(screen.getByTestId('references-summary').textContent).toBe(worded.ar));
    // The Latin number inside the Arabic sentence keeps its isolates from the shell.
    expect(screen.getByTestId('references-summary').textContent).toContain('\u20682\u2069');
  });
});

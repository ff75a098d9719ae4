import '@testing-library/svelte/vitest';
import { setLocale } from '../lib/i18n.svelte';

// The window loads its language before it mounts (`main.ts`); tests speak English.
await setLocale('en');

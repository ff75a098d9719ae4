import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { startLanguage } from './lib/language.svelte';
import { router } from './lib/router.svelte';
import { firstLoad } from './lib/session.svelte';

// The data is asked for before the page is built, so the round trip overlaps the mount.
void firstLoad(router.current === 'dashboard');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The page is built once its language's catalogue is in, so no key or English word ever shows
// first; the catalogue's round trip runs beside the data's.
await startLanguage();

export default mount(App, { target });

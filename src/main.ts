import { mount } from 'svelte';
import { loadMessages } from './i18n/index.ts';
import { initialLocale } from './state/app-state.svelte.ts';
import App from './ui/App.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// The page's words must be there before the first render; Chinese is already in the bundle.
await loadMessages(initialLocale(window.location.search));
mount(App, { target });

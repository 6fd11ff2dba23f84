/**
 * Unit tests read both dictionaries synchronously (`messagesFor`), as the app does once a
 * language is loaded; load every locale before any test runs.
 */
import { LOCALES } from '../../src/domain/view-state.ts';
import { loadMessages } from '../../src/i18n/index.ts';

await Promise.all(LOCALES.map((locale) => loadMessages(locale)));

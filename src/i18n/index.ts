import type { Locale } from '../domain/view-state.ts';
import { zhCN, type Messages } from './zh-CN.ts';

export type { Messages };

/**
 * Dictionaries loaded so far. Chinese, the reference, ships in the first load; English is
 * fetched when first asked for, which keeps its words out of the first-load budget.
 */
const loaded: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: async () => (await import('./en.ts')).en,
};

/** Loads a locale's dictionary (once); await it before switching the page to that locale. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const messages = loaded[locale] ?? (await LOADERS[locale]());
  loaded[locale] = messages;
  return messages;
}

/**
 * The dictionary for a loaded locale. Asking for one not yet loaded is a bug in the caller
 * (it must `loadMessages` first), so it throws rather than show the other language.
 */
export function messagesFor(locale: Locale): Messages {
  const messages = loaded[locale];
  if (!messages) throw new Error(`messages for ${locale} are not loaded`);
  return messages;
}

/** Fills `{name}` placeholders in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
